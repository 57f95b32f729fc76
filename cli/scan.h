/* scan.h: analyzes every message of some inputs on N workers and hands
 * the results back in input order. */
#ifndef MODORI_CLI_SCAN_H
#define MODORI_CLI_SCAN_H

#include <modori/modori.h>

/* More workers than this gain nothing and each costs memory: -j is cut
 * to it. */
#define SCAN_MAX_JOBS 64

typedef struct {
  int jobs;           /* workers; 1 analyzes on the calling thread; 0
                       * chooses: one per processor, or the calling
                       * thread alone for a small input */
  gboolean progress;  /* draw a progress line on stderr */
  /* prepare() runs on a worker as soon as a message is analyzed: it
   * must touch no shared state. It appends to @prepared what the
   * command keeps of @report: rows (rows.h) or rendered output, any
   * bytes. consume() then gets those bytes on the calling thread, in
   * input order, with the report's number of records. The workers are
   * threads or processes (scan.c); only threads on standard input. */
  void (*prepare) (gpointer user_data, const ModoriSourceMessage *message, ModoriReport *report,
                   GString *prepared);
  /* Returns FALSE when the output cannot be written: the scan stops. */
  gboolean (*consume) (gpointer user_data, const char *prepared, gsize length, guint n_records);
  gpointer user_data;
} ScanOptions;

/* Errors and warnings go to stderr, in input order too. Returns FALSE
 * when some input or message could not be read, or consume() stopped
 * the scan. */
gboolean scan_run (ModoriAnalyzer *analyzer, char **paths, const ScanOptions *options);

#endif
