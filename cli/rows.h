/* rows.h: the rows a scan's worker sends its parent (summary's and
 * suppress's), as fields that each carry their length: no byte of a
 * bounce can be taken for a separator, and nothing is escaped and
 * parsed back. */
#ifndef MODORI_CLI_ROWS_H
#define MODORI_CLI_ROWS_H

#include <glib.h>

/* Appends @field (NULL is "") to @rows: its length, 32 bits in the
 * machine's order (parent and worker are the same program), then its
 * bytes. */
void rows_add (GString *rows, const char *field);

typedef struct {
  const char *p, *end;
} RowsReader;

void rows_reader_init (RowsReader *reader, const char *rows, gsize length);

/* Reads the next row of @n_fields fields into @fields, each newly
 * allocated (free with g_free). FALSE at the end, or when the rest is
 * not a whole row (then nothing is stored). */
gboolean rows_next (RowsReader *reader, guint n_fields, char **fields);

#endif
