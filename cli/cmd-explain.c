/* cmd-explain.c: modori explain [OPTIONS] [TEXT...] */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <modori/modori.h>

#include "catalog.h"
#include "commands.h"
#include "sprinter.h"
#include "wrap.h"

static const char description[] =
  "Explains one server reply or mail-program error: an SMTP reply\n"
  "(\"550 5.1.1 <a@b> User unknown\"), a POP3 \"-ERR\" line, an IMAP \"NO\" or\n"
  "\"BAD\" reply, a message your mail program showed, or an e-mail address\n"
  "to check for typing mistakes. The words of TEXT are joined with spaces;\n"
  "without TEXT (or with '-') the text is read from standard input.\n"
  "\n"
  "Exit status:\n"
  "  0  the text was recognized\n"
  "  1  the text was not recognized\n"
  "  2  bad usage, or standard input could not be read";

/* The most read from standard input: a reply or an error message is a
 * few lines; an endless input must not fill memory. */
#define MAX_EXPLAIN_BYTES (1024 * 1024)

/* "Label: value" on one line (a block: "Label:" and the value wrapped
 * below it), through the text sprinter, the label the catalog's words
 * for @label; left out when empty. @value may quote the text given,
 * which may come from a bounce: the sprinter escapes it, before
 * wrapping so that widths are those of what is shown. */
static void
put (Sprinter *sp, const char *lang, const char *label, const char *value, gboolean block)
{
  sp->map_key (sp, catalog_get (lang, label));
  if (block)
    sp->text (sp, value);
  else
    sp->string (sp, value);
}

/* The explanation as JSON: the library's names, in its order. */
static void
put_json (Sprinter *sp, const ModoriExplanation *explanation, const char *lang)
{
  const char *const *names = modori_explanation_field_names ();

  sp->begin_map (sp);
  for (guint i = 0; names[i]; i++)
    {
      const char *value = modori_explanation_get_field (explanation, lang, names[i]);

      sp->map_key (sp, names[i]);
      sp->string (sp, value ? value : "");
    }
  sp->end (sp);
}

/* What kind of text it was, in words (the catalog's [kind]); the
 * identifiers (kind, case, reason) are JSON's and --why's. */
static const char *
kind_words (const char *kind, const char *lang)
{
  g_autofree char *id = g_strconcat ("kind/", kind, NULL);
  const char *words = catalog_find (lang, id);

  return words ? words : kind;
}

int
cmd_explain (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  g_autofree char **with_stop = NULL;   /* the array only: its strings are argv's */
  gboolean why = FALSE;
  char **words;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json", "FORMAT" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, "Language of the guidance: ja or en (default: from the locale)", "LANG" },
    { "why", 0, 0, G_OPTION_ARG_NONE, &why, "Also show the identifiers: kind, case, reason, response code, what was seen", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[TEXT...] - explain a server reply or mail-program error");
  int status;
  g_autoptr (ModoriExplanation) explanation = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) output = NULL;
  Sprinter *sp;
  int width = modori_cli_terminal_width (STDOUT_FILENO);

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context, description);
  /* A POP3 reply starts with "-ERR": unknown options are text, and so is
   * everything from the first argument that holds a space or an upper-case
   * "option" on (GOption would read "-ERR ... lock" as -E -R ... -l). */
  g_option_context_set_ignore_unknown_options (context, TRUE);
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && argv[i][1] != '-' && argv[i][1] != '\0' &&
        (strchr (argv[i], ' ') || g_ascii_isupper (argv[i][1])))
      {
        with_stop = g_new0 (char *, argc + 2);
        memcpy (with_stop, argv, i * sizeof (char *));
        with_stop[i] = (char *) "--";
        memcpy (with_stop + i + 1, argv + i, (argc - i) * sizeof (char *));
        argv = with_stop;
        argc++;
        break;
      }
  if ((status = commands_parse (context, &argc, &argv)) != COMMANDS_GO_ON)
    return status;
  if (lang == NULL)
    lang = g_strdup (commands_default_lang ());
  if (strcmp (lang, "ja") != 0 && strcmp (lang, "en") != 0)
    {
      commands_error ("unknown language '%s' (use ja or en)", lang);
      return EXIT_INPUT_ERROR;
    }
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    {
      commands_error ("unknown format '%s' (use text or json)", format);
      return EXIT_INPUT_ERROR;
    }
  words = argv + 1;
  for (char **w = words; *w; w++)
    if (g_str_has_prefix (*w, "--") && (*w)[2] != '\0')
      {
        commands_error ("unknown option '%s'; see --help", *w);
        return EXIT_INPUT_ERROR;
      }
  if (words[0] && strcmp (words[0], "--") == 0)
    words++;

  if (words[0] == NULL || (strcmp (words[0], "-") == 0 && words[1] == NULL))
    {
      char buffer[65536];
      size_t got;

      while (text->len <= MAX_EXPLAIN_BYTES && (got = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (text, buffer, got);
      if (ferror (stdin))
        {
          commands_error ("-: cannot read standard input");
          return EXIT_INPUT_ERROR;
        }
      if (text->len > MAX_EXPLAIN_BYTES)
        {
          commands_error ("-: longer than %d KiB, the limit for a text to explain: not read",
                          MAX_EXPLAIN_BYTES / 1024);
          return EXIT_INPUT_ERROR;
        }
    }
  else
    for (char **w = words; *w; w++)
      {
        if (w != words)
          g_string_append_c (text, ' ');
        g_string_append (text, *w);
      }

  explanation = modori_explain (text->str, text->len);
  output = g_string_new (NULL);
  if (format != NULL && strcmp (format, "json") == 0)
    {
      sp = sprinter_json_new (output, SPRINTER_JSON);
      put_json (sp, explanation, lang);
    }
  else
    {
      SprinterTextOptions options = { .width = width, .wrap_fields = FALSE };
      const char *found = modori_explanation_get_found (explanation);
      ModoriReason reason = modori_explanation_get_reason (explanation);
      const char *code = modori_explanation_get_response_code (explanation);

      sp = sprinter_text_new (output, &options);
      sp->begin_map (sp);

      put (sp, lang, "explain/kind", kind_words (modori_explanation_get_kind (explanation), lang), FALSE);
      put (sp, lang, "explain/reply", modori_explanation_get_reply_code (explanation), FALSE);
      put (sp, lang, "explain/status", modori_explanation_get_status_code (explanation), FALSE);
      put (sp, lang, "explain/address", modori_explanation_get_address (explanation), FALSE);
      put (sp, lang, "explain/suggestion",
           modori_explanation_get_suggestion (explanation), FALSE);
      put (sp, lang, "explain/title", modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_TITLE), FALSE);
      put (sp, lang, "explain/what", modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_WHAT), TRUE);
      put (sp, lang, "explain/todo", modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_TODO), TRUE);
      /* The address doctor's finding adds to a reply's own case. */
      const char *hint = modori_explanation_get_hint (explanation);
      const char *hint_todo = hint[0] ? modori_guidance_for_hint (hint, lang, MODORI_GUIDANCE_TODO) : NULL;
      if (hint_todo && g_strcmp0 (hint_todo, modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_TODO)) != 0)
        put (sp, lang, "explain/hint", hint_todo, TRUE);
      if (why)
        {
          /* The identifiers, as JSON names them; "found" is English. */
          put (sp, lang, "explain/why-kind", modori_explanation_get_kind (explanation), FALSE);
          put (sp, lang, "explain/why-case", modori_explanation_get_case (explanation), FALSE);
          if (reason != MODORI_REASON_UNDEFINED)
            put (sp, lang, "explain/why-reason", modori_reason_to_string (reason), FALSE);
          put (sp, lang, "explain/why-responsecode", code, FALSE);
          put (sp, lang, "explain/why-found", found, FALSE);
        }
      sp->end (sp);
    }
  sp->free (sp);
  fwrite (output->str, 1, output->len, stdout);
  if (!commands_finish_output ())
    return EXIT_INPUT_ERROR;
  /* binary input is not recognized either */
  return strcmp (modori_explanation_get_case (explanation), "unrecognized") == 0 ||
         strcmp (modori_explanation_get_case (explanation), "not-text") == 0 ? EXIT_NONE_FOUND : EXIT_FOUND;
}
