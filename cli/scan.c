/* scan.c: the choice of a way to run the scan (scan-private.h's
 * strategies): serial for -j 1, else worker threads or worker processes
 * that each read the inputs, or, on standard input, worker threads fed
 * by the calling thread. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
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

/* Whether worker processes come before worker threads. GLib before 2.80
 * takes a process-wide mutex (notify_lock, gobject.c) in the last
 * g_object_unref() of every object, and GMime makes some 50 objects a
 * message: there two threads reach 1.69x -j 1 and two processes 1.82x
 * (two cores). From 2.80 that lock is the object's own, and the threads
 * are the faster (1.72x against 1.64x), in one process whose memory is
 * counted once. MODORI_WORKERS=threads or processes chooses. */
static gboolean
processes_first (void)
{
  const char *choice = g_getenv ("MODORI_WORKERS");

  if (choice && strcmp (choice, "threads") == 0)
    return FALSE;
  if (choice && strcmp (choice, "processes") == 0)
    return TRUE;
  if (choice && *choice)
    commands_error ("warning: MODORI_WORKERS is neither 'threads' nor 'processes'; ignored");
  return glib_check_version (2, 80, 0) != NULL;
}

gboolean
scan_run (ModoriAnalyzer *analyzer, char **paths, const ScanOptions *options)
{
  Scan scan = { .analyzer = analyzer, .paths = paths, .options = options };
  int jobs;
  /* In order of preference: the first that can run runs. Worker
   * processes cannot read standard input, and may fail to start. */
  static const ScanStrategy *const serial[] = { &scan_serial };
  static const ScanStrategy *const processes[] = { &scan_processes, &scan_readers, &scan_threads };
  static const ScanStrategy *const threads[] = { &scan_readers, &scan_threads };
  const ScanStrategy *const *strategy;

  g_return_val_if_fail (options->prepare && options->consume, FALSE);
  scan.started = g_get_monotonic_time ();
  /* Listed once: every reader, thread or process, numbers the same messages. */
  scan.source = modori_source_new ((const char *const *) paths);
  jobs = options->jobs > 0 ? MIN (options->jobs, SCAN_MAX_JOBS) : automatic_jobs (&scan);
  strategy = jobs == 1 ? serial : processes_first () ? processes : threads;

  while (!(*strategy)->run (&scan, jobs))
    strategy++;
  modori_source_free (scan.source);
  if (options->progress)
    fputs ("\r\033[K", stderr);
  return !scan.failed;
}
