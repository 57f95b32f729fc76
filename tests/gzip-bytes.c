/* gzip-bytes.c: see gzip-bytes.h. */
#include <zlib.h>

#include "gzip-bytes.h"

GByteArray *
gzip_bytes (const char *data, gsize length)
{
  GByteArray *out = g_byte_array_sized_new (length + 64);
  z_stream z = { 0 };

  /* 16 + MAX_WBITS: a gzip header and trailer, not zlib's. */
  g_assert_cmpint (deflateInit2 (&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), ==, Z_OK);
  g_byte_array_set_size (out, deflateBound (&z, length));
  z.next_in = (Bytef *) data;
  z.avail_in = length;
  z.next_out = out->data;
  z.avail_out = out->len;
  g_assert_cmpint (deflate (&z, Z_FINISH), ==, Z_STREAM_END);
  g_byte_array_set_size (out, z.total_out);
  deflateEnd (&z);
  return out;
}
