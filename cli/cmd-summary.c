/* cmd-summary.c: modori summary [OPTIONS] PATH... - totals of a batch. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <modori/modori.h>

#include "catalog.h"
#include "commands.h"
#include "outcome.h"
#include "rows.h"
#include "scan.h"
#include "sprinter.h"

typedef struct {
  guint64 messages, records, hard, soft, delayed;
  guint64 unnamed, feedback, autoreplies, delivered;   /* not failures of a known recipient */
  GHashTable *reasons, *domains, *recipients;   /* name -> count */
} Totals;

/* On a worker: one row per record (rows.h), "KIND reason domain
 * recipient". KIND is H or S for a failure (hard, soft), and for what
 * is counted apart: D a delay notice (still being retried), U a failure
 * whose recipient the report does not name, F a feedback report, A an
 * automatic reply, OK a delivery notice. The recipient is the address
 * the sender typed (the alias of a forwarding bounce). */
enum { ROW_KIND, ROW_REASON, ROW_DOMAIN, ROW_RECIPIENT, N_ROW_FIELDS };

static void
on_prepare (gpointer user_data, const ModoriSourceMessage *message, ModoriReport *report, GString *rows)
{
  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    {
      ModoriRecord *record = modori_report_get_record (report, i);
      const char *sent_to = outcome_sent_to (record);
      const char *at = strrchr (sent_to, '@');
      g_autofree char *recipient = g_ascii_strdown (sent_to, -1);
      static const char *const kinds[N_OUTCOMES] = {
        [OUTCOME_DELAYED] = "D", [OUTCOME_FEEDBACK] = "F",
        [OUTCOME_AUTOREPLY] = "A", [OUTCOME_DELIVERED] = "OK",
      };
      Outcome outcome = outcome_of (record);
      const char *kind = kinds[outcome];

      if (outcome == OUTCOME_FAILED)
        kind = !sent_to[0] ? "U" : modori_record_get_hard_bounce (record) ? "H" : "S";
      rows_add (rows, kind);
      rows_add (rows, modori_reason_to_string (modori_record_get_reason (record)));
      rows_add (rows, at && at[1] ? recipient + (at - sent_to) + 1 : "?");
      rows_add (rows, recipient[0] ? recipient : "?");
    }
}

static void
count (GHashTable *table, const char *key)
{
  gpointer old = g_hash_table_lookup (table, key);
  g_hash_table_insert (table, g_strdup (key), GSIZE_TO_POINTER (GPOINTER_TO_SIZE (old) + 1));
}

static gboolean
on_consume (gpointer user_data, const char *prepared, gsize length, guint n_records)
{
  Totals *totals = user_data;
  RowsReader reader;
  char *fields[N_ROW_FIELDS];

  totals->messages++;
  rows_reader_init (&reader, prepared, length);
  while (rows_next (&reader, N_ROW_FIELDS, fields))
    {
      const char *kind = fields[ROW_KIND];

      if (strcmp (kind, "H") != 0 && strcmp (kind, "S") != 0)
        {
          guint64 *apart = strcmp (kind, "D") == 0 ? &totals->delayed
                         : strcmp (kind, "U") == 0 ? &totals->unnamed
                         : strcmp (kind, "F") == 0 ? &totals->feedback
                         : strcmp (kind, "A") == 0 ? &totals->autoreplies
                         : &totals->delivered;
          (*apart)++;
        }
      else
        {
          totals->records++;
          if (kind[0] == 'H')
            totals->hard++;
          else
            totals->soft++;
          count (totals->reasons, fields[ROW_REASON]);
          count (totals->domains, fields[ROW_DOMAIN]);
          count (totals->recipients, fields[ROW_RECIPIENT]);
        }
      for (guint f = 0; f < N_ROW_FIELDS; f++)
        g_free (fields[f]);
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
put_json_table (Sprinter *sp, const char *name, GHashTable *table, guint limit)
{
  g_autoptr (GArray) rows = sorted_rows (table);

  sp->map_key (sp, name);
  sp->begin_list (sp);
  for (guint i = 0; i < rows->len && i < limit; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      sp->begin_inline_map (sp);
      sp->map_key (sp, "name");
      sp->string (sp, row->key);
      sp->map_key (sp, "count");
      sp->integer (sp, row->n);
      sp->end (sp);
    }
  sp->end (sp);
}

static void
print_json (Sprinter *sp, const Totals *totals, guint top)
{
  const struct { const char *name; guint64 n; } counts[] = {
    { "messages", totals->messages }, { "bounces", totals->records },
    { "hard", totals->hard }, { "soft", totals->soft }, { "delayed", totals->delayed },
    { "unnamed", totals->unnamed }, { "feedback", totals->feedback },
    { "autoreplies", totals->autoreplies }, { "delivered", totals->delivered },
  };

  sp->begin_map (sp);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      sp->map_key (sp, counts[i].name);
      sp->integer (sp, counts[i].n);
    }
  put_json_table (sp, "reasons", totals->reasons, G_MAXUINT);
  put_json_table (sp, "domains", totals->domains, top);
  put_json_table (sp, "recipients", totals->recipients, top);
  sp->end (sp);
}

/* "Title:" and a line for each row: its count and its name. */
static void
put_text_table (Sprinter *sp, const char *title, GHashTable *table, guint limit, const char *lang, gboolean reasons)
{
  g_autoptr (GArray) rows = sorted_rows (table);

  sp->separator (sp);
  sp->map_key (sp, title);
  sp->begin_list (sp);
  for (guint i = 0; i < rows->len && i < limit; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      const char *label = NULL;
      g_autofree char *line = NULL;
      ModoriReason reason;

      /* Reasons also get their title in the chosen language. */
      if (reasons && modori_reason_from_string (row->key, &reason))
        label = modori_guidance_for_reason (reason, lang, MODORI_GUIDANCE_TITLE);
      line = g_strdup_printf ("%8" G_GSIZE_FORMAT "  %s%s%s%s", row->n, row->key,
                              label ? " (" : "", label ? label : "", label ? ")" : "");
      sp->string (sp, line);
    }
  sp->end (sp);
}

static void
print_text (Sprinter *sp, const Totals *totals, guint top, const char *lang)
{
  /* Counted apart, shown when there are some. */
  const struct { const char *label; guint64 n; } apart[] = {
    { "summary/delayed", totals->delayed }, { "summary/unnamed", totals->unnamed },
    { "summary/feedback", totals->feedback }, { "summary/autoreplies", totals->autoreplies },
    { "summary/delivered", totals->delivered },
  };

  sp->begin_map (sp);
  sp->map_key (sp, catalog_get (lang, "summary/messages"));
  sp->integer (sp, totals->messages);
  sp->map_key (sp, catalog_get (lang, "summary/bounces"));
  sp->integer (sp, totals->records);
  sp->begin_map (sp);
  sp->map_key (sp, catalog_get (lang, "summary/hard"));
  sp->integer (sp, totals->hard);
  sp->map_key (sp, catalog_get (lang, "summary/soft"));
  sp->integer (sp, totals->soft);
  sp->end (sp);
  for (guint i = 0; i < G_N_ELEMENTS (apart); i++)
    if (apart[i].n)
      {
        sp->map_key (sp, catalog_get (lang, apart[i].label));
        sp->integer (sp, apart[i].n);
      }
  put_text_table (sp, catalog_get (lang, "summary/by-reason"), totals->reasons, G_MAXUINT, lang, TRUE);
  put_text_table (sp, catalog_get (lang, "summary/by-domain"), totals->domains, top, lang, FALSE);
  put_text_table (sp, catalog_get (lang, "summary/by-recipient"), totals->recipients, top, lang, FALSE);
  sp->end (sp);
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
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Analyze with N workers (default: one per processor; none for less than 128 KiB of input)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress line on a terminal", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "PATH..." },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- totals of the bounces found");
  g_autoptr (ModoriAnalyzer) analyzer = NULL;
  Totals totals = { 0 };
  ScanOptions scan = { .prepare = on_prepare, .consume = on_consume, .user_data = &totals };
  g_autoptr (GString) output = NULL;
  Sprinter *sp;
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
  scan.jobs = MAX (jobs, 0);
  scan.progress = !quiet && isatty (STDERR_FILENO);
  ok = scan_run (analyzer, paths, &scan);

  output = g_string_new (NULL);
  if (format && strcmp (format, "json") == 0)
    {
      sp = sprinter_json_new (output, SPRINTER_JSON);
      print_json (sp, &totals, MAX (top, 0));
    }
  else
    {
      SprinterTextOptions text = { .width = 0, .wrap_fields = FALSE };

      sp = sprinter_text_new (output, &text);
      print_text (sp, &totals, MAX (top, 0), lang);
    }
  sp->free (sp);
  fwrite (output->str, 1, output->len, stdout);
  if (!commands_finish_output ())
    ok = FALSE;
  g_hash_table_unref (totals.reasons);
  g_hash_table_unref (totals.domains);
  g_hash_table_unref (totals.recipients);
  if (!ok)
    return EXIT_INPUT_ERROR;
  return totals.records || totals.delayed ? EXIT_FOUND : EXIT_NONE_FOUND;
}
