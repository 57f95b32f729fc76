/* parse-paths.c: the command line of the commands that read PATH... */
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
