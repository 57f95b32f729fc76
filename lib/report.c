/* report.c: the records and warnings of one input. */
#include "report-private.h"

struct _ModoriReport {
  gint ref_count;
  GPtrArray *records;    /* of ModoriRecord*, owned */
  GPtrArray *warnings;   /* of char*, owned */
  guint n_messages;
};

ModoriReport *
_modori_report_new (void)
{
  ModoriReport *report = g_new0 (ModoriReport, 1);

  report->ref_count = 1;
  report->records = g_ptr_array_new_with_free_func ((GDestroyNotify) modori_record_unref);
  report->warnings = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
_modori_report_add_record (ModoriReport *report, ModoriRecord *record)
{
  g_ptr_array_add (report->records, record);
}

void
_modori_report_add_warning (ModoriReport *report, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (report->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

void
_modori_report_count_message (ModoriReport *report)
{
  report->n_messages++;
}

ModoriReport *
modori_report_ref (ModoriReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_atomic_int_inc (&report->ref_count);
  return report;
}

void
modori_report_unref (ModoriReport *report)
{
  if (report == NULL || !g_atomic_int_dec_and_test (&report->ref_count))
    return;
  g_ptr_array_unref (report->records);
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

guint
modori_report_get_n_records (const ModoriReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->records->len;
}

ModoriRecord *
modori_report_get_record (const ModoriReport *report, guint index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->records->len, NULL);
  return g_ptr_array_index (report->records, index);
}

guint
modori_report_get_n_messages (const ModoriReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_messages;
}

guint
modori_report_get_n_warnings (const ModoriReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->warnings->len;
}

const char *
modori_report_get_warning (const ModoriReport *report, guint index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->warnings->len, NULL);
  return g_ptr_array_index (report->warnings, index);
}
