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
append_indented (GString *out, const char *json)
{
  g_string_append (out, "  ");
  for (const char *p = json; *p; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n')
        g_string_append (out, "  ");
    }
}

/* JSON lines: each record on its own line. An array: the report's
 * records, indented and separated by commas; write() adds the bracket
 * or the comma before them. */
static char *
json_render (Printer *printer, const char *input, ModoriReport *report)
{
  const JsonPrinter *self = (const JsonPrinter *) printer;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    {
      g_autofree char *json = modori_record_to_json (modori_report_get_record (report, i), !self->lines);

      if (self->lines)
        {
          g_string_append (out, json);
          g_string_append_c (out, '\n');
        }
      else
        {
          if (i > 0)
            g_string_append (out, ",\n");
          append_indented (out, json);
        }
    }
  return g_string_free (out, FALSE);
}

static void
json_write (Printer *printer, const char *text)
{
  JsonPrinter *self = (JsonPrinter *) printer;

  if (text[0] == '\0')
    return;
  if (!self->lines)
    fputs (self->n_written == 0 ? "[\n" : ",\n", self->out);
  fputs (text, self->out);
  self->n_written++;
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

  self->base.render = json_render;
  self->base.write = json_write;
  self->base.finish = json_finish;
  self->base.free = json_free;
  self->out = options->out;
  self->lines = lines;
  return &self->base;
}
