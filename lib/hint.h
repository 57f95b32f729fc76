/* hint.h: finer guidance for a record, from its address and reply. */
#ifndef MODORI_HINT_H
#define MODORI_HINT_H

#include "record-private.h"

/* The hint identifier that applies to @record (its reason must already be
 * set), or NULL. Static strings; see doc/hints.md. When the hint comes
 * from a flaw of the recipient address and @suggestion is not NULL, the
 * corrected address is stored there (newly allocated; else NULL). */
const char *_modori_hint_detect (const ModoriRecord *record, char **suggestion);

/* Sets the record's hint and suggestion fields. */
void _modori_hint_apply (ModoriRecord *record);

#endif
