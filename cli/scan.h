/* scan.h: analyzes every message of some inputs on N threads and hands
 * the reports back in input order. */
#ifndef MODORI_CLI_SCAN_H
#define MODORI_CLI_SCAN_H

#include <modori/modori.h>

typedef struct {
  int jobs;           /* worker threads; 1 analyzes on the calling thread */
  gboolean progress;  /* draw a progress line on stderr */
  /* Optional. Called on a worker thread as soon as a message is
   * analyzed, so it must touch no shared state: makes the text that
   * report() will print, so that formatting runs in parallel too. */
  char *(*prepare) (gpointer user_data, const ModoriSourceMessage *message, ModoriReport *report);
  /* Called on the calling thread, in input order, for each message, with
   * what prepare() made (NULL without prepare()). */
  void (*report) (gpointer user_data, const ModoriSourceMessage *message, ModoriReport *report,
                  const char *prepared);
  gpointer user_data;
} ScanOptions;

/* Errors go to stderr, in input order too. Returns FALSE when some input
 * or message could not be read. */
gboolean scan_run (ModoriAnalyzer *analyzer, char **paths, const ScanOptions *options);

/* The default for -j: the number of processors. */
int scan_default_jobs (void);

#endif
