/* bounds.h: the limits on work per message, so that no stranger's mail
 * costs more than time linear in its size. Documented in README.md
 * ("Limits"); each one, when hit, adds a warning to the report. */
#ifndef MODORI_BOUNDS_H
#define MODORI_BOUNDS_H

#include <gmime/gmime.h>

#include "mime-util.h"   /* MODORI_MAX_MIME_DEPTH: deeper parts are not read */

/* Records kept per message; a report naming more recipients is cut. */
#define MODORI_MAX_RECIPIENTS 10000

/* Longest header value read (bytes, unfolded); longer headers are dropped
 * before analysis. */
#define MODORI_MAX_HEADER_BYTES (64 * 1024)

#ifdef MODORI_COMPILATION
#include "report-private.h"

/* Drops @message's oversized headers and warns about them and about MIME
 * nesting deeper than MODORI_MAX_MIME_DEPTH; @name names the message. */
void _modori_bounds_check_message (GMimeMessage *message, const char *name, ModoriReport *report);

/* Cuts @records (of ModoriRecord*) to MODORI_MAX_RECIPIENTS, with a warning. */
void _modori_bounds_cap_records (GPtrArray *records, const char *name, ModoriReport *report);
#endif

#endif
