/* activehunter.c: QUALITIA Active!hunter reports (header X-AHMAILID), a
 * sendmail-like text without a delivery-status part:
 *
 *     ----- The following addresses had permanent fatal errors -----
 *   >>> user@example.org <user@example.org>
 *     ----- Transcript of session follows -----
 *   550 sorry, no mailbox here by that name (#5.1.1 - chkusr)
 */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "activehunter"

/* The product's own header. */
static const ModoriHeaderFact own_header[] = {
  { "X-AHMAILID", NULL },
  { NULL },
};
static const ModoriSignature signature = { .all = own_header };

static gboolean
activehunter_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  char **lines;
  gboolean started = FALSE;
  char *transcript = NULL;   /* the server's reply */
  guint before = records->len;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (!started)
        {
          started = strstr (line, "----- The following addresses had permanent fatal errors -----") != NULL;
          continue;
        }
      if (g_str_has_prefix (line, ">>> ") && strchr (line, '@'))
        {
          ModoriRecord *record = _modori_engine_add_record (records, ENGINE_NAME, line + 4, NULL);
          _modori_record_set (record, FIELD_ACTION, "failed");
        }
      else if (transcript == NULL && records->len > before && g_ascii_isalnum (line[0]))
        transcript = g_strdup (line);
    }

  /* One transcript for the whole message, cut once for all. */
  if (transcript)
    {
      char *diagnostic = _modori_record_cut_diagnostic (_modori_text_collapse_space (transcript));
      for (guint r = before; r < records->len; r++)
        _modori_record_set (g_ptr_array_index (records, r), FIELD_DIAGNOSTICCODE, diagnostic);
      g_free (diagnostic);
    }

  g_free (transcript);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_activehunter = {
  .name = ENGINE_NAME,
  .signature = &signature,
  .parse = activehunter_parse,
};
