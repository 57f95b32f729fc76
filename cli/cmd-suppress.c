/* cmd-suppress.c: modori suppress [OPTIONS] PATH... - the addresses to
 * stop sending to. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <modori/modori.h>

#include "commands.h"
#include "outcome.h"
#include "rows.h"
#include "scan.h"
#include "sprinter.h"

typedef struct {
  char *reason;
  char *date;
} Last;

typedef struct {
  GHashTable *addresses;   /* address -> Last */
  GHashTable *reasons;     /* nullable: the reasons that count */
} Suppress;

static void
last_free (gpointer data)
{
  Last *last = data;
  g_free (last->reason);
  g_free (last->date);
  g_free (last);
}

/* The local part as written, the domain lower-cased. */
static char *
normalize (const char *address)
{
  const char *at = strrchr (address, '@');
  g_autofree char *domain = NULL;

  if (at == NULL || at == address || at[1] == '\0')
    return NULL;
  domain = g_ascii_strdown (at + 1, -1);
  return g_strdup_printf ("%.*s@%s", (int) (at - address), address, domain);
}

/* On a worker: one row per record that counts (rows.h), "address
 * reason date". */
enum { ROW_ADDRESS, ROW_REASON, ROW_DATE, N_ROW_FIELDS };

static void
on_prepare (gpointer user_data, const ModoriSourceMessage *message, ModoriReport *report, GString *rows)
{
  const Suppress *self = user_data;

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    {
      ModoriRecord *record = modori_report_get_record (report, i);
      const char *reason = modori_reason_to_string (modori_record_get_reason (record));
      g_autofree char *address = NULL;

      /* Only a failure counts: not a delay notice, whatever its reason,
       * nor a delivery notice or an automatic reply. A feedback report
       * counts when its reason is asked for. */
      Outcome outcome = outcome_of (record);
      if (outcome == OUTCOME_DELAYED || outcome == OUTCOME_DELIVERED || outcome == OUTCOME_AUTOREPLY)
        continue;
      if (self->reasons ? !g_hash_table_contains (self->reasons, reason)
                        : !modori_record_get_hard_bounce (record))
        continue;
      /* The address the sender uses: a forwarding bounce's alias. */
      address = normalize (outcome_sent_to (record));
      if (address == NULL)
        continue;
      rows_add (rows, address);
      rows_add (rows, reason);
      rows_add (rows, modori_record_get_field (record, "timestamp"));
    }
}

static gboolean
on_consume (gpointer user_data, const char *prepared, gsize length, guint n_records)
{
  Suppress *self = user_data;
  RowsReader reader;
  char *fields[N_ROW_FIELDS];

  rows_reader_init (&reader, prepared, length);
  while (rows_next (&reader, N_ROW_FIELDS, fields))
    {
      Last *last = g_hash_table_lookup (self->addresses, fields[ROW_ADDRESS]);

      /* The latest bounce wins; in input order when undated. */
      if (last && last->date[0] && strcmp (fields[ROW_DATE], last->date) < 0)
        {
          for (guint f = 0; f < N_ROW_FIELDS; f++)
            g_free (fields[f]);
          continue;
        }
      last = g_new0 (Last, 1);
      last->reason = fields[ROW_REASON];
      last->date = fields[ROW_DATE];
      g_hash_table_replace (self->addresses, fields[ROW_ADDRESS], last);
    }
  return TRUE;
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

int
cmd_suppress (int argc, char **argv)
{
  g_autofree char *format = NULL, *reasons = NULL;
  gboolean quiet = FALSE;
  int jobs = 0;
  g_auto (GStrv) paths = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: list (default) or csv (address,reason,date)", "FORMAT" },
    { "reasons", 'r', 0, G_OPTION_ARG_STRING, &reasons, "Comma-separated reasons that count (default: every hard bounce)", "LIST" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Analyze with N workers (default: one per processor; none for less than 128 KiB of input)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress line on a terminal", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "PATH..." },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- list the addresses that hard-bounced");
  g_autoptr (ModoriAnalyzer) analyzer = NULL;
  g_autoptr (GPtrArray) sorted = NULL;
  Suppress self = { NULL };
  ScanOptions scan = { .prepare = on_prepare, .consume = on_consume, .user_data = &self };
  g_autoptr (GString) output = NULL;
  Sprinter *sp;
  gboolean csv, ok;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
    "Each address once, sorted, its domain lower-cased.\n\n"
    "Exit status:\n  0  at least one address is listed\n  1  none is\n"
    "  2  an input or a message could not be read (the rest is still read),\n"
    "     a worker process failed, or bad usage");
  if ((status = commands_parse_paths (context, &argc, &argv, &paths)) != COMMANDS_GO_ON)
    return status;
  if (format && strcmp (format, "list") != 0 && strcmp (format, "csv") != 0)
    {
      commands_error ("unknown format '%s' (use list or csv)", format);
      return EXIT_INPUT_ERROR;
    }
  csv = format && strcmp (format, "csv") == 0;
  if (reasons)
    {
      g_auto (GStrv) names = g_strsplit (reasons, ",", -1);

      self.reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (char **name = names; *name; name++)
        {
          ModoriReason reason;
          if (!modori_reason_from_string (g_strstrip (*name), &reason))
            {
              commands_error ("unknown reason '%s'", *name);
              g_hash_table_unref (self.reasons);
              return EXIT_INPUT_ERROR;
            }
          g_hash_table_add (self.reasons, g_strdup (modori_reason_to_string (reason)));
        }
    }

  self.addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, last_free);
  analyzer = modori_analyzer_new ();
  scan.jobs = MAX (jobs, 0);
  scan.progress = !quiet && isatty (STDERR_FILENO);
  ok = scan_run (analyzer, paths, &scan);

  sorted = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, self.addresses);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (sorted, key);
  }
  g_ptr_array_sort (sorted, compare_strings);
  /* CSV: a header and a row for each address; a list: the addresses,
   * one a line. */
  output = g_string_new (NULL);
  if (csv)
    {
      static const char *const header[N_ROW_FIELDS] = { "address", "reason", "date" };

      sp = sprinter_csv_new (output);
      sp->begin_list (sp);
      for (guint f = 0; f < N_ROW_FIELDS; f++)
        sp->string (sp, header[f]);
      sp->end (sp);
    }
  else
    {
      SprinterTextOptions text = { .width = 0, .wrap_fields = FALSE };

      sp = sprinter_text_new (output, &text);
      sp->begin_list (sp);
    }
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *address = g_ptr_array_index (sorted, i);
      Last *last = g_hash_table_lookup (self.addresses, address);

      if (csv)
        {
          sp->begin_map (sp);
          sp->map_key (sp, "address");
          sp->string (sp, address);
          sp->map_key (sp, "reason");
          sp->string (sp, last->reason);
          sp->map_key (sp, "date");
          sp->string (sp, last->date);
          sp->end (sp);
        }
      else
        sp->string (sp, address);
    }
  if (!csv)
    sp->end (sp);
  sp->free (sp);
  fwrite (output->str, 1, output->len, stdout);
  if (!commands_finish_output ())
    ok = FALSE;
  g_hash_table_unref (self.addresses);
  g_clear_pointer (&self.reasons, g_hash_table_unref);
  if (!ok)
    return EXIT_INPUT_ERROR;
  return sorted->len ? EXIT_FOUND : EXIT_NONE_FOUND;
}
