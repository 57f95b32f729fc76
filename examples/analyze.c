/* analyze.c: the README's example. Prints each failed recipient of the
 * bounces given, its reason, and what to do, in Japanese.
 *   cc analyze.c $(pkg-config --cflags --libs modori) -o analyze */
#include <stdio.h>
#include <modori/modori.h>

int
main (int argc, char **argv)
{
  g_autoptr (ModoriAnalyzer) analyzer = modori_analyzer_new ();

  for (int arg = 1; arg < argc; arg++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ModoriReport) report = modori_analyzer_analyze_file (analyzer, argv[arg], &error);

      if (report == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          continue;
        }
      for (guint i = 0; i < modori_report_get_n_records (report); i++)
        {
          ModoriRecord *record = modori_report_get_record (report, i);
          ModoriReason reason = modori_record_get_reason (record);

          printf ("%s: %s\n  %s\n", modori_record_get_recipient (record),
                  modori_reason_to_string (reason),
                  modori_guidance_for_reason (reason, "ja", MODORI_GUIDANCE_TODO));
        }
    }
  return 0;
}
