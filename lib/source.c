/* source.c: walks the inputs and splits mboxes into messages, reading
 * each file as a stream. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modori/modori.h"
#include "reader.h"

typedef struct {
  char *path;
  char *error;     /* nullable: why it cannot be read, found while listing */
  guint64 size;
  /* Bytes read at most: a regular file's size when listed, so that what
   * is appended later is not read (readers that share the inputs, one
   * per worker process, all see the same messages); G_MAXUINT64 for
   * standard input and other streams. */
  guint64 limit;
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
}

static void
add_entry (GArray *entries, const char *path, const char *error, guint64 size, guint64 limit)
{
  Entry entry = { g_strdup (path), g_strdup (error), size, limit };
  g_array_append_val (entries, entry);
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

/* Adds the regular files under @dir, in name order, recursively. */
static void
list_dir (GArray *entries, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) handle = g_dir_open (dir, 0, &error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gboolean maildir;

  if (handle == NULL)
    {
      g_autofree char *why = g_strdup_printf ("%s: %s", dir, error->message);
      add_entry (entries, dir, why, 0, 0);
      return;
    }
  while ((name = g_dir_read_name (handle)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  /* Maildir's tmp/ holds messages still being written. */
  maildir = is_dir (dir, "cur") && is_dir (dir, "new");

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      struct stat st;

      if (maildir && strcmp (entry, "tmp") == 0)
        continue;
      /* Symbolic links to directories are not followed: no loops. */
      if (lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        list_dir (entries, path);
      else if ((S_ISREG (st.st_mode) || S_ISLNK (st.st_mode)) &&
               stat (path, &st) == 0 && S_ISREG (st.st_mode))
        add_entry (entries, path, NULL, st.st_size, st.st_size);
    }
}

ModoriSource *
modori_source_new (const char *const *paths)
{
  ModoriSource *self = g_new0 (ModoriSource, 1);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  g_return_val_if_fail (paths != NULL, self);
  for (const char *const *path = paths; *path; path++)
    {
      struct stat st;

      if (strcmp (*path, "-") == 0)
        add_entry (self->entries, *path, NULL, 0, G_MAXUINT64);
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
  for (guint i = 0; i < self->entries->len; i++)
    self->total += g_array_index (self->entries, Entry, i).size;
  return self;
}

static void
close_current (ModoriSource *self)
{
  if (self->entry)
    self->done += self->entry->size;
  g_clear_pointer (&self->reader, _modori_reader_free);
  g_clear_pointer (&self->buf, g_free);
  self->buf_len = self->buf_pos = self->buf_size = 0;
  self->entry = NULL;
}

void
modori_source_free (ModoriSource *self)
{
  if (self == NULL)
    return;
  close_current (self);
  g_array_unref (self->entries);
  g_free (self);
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
 * ends first. */
static gboolean
want_bytes (ModoriSource *self, gsize want, GError **error)
{
  while (!self->eof && self->buf_len - self->buf_pos < want)
    {
      gssize got;

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

/* The next line, with its line end; length 0 at the end of the file.
 * Valid until the next call. */
static gboolean
next_line (ModoriSource *self, const char **line, gsize *length, GError **error)
{
  gsize scanned = 0;

  for (;;)
    {
      const char *start = self->buf + self->buf_pos;
      gsize have = self->buf_len - self->buf_pos;
      const char *nl = have > scanned ? memchr (start + scanned, '\n', have - scanned) : NULL;

      if (nl || self->eof)
        {
          *line = start;
          *length = nl ? (gsize) (nl - start + 1) : have;
          self->buf_pos += *length;
          return TRUE;
        }
      scanned = have;
      if (!want_bytes (self, have + 1, error))
        return FALSE;
    }
}

static gboolean
is_blank (const char *line, gsize length)
{
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

static ModoriSourceMessage *
message_new (const Entry *entry, guint number, guint64 offset, GString *data)
{
  ModoriSourceMessage *message = g_new0 (ModoriSourceMessage, 1);

  message->path = g_strdup (entry->path);
  message->origin = number ? g_strdup_printf ("%s#%u", entry->path, number) : g_strdup (entry->path);
  message->number = number;
  message->offset = offset;
  message->length = data->len;
  message->data = g_string_free (data, FALSE);
  return message;
}

static gboolean
open_entry (ModoriSource *self, const Entry *entry, GError **error)
{
  int fd;

  if (entry->error)
    {
      g_set_error_literal (error, MODORI_ERROR, MODORI_ERROR_IO, entry->error);
      return FALSE;
    }
  fd = strcmp (entry->path, "-") == 0 ? STDIN_FILENO : open (entry->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_IO, "%s: %s", entry->path, g_strerror (saved));
      return FALSE;
    }
  self->entry = entry;
  self->eof = FALSE;
  self->buf_offset = 0;
  self->number = 0;
  self->reader = _modori_reader_new (fd, entry->limit, error);
  if (self->reader == NULL || !want_bytes (self, 5, error))
    {
      g_prefix_error (error, "%s: ", entry->path);
      if (self->reader == NULL)
        self->entry = NULL;
      close_current (self);
      return FALSE;
    }
  self->is_mbox = self->buf_len >= 5 && memcmp (self->buf, "From ", 5) == 0;
  return TRUE;
}

/* The whole of a file of one message. */
static ModoriSourceMessage *
read_single (ModoriSource *self, GError **error)
{
  GString *data = g_string_new (NULL);
  const Entry *entry = self->entry;

  while (want_bytes (self, self->buf_len - self->buf_pos + 65536, error))
    {
      g_string_append_len (data, self->buf + self->buf_pos, self->buf_len - self->buf_pos);
      self->buf_pos = self->buf_len;
      if (self->eof)
        break;
    }
  if (!self->eof)
    {
      g_prefix_error (error, "%s: at byte %" G_GUINT64_FORMAT ": ", entry->path,
                      self->buf_offset + self->buf_pos);
      g_string_free (data, TRUE);
      close_current (self);
      return NULL;
    }
  close_current (self);
  if (data->len == 0)
    {
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT, "%s: empty file", entry->path);
      g_string_free (data, TRUE);
      return NULL;
    }
  return message_new (entry, 0, 0, data);
}

/* The next message of the current mbox, whose "From " line is next.
 * Without @keep, only passes over it and returns NULL. */
static ModoriSourceMessage *
read_mbox_message (ModoriSource *self, gboolean keep, GError **error)
{
  const Entry *entry = self->entry;
  guint64 start = self->buf_offset + self->buf_pos;
  GString *data = keep ? g_string_new (NULL) : NULL;
  gboolean after_blank = FALSE;
  const char *line;
  gsize length;
  guint number = ++self->number;

  if (!next_line (self, &line, &length, error))   /* the "From " line */
    goto failed;
  for (;;)
    {
      guint64 mark = self->buf_offset + self->buf_pos;   /* buf may move */

      if (!next_line (self, &line, &length, error))
        goto failed;
      if (length == 0)
        {
          close_current (self);
          break;
        }
      if (is_separator (line, length, after_blank))
        {
          self->buf_pos = mark - self->buf_offset;   /* it belongs to the next message */
          break;
        }
      after_blank = is_blank (line, length);
      if (!keep)
        continue;
      if (is_quoted_from (line, length))
        g_string_append_len (data, line + 1, length - 1);
      else
        g_string_append_len (data, line, length);
    }
  if (!keep)
    return NULL;
  /* The blank line before the next "From " is mbox's, not the message's. */
  if (after_blank)
    g_string_truncate (data, data->len - (g_str_has_suffix (data->str, "\r\n") ? 2 : 1));
  return message_new (entry, number, start, data);

failed:
  g_prefix_error (error, "%s: message %u at byte %" G_GUINT64_FORMAT ": ", entry->path, number, start);
  if (data)
    g_string_free (data, TRUE);
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

void
modori_source_message_free (ModoriSourceMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->data);
  g_free (message->path);
  g_free (message->origin);
  g_free (message);
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
