/* fuzz-message.c: a whole analysis from raw bytes (a message or an
 * mbox), as modori_analyzer_analyze_data() gets them, then every record
 * and warning of the report read back. */
#include <modori/modori.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ModoriAnalyzer *analyzer;
  GError *error = NULL;
  ModoriReport *report;

  if (analyzer == NULL)
    {
      /* Delivered and vacation records too: more of the code is reached. */
      analyzer = modori_analyzer_new ();
      modori_analyzer_set_include_delivered (analyzer, TRUE);
      modori_analyzer_set_include_vacation (analyzer, TRUE);
    }
  report = modori_analyzer_analyze_data (analyzer, (const char *) data, size, "fuzz", &error);
  if ((report == NULL) == (error == NULL))
    g_error ("analyze_data gave %s", report ? "a report and an error" : "neither report nor error");
  if (report == NULL)
    {
      g_error_free (error);
      return 0;
    }
  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    {
      ModoriRecord *record = modori_report_get_record (report, i);
      char *json = modori_record_to_json (record, i % 2 == 0);

      if (!g_utf8_validate (json, -1, NULL))
        g_error ("record %u: JSON is not UTF-8", i);
      g_free (json);
      modori_guidance_for_reason (modori_record_get_reason (record), "en", MODORI_GUIDANCE_TODO);
    }
  for (guint i = 0; i < modori_report_get_n_warnings (report); i++)
    if (!g_utf8_validate (modori_report_get_warning (report, i), -1, NULL))
      g_error ("warning %u is not UTF-8", i);
  modori_report_unref (report);
  return 0;
}
