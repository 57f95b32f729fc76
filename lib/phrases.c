/* phrases.c: one matcher over every row of the phrase table. */
#include <string.h>

#include "matcher.h"
#include "phrases.h"

static const Matcher *
phrase_matcher (void)
{
  static gsize once = 0;
  static Matcher *matcher;

  if (g_once_init_enter (&once))
    {
      const char **phrases = g_new (const char *, _modori_n_phrase_rules);
      for (guint i = 0; i < _modori_n_phrase_rules; i++)
        phrases[i] = _modori_phrase_rules[i].phrase;
      matcher = _modori_matcher_new (phrases, _modori_n_phrase_rules);
      g_free (phrases);
      g_once_init_leave (&once, 1);
    }
  return matcher;
}

static gboolean
row_is_for (guint index, gconstpointer data)
{
  const PhraseRule *rule = &_modori_phrase_rules[index];

  switch (GPOINTER_TO_INT (data))
    {
    case PHRASES_FOR_REASON:
      return rule->reason != MODORI_REASON_UNDEFINED && !(rule->flags & PHRASE_CLIENT);
    case PHRASES_FOR_SPECIFIC_REASON:
      return row_is_for (index, GINT_TO_POINTER (PHRASES_FOR_REASON)) && !(rule->flags & PHRASE_WEAK);
    case PHRASES_FOR_WEAK_REASON:
      return row_is_for (index, GINT_TO_POINTER (PHRASES_FOR_REASON)) && (rule->flags & PHRASE_WEAK);
    case PHRASES_FOR_HINT:
      return rule->hint != NULL;
    case PHRASES_FOR_CASE:
      return rule->case_id != NULL;
    default:
      return FALSE;
    }
}

guint
_modori_phrases_find (const char *text, PhrasesUse use, gboolean *found)
{
  return _modori_matcher_all_outermost (phrase_matcher (), text ? text : "", row_is_for,
                                        GINT_TO_POINTER (use), found);
}

/* The first row found for @use, or NULL. */
static const PhraseRule *
first_found (const char *text, PhrasesUse use, gboolean *found)
{
  if (_modori_phrases_find (text, use, found) == 0)
    return NULL;
  for (guint i = 0; i < _modori_n_phrase_rules; i++)
    if (found[i])
      return &_modori_phrase_rules[i];
  return NULL;
}

void
_modori_phrases_reason (const char *text, const PhraseRule **specific, const PhraseRule **weak)
{
  gboolean *found;

  *specific = *weak = NULL;
  if (text == NULL || text[0] == '\0')
    return;
  /* Apart: generic wording never hides a specific phrase inside it
   * ("refused to talk to me:" around "refused to talk to me"). */
  found = g_new (gboolean, _modori_n_phrase_rules);
  *specific = first_found (text, PHRASES_FOR_SPECIFIC_REASON, found);
  *weak = first_found (text, PHRASES_FOR_WEAK_REASON, found);
  g_free (found);
}

const PhraseRule *
_modori_phrases_hint (const char *text)
{
  const PhraseRule *rule;
  gboolean *found;

  if (text == NULL || text[0] == '\0')
    return NULL;
  found = g_new (gboolean, _modori_n_phrase_rules);
  rule = first_found (text, PHRASES_FOR_HINT, found);
  g_free (found);
  return rule;
}
