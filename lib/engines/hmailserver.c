/* hmailserver.c: bounces of hMailServer (Windows, hmailserver.com).
 *
 *   From: mailer-daemon@example.com
 *   Subject: Message undeliverable: ORIGINAL SUBJECT
 *   Auto-Submitted: auto-generated
 *
 *   Your message did not reach some or all of the intended recipients.
 *
 *      Sent: Tue, 10 Mar 2026 09:12:44 +0100
 *      Subject: ORIGINAL SUBJECT
 *
 *   The following recipient(s) could not be reached:
 *
 *   user@example.org
 *      Error Type: SMTP
 *      Remote server (192.0.2.25) issued an error.
 *      hMailServer sent: RCPT TO:<user@example.org>
 *      Remote server replied: 550 5.1.1 ...
 *
 *   hMailServer
 *
 * The layout is the server message SEND_FAILED_NOTIFICATION of its
 * database scripts (hmailserver/source/DBScripts), the subject its
 * MESSAGE_UNDELIVERABLE ("Message undeliverable") and the blocks those of
 * SMTPClientConnection.cpp (a remote server's reply), LocalDelivery.cpp
 * and ExternalDelivery.cpp ("Error Description: ..." of its own). The
 * original message is not attached. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "hmailserver"

static const char *const list_markers[] = {
  "The following recipient(s) could not be reached:",
  NULL,
};

#define SUBJECT_LEAD "Message undeliverable:"

static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
static const ModoriHeaderFact hmailserver_marks[] = {
  { "Subject", subject_lead },
  { NULL },
};
static const ModoriSignature hmailserver_signature = { .all = hmailserver_marks };

/* The signature finds the title anywhere: it must lead the Subject. */
static gboolean
hmailserver_sniff (ModoriBounce *context)
{
  const char *subject = g_mime_message_get_subject (_modori_bounce_get_message (context));

  if (subject == NULL)
    return FALSE;
  while (g_ascii_isspace (*subject))
    subject++;
  return g_ascii_strncasecmp (subject, SUBJECT_LEAD, strlen (SUBJECT_LEAD)) == 0;
}

/* A line that is an address alone opens a recipient's block. */
static char *
recipient_of (const char *line)
{
  char *address, *at;

  if (line[0] == '\0' || strchr (line, '@') == NULL || strpbrk (line, " \t:<>()"))
    return NULL;
  address = _modori_address_clean (line);
  at = address ? strchr (address, '@') : NULL;
  if (at == NULL || at == address || at[1] == '\0')
    {
      g_free (address);
      return NULL;
    }
  return address;
}

/* The value after "@label" in @block's line that starts with it, newly
 * allocated, or NULL. */
static char *
block_value (const char *block, const char *label)
{
  gsize length = strlen (label);

  for (const char *line = block; line && *line;)
    {
      const char *end = strchr (line, '\n');
      if (g_ascii_strncasecmp (line, label, length) == 0)
        return end ? g_strndup (line + length, end - (line + length)) : g_strdup (line + length);
      line = end ? end + 1 : NULL;
    }
  return NULL;
}

/* The SMTP command of what hMailServer sent ("RCPT TO:<...>", "MAIL
 * FROM:<...>", "." after the data), or NULL. */
static const char *
command_of (const char *sent)
{
  static const char *const commands[] = { "RCPT", "MAIL", "DATA", "EHLO", "HELO", "STARTTLS", "AUTH", NULL };

  if (sent == NULL)
    return NULL;
  while (g_ascii_isspace (*sent))
    sent++;
  if (strcmp (sent, ".") == 0)
    return "DATA";
  for (guint i = 0; commands[i]; i++)
    if (g_ascii_strncasecmp (sent, commands[i], strlen (commands[i])) == 0)
      return commands[i];
  return NULL;
}

typedef struct {
  GPtrArray *records;
  const char *subject;
} Walk;

static void
add_block (const char *recipient, const char *block, gpointer user_data)
{
  Walk *walk = user_data;
  char *replied = block_value (block, "Remote server replied:");
  char *sent = block_value (block, "hMailServer sent:");
  char *remote = block_value (block, "Remote server (");
  ModoriRecord *record;

  if (replied && g_strstrip (replied)[0])
    {
      record = _modori_engine_add_record (walk->records, ENGINE_NAME, recipient, replied);
      _modori_record_set (record, FIELD_DIAGNOSTICTYPE, "SMTP");
      _modori_record_set (record, FIELD_COMMAND, command_of (sent));
      if (remote && strchr (remote, ')'))
        {
          *strchr (remote, ')') = '\0';
          _modori_record_set (record, FIELD_RHOST, g_strstrip (remote));
        }
    }
  else
    {
      /* hMailServer's own words: "Error Description: Inbox is full",
       * "No mail servers appear to exists for the recipient's address",
       * "Connection to recipients server failed. Error: ...". */
      record = _modori_engine_add_record (walk->records, ENGINE_NAME, recipient, block);
      record->own_words = TRUE;
    }
  _modori_record_set (record, FIELD_ACTION, "failed");
  if (walk->subject)
    _modori_record_set (record, FIELD_SUBJECT, walk->subject);
  g_free (replied);
  g_free (sent);
  g_free (remote);
}

static gboolean
hmailserver_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  const char *list;
  char *report, *signature, *subject = NULL;
  Walk walk = { records, NULL };
  guint before = records->len;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  list = _modori_text_find_nocase (text.report, list_markers[0]);
  if (list == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }

  /* The original's subject, from the "Subject: " line above the list. */
  report = g_strndup (text.report, list - text.report);
  {
    char **lines = g_strsplit (report, "\n", -1);
    for (guint i = 0; lines[i] && subject == NULL; i++)
      {
        char *stripped = g_strstrip (lines[i]);
        if (g_ascii_strncasecmp (stripped, "Subject:", 8) == 0)
          subject = g_strdup (g_strstrip (stripped + 8));
      }
    g_strfreev (lines);
  }
  g_free (report);
  walk.subject = subject && subject[0] ? subject : NULL;

  /* The list ends at the template's signature line "hMailServer". */
  report = g_strdup (list);
  signature = strstr (report, "\nhMailServer");
  if (signature && (signature[12] == '\0' || signature[12] == '\n'))
    *signature = '\0';
  _modori_text_each_block (report, recipient_of, add_block, &walk);

  g_free (report);
  g_free (subject);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_hmailserver = {
  .name = ENGINE_NAME,
  .sniff = hmailserver_sniff,
  .parse = hmailserver_parse,
  .signature = &hmailserver_signature,
};
