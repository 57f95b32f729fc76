/* catalog.h: the tool's own words (catalog.ini), in Japanese or English.
 * The explanations of reasons and cases are the library's
 * (modori_guidance_for_reason() and the like). */
#ifndef MODORI_CLI_CATALOG_H
#define MODORI_CLI_CATALOG_H

#include <glib.h>

/* The words of @id ("group/key") in @lang ("ja" or "en"): English when
 * Japanese has none, @id itself when neither is there (so that a
 * missing entry shows). Read once, then only read: safe on any thread. */
const char *catalog_get (const char *lang, const char *id);

/* The words of @id ("group/key"), or NULL when the catalog has none
 * (a step or a kind it does not name). */
const char *catalog_find (const char *lang, const char *id);

/* @id's sentence with {n} replaced by @n; in English, "ID-one" when @n
 * is 1 and the catalog has it. Newly allocated. */
char *catalog_count (const char *lang, const char *id, guint64 n);

/* @id's words with {text} replaced by @text. Newly allocated. */
char *catalog_quote (const char *lang, const char *id, const char *text);

#endif
