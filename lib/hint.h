/* hint.h: finer guidance for a record, from its address and reply. */
#ifndef MODORI_HINT_H
#define MODORI_HINT_H

#include "record-private.h"

/* The hint identifier that applies to @record (its reason must already be
 * set), or NULL. Static strings; see doc/hints.md. */
const char *_modori_hint_detect (const ModoriRecord *record);

/* Whether @address holds a comma between two letters or digits, as when
 * a dot was typed as a comma ("taro@example,co.jp"). */
gboolean _modori_hint_has_comma_for_dot (const char *address);

/* Whether @address holds full-width forms (U+FF01..U+FF5E) or the
 * ideographic space, which look like ASCII in many fonts. */
gboolean _modori_hint_has_fullwidth (const char *address);

#endif
