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
 * bounce's headline, a bare address or a sentence naming one.
 * Immutable, reference-counted. String getters return strings owned by
 * the explanation, never %NULL ("" when unknown).
 */
typedef struct _ModoriExplanation ModoriExplanation;

/**
 * MODORI_TYPE_EXPLANATION:
 *
 * The #GType of #ModoriExplanation, a boxed type.
 */
#define MODORI_TYPE_EXPLANATION (modori_explanation_get_type ())
MODORI_PUBLIC GType modori_explanation_get_type (void) G_GNUC_CONST;

/**
 * modori_explain:
 * @text: (array length=length) (element-type guint8): the text, any bytes
 *   (invalid UTF-8 and NULs are tolerated)
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * Never fails: text that matches nothing gives the case "unrecognized",
 * with what was found listed by modori_explanation_get_found().
 *
 * Returns: (transfer full): the explanation.
 */
MODORI_PUBLIC ModoriExplanation *modori_explain (const char *text, gssize length);

/**
 * modori_explanation_ref: (skip)
 * @explanation: a #ModoriExplanation
 *
 * Takes one more reference to @explanation.
 *
 * Returns: (transfer full): @explanation
 */
MODORI_PUBLIC ModoriExplanation *modori_explanation_ref (ModoriExplanation *explanation);

/**
 * modori_explanation_unref: (skip)
 * @explanation: (nullable): a #ModoriExplanation
 *
 * Drops one reference to @explanation; frees it at zero.
 */
MODORI_PUBLIC void modori_explanation_unref (ModoriExplanation *explanation);

/**
 * modori_explanation_get_kind:
 * @explanation: a #ModoriExplanation
 *
 * The kind of text, decided by its shape before its words are read.
 *
 * Returns: (transfer none): "smtp", "pop3", "imap" (a server's reply),
 *   "client" (a mail program's message), "bounce" (a bounce's headline or report text),
 *   "address" (one address and nothing else), "sentence" (other words; the
 *   address in them is checked), "binary" (not text: nothing is read) or
 *   "unknown" (empty).
 */
MODORI_PUBLIC const char *modori_explanation_get_kind (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_case:
 * @explanation: a #ModoriExplanation
 *
 * What the text says happened, as a stable identifier.
 *
 * Returns: (transfer none): the stable case identifier ("pop3-in-use",
 *   ...; see doc/explain-cases.md).
 */
MODORI_PUBLIC const char *modori_explanation_get_case (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_reason:
 * @explanation: a #ModoriExplanation
 *
 * The bounce reason the case amounts to.
 *
 * Returns: the bounce reason that applies, or %MODORI_REASON_UNDEFINED.
 */
MODORI_PUBLIC ModoriReason modori_explanation_get_reason (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_reply_code:
 * @explanation: a #ModoriExplanation
 *
 * The SMTP reply code in the text.
 *
 * Returns: (transfer none): the SMTP reply code ("550") or "".
 */
MODORI_PUBLIC const char *modori_explanation_get_reply_code (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_status_code:
 * @explanation: a #ModoriExplanation
 *
 * The enhanced status code (RFC 3463) in the text.
 *
 * Returns: (transfer none): the enhanced status code ("5.1.1") or "".
 */
MODORI_PUBLIC const char *modori_explanation_get_status_code (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_response_code:
 * @explanation: a #ModoriExplanation
 *
 * The POP3 or IMAP response code in the text.
 *
 * Returns: (transfer none): the POP3/IMAP response code without brackets
 *   ("IN-USE") or "".
 */
MODORI_PUBLIC const char *modori_explanation_get_response_code (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_address:
 * @explanation: a #ModoriExplanation
 *
 * The first e-mail address found in the text.
 *
 * Returns: (transfer none): the first address in the text, or "".
 */
MODORI_PUBLIC const char *modori_explanation_get_address (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_hint:
 * @explanation: a #ModoriExplanation
 *
 * The address doctor's verdict on the address found.
 *
 * Returns: (transfer none): the address doctor's hint for that address, or
 *   "".
 */
MODORI_PUBLIC const char *modori_explanation_get_hint (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_suggestion:
 * @explanation: a #ModoriExplanation
 *
 * The address found, with its typing mistakes corrected.
 *
 * Returns: (transfer none): the corrected address, or "".
 */
MODORI_PUBLIC const char *modori_explanation_get_suggestion (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_found:
 * @explanation: a #ModoriExplanation
 *
 * For text that matched nothing, what was seen in it.
 *
 * Returns: (transfer none): for unrecognized text, a short note of what
 *   was seen in it; else "".
 */
MODORI_PUBLIC const char *modori_explanation_get_found (const ModoriExplanation *explanation);

/**
 * modori_explanation_get_guidance:
 * @explanation: a #ModoriExplanation
 * @lang: "ja" or "en"
 * @field: which text
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
 * modori_explanation_get_field:
 * @explanation: a #ModoriExplanation
 * @lang: language of the guidance fields ("ja" or "en")
 * @name: a field name as in the JSON output ("kind", "case", "title", ...)
 *
 * Generic access to every field by its name, as
 * modori_record_get_field() is for records: "reason" gives the reason's
 * identifier ("" when none), "title", "what" and "todo" the guidance in
 * @lang.
 *
 * Returns: (transfer none) (nullable): the value ("" when unknown);
 *   %NULL when @name is not a field.
 */
MODORI_PUBLIC const char *modori_explanation_get_field (const ModoriExplanation *explanation,
                                                        const char              *lang,
                                                        const char              *name);

/**
 * modori_explanation_field_names:
 *
 * The names modori_explanation_get_field() knows.
 *
 * Returns: (transfer none) (array zero-terminated=1): the field names in
 *   output order. Static storage, never freed.
 */
MODORI_PUBLIC const char *const *modori_explanation_field_names (void);

/**
 * modori_explanation_to_json:
 * @explanation: a #ModoriExplanation
 * @lang: language of the guidance in it
 * @pretty: indent with two spaces and put one field per line
 *
 * The explanation as JSON, as `modori explain --format=json` prints it.
 *
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
 * @lang: "ja" or "en"
 * @field: which text
 *
 * The catalog's own text for an explain case.
 *
 * Returns: (transfer none) (nullable): the text, or %NULL when the catalog
 *   has no text of its own for that case.
 */
MODORI_PUBLIC const char *modori_guidance_for_case (const char         *case_id,
                                                    const char         *lang,
                                                    ModoriGuidanceField field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModoriExplanation, modori_explanation_unref)

G_END_DECLS

#endif /* MODORI_EXPLAIN_H */
