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

/** modori_record_ref: Returns: (transfer full): @record, with one more reference. */
MODORI_PUBLIC ModoriRecord *modori_record_ref (ModoriRecord *record);
/** modori_record_unref: drops one reference; frees @record at zero. */
MODORI_PUBLIC void modori_record_unref (ModoriRecord *record);

MODORI_PUBLIC const char *modori_record_get_recipient (const ModoriRecord *record);
MODORI_PUBLIC const char *modori_record_get_addresser (const ModoriRecord *record);
MODORI_PUBLIC const char *modori_record_get_destination (const ModoriRecord *record);
MODORI_PUBLIC const char *modori_record_get_action (const ModoriRecord *record);
MODORI_PUBLIC const char *modori_record_get_delivery_status (const ModoriRecord *record);
MODORI_PUBLIC const char *modori_record_get_reply_code (const ModoriRecord *record);
MODORI_PUBLIC const char *modori_record_get_diagnostic_code (const ModoriRecord *record);
MODORI_PUBLIC const char *modori_record_get_command (const ModoriRecord *record);
MODORI_PUBLIC const char *modori_record_get_hint (const ModoriRecord *record);
/** modori_record_get_suggestion: Returns: the corrected recipient address when the hint is a typing mistake, else "". */
MODORI_PUBLIC const char *modori_record_get_suggestion (const ModoriRecord *record);
MODORI_PUBLIC const char *modori_record_get_origin (const ModoriRecord *record);

/** modori_record_get_reason: Returns: the classified reason. */
MODORI_PUBLIC ModoriReason modori_record_get_reason (const ModoriRecord *record);

/** modori_record_get_hard_bounce: Returns: %TRUE for a permanent, address-level failure. */
MODORI_PUBLIC gboolean modori_record_get_hard_bounce (const ModoriRecord *record);

/**
 * modori_record_get_field:
 * @name: a field name as in the JSON output ("recipient", "rhost", ...)
 *
 * Generic access to every string field, including those without a
 * dedicated getter. "reason" gives the reason's identifier and
 * "hardbounce" gives "true" or "false".
 *
 * Returns: (transfer none) (nullable): the value ("" when unknown), owned
 *   by the record; %NULL when @name is not a field.
 */
MODORI_PUBLIC const char *modori_record_get_field (const ModoriRecord *record,
                                                   const char         *name);

/**
 * modori_record_field_names:
 * Returns: (transfer none) (array zero-terminated=1): the field names in
 *   output order. Static storage, never freed.
 */
MODORI_PUBLIC const char *const *modori_record_field_names (void);

/**
 * modori_record_to_json:
 * @pretty: indent with two spaces and put one field per line
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
