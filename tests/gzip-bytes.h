/* gzip-bytes.h: compressing test input in memory (the tests of the
 * reader's gzip support need a .gz made at run time). */
#ifndef MODORI_TESTS_GZIP_BYTES_H
#define MODORI_TESTS_GZIP_BYTES_H

#include <glib.h>

/* @data as one gzip member (RFC 1952). Free with g_byte_array_unref. */
GByteArray *gzip_bytes (const char *data, gsize length);

#endif
