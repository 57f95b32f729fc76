/* text-bounce.c: shared reading of plain-text bounces. */
#include <string.h>

#include "../matcher.h"
#include "../mime-util.h"
#include "../bounds.h"
#include "../text.h"
#include "text-bounce.h"

/* Start of the line holding @needle at or after @from, or NULL. */
static const char *
line_with (const char *text, const char *needle)
{
  const char *hit = _modori_text_find_nocase (text, needle);

  if (hit == NULL)
    return NULL;
  while (hit > text && hit[-1] != '\n')
    hit--;
  return hit;
}

gboolean
_modori_text_bounce_read (ModoriBounce *context, const char *const *original_markers,
                          TextBounce *out)
{
  const char *text = _modori_bounce_get_body_text (context);
  const char *split = NULL, *after;

  memset (out, 0, sizeof *out);
  if (text == NULL)
    return FALSE;

  for (guint i = 0; original_markers && original_markers[i]; i++)
    {
      const char *line = line_with (text, original_markers[i]);
      if (line && (split == NULL || line < split))
        split = line;
    }
  if (split == NULL)
    {
      out->report = g_strdup (text);
      return TRUE;
    }

  out->report = g_strndup (text, split - text);
  after = strchr (split, '\n');
  after = after ? after + 1 : split + strlen (split);
  /* Skip blank lines between the marker and the original's headers. */
  while (*after == '\n' || *after == ' ' || *after == '\t')
    {
      const char *eol = strchr (after, '\n');
      if (eol == NULL || strspn (after, " \t") != (gsize) (eol - after))
        break;
      after = eol + 1;
    }
  out->original_text = g_strdup (after);
  if (out->original_text[0])
    out->original = _modori_bounce_get_text_original (context, after - text);
  return TRUE;
}

void
_modori_text_bounce_clear (TextBounce *text)
{
  g_clear_pointer (&text->report, g_free);
  g_clear_pointer (&text->original_text, g_free);
  g_clear_pointer (&text->original, _modori_original_unref);
}

gboolean
_modori_header_contains (GMimeMessage *bounce, const char *name, const char *const *needles)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (bounce));
  int n = headers ? g_mime_header_list_get_count (headers) : 0;
  char first = g_ascii_tolower (name[0]);
  GString *buffer = NULL;
  gboolean found = FALSE;

  /* Every occurrence: a format often shows in one Received line of many. */
  for (int h = 0; h < n && !found; h++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (headers, h);
      const char *header_name = g_mime_header_get_name (header);
      const char *value;

      /* Every sniff walks all the headers: most differ at the first letter. */
      if (g_ascii_tolower (header_name[0]) != first || g_ascii_strcasecmp (header_name, name) != 0)
        continue;
      if (buffer == NULL)
        buffer = g_string_sized_new (256);
      value = _modori_mime_header_value (header, buffer);
      for (guint i = 0; value && needles[i] && !found; i++)
        found = _modori_text_find_nocase (value, needles[i]) != NULL;
    }
  if (buffer)
    g_string_free (buffer, TRUE);
  return found;
}

void
_modori_text_each_block (const char *start, ModoriRecipientOf recipient_of,
                         ModoriBlockFunc func, gpointer user_data)
{
  char **lines = g_strsplit (start, "\n", -1);
  char *recipient = NULL;
  GString *block = g_string_new (NULL);

  for (char **line = lines + 1; *line; line++)
    {
      char *stripped = g_strstrip (*line);
      char *address = recipient_of (stripped);

      if (address)
        {
          if (recipient)
            func (recipient, block->str, user_data);
          g_free (recipient);
          recipient = address;
          g_string_truncate (block, 0);
        }
      else if (recipient && stripped[0])
        g_string_append_printf (block, "%s\n", stripped);
    }
  if (recipient)
    func (recipient, block->str, user_data);

  g_free (recipient);
  g_string_free (block, TRUE);
  g_strfreev (lines);
}

/* The wording of challenge/response systems' notices (TMDA's
 * templates/confirm_request.txt and the like; Spam Arrest's "I now allow
 * incoming messages only from senders I have approved beforehand";
 * guest/waiting lists of whitelisting services), and of mailing lists'
 * requests to confirm a subscription or a command (Mailman 2's "Mailing
 * list subscription confirmation notice for mailing list", Mailman 3's
 * "We have received a registration request for the email address",
 * LISTSERV's "To confirm the execution of your command"): each asks the
 * sender to act, none says a message failed. */
static const char *const challenge_phrases[] = {
  "confirm that you are a", "verify that you are a", "prove that you are a",
  "confirm that you are human", "verify that you are human", "not a spammer",
  "confirm your message", "please confirm your email", "to have your message delivered",
  "awaiting your confirmation", "has not been verified", "to release your message for delivery",
  "challenge/response", "senders i have approved", "list of approved senders",
  "approved senders list", "guest list",
  "subscription confirmation notice for mailing list", "registration request for the email address",
  "to confirm that you want to be added to this mailing list", "to confirm the execution of your command",
};

static const Matcher *
challenge_matcher (void)
{
  static gsize once = 0;
  static Matcher *matcher;

  if (g_once_init_enter (&once))
    {
      matcher = _modori_matcher_new (challenge_phrases, G_N_ELEMENTS (challenge_phrases));
      g_once_init_leave (&once, 1);
    }
  return matcher;
}

void
_modori_text_bounce_prepare (void)
{
  challenge_matcher ();
}

gboolean
_modori_text_is_challenge (const char *text)
{
  gboolean found[G_N_ELEMENTS (challenge_phrases)];

  if (text == NULL)
    return FALSE;
  /* Templates wrap their sentences anywhere: the matcher reads every
   * run of white space, line ends included, as one space. */
  return _modori_matcher_all (challenge_matcher (), text, found) > 0;
}
