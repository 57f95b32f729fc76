/* scan-core.c: what every way of running a scan does with a message:
 * its analysis (on a worker), its output in input order (on the calling
 * thread), and the progress line. Calls nothing of the strategies. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "scan-private.h"

/* The analyzer names the origin; the line also says where in the file
 * the message is. */
static char *
describe_failure (const ModoriSourceMessage *message, const GError *error)
{
  guint number = modori_source_message_get_number (message);
  g_autofree char *prefix = g_strconcat (modori_source_message_get_origin (message), ": ", NULL);
  const char *why = g_str_has_prefix (error->message, prefix) ? error->message + strlen (prefix) : error->message;

  if (number == 0)
    return g_strdup (error->message);
  return g_strdup_printf ("%s: message %u at byte %" G_GUINT64_FORMAT ": %s",
                          modori_source_message_get_path (message), number,
                          modori_source_message_get_offset (message), why);
}

static char **
copy_warnings (ModoriReport *report)
{
  guint n = modori_report_get_n_warnings (report);
  char **warnings;

  if (n == 0)
    return NULL;
  warnings = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    warnings[i] = g_strdup (modori_report_get_warning (report, i));
  return warnings;
}

void
scan_analyze (Scan *scan, ScanResult *result, const GError *read_error)
{
  const ScanOptions *options = scan->options;
  g_autoptr (GError) error = NULL;
  ModoriReport *report;

  if (result->message == NULL)
    {
      result->error = g_strdup (read_error->message);
      return;
    }
  result->was_read = TRUE;
  report = modori_analyzer_analyze_source_message (scan->analyzer, result->message, &error);
  if (report == NULL)
    {
      result->error = describe_failure (result->message, error);
      return;
    }
  result->n_records = modori_report_get_n_records (report);
  result->warnings = copy_warnings (report);
  result->prepared = g_string_new (NULL);
  options->prepare (options->user_data, result->message, report, result->prepared);
  modori_report_unref (report);
}

void
scan_emit (Scan *scan, ScanResult *result)
{
  const ScanOptions *options = scan->options;

  if (scan->stopped)
    {
      scan_clear_result (result);
      return;
    }
  if (result->was_read)
    scan->n_messages++;
  if (result->error)
    {
      if (options->progress)
        fputs ("\r\033[K", stderr);
      commands_error ("%s", result->error);
      scan->failed = TRUE;
    }
  if (result->warnings && options->progress)
    fputs ("\r\033[K", stderr);
  for (char **warning = result->warnings; warning && *warning; warning++)
    commands_error ("warning: %s", *warning);
  if (result->was_read && !result->error &&
      !options->consume (options->user_data, result->prepared ? result->prepared->str : "",
                         result->prepared ? result->prepared->len : 0, result->n_records))
    {
      scan->stopped = TRUE;
      scan->failed = TRUE;
    }
  scan_clear_result (result);
}

void
scan_clear_result (ScanResult *result)
{
  g_clear_pointer (&result->message, modori_source_message_free);
  if (result->prepared)
    g_string_free (g_steal_pointer (&result->prepared), TRUE);
  g_clear_pointer (&result->error, g_free);
  g_clear_pointer (&result->warnings, g_strfreev);
  result->n_records = 0;
  result->was_read = FALSE;
  result->done = FALSE;
}

void
scan_update_bytes (Scan *scan)
{
  scan->bytes_read = modori_source_get_bytes_read (scan->source);
  scan->bytes_total = modori_source_get_bytes_total (scan->source);
}

gboolean
scan_inputs_can_be_reread (char **paths)
{
  for (char **path = paths; *path; path++)
    {
      struct stat info;

      if (strcmp (*path, "-") == 0)
        return FALSE;
      /* A missing file is reported in its turn, by the reader. */
      if (stat (*path, &info) == 0 && !S_ISREG (info.st_mode) && !S_ISDIR (info.st_mode))
        return FALSE;
    }
  return TRUE;
}

void
scan_draw_progress (Scan *scan, gboolean force)
{
  gint64 now = g_get_monotonic_time ();
  double seconds = (now - scan->started) / 1e6;
  guint64 done = scan->bytes_read, total = scan->bytes_total;
  g_autofree char *done_text = NULL, *total_text = NULL, *eta = NULL;

  if (!scan->options->progress || (!force && now - scan->last_progress < 200000))
    return;
  scan->last_progress = now;
  done_text = g_format_size (done);
  total_text = total ? g_format_size (total) : g_strdup ("?");
  if (total && done > 0 && done < total && seconds > 0)
    {
      guint64 left = (guint64) (seconds * (total - done) / done);
      eta = g_strdup_printf ("  ETA %" G_GUINT64_FORMAT ":%02u", left / 60, (guint) (left % 60));
    }
  fprintf (stderr, "\r\033[K%s / %s  %" G_GUINT64_FORMAT " messages  %.0f msg/s%s",
           done_text, total_text, scan->n_messages,
           seconds > 0 ? scan->n_messages / seconds : 0.0, eta ? eta : "");
  fflush (stderr);
}
