/* scan-private.h: what the ways of running a scan (serial, threads,
 * processes) share. */
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
  ModoriSource *source;          /* NULL while worker processes read */
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
/* Redraws the progress line, at most five times a second unless @force. */
void scan_draw_progress (Scan *scan, gboolean force);
/* The source's counters into @scan, for the progress line. */
void scan_update_bytes (Scan *scan);

void scan_run_threads (Scan *scan, int jobs);
/* FALSE when processes cannot read these inputs (standard input, a
 * pipe); nothing was read then. */
gboolean scan_run_processes (Scan *scan, int jobs);

#endif
