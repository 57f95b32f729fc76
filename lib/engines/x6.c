/* x6.c: an unnamed MTA's "There was an error sending your mail".
 *
 *   We had trouble delivering your message. Full details follow:
 *   ...
 *   1 error(s):
 *
 *   SMTP Server <mx.example.com> rejected recipient <user@example.com>
 *   (Error following RCPT command). It responded as follows: [550 5.1.1 User unknown]
 *
 *   The attachment contains the original mail headers. ...
 *
 * or "The following recipients returned permanent errors: user@example.com."
 * The original's headers come back as a text/plain attachment. */
#include <string.h>

#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

#define SUBJECT_LEAD "There was an error sending your mail"

static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
static const ModoriHeaderFact x6_marks[] = {
  { "Subject", subject_lead },
  { NULL },
};
static const ModoriSignature signature = { .all = x6_marks };

/* The signature ignores case and place: the title must lead, as written. */
static gboolean
x6_sniff (ModoriBounce *context)
{
  const char *subject = g_mime_message_get_subject (_modori_bounce_get_message (context));

  return subject && g_str_has_prefix (subject, SUBJECT_LEAD);
}

/* The text between @open and the next @close after @from, or NULL. */
static char *
between (const char *from, char open, char close)
{
  const char *start = strchr (from, open), *end;

  if (start == NULL || (end = strchr (start + 1, close)) == NULL)
    return NULL;
  return g_strndup (start + 1, end - start - 1);
}

static void
add_server_error (GPtrArray *records, const char *paragraph)
{
  const char *rejected = strstr (paragraph, " rejected recipient <");
  const char *reply = strstr (paragraph, "responded as follows:");
  char *host = between (paragraph, '<', '>');
  char *address = rejected ? between (rejected, '<', '>') : NULL;
  char *said = reply ? between (reply, '[', ']') : NULL;
  ModoriRecord *record;

  if (address && strchr (address, '@'))
    {
      record = _modori_engine_add_record (records, "x6", address, said ? said : paragraph);
      _modori_record_set (record, FIELD_ACTION, "failed");
      _modori_record_take (record, FIELD_RHOST, g_ascii_strdown (host, -1));
      /* "(Error following RCPT command)" */
      if (strstr (paragraph, "Error following "))
        {
          const char *command = strstr (paragraph, "Error following ") + 16;
          static const char *const known[] = { "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT" };
          for (guint i = 0; i < G_N_ELEMENTS (known); i++)
            if (g_ascii_strncasecmp (command, known[i], 4) == 0)
              _modori_record_set (record, FIELD_COMMAND, known[i]);
        }
      if (said)
        _modori_record_set (record, FIELD_DIAGNOSTICTYPE, "SMTP");
    }
  g_free (host);
  g_free (address);
  g_free (said);
}

/* "The following recipients returned permanent errors: a@x, b@y." */
static void
add_permanent_list (GPtrArray *records, const char *paragraph)
{
  const char *list = strstr (paragraph, "errors: ");
  char **addresses;

  if (list == NULL)
    return;
  addresses = g_strsplit_set (list + 8, ", ", -1);
  for (guint i = 0; addresses[i]; i++)
    {
      char *address = addresses[i];
      gsize n = strlen (address);

      while (n > 0 && address[n - 1] == '.')
        address[--n] = '\0';
      if (strchr (address, '@'))
        {
          ModoriRecord *record = _modori_engine_add_record (records, "x6", address, paragraph);
          _modori_record_set (record, FIELD_ACTION, "failed");
        }
    }
  g_strfreev (addresses);
}

static gboolean
is_header_attachment (GMimeObject *part, gpointer data)
{
  const char *disposition = g_mime_object_get_header (part, "Content-Disposition");

  return GMIME_IS_PART (part) && _modori_mime_is_type (part, "text", "plain") &&
         disposition && _modori_text_find_nocase (disposition, "attachment");
}

/* The original's headers, from the attached text part. */
static ModoriOriginal *
original_headers (GMimeMessage *bounce)
{
  GMimeObject *part = _modori_mime_find (g_mime_message_get_mime_part (bounce), is_header_attachment, NULL);

  return part ? _modori_mime_part_original (GMIME_PART (part)) : NULL;
}

static gboolean
x6_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  const char *start;
  guint first = records->len;
  char **paragraphs;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  start = strstr (text.report, "We had trouble delivering your message.");
  if (start == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }

  /* Server replies may be wrapped: read paragraph by paragraph. */
  paragraphs = g_strsplit (start, "\n\n", -1);
  for (guint i = 0; paragraphs[i]; i++)
    {
      char *paragraph = _modori_text_collapse_space (paragraphs[i]);

      if (g_str_has_prefix (paragraph, "SMTP Server <"))
        add_server_error (records, paragraph);
      else if (g_str_has_prefix (paragraph, "The following recipients returned permanent errors:"))
        add_permanent_list (records, paragraph);
      g_free (paragraph);
    }
  g_strfreev (paragraphs);
  _modori_text_bounce_clear (&text);

  if (records->len > first)
    {
      ModoriOriginal *original = original_headers (bounce);
      for (guint i = first; i < records->len; i++)
        _modori_engine_set_original (g_ptr_array_index (records, i), original);
      _modori_original_unref (original);
    }
  return records->len > first;
}

const ModoriEngine _modori_engine_x6 = {
  .name = "x6",
  .sniff = x6_sniff,
  .parse = x6_parse,
  .signature = &signature,
};
