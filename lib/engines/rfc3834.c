/* rfc3834.c: automatic replies (RFC 3834 "Auto-Submitted: auto-replied")
 * and the vacation notices of common mail systems, which mark themselves
 * with their own headers or a fixed subject prefix. The record names the
 * auto-replier, reason "vacation". Tried last: bounces also carry
 * Auto-Submitted, so this must only see what no bounce format took, and
 * it still refuses anything that looks like a bounce. */
#include <string.h>

#include "../engine.h"
#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

#define DIAGNOSTIC_MAX 1000

/* Subject prefixes that autoresponders write before the original
 * subject (Outlook/Exchange in several languages, Lotus, Apple, vacation
 * programs). Matched at the start, case-insensitively. */
static const char *const reply_subjects[] = {
  "auto:", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response",
  "autoresponse", "automatic reply", "automatic response", "out of office", "out of the office",
  "automatische antwort", "abwesenheitsnotiz", "réponse automatique", "risposta automatica",
  "respuesta automática", "自動応答", "自動返信",
  NULL
};

/* Subjects of delivery reports and system notices, never replies. */
static const char *const bounce_subjects[] = {
  "undeliver", "undelivered", "delivery status notification", "delivery failure",
  "delivery has failed", "mail delivery failed", "mail failure", "failure notice",
  "returned mail", "non-delivery", "nondeliverable", "delivery notification",
  "unzustellbar", "non recapitabile", "non remis", "security information for", NULL
};

static const char *const daemon_senders[] = {
  "mailer-daemon", "postmaster", "mail delivery", NULL
};

static gboolean
is_report_part (GMimeObject *part, gpointer data)
{
  return _modori_mime_is_type (part, "multipart", "report") ||
         _modori_mime_is_type (part, "message", "delivery-status") ||
         _modori_mime_is_type (part, "message", "global-delivery-status") ||
         _modori_mime_is_type (part, "message", "feedback-report");
}

static const char *
header (GMimeMessage *message, const char *name)
{
  return g_mime_object_get_header (GMIME_OBJECT (message), name);
}

static gboolean
value_starts_with (const char *value, const char *prefix)
{
  if (value == NULL)
    return FALSE;
  while (g_ascii_isspace (*value))
    value++;
  return g_ascii_strncasecmp (value, prefix, strlen (prefix)) == 0;
}

/* Whether @subject starts with an autoresponder's prefix. @rest is set
 * to what follows the prefix's colon ("Out of Office AutoReply: X" -> "X"),
 * or to NULL when there is no colon: a subject such as "Out of office
 * plans" is then only a reply with a header saying so. */
static gboolean
reply_prefix (const char *subject, const char **rest)
{
  *rest = NULL;
  if (subject == NULL)
    return FALSE;
  while (g_ascii_isspace (*subject))
    subject++;
  for (guint i = 0; reply_subjects[i]; i++)
    {
      const char *prefix = reply_subjects[i];
      const char *p = subject + strlen (prefix);

      /* g_ascii_strncasecmp leaves UTF-8 bytes as they are: the non-ASCII
       * prefixes are compared exactly. */
      if (g_ascii_strncasecmp (subject, prefix, strlen (prefix)) != 0)
        continue;
      if (p[-1] != ':')
        {
          /* A few more words of the prefix may come before the colon. */
          const char *q = p;
          while (q - p < 24 && (g_ascii_isalpha (*q) || *q == ' ' || *q == '-'))
            q++;
          /* Fullwidth colon, as Japanese systems write it. */
          if (strncmp (q, "\xef\xbc\x9a", 3) == 0)
            p = q + 3;
          else
            p = *q == ':' ? q + 1 : NULL;
        }
      if (p)
        *rest = p + strspn (p, " \t");
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_marked_reply (GMimeMessage *message)
{
  const char *value, *rest;

  if (value_starts_with (header (message, "Auto-Submitted"), "auto-replied") ||
      value_starts_with (header (message, "Precedence"), "auto_reply") ||
      value_starts_with (header (message, "X-Apple-Action"), "vacation") ||
      header (message, "X-Autorespond") != NULL)
    return TRUE;
  value = header (message, "X-Autoreply");
  if (value && !value_starts_with (value, "no") && !value_starts_with (value, "false"))
    return TRUE;
  if (!reply_prefix (g_mime_message_get_subject (message), &rest))
    return FALSE;
  value = header (message, "Auto-Submitted");
  return rest != NULL || (value && !value_starts_with (value, "no")) ||
         header (message, "X-Auto-Response-Suppress") != NULL;
}

static gboolean
looks_like_bounce (GMimeMessage *message)
{
  return header (message, "X-Failed-Recipients") != NULL ||
         _modori_header_contains (message, "From", daemon_senders) ||
         _modori_header_contains (message, "Subject", bounce_subjects) ||
         _modori_mime_find (g_mime_message_get_mime_part (message), is_report_part, NULL) != NULL;
}

static char *
sender_address (GMimeMessage *message)
{
  InternetAddressList *from = g_mime_message_get_from (message);
  const char *return_path;

  for (int i = 0; from && i < internet_address_list_length (from); i++)
    {
      InternetAddress *address = internet_address_list_get_address (from, i);
      if (INTERNET_ADDRESS_IS_MAILBOX (address))
        {
          char *clean = _modori_address_clean (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)));
          if (strchr (clean, '@'))
            return clean;
          g_free (clean);
        }
    }
  return_path = header (message, "Return-Path");
  if (return_path)
    {
      char *clean = _modori_address_clean (return_path);
      if (strchr (clean, '@'))
        return clean;
      g_free (clean);
    }
  return NULL;
}

static gboolean
rfc3834_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);

  return is_marked_reply (bounce) && !looks_like_bounce (bounce);
}

static gboolean
rfc3834_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);

  /* Where a reply quoting the original leaves the reply's own text. */
  static const char *const quote_markers[] = {
    "-----Original Message-----", "----- Original Message -----", NULL
  };
  const char *subject = g_mime_message_get_subject (bounce);
  const char *in_reply_to = header (bounce, "In-Reply-To");
  char *replier = sender_address (bounce);
  char *diagnostic = NULL;
  ModoriRecord *record;
  TextBounce text;
  const char *rest;

  if (replier == NULL)
    return FALSE;
  if (_modori_text_bounce_read (context, quote_markers, &text))
    {
      if (_modori_text_is_challenge (text.report))
        {
          /* A challenge/response notice asks the sender to prove being
           * a person: no reply of the recipient's. */
          _modori_text_bounce_clear (&text);
          g_free (replier);
          return FALSE;
        }
      diagnostic = _modori_text_collapse_space (text.report);
      if (strlen (diagnostic) > DIAGNOSTIC_MAX)
        {
          const char *end = g_utf8_find_prev_char (diagnostic, diagnostic + DIAGNOSTIC_MAX + 1);
          diagnostic[end ? end - diagnostic : 0] = '\0';
        }
      _modori_text_bounce_clear (&text);
    }

  record = _modori_engine_add_record (records, "rfc3834", replier, diagnostic);
  record->reason = MODORI_REASON_VACATION;
  _modori_record_set (record, FIELD_REASONBY, "engine:rfc3834");

  /* RFC 3834 section 3.1.5: In-Reply-To holds the original's Message-ID. */
  if (in_reply_to && (in_reply_to = strchr (in_reply_to, '<')) != NULL)
    _modori_record_take (record, FIELD_MESSAGEID,
                         g_strndup (in_reply_to + 1, strcspn (in_reply_to + 1, ">")));
  /* "Auto: SUBJECT" repeats the original's subject after the prefix. */
  if (reply_prefix (subject, &rest) && rest && *rest)
    _modori_record_take (record, FIELD_SUBJECT, g_strstrip (g_strdup (rest)));

  g_free (replier);
  g_free (diagnostic);
  return TRUE;
}

const ModoriEngine _modori_engine_rfc3834 = {
  .name = "rfc3834",
  .sniff = rfc3834_sniff,
  .parse = rfc3834_parse,
};
