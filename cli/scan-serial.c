/* scan-serial.c: -j 1: each message read, analyzed and let out in turn,
 * on the calling thread. */
#include "scan-private.h"

static gboolean
run_serial (Scan *scan, int jobs)
{
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      ScanResult result = { modori_source_next (scan->source, &error) };

      if (result.message == NULL && error == NULL)
        break;
      scan_analyze (scan, &result, error);
      scan_emit (scan, &result);
      if (scan->stopped)
        break;
      scan_update_bytes (scan);
      scan_draw_progress (scan, FALSE);
    }
  return TRUE;
}

const ScanStrategy scan_serial = { "serial", run_serial };
