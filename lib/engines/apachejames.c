/* apachejames.c: Apache James notices (its AbstractNotify mailet):
 *
 *   Error: Invalid user address      (or a longer apology)
 *
 *   Error message below:             (the server's words follow)
 *   550 - Requested action not taken: no such user here
 *
 *   Message details:
 *     Subject: ...
 *     MAIL FROM: sender@example.com
 *     RCPT TO: user@example.net
 *     From: ...
 */
#include <string.h>

#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "apachejames"

static const char *const subject[] = { "[BOUNCE]", NULL };
static const char *const message_id[] = { ".JavaMail.", NULL };
static const char *const received[] = { "JAMES SMTP Server", NULL };
/* Loose (JavaMail ids are common): parse() needs "Message details:". */
static const ModoriHeaderFact james_marks[] = {
  { "Subject", subject },
  { "Message-ID", message_id },
  { "Received", received },
  { NULL },
};
static const ModoriSignature signature = { .any = james_marks };

static gboolean
apachejames_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  char **lines;
  gboolean details = FALSE;
  GString *error;   /* what James says */
  GString *below = NULL;                  /* the server's reply it quotes */
  char *diagnostic, *mail_from = NULL;
  ModoriOriginal *original;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  error = g_string_new (NULL);
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (!details)
        {
          if (g_str_has_prefix (line, "Message details:"))
            details = TRUE;
          else if (g_str_has_prefix (line, "Error message below:"))
            {
              /* Said twice (a quoted notice): the last one is read. */
              if (below)
                g_string_truncate (below, 0);
              else
                below = g_string_new (NULL);
            }
          else if (line[0])
            g_string_append_printf (below ? below : error, " %s", line);
        }
      else if (g_str_has_prefix (line, "  RCPT TO:") && strchr (line, '@'))
        {
          ModoriRecord *record = _modori_engine_add_record (records, ENGINE_NAME, line + 10, NULL);
          _modori_record_set (record, FIELD_ACTION, "failed");
        }
      else if (g_str_has_prefix (line, "  MAIL FROM:") && mail_from == NULL)
        mail_from = _modori_address_clean (line + 12);
    }

  /* One text for all the recipients, cut once. */
  diagnostic = _modori_record_cut_diagnostic (_modori_text_collapse_space (below && below->len ? below->str : error->str));
  original = _modori_bounce_get_original (context);
  /* James always writes both envelope lines: without them this is not its notice. */
  if (mail_from == NULL)
    g_ptr_array_set_size (records, before);
  for (guint r = before; r < records->len; r++)
    {
      ModoriRecord *record = g_ptr_array_index (records, r);

      _modori_record_set (record, FIELD_DIAGNOSTICCODE, diagnostic);
      /* Without the original, the envelope sender is the addresser. */
      if (original == NULL && mail_from && mail_from[0])
        _modori_record_set (record, FIELD_ADDRESSER, mail_from);
    }

  g_free (diagnostic);
  g_free (mail_from);
  g_string_free (error, TRUE);
  if (below)
    g_string_free (below, TRUE);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_apachejames = {
  .name = ENGINE_NAME,
  .signature = &signature,
  .parse = apachejames_parse,
};
