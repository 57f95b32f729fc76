/* reader.c: reads a file as a stream, decompressing gzip (any number of
 * members) or xz when its first bytes say so, within the limits of
 * bounds.h: what a compressed file expands to, the xz decoder's memory. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <lzma.h>
#include <zlib.h>

#include "modori/modori.h"
#include "bounds.h"
#include "reader.h"

typedef enum { KIND_PLAIN, KIND_GZIP, KIND_XZ } Kind;

#define CHUNK 65536
#define FIRST_LOOK 4096

struct _ModoriReader {
  int fd;              /* -1 for bytes in memory */
  const char *data;    /* those bytes */
  Kind kind;
  guint8 in[CHUNK];
  gsize in_len, in_pos;
  gboolean in_eof, out_eof;
  guint64 raw, limit;
  guint64 out;         /* decompressed bytes given out */
  z_stream z;
  lzma_stream x;
};

/* Reads up to @want more bytes (at most CHUNK) once the last are used. */
static gboolean
fill (ModoriReader *self, gsize want, GError **error)
{
  ssize_t got;

  if (self->in_pos < self->in_len || self->in_eof)
    return TRUE;
  if (self->data)
    {
      got = MIN ((guint64) MIN (want, CHUNK), self->limit - self->raw);
      memcpy (self->in, self->data + self->raw, got);
    }
  else
    do
      got = read (self->fd, self->in, MIN ((guint64) want, self->limit - self->raw));
    while (got < 0 && errno == EINTR);
  if (got < 0)
    {
      int saved = errno;
      g_set_error_literal (error, MODORI_ERROR, MODORI_ERROR_IO, g_strerror (saved));
      return FALSE;
    }
  /* A regular file is read up to its size when listed: ending sooner,
   * it was cut meanwhile, and what was read last may be a cut message. */
  if (got == 0 && self->limit != G_MAXUINT64 && self->raw < self->limit)
    {
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_IO,
                   "the file ended at byte %" G_GUINT64_FORMAT " of the %" G_GUINT64_FORMAT
                   " it had when listed: it shrank during the scan", self->raw, self->limit);
      return FALSE;
    }
  self->in_len = got;
  self->in_pos = 0;
  self->raw += got;
  if (got == 0 || self->raw == self->limit)
    self->in_eof = TRUE;
  return TRUE;
}

static ModoriReader *
reader_new (int fd, const char *data, guint64 limit, GError **error)
{
  static const guint8 xz_magic[] = { 0xFD, '7', 'z', 'X', 'Z', 0 };
  ModoriReader *self = g_new0 (ModoriReader, 1);

  self->fd = fd;
  self->data = data;
  self->limit = limit;
  /* A first look only: enough for the magic numbers and a message's
   * first bytes. A reader that passes a file over reads no more. */
  if (!fill (self, FIRST_LOOK, error))
    {
      _modori_reader_free (self);
      return NULL;
    }
  if (self->in_len >= 2 && self->in[0] == 0x1f && self->in[1] == 0x8b)
    {
      self->kind = KIND_GZIP;
      /* 16 + MAX_WBITS: a gzip header, not a zlib one. */
      if (inflateInit2 (&self->z, 16 + MAX_WBITS) != Z_OK)
        g_error ("zlib: out of memory");
    }
  else if (self->in_len >= sizeof xz_magic && memcmp (self->in, xz_magic, sizeof xz_magic) == 0)
    {
      lzma_stream init = LZMA_STREAM_INIT;
      self->kind = KIND_XZ;
      self->x = init;
      if (lzma_stream_decoder (&self->x, MODORI_MAX_XZ_MEMORY, LZMA_CONCATENATED) != LZMA_OK)
        g_error ("liblzma: out of memory");
    }
  return self;
}

ModoriReader *
_modori_reader_new (int fd, guint64 limit, GError **error)
{
  return reader_new (fd, NULL, limit, error);
}

ModoriReader *
_modori_reader_new_for_data (const char *data, gsize length)
{
  /* Reading memory never fails. */
  return reader_new (-1, data ? data : "", length, NULL);
}

void
_modori_reader_free (ModoriReader *self)
{
  if (self == NULL)
    return;
  if (self->kind == KIND_GZIP)
    inflateEnd (&self->z);
  else if (self->kind == KIND_XZ)
    lzma_end (&self->x);
  if (self->fd > STDIN_FILENO)
    close (self->fd);
  g_free (self);
}

guint64
_modori_reader_raw_offset (const ModoriReader *self)
{
  return self->raw;
}

static gssize
corrupt (ModoriReader *self, const char *what, GError **error)
{
  g_set_error_literal (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT, what);
  return -1;
}

static gssize
read_gzip (ModoriReader *self, char *buffer, gsize size, GError **error)
{
  self->z.next_out = (Bytef *) buffer;
  self->z.avail_out = size;
  while (self->z.avail_out == size && !self->out_eof)
    {
      int status;

      if (!fill (self, CHUNK, error))
        return -1;
      if (self->in_eof && self->in_pos == self->in_len)
        return corrupt (self, "truncated gzip data", error);
      self->z.next_in = self->in + self->in_pos;
      self->z.avail_in = self->in_len - self->in_pos;
      status = inflate (&self->z, Z_NO_FLUSH);
      self->in_pos = self->in_len - self->z.avail_in;
      if (status == Z_STREAM_END)
        {
          /* Concatenated members (gzip a >f; gzip b >>f) make one stream. */
          if (!fill (self, CHUNK, error))
            return -1;
          if (self->in_eof && self->in_pos == self->in_len)
            self->out_eof = TRUE;
          else
            inflateReset (&self->z);
        }
      else if (status != Z_OK && status != Z_BUF_ERROR)
        return corrupt (self, "corrupt gzip data", error);
    }
  return size - self->z.avail_out;
}

static gssize
read_xz (ModoriReader *self, char *buffer, gsize size, GError **error)
{
  self->x.next_out = (uint8_t *) buffer;
  self->x.avail_out = size;
  while (self->x.avail_out == size && !self->out_eof)
    {
      lzma_ret status;

      if (!fill (self, CHUNK, error))
        return -1;
      self->x.next_in = self->in + self->in_pos;
      self->x.avail_in = self->in_len - self->in_pos;
      status = lzma_code (&self->x, self->in_eof ? LZMA_FINISH : LZMA_RUN);
      self->in_pos = self->in_len - self->x.avail_in;
      if (status == LZMA_STREAM_END)
        self->out_eof = TRUE;
      else if (status == LZMA_BUF_ERROR && self->in_eof)
        return corrupt (self, "truncated xz data", error);
      else if (status == LZMA_MEMLIMIT_ERROR)
        {
          g_set_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT,
                       "the xz data needs %" G_GUINT64_FORMAT " MiB of memory to decompress, "
                       "over the limit of %d MiB", (guint64) (lzma_memusage (&self->x) >> 20),
                       MODORI_MAX_XZ_MEMORY >> 20);
          return -1;
        }
      else if (status != LZMA_OK && status != LZMA_BUF_ERROR)
        return corrupt (self, "corrupt xz data", error);
    }
  return size - self->x.avail_out;
}

/* A bomb (a small file of zeros that expands a thousandfold or more)
 * would cost time out of all proportion to its size. */
static gssize
within_expansion (ModoriReader *self, gssize got, GError **error)
{
  guint64 used = self->raw - (self->in_len - self->in_pos);

  if (got <= 0)
    return got;
  self->out += got;
  if (self->out <= MODORI_MAX_EXPANSION_BASE ||
      (self->out - MODORI_MAX_EXPANSION_BASE) / MODORI_MAX_EXPANSION <= used)
    return got;
  g_set_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT,
               "%" G_GUINT64_FORMAT " bytes decompressed from %" G_GUINT64_FORMAT
               " bytes, over the limit of %d MiB plus %d times the compressed size:"
               " the rest of the file is not read", self->out, used,
               MODORI_MAX_EXPANSION_BASE >> 20, MODORI_MAX_EXPANSION);
  return -1;
}

gssize
_modori_reader_read (ModoriReader *self, char *buffer, gsize size, GError **error)
{
  gsize n;

  switch (self->kind)
    {
    case KIND_GZIP:
      return within_expansion (self, read_gzip (self, buffer, size, error), error);
    case KIND_XZ:
      return within_expansion (self, read_xz (self, buffer, size, error), error);
    case KIND_PLAIN:
    default:
      if (!fill (self, CHUNK, error))
        return -1;
      n = MIN (size, self->in_len - self->in_pos);
      memcpy (buffer, self->in + self->in_pos, n);
      self->in_pos += n;
      return n;
    }
}
