/* reader.h: bytes of a file or pipe, gunzipped or unxz'd on the fly. */
#ifndef MODORI_READER_H
#define MODORI_READER_H

#include <glib.h>

typedef struct _ModoriReader ModoriReader;

/* Takes @fd, of which it reads @limit bytes (G_MAXUINT64: all there is):
 * ending sooner is an error, the file shrank. Fails only on a read
 * error; errors name no file (the caller knows which). */
ModoriReader *_modori_reader_new (int fd, guint64 limit, GError **error);
/* The same over @length bytes at @data, not copied: they must outlive
 * the reader. */
ModoriReader *_modori_reader_new_for_data (const char *data, gsize length);
void _modori_reader_free (ModoriReader *reader);
/* Up to @size decompressed bytes; 0 at the end, -1 with @error set (also
 * past the limits of bounds.h on decompression: MODORI_MAX_EXPANSION,
 * MODORI_MAX_XZ_MEMORY). */
gssize _modori_reader_read (ModoriReader *reader, char *buffer, gsize size, GError **error);
/* Bytes taken from the file so far (compressed ones for a compressed file). */
guint64 _modori_reader_raw_offset (const ModoriReader *reader);

#endif
