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
 * 1&1's servers write the same layout (see einsundeins.c). */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

static const char *const original_markers[] = { "--- The header of the original message is following. ---", NULL };
static const char *const failed_subject[] = { "Mail delivery failed", NULL };
static const char *const gmx_senders[] = { "@gmx.", ".gmx.", "@web.de", ".web.de", NULL };

static gboolean
gmx_sniff (GMimeMessage *bounce)
{
  return _modori_header_contains (bounce, "Subject", failed_subject) &&
         _modori_header_contains (bounce, "From", gmx_senders);
}

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

static void
add_recipient (GPtrArray *records, const char *recipient, const char *lines, GMimeMessage *original)
{
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
  record = _modori_engine_add_record (records, "gmx", recipient, words);
  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_record_set (record, FIELD_COMMAND, command_of (text));
  _modori_record_set (record, FIELD_RHOST, rhost);
  _modori_engine_set_original (record, original);
  g_free (rhost);
  g_free (text);
}

static gboolean
gmx_parse (GMimeMessage *bounce, GPtrArray *records)
{
  TextBounce text;
  const char *start;
  char **lines;
  char *recipient = NULL;
  GString *diagnostic = g_string_new (NULL);
  guint before = records->len;

  if (!_modori_text_bounce_read (bounce, original_markers, &text) || text.original_text == NULL ||
      (start = _modori_text_find_nocase (text.report, "failed:")) == NULL)
    {
      _modori_text_bounce_clear (&text);
      g_string_free (diagnostic, TRUE);
      return FALSE;
    }

  lines = g_strsplit (start, "\n", -1);
  for (char **line = lines + 1; *line; line++)
    {
      char *stripped = g_strstrip (*line);
      char *address = recipient_of (stripped);

      if (address)
        {
          if (recipient)
            add_recipient (records, recipient, diagnostic->str, text.original);
          g_free (recipient);
          recipient = address;
          g_string_truncate (diagnostic, 0);
        }
      else if (recipient && stripped[0])
        g_string_append_printf (diagnostic, "%s\n", stripped);
    }
  if (recipient)
    add_recipient (records, recipient, diagnostic->str, text.original);

  g_free (recipient);
  g_strfreev (lines);
  g_string_free (diagnostic, TRUE);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_gmx = {
  .name = "gmx",
  .sniff = gmx_sniff,
  .parse = gmx_parse,
};
