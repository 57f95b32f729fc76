/* x1.c: an unnamed MTA's "Returned Mail" notice.
 *
 *   The original message was received at Thu, 29 Apr 2010 23:34:45 +0900 (JST)
 *   from sender@example.jp
 *
 *   ---The following addresses had delivery errors---
 *
 *   user@example.org [User unknown]
 */
#include <string.h>

#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

static const char *const sender[] = { "Mail Deliver System", NULL };
/* Capital "M": sendmail's own title is "Returned mail:". */
static const char *const subject_leads[] = { "Returned Mail: ", "Mail Delivery Failure", NULL };

static gboolean
x1_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *subject = g_mime_message_get_subject (bounce);

  for (guint i = 0; subject && subject_leads[i]; i++)
    if (g_str_has_prefix (subject, subject_leads[i]))
      return TRUE;
  return _modori_header_contains (bounce, "From", sender);
}

/* The sniff wants a title at the start, as written. */
static const ModoriHeaderFact x1_marks[] = {
  { "Subject", subject_leads },
  { "From", sender },
  { NULL },
};
static const ModoriSignature signature = { .any = x1_marks };

/* "user@example.org [reason]": the address, and the reason in @reason. */
static char *
error_line (const char *line, char **reason)
{
  const char *open = strstr (line, " [");
  const char *close;
  char *address;

  if (open == NULL || (close = strrchr (open, ']')) == NULL)
    return NULL;
  address = g_strstrip (g_strndup (line, open - line));
  if (strchr (address, '@') == NULL || strchr (address, ' '))
    {
      g_free (address);
      return NULL;
    }
  *reason = g_strndup (open + 2, close - open - 2);
  return address;
}

/* The original comes back as a MIME part whose own headers are the
 * original's (From:, Message-Id: ... among the part headers). */
static void
set_original_from_part (ModoriRecord *record, GMimeMessage *bounce)
{
  GMimeObject *body = g_mime_message_get_mime_part (bounce);
  GMimeMultipart *multipart;

  if (body == NULL || !GMIME_IS_MULTIPART (body))
    return;
  multipart = GMIME_MULTIPART (body);
  for (int i = 1; i < g_mime_multipart_get_count (multipart); i++)
    {
      GMimeObject *part = g_mime_multipart_get_part (multipart, i);
      const char *from = g_mime_object_get_header (part, "From");
      const char *id = g_mime_object_get_header (part, "Message-Id");
      const char *subject = g_mime_object_get_header (part, "Subject");

      if (from == NULL)
        continue;
      _modori_record_take (record, FIELD_ADDRESSER, _modori_address_clean (from));
      if (id)
        {
          char *clean = g_strstrip (g_strdup (id));
          gsize n = strlen (clean);
          if (n >= 2 && clean[0] == '<' && clean[n - 1] == '>')
            _modori_record_take (record, FIELD_MESSAGEID, g_strndup (clean + 1, n - 2));
          else
            _modori_record_set (record, FIELD_MESSAGEID, clean);
          g_free (clean);
        }
      if (subject)
        _modori_record_take (record, FIELD_SUBJECT, g_mime_utils_header_decode_text (_modori_mime_parser_options (), subject));
      return;
    }
}

static gboolean
x1_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  const char *errors, *received;
  char *date = NULL;
  guint before = records->len;
  char **split;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  errors = strstr (text.report, "---The following addresses had delivery errors---");
  if (errors == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }

  /* The arrival date: "received at DATE\nfrom ADDRESS". */
  received = strstr (text.report, "The original message was received at ");
  if (received && received < errors)
    {
      received += strlen ("The original message was received at ");
      date = g_strstrip (g_strndup (received, strcspn (received, "\n")));
    }

  split = g_strsplit (errors, "\n", -1);
  for (guint i = 1; split[i]; i++)
    {
      char *reason = NULL;
      char *address = error_line (g_strstrip (split[i]), &reason);
      ModoriRecord *record;

      if (address == NULL)
        {
          /* The list ends where the returned original starts. */
          if (records->len > before && split[i][0] != '\0')
            break;
          continue;
        }
      record = _modori_engine_add_record (records, "x1", address, reason);
      _modori_record_set (record, FIELD_ACTION, "failed");
      _modori_record_set_date (record, date);
      set_original_from_part (record, bounce);
      g_free (address);
      g_free (reason);
    }

  g_strfreev (split);
  g_free (date);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_x1 = {
  .name = "x1",
  .sniff = x1_sniff,
  .parse = x1_parse,
  .signature = &signature,
};
