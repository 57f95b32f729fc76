/* scan-processes.c: -j N as N worker processes.
 *
 * The parent lists the inputs (a ModoriSource) and forks; each worker
 * reads the inputs itself through its copy of that listing. The parent
 * hands out runs of message numbers (indexes in input order) on each
 * worker's control socket, a few at a time to whichever worker has the
 * fewest waiting, so a slow message or a slow core does not hold the
 * others back. A worker skips forward to each index it is given
 * (modori_source_skip(): no copy), analyzes that message and answers a
 * run with one write of a frame per message to its result pipe. The
 * parent puts the frames back in input order in a small window and
 * hands them on. No message crosses a pipe, only numbers and results;
 * the window bounds the memory.
 *
 * The choice before GLib 2.80 (scan.c): its GObject takes a process-wide
 * lock in every object's last unref, and worker threads wait on it. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands.h"
#include "scan-private.h"
#include "wrap.h"

/* Messages are given out in runs of consecutive indexes, and a worker
 * answers a run in one write: each wake-up of a process costs, and
 * more so in a virtual machine (runs of 16 against 8: -j 2 1.91x -j 1
 * against 1.74x, the median of 7 interleaved pairs on two cores). */
#define RUN 16
/* Messages a worker may have been given and not answered: enough that
 * it never waits for the parent. */
#define QUEUE_PER_WORKER (2 * RUN)
/* Messages between the oldest not yet printed and the newest given out. */
#define WINDOW_PER_WORKER (6 * RUN)
/* A frame that claims more warnings than this is corrupt. */
#define MAX_WARNINGS 100000

/* A frame: its length (of what follows), this header, then what
 * prepare() appended (rows or rendered output), the error and each
 * warning, each as a 64-bit length and bytes. */
typedef struct {
  guint64 index;
  guint32 end;          /* no message at @index: the inputs are done */
  guint32 was_read;
  guint32 n_records;
  guint32 n_warnings;
  guint32 has_prepared;
  guint32 padding;
  guint64 bytes_read, bytes_total;
} FrameHeader;

typedef struct {
  pid_t pid;
  int control;          /* to the worker: indexes to analyze (a socket,
                         * so that writing to a dead worker raises no
                         * SIGPIPE: MSG_NOSIGNAL) */
  int results;          /* from the worker: frames */
  GByteArray *pending;  /* bytes of a frame not yet whole */
  guint waiting;        /* indexes given, not answered */
  gboolean unreachable; /* its control socket failed: give it no more */
  gboolean gone;        /* its result pipe ended */
} Worker;

/* Writes or reads exactly @length bytes; FALSE when the pipe ends or
 * fails first. */
static gboolean
transfer_all (int fd, char *data, gsize length, gboolean writing)
{
  while (length > 0)
    {
      gssize n = writing ? write (fd, data, length) : read (fd, data, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

static gboolean
write_all (int fd, const void *data, gsize length)
{
  return transfer_all (fd, (char *) data, length, TRUE);
}

static gboolean
read_all (int fd, void *data, gsize length)
{
  return transfer_all (fd, data, length, FALSE);
}

/* The worker's side. */

static void
append_bytes (GString *frame, const char *data, guint64 length)
{
  g_string_append_len (frame, (const char *) &length, sizeof length);
  if (length)
    g_string_append_len (frame, data, length);
}

static void
append_string (GString *frame, const char *text)
{
  append_bytes (frame, text, text ? strlen (text) : 0);
}

/* Appends to @frames the frame of @index: @result, or the end (NULL). */
static void
add_frame (GString *frames, guint64 index, ModoriSource *source, const ScanResult *result)
{
  FrameHeader header = {
    .index = index,
    .end = result == NULL,
    .bytes_read = modori_source_get_bytes_read (source),
    .bytes_total = modori_source_get_bytes_total (source),
  };
  gsize start = frames->len;
  guint64 length = 0;

  if (result)
    {
      header.was_read = result->was_read;
      header.n_records = result->n_records;
      header.n_warnings = result->warnings ? g_strv_length (result->warnings) : 0;
      header.has_prepared = result->prepared != NULL;
    }
  g_string_append_len (frames, (const char *) &length, sizeof length);   /* set below */
  g_string_append_len (frames, (const char *) &header, sizeof header);
  if (result)
    {
      append_bytes (frames, result->prepared ? result->prepared->str : NULL,
                    result->prepared ? result->prepared->len : 0);
      append_string (frames, result->error);
      for (guint i = 0; i < header.n_warnings; i++)
        append_string (frames, result->warnings[i]);
    }
  length = frames->len - start - sizeof length;
  memcpy (frames->str + start, &length, sizeof length);
}

/* The child's end: frees what it holds, so that a leak checker that
 * follows it sees nothing left (its copy of the source included: a
 * reference-counted block is pointed into, which valgrind calls
 * "possibly lost"; the scan's own state goes with the process). */
static G_GNUC_NORETURN void
worker_exit (GString *frames, ModoriSource *source)
{
  g_string_free (frames, TRUE);
  modori_source_free (source);
  modori_cli_wrap_release_thread ();
  _exit (0);
}

/* In the child: analyzes the runs of messages the parent names, in the
 * order named (always forward), until the control pipe ends. @source
 * was made (its directories listed, its files' sizes taken) before the
 * fork, so every worker numbers the same messages alike even while a
 * Maildir is delivered into or an mbox appended to. */
static G_GNUC_NORETURN void
work (Scan *scan, ModoriSource *source, int control, int results)
{
  GString *frames = g_string_new (NULL);
  guint64 position = 0;   /* the index of the source's next step */
  gboolean ended = FALSE;
  guint64 first;

  /* A parent that has all it needs closes the results pipe: the write
   * fails and the worker ends through worker_exit(), not killed. */
  signal (SIGPIPE, SIG_IGN);
  while (read_all (control, &first, sizeof first))
    {
      for (guint64 index = first; index < first + RUN; index++)
        {
          g_autoptr (GError) error = NULL;
          ScanResult result = { NULL };

          while (!ended && position < index)
            {
              ended = !modori_source_skip (source);
              if (!ended)
                position++;
            }
          if (!ended)
            {
              result.message = modori_source_next (source, &error);
              ended = result.message == NULL && error == NULL;
              position++;
            }
          if (ended)
            {
              add_frame (frames, index, source, NULL);
              continue;
            }
          scan_analyze (scan, &result, error);
          add_frame (frames, index, source, &result);
          scan_clear_result (&result);
        }
      /* The parent is gone, or stopped the scan: nothing more to do. */
      if (!write_all (results, frames->str, frames->len))
        worker_exit (frames, source);
      g_string_truncate (frames, 0);
    }
  worker_exit (frames, source);
}

/* The parent's side. */

static gboolean
take_bytes (const guint8 **p, const guint8 *end, GString **bytes)
{
  guint64 length;

  if (end - *p < (gssize) sizeof length)
    return FALSE;
  memcpy (&length, *p, sizeof length);
  *p += sizeof length;
  if ((guint64) (end - *p) < length)
    return FALSE;
  *bytes = g_string_new_len ((const char *) *p, length);
  *p += length;
  return TRUE;
}

static gboolean
take_string (const guint8 **p, const guint8 *end, char **text)
{
  GString *bytes;

  if (!take_bytes (p, end, &bytes))
    return FALSE;
  *text = g_string_free (bytes, FALSE);
  return TRUE;
}

/* Decodes a whole frame's body into @header and @result. */
static gboolean
decode_frame (const guint8 *body, gsize length, FrameHeader *header, ScanResult *result)
{
  const guint8 *p = body + sizeof *header, *end = body + length;
  char *error = NULL;

  if (length < sizeof *header)
    return FALSE;
  memcpy (header, body, sizeof *header);
  if (header->end)
    return TRUE;
  result->was_read = header->was_read;
  result->n_records = header->n_records;
  if (!take_bytes (&p, end, &result->prepared) || !take_string (&p, end, &error))
    return FALSE;
  if (!header->has_prepared)
    g_string_free (g_steal_pointer (&result->prepared), TRUE);
  if (error[0])
    result->error = error;
  else
    g_free (error);
  if (header->n_warnings > MAX_WARNINGS)
    return FALSE;
  if (header->n_warnings)
    {
      result->warnings = g_new0 (char *, header->n_warnings + 1);
      for (guint i = 0; i < header->n_warnings; i++)
        if (!take_string (&p, end, &result->warnings[i]))
          return FALSE;
    }
  return p == end;
}

typedef struct {
  Scan *scan;
  Worker *workers;
  int jobs;
  ScanResult *window;
  guint64 window_size;
  guint64 next_out, next_given, end;   /* end: G_MAXUINT64 until known */
  gboolean broken;                     /* a worker died or spoke nonsense */
} Pool;

/* Gives out runs while the window has room, each to the worker with the
 * fewest messages waiting. */
static void
give_out (Pool *pool)
{
  while (pool->next_given < pool->end && pool->next_given + RUN - pool->next_out <= pool->window_size)
    {
      Worker *best = NULL;

      for (int j = 0; j < pool->jobs; j++)
        {
          Worker *worker = &pool->workers[j];
          if (!worker->unreachable && !worker->gone && worker->waiting + RUN <= QUEUE_PER_WORKER &&
              (best == NULL || worker->waiting < best->waiting))
            best = worker;
        }
      if (best == NULL)
        return;
      /* Eight bytes into a near-empty socket: sent whole or not at all. */
      if (send (best->control, &pool->next_given, sizeof pool->next_given, MSG_NOSIGNAL) !=
          (gssize) sizeof pool->next_given)
        {
          /* Its answers so far are still read. */
          best->unreachable = TRUE;
          continue;
        }
      best->waiting += RUN;
      pool->next_given += RUN;
    }
}

/* Takes the whole frames out of @worker's pending bytes. */
static void
take_frames (Pool *pool, Worker *worker)
{
  gsize used = 0;

  for (;;)
    {
      const guint8 *at = worker->pending->data + used;
      gsize left = worker->pending->len - used;
      FrameHeader header;
      ScanResult result = { NULL };
      guint64 length;

      if (left < sizeof length)
        break;
      memcpy (&length, at, sizeof length);
      if (left - sizeof length < length)
        break;
      used += sizeof length + length;
      if (worker->waiting == 0 || !decode_frame (at + sizeof length, length, &header, &result))
        {
          pool->broken = TRUE;
          scan_clear_result (&result);
          continue;
        }
      worker->waiting--;
      pool->scan->bytes_read = MAX (pool->scan->bytes_read, header.bytes_read);
      pool->scan->bytes_total = header.bytes_total;
      if (header.end)
        pool->end = MIN (pool->end, header.index);
      else if (header.index >= pool->next_out && header.index < pool->end)
        {
          result.done = TRUE;
          pool->window[header.index % pool->window_size] = result;
          continue;
        }
      scan_clear_result (&result);
    }
  g_byte_array_remove_range (worker->pending, 0, used);
}

/* Waits for frames from any worker with messages to answer. */
static void
collect (Pool *pool)
{
  struct pollfd *fds = g_newa (struct pollfd, pool->jobs);
  Worker **polled = g_newa (Worker *, pool->jobs);
  int n = 0;

  for (int j = 0; j < pool->jobs; j++)
    if (!pool->workers[j].gone && pool->workers[j].waiting > 0)
      {
        polled[n] = &pool->workers[j];
        fds[n++] = (struct pollfd) { .fd = pool->workers[j].results, .events = POLLIN };
      }
  if (n == 0)
    {
      /* Nobody is left to answer the message next in line. */
      pool->broken = TRUE;
      return;
    }
  if (poll (fds, n, -1) < 0)
    {
      if (errno != EINTR)
        pool->broken = TRUE;
      return;
    }
  for (int i = 0; i < n; i++)
    {
      Worker *worker = polled[i];
      guint8 buffer[65536];
      gssize got;

      if (fds[i].revents == 0)
        continue;
      got = read (worker->results, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          worker->gone = TRUE;
          continue;
        }
      g_byte_array_append (worker->pending, buffer, got);
      take_frames (pool, worker);
    }
}

/* Forks the workers; FALSE (none left running) if that fails. */
static gboolean
start_workers (Scan *scan, ModoriSource *source, Worker *workers, int jobs)
{
  int started;

  /* Neither the parent's buffered output nor its atexit handlers are
   * the children's. */
  fflush (stdout);
  fflush (stderr);
  for (started = 0; started < jobs; started++)
    {
      Worker *worker = &workers[started];
      int control[2], results[2];

      if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, control) < 0)
        break;
      if (pipe (results) < 0)
        {
          close (control[0]);
          close (control[1]);
          break;
        }
      worker->pid = fork ();
      if (worker->pid == 0)
        {
          close (control[1]);
          close (results[0]);
          for (int j = 0; j < started; j++)
            {
              close (workers[j].control);
              close (workers[j].results);
            }
          work (scan, source, control[0], results[1]);
        }
      close (control[0]);
      close (results[1]);
      worker->control = control[1];
      worker->results = results[0];
      worker->pending = g_byte_array_new ();
      if (worker->pid < 0)
        {
          close (worker->control);
          close (worker->results);
          g_byte_array_unref (worker->pending);
          break;
        }
    }
  if (started == jobs)
    return TRUE;
  for (int j = 0; j < started; j++)
    {
      close (workers[j].control);   /* the worker ends on its own */
      close (workers[j].results);
      waitpid (workers[j].pid, NULL, 0);
      g_byte_array_unref (workers[j].pending);
    }
  return FALSE;
}

/* Closes the pipes and reaps the workers; TRUE if all ended well. */
static gboolean
stop_workers (Worker *workers, int jobs)
{
  gboolean well = TRUE;

  for (int j = 0; j < jobs; j++)
    {
      close (workers[j].control);   /* a worker waiting for work ends */
      close (workers[j].results);   /* a worker writing ends */
    }
  for (int j = 0; j < jobs; j++)
    {
      int status = 0;
      pid_t got;

      while ((got = waitpid (workers[j].pid, &status, 0)) < 0 && errno == EINTR)
        ;
      if (got < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
        well = FALSE;
      g_byte_array_unref (workers[j].pending);
    }
  return well;
}

static gboolean
run_processes (Scan *scan, int jobs)
{
  Pool pool = { .scan = scan, .jobs = jobs, .end = G_MAXUINT64 };
  gboolean workers_well;

  if (!scan_inputs_can_be_reread (scan->paths))
    return FALSE;
  pool.workers = g_new0 (Worker, jobs);
  /* The workers inherit the listing; the parent reads nothing itself. */
  if (!start_workers (scan, scan->source, pool.workers, jobs))
    {
      g_free (pool.workers);
      return FALSE;   /* no fork: threads do it all, from the start */
    }
  pool.window_size = (guint64) jobs * WINDOW_PER_WORKER;
  pool.window = g_new0 (ScanResult, pool.window_size);

  while (pool.next_out < pool.end && !pool.broken && !scan->stopped)
    {
      ScanResult *next;

      give_out (&pool);
      next = &pool.window[pool.next_out % pool.window_size];
      if (next->done)
        {
          scan_emit (scan, next);
          pool.next_out++;
          scan_draw_progress (scan, FALSE);
        }
      else
        collect (&pool);
    }

  workers_well = stop_workers (pool.workers, jobs);
  if (!scan->stopped && (pool.broken || (!workers_well && pool.next_out < pool.end)))
    {
      commands_error ("a worker process failed at message %" G_GUINT64_FORMAT
                      " of the inputs; the rest is not analyzed", pool.next_out + 1);
      scan->failed = TRUE;
    }
  for (guint64 i = 0; i < pool.window_size; i++)
    scan_clear_result (&pool.window[i]);
  g_free (pool.window);
  g_free (pool.workers);
  return TRUE;
}

const ScanStrategy scan_processes = { "processes", run_processes };
