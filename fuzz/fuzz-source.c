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

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  int fd = memfd_create ("fuzz-source", MFD_CLOEXEC);
  char *path;
  const char *paths[2] = { NULL, NULL };
  ModoriSource *source;
  gsize total = 0;
  guint calls = 0;

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
          continue;
        }
      modori_source_message_get_data (message, &length);
      total += length;
      modori_source_message_get_origin (message);
      modori_source_message_free (message);
    }
  modori_source_free (source);
  g_free (path);
  close (fd);
  (void) total;
  return 0;
}
