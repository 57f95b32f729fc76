/* scan-private.h: what the ways of running a scan (serial, threads,
 * processes) share: one message's analysis and output (scan-core.c),
 * and the strategy interface they implement. */
#ifndef MODORI_CLI_SCAN_PRIVATE_H
#define MODORI_CLI_SCAN_PRIVATE_H

#include "scan.h"

/* One message's outcome, from its analysis to its output. */
typedef struct {
  ModoriSourceMessage *message;  /* NULL for a read error, and in the
                                  * parent of worker processes */
  GString *prepared;             /* from prepare() */
  guint n_records;
  gboolean was_read;             /* a message, not a read error */
  char *error;                   /* the whole line to print, or NULL */
  char **warnings;               /* NULL-terminated, or NULL */
  gboolean done;                 /* analyzed: ready to be let out */
} ScanResult;

typedef struct {
  ModoriAnalyzer *analyzer;
  char **paths;
  const ScanOptions *options;
  ModoriSource *source;          /* the inputs, listed once by scan_run():
                                  * read by the calling thread, or by
                                  * workers from copies of it */
  guint64 bytes_read, bytes_total;
  guint64 n_messages;
  gint64 started, last_progress;
  gboolean failed;
  gboolean stopped;              /* consume() said the output failed */
} Scan;

/* Fills @result for its message (or its read error @error): analysis,
 * warnings, prepare(). Touches nothing shared. */
void scan_analyze (Scan *scan, ScanResult *result, const GError *error);
/* Prints @result's error and warnings, hands it to the command and
 * clears it. On the calling thread, in input order. Once consume() has
 * said the output fails, only clears: the scan is stopping. */
void scan_emit (Scan *scan, ScanResult *result);
/* Frees what @result holds and makes it empty. */
void scan_clear_result (ScanResult *result);
/* Whether every input is one that a second reader can open by name
 * (not standard input, a pipe or a device). */
gboolean scan_inputs_can_be_reread (char **paths);
/* Redraws the progress line, at most five times a second unless @force. */
void scan_draw_progress (Scan *scan, gboolean force);
/* The source's counters into @scan, for the progress line. */
void scan_update_bytes (Scan *scan);

/* A way of running a scan. scan.c chooses one; each uses the functions
 * above (scan-core.c) and none calls back into scan.c or another. */
typedef struct {
  const char *name;
  /* Reads the inputs (scan->paths) and analyzes and lets out every
   * message, with @jobs workers. FALSE when it cannot run here (worker
   * processes cannot read standard input or a pipe, or could not be
   * started): nothing was read then, and the next one is tried. */
  gboolean (*run) (Scan *scan, int jobs);
} ScanStrategy;

extern const ScanStrategy scan_serial;      /* on the calling thread */
extern const ScanStrategy scan_readers;     /* worker threads that each read */
extern const ScanStrategy scan_threads;     /* worker threads fed by the caller */
extern const ScanStrategy scan_processes;   /* worker processes */

#endif
