/* scan.c: the choice of a way to run the scan (scan-private.h's
 * strategies): serial for -j 1, else worker processes, or worker threads
 * when processes cannot read the inputs. */
#include <stdio.h>

#include "scan-private.h"

/* Below this many bytes of input, starting workers costs more than they
 * save: a fork takes about as long as analyzing 40 small bounces. Most
 * single bounce files are far smaller. */
#define SMALL_INPUT (128 * 1024)

/* Workers for -j 0: one per processor, but none of their own for a
 * small input whose size is known. */
static int
automatic_jobs (const Scan *scan)
{
  if (scan_inputs_can_be_reread (scan->paths) &&
      modori_source_get_bytes_total (scan->source) < SMALL_INPUT)
    return 1;
  return MAX (1, (int) g_get_num_processors ());
}

gboolean
scan_run (ModoriAnalyzer *analyzer, char **paths, const ScanOptions *options)
{
  Scan scan = { .analyzer = analyzer, .paths = paths, .options = options };
  int jobs;
  /* In order of preference: the first that can run runs. */
  static const ScanStrategy *const serial[] = { &scan_serial };
  static const ScanStrategy *const parallel[] = { &scan_processes, &scan_threads };
  const ScanStrategy *const *strategy;

  g_return_val_if_fail (options->prepare && options->consume, FALSE);
  scan.started = g_get_monotonic_time ();
  /* Listed once: every reader, thread or process, numbers the same messages. */
  scan.source = modori_source_new ((const char *const *) paths);
  jobs = options->jobs > 0 ? MIN (options->jobs, SCAN_MAX_JOBS) : automatic_jobs (&scan);
  strategy = jobs == 1 ? serial : parallel;

  /* Processes when they can: GLib's GObject life cycle takes
   * process-wide locks (GLib 2.74: the signal lock in every dispose),
   * and GMime makes ~150 objects a message, so threads scale poorly. */
  while (!(*strategy)->run (&scan, jobs))
    strategy++;
  modori_source_free (scan.source);
  if (options->progress)
    fputs ("\r\033[K", stderr);
  return !scan.failed;
}
