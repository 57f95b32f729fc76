/* source-private.h: the sources the analyzer reads its input through, so
 * that a file or bytes given to it are split, unquoted and decompressed
 * as ModoriSource does for the CLI: one reader. */
#ifndef MODORI_SOURCE_PRIVATE_H
#define MODORI_SOURCE_PRIVATE_H

#include "modori/modori.h"

/* One file, whatever its name ("-" too); a directory is an error. */
ModoriSource *_modori_source_new_for_file (const char *path);

/* @length bytes at @data, not copied (they must outlive the source).
 * Errors name @name; origins are @origin, or "@origin#N" in an mbox. */
ModoriSource *_modori_source_new_for_data (const char *data, gsize length,
                                           const char *name, const char *origin);

/* The number of the mbox message last read or failed, 0 when none was
 * (a file of one message, or a failure before the first "From " line). */
guint _modori_source_get_number (const ModoriSource *source);

#endif
