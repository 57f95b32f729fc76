/* scan.c: one message's analysis and output, the serial scan, and the
 * choice between worker threads and worker processes. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "scan-private.h"

int
scan_default_jobs (void)
{
  return MAX (1, (int) g_get_num_processors ());
}

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

static void
run_serial (Scan *scan)
{
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      ScanResult result = { modori_source_next (scan->source, &error) };

      if (result.message == NULL && error == NULL)
        break;
      scan_analyze (scan, &result, error);
      scan_emit (scan, &result);
      if (scan->stopped)
        break;
      scan_update_bytes (scan);
      scan_draw_progress (scan, FALSE);
    }
}

gboolean
scan_run (ModoriAnalyzer *analyzer, char **paths, const ScanOptions *options)
{
  Scan scan = { .analyzer = analyzer, .paths = paths, .options = options };
  int jobs = CLAMP (options->jobs, 1, SCAN_MAX_JOBS);

  g_return_val_if_fail (options->prepare && options->consume, FALSE);
  scan.started = g_get_monotonic_time ();

  /* Processes when they can: GLib's GObject life cycle takes
   * process-wide locks (GLib 2.74: the signal lock in every dispose),
   * and GMime makes ~150 objects a message, so threads scale poorly. */
  if (jobs == 1 || !scan_run_processes (&scan, jobs))
    {
      scan.source = modori_source_new ((const char *const *) paths);
      if (jobs > 1)
        scan_run_threads (&scan, jobs);
      else
        run_serial (&scan);
      modori_source_free (scan.source);
    }
  if (options->progress)
    fputs ("\r\033[K", stderr);
  return !scan.failed;
}
