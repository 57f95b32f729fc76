/* kddi.c: bounces from au (KDDI) mail servers (dion.ne.jp, auone-net.jp):
 *
 *   Your mail sent on: Thu, 29 Apr 2010 11:04:47 +0900
 *        Could not be delivered to: <user@example.dion.ne.jp>
 *        As their mailbox is full.
 *
 * ("Your mail attempted to be delivered on:" in older ones). */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "kddi"

static const char *const from[] = { ".dion.ne.jp", "auone-net.jp", NULL };
static const char *const reply_to[] = { "no-reply@app.auone-net.jp", NULL };
static const char *const received[] = { "ezweb.ne.jp (", ".au.com (", "auone-net.jp ", NULL };
/* Cheap and loose: parse() still needs the body's fixed phrases. */
static const ModoriHeaderFact kddi_marks[] = {
  { "From", from },
  { "Reply-To", reply_to },
  { "Received", received },
  { NULL },
};
static const ModoriSignature signature = { .any = kddi_marks };

static gboolean
kddi_parse (ModoriBounce *context, GPtrArray *records)
{
  static const char *const starts[] = { "Your mail sent on:", "Your mail attempted to be delivered on:" };
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  char **lines;
  gboolean started = FALSE;
  const char *date = NULL;
  ModoriRecord *record = NULL;
  GString *diagnostic;
  guint before = records->len;
  const char *spasign = g_mime_object_get_header (GMIME_OBJECT (bounce), "X-SPASIGN");

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  diagnostic = g_string_new (NULL);
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *body = line + strspn (line, " \t");
      const char *hit;
      gboolean start_line = FALSE;

      /* Each "Your mail sent on: DATE" opens the next recipient's block. */
      for (guint s = 0; s < G_N_ELEMENTS (starts) && !start_line; s++)
        if (g_str_has_prefix (body, starts[s]))
          {
            started = start_line = TRUE;
            date = body + strlen (starts[s]);
          }
      if (!started || start_line || body[0] == '\0')
        continue;

      if ((hit = strstr (body, "Could not be delivered to:")) != NULL)
        {
          if (record)
            _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (diagnostic->str));
          g_string_truncate (diagnostic, 0);
          record = _modori_engine_add_record (records, ENGINE_NAME, hit + 26, NULL);
          if (_modori_record_peek (record, FIELD_RECIPIENT)[0] == '\0')
            {
              g_ptr_array_remove_index (records, records->len - 1);
              record = NULL;
              continue;
            }
          _modori_record_set (record, FIELD_ACTION, "failed");
          _modori_record_set_date (record, date);
        }
      else if (record && (line[0] == ' ' || line[0] == '\t'))
        g_string_append_printf (diagnostic, " %s", body);
    }
  if (record)
    _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (diagnostic->str));
  /* au's content filter marks what it refused with this header. */
  if (spasign && g_ascii_strncasecmp (spasign + strspn (spasign, " \t"), "NG", 2) == 0)
    for (guint r = before; r < records->len; r++)
      {
        ModoriRecord *filtered = g_ptr_array_index (records, r);
        filtered->reason = MODORI_REASON_FILTERED;
        _modori_record_set (filtered, FIELD_REASONBY, "engine:" ENGINE_NAME);
      }

  g_string_free (diagnostic, TRUE);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_kddi = {
  .name = ENGINE_NAME,
  .signature = &signature,
  .parse = kddi_parse,
};
