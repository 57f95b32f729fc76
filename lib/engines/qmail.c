/* qmail.c: qmail-send's "failure notice" and the bounces of its forks and
 * patches (netqmail, indimail, vpopmail, qmail-ldap, translated texts).
 *
 *   Hi. This is the qmail-send program at mx.example.jp.
 *   I'm afraid I wasn't able to deliver your message to the following addresses.
 *   ...
 *   <user@example.org>:
 *   192.0.2.1 does not like recipient.
 *   Remote host said: 550 5.1.1 <user@example.org>... User unknown
 *   Giving up on 192.0.2.1.
 *
 *   --- Below this line is a copy of the message.
 */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

/* Lines that open the report, in qmail-send and its clones. */
static const char *const report_starts[] = {
  "This is the qmail-send program at",
  "Hi. This is the qmail",
  "He/Her is not ",
  "unable to deliver your message to the following address",
  "Su mensaje no pudo ser entregado",
  "This is the machine generated message from mail service",
  "This is the mail delivery agent at",
  "Unfortunately, your mail was not delivered to the following address",
  "Your mail message to the following address",
  "Your message to the following addresses",
  NULL,
};

/* Lines that introduce the returned original. */
static const char *const original_markers[] = {
  "--- Below this line is a copy of the message.",
  "--- Below this line is a copy of the mail header.",
  "--- Below the next line is a copy of the message.",
  "--- Enclosed is a copy of the message.",
  "--- Enclosed are the original headers of the message.",
  "--- Mensaje original adjunto.",
  NULL,
};

/* qmail-send queues its bounces itself: "(qmail 123 invoked for bounce)". */
static const char *const bounce_received[] = { "invoked for bounce", NULL };
#define SUBJECT_LEAD "failure notice"
static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };

static gboolean
qmail_sniff (ModoriBounce *context)
{
  static const char *const yahoo_headers[] = { "X-YMailISG", "X-YMail-OSG", NULL };
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  GMimeObject *object = GMIME_OBJECT (bounce);
  const char *subject = g_mime_message_get_subject (bounce);
  const char *mailer = g_mime_object_get_header (object, "X-Mailer");

  if (_modori_header_contains (bounce, "Received", bounce_received))
    return TRUE;
  if (subject == NULL || g_ascii_strncasecmp (subject, SUBJECT_LEAD, strlen (SUBJECT_LEAD)) != 0)
    return FALSE;
  /* m-FILTER and Yahoo! use the same title for formats of their own. */
  if (mailer && strstr (mailer, "m-FILTER"))
    return FALSE;
  for (guint i = 0; yahoo_headers[i]; i++)
    if (g_mime_object_get_header (object, yahoo_headers[i]))
      return FALSE;
  return TRUE;
}

/* The sniff wants the title at the start, and no other format's headers. */
static const ModoriHeaderFact qmail_marks[] = {
  { "Received", bounce_received },
  { "Subject", subject_lead },
  { NULL },
};
static const ModoriSignature signature = { .any = qmail_marks };

/* "<user@example.org>:" alone on its line: the head of a recipient block. */
static char *
block_recipient (const char *line)
{
  const char *end;
  gsize n;

  while (*line == ' ' || *line == '\t')
    line++;
  n = strlen (line);
  while (n > 0 && g_ascii_isspace (line[n - 1]))
    n--;
  if (n < 5 || line[0] != '<' || line[n - 1] != ':' || line[n - 2] != '>')
    return NULL;
  end = memchr (line, '>', n);
  if (end != line + n - 2 || memchr (line, '@', n) == NULL)
    return NULL;
  return g_strndup (line + 1, n - 3);
}

/* The first word after @lead in @text, without a final '.', lower-cased. */
static char *
word_after (const char *text, const char *lead)
{
  const char *start = _modori_text_find_nocase (text, lead);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (lead);
  while (*start == ' ')
    start++;
  end = start;
  while (*end && !g_ascii_isspace (*end))
    end++;
  while (end > start && (end[-1] == '.' || end[-1] == ':'))
    end--;
  return end > start ? g_ascii_strdown (start, end - start) : NULL;
}

/* The host qmail-remote talked to, as it names it in the block. */
static char *
remote_host (const char *diagnostic)
{
  static const char *const leads[] = { "Giving up on ", "Connected to ", "remote host " };
  const char *said;

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    {
      char *host = word_after (diagnostic, leads[i]);
      if (host)
        return host;
    }
  /* "192.0.2.1 does not like recipient." */
  said = _modori_text_find_nocase (diagnostic, " does not like recipient");
  if (said)
    {
      const char *start = said;
      while (start > diagnostic && !g_ascii_isspace (start[-1]))
        start--;
      if (start < said)
        return g_ascii_strdown (start, said - start);
    }
  return NULL;
}

static void
finish_block (GPtrArray *records, char *recipient, GString *lines,
              const char *lhost, ModoriOriginal *original)
{
  ModoriRecord *record;
  const char *diagnostic;

  if (recipient == NULL)
    return;
  record = _modori_engine_add_record (records, "qmail", recipient, lines->str);
  diagnostic = _modori_record_peek (record, FIELD_DIAGNOSTICCODE);
  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_record_set (record, FIELD_LHOST, lhost);
  _modori_record_take (record, FIELD_RHOST, remote_host (diagnostic));
  /* qmail-remote names the stage that failed ("does not like
   * recipient"): text.c knows its sentences. */
  _modori_record_set (record, FIELD_COMMAND, _modori_text_find_command (diagnostic));
  if (_modori_text_find_nocase (diagnostic, "Remote host said:"))
    _modori_record_set (record, FIELD_DIAGNOSTICTYPE, "SMTP");
  _modori_engine_set_original (record, original);
}

static gboolean
qmail_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  const char *body = NULL;
  char *lhost = NULL, *recipient = NULL;
  GString *lines;
  gboolean blank_seen = FALSE;
  guint before = records->len;
  char **split;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;

  for (guint i = 0; report_starts[i] && body == NULL; i++)
    body = _modori_text_find_nocase (text.report, report_starts[i]);
  if (body)
    lhost = word_after (body, " program at");
  if (lhost == NULL && body)
    lhost = word_after (body, " agent at");
  /* An opening we do not know: trust the blocks only if qmail queued it. */
  if (body == NULL && _modori_header_contains (bounce, "Received", bounce_received))
    body = text.report;
  if (body == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }

  lines = g_string_new (NULL);
  split = g_strsplit (body, "\n", -1);
  for (guint i = 0; split[i]; i++)
    {
      char *address = block_recipient (split[i]);

      if (address)
        {
          finish_block (records, recipient, lines, lhost, text.original);
          g_free (recipient);
          recipient = address;
          g_string_truncate (lines, 0);
          blank_seen = FALSE;
        }
      else if (recipient == NULL)
        continue;
      else if (g_strstrip (split[i])[0] == '\0')
        blank_seen = lines->len > 0;
      /* A block ends at its first blank line: what follows is trailer text. */
      else if (!blank_seen)
        {
          g_string_append (lines, split[i]);
          g_string_append_c (lines, '\n');
        }
    }
  finish_block (records, recipient, lines, lhost, text.original);

  g_free (recipient);
  g_strfreev (split);
  g_string_free (lines, TRUE);
  g_free (lhost);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_qmail = {
  .name = "qmail",
  .sniff = qmail_sniff,
  .parse = qmail_parse,
  .signature = &signature,
};
