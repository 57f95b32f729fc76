/* gmail.c: Gmail's plain-text "Delivery Status Notification" bounces
 * from mailer-daemon@googlemail.com, which carry no delivery-status part
 * (newer Gmail bounces that do are read by the rfc3464 engine first). */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

static const char *const original_markers[] = {
  "----- Original message -----",
  "----- Message header follows -----",
  NULL,
};

static const char *const from_mailer_daemon[] = {
  "mailer-daemon@googlemail.com",
  "mailer-daemon@google.com",
  NULL,
};

static const char *const dsn_subject[] = { "Delivery Status Notification", NULL };

/* Where the explanation of the failure starts. */
static const char *const details_markers[] = {
  "Technical details of permanent failure:",
  "Technical details of temporary failure:",
  "The response from the remote server was:",
  "The response was:",
  NULL,
};

/* Inside the details, the remote server's own words follow these. */
static const char *const server_words_markers[] = {
  "The error that the other server returned was:",
  NULL,
};

static const ModoriHeaderFact gmail_marks[] = {
  { "From", from_mailer_daemon },
  { "Subject", dsn_subject },
  { NULL },
};
static const ModoriSignature signature = { .all = gmail_marks };

/* The text right after the first of @markers in @text, or NULL. */
static const char *
after_marker (const char *text, const char *const *markers)
{
  for (guint i = 0; markers[i]; i++)
    {
      const char *hit = _modori_text_find_nocase (text, markers[i]);
      if (hit)
        return hit + strlen (markers[i]);
    }
  return NULL;
}

/* "... rejected by the server for the recipient domain example.jp by
 * mx.example.jp. [192.0.2.1]." -> "mx.example.jp" */
static char *
rejecting_host (const char *details)
{
  const char *p = _modori_text_find_nocase (details, "for the recipient domain ");
  const char *end;

  if (p == NULL || (p = _modori_text_find_nocase (p, " by ")) == NULL)
    return NULL;
  p += 4;
  for (end = p; *end && !g_ascii_isspace (*end) && *end != '['; end++)
    ;
  while (end > p && end[-1] == '.')
    end--;
  return end > p && memchr (p, '.', end - p) ? g_ascii_strdown (p, end - p) : NULL;
}

/* An indented line holding nothing but an address. */
static gboolean
is_recipient_line (const char *line)
{
  const char *p = line;

  if (*p != ' ' && *p != '\t')
    return FALSE;
  while (*p == ' ' || *p == '\t')
    p++;
  return strchr (p, '@') != NULL && strpbrk (g_strchomp ((char *) p), " \t") == NULL;
}

static gboolean
gmail_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  GPtrArray *recipients;
  const char *action = "failed", *details, *words;
  char *diagnostic = NULL, *rhost = NULL;
  gboolean in_list = FALSE;
  guint before = records->len;
  char **lines;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  recipients = g_ptr_array_new_with_free_func (g_free);

  lines = g_strsplit (text.report, "\n", -1);
  for (char **line = lines; *line; line++)
    {
      if (_modori_text_find_nocase (*line, "Delivery to the following recipient"))
        {
          in_list = TRUE;
          if (_modori_text_find_nocase (*line, "delayed"))
            action = "delayed";
          continue;
        }
      if (!in_list)
        continue;
      if (is_recipient_line (*line))
        g_ptr_array_add (recipients, g_strdup (g_strstrip (*line)));
      else if ((*line)[0] != '\0' && strspn (*line, " \t") != strlen (*line))
        in_list = FALSE;
    }
  g_strfreev (lines);

  /* The newer layout names the recipient only in X-Failed-Recipients. */
  if (recipients->len == 0)
    {
      const char *failed = g_mime_object_get_header (GMIME_OBJECT (bounce), "X-Failed-Recipients");
      char **list = failed ? g_strsplit (failed, ",", -1) : NULL;
      for (char **item = list; item && *item; item++)
        if (strchr (*item, '@'))
          g_ptr_array_add (recipients, g_strdup (g_strstrip (*item)));
      g_strfreev (list);
    }

  details = after_marker (text.report, details_markers);
  if (details)
    {
      if (_modori_text_find_nocase (text.report, "temporary failure:"))
        action = "delayed";
      words = after_marker (details, server_words_markers);
      diagnostic = g_strdup (words ? words : details);
      rhost = rejecting_host (details);
    }
  else if ((words = _modori_text_find_nocase (text.report, "Message will be retried")) != NULL)
    diagnostic = g_strndup (words, strcspn (words, "\n"));   /* a delay notice says only this */
  /* The newer layout's delay notice: "** Delivery incomplete **", "There
   * was a temporary problem delivering your message to ... Gmail will
   * retry for N more hours" (the permanent one says "Message not
   * delivered"). */
  if (_modori_text_find_nocase (text.report, "delivery incomplete") ||
      _modori_text_find_nocase (text.report, "temporary problem delivering") ||
      _modori_text_find_nocase (text.report, "gmail will retry"))
    action = "delayed";

  for (guint i = 0; i < recipients->len; i++)
    {
      ModoriRecord *record = _modori_engine_add_record (records, "gmail",
                                                        g_ptr_array_index (recipients, i), diagnostic);
      _modori_record_set (record, FIELD_ACTION, action);
      _modori_record_set (record, FIELD_RHOST, rhost);
      _modori_engine_set_original (record, text.original);
    }

  g_free (diagnostic);
  g_free (rhost);
  g_ptr_array_unref (recipients);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_gmail = {
  .name = "gmail",
  .signature = &signature,
  .parse = gmail_parse,
};
