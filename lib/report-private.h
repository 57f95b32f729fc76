/* report-private.h: how the analyzer fills a report. */
#ifndef MODORI_REPORT_PRIVATE_H
#define MODORI_REPORT_PRIVATE_H

#include "record-private.h"

ModoriReport *_modori_report_new (void);
/* Takes ownership of @record. */
void _modori_report_add_record (ModoriReport *report, ModoriRecord *record);
void _modori_report_add_warning (ModoriReport *report, const char *format, ...) G_GNUC_PRINTF (2, 3);
void _modori_report_count_message (ModoriReport *report);

#endif
