/* modori-report.h: the result of analyzing one input. */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_REPORT_H
#define MODORI_REPORT_H

#include <modori/modori-types.h>
#include <modori/modori-record.h>

G_BEGIN_DECLS

/**
 * ModoriReport:
 *
 * What one input (a message, or every message of an mbox file) gave:
 * zero or more records, one per affected recipient, in the order the
 * bounces list them, plus warnings about parts that could not be read
 * (e.g. "message 3: truncated"). A report with no records means "not a
 * bounce". Reference-counted; use from one thread at a time.
 */
typedef struct _ModoriReport ModoriReport;

/**
 * MODORI_TYPE_REPORT:
 *
 * The #GType of #ModoriReport, a boxed type.
 */
#define MODORI_TYPE_REPORT (modori_report_get_type ())
MODORI_PUBLIC GType modori_report_get_type (void) G_GNUC_CONST;

/**
 * modori_report_ref: (skip)
 * @report: a #ModoriReport
 *
 * Takes one more reference to @report.
 *
 * Returns: (transfer full): @report
 */
MODORI_PUBLIC ModoriReport *modori_report_ref (ModoriReport *report);

/**
 * modori_report_unref: (skip)
 * @report: (nullable): a #ModoriReport
 *
 * Drops one reference to @report; frees it at zero.
 */
MODORI_PUBLIC void modori_report_unref (ModoriReport *report);

/**
 * modori_report_get_n_records:
 * @report: a #ModoriReport
 *
 * The number of records: affected recipients, over every message.
 *
 * Returns: how many records the report holds
 */
MODORI_PUBLIC guint modori_report_get_n_records (const ModoriReport *report);

/**
 * modori_report_get_record:
 * @report: a #ModoriReport
 * @index: 0 to modori_report_get_n_records() - 1
 *
 * One record of the report.
 *
 * Returns: (transfer none): the record, owned by the report; take a
 *   reference with modori_record_ref() to keep it longer
 */
MODORI_PUBLIC ModoriRecord *modori_report_get_record (const ModoriReport *report,
                                                      guint               index);

/**
 * modori_report_get_n_messages:
 * @report: a #ModoriReport
 *
 * The number of messages the input held.
 *
 * Returns: how many messages the input held (1 for a single message)
 */
MODORI_PUBLIC guint modori_report_get_n_messages (const ModoriReport *report);

/**
 * modori_report_get_n_warnings:
 * @report: a #ModoriReport
 *
 * The number of warnings about parts that could not be read.
 *
 * Returns: how many warnings the report holds
 */
MODORI_PUBLIC guint modori_report_get_n_warnings (const ModoriReport *report);

/**
 * modori_report_get_warning:
 * @report: a #ModoriReport
 * @index: 0 to modori_report_get_n_warnings() - 1
 *
 * One warning of the report.
 *
 * Returns: (transfer none): warning @index, a UTF-8 sentence naming the
 *   message number where it applies; owned by the report
 */
MODORI_PUBLIC const char *modori_report_get_warning (const ModoriReport *report,
                                                     guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModoriReport, modori_report_unref)

G_END_DECLS

#endif /* MODORI_REPORT_H */
