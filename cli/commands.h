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

/* What commands_parse() returns when the command is to go on. */
#define COMMANDS_GO_ON (-1)

/* Parses @context's options. -h and --help print the help on standard
 * output, its writing checked like any output's (GOption's own help
 * exits 0 whether or not it was written). Returns COMMANDS_GO_ON, or the
 * exit status to return: EXIT_FOUND after the help, EXIT_INPUT_ERROR
 * after a bad option (said on stderr) or output not written. */
int commands_parse (GOptionContext *context, int *argc, char ***argv);

/* The same for the commands that take PATH...: the G_OPTION_REMAINING
 * entry fills @paths, and no PATH is bad usage. */
int commands_parse_paths (GOptionContext *context, int *argc, char ***argv, char ***paths);

/* Prints @text on standard output and returns EXIT_FOUND, or
 * EXIT_INPUT_ERROR if it could not be written (said on stderr). */
int commands_print (const char *text);

/* Prints "modori: " and the message on stderr, the message escaped as
 * one line (escape_line()): paths, origins and the library's messages
 * carry what file names and bounces hold. */
void commands_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Flushes standard output; if it could not all be written (a full disk,
 * a closed pipe), says so on stderr and returns FALSE (exit with
 * EXIT_INPUT_ERROR). */
gboolean commands_finish_output (void);

/* The language when --lang is not given: that of the first of LC_ALL,
 * LC_MESSAGES and LANG that is set. "ja" for ja*, and for C, POSIX,
 * C.UTF-8 or none (Japanese readers are modori's first audience); "en"
 * for any other, English being the better guess for a reader of
 * neither. */
const char *commands_default_lang (void);

/* The commands and their summaries, and how options and files are told
 * from commands, for modori --help (main.c holds the table). Free it. */
char *commands_list (void);

int cmd_analyze (int argc, char **argv);
int cmd_summary (int argc, char **argv);
int cmd_suppress (int argc, char **argv);
int cmd_explain (int argc, char **argv);

#endif
