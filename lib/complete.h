/* complete.h: what the analyzer adds to the records an engine wrote.
 *
 * An engine fills what its format states; completion fills the rest, in
 * a fixed order of steps (complete.c): the original's sender, message-id
 * and subject, the domains, codes, command and host found in the words
 * and the bounce's text, the date, the origin, then the reason and the
 * hint. What every record of a message shares is read once. */
#ifndef MODORI_COMPLETE_H
#define MODORI_COMPLETE_H

#include <gmime/gmime.h>

#include "bounce.h"
#include "record-private.h"

typedef struct _ModoriCompletion ModoriCompletion;

/* For the @records (of ModoriRecord*) that the engines decoded from
 * @bounce's message; both must outlive it. */
ModoriCompletion *_modori_completion_new (ModoriBounce *bounce, GPtrArray *records);
void _modori_completion_free (ModoriCompletion *completion);

/* Runs every step on @record, one of the completion's records, and sets
 * its origin to @origin. */
void _modori_completion_complete (ModoriCompletion *completion, ModoriRecord *record,
                                  const char *origin);

#endif
