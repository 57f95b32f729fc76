/* main.c: the modori command. Subcommands are looked up in a table;
 * without one, the arguments are files to analyze. */
#include <locale.h>
#include <string.h>

#include <glib.h>

#include "commands.h"
#include "wrap.h"

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "analyze", cmd_analyze, "analyze bounce mails (the default)" },
  { "summary", cmd_summary, "totals by reason, domain and recipient" },
  { "suppress", cmd_suppress, "the addresses that hard-bounced" },
  { "explain", cmd_explain, "explain a server reply, mail-program error or address" },
};

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");

  int (*run) (int argc, char **argv) = cmd_analyze;
  int status;

  if (argc > 1)
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          run = commands[i].run;
          argc--;
          argv++;
          break;
        }
  status = run (argc, argv);
  modori_cli_wrap_release_thread ();
  return status;
}
