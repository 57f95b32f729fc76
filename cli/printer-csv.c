/* printer-csv.c: one CSV row per record (RFC 4180 quoting), after a
 * header line naming the record fields. */
#include <string.h>

#include "printer.h"

typedef struct {
  Printer base;
  FILE *out;
} CsvPrinter;

void
printer_csv_put_cell (FILE *out, const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      fputs (value, out);
      return;
    }
  fputc ('"', out);
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        fputc ('"', out);
      fputc (*p, out);
    }
  fputc ('"', out);
}

static void
append_cell (GString *out, const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Reads no printer state: runs on the scan's workers. */
static char *
csv_render (Printer *printer, const char *input, ModoriReport *report)
{
  const char *const *names = modori_record_field_names ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    {
      ModoriRecord *record = modori_report_get_record (report, i);

      for (guint f = 0; names[f]; f++)
        {
          if (f > 0)
            g_string_append_c (out, ',');
          append_cell (out, modori_record_get_field (record, names[f]));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
csv_write (Printer *printer, const char *text)
{
  fputs (text, ((CsvPrinter *) printer)->out);
}

static void
csv_finish (Printer *printer)
{
  fflush (((CsvPrinter *) printer)->out);
}

static void
csv_free (Printer *printer)
{
  g_free (printer);
}

Printer *
printer_csv_new (const PrinterOptions *options)
{
  CsvPrinter *self = g_new0 (CsvPrinter, 1);
  const char *const *names = modori_record_field_names ();

  self->base.render = csv_render;
  self->base.write = csv_write;
  self->base.finish = csv_finish;
  self->base.free = csv_free;
  self->out = options->out;
  for (guint f = 0; names[f]; f++)
    fprintf (self->out, "%s%s", f ? "," : "", names[f]);
  fputc ('\n', self->out);
  return &self->base;
}
