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
  "respuesta automática", "自動応答", "自動返信", "自动回复", "自動回覆", "自动答复",
  /* Outlook's "Automatic reply:" in more of its languages. */
  "automatisch antwoord", "resposta automática", "automatiskt svar", "automatisk svar",
  "automaattinen vastaus", "automatyczna odpowiedź", "automatická odpověď", "automatikus válasz",
  "otomatik yanıt", "Автоматический ответ", "자동 회신",
  NULL
};

/* Words that name an absence notice wherever they stand in a subject:
 * Japanese ones ("【自動返信】不在のお知らせ", "不在通知：..."), Domino's
 * out-of-office agent ("NAME is out of the office."), vacation(1)'s
 * default message ("away from my mail"). No other mail calls itself so. */
static const char *const absence_subjects[] = {
  "不在のお知らせ", "不在通知", "不在連絡", "休暇のお知らせ",
  "is out of the office", "is out of office", "away from my mail", NULL
};

/* Subjects of vacation(1) messages and their kin, which people write
 * themselves and mark only with "Precedence: bulk" (vacation(1)'s manual
 * page); read only then, and only in a message no list sent. */
static const char *const vacation_subjects[] = {
  "vacation", "out of office", "out of the office", "away from my mail", "away from the office",
  "on holiday", "on leave", NULL
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

/* Brackets around a prefix ("[Auto-Reply]", "【自動返信】"): the opening
 * one, and the closing one that stands for the colon. */
static const char *const brackets[][2] = {
  { "[", "]" }, { "(", ")" }, { "\xe3\x80\x90", "\xe3\x80\x91" }, { "\xef\xbc\xbb", "\xef\xbc\xbd" },
};

/* Whether @subject starts with an autoresponder's prefix. @rest is set
 * to what follows the prefix's colon ("Out of Office AutoReply: X" -> "X"),
 * or to NULL when there is no colon: a subject such as "Out of office
 * plans" is then only a reply with a header saying so. A prefix in
 * brackets is one too (@rest NULL: what follows may be the replier's own
 * words, not the original's subject), and sets @bracketed. */
static gboolean
reply_prefix_full (const char *subject, const char **rest, gboolean *bracketed)
{
  const char *close = NULL;

  *rest = NULL;
  *bracketed = FALSE;
  if (subject == NULL)
    return FALSE;
  while (g_ascii_isspace (*subject))
    subject++;
  for (guint b = 0; b < G_N_ELEMENTS (brackets); b++)
    if (strncmp (subject, brackets[b][0], strlen (brackets[b][0])) == 0)
      {
        subject += strlen (brackets[b][0]);
        close = brackets[b][1];
        break;
      }
  for (guint i = 0; reply_subjects[i]; i++)
    {
      const char *prefix = reply_subjects[i];
      const char *p = subject + strlen (prefix);

      /* g_ascii_strncasecmp leaves UTF-8 bytes as they are: the non-ASCII
       * prefixes are compared exactly. */
      if (g_ascii_strncasecmp (subject, prefix, strlen (prefix)) != 0)
        continue;
      if (close)
        {
          /* A few more words of the prefix may come before the bracket. */
          const char *q = p;
          while (q - p < 24 && (g_ascii_isalpha (*q) || *q == ' ' || *q == '-'))
            q++;
          if (strncmp (q, close, strlen (close)) != 0)
            return FALSE;
          *bracketed = TRUE;
          return TRUE;
        }
      if (p[-1] != ':')
        {
          /* A few more words of the prefix may come before the colon. */
          const char *q = p;
          /* French puts a (no-break) space before the colon. */
          while (q - p < 24 && (g_ascii_isalpha (*q) || *q == ' ' || *q == '-' ||
                                strncmp (q, "\xc2\xa0", 2) == 0))
            q += strncmp (q, "\xc2\xa0", 2) == 0 ? 2 : 1;
          /* Fullwidth colon, as Japanese systems write it. */
          if (strncmp (q, "\xef\xbc\x9a", 3) == 0)
            p = q + 3;
          else
            p = *q == ':' ? q + 1 : NULL;
        }
      if (p)
        {
          while (*p == ' ' || *p == '\t' || strncmp (p, "\xc2\xa0", 2) == 0)
            p += *p == ' ' || *p == '\t' ? 1 : 2;
          *rest = p;
        }
      return TRUE;
    }
  return FALSE;
}

static gboolean
reply_prefix (const char *subject, const char **rest)
{
  gboolean bracketed;

  return reply_prefix_full (subject, rest, &bracketed);
}

static gboolean
subject_contains (const char *subject, const char *const *words)
{
  for (guint i = 0; subject && words[i]; i++)
    if (_modori_text_find_nocase (subject, words[i]))
      return TRUE;
  return FALSE;
}

gboolean
_modori_subject_is_auto_reply (const char *subject)
{
  const char *rest;
  gboolean bracketed;

  return (reply_prefix_full (subject, &rest, &bracketed) && (rest != NULL || bracketed)) ||
         subject_contains (subject, absence_subjects);
}

/* vacation(1): the user's own message, with "Precedence: bulk" (or junk)
 * and often the manual page's "Delivered-By-The-Graces-Of: The Vacation
 * program"; never a list's mail (List-Id, List-Unsubscribe), and only
 * plain text. */
static gboolean
is_vacation_program (GMimeMessage *message)
{
  const char *graces = header (message, "Delivered-By-The-Graces-Of");
  GMimeObject *body;

  if (graces && _modori_text_find_nocase (graces, "vacation"))
    return TRUE;
  if (!value_starts_with (header (message, "Precedence"), "bulk") &&
      !value_starts_with (header (message, "Precedence"), "junk"))
    return FALSE;
  if (header (message, "List-Id") || header (message, "List-Unsubscribe") || header (message, "List-Post"))
    return FALSE;
  /* vacation(1) sends a plain text file: a newsletter about vacations
   * comes with HTML or in parts. */
  body = g_mime_message_get_mime_part (message);
  if (body == NULL || !GMIME_IS_TEXT_PART (body) || !_modori_mime_is_type (body, "text", "plain"))
    return FALSE;
  return subject_contains (g_mime_message_get_subject (message), vacation_subjects);
}

static gboolean
is_marked_reply (GMimeMessage *message)
{
  const char *value, *rest;
  gboolean bracketed;

  if (value_starts_with (header (message, "Auto-Submitted"), "auto-replied") ||
      value_starts_with (header (message, "Precedence"), "auto_reply") ||
      value_starts_with (header (message, "X-Apple-Action"), "vacation") ||
      header (message, "X-Autorespond") != NULL)
    return TRUE;
  value = header (message, "X-Autoreply");
  if (value && !value_starts_with (value, "no") && !value_starts_with (value, "false"))
    return TRUE;
  if (is_vacation_program (message) ||
      subject_contains (g_mime_message_get_subject (message), absence_subjects))
    return TRUE;
  if (!reply_prefix_full (g_mime_message_get_subject (message), &rest, &bracketed))
    return FALSE;
  value = header (message, "Auto-Submitted");
  return rest != NULL || bracketed || (value && !value_starts_with (value, "no")) ||
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

/* An out-of-office sent as HTML only (Outlook, webmails). */
static gboolean
looks_like_html (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '<' && (_modori_text_find_nocase (text, "<html") || _modori_text_find_nocase (text, "<body") ||
                          _modori_text_find_nocase (text, "<p") || _modori_text_find_nocase (text, "<div"));
}

/* Whether the tag at @tag ("<b>", "</span>") stands inside a line of text. */
static gboolean
is_inline_tag (const char *tag)
{
  static const char *const inline_tags[] = { "b", "i", "u", "em", "strong", "span", "font", "a", "small", NULL };
  const char *name = tag + 1 + (tag[1] == '/');
  gsize n = 0;

  while (g_ascii_isalnum (name[n]))
    n++;
  for (guint i = 0; inline_tags[i]; i++)
    if (n == strlen (inline_tags[i]) && g_ascii_strncasecmp (name, inline_tags[i], n) == 0)
      return TRUE;
  return FALSE;
}

/* The words of @html: tags become spaces (inline ones nothing), the contents of head, style
 * and script go, and the common entities are read. Linear. */
static char *
html_to_text (const char *html)
{
  static const struct { const char *entity, *text; } entities[] = {
    { "&nbsp;", " " }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
  };
  GString *out = g_string_sized_new (strlen (html));
  const char *skip_to = NULL;

  for (const char *p = html; *p; )
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          if (end == NULL)
            break;
          if (skip_to == NULL)
            {
              if (g_ascii_strncasecmp (p, "<style", 6) == 0)
                skip_to = "</style";
              else if (g_ascii_strncasecmp (p, "<script", 7) == 0)
                skip_to = "</script";
              else if (g_ascii_strncasecmp (p, "<head", 5) == 0 && !g_ascii_isalpha (p[5]))
                skip_to = "</head";
            }
          else if (g_ascii_strncasecmp (p, skip_to, strlen (skip_to)) == 0)
            skip_to = NULL;
          if (!is_inline_tag (p))
            g_string_append_c (out, ' ');
          p = end + 1;
          continue;
        }
      if (skip_to)
        {
          p++;
          continue;
        }
      if (*p == '&')
        {
          guint i;
          for (i = 0; i < G_N_ELEMENTS (entities); i++)
            if (g_ascii_strncasecmp (p, entities[i].entity, strlen (entities[i].entity)) == 0)
              break;
          if (i < G_N_ELEMENTS (entities))
            {
              g_string_append (out, entities[i].text);
              p += strlen (entities[i].entity);
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
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
    "-----Original Message-----", "----- Original Message -----",
    /* Outlook's separator in German, French, Spanish, Italian, Dutch. */
    "-----Ursprüngliche Nachricht-----", "-----Message d'origine-----", "-----Mensaje original-----",
    "-----Messaggio originale-----", "-----Oorspronkelijk bericht-----", NULL
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
      if (looks_like_html (text.report))
        {
          char *plain = html_to_text (text.report);
          diagnostic = _modori_text_collapse_space (plain);
          g_free (plain);
        }
      else
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
