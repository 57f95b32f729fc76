/* cmd-analyze.c: modori [OPTIONS] PATH... */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <modori/modori.h>

#include "commands.h"
#include "printer.h"
#include "scan.h"
#include "wrap.h"

static const char description[] =
  "Reads bounce mails (\"Undelivered Mail Returned to Sender\", MAILER-DAEMON\n"
  "messages) and explains, for each recipient that failed, what happened and\n"
  "what to do. PATH is a message file (.eml), an mbox, a Maildir or a\n"
  "directory of messages (read recursively); '-' reads standard input. Any\n"
  "of them may be gzip- or xz-compressed. Records are written as they are\n"
  "found, in input order whatever -j is.\n"
  "\n"
  "Without --lang, text is in the language of the first of LC_ALL,\n"
  "LC_MESSAGES and LANG that is set: Japanese for ja_JP.UTF-8 and the like,\n"
  "and for C, POSIX, C.UTF-8 or none; English for any other locale.\n"
  "\n"
  "Exit status:\n"
  "  0  at least one bounce was found\n"
  "  1  no input held a bounce\n"
  "  2  an input or a message could not be read (the rest is still analyzed),\n"
  "     a worker process failed, or bad usage";

typedef struct {
  Printer *printer;
  gboolean found;
} Analysis;

/* On a worker: the printer's text for @report. */
static void
on_prepare (gpointer user_data, const ModoriSourceMessage *message, ModoriReport *report, GString *prepared)
{
  Analysis *analysis = user_data;

  /* A message of an mbox that holds no bounce is no news. */
  if (modori_report_get_n_records (report) == 0 && modori_source_message_get_number (message) > 0)
    return;
  printer_render (analysis->printer, modori_source_message_get_origin (message), report, prepared);
}

static gboolean
on_consume (gpointer user_data, const char *prepared, gsize length, guint n_records)
{
  Analysis *analysis = user_data;

  if (length)
    printer_write (analysis->printer, prepared);
  if (n_records > 0)
    analysis->found = TRUE;
  /* A full disk: no use analyzing the rest. */
  return !ferror (stdout);
}

int
cmd_analyze (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  gboolean delivered = FALSE, vacation = FALSE, why = FALSE, version = FALSE, quiet = FALSE;
  int jobs = 0;
  g_auto (GStrv) paths = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default), json, jsonl or csv", "FORMAT" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Analyze with N workers (default: one per processor; none for less than 128 KiB of input)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress line on a terminal", NULL },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, "Language of text output: ja or en (default: from the locale)", "LANG" },
    { "why", 0, 0, G_OPTION_ARG_NONE, &why, "Show which rule decided each reason", NULL },
    { "delivered", 0, 0, G_OPTION_ARG_NONE, &delivered, "Also report successful deliveries", NULL },
    { "vacation", 0, 0, G_OPTION_ARG_NONE, &vacation, "Also report automatic replies (out of office)", NULL },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "PATH..." },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- explain bounce mails");
  int status;
  g_autoptr (ModoriAnalyzer) analyzer = NULL;
  PrinterOptions options = { .out = stdout };
  Printer *printer;
  Analysis analysis = { NULL };
  ScanOptions scan = { .prepare = on_prepare, .consume = on_consume, .user_data = &analysis };
  gboolean failed;
  g_autofree char *command_list = commands_list ();

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context, description);
  /* modori --help is this one: it lists the other commands too. */
  g_option_context_set_summary (context, command_list);
  if ((status = commands_parse (context, &argc, &argv)) != COMMANDS_GO_ON)
    return status;
  if (version)
    return commands_print ("modori " MODORI_VERSION_STRING "\n");
  if (paths == NULL || paths[0] == NULL)
    {
      commands_error ("no input given (use '-' for standard input); see --help");
      return EXIT_INPUT_ERROR;
    }
  if (lang == NULL)
    lang = g_strdup (commands_default_lang ());
  if (strcmp (lang, "ja") != 0 && strcmp (lang, "en") != 0)
    {
      commands_error ("unknown language '%s' (use ja or en)", lang);
      return EXIT_INPUT_ERROR;
    }

  options.lang = lang;
  options.why = why;
  options.width = modori_cli_terminal_width (STDOUT_FILENO);
  if (format == NULL || strcmp (format, "text") == 0)
    options.format = PRINTER_TEXT;
  else if (strcmp (format, "json") == 0)
    options.format = PRINTER_JSON;
  else if (strcmp (format, "jsonl") == 0)
    options.format = PRINTER_JSON_LINES;
  else if (strcmp (format, "csv") == 0)
    options.format = PRINTER_CSV;
  else
    {
      commands_error ("unknown format '%s' (use text, json, jsonl or csv)", format);
      return EXIT_INPUT_ERROR;
    }

  printer = printer_new (&options);
  analyzer = modori_analyzer_new ();
  modori_analyzer_set_include_delivered (analyzer, delivered);
  modori_analyzer_set_include_vacation (analyzer, vacation);

  analysis.printer = printer;
  scan.jobs = MAX (jobs, 0);
  /* Records printed on the same terminal would be mixed into it. */
  scan.progress = !quiet && isatty (STDERR_FILENO) && !isatty (STDOUT_FILENO);
  failed = !scan_run (analyzer, paths, &scan);
  printer_finish (printer);
  if (!commands_finish_output ())
    failed = TRUE;

  if (failed)
    return EXIT_INPUT_ERROR;
  return analysis.found ? EXIT_FOUND : EXIT_NONE_FOUND;
}
