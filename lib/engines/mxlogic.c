/* mxlogic.c: MX Logic (McAfee SaaS Email Protection) bounces, an
 * Exim-derived text:
 *
 *   This message was created automatically by mail delivery software.
 *
 *   A message that you have sent could not be delivered to one or more
 *   recipients.  This is a permanent error.  The following address failed:
 *
 *     <user@example.jp>: 550 5.1.1 <user@example.jp>: Recipient address rejected
 *
 *   Included is a copy of the message header:
 *   -----------------------------------------
 *
 * Exim's own layout ("  user@example.jp" then indented "SMTP error from
 * remote mail server after RCPT TO:..." lines) reads the same way. */
#include <string.h>

#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

static const char *const original_markers[] = {
  "Included is a copy of the message header:",
  "------ This is a copy of the message",
  NULL,
};

#define ID_LEAD "mxl~"

static const char *const vendor[] = { "mxlogic", NULL };
static const char *const id_lead[] = { ID_LEAD, NULL };

static gboolean
mxlogic_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  GMimeObject *object = GMIME_OBJECT (bounce);
  const char *id = g_mime_message_get_message_id (bounce);

  /* Its own headers, its "mxl~" message ids, or its domain. */
  return g_mime_object_get_header (object, "X-MX-Bounce") ||
         g_mime_object_get_header (object, "X-MXL-NoteHash") ||
         g_mime_object_get_header (object, "X-MXL-Hash") ||
         (id && g_str_has_prefix (id, ID_LEAD)) ||
         _modori_header_contains (bounce, "From", vendor);
}

/* The sniff wants the id's mark at its start. */
static const ModoriHeaderFact mxlogic_marks[] = {
  { "X-MX-Bounce", NULL },
  { "X-MXL-NoteHash", NULL },
  { "X-MXL-Hash", NULL },
  { "Message-ID", id_lead },
  { "From", vendor },
  { NULL },
};
static const ModoriSignature signature = { .any = mxlogic_marks };

/* "  <user@example.jp>: reply" or "  user@example.jp": a failed address
 * indented by two spaces; its address, and in @rest what follows. */
static char *
address_line (const char *line, const char **rest)
{
  const char *start = line + 2, *end;

  if (line[0] != ' ' || line[1] != ' ' || line[2] == ' ')
    return NULL;
  if (*start == '<')
    {
      end = strchr (start, '>');
      if (end == NULL || end[1] != ':' || !memchr (start, '@', end - start))
        return NULL;
      *rest = end + 2;
      return g_strndup (start + 1, end - start - 1);
    }
  end = start + strcspn (start, " \t");
  if (*end != '\0' || !memchr (start, '@', end - start))
    return NULL;
  *rest = end;
  return g_strndup (start, end - start);
}

static void
add (GPtrArray *records, char *recipient, GString *lines, ModoriOriginal *original)
{
  ModoriRecord *record;

  if (recipient == NULL)
    return;
  record = _modori_engine_add_record (records, "mxlogic", recipient, lines->str);
  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_engine_set_original (record, original);
}

/* The copied header follows a rule line under the marker. */
static ModoriOriginal *
original_after_rule (const char *text)
{
  if (text == NULL || !g_str_has_prefix (text, "---"))
    return NULL;
  text = strchr (text, '\n');
  if (text == NULL)
    return NULL;
  return _modori_original_read (text + 1, strlen (text + 1), MODORI_ORIGINAL_ALONE,
                                MODORI_ORIGINAL_LIMIT | MODORI_ORIGINAL_ENDED);
}

static gboolean
mxlogic_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  ModoriOriginal *original;
  const char *start;
  char *recipient = NULL;
  GString *lines;
  guint first = records->len;
  char **split;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  start = strstr (text.report, "This message was created automatically by mail delivery software.");
  if (start == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }
  original = text.original ? _modori_original_ref (text.original) : original_after_rule (text.original_text);

  lines = g_string_new (NULL);
  split = g_strsplit (start, "\n", -1);
  for (guint i = 1; split[i]; i++)
    {
      const char *rest = NULL;
      char *address = address_line (split[i], &rest);

      if (address)
        {
          add (records, recipient, lines, original);
          g_free (recipient);
          recipient = address;
          g_string_assign (lines, rest);
          g_string_append_c (lines, '\n');
        }
      else if (recipient && split[i][0] != '\0')
        {
          g_string_append (lines, split[i]);
          g_string_append_c (lines, '\n');
        }
    }
  add (records, recipient, lines, original);

  g_free (recipient);
  g_strfreev (split);
  g_string_free (lines, TRUE);
  g_clear_pointer (&original, _modori_original_unref);
  _modori_text_bounce_clear (&text);
  return records->len > first;
}

const ModoriEngine _modori_engine_mxlogic = {
  .name = "mxlogic",
  .sniff = mxlogic_sniff,
  .parse = mxlogic_parse,
  .signature = &signature,
};
