/* test-source.c: ModoriSource: mbox splitting and unquoting, broken
 * separators, Maildir and directory order, gzip and xz, errors that name
 * the file, the message and the byte offset, and going on after them;
 * readers that skip each other's messages. */
#include <string.h>

#include <glib/gstdio.h>
#include <lzma.h>
#include <zlib.h>

#include <modori/modori.h>

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
collect (const char *const *paths, GPtrArray *errors)
{
  g_autoptr (ModoriSource) source = modori_source_new (paths);
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

static GByteArray *
gzip_bytes (const char *data, gsize length)
{
  GByteArray *out = g_byte_array_sized_new (length + 64);
  z_stream z = { 0 };

  g_assert_cmpint (deflateInit2 (&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), ==, Z_OK);
  g_byte_array_set_size (out, deflateBound (&z, length));
  z.next_in = (Bytef *) data;
  z.avail_in = length;
  z.next_out = out->data;
  z.avail_out = out->len;
  g_assert_cmpint (deflate (&z, Z_FINISH), ==, Z_STREAM_END);
  g_byte_array_set_size (out, z.total_out);
  deflateEnd (&z);
  return out;
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

/* What the inputs were when the source was made is what it reads: a
 * message appended to an mbox, or a file delivered into a Maildir,
 * afterwards is left for the next scan. Readers in several processes
 * rely on it to number the messages alike. */
static void
test_inputs_as_listed (void)
{
  g_autofree char *path = write_temp ("listed/grows.mbox", mbox, -1);
  g_autofree char *a = write_temp ("listed/box/cur/1-a", MSG_A, -1);
  g_autofree char *box = g_build_filename (tmpdir, "listed/box", NULL);
  g_autofree char *later = g_build_filename (tmpdir, "listed/box/cur/2-later", NULL);
  const char *paths[] = { path, box, NULL };
  g_autoptr (ModoriSource) source = modori_source_new (paths);
  g_autofree char *grown = g_strconcat (mbox, "\nFrom sender@example.org Tue Mar  5 10:22:34 2024\n" MSG_B, NULL);
  guint n = 0;

  g_assert_true (g_file_set_contents (path, grown, -1, NULL));
  g_assert_true (g_file_set_contents (later, MSG_C, -1, NULL));
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
  g_test_add_func ("/source/inputs-as-listed", test_inputs_as_listed);
  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (command);
  }
  g_free (tmpdir);
  return status;
}
