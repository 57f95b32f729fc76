/* scan.h: analyzes every message of some inputs on N threads and hands
 * the reports back in input order. */
#ifndef MODORI_CLI_SCAN_H
#define MODORI_CLI_SCAN_H

#include <modori/modori.h>

typedef struct {
  int jobs;           /* worker threads; 1 analyzes on the calling thread */
  gboolean progress;  /* draw a progress line on stderr */
  /* Called on the calling thread, in input order, for each message. */
  void (*report) (gpointer user_data, const ModoriSourceMessage *message, ModoriReport *report);
  gpointer user_data;
} ScanOptions;

/* Errors go to stderr, in input order too. Returns FALSE when some input
 * or message could not be read. */
gboolean scan_run (ModoriAnalyzer *analyzer, char **paths, const ScanOptions *options);

/* The default for -j: the number of processors. */
int scan_default_jobs (void);

#endif
