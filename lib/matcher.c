/* matcher.c: Aho-Corasick automaton with failure links.
 *
 * The shallow states come first, breadth-first, and those have a full
 * row of the goto function, failure links already followed: in a text
 * most bytes lead from the root to a shallow state and from there to
 * another or back, so reading a row replaces a search of sorted edges
 * at almost every byte. A row has a cell for each byte class: each
 * byte a pattern uses (as folded) is a class of its own, every other
 * byte is class 0, which leads from every state to the root. Deeper
 * states keep only the edges their patterns use, and come depth-first,
 * so that a text that follows a phrase reads neighbouring states rather
 * than ones far apart (what the walks spent most of their time on was
 * missing the cache): each keeps its edges and failure link together,
 * and most, with a single edge, which leads to the next state, keep its
 * byte right there. A table of a few thousand phrases (in several
 * scripts) costs about 650 KB, rows included. Where a deep state has
 * no edge for a byte, matching follows failure links down to a state
 * with a row: each step back shortens the match, each byte lengthens it
 * by at most one, so the time is linear in the text whatever the
 * patterns. */
#include <stdlib.h>
#include <string.h>

#include "matcher.h"
#include "matcher-image.h"

/* Rows for the states up to DENSE_DEPTH deep (the root and its
 * children: at most 257 rows, however many the patterns), and for more
 * in breadth-first order while the table has at most DENSE_CELLS cells
 * (64 KB: 138 rows for the table of 1,700 phrases, which has 36,000
 * states and 118 classes). Deeper or more rows measured no better on
 * 1,000 bounces: building them cost what they saved. */
#define DENSE_DEPTH 1
#define DENSE_CELLS (1 << 14)

/* No pattern: above every index, so the lowest is a plain minimum. */
#define NONE G_MAXUINT32

/* A transition's target is kept as a step: the state times two, plus
 * one where a pattern ends there or down its failure links. The walks
 * read a state's pattern arrays only then: those arrays are as long as
 * the states (144 KB for the big table), and a read of them at every
 * byte missed the cache more than anything else the walk does. */
#define STEP_STATE(step) ((step) >> 1)
#define STEP_ENDS(step) ((step) & 1)

/* What a walk reads of a state without a row, together: a text that
 * follows a phrase reads these one after another, as such states are
 * numbered depth-first, and their edges too. In edges, the number of
 * edges in the low byte (at most 255: no pattern byte is NUL). Above
 * it, with one edge, its byte and then whether a pattern ends at its
 * target, which is the next state (the first child comes next
 * depth-first); with more, the index of the first in edge[]. 33,800 of
 * the big table's 36,200 deep states have one. fail is a state, kept
 * for every state, rows or not. (Declared in matcher-image.h, which
 * images are written with.) */
typedef MatcherDeep Deep;

/* The arrays are const: once built a matcher is only read, and those
 * of an image are in read-only pages. */
struct _Matcher {
  guint n_states;
  guint n_dense;       /* states 0 .. n_dense - 1 have a row in delta */
  guint n_classes;
  guint32 column[256]; /* folded byte -> its class times n_dense */
  const gint32 *delta; /* by class, then state: delta[column[c] + s] is the state after c, as a step */
  const Deep *deep;
  const guint32 *edge; /* of states with two or more: the byte, then the target as a step above it; sorted by byte within a state */
  guint n_many;        /* entries of edge */
  const guint32 *best; /* lowest pattern index ending here (via failure links), or NONE */
  /* The patterns ending at a state, down its failure links, longest
   * first: by pattern, so that a walk reads no more of these big arrays
   * than ends[] where one ends, and the rest from small ones. */
  const gint32 *ends;  /* the longest pattern ending here, or -1 */
  const gint32 *next_end; /* by pattern: the next longest one ending where it does, or -1 */
  const guint *length; /* each pattern's length as matched (folded) */
  guint n_patterns;
  gboolean in_image;   /* the arrays are an image's, not to be freed */
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

/* The byte at @p of a text that ends at a NUL... */
#define AT_NUL(p) (*(p))
/* ... or at a NUL or at end_, whichever comes first: what a copy of the
 * text up to end_ would read. */
#define AT_END(p) ((p) < end_ ? *(p) : 0)

/* Whether the UTF-8 character starting at @p, its bytes read by @at, is
 * CJK: kana, kanji and their punctuation (U+3000..U+9FFF) or a
 * full-width form (U+FF00..). */
#define STARTS_CJK(at, p)                                                \
  ((at (p) >= 0xE3 && at (p) <= 0xE9) || (at (p) == 0xEF && at ((p) + 1) >= 0xBC && at ((p) + 1) <= 0xBF))

/* Calls @body for each byte of @text as the matcher sees it: folded,
 * white space runs as one space, and no space at all beside a CJK
 * character. Japanese puts no spaces between words, yet mail programs
 * pad quoted names and ASCII words with them or not ("ホスト 'x' が" in
 * Outlook Express, "ホスト'x'が" elsewhere): both read the same. A run
 * is read whole where it starts, and only then is the character before
 * it looked for: back past UTF-8 continuation bytes, no further than
 * the last run's end (none there: the one before that run still
 * counts). So other bytes cost one test, and as each byte is looked at
 * a bounded number of times the walk stays linear. @at reads the byte
 * at a pointer (AT_NUL or AT_END) wherever the walk reads ahead; the
 * bytes behind, read back from a run, are before it and so in the text. */
#define FOR_EACH_FOLDED_AT(text, at, c, body)                            \
  do {                                                                   \
    const guchar *p_ = (const guchar *) (text), *after_run_ = p_;        \
    gboolean cjk_before_ = FALSE;                                        \
    for (;; p_++)                                                        \
      {                                                                  \
        guchar c = fold (at (p_));                                       \
        /* Most bytes fold above the space; only NUL folds to 0. */      \
        if (G_UNLIKELY (c <= ' '))                                       \
          {                                                              \
            const guchar *q_ = p_ + 1, *r_ = p_;                         \
            if (c == 0)                                                  \
              break;                                                     \
            if (c == ' ')                                                \
              {                                                          \
                while (fold (at (q_)) == ' ')                            \
                  q_++;                                                  \
                while (r_ > after_run_ && r_[-1] >= 0x80                 \
                       && r_[-1] < 0xC0)                                 \
                  r_--;                                                  \
                if (r_ > after_run_)                                     \
                  cjk_before_ = r_[-1] >= 0xC0                           \
                                && STARTS_CJK (AT_NUL, r_ - 1);          \
                after_run_ = q_;                                         \
                p_ = q_ - 1;                                             \
                if (cjk_before_ || (at (q_) && STARTS_CJK (at, q_)))    \
                  continue;                                              \
              }                                                          \
          }                                                              \
        body;                                                            \
      }                                                                  \
  } while (0)

#define FOR_EACH_FOLDED(text, c, body) FOR_EACH_FOLDED_AT (text, AT_NUL, c, body)

/* The step after @c from @state, following failure links down to a
 * state with a row. Inline: a call in the walks' loops would make the
 * compiler keep their locals in memory, not in registers. */
static inline gint32
step (const Matcher *m, gint32 state, guchar c)
{
  while ((guint) state >= m->n_dense)
    {
      Deep d = m->deep[state];
      guint32 n = d.edges & 0xff;

      if (n == 1)
        {
          if ((d.edges >> 8 & 0xff) == c)
            return (state + 1) * 2 + (gint32) (d.edges >> 16);
        }
      else
        {
          /* Sorted by byte: a binary search. */
          guint32 lo = d.edges >> 8, hi = lo + n;
          while (lo < hi)
            {
              guint32 mid = lo + (hi - lo) / 2, e = m->edge[mid];
              if ((e & 0xff) == c)
                return (gint32) (e >> 8);
              if ((e & 0xff) < c)
                lo = mid + 1;
              else
                hi = mid;
            }
        }
      state = d.fail;
    }
  return m->delta[m->column[c] + (guint) state];
}

/* What a walk over a text reads at each byte, in locals: stores into
 * the caller's arrays would otherwise make the compiler read them from
 * the matcher again at every byte. */
typedef struct {
  const gint32 *delta;
  const guint32 *column;
  guint n_dense;
} Rows;

static inline Rows
rows_of (const Matcher *m)
{
  return (Rows) { m->delta, m->column, m->n_dense };
}

/* step() from the state of step @from, with a row read inline: most
 * bytes of a text leave from a state that has one. */
static inline gint32
advance (const Matcher *m, Rows rows, gint32 from, guchar c)
{
  guint state = (guint) STEP_STATE (from);

  if (G_LIKELY (state < rows.n_dense))
    return rows.delta[rows.column[c] + state];
  return step (m, (gint32) state, c);
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
_modori_matcher_build (const char *const *patterns, guint n_patterns)
{
  Matcher *m = g_new0 (Matcher, 1);
  /* At most one state per byte of the patterns, and the root: plain
   * arrays of that size, as tables of thousands of phrases are built. */
  gsize capacity = 1;
  Node *nodes;
  gint32 *own;
  guint32 n_nodes = 1, n_edges = 0, n_many = 0;
  guint *order, shallow = 1;
  /* The trie's edges, breadth-first, while building; number[] maps
   * those states to their final numbers. */
  guint32 *first, *edge_to, *number;
  guchar *edge_byte;
  /* The matcher's, in locals. */
  guint n_states, n_dense;
  gsize n_cells;
  Deep *deep;
  guint32 *packed, *best;
  gint32 *delta, *ends, *next_end;
  guint *length;
  gboolean used[256] = { FALSE };

  m->n_patterns = n_patterns;
  m->length = length = g_new0 (guint, n_patterns);
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
        used[c] = TRUE;
        length[i]++;
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

  /* Number the states breadth-first (order[i] = node) and pack each
   * one's edges, sorted by byte. */
  m->n_states = n_nodes;
  /* A step, state times two and a bit, fits above an edge's byte. */
  g_assert (m->n_states < 1u << 23);
  first = g_new (guint32, m->n_states + 1);
  edge_byte = g_new (guchar, MAX (n_edges, 1));
  edge_to = g_new (guint32, MAX (n_edges, 1));
  order = g_new (guint, m->n_states);
  {
    /* s is level deep; those numbered from level_end on, one deeper. */
    guint32 at = 0, tail = 1, level_end = 1;
    guint level = 0;
    Edge *pairs = g_new (Edge, 256);

    order[0] = 0;
    for (guint s = 0; s < m->n_states; s++)
      {
        guint n = 0;
        if (s == level_end)
          {
            level++;
            level_end = tail;
          }
        if (level <= DENSE_DEPTH)
          shallow = s + 1;
        first[s] = at;
        for (gint32 c = nodes[order[s]].child; c >= 0; c = nodes[c].sibling)
          {
            pairs[n].byte = nodes[c].byte;
            pairs[n].to = c;
            n++;
          }
        if (n > 1)
          qsort (pairs, n, sizeof pairs[0], compare_edges);
        for (guint k = 0; k < n; k++)
          {
            order[tail] = (guint) pairs[k].to;
            edge_byte[at] = pairs[k].byte;
            edge_to[at] = tail++;
            at++;
          }
      }
    first[m->n_states] = at;
    g_free (pairs);
  }
  g_free (nodes);

  m->n_classes = 1;
  for (guint c = 0; c < 256; c++)
    m->n_classes += used[c];
  m->n_dense = MAX (shallow, MIN (m->n_states, DENSE_CELLS / m->n_classes));
  {
    guint k = 1;
    for (guint c = 0; c < 256; c++)
      m->column[c] = used[c] ? k++ * m->n_dense : 0;
  }

  /* The states with rows keep their numbers; the others are numbered
   * depth-first, children by byte, each subtree after the state with a
   * row that it hangs from: so a state's first child is the next state,
   * and the states along a phrase are neighbours. Their edges are
   * packed on the way, the targets of many still breadth-first. (Locals
   * throughout: stores through the arrays could alias the matcher's
   * fields and each other, and reloading them cost a few million
   * instructions per table.) */
  n_states = m->n_states;
  n_dense = m->n_dense;
  number = g_new (guint32, n_states);
  m->deep = deep = g_new0 (Deep, n_states);
  packed = g_new (guint32, MAX (n_edges, 1));
  {
    guint32 *stack = g_new (guint32, n_states), top = 0, next = n_dense;

    for (guint s = 0; s < n_dense; s++)
      number[s] = s;
    for (guint s = 0; s < n_dense; s++)
      {
        for (guint32 e = first[s + 1], lo = first[s]; e > lo; e--)
          if (edge_to[e - 1] >= n_dense)
            stack[top++] = edge_to[e - 1];
        while (top > 0)
          {
            guint32 t = stack[--top];

            /* Down a run of single edges without the stack. */
            for (;;)
              {
                guint32 lo = first[t], hi = first[t + 1];

                number[t] = next;
                if (hi - lo == 1)
                  {
                    deep[next++].edges = 1 | (guint32) edge_byte[lo] << 8;
                    t = edge_to[lo];
                    continue;
                  }
                if (hi > lo)
                  {
                    deep[next].edges = (hi - lo) | n_many << 8;
                    for (guint32 e = lo; e < hi; e++)
                      packed[n_many++] = edge_byte[e] | edge_to[e] << 8;
                    for (guint32 e = hi; e > lo; e--)
                      stack[top++] = edge_to[e - 1];
                  }
                next++;
                break;
              }
          }
      }
    g_free (stack);
  }
  /* Their targets as steps of states where no pattern ends yet: which
   * do is known only at the end. */
  m->edge = packed = g_renew (guint32, packed, MAX (n_many, 1));
  m->n_many = n_many;
  for (guint32 e = 0; e < n_many; e++)
    packed[e] = (packed[e] & 0xff) | number[packed[e] >> 8] << 9;

  /* In breadth-first order: each state's row (from its failure link's,
   * shallower and so done), the best pattern along the failure links,
   * and its children's failure links. */
  n_cells = (gsize) n_dense * m->n_classes;
  m->delta = delta = g_new0 (gint32, n_cells);
  /* Only patterns that own a state are ever read; -1 for the rest. */
  m->next_end = next_end = memset (g_new (gint32, MAX (n_patterns, 1)), 0xff, MAX (n_patterns, 1) * sizeof (gint32));
  m->best = best = g_new (guint32, n_states);
  m->ends = ends = g_new (gint32, n_states);
  deep[0].fail = 0;
  ends[0] = -1;
  for (guint i = 0; i < n_states; i++)
    {
      guint state = number[i];
      guint32 lo = first[i], hi = first[i + 1];
      gint32 fail = deep[state].fail;
      guint32 inherited = state == 0 ? NONE : best[fail];
      gint32 mine = own[order[i]];

      if (state < n_dense)
        {
          if (state > 0)
            for (gsize k = 0; k < n_cells; k += n_dense)
              delta[k + state] = delta[k + (guint) fail];
          for (guint32 e = lo; e < hi; e++)
            delta[m->column[edge_byte[e]] + state] = (gint32) number[edge_to[e]] * 2;
        }
      best[state] = mine >= 0 ? MIN ((guint32) mine, inherited) : inherited;
      if (state > 0)
        ends[state] = mine >= 0 ? mine : ends[fail];
      if (mine >= 0)
        next_end[mine] = ends[fail];
      /* Whether a pattern ends at the target of a single edge. */
      if (ends[state] >= 0 && state > n_dense && (deep[state - 1].edges & 0xff) == 1)
        deep[state - 1].edges |= 1 << 16;
      for (guint32 e = lo; e < hi; e++)
        deep[number[edge_to[e]]].fail = state == 0 ? 0 : STEP_STATE (step (m, fail, edge_byte[e]));
    }
  g_free (own);
  g_free (order);
  g_free (first);
  g_free (edge_byte);
  g_free (edge_to);
  g_free (number);

  /* Now that every state's patterns are known, whether one ends at
   * each target. */
  for (gsize i = 0; i < n_cells; i++)
    delta[i] |= ends[STEP_STATE (delta[i])] >= 0;
  for (guint32 e = 0; e < n_many; e++)
    packed[e] |= (guint32) (ends[packed[e] >> 9] >= 0) << 8;
  return m;
}

/* The image made for exactly @patterns, or NULL: the same count, then
 * the same strings. Counts tell the lists the library builds apart, and
 * a list that is not an image's differs early, so a hash would save
 * little: a match reads every pattern once either way. */
static const MatcherImage *
find_image (const char *const *patterns, guint n_patterns)
{
  if (_modori_matcher_images == NULL)
    return NULL;
  for (const MatcherImage *image = _modori_matcher_images; image->patterns != NULL; image++)
    {
      const char *p = image->patterns;
      guint i;

      if (image->n_patterns != n_patterns)
        continue;
      for (i = 0; i < n_patterns && strcmp (p, patterns[i]) == 0; i++)
        p += strlen (p) + 1;
      if (i == n_patterns)
        return image;
    }
  return NULL;
}

static Matcher *
matcher_from_image (const MatcherImage *image)
{
  Matcher *m = g_new0 (Matcher, 1);

  m->n_states = image->n_states;
  m->n_dense = image->n_dense;
  m->n_classes = image->n_classes;
  memcpy (m->column, image->column, sizeof m->column);
  m->delta = image->delta;
  m->deep = image->deep;
  m->edge = image->edge;
  m->n_many = image->n_many;
  m->best = image->best;
  m->ends = image->ends;
  m->next_end = image->next_end;
  m->length = image->length;
  m->n_patterns = image->n_patterns;
  m->in_image = TRUE;
  return m;
}

static MatcherRecorder recorder;
static gpointer recorder_data;

void
_modori_matcher_set_recorder (MatcherRecorder record, gpointer user_data)
{
  recorder = record;
  recorder_data = user_data;
}

Matcher *
_modori_matcher_new (const char *const *patterns, guint n_patterns)
{
  const MatcherImage *image = find_image (patterns, n_patterns);
  Matcher *m = image ? matcher_from_image (image) : _modori_matcher_build (patterns, n_patterns);

  if (recorder != NULL)
    recorder (patterns, n_patterns, m, recorder_data);
  return m;
}

void
_modori_matcher_get_image (const Matcher *m, MatcherImage *image)
{
  image->n_patterns = m->n_patterns;
  image->n_states = m->n_states;
  image->n_dense = m->n_dense;
  image->n_classes = m->n_classes;
  image->n_many = m->n_many;
  image->column = m->column;
  image->delta = m->delta;
  image->deep = m->deep;
  image->edge = m->edge;
  image->best = m->best;
  image->ends = m->ends;
  image->next_end = m->next_end;
  image->length = m->length;
}

void
_modori_matcher_free (Matcher *matcher)
{
  if (matcher == NULL)
    return;
  if (!matcher->in_image)
    {
      g_free ((gpointer) matcher->delta);
      g_free ((gpointer) matcher->deep);
      g_free ((gpointer) matcher->edge);
      g_free ((gpointer) matcher->next_end);
      g_free ((gpointer) matcher->best);
      g_free ((gpointer) matcher->ends);
      g_free ((gpointer) matcher->length);
    }
  g_free (matcher);
}

int
_modori_matcher_first (const Matcher *m, const char *text)
{
  const guint32 *best_at = m->best;
  Rows rows = rows_of (m);
  gint32 state = 0;
  guint32 best = NONE;

  FOR_EACH_FOLDED (text, c, {
    state = advance (m, rows, state, c);
    if (STEP_ENDS (state))
      best = MIN (best, best_at[STEP_STATE (state)]);
  });
  return best == NONE ? -1 : (int) best;
}

guint
_modori_matcher_all (const Matcher *m, const char *text, gboolean *found)
{
  const gint32 *ends = m->ends, *next_end = m->next_end;
  Rows rows = rows_of (m);
  gint32 state = 0;
  guint count = 0;

  memset (found, 0, m->n_patterns * sizeof (gboolean));
  FOR_EACH_FOLDED (text, c, {
    state = advance (m, rows, state, c);
    if (!STEP_ENDS (state))
      continue;
    /* Every pattern that ends here, down the failure links. */
    for (gint32 p = ends[STEP_STATE (state)]; p >= 0; p = next_end[p])
      if (!found[p])
        {
          found[p] = TRUE;
          count++;
        }
  });
  return count;
}

guint32
_modori_matcher_bits_len (const Matcher *m, const char *text, gsize length, const guint32 *bits)
{
  const guchar *end_ = (const guchar *) text + length;
  const gint32 *ends = m->ends, *next_end = m->next_end;
  Rows rows = rows_of (m);
  gint32 state = 0;
  guint32 union_ = 0;

  FOR_EACH_FOLDED_AT (text, AT_END, c, {
    state = advance (m, rows, state, c);
    if (!STEP_ENDS (state))
      continue;
    /* The patterns _modori_matcher_all() would mark: those that end
     * here, down the failure links. */
    for (gint32 p = ends[STEP_STATE (state)]; p >= 0; p = next_end[p])
      union_ |= bits[p];
  });
  return union_;
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

/* The occurrences of patterns in a text: in @local while they fit, as
 * most texts hold a few, on the heap beyond. */
typedef struct {
  Hit *hits;
  guint len, size;
  gboolean sorted;
  Hit local[32];
} Hits;

static void
hits_clear (Hits *hits)
{
  if (hits->hits != hits->local)
    g_free (hits->hits);
}

/* Every occurrence of a pattern in @text, sorted by start, the longer
 * first: then an occurrence lies inside an earlier one exactly when
 * some earlier one reaches as far as it does. No two compare equal
 * (the same end and length is the same state, which holds one pattern),
 * so any sort gives the same order. They come by end, the longer first
 * at each: a sort is needed only when one starts where or before the one
 * found just before it, which few texts make happen. */
static void
sorted_hits (const Matcher *m, const char *text, Hits *hits)
{
  const gint32 *ends = m->ends, *next_end = m->next_end;
  Rows rows = rows_of (m);
  gint32 state = 0;
  gsize position = 0;

  hits->hits = hits->local;
  hits->len = 0;
  hits->size = G_N_ELEMENTS (hits->local);
  hits->sorted = TRUE;
  FOR_EACH_FOLDED (text, c, {
    state = advance (m, rows, state, c);
    position++;
    if (!STEP_ENDS (state))
      continue;
    /* Every pattern that ends here, down the failure links. */
    for (gint32 p = ends[STEP_STATE (state)]; p >= 0; p = next_end[p])
      {
        Hit *hit;
        if (hits->len == hits->size)
          {
            hits->size *= 2;
            if (hits->hits == hits->local)
              hits->hits = memcpy (g_new (Hit, hits->size), hits->local, hits->len * sizeof (Hit));
            else
              hits->hits = g_renew (Hit, hits->hits, hits->size);
          }
        hit = &hits->hits[hits->len++];
        hit->pattern = (guint) p;
        hit->start = position - m->length[hit->pattern];
        hit->end = position;
        if (hits->len > 1 && compare_hits (hit - 1, hit) > 0)
          hits->sorted = FALSE;
      }
  });
  if (!hits->sorted)
    qsort (hits->hits, hits->len, sizeof (Hit), compare_hits);
}

guint
_modori_matcher_all_outermost (const Matcher *m, const char *text, gboolean *found)
{
  Hits hits;
  gsize reach = 0;
  guint count = 0;

  sorted_hits (m, text, &hits);
  memset (found, 0, m->n_patterns * sizeof (gboolean));
  for (guint i = 0; i < hits.len; i++)
    {
      const Hit *hit = &hits.hits[i];
      if (hit->end > reach && !found[hit->pattern])
        {
          found[hit->pattern] = TRUE;
          count++;
        }
      reach = MAX (reach, hit->end);
    }
  hits_clear (&hits);
  return count;
}

/* The lowest pattern among @hits (sorted) that lies outside a longer
 * hit of the same group (@group[pattern] == @which; all when @group is
 * NULL), or -1. */
static int
first_outside (const Hits *hits, const gboolean *group, gboolean which)
{
  gsize reach = 0;
  int first = -1;

  for (guint i = 0; i < hits->len; i++)
    {
      const Hit *hit = &hits->hits[i];
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
  Hits hits;
  int first;

  sorted_hits (m, text, &hits);
  first = first_outside (&hits, NULL, FALSE);
  hits_clear (&hits);
  return first;
}

void
_modori_matcher_first_outermost_by_group (const Matcher *m, const char *text, const gboolean *group,
                                          int *first_out, int *first_in)
{
  Hits hits;

  sorted_hits (m, text, &hits);
  *first_out = first_outside (&hits, group, FALSE);
  *first_in = first_outside (&hits, group, TRUE);
  hits_clear (&hits);
}
