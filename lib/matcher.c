/* matcher.c: Aho-Corasick automaton with failure links.
 *
 * The trie keeps only the edges its patterns use, sorted by byte, so a
 * table of a few thousand phrases (in several scripts) costs a few
 * hundred kilobytes; the root has a full table of 256 edges, since most
 * bytes of a text leave from there. Matching follows failure links where
 * a state has no edge for the byte: each step back shortens the match,
 * each byte lengthens it by at most one, so the time is linear in the
 * text whatever the patterns. */
#include <string.h>

#include "matcher.h"

struct _Matcher {
  guint n_states;
  gint32 root[256];    /* the root's edges: a state, or 0 */
  guint32 *first;      /* n_states + 1: each state's edges are first[s] .. first[s + 1] */
  guchar *edge_byte;   /* sorted within a state */
  gint32 *edge_to;
  gint32 *fail;
  gint32 *best;        /* lowest pattern index ending here (via failure links), or -1 */
  gint32 *own;         /* pattern index ending exactly here, or -1 */
  gint32 *output;      /* the next state down the failure links where a pattern ends, or 0 */
  guint *length;       /* each pattern's length as matched (folded) */
  guint n_patterns;
};

/* Each byte as the matcher reads it: ASCII letters in lower case, every
 * white space a space. */
static const guchar folded[256] = {
#define F(c) ((c) >= 'A' && (c) <= 'Z' ? (c) | 0x20 : ((c) == '\t' || (c) == '\n' || (c) == '\r' || (c) == '\f' || (c) == '\v') ? ' ' : (c))
#define F4(c) F (c), F (c + 1), F (c + 2), F (c + 3)
#define F16(c) F4 (c), F4 (c + 4), F4 (c + 8), F4 (c + 12)
#define F64(c) F16 (c), F16 (c + 16), F16 (c + 32), F16 (c + 48)
  F64 (0), F64 (64), F64 (128), F64 (192)
#undef F64
#undef F16
#undef F4
#undef F
};

static inline guchar
fold (guchar c)
{
  return folded[c];
}

/* Whether the UTF-8 character starting at @p is CJK: kana, kanji and
 * their punctuation (U+3000..U+9FFF) or a full-width form (U+FF00..). */
static inline gboolean
starts_cjk (const guchar *p)
{
  return (p[0] >= 0xE3 && p[0] <= 0xE9) || (p[0] == 0xEF && p[1] >= 0xBC && p[1] <= 0xBF);
}

/* Calls @body for each byte of @text as the matcher sees it: folded,
 * white space runs as one space, and no space at all beside a CJK
 * character. Japanese puts no spaces between words, yet mail programs
 * pad quoted names and ASCII words with them or not ("ホスト 'x' が" in
 * Outlook Express, "ホスト'x'が" elsewhere): both read the same. Each
 * run of spaces is looked past once, so the walk stays linear. */
#define FOR_EACH_FOLDED(text, c, body)                                   \
  do {                                                                   \
    gboolean in_space_ = FALSE, cjk_before_ = FALSE, skip_run_ = FALSE;  \
    for (const guchar *p_ = (const guchar *) (text); *p_; p_++)          \
      {                                                                  \
        guchar c = fold (*p_);                                           \
        if (c == ' ')                                                    \
          {                                                              \
            if (in_space_)                                               \
              continue;                                                  \
            in_space_ = TRUE;                                            \
            skip_run_ = cjk_before_;                                     \
            if (!skip_run_)                                              \
              {                                                          \
                const guchar *q_ = p_;                                   \
                while (*q_ && fold (*q_) == ' ')                         \
                  q_++;                                                  \
                skip_run_ = *q_ && starts_cjk (q_);                      \
              }                                                          \
            if (skip_run_)                                               \
              continue;                                                  \
          }                                                              \
        else                                                             \
          {                                                              \
            in_space_ = FALSE;                                           \
            if (*p_ < 0x80 || *p_ >= 0xC0)                               \
              cjk_before_ = *p_ >= 0xC0 && starts_cjk (p_);              \
          }                                                              \
        body;                                                            \
      }                                                                  \
  } while (0)

/* The edge of @state for @c, or -1 (not for the root). */
static gint32
edge (const Matcher *m, gint32 state, guchar c)
{
  guint32 lo = m->first[state], hi = m->first[state + 1];

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      if (m->edge_byte[mid] == c)
        return m->edge_to[mid];
      if (m->edge_byte[mid] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

/* The state after @c from @state, following failure links. */
static gint32
step (const Matcher *m, gint32 state, guchar c)
{
  for (;;)
    {
      gint32 next;

      if (state == 0)
        return m->root[c];
      if ((next = edge (m, state, c)) >= 0)
        return next;
      state = m->fail[state];
    }
}

/* step(), with the root's table read inline: in a text most bytes
 * leave from the root, and the call cost more than the step. */
static inline gint32
advance (const Matcher *m, gint32 state, guchar c)
{
  return state == 0 ? m->root[c] : step (m, state, c);
}

/* A trie node while building: children as a list, sorted later. */
typedef struct {
  gint32 child, sibling;
  guchar byte;
} Node;

typedef struct {
  guchar byte;
  gint32 to;
} Edge;

static int
compare_edges (gconstpointer a, gconstpointer b)
{
  const Edge *x = a, *y = b;
  return (int) x->byte - (int) y->byte;
}

Matcher *
_modori_matcher_new (const char *const *patterns, guint n_patterns)
{
  Matcher *m = g_new0 (Matcher, 1);
  /* At most one state per byte of the patterns, and the root: plain
   * arrays of that size, as tables of thousands of phrases are built. */
  gsize capacity = 1;
  Node *nodes;
  gint32 *own;
  guint32 n_nodes = 1, n_edges = 0;
  guint *queue;
  guint head = 0, tail = 0;

  m->n_patterns = n_patterns;
  m->length = g_new0 (guint, n_patterns);
  for (guint i = 0; i < n_patterns; i++)
    capacity += strlen (patterns[i]);
  nodes = g_new (Node, capacity);
  own = g_new (gint32, capacity);
  nodes[0] = (Node) { -1, -1, 0 };
  own[0] = -1;

  /* The trie. */
  for (guint i = 0; i < n_patterns; i++)
    {
      gint32 state = 0;
      gboolean empty = TRUE;

      FOR_EACH_FOLDED (patterns[i], c, {
        gint32 child = nodes[state].child;
        empty = FALSE;
        m->length[i]++;
        while (child >= 0 && nodes[child].byte != c)
          child = nodes[child].sibling;
        if (child < 0)
          {
            child = (gint32) n_nodes++;
            nodes[child].child = -1;
            nodes[child].sibling = nodes[state].child;
            nodes[child].byte = c;
            own[child] = -1;
            nodes[state].child = child;
            n_edges++;
          }
        state = child;
      });
      if (!empty && own[state] < 0)
        own[state] = i;
    }

  /* Pack each state's edges, sorted by byte; the root's into its table. */
  m->n_states = n_nodes;
  m->own = own;
  m->first = g_new0 (guint32, m->n_states + 1);
  m->edge_byte = g_new (guchar, MAX (n_edges, 1));
  m->edge_to = g_new (gint32, MAX (n_edges, 1));
  {
    guint32 at = 0;
    Edge *pairs = g_new (Edge, 256);

    for (guint s = 0; s < m->n_states; s++)
      {
        guint n = 0;
        m->first[s] = at;
        for (gint32 c = nodes[s].child; c >= 0; c = nodes[c].sibling)
          {
            pairs[n].byte = nodes[c].byte;
            pairs[n].to = c;
            n++;
          }
        if (n > 1)
          qsort (pairs, n, sizeof pairs[0], compare_edges);
        for (guint k = 0; k < n; k++)
          {
            if (s == 0)
              m->root[pairs[k].byte] = pairs[k].to;
            m->edge_byte[at] = pairs[k].byte;
            m->edge_to[at] = pairs[k].to;
            at++;
          }
      }
    m->first[m->n_states] = at;
    g_free (pairs);
  }
  g_free (nodes);

  /* Breadth-first: failure links and the best pattern along them. */
  m->fail = g_new0 (gint32, m->n_states);
  m->best = g_new (gint32, m->n_states);
  m->output = g_new0 (gint32, m->n_states);
  queue = g_new (guint, m->n_states);
  m->best[0] = -1;
  for (guint32 e = m->first[0]; e < m->first[1]; e++)
    queue[tail++] = m->edge_to[e];
  while (head < tail)
    {
      guint state = queue[head++];
      gint32 inherited = m->best[m->fail[state]];
      gint32 mine = m->own[state];

      m->best[state] = (mine >= 0 && (inherited < 0 || mine < inherited)) ? mine : inherited;
      m->output[state] = m->own[m->fail[state]] >= 0 ? m->fail[state] : m->output[m->fail[state]];
      for (guint32 e = m->first[state]; e < m->first[state + 1]; e++)
        {
          gint32 child = m->edge_to[e];
          m->fail[child] = step (m, m->fail[state], m->edge_byte[e]);
          queue[tail++] = child;
        }
    }
  g_free (queue);
  return m;
}

void
_modori_matcher_free (Matcher *matcher)
{
  if (matcher == NULL)
    return;
  g_free (matcher->first);
  g_free (matcher->edge_byte);
  g_free (matcher->edge_to);
  g_free (matcher->own);
  g_free (matcher->fail);
  g_free (matcher->best);
  g_free (matcher->output);
  g_free (matcher->length);
  g_free (matcher);
}

int
_modori_matcher_first (const Matcher *m, const char *text)
{
  gint32 state = 0, best = -1;

  FOR_EACH_FOLDED (text, c, {
    state = advance (m, state, c);
    if (m->best[state] >= 0 && (best < 0 || m->best[state] < best))
      best = m->best[state];
  });
  return best;
}

guint
_modori_matcher_all (const Matcher *m, const char *text, gboolean *found)
{
  gint32 state = 0;
  guint count = 0;

  memset (found, 0, m->n_patterns * sizeof (gboolean));
  FOR_EACH_FOLDED (text, c, {
    state = advance (m, state, c);
    /* Every pattern that ends here, by the output links. */
    for (gint32 s = m->own[state] >= 0 ? state : m->output[state]; s > 0; s = m->output[s])
      if (!found[m->own[s]])
        {
          found[m->own[s]] = TRUE;
          count++;
        }
  });
  return count;
}

typedef struct {
  guint pattern;
  gsize start, end;   /* in the folded text; end is exclusive */
} Hit;

static int
compare_hits (gconstpointer a, gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end ? 1 : 0;
}

/* Every occurrence of a pattern in @text, sorted by start, the longer
 * first: then an occurrence lies inside an earlier one exactly when
 * some earlier one reaches as far as it does. */
static GArray *
sorted_hits (const Matcher *m, const char *text)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  gint32 state = 0;
  gsize position = 0;

  FOR_EACH_FOLDED (text, c, {
    state = advance (m, state, c);
    position++;
    /* Every pattern that ends here, by the output links. */
    for (gint32 s = m->own[state] >= 0 ? state : m->output[state]; s > 0; s = m->output[s])
      {
        Hit hit;
        hit.pattern = (guint) m->own[s];
        hit.start = position - m->length[hit.pattern];
        hit.end = position;
        g_array_append_val (hits, hit);
      }
  });
  g_array_sort (hits, compare_hits);
  return hits;
}

guint
_modori_matcher_all_outermost (const Matcher *m, const char *text, gboolean *found)
{
  GArray *hits = sorted_hits (m, text);
  gsize reach = 0;
  guint count = 0;

  memset (found, 0, m->n_patterns * sizeof (gboolean));
  for (guint i = 0; i < hits->len; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);
      if (hit->end > reach && !found[hit->pattern])
        {
          found[hit->pattern] = TRUE;
          count++;
        }
      reach = MAX (reach, hit->end);
    }
  g_array_free (hits, TRUE);
  return count;
}

/* The lowest pattern among @hits (sorted) that lies outside a longer
 * hit of the same group (@group[pattern] == @which; all when @group is
 * NULL), or -1. */
static int
first_outside (GArray *hits, const gboolean *group, gboolean which)
{
  gsize reach = 0;
  int first = -1;

  for (guint i = 0; i < hits->len; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);
      if (group && group[hit->pattern] != which)
        continue;
      if (hit->end > reach && (first < 0 || (int) hit->pattern < first))
        first = (int) hit->pattern;
      reach = MAX (reach, hit->end);
    }
  return first;
}

int
_modori_matcher_first_outermost (const Matcher *m, const char *text)
{
  GArray *hits = sorted_hits (m, text);
  int first = first_outside (hits, NULL, FALSE);

  g_array_free (hits, TRUE);
  return first;
}

void
_modori_matcher_first_outermost_by_group (const Matcher *m, const char *text, const gboolean *group,
                                          int *first_out, int *first_in)
{
  GArray *hits = sorted_hits (m, text);

  *first_out = first_outside (hits, group, FALSE);
  *first_in = first_outside (hits, group, TRUE);
  g_array_free (hits, TRUE);
}
