/* scan.c: a reader (the calling thread) fills a ring of slots with raw
 * messages; N worker threads take them in small batches, analyze them
 * and format their output; the reader lets the results out in input
 * order, so -j N prints what -j 1 prints. The ring bounds the memory:
 * at most SLOTS_PER_JOB messages per worker are held. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "scan.h"

typedef struct {
  ModoriSourceMessage *message;   /* NULL for a read error */
  ModoriReport *report;
  char *prepared;
  char *error;
  gboolean done;
} Slot;

typedef struct {
  ModoriAnalyzer *analyzer;
  const ScanOptions *options;
  Slot *ring;
  guint ring_size, batch;
  /* next_out <= next_claim <= next_in: slots before next_out are free,
   * from next_claim on they wait for a worker. */
  guint64 next_in, next_claim, next_out;
  GMutex lock;
  GCond work;          /* to the workers: slots to claim, or the end */
  GCond ready;         /* to the reader: the slot at next_out is done */
  guint n_idle;        /* workers waiting on work */
  gboolean waiting;    /* the reader waits on ready */
  gboolean finished;   /* no more slots will come */
  gboolean failed;
  guint64 n_messages;
  gint64 started, last_progress;
  ModoriSource *source;
} Scan;

/* Enough for the workers never to wait for the reader, few enough for a
 * small, constant memory use. */
#define SLOTS_PER_JOB 16
/* Messages a worker takes at once: fewer wake-ups and lock round trips
 * than one by one. */
#define MAX_BATCH 4

int
scan_default_jobs (void)
{
  return MAX (1, (int) g_get_num_processors ());
}

/* Analyzes @slot's message; touches nothing but @slot. */
static void
analyze_slot (Scan *scan, Slot *slot)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  const char *data;

  if (slot->message == NULL)
    return;
  data = modori_source_message_get_data (slot->message, &length);
  slot->report = modori_analyzer_analyze_data (scan->analyzer, data, length,
                                               modori_source_message_get_origin (slot->message),
                                               &error);
  if (slot->report == NULL)
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
  else if (scan->options->prepare)
    slot->prepared = scan->options->prepare (scan->options->user_data, slot->message, slot->report);
}

static Slot *
slot_at (Scan *scan, guint64 index)
{
  return &scan->ring[index % scan->ring_size];
}

static gpointer
worker (gpointer data)
{
  Scan *scan = data;

  g_mutex_lock (&scan->lock);
  for (;;)
    {
      guint64 first, n;

      while (scan->next_claim == scan->next_in && !scan->finished)
        {
          scan->n_idle++;
          g_cond_wait (&scan->work, &scan->lock);
          scan->n_idle--;
        }
      if (scan->next_claim == scan->next_in)
        break;
      first = scan->next_claim;
      n = MIN (scan->next_in - first, scan->batch);
      scan->next_claim += n;
      g_mutex_unlock (&scan->lock);

      for (guint64 i = first; i < first + n; i++)
        analyze_slot (scan, slot_at (scan, i));

      g_mutex_lock (&scan->lock);
      for (guint64 i = first; i < first + n; i++)
        slot_at (scan, i)->done = TRUE;
      /* While the reader waits, next_out stays as it is. */
      if (scan->waiting && slot_at (scan, scan->next_out)->done)
        g_cond_signal (&scan->ready);
    }
  g_mutex_unlock (&scan->lock);
  return NULL;
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

static void
emit (Scan *scan, Slot *slot)
{
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
      scan->options->report (scan->options->user_data, slot->message, slot->report, slot->prepared);
    }
  g_clear_pointer (&slot->message, modori_source_message_free);
  g_clear_pointer (&slot->report, modori_report_unref);
  g_clear_pointer (&slot->prepared, g_free);
  g_clear_pointer (&slot->error, g_free);
  slot->done = FALSE;
}

/* Lets out the finished slots in order; with @wait, first waits for the
 * oldest one. */
static void
drain (Scan *scan, gboolean wait)
{
  guint64 until;

  g_mutex_lock (&scan->lock);
  if (wait && scan->next_out < scan->next_in)
    {
      scan->waiting = TRUE;
      while (!slot_at (scan, scan->next_out)->done)
        g_cond_wait (&scan->ready, &scan->lock);
      scan->waiting = FALSE;
    }
  until = scan->next_out;
  while (until < scan->next_in && slot_at (scan, until)->done)
    until++;
  g_mutex_unlock (&scan->lock);

  /* Slots before @until are the reader's again: no lock needed. */
  for (; scan->next_out < until; scan->next_out++)
    emit (scan, slot_at (scan, scan->next_out));
  draw_progress (scan, FALSE);
}

/* The reader's side of the ring with workers. */
static void
run_parallel (Scan *scan, int jobs)
{
  GThread **threads = g_new0 (GThread *, jobs);

  for (int i = 0; i < jobs; i++)
    threads[i] = g_thread_new ("modori-scan", worker, scan);

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      ModoriSourceMessage *message;
      Slot *slot;

      /* A full ring: wait for the oldest message to be done. */
      if (scan->next_in - scan->next_out >= scan->ring_size)
        drain (scan, TRUE);
      message = modori_source_next (scan->source, &error);
      if (message == NULL && error == NULL)
        break;
      slot = slot_at (scan, scan->next_in);
      slot->message = message;
      if (message == NULL)
        slot->error = g_strdup (error->message);
      else
        scan->n_messages++;

      g_mutex_lock (&scan->lock);
      scan->next_in++;
      /* Busy workers take the next batch without being told. */
      if (scan->n_idle > 0)
        g_cond_signal (&scan->work);
      g_mutex_unlock (&scan->lock);
      /* Some messages in, some results out, then more. */
      if (scan->next_in % scan->batch == 0)
        drain (scan, FALSE);
    }

  g_mutex_lock (&scan->lock);
  scan->finished = TRUE;
  g_cond_broadcast (&scan->work);
  g_mutex_unlock (&scan->lock);
  while (scan->next_out < scan->next_in)
    drain (scan, TRUE);
  for (int i = 0; i < jobs; i++)
    g_thread_join (threads[i]);
  g_free (threads);
}

static void
run_serial (Scan *scan)
{
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      ModoriSourceMessage *message = modori_source_next (scan->source, &error);
      Slot *slot = &scan->ring[0];

      if (message == NULL && error == NULL)
        break;
      slot->message = message;
      if (message == NULL)
        slot->error = g_strdup (error->message);
      else
        {
          scan->n_messages++;
          analyze_slot (scan, slot);
        }
      emit (scan, slot);
      draw_progress (scan, FALSE);
    }
}

gboolean
scan_run (ModoriAnalyzer *analyzer, char **paths, const ScanOptions *options)
{
  Scan scan = { .analyzer = analyzer, .options = options };
  int jobs = MAX (1, options->jobs);

  scan.source = modori_source_new ((const char *const *) paths);
  scan.ring_size = jobs * SLOTS_PER_JOB;
  scan.batch = MIN (MAX_BATCH, SLOTS_PER_JOB / 2);
  scan.ring = g_new0 (Slot, scan.ring_size);
  scan.started = g_get_monotonic_time ();
  g_mutex_init (&scan.lock);
  g_cond_init (&scan.work);
  g_cond_init (&scan.ready);

  if (jobs > 1)
    run_parallel (&scan, jobs);
  else
    run_serial (&scan);
  if (options->progress)
    fputs ("\r\033[K", stderr);

  modori_source_free (scan.source);
  g_free (scan.ring);
  g_mutex_clear (&scan.lock);
  g_cond_clear (&scan.work);
  g_cond_clear (&scan.ready);
  return !scan.failed;
}
