/* phrases.c: the phrase table searched by use.
 *
 * Each use (classification's specific rows, its weak rows, hints,
 * explain's cases) gets a matcher of its own rows, compiled once: a
 * search walks the text once and touches nothing but the rows it can
 * answer with. */
#include <string.h>

#include "bounds.h"
#include "matcher.h"
#include "phrases.h"

typedef struct {
  Matcher *matcher;
  guint *rows;      /* pattern index -> row of _modori_phrase_rules */
  gboolean *weak;   /* pattern index -> the row is generic wording */
  guint n_rows;
} PhraseSet;

static gboolean
row_is_for (const PhraseRule *rule, PhrasesUse use)
{
  gboolean reason = rule->reason != MODORI_REASON_UNDEFINED && !(rule->flags & PHRASE_CLIENT);

  switch (use)
    {
    case PHRASES_FOR_REASON:
      return reason;
    case PHRASES_FOR_SPECIFIC_REASON:
      return reason && !(rule->flags & PHRASE_WEAK);
    case PHRASES_FOR_WEAK_REASON:
      return reason && (rule->flags & PHRASE_WEAK);
    case PHRASES_FOR_HINT:
      return rule->hint != NULL;
    case PHRASES_FOR_CASE:
      return rule->case_id != NULL;
    default:
      return FALSE;
    }
}

#define N_USES (PHRASES_FOR_CASE + 1)

/* The set of @use, compiled at its first search (a program that never
 * explains a text never builds explain's matcher). */
static const PhraseSet *
phrase_set (PhrasesUse use)
{
  static gsize once[N_USES];
  static PhraseSet sets[N_USES];

  if (g_once_init_enter (&once[use]))
    {
      const char **patterns = g_new (const char *, _modori_n_phrase_rules);
      PhraseSet *set = &sets[use];

      set->rows = g_new (guint, _modori_n_phrase_rules);
      set->weak = g_new (gboolean, _modori_n_phrase_rules);
      for (guint i = 0; i < _modori_n_phrase_rules; i++)
        if (row_is_for (&_modori_phrase_rules[i], use))
          {
            patterns[set->n_rows] = _modori_phrase_rules[i].phrase;
            set->weak[set->n_rows] = (_modori_phrase_rules[i].flags & PHRASE_WEAK) != 0;
            set->rows[set->n_rows++] = i;
          }
      set->matcher = _modori_matcher_new (patterns, set->n_rows);
      g_free (patterns);
      g_once_init_leave (&once[use], 1);
    }
  return &sets[use];
}

guint
_modori_phrases_find (const char *text, PhrasesUse use, gboolean *found)
{
  const PhraseSet *set = phrase_set (use);
  gboolean *mine = g_new0 (gboolean, MAX (set->n_rows, 1));
  guint count;

  memset (found, 0, _modori_n_phrase_rules * sizeof (gboolean));
  count = _modori_matcher_all_outermost (set->matcher, text ? text : "", mine);
  for (guint i = 0; i < set->n_rows; i++)
    if (mine[i])
      found[set->rows[i]] = TRUE;
  g_free (mine);
  return count;
}

/* The first row for @use found in @text, or NULL. Rows keep the table's
 * order within a set, so the lowest pattern index is the earliest row. */
static const PhraseRule *
first_found (const char *text, PhrasesUse use)
{
  const PhraseSet *set = phrase_set (use);
  int index = _modori_matcher_first_outermost (set->matcher, text);

  return index >= 0 ? &_modori_phrase_rules[set->rows[index]] : NULL;
}

/* The recipients of one message often share one diagnostic, and a
 * hostile report makes it long: the last text searched and what was
 * found are kept per thread and use, so that a shared text costs one
 * search and a comparison per recipient, not a search each (10,000
 * recipients citing 8 KB took 2.5 s). Only texts up to the diagnostic
 * limit are kept. */
typedef struct {
  char *text;
  gsize length;
  const PhraseRule *found[2];
} Memo;

enum { MEMO_REASON, MEMO_HINT, N_MEMOS };

static void
memos_free (gpointer data)
{
  Memo *memos = data;

  for (int i = 0; i < N_MEMOS; i++)
    g_free (memos[i].text);
  g_free (memos);
}

static GPrivate thread_memos = G_PRIVATE_INIT (memos_free);

/* The memo of @which if it holds @text, else NULL; *@slot is where to
 * keep @text's results (NULL when @text is too long to keep). */
static const Memo *
memo_lookup (int which, const char *text, gsize length, Memo **slot)
{
  Memo *memos = g_private_get (&thread_memos);
  Memo *memo;

  *slot = NULL;
  if (length > MODORI_MAX_DIAGNOSTIC_BYTES)
    return NULL;
  if (memos == NULL)
    {
      memos = g_new0 (Memo, N_MEMOS);
      g_private_set (&thread_memos, memos);
    }
  memo = &memos[which];
  if (memo->text && memo->length == length && memcmp (memo->text, text, length) == 0)
    return memo;
  *slot = memo;
  return NULL;
}

static void
memo_keep (Memo *slot, const char *text, gsize length, const PhraseRule *first, const PhraseRule *second)
{
  if (slot == NULL)
    return;
  g_free (slot->text);
  slot->text = g_memdup2 (text, length);
  slot->length = length;
  slot->found[0] = first;
  slot->found[1] = second;
}

void
_modori_phrases_reason (const char *text, const PhraseRule **specific, const PhraseRule **weak)
{
  const PhraseSet *set;
  int first_specific, first_weak;
  gsize length;
  const Memo *memo;
  Memo *slot;

  *specific = *weak = NULL;
  if (text == NULL || text[0] == '\0')
    return;
  length = strlen (text);
  if ((memo = memo_lookup (MEMO_REASON, text, length, &slot)) != NULL)
    {
      *specific = memo->found[0];
      *weak = memo->found[1];
      return;
    }
  /* One pass, the two kinds apart: generic wording never hides a
   * specific phrase inside it ("refused to talk to me:" around "refused
   * to talk to me"). */
  set = phrase_set (PHRASES_FOR_REASON);
  _modori_matcher_first_outermost_by_group (set->matcher, text, set->weak, &first_specific, &first_weak);
  if (first_specific >= 0)
    *specific = &_modori_phrase_rules[set->rows[first_specific]];
  if (first_weak >= 0)
    *weak = &_modori_phrase_rules[set->rows[first_weak]];
  memo_keep (slot, text, length, *specific, *weak);
}

const PhraseRule *
_modori_phrases_hint (const char *text)
{
  const PhraseRule *found;
  gsize length;
  const Memo *memo;
  Memo *slot;

  if (text == NULL || text[0] == '\0')
    return NULL;
  length = strlen (text);
  if ((memo = memo_lookup (MEMO_HINT, text, length, &slot)) != NULL)
    return memo->found[0];
  found = first_found (text, PHRASES_FOR_HINT);
  memo_keep (slot, text, length, found, NULL);
  return found;
}

void
_modori_phrases_prepare (void)
{
  phrase_set (PHRASES_FOR_REASON);
  phrase_set (PHRASES_FOR_HINT);
}
