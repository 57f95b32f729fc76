/* cmd-explain.c: modori explain [OPTIONS] [TEXT...] */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <modori/modori.h>

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
 * below it), through the text sprinter; left out when empty. @value may
 * quote the text given, which may come from a bounce: the sprinter
 * escapes it, before wrapping so that widths are those of what is shown. */
static void
put (Sprinter *sp, const char *label, const char *value, gboolean block)
{
  sp->map_key (sp, label);
  if (block)
    sp->text (sp, value);
  else
    sp->string (sp, value);
}

/* The explanation as JSON: the library's names, in its order. */
static void
put_json (Sprinter *sp, const ModoriExplanation *explanation, const char *lang)
{
  ModoriReason reason = modori_explanation_get_reason (explanation);
  const struct { const char *key, *value; } fields[] = {
    { "kind", modori_explanation_get_kind (explanation) },
    { "case", modori_explanation_get_case (explanation) },
    { "reason", reason == MODORI_REASON_UNDEFINED ? "" : modori_reason_to_string (reason) },
    { "replycode", modori_explanation_get_reply_code (explanation) },
    { "statuscode", modori_explanation_get_status_code (explanation) },
    { "responsecode", modori_explanation_get_response_code (explanation) },
    { "address", modori_explanation_get_address (explanation) },
    { "hint", modori_explanation_get_hint (explanation) },
    { "suggestion", modori_explanation_get_suggestion (explanation) },
    { "found", modori_explanation_get_found (explanation) },
    { "title", modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_TITLE) },
    { "what", modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_WHAT) },
    { "todo", modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_TODO) },
  };

  sp->begin_map (sp);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      sp->map_key (sp, fields[i].key);
      sp->string (sp, fields[i].value ? fields[i].value : "");
    }
  sp->end (sp);
}

/* What kind of text it was, in words; the identifiers (kind, case,
 * reason) are JSON's and --why's. */
static const struct { const char *kind, *ja, *en; } kinds[] = {
  { "smtp", "メールサーバーの応答 (SMTP)", "a mail server's reply (SMTP)" },
  { "pop3", "受信サーバーの応答 (POP3)", "an incoming mail server's reply (POP3)" },
  { "imap", "受信サーバーの応答 (IMAP)", "an incoming mail server's reply (IMAP)" },
  { "client", "メールソフトが表示したメッセージ", "a message from your mail program" },
  { "bounce", "エラーメール (配送できなかったことの通知) の文面", "the words of an error mail (a delivery failure notice)" },
  { "address", "メールアドレス", "an e-mail address" },
  { "sentence", "文章", "a sentence" },
  { "binary", "文字ではないデータ", "data that is not text" },
  { "unknown", "空の入力", "empty input" },
};

static const char *
kind_words (const char *kind, gboolean ja)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].kind, kind) == 0)
      return ja ? kinds[i].ja : kinds[i].en;
  return kind;
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
  gboolean ja;
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
  ja = strcmp (lang, "ja") == 0;
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

      put (sp, ja ? "種類" : "Kind of text", kind_words (modori_explanation_get_kind (explanation), ja), FALSE);
      put (sp, ja ? "応答コード" : "Reply code", modori_explanation_get_reply_code (explanation), FALSE);
      put (sp, ja ? "ステータス" : "Status", modori_explanation_get_status_code (explanation), FALSE);
      put (sp, ja ? "アドレス" : "Address", modori_explanation_get_address (explanation), FALSE);
      put (sp, ja ? "正しいと思われるアドレス" : "Suggested address",
           modori_explanation_get_suggestion (explanation), FALSE);
      put (sp, ja ? "概要" : "Summary", modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_TITLE), FALSE);
      put (sp, ja ? "何が起きたか" : "What happened", modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_WHAT), TRUE);
      put (sp, ja ? "対処方法" : "What to do", modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_TODO), TRUE);
      /* The address doctor's finding adds to a reply's own case. */
      const char *hint = modori_explanation_get_hint (explanation);
      const char *hint_todo = hint[0] ? modori_guidance_for_hint (hint, lang, MODORI_GUIDANCE_TODO) : NULL;
      if (hint_todo && g_strcmp0 (hint_todo, modori_explanation_get_guidance (explanation, lang, MODORI_GUIDANCE_TODO)) != 0)
        put (sp, ja ? "アドレスの誤り" : "Address problem", hint_todo, TRUE);
      if (why)
        {
          /* The identifiers, as JSON names them; "found" is English. */
          put (sp, ja ? "判定 (kind)" : "Decided (kind)", modori_explanation_get_kind (explanation), FALSE);
          put (sp, ja ? "判定 (case)" : "Decided (case)", modori_explanation_get_case (explanation), FALSE);
          if (reason != MODORI_REASON_UNDEFINED)
            put (sp, ja ? "判定 (reason)" : "Decided (reason)", modori_reason_to_string (reason), FALSE);
          put (sp, ja ? "判定 (responsecode)" : "Decided (responsecode)", code, FALSE);
          put (sp, ja ? "判定 (found)" : "Decided (found)", found, FALSE);
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
