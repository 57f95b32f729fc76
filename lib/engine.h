/* engine.h: the interface of a bounce format decoder.
 *
 * An engine knows one family of bounce formats. It keeps no state, so
 * the registry is shared by all threads. To add one: write
 * lib/engines/NAME.c exporting one const ModoriEngine, add it to the
 * table in lib/engines/registry.c, and add testdata/NAME/. */
#ifndef MODORI_ENGINE_H
#define MODORI_ENGINE_H

#include <gmime/gmime.h>

#include "bounce.h"
#include "record-private.h"

/* Both take the message's context (bounce.h): the message, read and never
 * changed, and what is made of it once for all the engines (its text).
 * Engines call it @context and the message it holds @bounce. */
typedef struct {
  /* Written to each record's decodedby. */
  const char *name;
  /* A cheap look at headers and structure: could this be ours? */
  gboolean (*sniff) (ModoriBounce *context);
  /* Appends one record per affected recipient to @records, filling what
   * the format states (recipient, action, status, diagnostic, hosts,
   * dates...). The analyzer completes the rest (original message,
   * codes found in the text, reason, hint). Returns FALSE when the
   * message turned out not to be of this format after all. */
  gboolean (*parse) (ModoriBounce *context, GPtrArray *records);
} ModoriEngine;

/* NULL-terminated, in the order they are tried. */
extern const ModoriEngine *const _modori_engines[];

/* Lets the first engine (in the table's order, @skip left out; it may be
 * NULL) whose sniff() and parse() succeed with at least one recipient
 * append its records to @records, and returns TRUE. An engine that knew
 * the format but found no recipient leaves the message to the next ones
 * (the free-form reader last); what it appended is dropped. FALSE when no
 * engine decodes the message: @records is as it was. The one loop over
 * the engines: the analyzer's, for a forwarded bounce too, and x5's for
 * the bounce it carries. */
gboolean _modori_engines_decode (ModoriBounce *context, const ModoriEngine *skip, GPtrArray *records);

#endif
