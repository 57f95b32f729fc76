/* commands.h: the subcommands of the modori tool. */
#ifndef MODORI_CLI_COMMANDS_H
#define MODORI_CLI_COMMANDS_H

/* Exit statuses, documented in --help and modori.1. */
enum {
  EXIT_FOUND = 0,       /* at least one bounce was found */
  EXIT_NONE_FOUND = 1,  /* every input was read; none held a bounce */
  EXIT_INPUT_ERROR = 2, /* an input could not be read, or bad usage */
};

#include <glib.h>

/* Parses @context's options, whose G_OPTION_REMAINING fills @paths; on a
 * bad option or no PATH, says so on stderr and returns FALSE (exit with
 * EXIT_INPUT_ERROR). */
gboolean commands_parse_paths (GOptionContext *context, int *argc, char ***argv, char ***paths);

/* Flushes standard output; if it could not all be written (a full disk,
 * a closed pipe), says so on stderr and returns FALSE (exit with
 * EXIT_INPUT_ERROR). */
gboolean commands_finish_output (void);

int cmd_analyze (int argc, char **argv);
int cmd_summary (int argc, char **argv);
int cmd_suppress (int argc, char **argv);
int cmd_explain (int argc, char **argv);

#endif
