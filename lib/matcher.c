/* matcher.c: Aho-Corasick automaton over byte classes.
 *
 * The trie is turned into a full DFA (every state has a transition for
 * every class), so matching is one table lookup per byte. Bytes that no
 * pattern uses share one class, which keeps the table small. */
#include <string.h>

#include "matcher.h"

struct _Matcher {
  guint8 byte_class[256];
  guint n_classes;
  guint n_states;
  gint32 *next;        /* n_states * n_classes */
  gint32 *best;        /* lowest pattern index ending here (via failure links), or -1 */
  gint32 *own;         /* pattern index ending exactly here, or -1 */
  gint32 *fail;
  guint *length;       /* each pattern's length as matched (folded) */
  guint n_patterns;
};

static guchar
fold (guchar c)
{
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
    return ' ';
  return g_ascii_tolower (c);
}

/* Calls @step for each byte of @text as the matcher sees it. */
#define FOR_EACH_FOLDED(text, c, body)                         \
  do {                                                         \
    gboolean in_space_ = FALSE;                                \
    for (const guchar *p_ = (const guchar *) (text); *p_; p_++) \
      {                                                        \
        guchar c = fold (*p_);                                 \
        if (c == ' ')                                          \
          {                                                    \
            if (in_space_)                                     \
              continue;                                        \
            in_space_ = TRUE;                                  \
          }                                                    \
        else                                                   \
          in_space_ = FALSE;                                   \
        body;                                                  \
      }                                                        \
  } while (0)

Matcher *
_modori_matcher_new (const char *const *patterns, guint n_patterns)
{
  Matcher *m = g_new0 (Matcher, 1);
  GArray *next = g_array_new (FALSE, FALSE, sizeof (gint32));
  GArray *own = g_array_new (FALSE, FALSE, sizeof (gint32));
  gint32 minus_one = -1;
  guint *queue;
  guint head = 0, tail = 0;

  m->n_patterns = n_patterns;
  m->length = g_new0 (guint, n_patterns);

  /* Class 0 is "no pattern uses this byte". */
  m->n_classes = 1;
  for (guint i = 0; i < n_patterns; i++)
    FOR_EACH_FOLDED (patterns[i], c, {
      if (m->byte_class[c] == 0)
        m->byte_class[c] = m->n_classes++;
    });
  for (int c = 0; c < 256; c++)
    m->byte_class[c] = m->byte_class[fold ((guchar) c)];

  /* Trie; -1 = no edge yet. */
  g_array_set_size (next, m->n_classes);
  memset (next->data, 0xff, m->n_classes * sizeof (gint32));
  g_array_append_val (own, minus_one);
  m->n_states = 1;
  for (guint i = 0; i < n_patterns; i++)
    {
      gint32 state = 0;
      gboolean empty = TRUE;

      FOR_EACH_FOLDED (patterns[i], c, {
        gint32 *edge = &g_array_index (next, gint32, state * m->n_classes + m->byte_class[c]);
        empty = FALSE;
        m->length[i]++;
        if (*edge < 0)
          {
            *edge = m->n_states++;
            g_array_set_size (next, m->n_states * m->n_classes);
            memset (&g_array_index (next, gint32, (m->n_states - 1) * m->n_classes), 0xff,
                    m->n_classes * sizeof (gint32));
            g_array_append_val (own, minus_one);
            edge = &g_array_index (next, gint32, state * m->n_classes + m->byte_class[c]);
          }
        state = *edge;
      });
      if (!empty && g_array_index (own, gint32, state) < 0)
        g_array_index (own, gint32, state) = i;
    }

  m->next = (gint32 *) g_array_free (next, FALSE);
  m->own = (gint32 *) g_array_free (own, FALSE);
  m->fail = g_new0 (gint32, m->n_states);
  m->best = g_new (gint32, m->n_states);

  /* Breadth-first: failure links, then fill missing edges from them. */
  queue = g_new (guint, m->n_states);
  m->best[0] = -1;
  for (guint k = 0; k < m->n_classes; k++)
    {
      gint32 child = m->next[k];
      if (child < 0)
        m->next[k] = 0;
      else
        {
          m->fail[child] = 0;
          queue[tail++] = child;
        }
    }
  while (head < tail)
    {
      guint state = queue[head++];
      gint32 inherited = m->best[m->fail[state]];
      gint32 mine = m->own[state];

      m->best[state] = (mine >= 0 && (inherited < 0 || mine < inherited)) ? mine : inherited;
      for (guint k = 0; k < m->n_classes; k++)
        {
          gint32 *edge = &m->next[state * m->n_classes + k];
          gint32 via_fail = m->next[m->fail[state] * m->n_classes + k];
          if (*edge < 0)
            *edge = via_fail;
          else
            {
              m->fail[*edge] = via_fail;
              queue[tail++] = *edge;
            }
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
  g_free (matcher->next);
  g_free (matcher->own);
  g_free (matcher->fail);
  g_free (matcher->best);
  g_free (matcher->length);
  g_free (matcher);
}

int
_modori_matcher_first (const Matcher *m, const char *text)
{
  gint32 state = 0, best = -1;

  FOR_EACH_FOLDED (text, c, {
    state = m->next[state * m->n_classes + m->byte_class[c]];
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
    state = m->next[state * m->n_classes + m->byte_class[c]];
    /* Walk the output chain: every pattern that ends here. */
    for (gint32 s = state; s > 0 && m->best[s] >= 0; s = m->fail[s])
      if (m->own[s] >= 0 && !found[m->own[s]])
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

guint
_modori_matcher_all_outermost (const Matcher *m, const char *text, MatcherAccept accept,
                               gconstpointer data, gboolean *found)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  gint32 state = 0;
  gsize position = 0, reach = 0;
  guint count = 0;

  memset (found, 0, m->n_patterns * sizeof (gboolean));
  FOR_EACH_FOLDED (text, c, {
    state = m->next[state * m->n_classes + m->byte_class[c]];
    position++;
    for (gint32 s = state; s > 0 && m->best[s] >= 0; s = m->fail[s])
      {
        gint32 pattern = m->own[s];
        if (pattern >= 0 && (accept == NULL || accept ((guint) pattern, data)))
          {
            Hit hit;
            hit.pattern = (guint) pattern;
            hit.start = position - m->length[pattern];
            hit.end = position;
            g_array_append_val (hits, hit);
          }
      }
  });

  /* By start, the longer first: a hit is inside an earlier one exactly
   * when some earlier hit reaches as far as it does. */
  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);
      if (i == 0 || hit->end > reach)
        {
          if (!found[hit->pattern])
            {
              found[hit->pattern] = TRUE;
              count++;
            }
        }
      reach = MAX (reach, hit->end);
    }
  g_array_free (hits, TRUE);
  return count;
}
