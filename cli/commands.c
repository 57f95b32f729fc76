/* commands.c: what the commands share: reading the command line of
 * those that take PATH..., and making sure their output was written. */
#include <errno.h>
#include <stdio.h>

#include "commands.h"

gboolean
commands_parse_paths (GOptionContext *context, int *argc, char ***argv, char ***paths)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "modori: %s\n", error->message);
      return FALSE;
    }
  if (*paths == NULL || (*paths)[0] == NULL)
    {
      fprintf (stderr, "modori: no input given (use '-' for standard input); see --help\n");
      return FALSE;
    }
  return TRUE;
}

gboolean
commands_finish_output (void)
{
  if (fflush (stdout) == 0 && !ferror (stdout))
    return TRUE;
  fprintf (stderr, "modori: cannot write the output: %s\n",
           errno ? g_strerror (errno) : "write error");
  return FALSE;
}
