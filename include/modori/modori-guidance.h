/* modori-guidance.h: plain-language explanations, in Japanese and English. */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_GUIDANCE_H
#define MODORI_GUIDANCE_H

#include <modori/modori-types.h>
#include <modori/modori-reason.h>
#include <modori/modori-record.h>

G_BEGIN_DECLS

/**
 * ModoriGuidanceField:
 * @MODORI_GUIDANCE_TITLE: a short headline
 * @MODORI_GUIDANCE_WHAT: what happened, in plain words
 * @MODORI_GUIDANCE_TODO: what the reader should do
 *
 * The three texts the guidance catalog has for a reason, a hint or an
 * explain case.
 */
typedef enum {
  MODORI_GUIDANCE_TITLE,
  MODORI_GUIDANCE_WHAT,
  MODORI_GUIDANCE_TODO,
} ModoriGuidanceField;

/*
 * The catalog is compiled into the library and needs no installed locale.
 * @lang is "ja" or "en" (anything else gives English). Returned strings
 * live as long as the process; never free them. Thread-safe.
 */

/**
 * modori_guidance_for_reason:
 * @reason: a #ModoriReason
 * @lang: "ja" or "en"
 * @field: which text
 *
 * The catalog's text for a reason.
 *
 * Returns: (transfer none) (nullable): the text, or %NULL if the catalog
 *   has none for @reason.
 */
MODORI_PUBLIC const char *modori_guidance_for_reason (ModoriReason        reason,
                                                      const char         *lang,
                                                      ModoriGuidanceField field);

/**
 * modori_guidance_for_hint:
 * @hint: a hint identifier such as "comma-for-dot" (see doc/hints.md)
 * @lang: "ja" or "en"
 * @field: which text
 *
 * The catalog's text for a hint.
 *
 * Returns: (transfer none) (nullable): the text, or %NULL for an unknown hint.
 */
MODORI_PUBLIC const char *modori_guidance_for_hint (const char         *hint,
                                                    const char         *lang,
                                                    ModoriGuidanceField field);

/**
 * modori_guidance_for_record:
 * @record: a #ModoriRecord
 * @lang: "ja" or "en"
 * @field: which text
 *
 * The guidance for @record: its hint's words when it has a hint, else
 * its reason's. Where the catalog has them, the words use the record's
 * own addresses (the address that failed, the corrected one) instead of
 * an example. The addresses come from the bounce: escape the text before
 * showing it on a terminal.
 *
 * Returns: (transfer full) (nullable): the text (free with g_free), or
 *   %NULL if the catalog has none.
 */
MODORI_PUBLIC char *modori_guidance_for_record (const ModoriRecord *record,
                                                const char         *lang,
                                                ModoriGuidanceField field);

/**
 * modori_guidance_list_hints:
 *
 * The hints the catalog has text for.
 *
 * Returns: (transfer full) (array zero-terminated=1): every hint identifier
 *   the catalog knows. Free with g_strfreev().
 */
MODORI_PUBLIC char **modori_guidance_list_hints (void);

G_END_DECLS

#endif /* MODORI_GUIDANCE_H */
