/* printer-csv.c: one CSV row per record, after a header line naming the
 * record fields; each field quoted as RFC 4180 says and kept from acting
 * as a formula (escape.h). */
#include "escape.h"
#include "printer.h"

typedef struct {
  Printer base;
  FILE *out;
} CsvPrinter;

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
          escape_append_csv_field (out, modori_record_get_field (record, names[f]));
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
