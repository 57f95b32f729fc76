/* fuzz-source.c: the source reader (lib/source.c, lib/reader.c) on a
 * file of any bytes: gzip / xz detection and decompression, mbox
 * splitting and ">From " unquoting. The file is a memfd, so nothing
 * touches the disk. */
#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <modori/modori.h>

#include "fuzz.h"

static guint32
step_hash (const char *data, gsize length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) data[i]) * 16777619u;
  return hash;
}

/* A reader that skips every other step (as a -j 2 worker skips the
 * other's messages) must take the same steps and, where it reads, read
 * the same messages as one that reads them all (@steps). */
static void
check_skipping (const char *const *paths, GPtrArray *steps)
{
  ModoriSource *source = modori_source_new (paths);
  guint i;

  for (i = 0;; i++)
    {
      GError *error = NULL;
      ModoriSourceMessage *message;
      const char *data;
      char *got;
      gsize length;

      if (i > steps->len)
        g_error ("a skipping reader takes more steps than a reading one");
      if (i % 2 == 0)
        {
          if (!modori_source_skip (source))
            break;
          continue;
        }
      message = modori_source_next (source, &error);
      if (message == NULL && error == NULL)
        break;
      if (message == NULL)
        {
          g_error_free (error);
          got = g_strdup ("");
        }
      else
        {
          data = modori_source_message_get_data (message, &length);
          got = g_strdup_printf ("%s|%" G_GUINT64_FORMAT "|%zu|%08x", modori_source_message_get_origin (message),
                                 modori_source_message_get_offset (message), (size_t) length,
                                 step_hash (data, length));
          modori_source_message_free (message);
        }
      if (i >= steps->len || strcmp (got, g_ptr_array_index (steps, i)) != 0)
        g_error ("step %u: a skipping reader reads %s, a reading one %s", i, got,
                 i < steps->len ? (const char *) g_ptr_array_index (steps, i) : "nothing");
      g_free (got);
    }
  if (i != steps->len)
    g_error ("a skipping reader takes %u steps, a reading one %u", i, steps->len);
  modori_source_free (source);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  int fd = memfd_create ("fuzz-source", MFD_CLOEXEC);
  char *path;
  const char *paths[2] = { NULL, NULL };
  ModoriSource *source;
  gsize total = 0;
  guint calls = 0;
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_free);   /* a message's, or "" */

  if (fd < 0)
    g_error ("memfd_create: %s", g_strerror (errno));
  for (size_t done = 0; done < size;)
    {
      ssize_t n = write (fd, data + done, size - done);
      if (n <= 0)
        g_error ("write: %s", g_strerror (errno));
      done += n;
    }
  path = g_strdup_printf ("/proc/self/fd/%d", fd);
  paths[0] = path;
  source = modori_source_new (paths);
  for (;;)
    {
      GError *error = NULL;
      ModoriSourceMessage *message = modori_source_next (source, &error);
      const char *bytes;
      gsize length;

      /* Each call takes at least a byte, or ends: no more calls than that. */
      if (++calls > size + 2)
        g_error ("modori_source_next() does not come to an end");
      if (message == NULL && error == NULL)
        break;
      if (message == NULL)
        {
          if (strstr (error->message, path) == NULL)
            g_error ("an error that does not name the file: %s", error->message);
          g_error_free (error);
          g_ptr_array_add (steps, g_strdup (""));
          continue;
        }
      bytes = modori_source_message_get_data (message, &length);
      total += length;
      g_ptr_array_add (steps, g_strdup_printf ("%s|%" G_GUINT64_FORMAT "|%zu|%08x",
                                              modori_source_message_get_origin (message),
                                              modori_source_message_get_offset (message),
                                              (size_t) length, step_hash (bytes, length)));
      modori_source_message_free (message);
    }
  modori_source_free (source);
  check_skipping (paths, steps);
  g_ptr_array_unref (steps);
  g_free (path);
  close (fd);
  (void) total;
  return 0;
}
