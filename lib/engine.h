/* engine.h: the interface of a bounce format decoder.
 *
 * An engine knows one family of bounce formats. It keeps no state, so
 * the registry is shared by all threads. To add one: write
 * lib/engines/NAME.c exporting one const ModoriEngine, add it to the
 * table in lib/engines/registry.c, and add testdata/NAME/.
 *
 * What an engine's messages show in their headers it states as data, its
 * signature: the registry reads the message's headers once for all the
 * engines (lib/engines/index.h) and asks no engine whose signature fails.
 * The sniff is left what data cannot say: MIME structure, the body, a
 * prefix rather than a substring, a count of clues. */
#ifndef MODORI_ENGINE_H
#define MODORI_ENGINE_H

#include <gmime/gmime.h>

#include "bounce.h"
#include "record-private.h"

/* A fact about a message's headers: header @name is there (@needles
 * NULL), or one of its occurrences (such as one Received line of many)
 * contains one of @needles (NULL-terminated, each of two bytes or more),
 * as _modori_header_contains() reads it (ASCII case-insensitive, the
 * decoded value). A list of facts ends with one whose @name is NULL. */
typedef struct {
  const char *name;
  const char *const *needles;
} ModoriHeaderFact;

/* The headers an engine's messages have: every fact of @all (NULL: none)
 * and, when @any is not NULL, at least one of @any. Beside a sniff, it
 * must hold for every message the sniff takes: it only spares the call. */
typedef struct {
  const ModoriHeaderFact *all;
  const ModoriHeaderFact *any;
} ModoriSignature;

/* Both take the message's context (bounce.h): the message, read and never
 * changed, and what is made of it once for all the engines (its text).
 * Engines call it @context and the message it holds @bounce. */
typedef struct {
  /* Written to each record's decodedby. */
  const char *name;
  /* A cheap look at headers and structure: could this be ours? Asked
   * only when the signature holds; NULL when the signature says it all. */
  gboolean (*sniff) (ModoriBounce *context);
  /* Appends one record per affected recipient to @records, filling what
   * the format states (recipient, action, status, diagnostic, hosts,
   * dates...). The analyzer completes the rest (original message,
   * codes found in the text, reason, hint). Returns FALSE when the
   * message turned out not to be of this format after all. */
  gboolean (*parse) (ModoriBounce *context, GPtrArray *records);
  /* What the message's headers must show; NULL: any message may be ours. */
  const ModoriSignature *signature;
} ModoriEngine;

/* NULL-terminated, in the order they are tried. */
extern const ModoriEngine *const _modori_engines[];

/* Lets the first engine (in the table's order, @skip left out; it may be
 * NULL) whose signature, sniff() and parse() succeed with at least one recipient
 * append its records to @records, and returns TRUE. An engine that knew
 * the format but found no recipient leaves the message to the next ones
 * (the free-form reader last); what it appended is dropped. FALSE when no
 * engine decodes the message: @records is as it was. The one loop over
 * the engines: the analyzer's, for a forwarded bounce too, and x5's for
 * the bounce it carries. */
gboolean _modori_engines_decode (ModoriBounce *context, const ModoriEngine *skip, GPtrArray *records);

/* Builds the engines' index and tables now. */
void _modori_engines_prepare (void);

#endif
