/* dragonfly.c: bounces of the DragonFly Mail Agent (dma).
 *
 * dma writes one plain-text bounce per failed recipient:
 *
 *   This is the DragonFly Mail Agent v0.13 at HOST.
 *
 *   There was an error delivering your mail to <ADDRESS>.
 *
 *   REMOTE [IP] did not like our RCPT TO:
 *   550 5.1.1 <ADDRESS>: Recipient address rejected: ...
 *
 *   Original message follows.        (or "Message headers follow.")
 *
 * The error text is either the remote server's reply after the "did not
 * like our COMMAND:" line, or dma's own words (DNS failure, timeout). */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "dragonfly"

static const char *const original_markers[] = {
  "Original message follows.",
  "Message headers follow.",
  NULL,
};

#define SUBJECT_LEAD "Mail delivery failed"

static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
/* dma stamps its own Received line on the bounce it makes. */
static const char *const received[] = { "(DragonFly Mail Agent", NULL };
static const ModoriHeaderFact dragonfly_marks[] = {
  { "Subject", subject_lead },
  { "Received", received },
  { NULL },
};
static const ModoriSignature signature = { .all = dragonfly_marks };

/* The signature finds the title anywhere: it must lead the Subject. */
static gboolean
dragonfly_sniff (ModoriBounce *context)
{
  const char *subject = g_mime_message_get_subject (_modori_bounce_get_message (context));

  return subject && g_ascii_strncasecmp (subject, SUBJECT_LEAD, strlen (SUBJECT_LEAD)) == 0;
}

/* "did not like our final DATA:" -> "DATA"; the names dma's SMTP client
 * uses in that message. */
static const char *
command_of (const char *after)
{
  static const struct { const char *word; const char *command; } names[] = {
    { "final DATA", "DATA" }, { "DATA", "DATA" }, { "RCPT TO", "RCPT" },
    { "MAIL FROM", "MAIL" }, { "EHLO", "EHLO" }, { "HELO", "HELO" },
    { "STARTTLS", "STARTTLS" }, { "AUTH", "AUTH" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strncasecmp (after, names[i].word, strlen (names[i].word)) == 0)
      return names[i].command;
  return NULL;
}

/* "This is the DragonFly Mail Agent v0.13 at HOST." -> HOST */
static char *
local_host (const char *report)
{
  const char *line = _modori_text_find_nocase (report, "This is the DragonFly Mail Agent");
  const char *at, *end;

  if (line == NULL)
    return NULL;
  end = strchr (line, '\n');
  if (end == NULL)
    end = line + strlen (line);
  at = g_strstr_len (line, end - line, " at ");
  if (at == NULL)
    return NULL;
  at += 4;
  while (end > at && (end[-1] == '.' || g_ascii_isspace (end[-1])))
    end--;
  return end > at ? g_ascii_strdown (at, end - at) : NULL;
}

/* Fills @record from the error text of one recipient: the lines after
 * "There was an error delivering your mail to <...>." up to the next one. */
static void
read_error (ModoriRecord *record, const char *text)
{
  const char *like = _modori_text_find_nocase (text, " did not like our ");
  GString *diagnostic = g_string_new (NULL);

  if (like)
    {
      const char *line = like, *eol;
      while (line > text && line[-1] != '\n')
        line--;
      /* "HOST [IP] did not like our ...": the host is the first word. */
      if (like > line)
        {
          const char *space = strpbrk (line, " [");
          if (space && space <= like && memchr (line, '.', space - line))
            _modori_record_take (record, FIELD_RHOST, g_ascii_strdown (line, space - line));
        }
      _modori_record_set (record, FIELD_COMMAND, command_of (like + strlen (" did not like our ")));
      eol = strchr (like, '\n');
      text = eol ? eol + 1 : like + strlen (like);
    }
  /* The reply (or dma's message): the next paragraph. */
  while (*text == '\n')
    text++;
  for (const char *line = text; *line && *line != '\n';)
    {
      const char *eol = strchr (line, '\n');
      gsize n = eol ? (gsize) (eol - line) : strlen (line);
      g_string_append_len (diagnostic, line, n);
      g_string_append_c (diagnostic, ' ');
      line += n + (eol ? 1 : 0);
    }
  _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (diagnostic->str));
  g_string_free (diagnostic, TRUE);
}

static gboolean
dragonfly_parse (ModoriBounce *context, GPtrArray *records)
{
  static const char lead[] = "There was an error delivering your mail to ";
  TextBounce text;
  const char *p;
  char *lhost;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  lhost = local_host (text.report);

  for (p = _modori_text_find_nocase (text.report, lead); p; )
    {
      const char *address = p + strlen (lead), *eol = strchr (address, '\n');
      const char *next = _modori_text_find_nocase (address, lead);
      /* The error text runs from the end of this line to the next recipient. */
      const char *from = eol ? eol : address + strlen (address);
      char *line = g_strndup (address, from - address);
      char *recipient = _modori_address_clean (line);
      char *block;
      ModoriRecord *record;

      p = next;
      g_free (line);
      if (strchr (recipient, '@') == NULL)
        {
          g_free (recipient);
          continue;
        }
      if (next && next < from)
        from = next;
      block = next ? g_strndup (from, next - from) : g_strdup (from);
      record = _modori_engine_add_record (records, ENGINE_NAME, recipient, NULL);
      read_error (record, block);
      _modori_record_set (record, FIELD_ACTION, "failed");
      _modori_record_set (record, FIELD_LHOST, lhost);
      _modori_engine_set_original (record, text.original);
      g_free (recipient);
      g_free (block);
    }

  g_free (lhost);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_dragonfly = {
  .name = ENGINE_NAME,
  .sniff = dragonfly_sniff,
  .parse = dragonfly_parse,
  .signature = &signature,
};
