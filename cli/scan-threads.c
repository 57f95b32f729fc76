/* scan-threads.c: the calling thread reads messages into a ring of
 * results; worker threads take them in small batches and analyze them;
 * the calling thread lets the results out in input order, so -j N
 * prints what -j 1 prints. The ring bounds the memory: at most
 * SLOTS_PER_JOB messages per worker are held. Used when the inputs can
 * only be read once (standard input). */
#include "scan-private.h"

typedef struct {
  Scan *scan;
  ScanResult *ring;
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
} Ring;

/* Enough for the workers never to wait for the reader, few enough for a
 * small, constant memory use. */
#define SLOTS_PER_JOB 16
/* Messages a worker takes at once: fewer wake-ups and lock round trips
 * than one by one. */
#define MAX_BATCH 4

static ScanResult *
slot_at (Ring *ring, guint64 index)
{
  return &ring->ring[index % ring->ring_size];
}

static gpointer
worker (gpointer data)
{
  Ring *ring = data;

  g_mutex_lock (&ring->lock);
  for (;;)
    {
      guint64 first, n;

      while (ring->next_claim == ring->next_in && !ring->finished)
        {
          ring->n_idle++;
          g_cond_wait (&ring->work, &ring->lock);
          ring->n_idle--;
        }
      if (ring->next_claim == ring->next_in)
        break;
      first = ring->next_claim;
      n = MIN (ring->next_in - first, ring->batch);
      ring->next_claim += n;
      g_mutex_unlock (&ring->lock);

      /* A read error's text was set by the reader; nothing to analyze. */
      for (guint64 i = first; i < first + n; i++)
        if (slot_at (ring, i)->message)
          scan_analyze (ring->scan, slot_at (ring, i), NULL);

      g_mutex_lock (&ring->lock);
      for (guint64 i = first; i < first + n; i++)
        slot_at (ring, i)->done = TRUE;
      /* While the reader waits, next_out stays as it is. */
      if (ring->waiting && slot_at (ring, ring->next_out)->done)
        g_cond_signal (&ring->ready);
    }
  g_mutex_unlock (&ring->lock);
  return NULL;
}

/* Lets out the finished slots in order; with @wait, first waits for the
 * oldest one. */
static void
drain (Ring *ring, gboolean wait)
{
  guint64 until;

  g_mutex_lock (&ring->lock);
  if (wait && ring->next_out < ring->next_in)
    {
      ring->waiting = TRUE;
      while (!slot_at (ring, ring->next_out)->done)
        g_cond_wait (&ring->ready, &ring->lock);
      ring->waiting = FALSE;
    }
  until = ring->next_out;
  while (until < ring->next_in && slot_at (ring, until)->done)
    until++;
  g_mutex_unlock (&ring->lock);

  /* Slots before @until are the reader's again: no lock needed. */
  for (; ring->next_out < until; ring->next_out++)
    scan_emit (ring->scan, slot_at (ring, ring->next_out));
  scan_update_bytes (ring->scan);
  scan_draw_progress (ring->scan, FALSE);
}

static gboolean
run_threads (Scan *scan, int jobs)
{
  Ring ring = { .scan = scan };
  GThread **threads = g_new0 (GThread *, jobs);

  ring.ring_size = jobs * SLOTS_PER_JOB;
  ring.batch = MIN (MAX_BATCH, SLOTS_PER_JOB / 2);
  ring.ring = g_new0 (ScanResult, ring.ring_size);
  g_mutex_init (&ring.lock);
  g_cond_init (&ring.work);
  g_cond_init (&ring.ready);
  for (int i = 0; i < jobs; i++)
    threads[i] = g_thread_new ("modori-scan", worker, &ring);

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      ModoriSourceMessage *message;
      ScanResult *slot;

      /* A full ring: wait for the oldest message to be done. */
      if (ring.next_in - ring.next_out >= ring.ring_size)
        drain (&ring, TRUE);
      if (scan->stopped)
        break;
      message = modori_source_next (scan->source, &error);
      if (message == NULL && error == NULL)
        break;
      slot = slot_at (&ring, ring.next_in);
      slot->message = message;
      if (message == NULL)
        scan_analyze (scan, slot, error);

      g_mutex_lock (&ring.lock);
      ring.next_in++;
      /* Busy workers take the next batch without being told. */
      if (ring.n_idle > 0)
        g_cond_signal (&ring.work);
      g_mutex_unlock (&ring.lock);
      /* Some messages in, some results out, then more. */
      if (ring.next_in % ring.batch == 0)
        drain (&ring, FALSE);
    }

  g_mutex_lock (&ring.lock);
  ring.finished = TRUE;
  g_cond_broadcast (&ring.work);
  g_mutex_unlock (&ring.lock);
  while (ring.next_out < ring.next_in)
    drain (&ring, TRUE);
  for (int i = 0; i < jobs; i++)
    g_thread_join (threads[i]);
  g_free (threads);
  g_free (ring.ring);
  g_mutex_clear (&ring.lock);
  g_cond_clear (&ring.work);
  g_cond_clear (&ring.ready);
  return TRUE;
}

const ScanStrategy scan_threads = { "threads", run_threads };
