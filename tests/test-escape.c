/* test-escape.c: what a bounce or a file name says, made safe for a
 * terminal and a spreadsheet (cli/escape.c). */
#include <string.h>

#include <glib.h>

#include "../cli/escape.h"

typedef struct {
  const char *input;
  const char *line;        /* escape_line() */
  const char *multiline;   /* escape_multiline(); NULL: as line */
} TextCase;

static const TextCase text_cases[] = {
  { "", "", NULL },
  { "taro@example.jp", "taro@example.jp", NULL },
  { "宛先が見つかりません", "宛先が見つかりません", NULL },
  /* A backslash is the text's own: the result is for reading. */
  { "C:\\spool\\x1b", "C:\\spool\\x1b", NULL },
  /* C0 controls and DEL, as \xHH. */
  { "\033[31mred\033[0m", "\\x1b[31mred\\x1b[0m", NULL },
  { "bell\007 bs\010 del\177", "bell\\x07 bs\\x08 del\\x7f", NULL },
  { "a\tb", "a\\x09b", NULL },
  { "\001\037", "\\x01\\x1f", NULL },
  /* Line breaks: kept by escape_multiline() only; a lone CR never. */
  { "one\ntwo", "one\\x0atwo", "one\ntwo" },
  { "one\r\ntwo\r\n", "one\\x0d\\x0atwo\\x0d\\x0a", "one\ntwo\n" },
  { "over\rwrite", "over\\x0dwrite", "over\\x0dwrite" },
  /* C1 controls, as \uHHHH: U+0080, U+009B (CSI), U+009F. */
  { "\302\200\302\233\302\237", "\\u0080\\u009b\\u009f", NULL },
  /* U+00A0 and U+00E9 are no controls. */
  { "\302\240\303\251", "\302\240\303\251", NULL },
  /* Bidirectional controls: ALM, LRM, RLM, LRE..RLO, LRI..PDI. */
  { "\330\234\342\200\216\342\200\217", "\\u061c\\u200e\\u200f", NULL },
  { "\342\200\252\342\200\253\342\200\254\342\200\255\342\200\256",
    "\\u202a\\u202b\\u202c\\u202d\\u202e", NULL },
  { "\342\201\246\342\201\247\342\201\250\342\201\251",
    "\\u2066\\u2067\\u2068\\u2069", NULL },
  { "exe.\342\200\256gpj", "exe.\\u202egpj", NULL },
  /* Line and paragraph separators would break the line too. */
  { "a\342\200\250b\342\200\251c", "a\\u2028b\\u2029c", NULL },
  /* A zero-width joiner is part of emoji and scripts: kept. */
  { "\342\200\215", "\342\200\215", NULL },
  /* Invalid UTF-8: one U+FFFD a bad byte; what follows is read again. */
  { "a\377b", "a\357\277\275b", NULL },
  { "\303", "\357\277\275", NULL },
  { "\303(", "\357\277\275(", NULL },
  { "\340\200\257", "\357\277\275\357\277\275\357\277\275", NULL },   /* overlong '/' */
  { "\355\240\200", "\357\277\275\357\277\275\357\277\275", NULL },   /* a surrogate */
  { "\302\033", "\357\277\275\\x1b", NULL },
};

static void
test_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      const TextCase *c = &text_cases[i];
      g_autofree char *line = escape_line (c->input);
      g_autofree char *multiline = escape_multiline (c->input);

      g_test_message ("case %u", i);
      g_assert_cmpstr (line, ==, c->line);
      g_assert_cmpstr (multiline, ==, c->multiline ? c->multiline : c->line);
      g_assert_true (g_utf8_validate (line, -1, NULL));
    }
}

typedef struct {
  const char *input;
  const char *field;
} CsvCase;

static const CsvCase csv_cases[] = {
  { "", "" },
  { "taro@example.jp", "taro@example.jp" },
  { "5.1.1", "5.1.1" },
  /* RFC 4180: a comma or a quote makes a quoted field, quotes doubled. */
  { "a,b", "\"a,b\"" },
  { "say \"hi\"", "\"say \"\"hi\"\"\"" },
  /* Line breaks are escaped, not quoted: one record, one line. */
  { "one\r\ntwo", "one\\x0d\\x0atwo" },
  /* What a spreadsheet would run gets a ' first. */
  { "=cmd|'/C calc'!A0", "'=cmd|'/C calc'!A0" },
  { "+81-3-1234@example.jp", "'+81-3-1234@example.jp" },
  { "-hanako@example.jp", "'-hanako@example.jp" },
  { "@SUM(1+9)", "'@SUM(1+9)" },
  { "  =1+1", "'  =1+1" },
  { "\357\274\235SUM(A1)", "'\357\274\235SUM(A1)" },           /* full-width = */
  { "=HYPERLINK(\"http://x.example/\",\"a\")",
    "\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"a\"\")\"" },
  /* A tab or CR that starts a field is escaped: no formula either. */
  { "\t=1+1", "\\x09=1+1" },
  { "\r=1+1", "\\x0d=1+1" },
  /* Inside a field, the signs are harmless. */
  { "a=b+c-d@e", "a=b+c-d@e" },
  { "\033[2J\302\233\342\200\256x\377", "\\x1b[2J\\u009b\\u202ex\357\277\275" },
};

static void
test_csv (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      g_autofree char *field = escape_csv_field (csv_cases[i].input);

      g_test_message ("case %u", i);
      g_assert_cmpstr (field, ==, csv_cases[i].field);
    }
}

/* The append form adds to what is there and leaves it alone. */
static void
test_csv_append (void)
{
  g_autoptr (GString) row = g_string_new ("a,");

  escape_append_csv_field (row, "-1");
  g_string_append_c (row, ',');
  escape_append_csv_field (row, "x,y");
  g_assert_cmpstr (row->str, ==, "a,'-1,\"x,y\"");
}

/* Hostile sizes cost their length: no quadratic quoting. */
static void
test_large (void)
{
  gsize n = 4 * 1024 * 1024;
  g_autofree char *quotes = g_malloc (n + 1);
  g_autofree char *field = NULL;

  memset (quotes, '"', n);
  quotes[n] = '\0';
  field = escape_csv_field (quotes);
  g_assert_cmpuint (strlen (field), ==, 2 * n + 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escape/text", test_text);
  g_test_add_func ("/escape/csv", test_csv);
  g_test_add_func ("/escape/csv-append", test_csv_append);
  g_test_add_func ("/escape/large", test_large);
  return g_test_run ();
}
