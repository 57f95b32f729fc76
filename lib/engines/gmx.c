/* gmx.c: bounces of GMX and WEB.DE (United Internet's mail system):
 *
 *   ... This is a permanent error. The following address
 *   failed:
 *
 *   "user@example.jp":
 *   SMTP error from remote server after RCPT command:
 *   host: mx.example.jp
 *   5.1.1 <user@example.jp>... User Unknown
 *
 *   --- The header of the original message is following. ---
 *
 * or "SMTP error from remote server for TEXT command, host: mx.example.jp
 * (192.0.2.1) reason: 550 5.2.0 ..." on one line. 1&1's servers write the
 * same layout (einsundeins.c calls the parser here). */
#include <string.h>

#include "../text.h"
#include "gmx.h"
#include "text-bounce.h"

static const char *const original_markers[] = { "--- The header of the original message is following. ---", NULL };
static const char *const failed_subject[] = { "Mail delivery failed", NULL };
static const char *const gmx_senders[] = { "@gmx.", ".gmx.", "@web.de", ".web.de", NULL };

static const ModoriHeaderFact gmx_marks[] = {
  { "Subject", failed_subject },
  { "From", gmx_senders },
  { NULL },
};
static const ModoriSignature signature = { .all = gmx_marks };

/* A line naming a failed recipient: "user@example.jp:", "<user@...>",
 * "\"user@...\":". Returns the bare address or NULL. */
static char *
recipient_of (const char *line)
{
  gsize length = strlen (line);

  if (length == 0 || strpbrk (line, " \t") || strchr (line, '@') == NULL)
    return NULL;
  if (line[length - 1] == ':')
    length--;
  if (length >= 2 && (line[0] == '"' || line[0] == '<') &&
      (line[length - 1] == '"' || line[length - 1] == '>'))
    return g_strndup (line + 1, length - 2);
  return g_strndup (line, length);
}

/* "SMTP error from remote server after RCPT command:" or "... for TEXT
 * command," (TEXT: the message content, i.e. DATA). */
static const char *
command_of (const char *text)
{
  static const char *const commands[] = { "RCPT", "MAIL", "DATA", "EHLO", "HELO", "BDAT", NULL };
  const char *p = _modori_text_find_nocase (text, " command");

  if (p == NULL)
    return NULL;
  for (guint i = 0; commands[i]; i++)
    if (p - text >= 4 && g_ascii_strncasecmp (p - 4, commands[i], 4) == 0)
      return commands[i];
  if (p - text >= 4 && g_ascii_strncasecmp (p - 4, "TEXT", 4) == 0)
    return "DATA";
  return NULL;
}

typedef struct {
  GPtrArray *records;
  const char *engine;
  ModoriOriginal *original;
} Target;

static void
add_recipient (const char *recipient, const char *lines, gpointer user_data)
{
  Target *target = user_data;
  char *text = _modori_text_collapse_space (lines);
  const char *host = _modori_text_find_nocase (text, "host: ");
  const char *reason = _modori_text_find_nocase (text, "reason:");
  const char *words = text;
  char *rhost = NULL;
  ModoriRecord *record;

  if (host)
    {
      host += strlen ("host: ");
      rhost = g_ascii_strdown (host, strcspn (host, " ,("));
      words = host + strcspn (host, " ");
    }
  /* The remote server's words follow "reason:", else the host. */
  if (reason)
    words = reason + strlen ("reason:");
  record = _modori_engine_add_record (target->records, target->engine, recipient, words);
  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_record_set (record, FIELD_COMMAND, command_of (text));
  _modori_record_set (record, FIELD_RHOST, rhost);
  _modori_engine_set_original (record, target->original);
  g_free (rhost);
  g_free (text);
}

gboolean
_modori_united_internet_parse (ModoriBounce *context, GPtrArray *records, const char *engine)
{
  TextBounce text;
  const char *start;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, original_markers, &text) || text.original_text == NULL ||
      (start = _modori_text_find_nocase (text.report, "failed:")) == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }

  _modori_text_each_block (start, recipient_of, add_recipient,
                           &(Target) { records, engine, text.original });
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

static gboolean
gmx_parse (ModoriBounce *context, GPtrArray *records)
{
  return _modori_united_internet_parse (context, records, "gmx");
}

const ModoriEngine _modori_engine_gmx = {
  .name = "gmx",
  .signature = &signature,
  .parse = gmx_parse,
};
