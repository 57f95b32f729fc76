/* domino.c: Lotus (IBM, HCL) Domino delivery failure reports, subject
 * "DELIVERY FAILURE: ...":
 *
 *   Your message
 *     Subject: Test
 *   was not delivered to:
 *     user@example.jp
 *   because:
 *     User user (user@example.jp) not listed in Domino Directory
 *
 * Some also carry DSN-style fields (Status:, Remote-MTA:, ...) as text. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "domino"

#define FAILURE_LEAD "DELIVERY FAILURE:"
#define FAILURE_WORD "DELIVERY_FAILURE"

static const char *const failure_subjects[] = { FAILURE_LEAD, FAILURE_WORD, NULL };
static const ModoriHeaderFact domino_marks[] = {
  { "Subject", failure_subjects },
  { NULL },
};
static const ModoriSignature signature = { .all = domino_marks };

/* The signature's search ignores case and place; these do not. */
static gboolean
domino_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *subject = g_mime_object_get_header (GMIME_OBJECT (bounce), "Subject");

  return subject && (g_str_has_prefix (subject + strspn (subject, " \t"), FAILURE_LEAD) ||
                     strstr (subject, FAILURE_WORD));
}

/* "Name: value" at @line for one of the DSN fields Domino writes as text. */
static const char *
field_value (const char *line, const char *name)
{
  gsize n = strlen (name);

  if (g_ascii_strncasecmp (line, name, n) != 0 || line[n] != ':')
    return NULL;
  return line + n + 1 + strspn (line + n + 1, " \t");
}

/* "dns; mx.example.jp" -> "mx.example.jp" */
static char *
mta_name (const char *value)
{
  const char *semicolon = strchr (value, ';');
  char *name = g_strdup (semicolon ? semicolon + 1 : value);

  return g_strstrip (name);
}

/* The "because:" paragraph is the diagnostic of records @first.. */
static void
set_reason (GPtrArray *records, guint first, const char *because)
{
  /* One text for all the recipients, cut once. */
  char *diagnostic = _modori_record_cut_diagnostic (_modori_text_collapse_space (because));

  /* No plain address under "was not delivered to:" (a Notes name such as
   * "Cat/Org"): the reason names it, "User x (user@example.jp) not listed". */
  if (first == records->len && strchr (diagnostic, '@'))
    {
      ModoriRecord *record = _modori_engine_add_record (records, ENGINE_NAME, diagnostic, NULL);
      if (_modori_record_peek (record, FIELD_RECIPIENT)[0] == '\0' ||
          !strchr (_modori_record_peek (record, FIELD_RECIPIENT), '@'))
        g_ptr_array_remove_index (records, records->len - 1);
      else
        _modori_record_set (record, FIELD_ACTION, "failed");
    }

  for (guint r = first; r < records->len; r++)
    _modori_record_set (g_ptr_array_index (records, r), FIELD_DIAGNOSTICCODE, diagnostic);
  g_free (diagnostic);
}

static gboolean
domino_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  char **lines;
  enum { BEFORE, MESSAGE, RECIPIENTS, BECAUSE } part = BEFORE;
  guint group = records->len;    /* first record of the current "was not delivered to:" */
  GString *because;
  char code[16] = "";
  char *diagnostic_field = NULL, *rhost = NULL, *lhost = NULL;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  because = g_string_new (NULL);
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);
      const char *value;

      if (part == BEFORE)
        {
          if (g_str_has_prefix (line, "Your message"))
            part = MESSAGE;
          continue;
        }
      if (strcmp (line, "was not delivered to:") == 0)
        {
          part = RECIPIENTS;
          group = records->len;
        }
      else if (strcmp (line, "because:") == 0)
        {
          part = BECAUSE;
          g_string_truncate (because, 0);
        }
      else if (line[0] == '\0')
        {
          /* The reason is one paragraph; it belongs to its group. */
          if (part == BECAUSE && because->len > 0)
            {
              set_reason (records, group, because->str);
              part = MESSAGE;
            }
        }
      else if (part == RECIPIENTS && strchr (line, '@') && !strpbrk (line, " \t"))
        {
          ModoriRecord *record = _modori_engine_add_record (records, ENGINE_NAME, line, NULL);
          _modori_record_set (record, FIELD_ACTION, "failed");
        }
      else if (part == BECAUSE)
        g_string_append_printf (because, " %s", line);
      else if ((value = field_value (line, "Status")) != NULL)
        _modori_text_find_status_code (value, code);
      else if ((value = field_value (line, "Diagnostic-Code")) != NULL && diagnostic_field == NULL)
        diagnostic_field = g_strdup (value);
      else if ((value = field_value (line, "Remote-MTA")) != NULL && rhost == NULL)
        rhost = mta_name (value);
      else if ((value = field_value (line, "Reporting-MTA")) != NULL && lhost == NULL)
        lhost = mta_name (value);
    }
  if (part == BECAUSE && because->len > 0)
    set_reason (records, group, because->str);

  /* The field's text, shared by all, is cut once. */
  if (diagnostic_field)
    {
      char *field = diagnostic_field;
      diagnostic_field = _modori_record_cut_diagnostic (_modori_text_collapse_space (field));
      g_free (field);
    }
  for (guint r = before; r < records->len; r++)
    {
      ModoriRecord *record = g_ptr_array_index (records, r);
      if (code[0])
        _modori_record_set (record, FIELD_DELIVERYSTATUS, code);
      if (diagnostic_field && !_modori_record_is_set (record, FIELD_DIAGNOSTICCODE))
        _modori_record_set (record, FIELD_DIAGNOSTICCODE, diagnostic_field);
      _modori_record_set (record, FIELD_RHOST, rhost);
      _modori_record_set (record, FIELD_LHOST, lhost);
    }

  g_free (diagnostic_field);
  g_free (rhost);
  g_free (lhost);
  g_string_free (because, TRUE);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_domino = {
  .name = ENGINE_NAME,
  .sniff = domino_sniff,
  .parse = domino_parse,
  .signature = &signature,
};
