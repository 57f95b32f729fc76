/* printer.c: analyze's records through the structured printer: each
 * record a map of the library's fields (modori_record_field_names(), in
 * that order) in JSON, JSON Lines and CSV, the text for people in
 * printer-text.c. A worker renders one input's records; the parent puts
 * them in the output (a JSON array's items, CSV rows after the header). */
#include <string.h>

#include "printer.h"

struct _Printer {
  PrinterOptions options;
  GString *buffer;      /* the parent's output, until written */
  Sprinter *sp;         /* the parent's */
};

/* The sprinter a worker renders with: for JSON, items of the array
 * the parent opened. */
static Sprinter *
worker_sprinter (const PrinterOptions *options, GString *out)
{
  switch (options->format)
    {
    case PRINTER_JSON:
      return sprinter_json_new_items (out, SPRINTER_JSON, 1);
    case PRINTER_JSON_LINES:
      return sprinter_json_new (out, SPRINTER_JSON_LINES);
    case PRINTER_CSV:
      return sprinter_csv_new (out);
    case PRINTER_TEXT:
    default:
      {
        SprinterTextOptions text = { .width = options->width, .wrap_fields = TRUE };
        return sprinter_text_new (out, &text);
      }
    }
}

static void
put_record (Sprinter *sp, ModoriRecord *record)
{
  const char *const *names = modori_record_field_names ();

  sp->begin_map (sp);
  for (guint f = 0; names[f]; f++)
    {
      const char *value = modori_record_get_field (record, names[f]);

      sp->map_key (sp, names[f]);
      if (strcmp (names[f], "hardbounce") == 0)
        sp->boolean (sp, strcmp (value, "true") == 0);
      else
        sp->string (sp, value);
    }
  sp->end (sp);
}

void
printer_render (const Printer *printer, const char *input, ModoriReport *report, GString *out)
{
  Sprinter *sp = worker_sprinter (&printer->options, out);

  if (printer->options.format == PRINTER_TEXT)
    printer_text_render (&printer->options, sp, input, report);
  else
    for (guint i = 0; i < modori_report_get_n_records (report); i++)
      put_record (sp, modori_report_get_record (report, i));
  sp->free (sp);
}

static void
flush_buffer (Printer *printer)
{
  fwrite (printer->buffer->str, 1, printer->buffer->len, printer->options.out);
  g_string_truncate (printer->buffer, 0);
}

void
printer_write (Printer *printer, const char *rendered)
{
  printer->sp->items (printer->sp, rendered);
  flush_buffer (printer);
}

void
printer_finish (Printer *printer)
{
  if (printer->options.format == PRINTER_JSON)
    printer->sp->end (printer->sp);
  flush_buffer (printer);
  fflush (printer->options.out);
  printer->sp->free (printer->sp);
  g_string_free (printer->buffer, TRUE);
  g_free (printer);
}

Printer *
printer_new (const PrinterOptions *options)
{
  Printer *printer = g_new0 (Printer, 1);
  const char *const *names = modori_record_field_names ();

  printer->options = *options;
  printer->buffer = g_string_new (NULL);
  switch (options->format)
    {
    case PRINTER_JSON:
      printer->sp = sprinter_json_new (printer->buffer, SPRINTER_JSON);
      /* Its "[" waits in the buffer for the first items or the end. */
      printer->sp->begin_list (printer->sp);
      break;
    case PRINTER_CSV:
      printer->sp = sprinter_csv_new (printer->buffer);
      printer->sp->begin_list (printer->sp);
      for (guint f = 0; names[f]; f++)
        printer->sp->string (printer->sp, names[f]);
      printer->sp->end (printer->sp);
      flush_buffer (printer);
      break;
    default:
      printer->sp = worker_sprinter (options, printer->buffer);
    }
  return printer;
}
