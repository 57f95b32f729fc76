/* cmd-analyze.c: modori [OPTIONS] PATH... */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <modori/modori.h>

#include "commands.h"
#include "printer.h"
#include "wrap.h"

static const char description[] =
  "Reads bounce mails (\"Undelivered Mail Returned to Sender\", MAILER-DAEMON\n"
  "messages) and explains, for each recipient that failed, what happened and\n"
  "what to do. PATH is a message file (.eml) or an mbox; '-' reads standard\n"
  "input.\n"
  "\n"
  "Exit status:\n"
  "  0  at least one bounce was found\n"
  "  1  no input held a bounce\n"
  "  2  an input could not be read (the others are still analyzed), or bad usage";

static char *
read_stdin (gsize *length, GError **error)
{
  GString *data = g_string_new (NULL);
  char buffer[65536];
  size_t got;

  while ((got = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (data, buffer, got);
  if (ferror (stdin))
    {
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_IO, "-: cannot read standard input");
      g_string_free (data, TRUE);
      return NULL;
    }
  *length = data->len;
  return g_string_free (data, FALSE);
}

static ModoriReport *
analyze_path (ModoriAnalyzer *analyzer, const char *path, GError **error)
{
  ModoriReport *report;
  gsize length;
  char *data;

  if (strcmp (path, "-") != 0)
    return modori_analyzer_analyze_file (analyzer, path, error);
  data = read_stdin (&length, error);
  if (data == NULL)
    return NULL;
  report = modori_analyzer_analyze_data (analyzer, data, length, "-", error);
  g_free (data);
  return report;
}

int
cmd_analyze (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  gboolean delivered = FALSE, vacation = FALSE, why = FALSE, version = FALSE;
  g_auto (GStrv) paths = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default), json or jsonl", "FORMAT" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, "Language of text output: ja (default) or en", "LANG" },
    { "why", 0, 0, G_OPTION_ARG_NONE, &why, "Show which rule decided each reason", NULL },
    { "delivered", 0, 0, G_OPTION_ARG_NONE, &delivered, "Also report successful deliveries", NULL },
    { "vacation", 0, 0, G_OPTION_ARG_NONE, &vacation, "Also report automatic replies (out of office)", NULL },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "PATH..." },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("PATH... - explain bounce mails");
  g_autoptr (GError) error = NULL;
  g_autoptr (ModoriAnalyzer) analyzer = NULL;
  PrinterOptions options = { .out = stdout };
  Printer *printer;
  gboolean found = FALSE, failed = FALSE;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context, description);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "modori: %s\n", error->message);
      return EXIT_INPUT_ERROR;
    }
  if (version)
    {
      printf ("modori %s\n", MODORI_VERSION_STRING);
      return EXIT_FOUND;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      fprintf (stderr, "modori: no input given (use '-' for standard input); see --help\n");
      return EXIT_INPUT_ERROR;
    }
  if (lang == NULL)
    lang = g_strdup ("ja");
  if (strcmp (lang, "ja") != 0 && strcmp (lang, "en") != 0)
    {
      fprintf (stderr, "modori: unknown language '%s' (use ja or en)\n", lang);
      return EXIT_INPUT_ERROR;
    }

  options.lang = lang;
  options.why = why;
  options.width = modori_cli_terminal_width (STDOUT_FILENO);
  if (format == NULL || strcmp (format, "text") == 0)
    printer = printer_text_new (&options);
  else if (strcmp (format, "json") == 0)
    printer = printer_json_new (&options, FALSE);
  else if (strcmp (format, "jsonl") == 0)
    printer = printer_json_new (&options, TRUE);
  else
    {
      fprintf (stderr, "modori: unknown format '%s' (use text, json or jsonl)\n", format);
      return EXIT_INPUT_ERROR;
    }

  analyzer = modori_analyzer_new ();
  modori_analyzer_set_include_delivered (analyzer, delivered);
  modori_analyzer_set_include_vacation (analyzer, vacation);

  for (char **path = paths; *path; path++)
    {
      g_autoptr (GError) input_error = NULL;
      g_autoptr (ModoriReport) report = analyze_path (analyzer, *path, &input_error);

      if (report == NULL)
        {
          fprintf (stderr, "modori: %s\n", input_error->message);
          failed = TRUE;
          continue;
        }
      for (guint i = 0; i < modori_report_get_n_warnings (report); i++)
        fprintf (stderr, "modori: warning: %s\n", modori_report_get_warning (report, i));
      printer->report (printer, *path, report);
      if (modori_report_get_n_records (report) > 0)
        found = TRUE;
    }
  printer->finish (printer);
  printer->free (printer);

  if (failed)
    return EXIT_INPUT_ERROR;
  return found ? EXIT_FOUND : EXIT_NONE_FOUND;
}
