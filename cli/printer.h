/* printer.h: how analyze writes its results (text, JSON, JSON Lines or
 * CSV), all through the structured printer (sprinter.h). */
#ifndef MODORI_CLI_PRINTER_H
#define MODORI_CLI_PRINTER_H

#include <stdio.h>
#include <modori/modori.h>

#include "sprinter.h"

typedef enum {
  PRINTER_TEXT,
  PRINTER_JSON,
  PRINTER_JSON_LINES,
  PRINTER_CSV,
} PrinterFormat;

typedef struct {
  FILE *out;
  PrinterFormat format;
  const char *lang;     /* "ja" or "en" */
  int width;            /* columns to wrap text output to */
  gboolean why;         /* show which rule decided the reason */
} PrinterOptions;

typedef struct _Printer Printer;

Printer *printer_new (const PrinterOptions *options);

/* Appends to @out what one input's @report shows, whether or not it
 * held bounces. Reads no printer state, so it runs on the scan's
 * workers (threads or processes). */
void printer_render (const Printer *printer, const char *input, ModoriReport *report, GString *out);

/* Prints what printer_render() made, in input order (a JSON array's
 * brackets and commas are added here). */
void printer_write (Printer *printer, const char *rendered);

/* After the last input; frees @printer. */
void printer_finish (Printer *printer);

/* printer-text.c: the text for people of one input's @report. */
void printer_text_render (const PrinterOptions *options, Sprinter *sp, const char *input, ModoriReport *report);

#endif
