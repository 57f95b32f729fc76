/* source.c: walks the inputs and splits mboxes into messages, reading
 * each file as a stream. What is held at once is bounded: a message of
 * at most MODORI_MAX_MESSAGE_BYTES (bounds.h), a line in pieces of at
 * most MAX_PIECE. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modori/modori.h"
#include "bounds.h"
#include "reader.h"
#include "source-private.h"

/* What is looked at to tell an mbox and its line ends: as much as the
 * analyzer looks at for a message's line ends (analyzer.c), and what a
 * reader that skips a file of one message reads of it. */
#define FIRST_BLOCK 4096
/* The longest piece of a line taken at once: a longer line, or bytes
 * without any line end, come in pieces, so that the buffer does not
 * grow with them. Only a line's first piece may be a "From " line or
 * a quoted one: a line of more '>' than this keeps them all. */
#define MAX_PIECE 65536

typedef struct {
  char *path;
  char *error;     /* nullable: why it cannot be read, found while listing */
  guint64 size;
  /* Bytes read at most: a regular file's size when listed, so that what
   * is appended later is not read (readers that share the inputs, one
   * per worker process, all see the same messages); G_MAXUINT64 for
   * standard input and other streams. */
  guint64 limit;
  gboolean is_stdin;   /* "-" given to modori_source_new() */
  const char *data;    /* nullable: the bytes of an input in memory */
  char *origin;        /* nullable: what origins start with, if not path */
} Entry;

struct _ModoriSourceMessage {
  char *data;
  gsize length;
  char *path;
  char *origin;
  guint number;
  guint64 offset;
};

struct _ModoriSource {
  GArray *entries;     /* of Entry, in input order */
  guint next_entry;
  guint64 total, done; /* sizes of all files, of the finished ones */

  /* The current file. */
  const Entry *entry;
  ModoriReader *reader;
  gboolean is_mbox, eof;
  gboolean cr_only;    /* lines end with a lone CR (old Macintosh files) */
  GError *failure;     /* nullable: met while reading ahead, given when reached */
  char *buf;
  gsize buf_len, buf_pos, buf_size;
  guint64 buf_offset;  /* offset in the decompressed file of buf[0] */
  guint number;
};

static void
entry_clear (gpointer data)
{
  Entry *entry = data;
  g_free (entry->path);
  g_free (entry->error);
  g_free (entry->origin);
}

static Entry *
add_entry (GArray *entries, const char *path, const char *error, guint64 size, guint64 limit)
{
  Entry entry = { g_strdup (path), g_strdup (error), size, limit };
  g_array_append_val (entries, entry);
  return &g_array_index (entries, Entry, entries->len - 1);
}

/* @path, which cannot be read: modori_source_next() says why in its turn. */
static void
add_failure (GArray *entries, const char *path, const char *what, int code)
{
  g_autofree char *why = g_strdup_printf ("%s: %s%s", path, what ? what : "", g_strerror (code));
  add_entry (entries, path, why, 0, 0);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static gboolean
is_dir (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  return g_file_test (path, G_FILE_TEST_IS_DIR);
}

/* The names in @dir but the hidden ones, in name order; a failure to
 * read them all is added to @entries. */
static GPtrArray *
list_names (GArray *entries, const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  DIR *handle = opendir (dir);
  struct dirent *item;

  if (handle == NULL)
    {
      add_failure (entries, dir, NULL, errno);
      return names;
    }
  for (;;)
    {
      errno = 0;
      if ((item = readdir (handle)) == NULL)
        break;
      if (item->d_name[0] != '.')
        g_ptr_array_add (names, g_strdup (item->d_name));
    }
  if (errno != 0)
    add_failure (entries, dir, "cannot list all its entries: ", errno);
  closedir (handle);
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* Adds the regular files under @dir, in name order, recursively. An
 * entry that cannot be examined (a name too long, a dangling link) is
 * added with why, and so reported rather than left out. */
static void
list_dir (GArray *entries, const char *dir)
{
  g_autoptr (GPtrArray) names = list_names (entries, dir);
  /* Maildir's tmp/ holds messages still being written. */
  gboolean maildir = is_dir (dir, "cur") && is_dir (dir, "new");

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      struct stat st;

      if (maildir && strcmp (entry, "tmp") == 0)
        continue;
      if (lstat (path, &st) != 0)
        {
          int code = errno;

          /* A directory that may be read but not searched: one error
           * for all its entries. */
          if (code == EACCES && faccessat (AT_FDCWD, dir, X_OK, AT_EACCESS) != 0)
            {
              add_failure (entries, dir, "cannot examine its entries: ", code);
              return;
            }
          add_failure (entries, path, NULL, code);
          continue;
        }
      /* Symbolic links to directories are not followed: no loops. Pipes,
       * sockets and devices hold no messages. */
      if (S_ISDIR (st.st_mode))
        list_dir (entries, path);
      else if (S_ISLNK (st.st_mode) && stat (path, &st) != 0)
        add_failure (entries, path, NULL, errno);
      else if (S_ISREG (st.st_mode))
        add_entry (entries, path, NULL, st.st_size, st.st_size);
    }
}

static ModoriSource *
source_new (void)
{
  ModoriSource *self = g_atomic_rc_box_new0 (ModoriSource);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  return self;
}

static void
count_total (ModoriSource *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    self->total += g_array_index (self->entries, Entry, i).size;
}

ModoriSource *
modori_source_new (const char *const *paths)
{
  ModoriSource *self = source_new ();

  g_return_val_if_fail (paths != NULL, self);
  for (const char *const *path = paths; *path; path++)
    {
      struct stat st;

      if (strcmp (*path, "-") == 0)
        add_entry (self->entries, *path, NULL, 0, G_MAXUINT64)->is_stdin = TRUE;
      else if (stat (*path, &st) != 0)
        {
          g_autofree char *why = g_strdup_printf ("%s: %s", *path, g_strerror (errno));
          add_entry (self->entries, *path, why, 0, 0);
        }
      else if (S_ISDIR (st.st_mode))
        list_dir (self->entries, *path);
      else if (S_ISREG (st.st_mode))
        add_entry (self->entries, *path, NULL, st.st_size, st.st_size);
      else
        add_entry (self->entries, *path, NULL, 0, G_MAXUINT64);
    }
  count_total (self);
  return self;
}

ModoriSource *
modori_source_new_like (const ModoriSource *source)
{
  ModoriSource *self;

  g_return_val_if_fail (source != NULL, NULL);
  /* The entries are not changed once listed: the copies share them. */
  self = g_atomic_rc_box_new0 (ModoriSource);
  self->entries = g_array_ref (source->entries);
  self->total = source->total;
  return self;
}

ModoriSource *
_modori_source_new_for_file (const char *path)
{
  ModoriSource *self = source_new ();
  struct stat st;

  if (stat (path, &st) != 0)
    {
      g_autofree char *why = g_strdup_printf ("%s: %s", path, g_strerror (errno));
      add_entry (self->entries, path, why, 0, 0);
    }
  else if (S_ISDIR (st.st_mode))
    {
      g_autofree char *why = g_strdup_printf ("%s: is a directory, not a message file", path);
      add_entry (self->entries, path, why, 0, 0);
    }
  else if (S_ISREG (st.st_mode))
    add_entry (self->entries, path, NULL, st.st_size, st.st_size);
  else
    add_entry (self->entries, path, NULL, 0, G_MAXUINT64);
  count_total (self);
  return self;
}

ModoriSource *
_modori_source_new_for_data (const char *data, gsize length, const char *name, const char *origin)
{
  ModoriSource *self = source_new ();
  Entry *entry = add_entry (self->entries, name, NULL, length, length);

  entry->data = data ? data : "";
  entry->origin = g_strdup (origin);
  count_total (self);
  return self;
}

guint
_modori_source_get_number (const ModoriSource *self)
{
  return self->number;
}

static void
close_current (ModoriSource *self)
{
  if (self->entry)
    self->done += self->entry->size;
  g_clear_pointer (&self->reader, _modori_reader_free);
  g_clear_error (&self->failure);
  g_clear_pointer (&self->buf, g_free);
  self->buf_len = self->buf_pos = self->buf_size = 0;
  self->entry = NULL;
}

static void
source_clear (ModoriSource *self)
{
  close_current (self);
  g_array_unref (self->entries);
}

void
modori_source_free (ModoriSource *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify) source_clear);
}

guint64
modori_source_get_bytes_read (const ModoriSource *self)
{
  return self->done + (self->reader ? _modori_reader_raw_offset (self->reader) : 0);
}

guint64
modori_source_get_bytes_total (const ModoriSource *self)
{
  return self->total;
}

/* Makes at least @want bytes available from buf_pos, unless the file
 * ends first. The buffer grows to @want and a block at most. */
static gboolean
want_bytes (ModoriSource *self, gsize want, GError **error)
{
  while (!self->eof && self->buf_len - self->buf_pos < want)
    {
      gssize got;

      if (self->failure)
        {
          g_propagate_error (error, g_steal_pointer (&self->failure));
          return FALSE;
        }
      if (self->buf_pos > 0)
        {
          memmove (self->buf, self->buf + self->buf_pos, self->buf_len - self->buf_pos);
          self->buf_len -= self->buf_pos;
          self->buf_offset += self->buf_pos;
          self->buf_pos = 0;
        }
      if (self->buf_size - self->buf_len < 65536)
        {
          self->buf_size = MAX (self->buf_size * 2, self->buf_len + 65536);
          self->buf = g_realloc (self->buf, self->buf_size);
        }
      got = _modori_reader_read (self->reader, self->buf + self->buf_len,
                                 self->buf_size - self->buf_len, error);
      if (got < 0)
        return FALSE;
      if (got == 0)
        self->eof = TRUE;
      self->buf_len += got;
    }
  return TRUE;
}

/* The next line with its line end, or its next MAX_PIECE bytes if it is
 * longer; @ends tells whether the line ends with this piece. Length 0 at
 * the end of the file. Valid until the next call. Each byte is searched
 * once, and moved in the buffer at most once per piece. */
static gboolean
next_piece (ModoriSource *self, const char **piece, gsize *length, gboolean *ends, GError **error)
{
  char line_end = self->cr_only ? '\r' : '\n';
  gsize scanned = 0;

  for (;;)
    {
      const char *start = self->buf + self->buf_pos;
      gsize have = self->buf_len - self->buf_pos;
      gsize look = MIN (have, MAX_PIECE);
      const char *found = look > scanned ? memchr (start + scanned, line_end, look - scanned) : NULL;

      if (found || self->eof || have >= MAX_PIECE)
        {
          *piece = start;
          *length = found ? (gsize) (found - start + 1) : look;
          *ends = found || (self->eof && look == have);
          self->buf_pos += *length;
          return TRUE;
        }
      scanned = have;
      if (!want_bytes (self, have + 1, error))
        return FALSE;
    }
}

static gboolean
is_blank (const ModoriSource *self, const char *line, gsize length)
{
  if (self->cr_only)
    return length == 1 && line[0] == '\r';
  return (length == 1 && line[0] == '\n') || (length == 2 && line[0] == '\r' && line[1] == '\n');
}

/* "From sender Tue Mar  5 10:22:31 2024": has a time of day. */
static gboolean
looks_like_envelope (const char *line, gsize length)
{
  for (gsize i = 2; i + 2 < length; i++)
    if (line[i] == ':' && g_ascii_isdigit (line[i - 1]) && g_ascii_isdigit (line[i - 2]) &&
        g_ascii_isdigit (line[i + 1]) && g_ascii_isdigit (line[i + 2]))
      return TRUE;
  return FALSE;
}

/* A "From " line starts a message after a blank line (mbox's rule), or
 * anywhere when it reads like an envelope line: a writer that forgot the
 * blank line does not make one message of two. */
static gboolean
is_separator (const char *line, gsize length, gboolean after_blank)
{
  if (length < 5 || memcmp (line, "From ", 5) != 0)
    return FALSE;
  return after_blank || looks_like_envelope (line, length);
}

/* ">From ", ">>From "...: quoted by the mbox writer; one '>' comes off. */
static gboolean
is_quoted_from (const char *line, gsize length)
{
  gsize i = 0;

  while (i < length && line[i] == '>')
    i++;
  return i > 0 && length - i >= 5 && memcmp (line + i, "From ", 5) == 0;
}

/* A message's bytes as they are read, NUL-terminated: never more than
 * MODORI_MAX_MESSAGE_BYTES, nor more memory than that and its NUL (a
 * GString would round up to twice as much). */
typedef struct {
  char *data;
  gsize len, size;
} Bytes;

/* FALSE, and nothing added, when @bytes would pass the limit. */
static gboolean
bytes_append (Bytes *bytes, const char *data, gsize length)
{
  if (length == 0)
    return TRUE;
  if (length > MODORI_MAX_MESSAGE_BYTES - bytes->len)
    return FALSE;
  if (bytes->size - bytes->len < length + 1)
    {
      gsize size = MAX (MAX (bytes->size * 2, bytes->len + length + 1), 4096);

      bytes->size = MIN (size, (gsize) MODORI_MAX_MESSAGE_BYTES + 1);
      bytes->data = g_realloc (bytes->data, bytes->size);
    }
  memcpy (bytes->data + bytes->len, data, length);
  bytes->len += length;
  bytes->data[bytes->len] = '\0';
  return TRUE;
}

/* Takes @data's bytes. */
static ModoriSourceMessage *
message_new (const Entry *entry, guint number, guint64 offset, Bytes *data)
{
  ModoriSourceMessage *message = g_atomic_rc_box_new0 (ModoriSourceMessage);
  const char *origin = entry->origin ? entry->origin : entry->path;

  message->path = g_strdup (entry->path);
  message->origin = number ? g_strdup_printf ("%s#%u", origin, number) : g_strdup (origin);
  message->number = number;
  message->offset = offset;
  message->length = data->len;
  message->data = data->data ? data->data : g_strdup ("");
  data->data = NULL;
  return message;
}

static gboolean
open_entry (ModoriSource *self, const Entry *entry, GError **error)
{
  GError *early = NULL;
  gsize first;
  int fd;

  if (entry->error)
    {
      g_set_error_literal (error, MODORI_ERROR, MODORI_ERROR_IO, entry->error);
      return FALSE;
    }
  if (entry->data)
    fd = -1;
  else
    fd = entry->is_stdin ? STDIN_FILENO : open (entry->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 && entry->data == NULL)
    {
      int saved = errno;
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_IO, "%s: %s", entry->path, g_strerror (saved));
      return FALSE;
    }
  self->entry = entry;
  self->eof = FALSE;
  self->buf_offset = 0;
  self->number = 0;
  self->reader = entry->data ? _modori_reader_new_for_data (entry->data, entry->limit)
                             : _modori_reader_new (fd, entry->limit, error);
  /* A failure past the first bytes (a cut gzip file) is given when the
   * messages before it have been. */
  if (self->reader && !want_bytes (self, FIRST_BLOCK, &early) && self->buf_len > 0)
    self->failure = g_steal_pointer (&early);
  if (self->reader == NULL || early)
    {
      if (early)
        g_propagate_error (error, early);
      g_prefix_error (error, "%s: ", entry->path);
      if (self->reader == NULL)
        self->entry = NULL;
      close_current (self);
      return FALSE;
    }
  self->is_mbox = self->buf_len >= 5 && memcmp (self->buf, "From ", 5) == 0;
  /* The analyzer takes a message whose first bytes have a CR and no LF
   * for one with lone CR line ends; the mbox is split alike. */
  first = MIN (self->buf_len, FIRST_BLOCK);
  self->cr_only = memchr (self->buf, '\r', first) && !memchr (self->buf, '\n', first);
  return TRUE;
}

/* The whole of a file of one message. */
static ModoriSourceMessage *
read_single (ModoriSource *self, GError **error)
{
  const Entry *entry = self->entry;
  Bytes data = { NULL };

  for (;;)
    {
      if (!bytes_append (&data, self->buf + self->buf_pos, self->buf_len - self->buf_pos))
        {
          /* The rest is more of the same message (or an endless stream). */
          g_set_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT,
                       "%s: larger than %d MiB, the limit for one message: not read",
                       entry->path, MODORI_MAX_MESSAGE_BYTES >> 20);
          goto failed;
        }
      self->buf_pos = self->buf_len;
      if (self->eof)
        break;
      if (!want_bytes (self, MAX_PIECE, error))
        {
          g_prefix_error (error, "%s: at byte %" G_GUINT64_FORMAT ": ", entry->path,
                          self->buf_offset + self->buf_pos);
          goto failed;
        }
    }
  close_current (self);
  if (data.len == 0)
    {
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT, "%s: empty file", entry->path);
      return NULL;
    }
  return message_new (entry, 0, 0, &data);

failed:
  g_free (data.data);
  close_current (self);
  return NULL;
}

/* Whether the line ending at @end (a line end at index @end of the
 * buffer) is blank, as is_blank() reads a line; bytes before the buffer's
 * start are of a "From " line, which is none. */
static gboolean
ends_blank_line (const ModoriSource *self, gsize end)
{
  const char *buf = self->buf;

  if (end == 0)
    return FALSE;
  if (self->cr_only)
    return buf[end - 1] == '\r';
  return buf[end - 1] == '\n' || (end >= 2 && buf[end - 1] == '\r' && buf[end - 2] == '\n');
}

/* Passes over the rest of the current mbox message, its "From " line
 * read: to the line read_mbox_message() would end it at, or the end of
 * the file. Only a line that starts "From " can end a message, so the
 * buffer is searched for an 'F' after a line end instead of read line by
 * line (an 'F' is rarer than a line end): a reader of -j N skips the
 * messages of the others. */
static gboolean
skip_mbox_message (ModoriSource *self, GError **error)
{
  const char line_end = self->cr_only ? '\r' : '\n';
  gsize scan = self->buf_pos;   /* searched from; the byte before is a line end */

  /* The "From " line ended at the end of the file. */
  if (scan == 0 || self->buf[scan - 1] != line_end)
    {
      close_current (self);
      return TRUE;
    }
  for (;;)
    {
      const char *f = memchr (self->buf + scan, 'F', self->buf_len - scan);
      gsize at, lookbehind;

      if (f == NULL && self->eof)
        {
          close_current (self);
          return TRUE;
        }
      if (f == NULL || (f + 5 > self->buf + self->buf_len && !self->eof))
        {
          /* More bytes, with the three before where the search goes on:
           * the line end before an 'F' and a blank line before that. */
          scan = f ? (gsize) (f - self->buf) : self->buf_len;
          self->buf_pos = scan - MIN (scan, 3);
          lookbehind = scan - self->buf_pos;
          if (!want_bytes (self, self->buf_len - self->buf_pos + 1, error))
            return FALSE;
          scan = self->buf_pos + lookbehind;
          continue;
        }
      at = f - self->buf;
      scan = at + 1;
      if (at == 0 || self->buf[at - 1] != line_end || self->buf_len - at < 5 || memcmp (f, "From ", 5) != 0)
        continue;
      self->buf_pos = at;
      if (!ends_blank_line (self, at - 1))
        {
          guint64 mark = self->buf_offset + at;   /* buf may move */
          const char *piece;
          gsize length;
          gboolean ends;

          if (!next_piece (self, &piece, &length, &ends, error))
            return FALSE;
          if (!looks_like_envelope (piece, length))
            {
              scan = self->buf_pos;   /* the next line, or more of this one */
              continue;
            }
          self->buf_pos = mark - self->buf_offset;
        }
      return TRUE;
    }
}

/* The next message of the current mbox, whose "From " line is next.
 * Without @keep, only passes over it and returns NULL. A message over
 * MODORI_MAX_MESSAGE_BYTES is read past, kept no further, and reported. */
static ModoriSourceMessage *
read_mbox_message (ModoriSource *self, gboolean keep, GError **error)
{
  const Entry *entry = self->entry;
  guint64 start = self->buf_offset + self->buf_pos;
  Bytes data = { NULL };
  gsize blank = 0;   /* the length of the last line if it was blank */
  gboolean ends, too_large = FALSE;
  const char *piece;
  gsize length;
  guint number = ++self->number;

  do   /* the "From " line, however long */
    if (!next_piece (self, &piece, &length, &ends, error))
      goto failed;
  while (!ends);
  if (!keep)
    {
      if (!skip_mbox_message (self, error))
        goto failed;
      return NULL;
    }
  for (;;)
    {
      guint64 mark = self->buf_offset + self->buf_pos;   /* buf may move */
      gboolean line_start = ends;

      if (!next_piece (self, &piece, &length, &ends, error))
        goto failed;
      if (length == 0)
        {
          close_current (self);
          break;
        }
      if (line_start && is_separator (piece, length, blank > 0))
        {
          self->buf_pos = mark - self->buf_offset;   /* it belongs to the next message */
          break;
        }
      blank = line_start && is_blank (self, piece, length) ? length : 0;
      if (!keep || too_large)
        continue;
      if (line_start && is_quoted_from (piece, length))
        piece++, length--;
      if (!bytes_append (&data, piece, length))
        {
          too_large = TRUE;   /* read on to the next message, keeping nothing */
          g_free (data.data);
          data = (Bytes) { NULL };
        }
    }
  if (!keep)
    return NULL;
  if (too_large)
    {
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT,
                   "%s: message %u at byte %" G_GUINT64_FORMAT ": larger than %d MiB, "
                   "the limit for one message: skipped",
                   entry->path, number, start, MODORI_MAX_MESSAGE_BYTES >> 20);
      return NULL;
    }
  /* The blank line before the next "From " is mbox's, not the message's. */
  data.len -= blank;
  if (data.data)
    data.data[data.len] = '\0';
  return message_new (entry, number, start, &data);

failed:
  g_prefix_error (error, "%s: message %u at byte %" G_GUINT64_FORMAT ": ", entry->path, number, start);
  g_free (data.data);
  close_current (self);
  return NULL;
}

/* What modori_source_next() returns, or with @keep FALSE the same step
 * taken without keeping the message. @more is FALSE at the end. */
static ModoriSourceMessage *
step (ModoriSource *self, gboolean keep, gboolean *more, GError **error)
{
  *more = TRUE;
  while (self->entry == NULL)
    {
      const Entry *entry;

      if (self->next_entry >= self->entries->len)
        {
          *more = FALSE;
          return NULL;
        }
      entry = &g_array_index (self->entries, Entry, self->next_entry++);
      if (!open_entry (self, entry, error))
        return NULL;
      if (!self->is_mbox)
        {
          if (keep)
            return read_single (self, error);
          close_current (self);
          return NULL;
        }
    }
  return read_mbox_message (self, keep, error);
}

ModoriSourceMessage *
modori_source_next (ModoriSource *self, GError **error)
{
  gboolean more;

  g_return_val_if_fail (self != NULL, NULL);
  return step (self, TRUE, &more, error);
}

gboolean
modori_source_skip (ModoriSource *self)
{
  g_autoptr (GError) error = NULL;
  gboolean more;

  g_return_val_if_fail (self != NULL, FALSE);
  step (self, FALSE, &more, &error);
  return more;
}

static void
message_clear (ModoriSourceMessage *message)
{
  g_free (message->data);
  g_free (message->path);
  g_free (message->origin);
}

void
modori_source_message_free (ModoriSourceMessage *message)
{
  if (message != NULL)
    g_atomic_rc_box_release_full (message, (GDestroyNotify) message_clear);
}

const char *
modori_source_message_get_data (const ModoriSourceMessage *message, gsize *length)
{
  if (length)
    *length = message->length;
  return message->data;
}

const char *
modori_source_message_get_path (const ModoriSourceMessage *message)
{
  return message->path;
}

guint
modori_source_message_get_number (const ModoriSourceMessage *message)
{
  return message->number;
}

guint64
modori_source_message_get_offset (const ModoriSourceMessage *message)
{
  return message->offset;
}

const char *
modori_source_message_get_origin (const ModoriSourceMessage *message)
{
  return message->origin;
}
