/* yahoo.c: Yahoo! Mail's "Failure Notice" bounces:
 *
 *   Sorry, we were unable to deliver your message to the following address.
 *
 *   <user@example.jp>:
 *   Remote host said: 550 5.1.1 <user@example.jp>... User Unknown [RCPT_TO]
 *
 *   --- Below this line is a copy of the message.
 */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

static const char *const original_markers[] = { "--- Below this line is a copy of the message.", NULL };
static const char *const failure_subject[] = { "Failure Notice", NULL };
static const char *const intro = "Sorry, we were unable to deliver your message to the following address";

/* The stage tag Yahoo appends to the remote reply. */
static const struct {
  const char *tag;
  const char *command;
} stage_tags[] = {
  { "[RCPT_TO]", "RCPT" },
  { "[MAIL_FROM]", "MAIL" },
  { "[DATA]", "DATA" },
  { "[BODY]", "DATA" },
  { "[HELO]", "HELO" },
  { "[EHLO]", "EHLO" },
};

static gboolean
yahoo_sniff (GMimeMessage *bounce)
{
  return _modori_header_contains (bounce, "Subject", failure_subject);
}

/* "<user@example.jp>:" */
static gboolean
is_recipient_line (const char *line)
{
  gsize length = strlen (line);

  return line[0] == '<' && length > 3 && line[length - 1] == ':' && line[length - 2] == '>' &&
         memchr (line, '@', length) != NULL;
}

/* Adds the record of @recipient from its collected lines, minus the
 * "Remote host said:" lead-in and the stage tag. */
static void
add_recipient (GPtrArray *records, const char *recipient, GString *lines, GMimeMessage *original)
{
  char *diagnostic = _modori_text_collapse_space (lines->str);
  const char *words = diagnostic, *command = NULL;
  ModoriRecord *record;

  if (g_str_has_prefix (words, "Remote host said:"))
    words += strlen ("Remote host said:");
  for (guint i = 0; i < G_N_ELEMENTS (stage_tags); i++)
    if (g_str_has_suffix (words, stage_tags[i].tag))
      {
        diagnostic[strlen (diagnostic) - strlen (stage_tags[i].tag)] = '\0';
        command = stage_tags[i].command;
        break;
      }
  record = _modori_engine_add_record (records, "yahoo", recipient, words);
  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_record_set (record, FIELD_COMMAND, command);
  _modori_engine_set_original (record, original);
  g_free (diagnostic);
}

static gboolean
yahoo_parse (GMimeMessage *bounce, GPtrArray *records)
{
  TextBounce text;
  const char *start;
  char **lines;
  char *recipient = NULL;
  GString *diagnostic = g_string_new (NULL);
  guint before = records->len;

  if (!_modori_text_bounce_read (bounce, original_markers, &text))
    return FALSE;
  start = _modori_text_find_nocase (text.report, intro);
  if (start == NULL)
    {
      _modori_text_bounce_clear (&text);
      g_string_free (diagnostic, TRUE);
      return FALSE;
    }

  lines = g_strsplit (start, "\n", -1);
  for (char **line = lines + 1; *line; line++)
    {
      char *stripped = g_strstrip (*line);

      if (is_recipient_line (stripped))
        {
          if (recipient)
            add_recipient (records, recipient, diagnostic, text.original);
          g_free (recipient);
          recipient = g_strndup (stripped, strlen (stripped) - 1);
          g_string_truncate (diagnostic, 0);
        }
      else if (recipient && stripped[0])
        g_string_append_printf (diagnostic, "%s ", stripped);
    }
  if (recipient)
    add_recipient (records, recipient, diagnostic, text.original);

  g_free (recipient);
  g_strfreev (lines);
  g_string_free (diagnostic, TRUE);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_yahoo = {
  .name = "yahoo",
  .sniff = yahoo_sniff,
  .parse = yahoo_parse,
};
