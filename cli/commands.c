/* commands.c: what the commands share: reading the command line of
 * those that take PATH..., saying what went wrong, and making sure their
 * output was written. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "escape.h"

void
commands_error (const char *format, ...)
{
  g_autofree char *message = NULL, *shown = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  shown = escape_line (message);
  fprintf (stderr, "modori: %s\n", shown);
}

int
commands_print (const char *text)
{
  fputs (text, stdout);
  return commands_finish_output () ? EXIT_FOUND : EXIT_INPUT_ERROR;
}

int
commands_parse (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, "Show help options", NULL },
    { NULL }
  };

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      commands_error ("%s", error->message);
      return EXIT_INPUT_ERROR;
    }
  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
      return commands_print (text);
    }
  return COMMANDS_GO_ON;
}

int
commands_parse_paths (GOptionContext *context, int *argc, char ***argv, char ***paths)
{
  int status = commands_parse (context, argc, argv);

  if (status != COMMANDS_GO_ON)
    return status;
  if (*paths == NULL || (*paths)[0] == NULL)
    {
      commands_error ("no input given (use '-' for standard input); see --help");
      return EXIT_INPUT_ERROR;
    }
  return COMMANDS_GO_ON;
}

const char *
commands_default_lang (void)
{
  static const char *const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  /* The variables themselves, not setlocale(): a locale that was never
   * generated (en_US.UTF-8 on a fresh Debian) still says what the user
   * reads. An empty one counts as unset, as POSIX says. */
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);
      gsize length;

      if (value == NULL || value[0] == '\0')
        continue;
      length = strcspn (value, "_.@");
      if (length == 2 && strncmp (value, "ja", 2) == 0)
        return "ja";
      /* C, POSIX and C.UTF-8 choose an encoding, not a language: Debian
       * falls back to them where no locale was chosen (containers, cron). */
      if ((length == 1 && value[0] == 'C') || (length == 5 && strncmp (value, "POSIX", 5) == 0))
        return "ja";
      return "en";
    }
  return "ja";
}

gboolean
commands_finish_output (void)
{
  if (fflush (stdout) == 0 && !ferror (stdout))
    return TRUE;
  commands_error ("cannot write the output: %s", errno ? g_strerror (errno) : "write error");
  return FALSE;
}
