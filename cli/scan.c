/* scan.c: the choice of a way to run the scan (scan-private.h's
 * strategies): serial for -j 1, else worker processes, or worker threads
 * when processes cannot read the inputs. */
#include <stdio.h>

#include "scan-private.h"

int
scan_default_jobs (void)
{
  return MAX (1, (int) g_get_num_processors ());
}

gboolean
scan_run (ModoriAnalyzer *analyzer, char **paths, const ScanOptions *options)
{
  Scan scan = { .analyzer = analyzer, .paths = paths, .options = options };
  int jobs = CLAMP (options->jobs, 1, SCAN_MAX_JOBS);
  /* In order of preference: the first that can run runs. */
  static const ScanStrategy *const serial[] = { &scan_serial };
  static const ScanStrategy *const parallel[] = { &scan_processes, &scan_threads };
  const ScanStrategy *const *strategy = jobs == 1 ? serial : parallel;

  g_return_val_if_fail (options->prepare && options->consume, FALSE);
  scan.started = g_get_monotonic_time ();

  /* Processes when they can: GLib's GObject life cycle takes
   * process-wide locks (GLib 2.74: the signal lock in every dispose),
   * and GMime makes ~150 objects a message, so threads scale poorly. */
  while (!(*strategy)->run (&scan, jobs))
    strategy++;
  if (options->progress)
    fputs ("\r\033[K", stderr);
  return !scan.failed;
}
