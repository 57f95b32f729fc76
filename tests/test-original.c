/* test-original.c: a returned original's identity (lib/original.c) read
 * as GMime reads it.
 *
 * GMime is the oracle: every header block below is also parsed by
 * GMime, alone and as a message attached to another, and what
 * original.c reads must be what GMime's message says (addresses,
 * subject, Message-ID, how many fields, and whether there is a message
 * at all). The blocks are the shapes where a reader of its own could
 * part from GMime's: repeated fields, folded and encoded values, lines
 * that are no field, a first line that is none, an mbox "From " line,
 * CRLF line ends, a NUL, an input ending in a field's name. */
#include <string.h>

#include "header-limit.h"
#include "mime-util.h"
#include "original.h"

static const char *const blocks[] = {
  "From: Taro <taro@example.jp>\nTo: hanako@example.com\nSubject: hello\nMessage-ID: <1@example.jp>\n\nbody\n",
  "From: a@example.jp\nFrom: b@example.jp\nTo: x@example.com\nTo: y@example.com, z@example.com\n"
  "Subject: one\nSubject: two\nMessage-Id: <a@x>\nMessage-ID: <b@x>\n\n",
  "Subject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=\nFrom: =?UTF-8?B?5bGx55Sw?= <yamada@example.jp>\n\n",
  "Subject: a folded\n\tsubject line\nFrom: Long Name\n <long@example.jp>\nTo: one@example.com,\n  two@example.com\n\n",
  "Received: from a by b\n\tid 1; Mon, 1 Jan 2024 00:00:00 +0900\nDKIM-Signature: v=1; a=rsa-sha256;\n\tb=xyz\n"
  "Subject: after others\n\n",
  "X-Note this line has no colon\nSubject: after a bad line\nnot a field either\n continued\nTo: t@example.com\n\n",
  "This is not a header\nSubject: first line is text\n\n",
  "From someone@example.jp Mon Jan  1 00:00:00 2024\nSubject: after an mbox line\n\n",
  ">From someone@example.jp Mon Jan  1 00:00:00 2024\nSubject: after a quoted mbox line\n\n",
  "Subject: crlf\r\nFrom: c@example.jp\r\nMessage-ID:\r\n <crlf@example.jp>\r\n\r\nbody\r\n",
  "Content-Type: text/plain\nContent-Transfer-Encoding: 7bit\n\n",
  "Subject : blank before the colon\nTo\t: tab@example.com\n\n",
  "Subject: no message id\nMessage-ID: not an id at all\n\n",
  "X-HmXmrOriginalRecipient: <complainer@example.com>\nX-HmXmrOriginalRecipient: second@example.com\n\n",
  "From: \"Quoted, Name\" <q@example.jp>, bad address (unclosed\nSubject: x\n\n",
  "Subject: ends without a line end",
  "Subject: ok\nSubj",
  "Subject: ok\nSubject here",
  "Subject: ok\n\tcontinued at the end",
  " Subject: a first line starting with a blank\nTo: b@example.com\n\n",
  ": an empty name\nSubject: s\n\n",
  "",
  "\n",
  /* Values read as they are when all ASCII without "=?" (original.c,
   * decode_text()), and the ones next to that: */
  "Subject:   spaces  and\ttabs kept   \nMessage-ID:  <plain@example.jp>  \n\n",
  "Subject: a =? that starts no word\nMessage-ID: <x=?y@example.jp>\n\n",
  "Subject: in=?UTF-8?Q?_a?=word\nMessage-ID: =?UTF-8?Q?<q@example.jp>?=\n\n",
  "Subject: ends in =?\n\n",
  "Subject: =?UTF-8?Q?half\n\n",
  "Subject: caf\xc3\xa9 in UTF-8\n\n",
  "Subject: caf\xe9 in Latin-1\n\n",
};

/* A bounce around an attached message, and its end. */
#define WRAPPER_START "From: mailer-daemon@example.net\nMIME-Version: 1.0\n" \
                      "Content-Type: multipart/mixed; boundary=\"B\"\n\n--B\n" \
                      "Content-Type: message/rfc822\n\n"
#define WRAPPER_END "\n--B--\n"

/* GMime's message from @text, alone or as attached to another. */
static GMimeMessage *
gmime_parse (const char *text, gsize length, gboolean attached)
{
  GString *input = g_string_new (NULL);
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeMessage *message, *inner = NULL;

  if (attached)
    g_string_append (input, WRAPPER_START);
  g_string_append_len (input, text, length);
  if (attached)
    g_string_append (input, WRAPPER_END);
  stream = g_mime_stream_mem_new_with_buffer (input->str, input->len);
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  if (attached && message)
    {
      GMimeObject *part = g_mime_multipart_get_part (GMIME_MULTIPART (g_mime_message_get_mime_part (message)), 0);
      inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (part));
      if (inner)
        g_object_ref (inner);
      g_object_unref (message);
      message = inner;
    }
  g_object_unref (parser);
  g_object_unref (stream);
  g_string_free (input, TRUE);
  return message;
}

static char *
addresses (InternetAddressList *list)
{
  return list && internet_address_list_length (list) > 0 ? internet_address_list_to_string (list, NULL, FALSE)
                                                          : g_strdup ("");
}

static void
assert_same (const char *block, GMimeMessage *message, ModoriOriginal *original)
{
  GMimeHeaderList *headers;
  char *expected, *got;

  g_test_message ("block: %s", block);
  if (message == NULL)
    {
      g_assert_null (original);
      return;
    }
  g_assert_nonnull (original);
  expected = addresses (g_mime_message_get_from (message));
  got = addresses (_modori_original_get_addresses (original, GMIME_ADDRESS_TYPE_FROM));
  g_assert_cmpstr (got, ==, expected);
  g_free (expected);
  g_free (got);
  expected = addresses (g_mime_message_get_to (message));
  got = addresses (_modori_original_get_addresses (original, GMIME_ADDRESS_TYPE_TO));
  g_assert_cmpstr (got, ==, expected);
  g_free (expected);
  g_free (got);
  g_assert_cmpstr (_modori_original_get_subject (original), ==, g_mime_message_get_subject (message));
  g_assert_cmpstr (_modori_original_get_message_id (original), ==, g_mime_message_get_message_id (message));
  g_assert_cmpstr (_modori_original_get_hotmail_recipient (original), ==,
                   g_mime_object_get_header (GMIME_OBJECT (message), "X-HmXmrOriginalRecipient"));
  headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  g_assert_cmpuint (_modori_original_get_n_fields (original), ==, g_mime_header_list_get_count (headers));
}

static void
test_alone (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      gsize length = strlen (blocks[i]);
      GMimeMessage *message = gmime_parse (blocks[i], length, FALSE);
      ModoriOriginal *original = _modori_original_read (blocks[i], length, MODORI_ORIGINAL_ALONE, 0);

      assert_same (blocks[i], message, original);
      g_clear_object (&message);
      _modori_original_unref (original);
    }
}

/* A header block given whole: as GMime parses it followed by an empty
 * line (_modori_mime_parse_headers()). */
static void
test_ended (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      char *text = g_strconcat (blocks[i], "\n\n", NULL);
      GMimeMessage *message = gmime_parse (text, strlen (text), FALSE);
      ModoriOriginal *original = _modori_original_read (blocks[i], strlen (blocks[i]), MODORI_ORIGINAL_ALONE,
                                                        MODORI_ORIGINAL_ENDED);

      assert_same (blocks[i], message, original);
      g_clear_object (&message);
      _modori_original_unref (original);
      g_free (text);
    }
}

/* An attached message where it stands; the library keeps it as bytes
 * (header-limit.c) and reads them. One shape parts from GMime: an
 * attached message of an empty line alone is a message without fields to
 * GMime, and no message read from bytes (which the empty line does not
 * reach: it is the line end before the boundary). Records differ only
 * where an engine tells an original without fields from none (Apache
 * James's notice then takes its envelope sender for the addresser). */
static void
test_attached (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      if (blocks[i][0] == '\0')
        continue;
      gsize length = strlen (blocks[i]);
      GMimeMessage *message = gmime_parse (blocks[i], length, TRUE);
      GString *input = g_string_new (WRAPPER_START);
      GMimeStream *stream;
      GMimeParser *parser;
      GMimeMessage *outer;
      GMimeObject *part;
      ModoriOriginal *original;

      g_string_append_len (input, blocks[i], length);
      g_string_append (input, WRAPPER_END);
      stream = g_mime_stream_mem_new_with_buffer (input->str, input->len);
      parser = _modori_header_limit_parser_new (stream, NULL);
      outer = g_mime_parser_construct_message (parser, NULL);
      part = g_mime_multipart_get_part (GMIME_MULTIPART (g_mime_message_get_mime_part (outer)), 0);
      /* Kept as bytes, not parsed. */
      g_assert_false (GMIME_IS_MESSAGE_PART (part));
      g_assert_true (_modori_mime_is_attached_message (part));
      g_assert_true (_modori_mime_is_type (part, "message", "rfc822"));
      original = _modori_mime_attached_original (part);
      assert_same (blocks[i], message, original);
      g_clear_object (&message);
      _modori_original_unref (original);
      g_object_unref (outer);
      g_object_unref (parser);
      g_object_unref (stream);
      g_string_free (input, TRUE);
    }
}

static GMimeObject *
first_part_through_limits (const char *text, GMimeMessage **message)
{
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (text, strlen (text));
  GMimeParser *parser = _modori_header_limit_parser_new (stream, NULL);

  *message = g_mime_parser_construct_message (parser, NULL);
  g_object_unref (parser);
  g_object_unref (stream);
  return g_mime_multipart_get_part (GMIME_MULTIPART (g_mime_message_get_mime_part (*message)), 0);
}

/* Kept as bytes, GMime would end an attached message at the first line
 * of a boundary of the multipart around it; parsing it whole, it takes
 * such a line for the boundary of the message's own multipart when that
 * reuses it. Such a message is left to GMime, as is a message/rfc822
 * quoted in a text part (not a header block GMime reads). */
static void
test_left_to_gmime (void)
{
  static const char reused[] =
    "From: mailer-daemon@example.net\nMIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"SAME\"\n\n--SAME\n"
    "Content-Type: message/rfc822\n\n"
    "From: a@example.jp\nSubject: inner\nContent-Type: multipart/mixed; boundary=\"SAME\"\n\n"
    "--SAME\nContent-Type: text/plain\n\nhello\n--SAME--\n"
    "--SAME--\n";
  static const char distinct[] =
    "From: mailer-daemon@example.net\nMIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"OUTER\"\n\n--OUTER\n"
    "Content-Type: message/rfc822\n\n"
    "From: a@example.jp\nSubject: inner\nContent-Type: multipart/mixed; boundary=\"INNER\"\n\n"
    "--INNER\nContent-Type: text/plain\n\nhello\n--INNER--\n"
    "--OUTER--\n";
  static const char quoted[] =
    "From: mailer-daemon@example.net\nMIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"OUTER\"\n\n--OUTER\n"
    "Content-Type: text/plain\n\n--- a copy follows\nContent-Type: message/rfc822\n\n"
    "--OUTER--\n";
  GMimeMessage *message;
  GMimeObject *part;
  ModoriOriginal *original;
  const char *text;

  part = first_part_through_limits (reused, &message);
  g_assert_true (GMIME_IS_MESSAGE_PART (part));
  g_object_unref (message);

  part = first_part_through_limits (distinct, &message);
  g_assert_false (GMIME_IS_MESSAGE_PART (part));
  original = _modori_mime_attached_original (part);
  g_assert_cmpstr (_modori_original_get_subject (original), ==, "inner");
  _modori_original_unref (original);
  g_object_unref (message);

  part = first_part_through_limits (quoted, &message);
  text = _modori_mime_part_text (GMIME_PART (part));
  g_assert_nonnull (strstr (text, "Content-Type: message/rfc822"));
  g_free ((char *) text);
  g_object_unref (message);
}

/* A NUL ends a value, as GMime's copy of it. */
static void
test_nul (void)
{
  static const char block[] = "Subject: before\0after\nTo: t@example.com\n\n";
  GMimeMessage *message = gmime_parse (block, sizeof block - 1, FALSE);
  ModoriOriginal *original = _modori_original_read (block, sizeof block - 1, MODORI_ORIGINAL_ALONE, 0);

  assert_same ("(with a NUL)", message, original);
  g_assert_cmpstr (_modori_original_get_subject (original), ==, "before");
  g_object_unref (message);
  _modori_original_unref (original);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_mime_init ();
  g_test_add_func ("/original/alone", test_alone);
  g_test_add_func ("/original/ended", test_ended);
  g_test_add_func ("/original/attached", test_attached);
  g_test_add_func ("/original/nul", test_nul);
  g_test_add_func ("/original/left-to-gmime", test_left_to_gmime);
  return g_test_run ();
}
