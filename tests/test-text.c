/* test-text.c: lib/text.c's scanners against plain definitions. */
#include <string.h>

#include "text.h"

/* @n bytes of @alphabet (a string) at random into @out, and a NUL. */
static void
random_bytes (GRand *rand, const char *alphabet, char *out, guint n)
{
  gsize size = strlen (alphabet);

  for (guint i = 0; i < n; i++)
    out[i] = alphabet[g_rand_int_range (rand, 0, size)];
  out[n] = '\0';
}

/* The first place @needle occurs in @haystack, ASCII case aside: the
 * definition, one place after the other. */
static const char *
naive_find_nocase (const char *haystack, const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack;; p++)
    {
      if (g_ascii_strncasecmp (p, needle, n) == 0)
        return p;
      if (*p == '\0')
        return NULL;
    }
}

static void
check_find (const char *haystack, const char *needle)
{
  const char *want = naive_find_nocase (haystack, needle);
  const char *got = _modori_text_find_nocase (haystack, needle);

  if (got != want)
    g_error ("find_nocase (\"%s\", \"%s\"): %ld, want %ld", haystack, needle,
             got ? (long) (got - haystack) : -1L, want ? (long) (want - haystack) : -1L);
}

static void
test_find_nocase_cases (void)
{
  /* Either case, at the start, the end and across the sixteen-byte
   * blocks the search reads at once. */
  static const char *const cases[][2] = {
    { "User Unknown", "user unknown" }, { "user unknown", "USER" }, { "xUSER", "user" },
    { "abc", "" }, { "", "a" }, { "", "ab" }, { "a", "ab" }, { "ab", "ab" }, { "aB", "Ab" },
    { "0123456789abcdefSAID:", "said:" }, { "0123456789abcdeSAID:", "said:" },
    { "0123456789abcdefgSAID:", "said:" }, { "0123456789abcdefghijklmnopqrstuvwxyz0123456789said", "said" },
    { "said said", "said" }, { "sasaid", "said" }, { "ssssssssssssssssssaid", "said" },
    { "550-5.1.1 in reply to RCPT TO", "in reply to " }, { "\xc3\xa9t\xc3\xa9", "\xc3\xa9t" },
    { "a-b_c", "-B_" }, { "[]", "[" }, { "@example.jp", "@EXAMPLE" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check_find (cases[i][0], cases[i][1]);
}

static void
test_find_nocase_random (void)
{
  /* Letters of both cases among a few other bytes, so that first bytes,
   * first pairs and whole needles all match often. */
  static const char alphabet[] = "aAbBsS -:\xc3\xa9";
  GRand *rand = g_rand_new_with_seed (20261202);

  for (guint round = 0; round < 20000; round++)
    {
      guint length = g_rand_int_range (rand, 0, 70), n = g_rand_int_range (rand, 1, 6);
      char haystack[72], needle[8];

      random_bytes (rand, alphabet, haystack, length);
      random_bytes (rand, alphabet, needle, n);
      check_find (haystack, needle);
      /* A needle taken from the text, so that it is there. */
      if (length > n)
        {
          guint at = g_rand_int_range (rand, 0, length - n);
          memcpy (needle, haystack + at, n);
          check_find (haystack, needle);
        }
    }
  g_rand_free (rand);
}

static void
check_find_len (const char *haystack, gsize length, const char *needle)
{
  char *prefix = g_strndup (haystack, length);
  const char *want = naive_find_nocase (prefix, needle);
  const char *got = _modori_text_find_nocase_len (haystack, length, needle);

  if ((want ? want - prefix : -1) != (got ? got - haystack : -1))
    g_error ("find_nocase_len (\"%s\", %lu, \"%s\"): %ld, want %ld", haystack, (gulong) length, needle,
             got ? (long) (got - haystack) : -1L, want ? (long) (want - prefix) : -1L);
  g_free (prefix);
}

static void
test_find_nocase_len_random (void)
{
  /* Longer texts than above, so that a block holds several places where
   * the first two bytes match, and needles that end past @length; bytes
   * other than letters that differ from another in bit 0x20 alone. */
  static const char alphabet[] = "aAbBsS -:@`[{\xc3\xa9";
  GRand *rand = g_rand_new_with_seed (20261203);

  for (guint round = 0; round < 20000; round++)
    {
      guint size = g_rand_int_range (rand, 0, 200), n = g_rand_int_range (rand, 0, 9);
      guint length = g_rand_int_range (rand, 0, size + 1);
      char haystack[201], needle[10];

      random_bytes (rand, alphabet, haystack, size);
      random_bytes (rand, alphabet, needle, n);
      check_find_len (haystack, length, needle);
      check_find (haystack, needle);
      /* A needle from the text, at times across @length. */
      if (size > n)
        {
          guint at = g_rand_int_range (rand, 0, size - n);
          memcpy (needle, haystack + at, n);
          check_find_len (haystack, length, needle);
          check_find (haystack, needle);
        }
    }
  g_rand_free (rand);
}

/* Texts of pieces that make the command sentences, their leads and the
 * commands after them, broken by white space of every kind and length,
 * cut anywhere: _modori_text_find_command_collapsed() must say what
 * _modori_text_find_command() says of the collapsed copy. */
static void
test_find_command_collapsed_random (void)
{
  static const char *const pieces[] = {
    "in", "reply", "to", "after", "while", "sending", "end", "of", "data", "DATA", "RCPT", "rcpt", "To:",
    "mail", "FROM", "ehlo", "connect", "initial", "connection", "greeting", "within", "x", "5", ".", ":",
    "did", "not", "like", "our", "but", "sender", "was", "rejected", "refused", "talk", "me",
    "\xe3\x81\x82", "\xef\xbc\xa1", "\xc3\xa9",
  };
  static const char *const spaces[] = { "", " ", "  ", "\n", "\r\n", "\t", " \n\t", "\v\f" };
  GRand *rand = g_rand_new_with_seed (20261204);

  for (guint round = 0; round < 40000; round++)
    {
      GString *text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 12);
      char *collapsed;
      const char *want, *got;

      for (guint i = 0; i < n; i++)
        {
          g_string_append (text, spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces))]);
          g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
        }
      g_string_append (text, spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces))]);
      g_string_truncate (text, g_rand_int_range (rand, 0, text->len + 1));
      collapsed = _modori_text_collapse_space (text->str);
      want = _modori_text_find_command (collapsed);
      got = _modori_text_find_command_collapsed (text->str);
      if (g_strcmp0 (want, got) != 0)
        g_error ("find_command_collapsed (\"%s\"): %s, want %s", text->str, got ? got : "NULL", want ? want : "NULL");
      g_free (collapsed);
      g_string_free (text, TRUE);
    }
  g_rand_free (rand);
}

/* The words of the first @max bytes of @text (white space as
 * g_ascii_isspace() has it), joined by single spaces: the definition of
 * _modori_text_collapse_space_max(). */
static char *
naive_collapse (const char *text, gsize max)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (gsize i = 0; i < max && text[i]; i++)
    if (g_ascii_isspace (text[i]))
      space = TRUE;
    else
      {
        if (space && out->len > 0)
          g_string_append_c (out, ' ');
        space = FALSE;
        g_string_append_c (out, text[i]);
      }
  return g_string_free (out, FALSE);
}

static void
test_collapse_space_random (void)
{
  /* Words as long as a block and longer, so that a run of them ends in
   * every lane, at the end and past it, and '\v', which is no space. */
  static const char alphabet[] = "abcdefgh \t\n\v\f\r\xc3\xa9";
  GRand *rand = g_rand_new_with_seed (20261205);

  for (guint round = 0; round < 20000; round++)
    {
      guint size = g_rand_int_range (rand, 0, 120), max = g_rand_int_range (rand, 0, 130);
      guint spaces = g_rand_int_range (rand, 1, 40);
      char text[121], *want, *got;
      gboolean cut;

      for (guint i = 0; i < size; i++)
        text[i] = g_rand_int_range (rand, 0, spaces) == 0 ? alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]
                                                          : "wxyz"[g_rand_int_range (rand, 0, 4)];
      text[size] = '\0';
      want = naive_collapse (text, max);
      got = _modori_text_collapse_space_max (text, max, &cut);
      if (strcmp (want, got) != 0 || cut != (max < size))
        g_error ("collapse_space_max (\"%s\", %u): \"%s\", want \"%s\"", text, max, got, want);
      g_free (want);
      g_free (got);
    }
  g_rand_free (rand);
}

/* The reply-code scan as first written, each lead searched in turn and
 * every byte tried: the definition _modori_text_scan_reply_code() must
 * keep. */
static gboolean
naive_reply_code_at (const char *p, char *code)
{
  if ((p[0] == '2' || p[0] == '4' || p[0] == '5') && p[1] >= '0' && p[1] <= '5' && g_ascii_isdigit (p[2]) &&
      !g_ascii_isdigit (p[3]) && p[3] != '.')
    {
      memcpy (code, p, 3);
      code[3] = '\0';
      return TRUE;
    }
  return FALSE;
}

static gboolean
naive_scan_reply_code (const char *text, gboolean anywhere, char *code)
{
  static const char *const leads[] = { "said:", "refused to talk to me:", "server responded:", "server response:" };
  const char *p = text;
  char start_code[4] = "";

  while (g_ascii_isspace (*p))
    p++;
  if (naive_reply_code_at (p, start_code) && start_code[0] != '2')
    {
      memcpy (code, start_code, 4);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    for (p = text; (p = naive_find_nocase (p, leads[i])) != NULL; p++)
      {
        const char *q = p + strlen (leads[i]);
        while (g_ascii_isspace (*q))
          q++;
        if (naive_reply_code_at (q, code))
          return TRUE;
      }
  for (p = text; *p; p++)
    {
      const char *q = p + 4;

      if ((p > text && g_ascii_isalnum (p[-1])) || (p[0] != '4' && p[0] != '5') ||
          !naive_reply_code_at (p, code) || (p[3] != ' ' && p[3] != '-'))
        continue;
      if (*q == '\'' || *q == '"')
        {
          if (p[3] == '-')
            return TRUE;
          q++;
        }
      if (q[0] == p[0] && q[1] == '.' && g_ascii_isdigit (q[2]))
        return TRUE;
    }
  if (anywhere && start_code[0] == '\0')
    for (p = text; *p; p++)
      {
        if (p[0] < '2' || p[0] > '5' || p[1] < '0' || p[1] > '5' || !g_ascii_isdigit (p[2]))
          continue;
        if (p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '.' || p[-1] == ':' || p[-1] == ','))
          continue;
        if (p[3] != '\0' && p[3] != ' ' && p[3] != '-' && p[3] != '\r' && p[3] != '\n' && p[3] != '\'')
          continue;
        memcpy (code, p, 3);
        code[3] = '\0';
        return TRUE;
      }
  memcpy (code, start_code, 4);
  return start_code[0] != '\0';
}

static void
test_scan_reply_code_random (void)
{
  /* The leads in either case and cut short, colons of other words, codes
   * of every class after them and alone, status codes after codes. */
  static const char *const pieces[] = {
    "said:", "SAID:", "Said", "refused to talk to me:", "server responded:", "Server Response:", "response:",
    "paid:", "Xerver responded:", "host", "x:", ":", " ", "  ", "\n", "\t", "550", "421", "250", "220-", "571", "5.1.1", "4.2.1", "-", "'",
    "\"", ".", ",", "a", "4", "5", "55",
  };
  GRand *rand = g_rand_new_with_seed (20261206);

  for (guint round = 0; round < 40000; round++)
    {
      GString *text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 14);
      gboolean anywhere = g_rand_boolean (rand);
      char want[4] = "", got[4] = "";
      gboolean want_found, got_found;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      want_found = naive_scan_reply_code (text->str, anywhere, want);
      got_found = _modori_text_scan_reply_code (text->str, anywhere, got);
      if (want_found != got_found || (want_found && strcmp (want, got) != 0))
        g_error ("scan_reply_code (\"%s\", %d): %d %s, want %d %s", text->str, anywhere, got_found, got,
                 want_found, want);
      g_string_free (text, TRUE);
    }
  g_rand_free (rand);
}

/* The length of the status code "c.s.d" at @p (c one of 2, 4, 5; s and
 * d of one to three digits), or 0. */
static gsize
naive_status_code_length (const char *p)
{
  gsize s = 0, d = 0;

  if ((p[0] != '2' && p[0] != '4' && p[0] != '5') || p[1] != '.')
    return 0;
  while (g_ascii_isdigit (p[2 + s]))
    s++;
  if (s < 1 || s > 3 || p[2 + s] != '.')
    return 0;
  while (g_ascii_isdigit (p[3 + s + d]))
    d++;
  return d >= 1 && d <= 3 ? 3 + s + d : 0;
}

/* _modori_text_without_continuations() as first written, a byte at a
 * time. */
static char *
naive_without_continuations (const char *text)
{
  GString *plain = NULL;
  int code = 0;

  for (const char *p = text; *p;)
    {
      int here = 0;
      gboolean last = FALSE;

      if ((p == text || g_ascii_isspace (p[-1])) && p[0] >= '2' && p[0] <= '5' && g_ascii_isdigit (p[1]) &&
          g_ascii_isdigit (p[2]) && p[3] == '-')
        here = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
      if (here == 0 && code != 0 && (p == text || g_ascii_isspace (p[-1])) && g_ascii_isdigit (p[0]) &&
          g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && p[3] == ' ' &&
          (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0') == code)
        here = code, last = TRUE;
      if (here == 0)
        {
          if (plain)
            g_string_append_c (plain, *p);
          p++;
          continue;
        }
      if (plain == NULL)
        plain = g_string_new_len (text, p - text);
      code = last ? 0 : here;
      p += 4;
      if (naive_status_code_length (p) > 0)
        {
          p += naive_status_code_length (p);
          while (*p == ' ' || *p == '\t')
            p++;
        }
    }
  return plain ? g_string_free (plain, FALSE) : NULL;
}

static void
test_without_continuations_random (void)
{
  static const char *const pieces[] = {
    "550-", "550 ", "550", "451-", "451 ", "250-", "250 ", "9", "5.7.1 ", "4.2.1", "x", "ab", " ", "\n", "-", "5", "1", "0",
  };
  GRand *rand = g_rand_new_with_seed (20261207);

  for (guint round = 0; round < 40000; round++)
    {
      GString *text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 14);
      char *want, *got;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      want = naive_without_continuations (text->str);
      got = _modori_text_without_continuations (text->str);
      if (g_strcmp0 (want, got) != 0)
        g_error ("without_continuations (\"%s\"): \"%s\", want \"%s\"", text->str, got ? got : "NULL",
                 want ? want : "NULL");
      g_free (want);
      g_free (got);
      g_string_free (text, TRUE);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/find-nocase/cases", test_find_nocase_cases);
  g_test_add_func ("/text/find-nocase/random", test_find_nocase_random);
  g_test_add_func ("/text/find-nocase-len/random", test_find_nocase_len_random);
  g_test_add_func ("/text/find-command-collapsed/random", test_find_command_collapsed_random);
  g_test_add_func ("/text/collapse-space/random", test_collapse_space_random);
  g_test_add_func ("/text/scan-reply-code/random", test_scan_reply_code_random);
  g_test_add_func ("/text/without-continuations/random", test_without_continuations_random);
  return g_test_run ();
}
