/* phrases.h: searching the one phrase table (rules/phrases.tsv).
 *
 * Classification, hints and `explain` read the same rows through one
 * matcher, compiled once. Where several rows are found, a phrase found
 * inside a longer one that was found too gives way to it; otherwise the
 * earlier row wins. */
#ifndef MODORI_PHRASES_H
#define MODORI_PHRASES_H

#include "rules/rules.h"

/* Which rows a search looks at. */
typedef enum {
  PHRASES_FOR_REASON,   /* rows with a reason, not a mail program's words */
  PHRASES_FOR_SPECIFIC_REASON,   /* ... of them, the rows not flagged weak */
  PHRASES_FOR_WEAK_REASON,       /* ... and the weak ones */
  PHRASES_FOR_HINT,     /* rows with a hint */
  PHRASES_FOR_CASE,     /* rows with an explain case */
} PhrasesUse;

/* Marks in @found (an array of _modori_n_phrase_rules booleans) every
 * row for @use that occurs in @text outside a longer row found for the
 * same use. Returns how many. */
guint _modori_phrases_find (const char *text, PhrasesUse use, gboolean *found);

/* What the words of @text say about the reason: the first specific row
 * found, and the first weak one (PHRASE_WEAK). Either may be NULL. */
void _modori_phrases_reason (const char *text, const PhraseRule **specific, const PhraseRule **weak);

/* The first row with a hint found in @text, or NULL. */
const PhraseRule *_modori_phrases_hint (const char *text);

/* Builds the sets every analysis searches (reasons, hints) now. */
void _modori_phrases_prepare (void);

#endif
