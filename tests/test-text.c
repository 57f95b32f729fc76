/* test-text.c: lib/text.c's scanners against plain definitions. */
#include <string.h>

#include "text.h"

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

      for (guint i = 0; i < length; i++)
        haystack[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      haystack[length] = '\0';
      for (guint i = 0; i < n; i++)
        needle[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      needle[n] = '\0';
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/find-nocase/cases", test_find_nocase_cases);
  g_test_add_func ("/text/find-nocase/random", test_find_nocase_random);
  return g_test_run ();
}
