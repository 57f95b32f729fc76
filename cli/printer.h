/* printer.h: how analysis results are written (text, JSON or CSV). */
#ifndef MODORI_CLI_PRINTER_H
#define MODORI_CLI_PRINTER_H

#include <stdio.h>
#include <modori/modori.h>

typedef struct _Printer Printer;

struct _Printer {
  /* The text for one input's @report, whether or not it held bounces.
   * Reads no printer state, so it runs on the scan's workers (threads
   * or processes). */
  char *(*render) (Printer *printer, const char *input, ModoriReport *report);
  /* Prints what render() made, in input order; may keep state between
   * reports (a JSON array's commas). */
  void (*write) (Printer *printer, const char *text);
  /* Called once after the last input. */
  void (*finish) (Printer *printer);
  void (*free) (Printer *printer);
};

typedef struct {
  FILE *out;
  const char *lang;     /* "ja" or "en" */
  int width;            /* columns to wrap text output to */
  gboolean why;         /* show which rule decided the reason */
} PrinterOptions;

Printer *printer_text_new (const PrinterOptions *options);
Printer *printer_json_new (const PrinterOptions *options, gboolean lines);
Printer *printer_csv_new (const PrinterOptions *options);

#endif
