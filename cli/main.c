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
  /* The long names of its options, each between spaces: the options
   * given before the command's name are checked against them. */
  const char *options;
} Command;

static const Command commands[] = {
  { "analyze", cmd_analyze, "analyze bounce mails (the default)",
    " format jobs quiet lang why delivered vacation version help " },
  { "summary", cmd_summary, "totals by reason, domain and recipient",
    " format lang top jobs quiet help " },
  { "suppress", cmd_suppress, "the addresses that hard-bounced",
    " format reasons jobs quiet help " },
  { "explain", cmd_explain, "explain a server reply, mail-program error or address",
    " format lang why help " },
};

/* Every option of every command: which take a value decides which
 * argument is the first that is no option. */
typedef struct {
  const char *name;
  char letter;
  gboolean value;
} Option;

static const Option options[] = {
  { "format", 'f', TRUE },
  { "lang", 'l', TRUE },
  { "jobs", 'j', TRUE },
  { "reasons", 'r', TRUE },
  { "top", 0, TRUE },
  { "quiet", 'q', FALSE },
  { "why", 0, FALSE },
  { "delivered", 0, FALSE },
  { "vacation", 0, FALSE },
  { "version", 'V', FALSE },
  { "help", 'h', FALSE },
};

static const Option *
find_option (const char *name, gsize length, char letter)
{
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (name ? strlen (options[i].name) == length && strncmp (options[i].name, name, length) == 0
             : options[i].letter == letter)
      return &options[i];
  return NULL;
}

static gboolean
takes_option (const Command *command, const Option *option)
{
  g_autofree char *word = NULL;

  if (option == NULL)
    return FALSE;
  word = g_strdup_printf (" %s ", option->name);
  return strstr (command->options, word) != NULL;
}

/* @arg is an option: whether the next argument is its value ("-l en",
 * "--lang en", "-qj 2", but not "--lang=en"). When @command is
 * given and does not take the option (or one of a cluster's), says so
 * and sets @bad. */
static gboolean
next_is_value (const char *arg, const Command *command, gboolean *bad)
{
  if (arg[1] == '-')
    {
      gsize length = strcspn (arg + 2, "=");
      const Option *option = find_option (arg + 2, length, 0);

      if (command && !takes_option (command, option))
        {
          commands_error ("%s: unknown option '--%.*s'; see modori %s --help",
                          command->name, (int) length, arg + 2, command->name);
          *bad = TRUE;
        }
      return option && option->value && arg[2 + length] == '\0';
    }
  /* As GOption reads a cluster: "-j2" is not -j 2, and the value of
   * "-qj" is the next argument. */
  gboolean value = FALSE;

  for (const char *c = arg + 1; *c; c++)
    {
      const Option *option = find_option (NULL, 0, *c);

      if (command && !takes_option (command, option))
        {
          commands_error ("%s: unknown option '-%c'; see modori %s --help",
                          command->name, *c, command->name);
          *bad = TRUE;
          return FALSE;
        }
      value = value || (option && option->value);
    }
  return value;
}

char *
commands_list (void)
{
  GString *text = g_string_new ("Commands:\n");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-9s %s\n", commands[i].name, commands[i].summary);
  g_string_append (text,
    "\n"
    "'modori COMMAND --help' shows the options of each command. Options given\n"
    "before COMMAND are its own: modori --lang=en explain TEXT. Without a\n"
    "COMMAND, the arguments are files to analyze; a file named like a command\n"
    "is given as ./explain, or after 'analyze' or '--'.");
  return g_string_free (text, FALSE);
}

/* A value written against its option's letter ("-j2", "-qj2", "-fjson")
 * is given apart ("-j" "2"), as getopt reads it: GOption takes a
 * cluster's value from the next argument only. Only a cluster of the
 * tool's own letters is split (explain's "-ERR login failed" is text);
 * an option's value and whatever follows "--" are left as they are.
 * Returns a new array of @argc's pointers; the split parts go to @owned. */
static char **
split_attached_values (int *argc, char **argv, GPtrArray *owned)
{
  GPtrArray *out = g_ptr_array_new ();
  gboolean value_next = FALSE, options_ended = FALSE;

  for (int i = 0; i < *argc; i++)
    {
      char *arg = argv[i];
      const char *c;

      if (i > 0 && !value_next && !options_ended && arg[0] == '-' && arg[1] != '-' && arg[1] != '\0')
        for (c = arg + 1; *c; c++)
          {
            const Option *option = find_option (NULL, 0, *c);

            if (option == NULL)
              break;
            if (option->value && c[1] != '\0')
              {
                char *head = g_strndup (arg, c + 1 - arg), *value = g_strdup (c + 1);

                g_ptr_array_add (owned, head);
                g_ptr_array_add (owned, value);
                g_ptr_array_add (out, head);
                g_ptr_array_add (out, value);
                goto next;
              }
          }
      if (i > 0 && !value_next && !options_ended)
        {
          if (strcmp (arg, "--") == 0)
            options_ended = TRUE;
          else if (arg[0] == '-' && arg[1] != '\0')
            {
              value_next = next_is_value (arg, NULL, NULL);
              g_ptr_array_add (out, arg);
              continue;
            }
        }
      value_next = FALSE;
      g_ptr_array_add (out, arg);
    next:;
    }
  *argc = out->len;
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autofree char **split = split_attached_values (&argc, argv, owned);

  argv = split;

  const Command *command = NULL;
  g_autofree char *name = NULL;
  g_autofree char **args = NULL;   /* the array only: its strings but name are argv's */
  int first = 1, status;
  gboolean bad = FALSE;

  /* The first argument that is no option (nor an option's value) may
   * name a command; "-" and what follows "--" are files. */
  while (first < argc && argv[first][0] == '-' && argv[first][1] != '\0' && strcmp (argv[first], "--") != 0)
    first += next_is_value (argv[first], NULL, NULL) ? 2 : 1;
  if (first < argc)
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      if (strcmp (argv[first], commands[i].name) == 0)
        command = &commands[i];
  if (command == NULL)
    {
      status = cmd_analyze (argc, argv);
      modori_cli_wrap_release_thread ();
      return status;
    }

  /* The options before the command go after its name, as if given there;
   * explain would take one it does not know for text. */
  for (int i = 1; i < first; i++)
    if (next_is_value (argv[i], command, &bad))
      i++;
  if (bad)
    return EXIT_INPUT_ERROR;
  name = g_strdup_printf ("modori %s", command->name);   /* what its --help shows */
  args = g_new0 (char *, argc);
  args[0] = name;
  memcpy (args + 1, argv + 1, (first - 1) * sizeof (char *));
  memcpy (args + first, argv + first + 1, (argc - first - 1) * sizeof (char *));
  status = command->run (argc - 1, args);
  modori_cli_wrap_release_thread ();
  return status;
}
