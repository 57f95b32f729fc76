/* test-wrap.c: wrapping for the terminal, in Japanese and English. */
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "../cli/wrap.h"

static const char japanese[] =
  "宛先のメールアドレスが存在しないため、メールを届けることができませんでした。";

/* Checks what holds for any wrapped text: every line ends with '\n', is
 * indented, fits, and does not end in a space. Returns the lines. */
static char **
check_lines (const char *wrapped, int width, int indent)
{
  char **lines;
  guint n;

  g_assert_true (g_str_has_suffix (wrapped, "\n"));
  lines = g_strsplit (wrapped, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '\0')
        continue;
      g_assert_cmpint (modori_cli_text_width (line), <=, width);
      g_assert_cmpint ((int) strspn (line, " "), >=, indent);
      g_assert_false (g_str_has_suffix (line, " "));
    }
  return lines;
}

/* The lines without their indent, joined without separators. */
static char *
join_lines (char **lines, int indent)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_string_append (joined, lines[i] + indent);
  return g_string_free (joined, FALSE);
}

static void
test_text_width (void)
{
  g_assert_cmpint (modori_cli_text_width (""), ==, 0);
  g_assert_cmpint (modori_cli_text_width ("abc"), ==, 3);
  g_assert_cmpint (modori_cli_text_width ("あいう"), ==, 6);
  g_assert_cmpint (modori_cli_text_width ("ｱ"), ==, 1);           /* halfwidth katakana */
  g_assert_cmpint (modori_cli_text_width ("ＡＢ"), ==, 4);        /* fullwidth Latin */
  g_assert_cmpint (modori_cli_text_width ("e\xcc\x81"), ==, 1);  /* e + combining acute */
  g_assert_cmpint (modori_cli_text_width ("a\xe2\x80\x8b" "b"), ==, 2);  /* ZWSP (Cf) */
  g_assert_cmpint (modori_cli_text_width ("①"), ==, 1);           /* Ambiguous */
  g_assert_cmpint (modori_cli_text_width ("😀"), ==, 2);          /* beyond the BMP */
}

static void
test_english (void)
{
  const char *text = "The quick brown fox jumps over the lazy dog";
  g_autofree char *wrapped = modori_cli_wrap (text, 20, 0);
  g_auto (GStrv) lines = check_lines (wrapped, 20, 0);

  g_assert_cmpstr (wrapped, ==, "The quick brown fox\njumps over the lazy\ndog\n");
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
}

/* Several spaces at a break all go; between words they stay. */
static void
test_spaces_at_break (void)
{
  g_autofree char *wrapped = modori_cli_wrap ("foo  bar   baz", 8, 0);

  g_assert_cmpstr (wrapped, ==, "foo  bar\nbaz\n");
}

static void
test_japanese (void)
{
  g_autofree char *wrapped = modori_cli_wrap (japanese, 20, 0);
  g_auto (GStrv) lines = check_lines (wrapped, 20, 0);
  g_autofree char *joined = join_lines (lines, 0);

  g_assert_cmpuint (g_strv_length (lines), >=, 4);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], "、"));
      g_assert_false (g_str_has_prefix (lines[i], "。"));
    }
  /* Nothing is lost or added: Japanese has no spaces to drop. */
  g_assert_cmpstr (joined, ==, japanese);
}

/* Kinsoku: the 。 that would fit alone on the next line pulls the
 * character before it down instead. */
static void
test_kinsoku (void)
{
  g_autofree char *wrapped = modori_cli_wrap ("あいうえお。", 10, 0);

  g_assert_cmpstr (wrapped, ==, "あいうえ\nお。\n");
}

/* Strict kinsoku: the long vowel mark and small kana never start a line
 * ("サーバ" / "ー" would be wrong), so the break goes before their base. */
static void
test_kinsoku_strict (void)
{
  g_autofree char *vowel = modori_cli_wrap ("あいうサーバー", 8, 0);
  g_autofree char *small = modori_cli_wrap ("あいうエッ", 8, 0);

  g_assert_cmpstr (vowel, ==, "あいう\nサーバー\n");
  g_assert_cmpstr (small, ==, "あいう\nエッ\n");
}

static void
test_mixed (void)
{
  const char *text = "相手のサーバーは 550 5.1.1 <user@example.jp>: Recipient address rejected と返しました。";
  g_autofree char *wrapped = modori_cli_wrap (text, 30, 4);
  g_auto (GStrv) lines = check_lines (wrapped, 30, 4);

  g_assert_cmpuint (g_strv_length (lines), >, 1);
  g_assert_nonnull (strstr (wrapped, "<user@example.jp>:"));
}

static void
test_indent (void)
{
  const char *text = "Ask the recipient for a current address by another means, such as a phone call.";
  g_autofree char *wrapped = modori_cli_wrap (text, 30, 4);
  g_auto (GStrv) lines = check_lines (wrapped, 30, 4);

  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], "    "));
      g_assert_cmpint (lines[i][4], !=, ' ');
    }
}

static void
test_narrow_width (void)
{
  g_autofree char *wrapped = modori_cli_wrap ("aaa bbb", 4, 4);

  /* Width 4 leaves no room after the indent: 14 is used. */
  g_assert_cmpstr (wrapped, ==, "    aaa bbb\n");
}

static void
test_hard_breaks (void)
{
  g_autofree char *simple = modori_cli_wrap ("first line\nsecond", 40, 2);
  g_autofree char *blank = modori_cli_wrap ("a\n\nb\n", 40, 2);
  g_autofree char *crlf = modori_cli_wrap ("a\r\nb", 40, 0);
  g_autofree char *spaces = modori_cli_wrap ("one  \n  two", 40, 0);
  g_autofree char *wrapped = modori_cli_wrap ("aaa bbb\nccc ddd eee", 8, 0);

  g_assert_cmpstr (simple, ==, "  first line\n  second\n");
  g_assert_cmpstr (blank, ==, "  a\n\n  b\n");
  g_assert_cmpstr (crlf, ==, "a\nb\n");
  /* Trailing spaces go, a paragraph's leading spaces stay. */
  g_assert_cmpstr (spaces, ==, "one\n  two\n");
  g_assert_cmpstr (wrapped, ==, "aaa bbb\nccc ddd\neee\n");
}

static void
test_long_token (void)
{
  /* Letters and digits offer no break opportunity (unlike a URL's "/"). */
  const char *token = "QmFzZTY0RW5jb2RlZFRleHRXaXRob3V0QW55QnJlYWtz";
  g_autofree char *text = g_strconcat ("See ", token, " now", NULL);
  g_autofree char *wrapped = modori_cli_wrap (text, 20, 2);
  g_auto (GStrv) lines = check_lines (wrapped, 20, 2);
  g_autofree char *joined = join_lines (lines, 2);
  /* Its last piece is an ordinary line, which " now" still fits on. */
  g_autofree char *expected = g_strconcat ("See", token, " now", NULL);

  /* The token starts a line of its own and fills every line it spans. */
  g_assert_cmpstr (lines[0], ==, "  See");
  g_assert_true (g_str_has_prefix (lines[1], "  QmFz"));
  g_assert_cmpint (modori_cli_text_width (lines[1]), ==, 20);
  g_assert_cmpstr (joined, ==, expected);
}

static void
test_wide_fit (void)
{
  /* Five columns hold two wide characters, never two and a half. */
  g_autofree char *five = modori_cli_wrap ("ＡＢＣＤＥ", 15, 10);
  /* One column holds none: each still gets a line, rather than none. */
  g_autofree char *one = modori_cli_wrap ("あい", 11, 10);

  g_assert_cmpstr (five, ==, "          ＡＢ\n          ＣＤ\n          Ｅ\n");
  g_assert_cmpstr (one, ==, "          あ\n          い\n");
}

static void
test_empty (void)
{
  g_autofree char *empty = modori_cli_wrap ("", 20, 2);
  g_autofree char *newline = modori_cli_wrap ("\n", 20, 2);

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (newline, ==, "\n");
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *wrapped = modori_cli_wrap ("abc\xff", 20, 0);

  g_assert_cmpstr (wrapped, ==, "abc\xef\xbf\xbd\n");
  g_assert_cmpint (modori_cli_text_width ("abc\xff"), ==, 4);
}

static void
test_terminal_width (void)
{
  int fds[2];

  g_assert_cmpint (pipe (fds), ==, 0);
  g_assert_cmpint (modori_cli_terminal_width (fds[1]), ==, 80);
  close (fds[0]);
  close (fds[1]);
  g_assert_cmpint (modori_cli_terminal_width (-1), ==, 80);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wrap/text-width", test_text_width);
  g_test_add_func ("/wrap/english", test_english);
  g_test_add_func ("/wrap/spaces-at-break", test_spaces_at_break);
  g_test_add_func ("/wrap/japanese", test_japanese);
  g_test_add_func ("/wrap/kinsoku", test_kinsoku);
  g_test_add_func ("/wrap/kinsoku-strict", test_kinsoku_strict);
  g_test_add_func ("/wrap/mixed", test_mixed);
  g_test_add_func ("/wrap/indent", test_indent);
  g_test_add_func ("/wrap/narrow-width", test_narrow_width);
  g_test_add_func ("/wrap/hard-breaks", test_hard_breaks);
  g_test_add_func ("/wrap/long-token", test_long_token);
  g_test_add_func ("/wrap/wide-fit", test_wide_fit);
  g_test_add_func ("/wrap/empty", test_empty);
  g_test_add_func ("/wrap/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/wrap/terminal-width", test_terminal_width);

  return g_test_run ();
}
