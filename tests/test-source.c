/* test-source.c: ModoriSource: mbox splitting and unquoting, broken
 * separators, Maildir and directory order, gzip and xz, errors that name
 * the file, the message and the byte offset, and going on after them;
 * readers that skip each other's messages; the limits of bounds.h
 * (compression bombs, endless and oversized messages), CR-only mboxes,
 * directory entries that cannot be examined, files cut during a scan. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <lzma.h>

#include <modori/modori.h>

#include "gzip-bytes.h"

#include "../lib/bounds.h"   /* the limits to expect */

static char *tmpdir;

static char *
write_temp (const char *name, const char *contents, gssize length)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

#define MSG_A "From: a@example.org\nSubject: one\n\nbody a\n>From here, quoted\n>>From twice\n"
#define MSG_B "From: b@example.org\nSubject: two\n\nbody b\n"
#define MSG_C "From: c@example.org\nSubject: three\n\nbody c\n"

static const char mbox[] =
  "From sender@example.org Tue Mar  5 10:22:31 2024\n" MSG_A "\n"
  "From sender@example.org Tue Mar  5 10:22:32 2024\n" MSG_B
  /* no blank line: a broken writer; the envelope line still splits */
  "From sender@example.org Tue Mar  5 10:22:33 2024\n" MSG_C;

static const char *const unquoted[] = {
  "From: a@example.org\nSubject: one\n\nbody a\nFrom here, quoted\n>From twice\n",
  MSG_B, MSG_C,
};

/* Every message of @paths, as "origin|number|offset|data" strings. */
static GPtrArray *
collect_from (ModoriSource *source, GPtrArray *errors)
{
  GPtrArray *got = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ModoriSourceMessage) message = modori_source_next (source, &error);
      gsize length;
      const char *data;

      if (message == NULL && error == NULL)
        break;
      if (message == NULL)
        {
          g_assert_nonnull (errors);
          g_ptr_array_add (errors, g_strdup (error->message));
          continue;
        }
      data = modori_source_message_get_data (message, &length);
      g_ptr_array_add (got, g_strdup_printf ("%s|%u|%" G_GUINT64_FORMAT "|%.*s",
                                             modori_source_message_get_origin (message),
                                             modori_source_message_get_number (message),
                                             modori_source_message_get_offset (message),
                                             (int) length, data));
    }
  return got;
}

static void
assert_same_strings (GPtrArray *got, GPtrArray *want)
{
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < want->len; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (want, i));
}

static GPtrArray *
collect (const char *const *paths, GPtrArray *errors)
{
  g_autoptr (ModoriSource) source = modori_source_new (paths);

  return collect_from (source, errors);
}

static void
check_mbox (const char *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr (GPtrArray) got = collect (paths, NULL);
  gsize offset_b = strlen ("From sender@example.org Tue Mar  5 10:22:31 2024\n" MSG_A "\n");
  gsize offset_c = offset_b + strlen ("From sender@example.org Tue Mar  5 10:22:32 2024\n" MSG_B);
  const gsize offsets[] = { 0, offset_b, offset_c };

  g_assert_cmpuint (got->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *want = g_strdup_printf ("%s#%u|%u|%" G_GSIZE_FORMAT "|%s",
                                               path, i + 1, i + 1, offsets[i], unquoted[i]);
      g_assert_cmpstr (g_ptr_array_index (got, i), ==, want);
    }
}

static void
test_mbox (void)
{
  g_autofree char *path = write_temp ("plain.mbox", mbox, -1);
  check_mbox (path);
}

static void
test_gzip (void)
{
  g_autoptr (GByteArray) packed = gzip_bytes (mbox, strlen (mbox));
  g_autofree char *path = write_temp ("packed.mbox.gz", (char *) packed->data, packed->len);
  check_mbox (path);
}

static void
test_gzip_members (void)
{
  /* gzip a >f; gzip b >>f: one stream of both. */
  gsize half = strlen ("From sender@example.org Tue Mar  5 10:22:31 2024\n" MSG_A "\n");
  g_autoptr (GByteArray) first = gzip_bytes (mbox, half);
  g_autoptr (GByteArray) second = gzip_bytes (mbox + half, strlen (mbox) - half);
  g_autofree char *path = NULL;

  g_byte_array_append (first, second->data, second->len);
  path = write_temp ("members.mbox.gz", (char *) first->data, first->len);
  check_mbox (path);
}

static void
test_xz (void)
{
  gsize size = lzma_stream_buffer_bound (strlen (mbox)), written = 0;
  g_autofree guint8 *packed = g_malloc (size);
  g_autofree char *path = NULL;

  g_assert_cmpint (lzma_easy_buffer_encode (6, LZMA_CHECK_CRC64, NULL, (const guint8 *) mbox,
                                            strlen (mbox), packed, &written, size), ==, LZMA_OK);
  path = write_temp ("packed.mbox.xz", (char *) packed, written);
  check_mbox (path);
}

static void
test_maildir_and_tree (void)
{
  g_autofree char *a = write_temp ("tree/box/cur/2-a", MSG_A, -1);
  g_autofree char *b = write_temp ("tree/box/new/1-b", MSG_B, -1);
  g_autofree char *tmp = write_temp ("tree/box/tmp/0-partial", MSG_C, -1);
  g_autofree char *hidden = write_temp ("tree/box/cur/.hidden", MSG_C, -1);
  g_autofree char *c = write_temp ("tree/loose/c.eml", MSG_C, -1);
  g_autofree char *root = g_build_filename (tmpdir, "tree", NULL);
  const char *paths[] = { root, NULL };
  g_autoptr (GPtrArray) got = collect (paths, NULL);
  g_autofree char *want_a = g_strdup_printf ("%s|0|0|%s", a, MSG_A);
  g_autofree char *want_b = g_strdup_printf ("%s|0|0|%s", b, MSG_B);
  g_autofree char *want_c = g_strdup_printf ("%s|0|0|%s", c, MSG_C);

  /* Name order, cur/ before new/; tmp/ and hidden files skipped. */
  g_assert_cmpuint (got->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (got, 0), ==, want_a);
  g_assert_cmpstr (g_ptr_array_index (got, 1), ==, want_b);
  g_assert_cmpstr (g_ptr_array_index (got, 2), ==, want_c);
}

static void
test_errors_go_on (void)
{
  g_autoptr (GByteArray) packed = gzip_bytes (mbox, strlen (mbox));
  g_autofree char *truncated = NULL;
  g_autofree char *missing = g_build_filename (tmpdir, "no-such.mbox", NULL);
  g_autofree char *empty = write_temp ("empty.eml", "", 0);
  g_autofree char *good = write_temp ("good.eml", MSG_B, -1);
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) got = NULL;
  g_autofree char *want_missing = g_strdup_printf ("%s: No such file or directory", missing);
  g_autofree char *want_empty = g_strdup_printf ("%s: empty file", empty);
  g_autofree char *want_good = g_strdup_printf ("%s|0|0|%s", good, MSG_B);
  const char *paths[4];

  /* Cut inside the third message: two come out, then the error. */
  truncated = write_temp ("cut.mbox.gz", (char *) packed->data, packed->len - 12);
  paths[0] = truncated; paths[1] = missing; paths[2] = empty; paths[3] = NULL;
  got = collect (paths, errors);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpuint (errors->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 0), truncated));
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 0), ": message 3 at byte "));
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 0), "gzip"));
  g_assert_cmpstr (g_ptr_array_index (errors, 1), ==, want_missing);
  g_assert_cmpstr (g_ptr_array_index (errors, 2), ==, want_empty);

  /* And the next input is read as usual. */
  g_clear_pointer (&got, g_ptr_array_unref);
  paths[0] = missing; paths[1] = good; paths[2] = NULL;
  got = collect (paths, errors);
  g_assert_cmpuint (got->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (got, 0), ==, want_good);
}

/* Every step over @paths, a message as in collect() or "error: ..."; the
 * steps where keep(i) is FALSE are skipped and give "-". */
static GPtrArray *
steps (const char *const *paths, guint every, guint keep_at)
{
  g_autoptr (ModoriSource) source = modori_source_new (paths);
  GPtrArray *got = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0;; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ModoriSourceMessage) message = NULL;
      gsize length;
      const char *data;

      if (i % every != keep_at)
        {
          if (!modori_source_skip (source))
            break;
          g_ptr_array_add (got, g_strdup ("-"));
          continue;
        }
      message = modori_source_next (source, &error);
      if (message == NULL && error == NULL)
        break;
      if (message == NULL)
        {
          g_ptr_array_add (got, g_strdup_printf ("error: %s", error->message));
          continue;
        }
      data = modori_source_message_get_data (message, &length);
      g_ptr_array_add (got, g_strdup_printf ("%s|%" G_GUINT64_FORMAT "|%.*s",
                                             modori_source_message_get_origin (message),
                                             modori_source_message_get_offset (message),
                                             (int) length, data));
    }
  return got;
}

/* Readers that share the inputs, each skipping the others' steps, see
 * what one reader sees: the same messages and errors at the same steps. */
static void
test_skip_shares_the_steps (void)
{
  g_autoptr (GByteArray) packed = gzip_bytes (mbox, strlen (mbox));
  g_autofree char *cut = write_temp ("skip/cut.mbox.gz", (char *) packed->data, packed->len - 12);
  g_autofree char *plain = write_temp ("skip/plain.mbox", mbox, -1);
  g_autofree char *missing = g_build_filename (tmpdir, "skip/no-such.mbox", NULL);
  g_autofree char *empty = write_temp ("skip/empty.eml", "", 0);
  g_autofree char *a = write_temp ("skip/box/cur/1-a", MSG_A, -1);
  g_autofree char *b = write_temp ("skip/box/new/2-b", MSG_B, -1);
  g_autofree char *box = g_build_filename (tmpdir, "skip/box", NULL);
  const char *paths[] = { plain, cut, missing, empty, box, plain, NULL };
  g_autoptr (GPtrArray) all = steps (paths, 1, 0);

  /* 3 + (2 and an error) + an error + an error + 2 + 3 */
  g_assert_cmpuint (all->len, ==, 13);
  for (guint every = 2; every <= 4; every++)
    for (guint keep_at = 0; keep_at < every; keep_at++)
      {
        g_autoptr (GPtrArray) some = steps (paths, every, keep_at);

        g_assert_cmpuint (some->len, ==, all->len);
        for (guint i = 0; i < all->len; i++)
          if (i % every == keep_at)
            g_assert_cmpstr (g_ptr_array_index (some, i), ==, g_ptr_array_index (all, i));
          else
            g_assert_cmpstr (g_ptr_array_index (some, i), ==, "-");
      }
}

/* Random mboxes made of the lines that decide where a message ends: "From "
 * lines after a blank line or not, with an envelope's time or not, quoted
 * ones, blank lines of each line end, lines longer than a piece, and runs
 * that put those lines across the reader's blocks. A reader that skips
 * every other step (source.c, skip_mbox_message()) must find the same
 * messages at the same steps as one that reads them all. */
static void
test_skip_random_mboxes (void)
{
  static const char *const lines[] = {
    "Subject: a line", "", "From someone without a time", "From sender@example.org Tue Mar  5 10:22:31 2024",
    ">From quoted", "From ", "From", "text before From x", "body text of some length, as mail has",
  };
  static const char *const ends[] = { "\n", "\r\n", "\r" };
  GRand *rand = g_rand_new_with_seed (16);

  for (guint round = 0; round < 60; round++)
    {
      const char *end = ends[round % 3];
      g_autoptr (GString) box = g_string_new ("From first@example.org Mon Mar  4 09:00:00 2024");
      g_autofree char *name = g_strdup_printf ("skip-random/%u.mbox", round);
      g_autofree char *path = NULL;
      guint n_lines = g_rand_int_range (rand, 10, 4000);

      /* A lone CR file has no LF anywhere (source.c reads it as CR only). */
      g_string_append (box, end);
      for (guint i = 0; i < n_lines; i++)
        {
          guint pick = g_rand_int_range (rand, 0, G_N_ELEMENTS (lines) + 2);

          if (pick == G_N_ELEMENTS (lines))
            {
              gsize filler = g_rand_int_range (rand, 1, 200);
              for (gsize k = 0; k < filler; k++)
                g_string_append_c (box, 'a' + k % 26);
            }
          else if (pick == G_N_ELEMENTS (lines) + 1)
            {
              /* Longer than a piece now and then (MAX_PIECE, 64 KiB). */
              gsize filler = g_rand_int_range (rand, 0, 10) == 0 ? 65536 + g_rand_int_range (rand, -3, 4) : 3000;
              for (gsize k = 0; k < filler; k++)
                g_string_append_c (box, 'x');
            }
          else
            g_string_append (box, lines[pick]);
          if (strcmp (end, "\r\n") == 0 && g_rand_int_range (rand, 0, 8) == 0)
            g_string_append (box, "\n");   /* an LF alone among CRLF */
          else
            g_string_append (box, end);
        }
      if (g_rand_boolean (rand))
        g_string_truncate (box, box->len - strlen (end));   /* no last line end */
      path = write_temp (name, box->str, box->len);
      {
        const char *paths[] = { path, NULL };
        g_autoptr (GPtrArray) all = steps (paths, 1, 0);

        for (guint every = 2; every <= 3; every++)
          for (guint keep_at = 0; keep_at < every; keep_at++)
            {
              g_autoptr (GPtrArray) some = steps (paths, every, keep_at);

              g_assert_cmpuint (some->len, ==, all->len);
              for (guint i = keep_at; i < all->len; i += every)
                g_assert_cmpstr (g_ptr_array_index (some, i), ==, g_ptr_array_index (all, i));
            }
      }
    }
  g_rand_free (rand);
}

/* A separator cut by the end of the reader's first block (FIRST_BLOCK,
 * 4,096 bytes, in source.c open_entry()) as a skipping reader passes over
 * the message before it: at each place across the cut, after a blank
 * line or not. */
static void
test_skip_across_blocks (void)
{
  static const char head[] = "From a@example.org Mon Mar  4 09:00:00 2024\nSubject: one\n\n";
  /* No time of day: a separator only after a blank line. */
  static const char next[] = "From b@example.org\nSubject: two\n\nbody\n\n";

  for (guint blank = 0; blank < 2; blank++)
    for (gsize cut = 0; cut < 10; cut++)
      {
        g_autoptr (GString) box = g_string_new (head);
        g_autofree char *name = g_strdup_printf ("skip-blocks/%u-%zu.mbox", blank, cut);
        g_autofree char *path = NULL;
        /* The separator's line end at 4,096 - cut: "\nFrom " spans the cut
         * for cut 1 to 5. */
        gsize line_end = 4096 - cut;

        while (box->len + 80 < line_end - blank)
          g_string_append (box, "filler text of a body line, filler text of a body line, filler\n");
        while (box->len < line_end - blank)
          g_string_append_c (box, 'x');
        if (blank)
          g_string_append (box, "\n");   /* the x line ends; the blank line follows */
        g_string_append (box, "\n");
        g_string_append (box, next);
        g_string_append (box, next);
        path = write_temp (name, box->str, box->len);
        {
          const char *paths[] = { path, NULL };
          g_autoptr (GPtrArray) all = steps (paths, 1, 0);
          g_autoptr (GPtrArray) some = steps (paths, 2, 1);

          g_assert_cmpuint (all->len, ==, blank ? 3 : 2);
          g_assert_cmpuint (some->len, ==, all->len);
          g_assert_cmpstr (g_ptr_array_index (some, 1), ==, g_ptr_array_index (all, 1));
        }
      }
}

/* What the inputs were when the source was made is what it reads: a
 * message appended to an mbox, or a file delivered into a Maildir,
 * afterwards is left for the next scan. Readers in several processes
 * rely on it to number the messages alike. */
/* In @dir under tmpdir: an mbox of three messages and a Maildir of one,
 * as @paths (freed with g_strfreev()). */
static char **
make_growing_inputs (const char *dir)
{
  g_autofree char *mbox_name = g_strdup_printf ("%s/grows.mbox", dir);
  g_autofree char *a_name = g_strdup_printf ("%s/box/cur/1-a", dir);
  char **paths = g_new0 (char *, 3);

  paths[0] = write_temp (mbox_name, mbox, -1);
  g_free (write_temp (a_name, MSG_A, -1));
  paths[1] = g_strdup_printf ("%s/%s/box", tmpdir, dir);
  return paths;
}

/* What happens to those inputs after a listing: a fourth message
 * appended to the mbox, a second one delivered to the Maildir. */
static void
grow_inputs (char **paths)
{
  g_autofree char *grown = g_strconcat (mbox, "\nFrom sender@example.org Tue Mar  5 10:22:34 2024\n" MSG_B, NULL);
  g_autofree char *later = g_build_filename (paths[1], "cur", "2-later", NULL);

  g_assert_true (g_file_set_contents (paths[0], grown, -1, NULL));
  g_assert_true (g_file_set_contents (later, MSG_C, -1, NULL));
}

static void
test_inputs_as_listed (void)
{
  g_auto (GStrv) paths = make_growing_inputs ("listed");
  g_autoptr (ModoriSource) source = modori_source_new ((const char *const *) paths);
  guint n = 0;

  grow_inputs (paths);
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ModoriSourceMessage) message = modori_source_next (source, &error);

      g_assert_no_error (error);
      if (message == NULL)
        break;
      n++;
    }
  /* The three messages of the mbox as it was, and 1-a. */
  g_assert_cmpuint (n, ==, 4);
}

/* A copy reads the inputs as its original listed them, from the start,
 * wherever the original is: what the threads of one scan read. */
static void
test_copies_read_as_listed (void)
{
  g_auto (GStrv) paths = make_growing_inputs ("like");
  g_autoptr (GPtrArray) before = collect ((const char *const *) paths, NULL);
  g_autoptr (ModoriSource) source = modori_source_new ((const char *const *) paths);
  g_autoptr (ModoriSourceMessage) first = modori_source_next (source, NULL);
  g_autoptr (ModoriSource) copy = NULL;
  g_autoptr (ModoriSource) copy_of_copy = NULL;
  g_autoptr (GPtrArray) from_copy = NULL, from_copy_of_copy = NULL, rest = NULL;

  g_assert_nonnull (first);
  g_assert_cmpuint (before->len, ==, 4);
  grow_inputs (paths);

  copy = modori_source_new_like (source);
  g_assert_cmpuint (modori_source_get_bytes_total (copy), ==, modori_source_get_bytes_total (source));
  g_assert_cmpuint (modori_source_get_bytes_read (copy), ==, 0);
  from_copy = collect_from (copy, NULL);
  assert_same_strings (from_copy, before);
  /* A copy of a finished copy starts over too. */
  copy_of_copy = modori_source_new_like (copy);
  from_copy_of_copy = collect_from (copy_of_copy, NULL);
  assert_same_strings (from_copy_of_copy, before);
  /* The original goes on from where it was. */
  rest = collect_from (source, NULL);
  g_assert_cmpuint (rest->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (rest, 0), ==, g_ptr_array_index (before, 1));
}

static void
test_long_lines_and_crlf (void)
{
  /* A line longer than the read buffer, and CRLF line ends. */
  g_autofree char *big = g_strnfill (200000, 'x');
  g_autofree char *data = g_strdup_printf ("From s Tue Mar  5 10:22:31 2024\r\nSubject: a\r\n\r\n%s\r\n\r\n"
                                           "From s Tue Mar  5 10:22:32 2024\r\nSubject: b\r\n\r\nb\r\n", big);
  g_autofree char *path = write_temp ("crlf.mbox", data, -1);
  const char *paths[] = { path, NULL };
  g_autoptr (GPtrArray) got = collect (paths, NULL);
  g_autofree char *second = g_strdup_printf ("%s#2|2|%" G_GSIZE_FORMAT "|Subject: b\r\n\r\nb\r\n",
                                             path, strlen (data) - strlen ("From s Tue Mar  5 10:22:32 2024\r\nSubject: b\r\n\r\nb\r\n"));

  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpuint (strlen (g_ptr_array_index (got, 0)), ==, strlen (path) + strlen ("#1|1|0|Subject: a\r\n\r\n\r\n") + 200000);
  g_assert_cmpstr (g_ptr_array_index (got, 1), ==, second);
}

/* Appends @length bytes of @byte to @file. */
static void
write_run (FILE *file, char byte, gsize length)
{
  static char block[65536];

  memset (block, byte, sizeof block);
  for (gsize done = 0; done < length; done += MIN (length - done, sizeof block))
    g_assert_cmpuint (fwrite (block, 1, MIN (length - done, sizeof block), file), ==, MIN (length - done, sizeof block));
}

/* The error messages of @paths, after checking what else came out: the
 * messages, "origin|number|offset|data" as in collect(), must be @want. */
static GPtrArray *
errors_of (const char *const *paths, const char *const *want)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) got = collect (paths, errors);
  guint n = g_strv_length ((char **) want);

  for (guint i = 0; i < got->len; i++)
    g_test_message ("got: %.200s", (char *) g_ptr_array_index (got, i));
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("error: %s", (char *) g_ptr_array_index (errors, i));
  g_assert_cmpuint (got->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, want[i]);
  return errors;
}

/* A gzip member of 1 MiB of zeros, repeated: a file of one message that
 * decompresses to @mib MiB and a bit (concatenated members are one stream). */
static char *
write_gzip_bomb (const char *name, guint mib)
{
  static const char head[] = "Subject: zeros\n\n";
  g_autofree char *zeros = g_malloc0 (1 << 20);
  g_autoptr (GByteArray) first = gzip_bytes (head, strlen (head));
  g_autoptr (GByteArray) member = gzip_bytes (zeros, 1 << 20);
  char *path = g_build_filename (tmpdir, name, NULL);
  FILE *file = fopen (path, "wb");

  g_assert_nonnull (file);
  fwrite (first->data, 1, first->len, file);
  for (guint i = 0; i < mib; i++)
    fwrite (member->data, 1, member->len, file);
  g_assert_cmpint (fclose (file), ==, 0);
  return path;
}

static GByteArray *
xz_bytes (const char *data, gsize length)
{
  GByteArray *out = g_byte_array_new ();
  gsize written = 0;

  g_byte_array_set_size (out, lzma_stream_buffer_bound (length));
  g_assert_cmpint (lzma_easy_buffer_encode (6, LZMA_CHECK_CRC64, NULL, (const guint8 *) data,
                                            length, out->data, &written, out->len), ==, LZMA_OK);
  g_byte_array_set_size (out, written);
  return out;
}

/* A gzip'd message of far more than MODORI_MAX_MESSAGE_BYTES (a few
 * hundred KB of zeros), and a message of zeros without end (/dev/zero):
 * each is an error naming it and the limit, the memory stays bounded,
 * and the next input is read. */
static void
test_oversized_message_files (void)
{
  g_autofree char *bomb = write_gzip_bomb ("bomb.eml.gz", (MODORI_MAX_MESSAGE_BYTES >> 20) + 16);
  g_autofree char *good = write_temp ("after-bomb.eml", MSG_B, -1);
  g_autofree char *want_good = g_strdup_printf ("%s|0|0|%s", good, MSG_B);
  g_autofree char *too_large = g_strdup_printf ("%s: larger than %d MiB, the limit for one message: not read",
                                                bomb, MODORI_MAX_MESSAGE_BYTES >> 20);
  g_autofree char *endless = g_strdup_printf ("/dev/zero: larger than %d MiB, the limit for one message: not read",
                                              MODORI_MAX_MESSAGE_BYTES >> 20);
  const char *paths[] = { bomb, "/dev/zero", good, NULL };
  const char *want[] = { want_good, NULL };
  g_autoptr (GPtrArray) errors = errors_of (paths, want);

  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, too_large);
  g_assert_cmpstr (g_ptr_array_index (errors, 1), ==, endless);
}

/* An mbox.xz whose one message is 1 MiB xz streams of zeros over and
 * over (some 5,000:1): past MODORI_MAX_MESSAGE_BYTES it is read on and
 * not kept, and at MODORI_MAX_EXPANSION_BASE plus MODORI_MAX_EXPANSION
 * times the bytes read the rest is left unread; the next input is read. */
static void
test_expansion_bomb (void)
{
  static const char head[] = "From s Tue Mar  5 10:22:31 2024\nSubject: zeros\n\n";
  g_autofree char *zeros = g_malloc0 (1 << 20);
  g_autoptr (GByteArray) first = xz_bytes (head, strlen (head));
  g_autoptr (GByteArray) stream = xz_bytes (zeros, 1 << 20);
  g_autofree char *path = g_build_filename (tmpdir, "bomb.mbox.xz", NULL);
  g_autofree char *good = write_temp ("after-xz-bomb.eml", MSG_B, -1);
  g_autofree char *want_good = g_strdup_printf ("%s|0|0|%s", good, MSG_B);
  g_autofree char *limit = g_strdup_printf (" bytes, over the limit of %d MiB plus %d times the compressed size: "
                                            "the rest of the file is not read",
                                            MODORI_MAX_EXPANSION_BASE >> 20, MODORI_MAX_EXPANSION);
  g_autofree char *prefix = NULL;
  const char *paths[] = { path, good, NULL };
  const char *want[] = { want_good, NULL };
  g_autoptr (GPtrArray) errors = NULL;
  const char *error;
  FILE *file = fopen (path, "wb");
  guint64 decompressed, compressed;

  g_assert_nonnull (file);
  g_assert_cmpuint (stream->len * MODORI_MAX_EXPANSION, <, 1 << 20);
  fwrite (first->data, 1, first->len, file);
  /* Twice what the limit lets through. */
  for (guint i = 0; i < 2 * (MODORI_MAX_EXPANSION_BASE >> 20); i++)
    fwrite (stream->data, 1, stream->len, file);
  g_assert_cmpint (fclose (file), ==, 0);

  errors = errors_of (paths, want);
  g_assert_cmpuint (errors->len, ==, 1);
  error = g_ptr_array_index (errors, 0);
  prefix = g_strdup_printf ("%s: message 1 at byte 0: ", path);
  g_assert_true (g_str_has_prefix (error, prefix));
  g_assert_true (g_str_has_suffix (error, limit));
  g_assert_cmpint (sscanf (error + strlen (prefix), "%" G_GUINT64_FORMAT " bytes decompressed from %" G_GUINT64_FORMAT,
                           &decompressed, &compressed), ==, 2);
  /* Stopped within a block of the limit. */
  g_assert_cmpuint (decompressed, >, MODORI_MAX_EXPANSION_BASE + compressed * MODORI_MAX_EXPANSION);
  g_assert_cmpuint (decompressed, <, MODORI_MAX_EXPANSION_BASE + compressed * MODORI_MAX_EXPANSION + (1 << 20));
}

/* An xz file that asks for a dictionary larger than MODORI_MAX_XZ_MEMORY
 * (the encoder makes it no larger than the data: the block header's
 * LZMA2 property is set by hand, and its CRC32). */
static void
test_xz_memory (void)
{
  g_autoptr (GByteArray) packed = xz_bytes (MSG_A, strlen (MSG_A));
  guint8 *header = packed->data + LZMA_STREAM_HEADER_SIZE;
  gsize header_size = lzma_block_header_size_decode (header[0]);
  gsize at = 2;
  guint32 crc;
  g_autofree char *path = NULL;
  g_autofree char *want = NULL;
  const char *paths[2] = { NULL, NULL };
  const char *none[] = { NULL };
  g_autoptr (GPtrArray) errors = NULL;

  /* Size, flags, the sizes the flags announce (variable-length
   * integers), then the filter: ID 0x21 (LZMA2), 1 byte of properties. */
  for (guint flag = 0x40; flag <= 0x80; flag <<= 1)
    if (header[1] & flag)
      while (header[at++] & 0x80)
        ;
  g_assert_cmpuint (header[at], ==, 0x21);
  g_assert_cmpuint (header[at + 1], ==, 1);
  header[at + 2] = 34;   /* 2^(34 / 2 + 12) = 512 MiB */
  g_assert_cmpuint ((guint64) 1 << 29, >, MODORI_MAX_XZ_MEMORY);
  crc = GUINT32_TO_LE (lzma_crc32 (header, header_size - 4, 0));
  memcpy (header + header_size - 4, &crc, 4);

  path = write_temp ("big-dictionary.eml.xz", (char *) packed->data, packed->len);
  paths[0] = path;
  errors = errors_of (paths, none);
  g_assert_cmpuint (errors->len, ==, 1);
  want = g_strdup_printf ("over the limit of %d MiB", MODORI_MAX_XZ_MEMORY >> 20);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 0), path));
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 0), want));
}

/* An mbox whose second message is one line (no line end at all) longer
 * than MODORI_MAX_MESSAGE_BYTES: it is reported and skipped, the third
 * is read; readers that skip each other's steps agree. */
static void
test_oversized_mbox_message (void)
{
  static const char from_1[] = "From s Tue Mar  5 10:22:31 2024\n";
  static const char from_2[] = "From s Tue Mar  5 10:22:32 2024\nSubject: big\n\n";
  static const char from_3[] = "\n\nFrom s Tue Mar  5 10:22:33 2024\n";
  g_autofree char *path = g_build_filename (tmpdir, "oversized.mbox", NULL);
  FILE *file = fopen (path, "wb");
  gsize big = MODORI_MAX_MESSAGE_BYTES + 1;
  guint64 offset_2 = strlen (from_1) + strlen (MSG_A) + 1;
  guint64 offset_3 = offset_2 + strlen (from_2) + big + 2;
  g_autofree char *want_1 = NULL, *want_3 = NULL, *error_2 = NULL;
  const char *paths[] = { path, NULL };
  const char *want[3];
  g_autoptr (GPtrArray) errors = NULL;
  g_autoptr (GPtrArray) all = NULL;

  g_assert_nonnull (file);
  fprintf (file, "%s%s\n%s", from_1, MSG_A, from_2);
  write_run (file, 'x', big);
  fprintf (file, "%s%s", from_3, MSG_C);
  g_assert_cmpint (fclose (file), ==, 0);

  want_1 = g_strdup_printf ("%s#1|1|0|%s", path, unquoted[0]);
  want_3 = g_strdup_printf ("%s#3|3|%" G_GUINT64_FORMAT "|%s", path, offset_3, MSG_C);
  want[0] = want_1; want[1] = want_3; want[2] = NULL;
  errors = errors_of (paths, want);
  error_2 = g_strdup_printf ("%s: message 2 at byte %" G_GUINT64_FORMAT ": larger than %d MiB, "
                             "the limit for one message: skipped", path, offset_2, MODORI_MAX_MESSAGE_BYTES >> 20);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, error_2);

  all = steps (paths, 1, 0);
  g_assert_cmpuint (all->len, ==, 3);
  for (guint keep_at = 0; keep_at < 2; keep_at++)
    {
      g_autoptr (GPtrArray) some = steps (paths, 2, keep_at);

      g_assert_cmpuint (some->len, ==, 3);
      for (guint i = 0; i < 3; i++)
        g_assert_cmpstr (g_ptr_array_index (some, i), ==, i % 2 == keep_at ? g_ptr_array_index (all, i) : "-");
    }
}

/* Lines longer than the pieces the reader takes them in: only the start
 * of a line may separate messages or be unquoted. */
static void
test_long_line_pieces (void)
{
  g_autofree char *run = g_strnfill (65536 * 3 - 7, 'x');
  g_autofree char *body = g_strdup_printf ("Subject: a\n\n%sFrom s Tue Mar  5 10:22:31 2024\n"
                                           "%s>From here\n%s\n>From there\n", run, run, run);
  g_autofree char *data = g_strdup_printf ("From s Tue Mar  5 10:22:30 2024 %s\n%s", run, body);
  g_autofree char *path = write_temp ("pieces.mbox", data, -1);
  g_autofree char *want = g_strdup_printf ("%s#1|1|0|%.*sFrom there\n", path,
                                           (int) (strlen (body) - strlen (">From there\n")), body);
  const char *paths[] = { path, NULL };
  const char *wanted[] = { want, NULL };
  g_autoptr (GPtrArray) errors = errors_of (paths, wanted);

  g_assert_cmpuint (errors->len, ==, 0);
}

/* Bytes without any line end, as a file and after an mbox's "From "
 * line, and lines of many '>' before "From ": read in time linear in
 * their size (the suite's timeout would catch worse). */
static void
test_no_line_ends (void)
{
  gsize size = 48 << 20;
  g_autofree char *plain = g_build_filename (tmpdir, "no-line-end.eml", NULL);
  g_autofree char *mboxed = g_build_filename (tmpdir, "no-line-end.mbox", NULL);
  g_autofree char *quotes = g_build_filename (tmpdir, "quotes.mbox", NULL);
  const char *paths[] = { plain, mboxed, quotes, NULL };
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) got = NULL;
  FILE *file;

  file = fopen (plain, "wb");
  write_run (file, 'x', size);
  g_assert_cmpint (fclose (file), ==, 0);
  file = fopen (mboxed, "wb");
  fputs ("From s Tue Mar  5 10:22:31 2024\n", file);
  write_run (file, 'x', size);
  g_assert_cmpint (fclose (file), ==, 0);
  file = fopen (quotes, "wb");
  fputs ("From s Tue Mar  5 10:22:31 2024\nSubject: q\n\n", file);
  write_run (file, '>', 60000);
  fputs ("From s\n", file);
  write_run (file, '>', 1 << 20);
  fputs ("From t\n", file);
  g_assert_cmpint (fclose (file), ==, 0);

  got = collect (paths, errors);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (got->len, ==, 3);
  g_assert_cmpuint (strlen (g_ptr_array_index (got, 0)), ==, strlen (plain) + strlen ("|0|0|") + size);
  g_assert_cmpuint (strlen (g_ptr_array_index (got, 1)), ==, strlen (mboxed) + strlen ("#1|1|0|") + size);
  /* One '>' off a quoted "From " line; but a line is looked at in
   * pieces of 64 KiB, and one of only '>' is not taken for quoted. */
  g_assert_cmpuint (strlen (g_ptr_array_index (got, 2)), ==,
                    strlen (quotes) + strlen ("#1|1|0|Subject: q\n\n") + 60000 - 1 + strlen ("From s\n") +
                    (1 << 20) + strlen ("From t\n"));
}

/* Old Macintosh line ends: the mbox is split on lone CRs, and each
 * message keeps them (the analyzer reads such a message as it is). */
static void
test_cr_only_mbox (void)
{
  g_autofree char *cr = g_strdup (mbox);
  g_autofree char *path = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr (GPtrArray) got = NULL;
  gsize offset = 0;

  g_strdelimit (cr, "\n", '\r');
  path = write_temp ("cr-only.mbox", cr, -1);
  paths[0] = path;
  got = collect (paths, NULL);
  g_assert_cmpuint (got->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *data = g_strdup (unquoted[i]);
      g_autofree char *want = NULL;

      g_strdelimit (data, "\n", '\r');
      want = g_strdup_printf ("%s#%u|%u|%" G_GSIZE_FORMAT "|%s", path, i + 1, i + 1, offset, data);
      g_assert_cmpstr (g_ptr_array_index (got, i), ==, want);
      offset = strstr (cr + offset + 1, "\rFrom s") + 1 - cr;
    }
}

/* Makes under @root a chain of directories deeper than PATH_MAX, with a
 * message at the bottom, by relative steps (no one path names it). */
static void
make_deep_tree (const char *root)
{
  g_autofree char *name = g_strnfill (200, 'd');
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (root, 0700), ==, 0);
  fd = open (root, O_RDONLY | O_DIRECTORY);
  for (guint depth = 0; depth * 201 < PATH_MAX + 201; depth++)
    {
      int next;

      g_assert_cmpint (mkdirat (fd, name, 0700), ==, 0);
      next = openat (fd, name, O_RDONLY | O_DIRECTORY);
      g_assert_cmpint (next, >=, 0);
      close (fd);
      fd = next;
    }
  close (openat (fd, "message.eml", O_WRONLY | O_CREAT, 0600));
  close (fd);
}

/* Entries of a directory tree that cannot be examined are errors that
 * name them, in their place; the rest is read. */
static void
test_unexaminable_entries (void)
{
  g_autofree char *root = g_build_filename (tmpdir, "unexaminable", NULL);
  g_autofree char *deep = g_build_filename (root, "deep", NULL);
  g_autofree char *a = write_temp ("unexaminable/a.eml", MSG_A, -1);
  g_autofree char *dangling = g_build_filename (root, "b-dangling.eml", NULL);
  g_autofree char *c = write_temp ("unexaminable/c.eml", MSG_C, -1);
  g_autofree char *want_a = g_strdup_printf ("%s|0|0|%s", a, MSG_A);
  g_autofree char *want_c = g_strdup_printf ("%s|0|0|%s", c, MSG_C);
  g_autofree char *want_dangling = g_strdup_printf ("%s: %s", dangling, g_strerror (ENOENT));
  g_autofree char *too_long = g_strdup_printf (": %s", g_strerror (ENAMETOOLONG));
  const char *paths[] = { root, NULL };
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) got = NULL;

  g_assert_cmpint (symlink ("no-such-file", dangling), ==, 0);
  make_deep_tree (deep);
  got = collect (paths, errors);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (got, 0), ==, want_a);
  g_assert_cmpstr (g_ptr_array_index (got, 1), ==, want_c);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, want_dangling);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 1), deep));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (errors, 1), too_long));
}

/* A directory that may be read but not searched, and one that may be
 * searched but not read: one error each, naming it. Root is not
 * refused either. */
static void
test_unreadable_directories (void)
{
  g_autofree char *a = write_temp ("closed/no-search/a.eml", MSG_A, -1);
  g_autofree char *b = write_temp ("closed/no-search/b.eml", MSG_B, -1);
  g_autofree char *c = write_temp ("closed/no-read/c.eml", MSG_C, -1);
  g_autofree char *d = write_temp ("closed/open/d.eml", MSG_A, -1);
  g_autofree char *no_search = g_build_filename (tmpdir, "closed/no-search", NULL);
  g_autofree char *no_read = g_build_filename (tmpdir, "closed/no-read", NULL);
  g_autofree char *root = g_build_filename (tmpdir, "closed", NULL);
  g_autofree char *want_d = g_strdup_printf ("%s|0|0|%s", d, MSG_A);
  g_autofree char *want_search = g_strdup_printf ("%s: cannot examine its entries: %s", no_search, g_strerror (EACCES));
  g_autofree char *want_read = g_strdup_printf ("%s: %s", no_read, g_strerror (EACCES));
  const char *paths[] = { root, NULL };
  const char *want[] = { want_d, NULL };
  g_autoptr (GPtrArray) errors = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may read any directory");
      return;
    }
  g_assert_cmpint (chmod (no_search, 0600), ==, 0);
  g_assert_cmpint (chmod (no_read, 0300), ==, 0);
  errors = errors_of (paths, want);
  g_assert_cmpint (chmod (no_search, 0700), ==, 0);
  g_assert_cmpint (chmod (no_read, 0700), ==, 0);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, want_read);
  g_assert_cmpstr (g_ptr_array_index (errors, 1), ==, want_search);
}

/* A file cut after the source was made: the message that reached the
 * cut is an error naming the file (it may be cut), not a message. */
static void
test_shrinking_files (void)
{
  g_autofree char *mbox_path = write_temp ("shrinks.mbox", mbox, -1);
  g_autofree char *single = write_temp ("shrinks.eml", MSG_A, -1);
  g_autofree char *emptied = write_temp ("emptied.eml", MSG_B, -1);
  gsize offset_b = strlen ("From sender@example.org Tue Mar  5 10:22:31 2024\n" MSG_A "\n");
  gsize cut = offset_b + 60;
  const char *paths[] = { mbox_path, single, emptied, NULL };
  g_autoptr (ModoriSource) source = modori_source_new (paths);
  g_autoptr (GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *want_a = g_strdup_printf ("%s#1|1|0|%s", mbox_path, unquoted[0]);
  g_autofree char *want_mbox = g_strdup_printf ("%s: message 2 at byte %" G_GSIZE_FORMAT ": the file ended at byte %"
                                                G_GSIZE_FORMAT " of the %" G_GSIZE_FORMAT
                                                " it had when listed: it shrank during the scan",
                                                mbox_path, offset_b, cut, strlen (mbox));
  g_autofree char *want_single = g_strdup_printf ("%s: at byte 10: the file ended at byte 10 of the %" G_GSIZE_FORMAT
                                                  " it had when listed: it shrank during the scan", single, strlen (MSG_A));
  g_autofree char *want_emptied = g_strdup_printf ("%s: the file ended at byte 0 of the %" G_GSIZE_FORMAT
                                                   " it had when listed: it shrank during the scan", emptied, strlen (MSG_B));

  g_assert_cmpint (truncate (mbox_path, cut), ==, 0);
  g_assert_cmpint (truncate (single, 10), ==, 0);
  g_assert_cmpint (truncate (emptied, 0), ==, 0);
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ModoriSourceMessage) message = modori_source_next (source, &error);
      const char *data;
      gsize length;

      if (message == NULL && error == NULL)
        break;
      if (message == NULL)
        {
          g_ptr_array_add (errors, g_strdup (error->message));
          continue;
        }
      data = modori_source_message_get_data (message, &length);
      g_ptr_array_add (got, g_strdup_printf ("%s|%u|%" G_GUINT64_FORMAT "|%.*s",
                                             modori_source_message_get_origin (message),
                                             modori_source_message_get_number (message),
                                             modori_source_message_get_offset (message),
                                             (int) length, data));
    }
  g_assert_cmpuint (got->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (got, 0), ==, want_a);
  g_assert_cmpuint (errors->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, want_mbox);
  g_assert_cmpstr (g_ptr_array_index (errors, 1), ==, want_single);
  g_assert_cmpstr (g_ptr_array_index (errors, 2), ==, want_emptied);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("modori-source-XXXXXX", NULL);
  g_test_add_func ("/source/mbox", test_mbox);
  g_test_add_func ("/source/gzip", test_gzip);
  g_test_add_func ("/source/gzip-members", test_gzip_members);
  g_test_add_func ("/source/xz", test_xz);
  g_test_add_func ("/source/maildir-and-tree", test_maildir_and_tree);
  g_test_add_func ("/source/errors-go-on", test_errors_go_on);
  g_test_add_func ("/source/long-lines-and-crlf", test_long_lines_and_crlf);
  g_test_add_func ("/source/skip-shares-the-steps", test_skip_shares_the_steps);
  g_test_add_func ("/source/skip-random-mboxes", test_skip_random_mboxes);
  g_test_add_func ("/source/skip-across-blocks", test_skip_across_blocks);
  g_test_add_func ("/source/inputs-as-listed", test_inputs_as_listed);
  g_test_add_func ("/source/copies-read-as-listed", test_copies_read_as_listed);
  g_test_add_func ("/source/oversized-message-files", test_oversized_message_files);
  g_test_add_func ("/source/expansion-bomb", test_expansion_bomb);
  g_test_add_func ("/source/xz-memory", test_xz_memory);
  g_test_add_func ("/source/oversized-mbox-message", test_oversized_mbox_message);
  g_test_add_func ("/source/long-line-pieces", test_long_line_pieces);
  g_test_add_func ("/source/no-line-ends", test_no_line_ends);
  g_test_add_func ("/source/cr-only-mbox", test_cr_only_mbox);
  g_test_add_func ("/source/unexaminable-entries", test_unexaminable_entries);
  g_test_add_func ("/source/unreadable-directories", test_unreadable_directories);
  g_test_add_func ("/source/shrinking-files", test_shrinking_files);
  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (command);
  }
  g_free (tmpdir);
  return status;
}
