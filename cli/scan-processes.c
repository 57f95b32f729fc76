/* scan-processes.c: -j N as N worker processes. Each worker reads the
 * same inputs by name and analyzes its share of the messages: message i
 * goes to worker owner(i), a hash of i, so that inputs made of repeating
 * runs (every other message a large one, say) still spread evenly. A
 * worker writes one frame per message it analyzed to its pipe, in input
 * order; the parent reads the frame of message i from owner(i), which
 * is input order, and hands it on. No message crosses a pipe, only
 * results; a worker that runs ahead blocks on its full pipe, which
 * bounds the memory.
 *
 * Processes, not threads, because GLib (2.74) takes process-wide locks
 * in every GObject's life cycle and GMime makes some 150 objects a
 * message: two threads gain about 1.3x, two processes about 1.9x. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scan-private.h"

/* A frame: this header, then the prepared text, the error and each
 * warning, each as a 64-bit length and its bytes. */
typedef struct {
  guint32 was_read;
  guint32 n_records;
  guint32 n_warnings;
  guint32 has_prepared;
  guint64 bytes_read, bytes_total;
} FrameHeader;

/* Bytes of results a worker may write ahead of the parent. */
#define PIPE_BYTES (1024 * 1024)

static guint
owner (guint64 index, int jobs)
{
  /* splitmix64's finalizer: consecutive indexes land anywhere. */
  index ^= index >> 30;
  index *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  index ^= index >> 27;
  index *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  index ^= index >> 31;
  return (guint) (index % (guint64) jobs);
}

/* Every input must be one that a second reader can open by name. */
static gboolean
inputs_can_be_reread (char **paths)
{
  for (char **path = paths; *path; path++)
    {
      struct stat info;

      if (strcmp (*path, "-") == 0)
        return FALSE;
      /* A missing file is reported by every worker at its turn. */
      if (stat (*path, &info) == 0 && !S_ISREG (info.st_mode) && !S_ISDIR (info.st_mode))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (int fd, const void *data, gsize length)
{
  const char *p = data;

  while (length > 0)
    {
      gssize n = write (fd, p, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      length -= n;
    }
  return TRUE;
}

/* Reads exactly @length bytes; FALSE at the end of the pipe. Buffered:
 * a frame's parts are small, one read() each would cost more. */
static gboolean
read_all (FILE *in, void *data, gsize length)
{
  return length == 0 || fread (data, 1, length, in) == length;
}

static void
append_string (GString *frame, const char *text)
{
  guint64 length = text ? strlen (text) : 0;

  g_string_append_len (frame, (const char *) &length, sizeof length);
  if (length)
    g_string_append_len (frame, text, length);
}

static char *
read_string (FILE *in)
{
  guint64 length;
  char *text;

  if (!read_all (in, &length, sizeof length))
    return NULL;
  text = g_malloc (length + 1);
  if (!read_all (in, text, length))
    {
      g_free (text);
      return NULL;
    }
  text[length] = '\0';
  return text;
}

static gboolean
send_result (int fd, Scan *scan, ModoriSource *source, const ScanResult *result)
{
  FrameHeader header = {
    .was_read = result->was_read,
    .n_records = result->n_records,
    .n_warnings = result->warnings ? g_strv_length (result->warnings) : 0,
    .has_prepared = result->prepared != NULL,
    .bytes_read = modori_source_get_bytes_read (source),
    .bytes_total = modori_source_get_bytes_total (source),
  };
  g_autoptr (GString) frame = g_string_new_len ((const char *) &header, sizeof header);

  append_string (frame, result->prepared);
  append_string (frame, result->error);
  for (guint i = 0; i < header.n_warnings; i++)
    append_string (frame, result->warnings[i]);
  return write_all (fd, frame->str, frame->len);
}

/* FALSE at the end of the pipe: that worker has no message for this
 * turn, so the inputs are done (or the worker died). */
static gboolean
receive_result (FILE *in, Scan *scan, ScanResult *result)
{
  FrameHeader header;
  char *error;

  if (!read_all (in, &header, sizeof header))
    return FALSE;
  result->was_read = header.was_read;
  result->n_records = header.n_records;
  result->prepared = read_string (in);
  if (result->prepared && !header.has_prepared)
    g_clear_pointer (&result->prepared, g_free);
  error = read_string (in);
  if (error && error[0])
    result->error = error;
  else
    g_free (error);
  if (header.n_warnings)
    {
      result->warnings = g_new0 (char *, header.n_warnings + 1);
      for (guint i = 0; i < header.n_warnings; i++)
        result->warnings[i] = read_string (in);
    }
  scan->bytes_read = header.bytes_read;
  scan->bytes_total = header.bytes_total;
  return TRUE;
}

/* In the child: analyze the messages that worker @k owns. */
static G_GNUC_NORETURN void
work (Scan *scan, int k, int jobs, int fd)
{
  ModoriSource *source = modori_source_new ((const char *const *) scan->paths);

  for (guint64 i = 0;; i++)
    {
      g_autoptr (GError) error = NULL;
      ScanResult result = { NULL };

      if (owner (i, jobs) != (guint) k)
        {
          if (!modori_source_skip (source))
            break;
          continue;
        }
      result.message = modori_source_next (source, &error);
      if (result.message == NULL && error == NULL)
        break;
      scan_analyze (scan, &result, error);
      if (!send_result (fd, scan, source, &result))
        _exit (1);   /* the parent is gone */
      g_clear_pointer (&result.message, modori_source_message_free);
      g_clear_pointer (&result.report, modori_report_unref);
      g_clear_pointer (&result.prepared, g_free);
      g_clear_pointer (&result.error, g_free);
      g_clear_pointer (&result.warnings, g_strfreev);
    }
  modori_source_free (source);
  close (fd);
  _exit (0);
}

static gboolean
exited_well (int status)
{
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

gboolean
scan_run_processes (Scan *scan, int jobs)
{
  pid_t *pids;
  int *fds;
  FILE **results;
  guint64 i;
  int n_started = 0;

  if (!inputs_can_be_reread (scan->paths))
    return FALSE;
  pids = g_new0 (pid_t, jobs);
  fds = g_new0 (int, jobs);
  /* Neither the parent's buffered output nor its atexit handlers are
   * the children's. */
  fflush (stdout);
  fflush (stderr);
  for (; n_started < jobs; n_started++)
    {
      int pipe_fds[2];

      if (pipe (pipe_fds) < 0)
        break;
#ifdef F_SETPIPE_SZ
      /* Room to even out messages of unequal cost; the kernel may
       * refuse, and 64 KiB works too, only with more waiting. */
      (void) fcntl (pipe_fds[1], F_SETPIPE_SZ, PIPE_BYTES);
#endif
      pids[n_started] = fork ();
      if (pids[n_started] == 0)
        {
          close (pipe_fds[0]);
          for (int j = 0; j < n_started; j++)
            close (fds[j]);
          work (scan, n_started, jobs, pipe_fds[1]);
        }
      close (pipe_fds[1]);
      if (pids[n_started] < 0)
        {
          close (pipe_fds[0]);
          break;
        }
      fds[n_started] = pipe_fds[0];
    }
  if (n_started < jobs)
    {
      /* No fork: the threads do it all, from the start. */
      for (int j = 0; j < n_started; j++)
        {
          close (fds[j]);
          kill (pids[j], SIGTERM);
          waitpid (pids[j], NULL, 0);
        }
      g_free (pids);
      g_free (fds);
      return FALSE;
    }

  results = g_new0 (FILE *, jobs);
  for (int j = 0; j < jobs; j++)
    results[j] = fdopen (fds[j], "rb");
  for (i = 0;; i++)
    {
      ScanResult result = { NULL };
      FILE *in = results[owner (i, jobs)];

      if (in == NULL || !receive_result (in, scan, &result))
        break;
      scan_emit (scan, &result);
      scan_draw_progress (scan, FALSE);
    }

  for (int j = 0; j < jobs; j++)
    {
      int status;

      if (results[j])
        fclose (results[j]);
      else
        close (fds[j]);
      while (waitpid (pids[j], &status, 0) < 0 && errno == EINTR)
        ;
      /* The worker whose turn it was ended the scan: it must have
       * ended well, or the messages from its turn on are lost. */
      if ((guint) j == owner (i, jobs) && !exited_well (status))
        {
          fprintf (stderr, "modori: a worker process failed at message %" G_GUINT64_FORMAT " of the inputs (%s %d); the rest is not read\n",
                   i + 1, WIFSIGNALED (status) ? "signal" : "exit status",
                   WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
          scan->failed = TRUE;
        }
    }
  g_free (pids);
  g_free (fds);
  g_free (results);
  return TRUE;
}
