/* printer.h: how analysis results are written (text or JSON). */
#ifndef MODORI_CLI_PRINTER_H
#define MODORI_CLI_PRINTER_H

#include <stdio.h>
#include <modori/modori.h>

typedef struct _Printer Printer;

struct _Printer {
  /* Called once per input, whether or not it held bounces. */
  void (*report) (Printer *printer, const char *input, ModoriReport *report);
  /* Optional, for formats with no state between reports: the text that
   * report() would write, made on any thread; write() prints it in
   * report()'s place. */
  char *(*render) (Printer *printer, ModoriReport *report);
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
/* Writes @value as one CSV cell, quoted when it needs to be. */
void printer_csv_put_cell (FILE *out, const char *value);

#endif
