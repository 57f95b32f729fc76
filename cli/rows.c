/* rows.c: see rows.h. */
#include <string.h>

#include "rows.h"

void
rows_add (GString *rows, const char *field)
{
  gsize length = field ? strlen (field) : 0;
  guint32 length32 = (guint32) MIN (length, G_MAXUINT32);

  g_string_append_len (rows, (const char *) &length32, sizeof length32);
  g_string_append_len (rows, field ? field : "", length32);
}

void
rows_reader_init (RowsReader *reader, const char *rows, gsize length)
{
  reader->p = rows;
  reader->end = rows + length;
}

gboolean
rows_next (RowsReader *reader, guint n_fields, char **fields)
{
  const char *p = reader->p;

  /* The whole row first: nothing half read. */
  for (guint i = 0; i < n_fields; i++)
    {
      guint32 length;

      if ((gsize) (reader->end - p) < sizeof length)
        return FALSE;
      memcpy (&length, p, sizeof length);
      p += sizeof length;
      if ((gsize) (reader->end - p) < length)
        return FALSE;
      p += length;
    }
  for (guint i = 0; i < n_fields; i++)
    {
      guint32 length;

      memcpy (&length, reader->p, sizeof length);
      reader->p += sizeof length;
      fields[i] = g_strndup (reader->p, length);
      reader->p += length;
    }
  return TRUE;
}
