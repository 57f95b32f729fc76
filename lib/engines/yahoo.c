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

static const ModoriHeaderFact yahoo_marks[] = {
  { "Subject", failure_subject },
  { NULL },
};
static const ModoriSignature signature = { .all = yahoo_marks };

/* "<user@example.jp>:" gives "<user@example.jp>". */
static char *
recipient_of (const char *line)
{
  gsize length = strlen (line);

  if (line[0] == '<' && length > 3 && line[length - 1] == ':' && line[length - 2] == '>' &&
      memchr (line, '@', length) != NULL)
    return g_strndup (line, length - 1);
  return NULL;
}

typedef struct {
  GPtrArray *records;
  ModoriOriginal *original;
} Target;

/* Adds the record of @recipient from its collected lines, minus the
 * "Remote host said:" lead-in and the stage tag. */
static void
add_recipient (const char *recipient, const char *lines, gpointer user_data)
{
  Target *target = user_data;
  char *diagnostic = _modori_text_collapse_space (lines);
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
  record = _modori_engine_add_record (target->records, "yahoo", recipient, words);
  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_record_set (record, FIELD_COMMAND, command);
  _modori_engine_set_original (record, target->original);
  g_free (diagnostic);
}

static gboolean
yahoo_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  const char *start;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  start = _modori_text_find_nocase (text.report, intro);
  if (start == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }

  _modori_text_each_block (start, recipient_of, add_recipient,
                           &(Target) { records, text.original });
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_yahoo = {
  .name = "yahoo",
  .signature = &signature,
  .parse = yahoo_parse,
};
