/* replay.c: runs a fuzz target's LLVMFuzzerTestOneInput() on every file
 * of the directories (or files) given, in name order, without libFuzzer:
 * the saved corpus and past crashes become tests in any build.
 *   replay-TARGET DIR-OR-FILE...   exit status 0 when all ran */
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "fuzz.h"

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static gboolean
replay_file (const char *path)
{
  char *contents;
  gsize length;
  GError *error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      g_error_free (error);
      return FALSE;
    }
  /* An exact-size copy: the target sees only its bytes, as in libFuzzer. */
  {
    char *data = fuzz_copy ((const uint8_t *) contents, length);
    LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
    g_free (data);
  }
  g_free (contents);
  return TRUE;
}

/* Replays @dir's files; a missing directory is an empty one. */
static gboolean
replay_dir (const char *dir, guint *count)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gboolean ok = TRUE;

  if (d == NULL)
    return TRUE;
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (names->pdata[i], G_FILE_TEST_IS_REGULAR))
      {
        ok = replay_file (names->pdata[i]) && ok;
        ++*count;
      }
  g_ptr_array_unref (names);
  return ok;
}

int
main (int argc, char **argv)
{
  guint count = 0;
  gboolean ok = TRUE;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s DIR-OR-FILE...\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        ok = replay_dir (argv[i], &count) && ok;
      else
        {
          ok = replay_file (argv[i]) && ok;
          count++;
        }
    }
  printf ("replayed %u input(s)\n", count);
  return ok ? 0 : 1;
}
