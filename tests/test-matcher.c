/* test-matcher.c: the phrase matcher (lib/matcher.c) against a naive
 * oracle.
 *
 * The oracle folds text and patterns as matcher.h and matcher.c say,
 * written here from that description and not from the code: ASCII
 * letters in lower case; each run of white space (space, tab, LF, CR,
 * FF, VT) one space, or none when the character before the run or the
 * one after it is CJK (a UTF-8 character led by E3..E9, or by EF with
 * BC..BF next). The character before a run is the last one whose first
 * byte is neither white space nor a continuation byte (80..BF), so
 * stray continuation bytes and other runs are looked past. Then it
 * searches every folded pattern in the folded text by brute force. A
 * pattern folded alike to an earlier one never counts on its own (its
 * earlier twin does), and an empty one never matches.
 *
 * Every entry point is held to it on hand-picked cases and on a few
 * thousand pseudo-random ones over a small alphabet (so that matches,
 * failure links and deep states happen), some with thousands of
 * states, deep ones among them with many edges or, on long runs, with
 * one: a matcher may keep full tables for its shallow states only. */
#include <string.h>

#include "matcher.h"

/* The oracle. */

static gboolean
is_space (guchar b)
{
  return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
}

static gboolean
is_cjk (const guchar *p)
{
  if (p[0] >= 0xE3 && p[0] <= 0xE9)
    return TRUE;
  return p[0] == 0xEF && p[1] >= 0xBC && p[1] <= 0xBF;
}

static GString *
oracle_fold (const char *text)
{
  const guchar *s = (const guchar *) text;
  gsize n = strlen (text);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < n;)
    {
      if (is_space (s[i]))
        {
          gsize end = i;
          gboolean drop = FALSE;

          while (end < n && is_space (s[end]))
            end++;
          /* The character before: back past white space and
           * continuation bytes. */
          for (gsize k = i; k > 0; k--)
            {
              guchar b = s[k - 1];
              if (is_space (b) || (b >= 0x80 && b < 0xC0))
                continue;
              drop = b >= 0xC0 && is_cjk (s + k - 1);
              break;
            }
          if (end < n && is_cjk (s + end))
            drop = TRUE;
          if (!drop)
            g_string_append_c (out, ' ');
          i = end;
        }
      else
        {
          g_string_append_c (out, g_ascii_tolower (s[i]));
          i++;
        }
    }
  return out;
}

typedef struct {
  guint pattern;
  gsize start, end;
} Occurrence;

typedef struct {
  guint n_patterns;
  GString **folded;       /* each pattern, folded */
  gboolean *counts;       /* not empty, and no earlier twin */
  GArray *occurrences;    /* every occurrence of a counting pattern */
} Oracle;

static Oracle *
oracle_new (const char *const *patterns, guint n_patterns, const char *text)
{
  Oracle *o = g_new0 (Oracle, 1);
  GString *t = oracle_fold (text);

  o->n_patterns = n_patterns;
  o->folded = g_new0 (GString *, n_patterns);
  o->counts = g_new0 (gboolean, n_patterns);
  o->occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  for (guint i = 0; i < n_patterns; i++)
    {
      o->folded[i] = oracle_fold (patterns[i]);
      o->counts[i] = o->folded[i]->len > 0;
      for (guint j = 0; j < i && o->counts[i]; j++)
        if (g_string_equal (o->folded[i], o->folded[j]))
          o->counts[i] = FALSE;
      if (!o->counts[i] || o->folded[i]->len > t->len)
        continue;
      for (gsize at = 0; at + o->folded[i]->len <= t->len; at++)
        if (memcmp (t->str + at, o->folded[i]->str, o->folded[i]->len) == 0)
          {
            Occurrence occ = { i, at, at + o->folded[i]->len };
            g_array_append_val (o->occurrences, occ);
          }
    }
  g_string_free (t, TRUE);
  return o;
}

static void
oracle_free (Oracle *o)
{
  for (guint i = 0; i < o->n_patterns; i++)
    g_string_free (o->folded[i], TRUE);
  g_free (o->folded);
  g_free (o->counts);
  g_array_free (o->occurrences, TRUE);
  g_free (o);
}

/* Whether occurrence @k lies inside a longer one of a pattern in
 * @group (all when NULL) with the same group value as its own. */
static gboolean
oracle_inside (const Oracle *o, guint k, const gboolean *group)
{
  const Occurrence *a = &g_array_index (o->occurrences, Occurrence, k);

  for (guint j = 0; j < o->occurrences->len; j++)
    {
      const Occurrence *b = &g_array_index (o->occurrences, Occurrence, j);
      if (group && group[b->pattern] != group[a->pattern])
        continue;
      if (b->start <= a->start && b->end >= a->end && b->end - b->start > a->end - a->start)
        return TRUE;
    }
  return FALSE;
}

/* Marks in @found the patterns with an occurrence (outside any longer
 * one when @outermost); returns how many. */
static guint
oracle_all (const Oracle *o, gboolean outermost, gboolean *found)
{
  guint count = 0;

  memset (found, 0, o->n_patterns * sizeof (gboolean));
  for (guint k = 0; k < o->occurrences->len; k++)
    {
      guint p = g_array_index (o->occurrences, Occurrence, k).pattern;
      if (found[p] || (outermost && oracle_inside (o, k, NULL)))
        continue;
      found[p] = TRUE;
      count++;
    }
  return count;
}

/* The lowest pattern with an occurrence (outside a longer one of its
 * group when @outermost) and, when @group, in group @which; or -1. */
static int
oracle_first (const Oracle *o, gboolean outermost, const gboolean *group, gboolean which)
{
  int first = -1;

  for (guint k = 0; k < o->occurrences->len; k++)
    {
      guint p = g_array_index (o->occurrences, Occurrence, k).pattern;
      if (group && group[p] != which)
        continue;
      if (outermost && oracle_inside (o, k, group))
        continue;
      if (first < 0 || (int) p < first)
        first = (int) p;
    }
  return first;
}

/* _modori_matcher_bits_len() on the first @length bytes of @text
 * against the oracle on a copy of them: 32 patterns at a time, a bit
 * each, so that the union says which of them occur. */
static void
check_cut (const Matcher *m, const char *const *patterns, guint n, const char *text, gsize length)
{
  char *copy = g_strndup (text, length);
  Oracle *o = oracle_new (patterns, n, copy);
  gboolean *want = g_new0 (gboolean, MAX (n, 1));
  guint32 *bits = g_new0 (guint32, MAX (n, 1));

  oracle_all (o, FALSE, want);
  for (guint chunk = 0; chunk * 32 < n; chunk++)
    {
      guint32 want_bits = 0;

      for (guint i = 0; i < n; i++)
        bits[i] = i / 32 == chunk ? 1u << (i % 32) : 0;
      for (guint i = chunk * 32; i < n && i < chunk * 32 + 32; i++)
        want_bits |= want[i] ? bits[i] : 0;
      g_assert_cmphex (_modori_matcher_bits_len (m, text, length, bits), ==, want_bits);
    }
  g_free (want);
  g_free (bits);
  oracle_free (o);
  g_free (copy);
}

/* Every entry point on @text against the oracle; the one that takes a
 * length on every cut of a short text and on some of a long one, and
 * with a length past the NUL. */
static void
check_text (const Matcher *m, const char *const *patterns, guint n, const gboolean *group, const char *text)
{
  gsize len = strlen (text);
  Oracle *o = oracle_new (patterns, n, text);
  gboolean *want = g_new0 (gboolean, MAX (n, 1));
  gboolean *got = g_new0 (gboolean, MAX (n, 1));
  guint want_count, got_count;
  int want_out, want_in, got_out, got_in;

  for (gsize k = 0; k <= len + 1; k += len <= 16 ? 1 : 1 + len / 8)
    check_cut (m, patterns, n, text, k);
  if (len > 16)
    for (gsize k = len - 2; k <= len + 1; k++)
      check_cut (m, patterns, n, text, k);

  g_assert_cmpint (_modori_matcher_first (m, text), ==, oracle_first (o, FALSE, NULL, FALSE));

  want_count = oracle_all (o, FALSE, want);
  got_count = _modori_matcher_all (m, text, got);
  g_assert_cmpuint (got_count, ==, want_count);
  g_assert_cmpmem (got, n * sizeof (gboolean), want, n * sizeof (gboolean));

  want_count = oracle_all (o, TRUE, want);
  got_count = _modori_matcher_all_outermost (m, text, got);
  g_assert_cmpuint (got_count, ==, want_count);
  g_assert_cmpmem (got, n * sizeof (gboolean), want, n * sizeof (gboolean));

  g_assert_cmpint (_modori_matcher_first_outermost (m, text), ==, oracle_first (o, TRUE, NULL, FALSE));

  want_out = oracle_first (o, TRUE, group, FALSE);
  want_in = oracle_first (o, TRUE, group, TRUE);
  _modori_matcher_first_outermost_by_group (m, text, group, &got_out, &got_in);
  g_assert_cmpint (got_out, ==, want_out);
  g_assert_cmpint (got_in, ==, want_in);

  g_free (want);
  g_free (got);
  oracle_free (o);
}

static void
check_set (const char *const *patterns, guint n, const char *const *texts, guint n_texts)
{
  Matcher *m = _modori_matcher_new (patterns, n);
  gboolean *group = g_new0 (gboolean, MAX (n, 1));

  /* Every other pattern in the second group. */
  for (guint i = 0; i < n; i++)
    group[i] = i % 2;
  for (guint t = 0; t < n_texts; t++)
    check_text (m, patterns, n, group, texts[t]);
  g_free (group);
  _modori_matcher_free (m);
}

/* Hand-picked cases. */

static void
test_overlap (void)
{
  const char *patterns[] = {
    "has been blacklisted", "blacklisted", "been", "has been", "list", "is", "black", "has",
  };
  const char *texts[] = {
    "", "x", "Your address has been blacklisted.", "BLACKLISTED", "blacklist", "this is has been",
    "has been has been blacklisted blacklisted", "hashas been", "lis list listed",
  };
  check_set (patterns, G_N_ELEMENTS (patterns), texts, G_N_ELEMENTS (texts));
}

static void
test_suffixes (void)
{
  const char *patterns[] = { "abcd", "bcd", "cd", "d", "bc", "abcde", "cdx", "xab" };
  const char *texts[] = { "abcd", "abcde", "xabcdx", "bcdabcd", "ab cd", "aabcdd", "cdxabcde", "d" };
  check_set (patterns, G_N_ELEMENTS (patterns), texts, G_N_ELEMENTS (texts));
}

static void
test_empty_and_twins (void)
{
  const char *patterns[] = { "", "user unknown", "USER  UNKNOWN", "user\tunknown", "", "unknown", "Unknown" };
  const char *texts[] = { "", " ", "user unknown", "User\n\tUnknown", "user unknownuser unknown", "unknown" };
  const char *none[] = { NULL };
  gboolean found[1];
  Matcher *m;

  check_set (patterns, G_N_ELEMENTS (patterns), texts, G_N_ELEMENTS (texts));
  check_set (patterns, 1, texts, G_N_ELEMENTS (texts));
  /* No patterns at all. */
  m = _modori_matcher_new (none, 0);
  g_assert_cmpint (_modori_matcher_first (m, "anything"), ==, -1);
  g_assert_cmpint (_modori_matcher_first_outermost (m, "anything"), ==, -1);
  g_assert_cmpuint (_modori_matcher_all (m, "anything", found), ==, 0);
  _modori_matcher_free (m);
}

static void
test_white_space (void)
{
  const char *patterns[] = {
    "mailbox full", "mailbox\n\nfull", " full", "full ", "  ", "x y z", "\t", "a\r\nb", "\v\fc",
  };
  const char *texts[] = {
    "mailbox full", "Mailbox\r\n  Full", "mailbox\tfull ", "  full  ", "x\ty\nz", "x  y  z", "a b", "a\r\n\r\nb",
    " c", "\t\t", "mailboxfull", "\f\v\fc ",
  };
  check_set (patterns, G_N_ELEMENTS (patterns), texts, G_N_ELEMENTS (texts));
}

static void
test_cjk (void)
{
  const char *patterns[] = {
    "ホスト'x'が", "ホスト 'x' が", "宛先 不明", "不明", "ユーザ", " ユーザ ", "Ａ Ｂ", "a あ", "ü x", "'x'",
  };
  const char *texts[] = {
    "ホスト 'x' が見つかりません", "ホスト'x'が", "ホスト\t'x'\n が", "宛先不明", "宛先 　不明", "宛先\r\n不明です",
    "ユーザ ユーザ", "ＡＢ", "Ａ  Ｂ", "a あ", "aあ", "ü x", "ü  x", "é 'x' が", "ホ\x80 'x'", "ホ\x80\x80 x \x80 が",
    "\xEF \xBC", "\xEF\xBC x", "x \xEF", "\xE3", " \xE9", "\xE2\x80\x99 'x'", "ホスト \xBF 'x'",
  };
  check_set (patterns, G_N_ELEMENTS (patterns), texts, G_N_ELEMENTS (texts));
}

/* A cut where the text goes on: a run before it is read as at the end
 * of the text (kept before a CJK lead byte whose next byte is cut
 * off), and no pattern runs past it. */
static void
test_cut (void)
{
  const char *patterns[] = { "x \xEF", "x\xEF", "x\xEF\xBC", "a b", "ab", "a ", "b\xE3", "b \xE3" };
  const char *texts[] = { "x \xEF\xBC", "x\xEF\xBC", "a b", "a \n b", "a  ", "b \xE3\x81\x82", "ab\0cd" };

  check_set (patterns, G_N_ELEMENTS (patterns), texts, G_N_ELEMENTS (texts));
}

static void
test_high_bytes (void)
{
  const char *patterns[] = { "\xC3\xA9t\xC3\xA9", "\xC3\x89T\xC3\x89", "\xFF\xFE", "\x80", "\xA0", "caf\xC3\xA9" };
  const char *texts[] = {
    "\xC3\xA9t\xC3\xA9", "\xC3\x89t\xC3\x89", "\xFF\xFE\xFF", "\x80\x80\x80", "caf\xC3\xA9 \xC3\xA9t\xC3\xA9", "\xA0 \xA0",
  };
  check_set (patterns, G_N_ELEMENTS (patterns), texts, G_N_ELEMENTS (texts));
}

static void
test_runs (void)
{
  const char *patterns[] = { "a", "aa", "aaa", "aaaaaaaaaa", "ab", "aaab", "b" };
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 0; n < 70; n += 7)
    {
      char *run = g_strnfill (n, 'a');
      g_ptr_array_add (texts, g_strdup (run));
      g_ptr_array_add (texts, g_strconcat (run, "b", run, NULL));
      g_ptr_array_add (texts, g_ascii_strup (run, -1));
      g_free (run);
    }
  check_set (patterns, G_N_ELEMENTS (patterns), (const char *const *) texts->pdata, texts->len);
  g_ptr_array_unref (texts);
}

/* Pseudo-random cases: pieces of text drawn from a small alphabet of
 * ASCII, white space, CJK, other UTF-8 and stray bytes. */

static const char *const pieces[] = {
  "a", "b", "c", "A", "B", " ", " ", "\t", "\n", "\r\n", "あ", "い", "Ａ", "é", "\x80", "\xE3", "\xEF", "\xBC", "'", "\x01",
};

static void
random_text (GRand *rand, GString *out, guint max_pieces, gboolean letters_only)
{
  guint n = g_rand_int_range (rand, 0, max_pieces + 1);

  g_string_truncate (out, 0);
  for (guint i = 0; i < n; i++)
    g_string_append (out, pieces[g_rand_int_range (rand, 0, letters_only ? 5 : G_N_ELEMENTS (pieces))]);
}

/* A pattern: usually a piece of @text (so that it occurs), or random. */
static char *
random_pattern (GRand *rand, const char *text, guint max_pieces)
{
  gsize len = strlen (text);
  GString *s;

  if (len > 0 && g_rand_int_range (rand, 0, 3) > 0)
    {
      gsize start = g_rand_int_range (rand, 0, len);
      gsize n = g_rand_int_range (rand, 1, MIN (len - start, 3 * max_pieces) + 1);
      return g_strndup (text + start, n);
    }
  s = g_string_new (NULL);
  random_text (rand, s, max_pieces, g_rand_boolean (rand));
  return g_string_free (s, FALSE);
}

static void
random_sets (guint32 seed, guint n_sets, guint max_patterns, guint max_pattern_pieces, guint n_texts,
             guint max_text_pieces)
{
  GRand *rand = g_rand_new_with_seed (seed);
  GString *text = g_string_new (NULL);

  for (guint set = 0; set < n_sets; set++)
    {
      gboolean letters = g_rand_int_range (rand, 0, 4) == 0;
      guint n = g_rand_int_range (rand, 1, max_patterns + 1);
      char **patterns = g_new0 (char *, n + 1);
      char **texts = g_new0 (char *, n_texts + 1);

      /* Texts first, so that patterns can be drawn from them. */
      for (guint t = 0; t < n_texts; t++)
        {
          random_text (rand, text, max_text_pieces, letters);
          texts[t] = g_strdup (text->str);
        }
      for (guint i = 0; i < n; i++)
        patterns[i] = random_pattern (rand, texts[g_rand_int_range (rand, 0, n_texts)], max_pattern_pieces);
      check_set ((const char *const *) patterns, n, (const char *const *) texts, n_texts);
      g_strfreev (patterns);
      g_strfreev (texts);
    }
  g_string_free (text, TRUE);
  g_rand_free (rand);
}

static void
test_random_small (void)
{
  random_sets (20261202, 3000, 8, 6, 4, 40);
}

/* Hundreds of long patterns: thousands of states, so that deep ones
 * and their failure links are walked too. */
static void
test_random_large (void)
{
  random_sets (7, 12, 400, 30, 3, 600);
}

/* Thousands of short patterns over a few letters: the trie is nearly
 * complete, so deep states too have many edges to search. */
static void
test_random_wide (void)
{
  static const char letters[] = "abcdeE \t";
  GRand *rand = g_rand_new_with_seed (11);
  guint n = 1500;
  char **patterns = g_new0 (char *, n + 1);
  char *texts[4] = { NULL };

  for (guint i = 0; i < n; i++)
    {
      guint len = g_rand_int_range (rand, 1, 8);
      patterns[i] = g_malloc (len + 1);
      for (guint k = 0; k < len; k++)
        patterns[i][k] = letters[g_rand_int_range (rand, 0, sizeof letters - 1)];
      patterns[i][len] = '\0';
    }
  for (guint t = 0; t < G_N_ELEMENTS (texts) - 1; t++)
    {
      texts[t] = g_malloc (301);
      for (guint k = 0; k < 300; k++)
        texts[t][k] = letters[g_rand_int_range (rand, 0, sizeof letters - 1)];
      texts[t][300] = '\0';
    }
  check_set ((const char *const *) patterns, n, (const char *const *) texts, G_N_ELEMENTS (texts) - 1);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    g_free (texts[t]);
  g_strfreev (patterns);
  g_rand_free (rand);
}

/* Many patterns sharing a few prefixes, behind enough others that the
 * ends of the prefixes lie deep in a large automaton, past any full
 * tables for shallow states: there the edges to search are many. */
static void
test_random_branches (void)
{
  GRand *rand = g_rand_new_with_seed (5);
  GPtrArray *patterns = g_ptr_array_new_with_free_func (g_free);
  char *prefixes[40];
  char *texts[21] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      prefixes[i] = g_malloc0 (6);
      for (guint k = 0; k < 5; k++)
        prefixes[i][k] = 'a' + g_rand_int_range (rand, 0, 26);
      for (guint j = 0; j < 30; j++)
        {
          char suffix[4] = { 0 };
          for (guint k = 0, n = g_rand_int_range (rand, 1, 4); k < n; k++)
            suffix[k] = 'a' + g_rand_int_range (rand, 0, 26);
          g_ptr_array_add (patterns, g_strconcat (prefixes[i], suffix, NULL));
        }
    }
  for (guint i = 0; i < 500; i++)
    {
      char filler[5] = { 0 };
      for (guint k = 0, n = g_rand_int_range (rand, 2, 5); k < n; k++)
        filler[k] = 'a' + g_rand_int_range (rand, 0, 26);
      g_ptr_array_add (patterns, g_strdup (filler));
    }
  for (guint t = 0; t < G_N_ELEMENTS (texts) - 1; t++)
    {
      GString *text = g_string_new (NULL);
      for (guint k = 0; k < 60; k++)
        switch (g_rand_int_range (rand, 0, 3))
          {
          case 0:
            g_string_append (text, prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))]);
            break;
          case 1:
            g_string_append_c (text, 'a' + g_rand_int_range (rand, 0, 26));
            break;
          default:
            g_string_append_c (text, ' ');
          }
      texts[t] = g_string_free (text, FALSE);
    }
  check_set ((const char *const *) patterns->pdata, patterns->len, (const char *const *) texts,
             G_N_ELEMENTS (texts) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    g_free (prefixes[i]);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    g_free (texts[t]);
  g_ptr_array_unref (patterns);
  g_rand_free (rand);
}

/* A table like the real one: some 1,700 phrases of a few words from a
 * small vocabulary, so that most deep states have one edge and lie on
 * long runs of them, patterns end inside those runs and down their
 * failure links, and texts of those words break off phrases midway. */
static void
test_random_phrases (void)
{
  GRand *rand = g_rand_new_with_seed (3);
  GPtrArray *patterns = g_ptr_array_new_with_free_func (g_free);
  char *words[60];
  char *texts[9] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      guint len = g_rand_int_range (rand, 2, 9);
      words[i] = g_malloc0 (len + 1);
      for (guint k = 0; k < len; k++)
        words[i][k] = "abcdefghijklmnopqrstuvwxyzAE"[g_rand_int_range (rand, 0, 28)];
    }
  for (guint i = 0; i < 1700; i++)
    {
      GString *phrase = g_string_new (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      for (guint k = 0, n = g_rand_int_range (rand, 0, 5); k < n; k++)
        {
          g_string_append_c (phrase, g_rand_boolean (rand) ? ' ' : '\n');
          g_string_append (phrase, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      /* Some end inside a word. */
      if (g_rand_int_range (rand, 0, 4) == 0 && phrase->len > 1)
        g_string_truncate (phrase, g_rand_int_range (rand, 1, phrase->len));
      g_ptr_array_add (patterns, g_string_free (phrase, FALSE));
    }
  for (guint t = 0; t < G_N_ELEMENTS (texts) - 1; t++)
    {
      GString *text = g_string_new (NULL);
      while (text->len < 300)
        {
          const char *piece = g_rand_boolean (rand) ? patterns->pdata[g_rand_int_range (rand, 0, patterns->len)]
                                                    : words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
          /* Whole, or broken off. */
          g_string_append_len (text, piece, g_rand_boolean (rand) ? (gssize) strlen (piece)
                                                                  : g_rand_int_range (rand, 0, strlen (piece) + 1));
          g_string_append_c (text, " \t"[g_rand_int_range (rand, 0, 2)]);
        }
      texts[t] = g_string_free (text, FALSE);
    }
  check_set ((const char *const *) patterns->pdata, patterns->len, (const char *const *) texts,
             G_N_ELEMENTS (texts) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_free (words[i]);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    g_free (texts[t]);
  g_ptr_array_unref (patterns);
  g_rand_free (rand);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matcher/overlap", test_overlap);
  g_test_add_func ("/matcher/suffixes", test_suffixes);
  g_test_add_func ("/matcher/empty-and-twins", test_empty_and_twins);
  g_test_add_func ("/matcher/white-space", test_white_space);
  g_test_add_func ("/matcher/cjk", test_cjk);
  g_test_add_func ("/matcher/cut", test_cut);
  g_test_add_func ("/matcher/high-bytes", test_high_bytes);
  g_test_add_func ("/matcher/runs", test_runs);
  g_test_add_func ("/matcher/random-small", test_random_small);
  g_test_add_func ("/matcher/random-large", test_random_large);
  g_test_add_func ("/matcher/random-wide", test_random_wide);
  g_test_add_func ("/matcher/random-branches", test_random_branches);
  g_test_add_func ("/matcher/random-phrases", test_random_phrases);
  return g_test_run ();
}
