/* scan-readers.c: -j N as N worker threads that each read the inputs.
 *
 * The calling thread lists the inputs once (a ModoriSource); each worker
 * reads them through its own copy of that listing
 * (modori_source_new_like()), so all number the messages alike. A
 * worker claims the next run of message indexes, skips forward to it
 * (modori_source_skip(): no copy), analyzes its messages into a window
 * of results and frees them; the calling thread lets the results out in
 * input order. No message passes between threads, only results, and the
 * window bounds the memory.
 *
 * One process maps the libraries once, where every worker process
 * counts their ~11 MB of resident pages again, and no result is copied
 * through a pipe. Each worker reads, parses and frees its own messages,
 * so the threads share no allocator state; what they still share is
 * GLib's bookkeeping of GMime's objects, which before GLib 2.80 takes a
 * process-wide lock in every object's last unref: scan.c prefers worker
 * processes there. */
#include "scan-private.h"

/* Consecutive messages a worker claims at once: each claim takes the
 * lock, and a worker skips the messages of the others' runs. */
#define RUN 16
/* Messages between the oldest not yet let out and the newest claimed. */
#define WINDOW_PER_WORKER (6 * RUN)

typedef struct {
  Scan *scan;
  ModoriSource *listing;   /* scan->source: the workers read copies of it */
  ScanResult *window;
  guint64 window_size;
  GMutex lock;
  /* next_out <= next_claim; results from next_out on are the workers'
   * until done. end: the index of the step past the last, G_MAXUINT64
   * until a worker reaches it. */
  guint64 next_out, next_claim, end;
  guint64 bytes_read;      /* the furthest a worker has read */
  GCond room;              /* to the workers: the window moved, or stop */
  GCond ready;             /* to the caller: the result at next_out is done */
  guint n_waiting_workers;
  gboolean caller_waiting;
  gboolean stop;           /* the output failed: claim no more */
} Readers;

static ScanResult *
result_at (Readers *readers, guint64 index)
{
  return &readers->window[index % readers->window_size];
}

/* The first index of the next run for a worker, or FALSE when there is
 * none: the inputs ended before it, or the scan stops. */
static gboolean
claim_run (Readers *readers, guint64 *first)
{
  gboolean claimed;

  g_mutex_lock (&readers->lock);
  while (!readers->stop && readers->next_claim < readers->end &&
         readers->next_claim + RUN > readers->next_out + readers->window_size)
    {
      readers->n_waiting_workers++;
      g_cond_wait (&readers->room, &readers->lock);
      readers->n_waiting_workers--;
    }
  claimed = !readers->stop && readers->next_claim < readers->end;
  if (claimed)
    {
      *first = readers->next_claim;
      readers->next_claim += RUN;
    }
  g_mutex_unlock (&readers->lock);
  return claimed;
}

/* Marks the result at @index done (or, with @ended, the inputs ended
 * there); with @wake, wakes the caller if it waits. Waking it for every
 * message costs ten times the context switches of once a run. */
static void
finish (Readers *readers, guint64 index, gboolean ended, gboolean wake, ModoriSource *source)
{
  g_mutex_lock (&readers->lock);
  if (ended)
    readers->end = MIN (readers->end, index);
  else
    result_at (readers, index)->done = TRUE;
  readers->bytes_read = MAX (readers->bytes_read, modori_source_get_bytes_read (source));
  if (readers->caller_waiting && (ended || wake))
    g_cond_signal (&readers->ready);
  if (ended && readers->n_waiting_workers > 0)
    g_cond_broadcast (&readers->room);
  g_mutex_unlock (&readers->lock);
}

static gpointer
read_and_analyze (gpointer data)
{
  Readers *readers = data;
  ModoriSource *source = modori_source_new_like (readers->listing);
  guint64 position = 0;   /* the index of the source's next step */
  gboolean ended = FALSE;
  guint64 first;

  while (!ended && claim_run (readers, &first))
    for (guint64 index = first; index < first + RUN && !ended; index++)
      {
        g_autoptr (GError) error = NULL;
        ScanResult *result = result_at (readers, index);

        while (!ended && position < index)
          {
            ended = !modori_source_skip (source);
            if (!ended)
              position++;
          }
        if (!ended)
          {
            result->message = modori_source_next (source, &error);
            ended = result->message == NULL && error == NULL;
            position++;
          }
        if (!ended)
          {
            scan_analyze (readers->scan, result, error);
            /* Freed where it was made; the output needs the results only. */
            g_clear_pointer (&result->message, modori_source_message_free);
          }
        finish (readers, index, ended, index == first + RUN - 1, source);
      }
  modori_source_free (source);
  return NULL;
}

/* Waits for the result at next_out (or the end), then lets out it and
 * every done result after it. FALSE once all is let out. */
static gboolean
let_out (Readers *readers)
{
  Scan *scan = readers->scan;
  guint64 until, limit;

  g_mutex_lock (&readers->lock);
  readers->caller_waiting = TRUE;
  while (readers->next_out < readers->end && !result_at (readers, readers->next_out)->done)
    g_cond_wait (&readers->ready, &readers->lock);
  readers->caller_waiting = FALSE;
  /* Not past the window: beyond it, indexes name its slots again. */
  limit = MIN (readers->end, readers->next_out + readers->window_size);
  until = readers->next_out;
  while (until < limit && result_at (readers, until)->done)
    until++;
  scan->bytes_read = readers->bytes_read;
  g_mutex_unlock (&readers->lock);

  if (until == readers->next_out)
    return FALSE;
  /* Done results before @until are the caller's: no lock needed. */
  for (guint64 index = readers->next_out; index < until; index++)
    scan_emit (scan, result_at (readers, index));
  scan_draw_progress (scan, FALSE);

  g_mutex_lock (&readers->lock);
  readers->next_out = until;
  readers->stop = scan->stopped;
  if (readers->n_waiting_workers > 0)
    g_cond_broadcast (&readers->room);
  g_mutex_unlock (&readers->lock);
  return !scan->stopped;
}

static gboolean
run_readers (Scan *scan, int jobs)
{
  Readers readers = { .scan = scan, .listing = scan->source, .end = G_MAXUINT64 };
  GThread **threads;

  if (!scan_inputs_can_be_reread (scan->paths))
    return FALSE;
  readers.window_size = (guint64) jobs * WINDOW_PER_WORKER;
  readers.window = g_new0 (ScanResult, readers.window_size);
  scan->bytes_total = modori_source_get_bytes_total (readers.listing);
  g_mutex_init (&readers.lock);
  g_cond_init (&readers.room);
  g_cond_init (&readers.ready);
  threads = g_new0 (GThread *, jobs);
  for (int i = 0; i < jobs; i++)
    threads[i] = g_thread_new ("modori-scan", read_and_analyze, &readers);

  while (let_out (&readers))
    ;

  for (int i = 0; i < jobs; i++)
    g_thread_join (threads[i]);
  g_free (threads);
  /* After a stop, what the workers had done is not let out. */
  for (guint64 i = 0; i < readers.window_size; i++)
    scan_clear_result (&readers.window[i]);
  g_free (readers.window);
  g_mutex_clear (&readers.lock);
  g_cond_clear (&readers.room);
  g_cond_clear (&readers.ready);
  return TRUE;
}

const ScanStrategy scan_readers = { "readers", run_readers };
