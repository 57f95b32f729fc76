/* mailru.c: Mail.Ru's bounces. Mail.Ru runs Exim: its bounce is a Russian
 * preface listing the failed addresses, then Exim's own English report
 * listing them again, which the Exim engine reads. */
#include <string.h>

#include "../engine.h"
#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

extern const ModoriEngine _modori_engine_exim;

/* The sender is mailer-daemon at a mail.ru host; the bounce ids end in a
 * Mail.Ru host (mail.ru, or smailru.net for its relays). */
static gboolean
mailru_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (bounce));
  GMimeHeader *header = g_mime_header_list_get_header (headers, "From");
  const char *id = g_mime_object_get_header (GMIME_OBJECT (bounce), "Message-Id");
  /* The value g_mime_object_get_header() gives, seldom worth decoding. */
  GString *buffer = g_string_new (NULL);
  const char *from = header ? _modori_mime_header_value (header, buffer) : NULL;
  char *address, *domain;
  gboolean ours = FALSE;

  if (from == NULL)
    {
      g_string_free (buffer, TRUE);
      return FALSE;
    }
  address = _modori_address_clean (from);
  g_string_free (buffer, TRUE);
  domain = _modori_address_domain (address);
  if (g_str_equal (domain, "mail.ru") || g_str_has_suffix (domain, ".mail.ru"))
    ours = TRUE;
  else if (id && (_modori_text_find_nocase (id, ".mail.ru>") || _modori_text_find_nocase (id, "smailru.net>")))
    ours = TRUE;
  g_free (domain);
  g_free (address);
  return ours;
}

/* A bounce's, as Exim writes it; the sniff finds the Mail.Ru host. */
static const char *const daemon_sender[] = { "mailer-daemon@", NULL };
static const char *const subjects[] = { "Mail failure", "Mail delivery failed", "Warning: message ", NULL };
static const ModoriHeaderFact from_daemon[] = {
  { "From", daemon_sender },
  { NULL },
};
static const ModoriHeaderFact bounce_marks[] = {
  { "X-Failed-Recipients", NULL },
  { "Subject", subjects },
  { NULL },
};
static const ModoriSignature signature = { .all = from_daemon, .any = bounce_marks };

static gboolean
mailru_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  guint before = records->len;

  if (!_modori_engine_exim.parse (context, records))
    {
      /* Without Exim's report (the Russian preface alone), the failed
       * addresses are still in X-Failed-Recipients. */
      const char *failed = g_mime_object_get_header (GMIME_OBJECT (bounce), "X-Failed-Recipients");
      char **addresses = g_strsplit (failed ? failed : "", ",", -1);

      for (char **a = addresses; *a; a++)
        if (strchr (*a, '@'))
          _modori_record_set (_modori_engine_add_record (records, "mailru", *a, NULL),
                              FIELD_ACTION, "failed");
      g_strfreev (addresses);
    }
  for (guint i = before; i < records->len; i++)
    _modori_record_set (g_ptr_array_index (records, i), FIELD_DECODEDBY, "mailru");
  return records->len > before;
}

const ModoriEngine _modori_engine_mailru = {
  .name = "mailru",
  .sniff = mailru_sniff,
  .parse = mailru_parse,
  .signature = &signature,
};
