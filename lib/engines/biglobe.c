/* biglobe.c: bounces from BIGLOBE and the Japanese cable providers that
 * share its mail system (postmaster@biglobe.ne.jp, "Returned mail: ..."):
 *
 *      ----- The following addresses had delivery problems -----
 *   user@example.biglobe.ne.jp
 *
 *      ----- Non-delivered information -----
 *   The number of messages in recipient's mailbox exceeded the local limit.
 *
 * The information is about all the addresses listed above it. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "biglobe"

#define SUBJECT_LEAD "Returned mail:"

static const char *const from[] = {
  "@biglobe.ne.jp", "@inacatv.ne.jp", "@tmtv.ne.jp", "@ttv.ne.jp", NULL,
};
static const char *const postmaster[] = { "postmaster@", NULL };
static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
static const ModoriHeaderFact biglobe_marks[] = {
  { "Subject", subject_lead },
  { "From", postmaster },
  { "From", from },
  { NULL },
};
static const ModoriSignature signature = { .all = biglobe_marks };

/* The signature finds the title anywhere: it must lead the Subject. */
static gboolean
biglobe_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *subject = g_mime_object_get_header (GMIME_OBJECT (bounce), "Subject");

  return subject && g_str_has_prefix (subject + strspn (subject, " \t"), SUBJECT_LEAD);
}

static gboolean
biglobe_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  char **lines;
  enum { BEFORE, ADDRESSES, INFORMATION } part = BEFORE;
  GString *information;
  guint before = records->len;
  char *diagnostic;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  information = g_string_new (NULL);
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (strstr (line, "----- The following addresses had delivery problems -----"))
        part = ADDRESSES;
      else if (strstr (line, "----- Non-delivered information -----"))
        part = INFORMATION;
      else if (line[0] == '\0' || part == BEFORE)
        continue;
      else if (part == ADDRESSES && strchr (line, '@') && !strpbrk (line, " \t"))
        {
          ModoriRecord *record = _modori_engine_add_record (records, ENGINE_NAME, line, NULL);
          _modori_record_set (record, FIELD_ACTION, "failed");
        }
      else if (part == INFORMATION && !g_str_has_prefix (line, "--"))
        g_string_append_printf (information, " %s", line);
    }

  /* One text for all the recipients, cut once. */
  diagnostic = _modori_record_cut_diagnostic (_modori_text_collapse_space (information->str));
  for (guint i = before; i < records->len; i++)
    _modori_record_set (g_ptr_array_index (records, i), FIELD_DIAGNOSTICCODE, diagnostic);

  g_free (diagnostic);
  g_string_free (information, TRUE);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_biglobe = {
  .name = ENGINE_NAME,
  .sniff = biglobe_sniff,
  .parse = biglobe_parse,
  .signature = &signature,
};
