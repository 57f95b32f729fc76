/* scan.c: a reader (the calling thread) feeds a pool of workers; a ring
 * of slots keeps at most a few messages per worker in memory and lets
 * the results out in input order, so -j N prints what -j 1 prints. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "scan.h"

typedef struct {
  ModoriSourceMessage *message;   /* NULL for a read error */
  ModoriReport *report;
  char *error;
  gboolean done;
} Slot;

typedef struct {
  ModoriAnalyzer *analyzer;
  const ScanOptions *options;
  Slot *ring;
  guint ring_size;
  guint64 next_in, next_out;
  GMutex lock;
  GCond ready;
  gboolean failed;
  guint64 n_messages;
  gint64 started, last_progress;
  ModoriSource *source;
} Scan;

#define SLOTS_PER_JOB 8

int
scan_default_jobs (void)
{
  return MAX (1, (int) g_get_num_processors ());
}

static void
analyze_slot (Scan *scan, Slot *slot)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  const char *data = modori_source_message_get_data (slot->message, &length);
  ModoriReport *report = modori_analyzer_analyze_data (scan->analyzer, data, length,
                                                       modori_source_message_get_origin (slot->message),
                                                       &error);
  if (report == NULL)
    {
      guint number = modori_source_message_get_number (slot->message);
      g_autofree char *prefix = g_strconcat (modori_source_message_get_origin (slot->message), ": ", NULL);
      const char *why = g_str_has_prefix (error->message, prefix) ? error->message + strlen (prefix) : error->message;

      /* The analyzer names the origin; say where in the file it is. */
      slot->error = number
        ? g_strdup_printf ("%s: message %u at byte %" G_GUINT64_FORMAT ": %s",
                           modori_source_message_get_path (slot->message), number,
                           modori_source_message_get_offset (slot->message), why)
        : g_strdup (error->message);
    }
  g_mutex_lock (&scan->lock);
  slot->report = report;
  slot->done = TRUE;
  g_cond_broadcast (&scan->ready);
  g_mutex_unlock (&scan->lock);
}

static void
worker (gpointer data, gpointer user_data)
{
  analyze_slot (user_data, data);
}

static char *
format_size (guint64 bytes)
{
  return g_format_size_full (bytes, G_FORMAT_SIZE_DEFAULT);
}

static void
draw_progress (Scan *scan, gboolean force)
{
  gint64 now = g_get_monotonic_time ();
  guint64 done = modori_source_get_bytes_read (scan->source);
  guint64 total = modori_source_get_bytes_total (scan->source);
  double seconds = (now - scan->started) / 1e6;
  g_autofree char *done_text = NULL, *total_text = NULL, *eta = NULL;

  if (!scan->options->progress || (!force && now - scan->last_progress < 200000))
    return;
  scan->last_progress = now;
  done_text = format_size (done);
  total_text = total ? format_size (total) : g_strdup ("?");
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

/* Lets out the finished slots in order, waiting for those before @until. */
static void
drain (Scan *scan, guint64 until)
{
  for (;;)
    {
      Slot *slot;
      gboolean done;

      g_mutex_lock (&scan->lock);
      if (scan->next_out >= scan->next_in)
        {
          g_mutex_unlock (&scan->lock);
          return;
        }
      slot = &scan->ring[scan->next_out % scan->ring_size];
      while (!slot->done && scan->next_out < until)
        g_cond_wait (&scan->ready, &scan->lock);
      done = slot->done;
      g_mutex_unlock (&scan->lock);
      if (!done)
        return;

      if (slot->error)
        {
          if (scan->options->progress)
            fputs ("\r\033[K", stderr);
          fprintf (stderr, "modori: %s\n", slot->error);
          scan->failed = TRUE;
        }
      if (slot->report)
        {
          for (guint i = 0; i < modori_report_get_n_warnings (slot->report); i++)
            fprintf (stderr, "modori: warning: %s\n", modori_report_get_warning (slot->report, i));
          scan->options->report (scan->options->user_data, slot->message, slot->report);
        }
      g_clear_pointer (&slot->message, modori_source_message_free);
      g_clear_pointer (&slot->report, modori_report_unref);
      g_clear_pointer (&slot->error, g_free);
      slot->done = FALSE;
      scan->next_out++;
      draw_progress (scan, FALSE);
    }
}

gboolean
scan_run (ModoriAnalyzer *analyzer, char **paths, const ScanOptions *options)
{
  Scan scan = { .analyzer = analyzer, .options = options };
  GThreadPool *pool = NULL;

  scan.source = modori_source_new ((const char *const *) paths);
  scan.ring_size = MAX (1, options->jobs) * SLOTS_PER_JOB;
  scan.ring = g_new0 (Slot, scan.ring_size);
  scan.started = g_get_monotonic_time ();
  g_mutex_init (&scan.lock);
  g_cond_init (&scan.ready);
  if (options->jobs > 1)
    pool = g_thread_pool_new (worker, &scan, options->jobs, TRUE, NULL);

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      ModoriSourceMessage *message;
      Slot *slot;

      /* A full ring: wait for the oldest message to be done. */
      if (scan.next_in - scan.next_out >= scan.ring_size)
        drain (&scan, scan.next_out + 1);
      message = modori_source_next (scan.source, &error);
      if (message == NULL && error == NULL)
        break;
      slot = &scan.ring[scan.next_in % scan.ring_size];
      slot->message = message;
      g_mutex_lock (&scan.lock);
      scan.next_in++;
      g_mutex_unlock (&scan.lock);
      if (message == NULL)
        {
          slot->error = g_strdup (error->message);
          slot->done = TRUE;
        }
      else
        {
          scan.n_messages++;
          if (pool)
            g_thread_pool_push (pool, slot, NULL);
          else
            analyze_slot (&scan, slot);
        }
      drain (&scan, 0);
    }
  drain (&scan, G_MAXUINT64);
  if (pool)
    g_thread_pool_free (pool, FALSE, TRUE);
  if (options->progress)
    fputs ("\r\033[K", stderr);

  modori_source_free (scan.source);
  g_free (scan.ring);
  g_mutex_clear (&scan.lock);
  g_cond_clear (&scan.ready);
  return !scan.failed;
}
