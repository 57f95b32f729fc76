/* modori-record.h: what modori found about one recipient of one bounce. */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_RECORD_H
#define MODORI_RECORD_H

#include <modori/modori-types.h>
#include <modori/modori-reason.h>

G_BEGIN_DECLS

/**
 * ModoriRecord:
 *
 * One affected recipient of one analyzed message. Immutable once made;
 * reference-counted, so it may outlive the report it came from. The
 * fields and their meanings are listed in doc/record-fields.md.
 *
 * Every string getter returns a string owned by the record, valid while
 * the record lives, never %NULL: an unknown value is "".
 */
typedef struct _ModoriRecord ModoriRecord;

/**
 * MODORI_TYPE_RECORD:
 *
 * The #GType of #ModoriRecord, a boxed type.
 */
#define MODORI_TYPE_RECORD (modori_record_get_type ())
MODORI_PUBLIC GType modori_record_get_type (void) G_GNUC_CONST;

/**
 * modori_record_ref: (skip)
 * @record: a #ModoriRecord
 *
 * Takes one more reference to @record.
 *
 * Returns: (transfer full): @record
 */
MODORI_PUBLIC ModoriRecord *modori_record_ref (ModoriRecord *record);

/**
 * modori_record_unref: (skip)
 * @record: (nullable): a #ModoriRecord
 *
 * Drops one reference to @record; frees it at zero.
 */
MODORI_PUBLIC void modori_record_unref (ModoriRecord *record);

/**
 * modori_record_get_recipient:
 * @record: a #ModoriRecord
 *
 * The field "recipient": the address that failed ("taro@example.jp").
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_recipient (const ModoriRecord *record);

/**
 * modori_record_get_addresser:
 * @record: a #ModoriRecord
 *
 * The field "addresser": the original sender: the From: address of the
 * returned original.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_addresser (const ModoriRecord *record);

/**
 * modori_record_get_sender_domain:
 * @record: a #ModoriRecord
 *
 * The field "senderdomain": the domain of the addresser, lower-cased.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_sender_domain (const ModoriRecord *record);

/**
 * modori_record_get_destination:
 * @record: a #ModoriRecord
 *
 * The field "destination": the domain of the recipient, lower-cased.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_destination (const ModoriRecord *record);

/**
 * modori_record_get_alias:
 * @record: a #ModoriRecord
 *
 * The field "alias": the Original-Recipient when it differs from the
 * recipient.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_alias (const ModoriRecord *record);

/**
 * modori_record_get_action:
 * @record: a #ModoriRecord
 *
 * The field "action": the DSN Action, lower-cased: "failed", "delayed",
 * "delivered", "relayed" or "expanded".
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_action (const ModoriRecord *record);

/**
 * modori_record_get_delivery_status:
 * @record: a #ModoriRecord
 *
 * The field "deliverystatus": the enhanced status code (RFC 3463), e.g.
 * "5.1.1".
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_delivery_status (const ModoriRecord *record);

/**
 * modori_record_get_reply_code:
 * @record: a #ModoriRecord
 *
 * The field "replycode": the SMTP reply code (RFC 5321), e.g. "550".
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_reply_code (const ModoriRecord *record);

/**
 * modori_record_get_diagnostic_code:
 * @record: a #ModoriRecord
 *
 * The field "diagnosticcode": the diagnostic text, unfolded and trimmed,
 * without its type prefix.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_diagnostic_code (const ModoriRecord *record);

/**
 * modori_record_get_diagnostic_type:
 * @record: a #ModoriRecord
 *
 * The field "diagnostictype": the type prefix of the Diagnostic-Code,
 * upper-cased, e.g. "SMTP".
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_diagnostic_type (const ModoriRecord *record);

/**
 * modori_record_get_command:
 * @record: a #ModoriRecord
 *
 * The field "command": the SMTP command that failed ("RCPT", "DATA", ...).
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_command (const ModoriRecord *record);

/**
 * modori_record_get_rhost:
 * @record: a #ModoriRecord
 *
 * The field "rhost": the remote mail server, lower-cased.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_rhost (const ModoriRecord *record);

/**
 * modori_record_get_lhost:
 * @record: a #ModoriRecord
 *
 * The field "lhost": the reporting mail server, lower-cased.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_lhost (const ModoriRecord *record);

/**
 * modori_record_get_hint:
 * @record: a #ModoriRecord
 *
 * The field "hint": the finer guidance identifier (see doc/hints.md).
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_hint (const ModoriRecord *record);

/**
 * modori_record_get_suggestion:
 * @record: a #ModoriRecord
 *
 * The field "suggestion": the corrected recipient address when the hint is
 * a typing mistake.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_suggestion (const ModoriRecord *record);

/**
 * modori_record_get_reason_by:
 * @record: a #ModoriRecord
 *
 * The field "reasonby": which evidence decided the reason, e.g.
 * "status:5.1.1".
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_reason_by (const ModoriRecord *record);

/**
 * modori_record_get_feedback_type:
 * @record: a #ModoriRecord
 *
 * The field "feedbacktype": the Feedback-Type of an ARF feedback report
 * (RFC 5965).
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_feedback_type (const ModoriRecord *record);

/**
 * modori_record_get_message_id:
 * @record: a #ModoriRecord
 *
 * The field "messageid": the Message-ID of the returned original, without
 * angle brackets.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_message_id (const ModoriRecord *record);

/**
 * modori_record_get_subject:
 * @record: a #ModoriRecord
 *
 * The field "subject": the Subject of the returned original, decoded to
 * UTF-8.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_subject (const ModoriRecord *record);

/**
 * modori_record_get_timestamp:
 * @record: a #ModoriRecord
 *
 * The field "timestamp": the date of the report (Last-Attempt-Date,
 * else Arrival-Date, else the bounce's Date:), ISO 8601 with the
 * original offset, e.g. "2024-03-05T10:22:31+09:00".
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_timestamp (const ModoriRecord *record);

/**
 * modori_record_get_decoded_by:
 * @record: a #ModoriRecord
 *
 * The field "decodedby": the engine that decoded the record: "rfc3464",
 * "postfix", ...
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_decoded_by (const ModoriRecord *record);

/**
 * modori_record_get_origin:
 * @record: a #ModoriRecord
 *
 * The field "origin": where the message came from: a path, "PATH#N" in an
 * mbox, "-" for standard input.
 *
 * Returns: (transfer none): the value, or "" when unknown
 */
MODORI_PUBLIC const char *modori_record_get_origin (const ModoriRecord *record);

/**
 * modori_record_get_reason:
 * @record: a #ModoriRecord
 *
 * The field "reason" as a value: see modori_reason_to_string() for its
 * identifier.
 *
 * Returns: the classified reason
 */
MODORI_PUBLIC ModoriReason modori_record_get_reason (const ModoriRecord *record);

/**
 * modori_record_get_hard_bounce:
 * @record: a #ModoriRecord
 *
 * The field "hardbounce" as a value.
 *
 * Returns: %TRUE for a permanent, address-level failure
 */
MODORI_PUBLIC gboolean modori_record_get_hard_bounce (const ModoriRecord *record);

/**
 * modori_record_get_field:
 * @record: a #ModoriRecord
 * @name: a field name as in the JSON output ("recipient", "rhost", ...)
 *
 * Generic access to every field by its name; each also has a typed
 * getter (modori_record_get_recipient(), ...). "reason" gives the
 * reason's identifier and "hardbounce" gives "true" or "false".
 *
 * Returns: (transfer none) (nullable): the value ("" when unknown), owned
 *   by the record; %NULL when @name is not a field.
 */
MODORI_PUBLIC const char *modori_record_get_field (const ModoriRecord *record,
                                                   const char         *name);

/**
 * modori_record_field_names:
 *
 * The names modori_record_get_field() knows.
 *
 * Returns: (transfer none) (array zero-terminated=1): the field names in
 *   output order. Static storage, never freed.
 */
MODORI_PUBLIC const char *const *modori_record_field_names (void);

/**
 * modori_record_to_json:
 * @record: a #ModoriRecord
 * @pretty: indent with two spaces and put one field per line
 *
 * The record as JSON, as `modori --format=json` prints it.
 *
 * Returns: (transfer full): the record as a JSON object (UTF-8, no trailing
 *   newline), with every field of modori_record_field_names() in that order.
 *   Free with g_free().
 */
MODORI_PUBLIC char *modori_record_to_json (const ModoriRecord *record,
                                           gboolean            pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModoriRecord, modori_record_unref)

G_END_DECLS

#endif /* MODORI_RECORD_H */
