/* x2.c: an unnamed MTA's "Delivery failure" (qmail-like blocks).
 *
 *   Message from example.com.
 *   Unable to deliver message to the following address(es).
 *
 *   <user@example.com>:
 *   This user doesn't have a example.com account (user@example.com) [0]
 *
 *   --- Original message follows.
 */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

static const char *const daemon_sender[] = { "MAILER-DAEMON@", NULL };
static const char *const titles[] = { "Delivery failure", "failure delivery", "failed delivery", NULL };
static const char *const original_markers[] = { "--- Original message follows.", NULL };

static gboolean
x2_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *subject = g_mime_message_get_subject (bounce);

  if (_modori_header_contains (bounce, "From", daemon_sender))
    return TRUE;
  for (guint i = 0; subject && titles[i]; i++)
    if (g_str_has_prefix (subject, titles[i]))
      return TRUE;
  return FALSE;
}

/* The sniff wants a title at the start, as written. */
static const ModoriHeaderFact x2_marks[] = {
  { "From", daemon_sender },
  { "Subject", titles },
  { NULL },
};
static const ModoriSignature signature = { .any = x2_marks };

/* "<user@example.com>:" alone on its line. */
static char *
block_recipient (const char *line)
{
  gsize n = strlen (line);

  while (n > 0 && g_ascii_isspace (line[n - 1]))
    n--;
  if (n < 5 || line[0] != '<' || line[n - 2] != '>' || line[n - 1] != ':' ||
      memchr (line, '>', n) != line + n - 2 || memchr (line, '@', n) == NULL)
    return NULL;
  return g_strndup (line + 1, n - 3);
}

static void
add (GPtrArray *records, const char *recipient, GString *lines, const char *lhost,
     ModoriOriginal *original)
{
  ModoriRecord *record;

  if (recipient == NULL)
    return;
  record = _modori_engine_add_record (records, "x2", recipient, lines->str);
  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_record_set (record, FIELD_LHOST, lhost);
  _modori_engine_set_original (record, original);
}

static gboolean
x2_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  const char *start;
  char *recipient = NULL, *lhost = NULL;
  GString *lines;
  guint before = records->len;
  char **split;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  start = _modori_text_find_nocase (text.report, "Unable to deliver message to the following address");
  if (start == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }

  /* "Message from example.com." names the reporting host. */
  {
    const char *from = _modori_text_find_nocase (text.report, "Message from ");
    if (from && from < start)
      {
        char *host = g_strstrip (g_strndup (from + 13, strcspn (from + 13, "\n")));
        gsize n = strlen (host);
        if (n > 0 && host[n - 1] == '.')
          host[n - 1] = '\0';
        lhost = g_ascii_strdown (host, -1);
        g_free (host);
      }
  }

  lines = g_string_new (NULL);
  split = g_strsplit (start, "\n", -1);
  for (guint i = 1; split[i]; i++)
    {
      char *address = block_recipient (split[i]);

      if (address)
        {
          add (records, recipient, lines, lhost, text.original);
          g_free (recipient);
          recipient = address;
          g_string_truncate (lines, 0);
        }
      else if (recipient)
        {
          g_string_append (lines, split[i]);
          g_string_append_c (lines, '\n');
        }
    }
  add (records, recipient, lines, lhost, text.original);

  g_free (recipient);
  g_free (lhost);
  g_strfreev (split);
  g_string_free (lines, TRUE);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_x2 = {
  .name = "x2",
  .sniff = x2_sniff,
  .parse = x2_parse,
  .signature = &signature,
};
