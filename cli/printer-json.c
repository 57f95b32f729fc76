/* printer-json.c: records as one JSON array, or as JSON lines. */
#include "printer.h"

typedef struct {
  Printer base;
  FILE *out;
  gboolean lines;
  guint n_written;
} JsonPrinter;

/* Indents a pretty-printed object one level further, for the array. */
static void
write_indented (FILE *out, const char *json)
{
  fputs ("  ", out);
  for (const char *p = json; *p; p++)
    {
      fputc (*p, out);
      if (*p == '\n')
        fputs ("  ", out);
    }
}

static void
json_report (Printer *printer, const char *input, ModoriReport *report)
{
  JsonPrinter *self = (JsonPrinter *) printer;

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    {
      ModoriRecord *record = modori_report_get_record (report, i);
      g_autofree char *json = modori_record_to_json (record, !self->lines);

      if (self->lines)
        fprintf (self->out, "%s\n", json);
      else
        {
          fputs (self->n_written == 0 ? "[\n" : ",\n", self->out);
          write_indented (self->out, json);
        }
      self->n_written++;
    }
}

/* JSON lines: each record on its own line, whatever came before. */
static char *
json_render (Printer *printer, ModoriReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    {
      g_autofree char *json = modori_record_to_json (modori_report_get_record (report, i), FALSE);

      g_string_append (out, json);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
json_write (Printer *printer, const char *text)
{
  fputs (text, ((JsonPrinter *) printer)->out);
}

static void
json_finish (Printer *printer)
{
  JsonPrinter *self = (JsonPrinter *) printer;

  if (!self->lines)
    fputs (self->n_written == 0 ? "[]\n" : "\n]\n", self->out);
  fflush (self->out);
}

static void
json_free (Printer *printer)
{
  g_free (printer);
}

Printer *
printer_json_new (const PrinterOptions *options, gboolean lines)
{
  JsonPrinter *self = g_new0 (JsonPrinter, 1);

  self->base.report = json_report;
  self->base.finish = json_finish;
  self->base.free = json_free;
  self->out = options->out;
  self->lines = lines;
  if (lines)
    {
      self->base.render = json_render;
      self->base.write = json_write;
    }
  return &self->base;
}
