/* yandex.c: Yandex.Mail's bounces: a delivery status report (RFC 3464)
 * from mailer-daemon@yandex.ru, its text a Russian preface and Postfix's
 * English one. The standard report is read as such; what it leaves out
 * is in Postfix's wording of the diagnostic. */
#include <string.h>

#include "../engine.h"
#include "../text.h"
#include "text-bounce.h"

extern const ModoriEngine _modori_engine_rfc3464;

static const char *const daemon_sender[] = { "mailer-daemon@yandex.", NULL };
static const ModoriHeaderFact yandex_marks[] = {
  { "From", daemon_sender },
  { NULL },
};
static const ModoriSignature signature = { .all = yandex_marks };

/* Yandex's bounce is a delivery report. */
static gboolean
yandex_sniff (ModoriBounce *context)
{
  return _modori_engine_rfc3464.sniff (context);
}

/* Postfix's "connect to NAME[IP]:25: Connection timed out": the session
 * failed while connecting to NAME. */
static char *
connect_host (const char *diagnostic)
{
  const char *start, *end;

  if (g_ascii_strncasecmp (diagnostic, "connect to ", 11) != 0)
    return NULL;
  start = diagnostic + 11;
  end = start + strcspn (start, "[: ");
  if (*end != '[' || end == start)
    return NULL;
  return g_ascii_strdown (start, end - start);
}

static gboolean
yandex_parse (ModoriBounce *context, GPtrArray *records)
{
  guint before = records->len;

  if (!_modori_engine_rfc3464.parse (context, records))
    return FALSE;
  for (guint i = before; i < records->len; i++)
    {
      ModoriRecord *record = g_ptr_array_index (records, i);
      char *host = connect_host (_modori_record_peek (record, FIELD_DIAGNOSTICCODE));

      if (host)
        {
          if (!_modori_record_is_set (record, FIELD_RHOST))
            _modori_record_set (record, FIELD_RHOST, host);
          if (!_modori_record_is_set (record, FIELD_COMMAND))
            _modori_record_set (record, FIELD_COMMAND, "CONN");
          g_free (host);
        }
      _modori_record_set (record, FIELD_DECODEDBY, "yandex");
    }
  return TRUE;
}

const ModoriEngine _modori_engine_yandex = {
  .name = "yandex",
  .sniff = yandex_sniff,
  .parse = yandex_parse,
  .signature = &signature,
};
