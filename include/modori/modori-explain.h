/* modori-explain.h: explain one server reply or mail-client error. */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_EXPLAIN_H
#define MODORI_EXPLAIN_H

#include <modori/modori-types.h>
#include <modori/modori-reason.h>
#include <modori/modori-guidance.h>

G_BEGIN_DECLS

/**
 * ModoriExplanation:
 *
 * What modori made of one piece of text: an SMTP reply, a POP3 "-ERR"
 * line, an IMAP "NO"/"BAD" reply, a mail program's error message, a
 * bounce's headline, a bare address or a sentence naming one. Immutable, reference-counted. String getters return
 * strings owned by the explanation, never %NULL ("" when unknown).
 */
typedef struct _ModoriExplanation ModoriExplanation;

/**
 * modori_explain:
 * @text: the text, any bytes (invalid UTF-8 and NULs are tolerated)
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * Never fails: text that matches nothing gives the case "unrecognized",
 * with what was found listed by modori_explanation_get_found().
 *
 * Returns: (transfer full): the explanation.
 */
MODORI_PUBLIC ModoriExplanation *modori_explain (const char *text, gssize length);

MODORI_PUBLIC ModoriExplanation *modori_explanation_ref (ModoriExplanation *explanation);
MODORI_PUBLIC void modori_explanation_unref (ModoriExplanation *explanation);

/**
 * modori_explanation_get_kind:
 *
 * The kind of text, decided by its shape before its words are read.
 *
 * Returns: "smtp", "pop3", "imap" (a server's reply), "client" (a mail
 *   program's message), "bounce" (a bounce's headline or report text),
 *   "address" (one address and nothing else), "sentence" (other words; the
 *   address in them is checked), "binary" (not text: nothing is read) or
 *   "unknown" (empty).
 */
MODORI_PUBLIC const char *modori_explanation_get_kind (const ModoriExplanation *explanation);
/** modori_explanation_get_case: Returns: the stable case identifier ("pop3-in-use", ...; see doc/explain-cases.md). */
MODORI_PUBLIC const char *modori_explanation_get_case (const ModoriExplanation *explanation);
/** modori_explanation_get_reason: Returns: the bounce reason that applies, or %MODORI_REASON_UNDEFINED. */
MODORI_PUBLIC ModoriReason modori_explanation_get_reason (const ModoriExplanation *explanation);
/** modori_explanation_get_reply_code: Returns: the SMTP reply code ("550") or "". */
MODORI_PUBLIC const char *modori_explanation_get_reply_code (const ModoriExplanation *explanation);
/** modori_explanation_get_status_code: Returns: the enhanced status code ("5.1.1") or "". */
MODORI_PUBLIC const char *modori_explanation_get_status_code (const ModoriExplanation *explanation);
/** modori_explanation_get_response_code: Returns: the POP3/IMAP response code without brackets ("IN-USE") or "". */
MODORI_PUBLIC const char *modori_explanation_get_response_code (const ModoriExplanation *explanation);
/** modori_explanation_get_address: Returns: the first address in the text, or "". */
MODORI_PUBLIC const char *modori_explanation_get_address (const ModoriExplanation *explanation);
/** modori_explanation_get_hint: Returns: the address doctor's hint for that address, or "". */
MODORI_PUBLIC const char *modori_explanation_get_hint (const ModoriExplanation *explanation);
/** modori_explanation_get_suggestion: Returns: the corrected address, or "". */
MODORI_PUBLIC const char *modori_explanation_get_suggestion (const ModoriExplanation *explanation);
/** modori_explanation_get_found: Returns: for unrecognized text, a short note of what was seen in it; else "". */
MODORI_PUBLIC const char *modori_explanation_get_found (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_guidance:
 * @lang: "ja" or "en"
 *
 * The guidance of the case; for a case without its own text (a plain SMTP
 * reply), that of the address hint, else of the reason.
 *
 * Returns: (transfer none) (nullable): static text, never freed.
 */
MODORI_PUBLIC const char *modori_explanation_get_guidance (const ModoriExplanation *explanation,
                                                           const char              *lang,
                                                           ModoriGuidanceField      field);

/**
 * modori_explanation_to_json:
 * @lang: language of the guidance in it
 * Returns: (transfer full): a JSON object: kind, case, reason, replycode,
 *   statuscode, responsecode, address, hint, suggestion, found, title,
 *   what, todo. Free with g_free().
 */
MODORI_PUBLIC char *modori_explanation_to_json (const ModoriExplanation *explanation,
                                                const char              *lang,
                                                gboolean                 pretty);

/**
 * modori_guidance_for_case:
 * @case_id: an explain case identifier
 * Returns: (transfer none) (nullable): the text, or %NULL when the catalog
 *   has no text of its own for that case.
 */
MODORI_PUBLIC const char *modori_guidance_for_case (const char         *case_id,
                                                    const char         *lang,
                                                    ModoriGuidanceField field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModoriExplanation, modori_explanation_unref)

G_END_DECLS

#endif /* MODORI_EXPLAIN_H */
