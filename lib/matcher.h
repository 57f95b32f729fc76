/* matcher.h: many phrases searched in one pass (Aho-Corasick).
 *
 * Matching is ASCII case-insensitive and treats every whitespace run as
 * one space, in patterns and text alike. Time is linear in the text,
 * whatever the patterns: no backtracking on untrusted input. */
#ifndef MODORI_MATCHER_H
#define MODORI_MATCHER_H

#include <glib.h>

typedef struct _Matcher Matcher;

/* Compiles @n_patterns patterns (UTF-8; empty ones never match), or
 * takes the image compiled at build time for exactly this list
 * (matcher-image.h). */
Matcher *_modori_matcher_new (const char *const *patterns, guint n_patterns);
void _modori_matcher_free (Matcher *matcher);

/* The lowest index of a pattern that occurs in @text, or -1. */
int _modori_matcher_first (const Matcher *matcher, const char *text);

/* Every index of a pattern that occurs in @text, marked in @found (an
 * array of n_patterns booleans). Returns how many distinct patterns matched. */
guint _modori_matcher_all (const Matcher *matcher, const char *text, gboolean *found);

/* The union (bitwise OR) of @bits[index] over the patterns that
 * _modori_matcher_all() marks in the first @length bytes of @text (fewer
 * if a NUL comes first), read exactly as a copy of them would be: which
 * kinds of phrase a line of a longer text holds, with no copy and no
 * array to clear and read. */
guint32 _modori_matcher_bits_len (const Matcher *matcher, const char *text, gsize length, const guint32 *bits);

/* Like _modori_matcher_all(), but a pattern counts only where it occurs
 * outside a longer occurrence of another one: in "address has been
 * blacklisted", "blacklisted" does not count when the longer phrase is a
 * pattern too. Returns how many distinct patterns counted. Time: linear
 * in @text, plus sorting the occurrences found. */
guint _modori_matcher_all_outermost (const Matcher *matcher, const char *text, gboolean *found);

/* The lowest index of a pattern that occurs in @text outside a longer
 * occurrence of another pattern, or -1: the same rule as
 * _modori_matcher_all_outermost() with no array to fill. */
int _modori_matcher_first_outermost (const Matcher *matcher, const char *text);

/* The same for two groups of patterns at once, in one pass over @text:
 * @group[pattern] says which, and a pattern gives way only to a longer
 * one of its own group. Sets the first of each (-1 for none). */
void _modori_matcher_first_outermost_by_group (const Matcher *matcher, const char *text, const gboolean *group,
                                               int *first_out, int *first_in);

#endif
