/* cmd-summary.c: modori summary [OPTIONS] PATH... - totals of a batch. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <modori/modori.h>

#include "commands.h"
#include "escape.h"
#include "outcome.h"
#include "scan.h"

typedef struct {
  guint64 messages, records, hard, soft, delayed;
  guint64 unnamed, feedback, autoreplies, delivered;   /* not failures of a known recipient */
  GHashTable *reasons, *domains, *recipients;   /* name -> count */
} Totals;

/* On a worker: one line per record, "KIND <tab> reason <tab> domain <tab>
 * recipient", the fields escaped so that no tab or newline is theirs.
 * KIND is H or S for a failure (hard, soft), and for what is counted
 * apart: D a delay notice (still being retried), U a failure whose
 * recipient the report does not name, F a feedback report, A an
 * automatic reply, OK a delivery notice. The recipient is the address
 * the sender typed (the alias of a forwarding bounce). */
static char *
on_prepare (gpointer user_data, const ModoriSourceMessage *message, ModoriReport *report)
{
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    {
      ModoriRecord *record = modori_report_get_record (report, i);
      const char *sent_to = outcome_sent_to (record);
      const char *at = strrchr (sent_to, '@');
      g_autofree char *recipient = g_ascii_strdown (sent_to, -1);
      g_autofree char *domain_field = g_strescape (at && at[1] ? recipient + (at - sent_to) + 1 : "?", NULL);
      g_autofree char *recipient_field = g_strescape (recipient[0] ? recipient : "?", NULL);
      static const char *const kinds[N_OUTCOMES] = {
        [OUTCOME_DELAYED] = "D", [OUTCOME_FEEDBACK] = "F",
        [OUTCOME_AUTOREPLY] = "A", [OUTCOME_DELIVERED] = "OK",
      };
      Outcome outcome = outcome_of (record);
      const char *kind = kinds[outcome];

      if (outcome == OUTCOME_FAILED)
        kind = !sent_to[0] ? "U" : modori_record_get_hard_bounce (record) ? "H" : "S";
      g_string_append_printf (lines, "%s\t%s\t%s\t%s\n", kind,
                              modori_reason_to_string (modori_record_get_reason (record)),
                              domain_field, recipient_field);
    }
  return g_string_free (lines, FALSE);
}

static void
count (GHashTable *table, const char *key)
{
  gpointer old = g_hash_table_lookup (table, key);
  g_hash_table_insert (table, g_strdup (key), GSIZE_TO_POINTER (GPOINTER_TO_SIZE (old) + 1));
}

static gboolean
on_consume (gpointer user_data, const char *prepared, guint n_records)
{
  Totals *totals = user_data;
  g_auto (GStrv) lines = g_strsplit (prepared, "\n", -1);

  totals->messages++;
  for (char **line = lines; *line && **line; line++)
    {
      g_auto (GStrv) fields = g_strsplit (*line, "\t", 4);
      g_autofree char *domain = NULL, *recipient = NULL;

      if (g_strv_length (fields) != 4)
        continue;
      if (strcmp (fields[0], "H") != 0 && strcmp (fields[0], "S") != 0)
        {
          guint64 *apart = strcmp (fields[0], "D") == 0 ? &totals->delayed
                         : strcmp (fields[0], "U") == 0 ? &totals->unnamed
                         : strcmp (fields[0], "F") == 0 ? &totals->feedback
                         : strcmp (fields[0], "A") == 0 ? &totals->autoreplies
                         : &totals->delivered;
          (*apart)++;
          continue;
        }
      domain = g_strcompress (fields[2]);
      recipient = g_strcompress (fields[3]);
      totals->records++;
      if (fields[0][0] == 'H')
        totals->hard++;
      else
        totals->soft++;
      count (totals->reasons, fields[1]);
      count (totals->domains, domain);
      count (totals->recipients, recipient);
    }
  return TRUE;
}

typedef struct {
  const char *key;
  gsize n;
} Row;

/* Most first; ties by name, so that the output does not depend on hashing. */
static gint
compare_rows (gconstpointer a, gconstpointer b)
{
  const Row *x = a, *y = b;
  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  return strcmp (x->key, y->key);
}

static GArray *
sorted_rows (GHashTable *table)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Row row = { key, GPOINTER_TO_SIZE (value) };
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);
  return rows;
}

static void
put_json_string (const char *s)
{
  putchar ('"');
  for (; *s; s++)
    {
      if (*s == '"' || *s == '\\')
        printf ("\\%c", *s);
      else if ((guchar) *s < 0x20)
        printf ("\\u%04x", (guchar) *s);
      else
        putchar (*s);
    }
  putchar ('"');
}

static void
put_json_table (const char *name, GHashTable *table, guint limit, gboolean last)
{
  g_autoptr (GArray) rows = sorted_rows (table);

  printf ("  \"%s\": [", name);
  for (guint i = 0; i < rows->len && i < limit; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      printf ("%s\n    {\"name\": ", i ? "," : "");
      put_json_string (row->key);
      printf (", \"count\": %" G_GSIZE_FORMAT "}", row->n);
    }
  printf ("%s]%s\n", rows->len ? "\n  " : "", last ? "" : ",");
}

static void
print_json (const Totals *totals, guint top)
{
  printf ("{\n  \"messages\": %" G_GUINT64_FORMAT ",\n  \"bounces\": %" G_GUINT64_FORMAT ",\n"
          "  \"hard\": %" G_GUINT64_FORMAT ",\n  \"soft\": %" G_GUINT64_FORMAT ",\n"
          "  \"delayed\": %" G_GUINT64_FORMAT ",\n  \"unnamed\": %" G_GUINT64_FORMAT ",\n"
          "  \"feedback\": %" G_GUINT64_FORMAT ",\n  \"autoreplies\": %" G_GUINT64_FORMAT ",\n"
          "  \"delivered\": %" G_GUINT64_FORMAT ",\n",
          totals->messages, totals->records, totals->hard, totals->soft, totals->delayed,
          totals->unnamed, totals->feedback, totals->autoreplies, totals->delivered);
  put_json_table ("reasons", totals->reasons, G_MAXUINT, FALSE);
  put_json_table ("domains", totals->domains, top, FALSE);
  put_json_table ("recipients", totals->recipients, top, TRUE);
  puts ("}");
}

enum { T_MESSAGES, T_BOUNCES, T_HARD, T_SOFT, T_DELAYED, T_UNNAMED, T_FEEDBACK, T_AUTOREPLIES,
       T_DELIVERED, T_BY_REASON, T_BY_DOMAIN, T_BY_RECIPIENT, N_TEXTS };

static const char *const texts_ja[N_TEXTS] = {
  "メッセージ数", "届かなかった宛先", "恒久的な失敗", "一時的な失敗",
  "配送を再試行中の宛先 (遅延の通知、失敗には数えません)",
  "宛先が書かれていないエラー報告 (宛先別の集計には数えません)",
  "受信側からの報告 (苦情など)", "自動応答 (不在通知など)", "配送完了の通知",
  "原因別", "宛先ドメイン別", "よく戻ってくる宛先",
};
static const char *const texts_en[N_TEXTS] = {
  "Messages", "Failed recipients", "Permanent", "Temporary",
  "Still being retried (delay notices, not counted as failures)",
  "Failure reports that name no recipient (not counted by recipient)",
  "Reports from the receiving side (complaints and similar)",
  "Automatic replies (out-of-office and similar)", "Delivery notices",
  "By reason", "By destination domain", "Most bounced recipients",
};

static void
put_text_table (const char *title, GHashTable *table, guint limit, const char *lang, gboolean reasons)
{
  g_autoptr (GArray) rows = sorted_rows (table);

  printf ("\n%s:\n", title);
  for (guint i = 0; i < rows->len && i < limit; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *key = escape_line (row->key);
      const char *label = NULL;
      ModoriReason reason;

      /* Reasons also get their title in the chosen language. */
      if (reasons && modori_reason_from_string (row->key, &reason))
        label = modori_guidance_for_reason (reason, lang, MODORI_GUIDANCE_TITLE);
      printf ("  %8" G_GSIZE_FORMAT "  %s%s%s%s\n", row->n, key,
              label ? " (" : "", label ? label : "", label ? ")" : "");
    }
}

static void
print_text (const Totals *totals, guint top, const char *lang)
{
  const char *const *t = strcmp (lang, "ja") == 0 ? texts_ja : texts_en;

  printf ("%s: %" G_GUINT64_FORMAT "\n%s: %" G_GUINT64_FORMAT "\n  %s: %" G_GUINT64_FORMAT
          "\n  %s: %" G_GUINT64_FORMAT "\n",
          t[T_MESSAGES], totals->messages, t[T_BOUNCES], totals->records,
          t[T_HARD], totals->hard, t[T_SOFT], totals->soft);
  if (totals->delayed)
    printf ("%s: %" G_GUINT64_FORMAT "\n", t[T_DELAYED], totals->delayed);
  if (totals->unnamed)
    printf ("%s: %" G_GUINT64_FORMAT "\n", t[T_UNNAMED], totals->unnamed);
  if (totals->feedback)
    printf ("%s: %" G_GUINT64_FORMAT "\n", t[T_FEEDBACK], totals->feedback);
  if (totals->autoreplies)
    printf ("%s: %" G_GUINT64_FORMAT "\n", t[T_AUTOREPLIES], totals->autoreplies);
  if (totals->delivered)
    printf ("%s: %" G_GUINT64_FORMAT "\n", t[T_DELIVERED], totals->delivered);
  put_text_table (t[T_BY_REASON], totals->reasons, G_MAXUINT, lang, TRUE);
  put_text_table (t[T_BY_DOMAIN], totals->domains, top, lang, FALSE);
  put_text_table (t[T_BY_RECIPIENT], totals->recipients, top, lang, FALSE);
}

int
cmd_summary (int argc, char **argv)
{
  g_autofree char *format = NULL, *lang = NULL;
  gboolean quiet = FALSE;
  int jobs = 0, top = 10;
  g_auto (GStrv) paths = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json", "FORMAT" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, "Language of text output: ja or en (default: from the locale)", "LANG" },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, "How many domains and recipients to list (default 10)", "N" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Analyze with N workers (default: the number of processors)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress line on a terminal", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "PATH..." },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- totals of the bounces found");
  g_autoptr (ModoriAnalyzer) analyzer = NULL;
  Totals totals = { 0 };
  ScanOptions scan = { .prepare = on_prepare, .consume = on_consume, .user_data = &totals };
  gboolean ok;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
    "Exit status:\n  0  at least one bounce was found\n  1  no input held a bounce\n"
    "  2  an input or a message could not be read (the rest is still counted),\n"
    "     a worker process failed, or bad usage");
  if ((status = commands_parse_paths (context, &argc, &argv, &paths)) != COMMANDS_GO_ON)
    return status;
  if (lang == NULL)
    lang = g_strdup (commands_default_lang ());
  if ((strcmp (lang, "ja") != 0 && strcmp (lang, "en") != 0) ||
      (format && strcmp (format, "text") != 0 && strcmp (format, "json") != 0))
    {
      commands_error ("unknown language or format (use --lang=ja|en, --format=text|json)");
      return EXIT_INPUT_ERROR;
    }

  totals.reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  totals.domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  totals.recipients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  analyzer = modori_analyzer_new ();
  /* Auto-replies and success notices are counted apart (never as
   * bounces): the analyzer must hand them over to be counted at all. */
  modori_analyzer_set_include_vacation (analyzer, TRUE);
  modori_analyzer_set_include_delivered (analyzer, TRUE);
  scan.jobs = jobs > 0 ? jobs : scan_default_jobs ();
  scan.progress = !quiet && isatty (STDERR_FILENO);
  ok = scan_run (analyzer, paths, &scan);

  if (format && strcmp (format, "json") == 0)
    print_json (&totals, MAX (top, 0));
  else
    print_text (&totals, MAX (top, 0), lang);
  if (!commands_finish_output ())
    ok = FALSE;
  g_hash_table_unref (totals.reasons);
  g_hash_table_unref (totals.domains);
  g_hash_table_unref (totals.recipients);
  if (!ok)
    return EXIT_INPUT_ERROR;
  return totals.records || totals.delayed ? EXIT_FOUND : EXIT_NONE_FOUND;
}
