/* test-mime-util.c: _modori_mime_header_value() against
 * g_mime_header_get_value(), whose decoding it passes by. */
#include <string.h>

#include "mime-util.h"
#include "text.h"

/* What the engines search header values for, and text across the folds,
 * ends and encoded words of the headers below. */
static const char *const needles[] = {
  "with local", "by mx", "local; mon", "microsoft exchange", "leading",
  "trailing", "g \t", "x =?", "d\xc3\xa9livr\xc3\xa9", "caf\xc3\xa9 au", "=?", "?=", "\t", " ",
  NULL
};

/* Each header of @headers, a header block, read by the helper before
 * GMime decodes it (it reads GMime's value once there is one), then by
 * GMime: the same text, so every search finds the same. Returns how many
 * values the helper unfolded itself. */
static guint
check_headers (const char *headers)
{
  g_autofree char *bytes = g_strconcat (headers, "\n", "body\n", NULL);
  GMimeMessage *message = _modori_mime_parse_bytes (bytes, strlen (bytes));
  GMimeHeaderList *list = g_mime_object_get_header_list (GMIME_OBJECT (message));
  GString *buffer = g_string_new (NULL);
  guint unfolded = 0;

  for (int h = 0; h < g_mime_header_list_get_count (list); h++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (list, h);
      const char *first = _modori_mime_header_value (header, buffer);
      g_autofree char *fast = g_strdup (first);
      const char *value = g_mime_header_get_value (header);

      unfolded += first == buffer->str;
      g_assert_cmpstr (fast, ==, value);
      for (guint i = 0; needles[i]; i++)
        {
          const char *in_fast = _modori_text_find_nocase (fast, needles[i]);
          const char *in_value = _modori_text_find_nocase (value, needles[i]);
          g_assert_cmpint (in_fast ? in_fast - fast : -1, ==, in_value ? in_value - value : -1);
        }
    }
  g_string_free (buffer, TRUE);
  g_object_unref (message);
  return unfolded;
}

static void
test_header_value_plain (void)
{
  static const char lf[] =
    "Received: from a.example.com (a [192.0.2.1])\n"
    "\tby mx.example.net with local; Mon, 1 Jan 2024 00:00:00 +0000\n"
    "X-Mailer: Microsoft\n Exchange\n"
    "X-Ends:   \t leading and trailing \t  \n"
    "X-Blank:   \n"
    "X-Empty:\n"
    "X-Split: a=\n ?b\n"
    "X-Blocks: 0123456789abcde= ?0123456789abcdef=\n\t?0123456789abcdef\n";
  g_autofree char *crlf = NULL;
  g_auto (GStrv) lines = g_strsplit (lf, "\n", -1);

  g_assert_cmpuint (check_headers (lf), ==, 7);
  crlf = g_strjoinv ("\r\n", lines);
  g_assert_cmpuint (check_headers (crlf), ==, 7);
}

/* Values with something to decode are GMime's to decode. */
static void
test_header_value_decoded (void)
{
  static const char encoded[] =
    "Subject: =?UTF-8?B?w6lsw6l2ZQ==?= Undeliverable\n"
    "X-Encoded: =?ISO-8859-1?Q?D=E9livr=E9?=\n =?ISO-8859-1?Q?_mail?=\n"
    "X-Broken: 1 =? 2\n"
    "X-Joined: x =\r?ISO-8859-1?Q?=E9?= y\n"
    "X-Joined-Block: 0123456789abcde=\r?ISO-8859-1?Q?=E9?= y\n"
    "X-UTF-8: caf\xc3\xa9 au lait\n"
    "X-Latin-1: caf\xe9 au lait\n";

  g_assert_cmpuint (check_headers (encoded), ==, 0);
}

/* A caller's value is GMime's, whatever its raw value unfolds to. */
static void
test_header_value_set (void)
{
  GMimeMessage *message = g_mime_message_new (TRUE);
  GMimeHeaderList *list = g_mime_object_get_header_list (GMIME_OBJECT (message));
  GString *buffer = g_string_new (NULL);
  GMimeHeader *header;

  g_mime_header_list_append (list, "X-Set", "  a  \"b\"  ", NULL);
  header = g_mime_header_list_get_header (list, "X-Set");
  g_assert_cmpstr (_modori_mime_header_value (header, buffer), ==, "  a  \"b\"  ");
  g_assert_cmpstr (_modori_mime_header_value (header, buffer), ==, g_mime_header_get_value (header));
  g_string_free (buffer, TRUE);
  g_object_unref (message);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_mime_init ();
  g_test_add_func ("/mime-util/header-value/plain", test_header_value_plain);
  g_test_add_func ("/mime-util/header-value/decoded", test_header_value_decoded);
  g_test_add_func ("/mime-util/header-value/set", test_header_value_set);
  return g_test_run ();
}
