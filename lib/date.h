/* date.h: the dates of bounces (RFC 5322 date-time) as record timestamps. */
#ifndef MODORI_DATE_H
#define MODORI_DATE_H

#include <gmime/gmime.h>

G_BEGIN_DECLS

/* ISO 8601 of an RFC 5322 date-time, "2024-03-05T10:22:31+09:00": the
 * time as written with its zone's offset. A zone given as a name is read
 * from a small table (RFC 5322's obsolete names and a few unambiguous
 * others, JST among them); when the zone is unknown (-0000, an unknown
 * or ambiguous name, a military letter, none at all) the offset is
 * "-00:00": the time as written, taken as UT with the local offset
 * unknown, as RFC 5322 (3.3, 4.3) reads -0000 and unknown names and
 * RFC 3339 writes it, rather than a claim of a known +00:00. NULL when @rfc5322_date is NULL, has no time of day, is longer
 * than any date or does not parse. Free with g_free. */
char *_modori_date_to_iso8601 (const char *rfc5322_date);

/* The same of @message's first Date field. */
char *_modori_date_message_iso8601 (GMimeMessage *message);

G_END_DECLS

#endif
