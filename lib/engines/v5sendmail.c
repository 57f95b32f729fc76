/* v5sendmail.c: plain-text bounces of Sendmail version 5 (and appliances
 * built on it).
 *
 *   Subject: Returned mail: User unknown
 *
 *      ----- Transcript of session follows -----
 *   While talking to mx.example.org:
 *   >>> RCPT To:<user@example.org>
 *   <<< 550 Requested User Mailbox not found
 *   550 <user@example.org>... User unknown
 *   550 example.net (smtp)... 550 Host unknown
 *   554 <user@example.net>... 550 Host unknown (Authoritative answer ...)
 *
 *      ----- Unsent message follows -----
 *
 * Each "CODE <ADDRESS>... TEXT" line is one failed recipient. The remote
 * server's own reply is either at the start of TEXT, or the "<<<" line of
 * the session transcript just before. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "v5sendmail"

static const char *const original_markers[] = {
  "----- Unsent message follows -----",
  "----- No message was collected -----",
  NULL,
};

#define SUBJECT_LEAD "Returned mail:"

static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
static const ModoriHeaderFact v5sendmail_marks[] = {
  { "Subject", subject_lead },
  { NULL },
};
static const ModoriSignature signature = { .all = v5sendmail_marks };

/* The signature finds the title anywhere: it must lead the Subject. */
static gboolean
v5sendmail_sniff (ModoriBounce *context)
{
  const char *subject = g_mime_message_get_subject (_modori_bounce_get_message (context));

  return subject && g_ascii_strncasecmp (subject, SUBJECT_LEAD, strlen (SUBJECT_LEAD)) == 0;
}

/* ">>> RCPT To:<...>" -> "RCPT" */
static const char *
command_of (const char *sent)
{
  static const char *const commands[] = { "RCPT", "MAIL", "DATA", "EHLO", "HELO", "QUIT", NULL };

  for (guint i = 0; commands[i]; i++)
    if (g_ascii_strncasecmp (sent, commands[i], 4) == 0 && !g_ascii_isalpha (sent[4]))
      return commands[i];
  return NULL;
}

/* Whether @text starts with a three-digit reply code and a space. */
static gboolean
has_reply_code (const char *text, char *code)
{
  if (text[0] < '2' || text[0] > '5' || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[2]) || (text[3] != ' ' && text[3] != '-' && text[3] != '\0'))
    return FALSE;
  memcpy (code, text, 3);
  code[3] = '\0';
  return TRUE;
}

typedef struct {
  char *host;            /* "While talking to HOST:" */
  const char *command;   /* the last ">>> " command sent */
  char *reply;           /* the last "<<< " reply, not yet given to a recipient */
  GHashTable *seen;      /* recipients already recorded (lower-case) */
} Session;

static void
session_reset (Session *session, char *host)
{
  g_free (session->host);
  g_clear_pointer (&session->reply, g_free);
  session->host = host;
  session->command = NULL;
}

/* "550 <user@example.org>... User unknown": one recipient. */
static void
read_recipient_line (const char *line, Session *session, ModoriOriginal *original,
                     GPtrArray *records)
{
  const char *start = line + 4, *dots = strstr (start, "... ");
  char *address, *cleaned, *key, own[4], code[4];
  const char *text;
  ModoriRecord *record;
  GString *diagnostic;

  if (dots == NULL)
    return;
  address = g_strndup (start, dots - start);
  cleaned = _modori_address_clean (address);
  g_free (address);
  /* "550 example.org (smtp)... 550 Host unknown" is about a host; a
   * recipient named again adds nothing. */
  key = g_ascii_strdown (cleaned, -1);
  if (strchr (cleaned, '@') == NULL || g_hash_table_contains (session->seen, key))
    {
      g_free (key);
      g_free (cleaned);
      return;
    }
  g_hash_table_add (session->seen, key);
  text = dots + 4;
  memcpy (own, line, 3);
  own[3] = '\0';
  diagnostic = g_string_new (NULL);
  record = _modori_engine_add_record (records, ENGINE_NAME, cleaned, NULL);

  if (has_reply_code (text, code))
    _modori_record_set (record, FIELD_REPLYCODE, code);
  else if (session->reply)
    {
      /* The transcript's reply led to this line. A rejected MAIL FROM is
       * about the sender: then sendmail's own code is this recipient's. */
      gboolean about_recipient = g_strcmp0 (session->command, "MAIL") != 0;

      g_string_append (diagnostic, session->reply);
      g_string_append_c (diagnostic, ' ');
      _modori_record_set (record, FIELD_REPLYCODE,
                          about_recipient && has_reply_code (session->reply, code) ? code : own);
      _modori_record_set (record, FIELD_COMMAND, session->command);
      _modori_record_set (record, FIELD_RHOST, session->host);
      g_clear_pointer (&session->reply, g_free);
    }
  else
    _modori_record_set (record, FIELD_REPLYCODE, own);

  g_string_append (diagnostic, text);
  _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (diagnostic->str));
  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_engine_set_original (record, original);
  g_string_free (diagnostic, TRUE);
  g_free (cleaned);
}

static gboolean
v5sendmail_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  Session session = { NULL, NULL, NULL, NULL };
  const char *transcript;
  char **lines;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  /* Version 8 reports list the failed addresses first; that is not ours. */
  transcript = _modori_text_find_nocase (text.report, "----- Transcript of session follows -----");
  if (transcript == NULL || text.original_text == NULL ||
      _modori_text_find_nocase (text.report, "----- The following addresses had"))
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }

  session.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines = g_strsplit (strchr (transcript, '\n') ? strchr (transcript, '\n') + 1 : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i], *talking = line;

      /* "While talking to HOST:" (V8: "... while talking to HOST.:") */
      if (g_str_has_prefix (talking, "... "))
        talking += 4;
      if (g_ascii_strncasecmp (talking, "while talking to ", 17) == 0)
        {
          char *host = g_strstrip (g_strdup (talking + 17));
          gsize n = strlen (host);
          while (n > 0 && (host[n - 1] == ':' || host[n - 1] == '.'))
            host[--n] = '\0';
          session_reset (&session, g_ascii_strdown (host, -1));
          g_free (host);
        }
      else if (g_str_has_prefix (line, ">>> "))
        session.command = command_of (line + 4);
      else if (g_str_has_prefix (line, "<<< "))
        {
          g_free (session.reply);
          session.reply = g_strstrip (g_strdup (line + 4));
        }
      else
        {
          char code[4];
          if (has_reply_code (line, code) && line[3] == ' ')
            read_recipient_line (line, &session, text.original, records);
        }
    }

  g_strfreev (lines);
  session_reset (&session, NULL);
  g_hash_table_unref (session.seen);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_v5sendmail = {
  .name = ENGINE_NAME,
  .sniff = v5sendmail_sniff,
  .parse = v5sendmail_parse,
  .signature = &signature,
};
