/* test-wrap.c: wrapping for the terminal, in Japanese and English. */
#include <locale.h>
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
 * character before it down instead, also when a phrase too long for a
 * line is cut. */
static void
test_kinsoku (void)
{
  g_autofree char *wrapped = modori_cli_wrap ("できませんでした。", 16, 0);

  g_assert_cmpstr (wrapped, ==, "できませんでし\nた。\n");
}

/* ICU's phrase breaking ends a dictionary word before "ー" or a small
 * kana ("漢字" / "ー"); strict kinsoku vetoes such a break. */
static void
test_kinsoku_phrase (void)
{
  g_autofree char *wrapped = modori_cli_wrap ("漢字ー漢字ッ漢字", 10, 0);

  g_assert_cmpstr (wrapped, ==, "漢字ー\n漢字ッ漢字\n");
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

/* Guidance as the catalog has it (lib/guidance/catalog.ini): long
 * sentences full of the words a reader looks for. */
static const char *const guidance[] = {
  /* reason/authfailure what[ja] */
  "受信側のサーバーが「このメールは本当に送信元のドメインから送られたものか」を確認する仕組み（SPF・DKIM・DMARC）で検査したところ、確認が取れなかったため受け取りを断りました。宛先アドレスではなく、送信側の設定の問題です。",
  /* reason/filtered what[ja] */
  "受信側はいったん宛先を受け付けたあと、迷惑メールフィルターや受信者の受信設定によってメールの受け取りを拒否しました。携帯電話の「指定受信（ドメイン指定受信）」で、登録された相手以外からのメールを受け取らない設定になっている場合などがこれにあたります。",
  /* reason/securityerror what[ja], todo[ja] */
  "セキュリティ上の条件を満たしていないため、メールを拒否されました。送信時のログイン（SMTP認証）や暗号化した通信が必要なのに行われていない、ユーザー名やパスワードが間違っている、などの場合に起こります。",
  "メールソフトの送信サーバーの設定を確認してください。SMTP認証を有効にし、プロバイダが指定する暗号化方式（SSL/TLS）とポート番号を使い、ユーザー名とパスワードを入力し直してください。",
  /* reason/userunknown todo[ja] */
  "電話や名刺、以前のメールなどで正しいアドレスを相手に確認してください。アドレスを一度削除して入力し直し、再送してください。正しいのに届かない場合はアカウントが廃止されているので、新しいアドレスを尋ねてください。",
  /* POP password hint what[ja], todo[ja] */
  "受信（POP）サーバーが、このアカウントのパスワードが正しくないと返しました。アカウント名の入力ミスで別のアカウントとして確認されたか、パスワード自体が間違っているかのどちらかです。",
  "まずアカウント名をプロバイダのアカウント通知書と見比べて入力し直してください。アカウント名が正しければパスワードの誤りです。入力欄は「*」でしか表示されないので、大文字・小文字・数字に注意して入力し直してください。",
};

/* Words a line break must not cut: a reader scanning "アドレ" / "ス"
 * loses the word they are looking for. */
static const char *const whole_words[] = {
  "アドレス", "メール", "アカウント", "パスワード", "サーバー", "送信",
  "受信", "宛先", "設定", "確認", "入力", "プロバイダ", "セキュリティ",
  "ドメイン", "ユーザー", "フィルター", "ください",
};

/* Kinsoku: what never starts a line (closing marks, punctuation, the
 * long vowel mark and small kana, as ICU's strict rules have it) and
 * what never ends one (opening marks). */
static const char *const no_line_start[] = {
  "、", "。", "，", "．", "」", "』", "）", "】", "・", "：", "？", "！",
  "ー", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ",
  "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヵ", "ヶ",
};
static const char *const no_line_end[] = { "「", "『", "（", "【" };

/* Checks @lines (each with @indent spaces) for kinsoku and for a word of
 * whole_words cut between two lines. */
static void
check_japanese_lines (char **lines, int indent)
{
  g_autoptr (GString) joined = g_string_new (NULL);
  g_autoptr (GArray) breaks = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *body = lines[i] + indent;

      for (guint k = 0; k < G_N_ELEMENTS (no_line_start); k++)
        if (g_str_has_prefix (body, no_line_start[k]))
          g_error ("line %u starts with %s: %s", i, no_line_start[k], body);
      for (guint k = 0; k < G_N_ELEMENTS (no_line_end); k++)
        if (g_str_has_suffix (body, no_line_end[k]))
          g_error ("line %u ends with %s: %s", i, no_line_end[k], body);
      if (i > 0)
        g_array_append_val (breaks, joined->len);
      g_string_append (joined, body);
    }

  for (guint k = 0; k < G_N_ELEMENTS (whole_words); k++)
    {
      gsize word_length = strlen (whole_words[k]);

      for (const char *p = strstr (joined->str, whole_words[k]); p != NULL;
           p = strstr (p + word_length, whole_words[k]))
        {
          gsize at = p - joined->str;

          for (guint b = 0; b < breaks->len; b++)
            {
              gsize cut = g_array_index (breaks, gsize, b);

              if (cut > at && cut < at + word_length)
                {
                  g_autofree char *shown = g_strjoinv ("\n", lines);

                  g_error ("%s is cut between two lines:\n%s", whole_words[k], shown);
                }
            }
        }
    }
}

/* Real guidance at the widths of narrow and ordinary terminals: no word
 * is cut and kinsoku holds. */
static void
test_japanese_words (void)
{
  static const int widths[] = { 24, 30, 40, 60, 80 };

  for (guint i = 0; i < G_N_ELEMENTS (guidance); i++)
    for (guint k = 0; k < G_N_ELEMENTS (widths); k++)
      {
        g_autofree char *wrapped = modori_cli_wrap (guidance[i], widths[k], 4);
        g_auto (GStrv) lines = check_lines (wrapped, widths[k], 4);
        g_autofree char *joined = join_lines (lines, 4);

        check_japanese_lines (lines, 4);
        g_assert_cmpstr (joined, ==, guidance[i]);
      }
}

/* Wrapped texts are remembered per thread: a text asked for again, at
 * another width or indent, or after many others, comes out the same. */
static void
test_repeated (void)
{
  g_autofree char *first = modori_cli_wrap (guidance[0], 30, 4);
  g_autofree char *again = modori_cli_wrap (guidance[0], 30, 4);
  g_autofree char *wider = modori_cli_wrap (guidance[0], 60, 4);
  g_autofree char *indented = modori_cli_wrap (guidance[0], 30, 2);
  g_autofree char *last = NULL;

  g_assert_cmpstr (again, ==, first);
  g_assert_cmpstr (wider, !=, first);
  g_assert_cmpstr (indented, !=, first);
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %d", guidance[1], i);

      g_free (modori_cli_wrap (text, 30, 4));
      if (i % 50 == 0)
        g_free (modori_cli_wrap (guidance[2], 30, 4));
    }
  last = modori_cli_wrap (guidance[0], 30, 4);
  g_assert_cmpstr (last, ==, first);
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
  /* So that failure messages show Japanese rather than "??". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wrap/text-width", test_text_width);
  g_test_add_func ("/wrap/english", test_english);
  g_test_add_func ("/wrap/spaces-at-break", test_spaces_at_break);
  g_test_add_func ("/wrap/japanese", test_japanese);
  g_test_add_func ("/wrap/kinsoku", test_kinsoku);
  g_test_add_func ("/wrap/kinsoku-strict", test_kinsoku_strict);
  g_test_add_func ("/wrap/kinsoku-phrase", test_kinsoku_phrase);
  g_test_add_func ("/wrap/japanese-words", test_japanese_words);
  g_test_add_func ("/wrap/repeated", test_repeated);
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
