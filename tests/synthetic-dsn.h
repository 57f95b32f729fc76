/* synthetic-dsn.h: a minimal RFC 3464 bounce, built in memory for the
 * malformed-input tests and the large-bounce benchmark. */
#ifndef MODORI_TESTS_SYNTHETIC_DSN_H
#define MODORI_TESTS_SYNTHETIC_DSN_H

#include <glib.h>

/* A bounce from mx.example.org whose delivery-status body is @status,
 * with @extra_headers (each ending in a newline, or "") among its
 * headers, its text part in @charset (nullable: none declared) and
 * @original (nullable) returned as message/rfc822. */
GString *synthetic_dsn (const char *extra_headers, const char *status,
                        const char *charset, const char *original);

#endif
