/* header-limit.c: cutting header blocks before the MIME parser reads them. */
#include <stdarg.h>
#include <string.h>

#include "bounds.h"
#include "header-limit.h"

/* Bytes of a line's start read to know what the line is: a field's name,
 * a boundary, a Content-Type naming an attached
 * message. A shorter line cut by the end of a read waits for the rest. */
/* An attached message's media type is renamed on its way (same length,
 * so that nothing counted changes): GMime then keeps the message as the
 * bytes of a leaf part instead of parsing it whole, and the library
 * parses of it only what it asks for (mime-util.h). The process-wide
 * registry of GMime's types is not touched: the application's own
 * parsing stays as it was. */
G_STATIC_ASSERT (sizeof MODORI_LAZY_MESSAGE_TYPE == sizeof "message");
#define LINE_HEAD 512

/* Bytes read from the source at a time. */
#define READ_SIZE (64 * 1024)

typedef enum {
  LINE_KEEP,    /* passed as it is: body text, a boundary, a blank line */
  LINE_FIELD,   /* a header line: counted, cut at the field's limit */
  LINE_DROP,    /* dropped: past a limit */
} LineFate;

struct _ModoriHeaderLimit {
  GMimeStream parent;
  GMimeStream *source;
  GPtrArray *warnings;           /* of char *, not yet taken */

  /* Bytes read from the source and not yet given: [start, end) of out;
   * carry holds a line's start too short to know the line by. */
  GByteArray *out;
  gsize out_start;
  GByteArray *carry;
  char *buffer;                  /* READ_SIZE bytes, read into */
  gboolean source_done;

  /* Where the stream is. */
  gboolean mid_line;             /* inside a line whose start was read */
  gboolean in_header;            /* inside a header block */
  gboolean header_next;          /* the next line starts a header block */

  /* The message: header bytes kept, and what was said of it. */
  gsize message_bytes;
  gboolean warned_field, warned_block;

  /* The header block. */
  gsize block_bytes;
  gboolean block_declares_message;
  gboolean dropping_block;

  /* The field and the line. */
  gsize field_bytes;
  gboolean field_is_content_type;
  gboolean type_pending;         /* its media type not yet met */
  gssize rename_at;              /* where in the line an attached message's type starts, or -1 */

  /* What renaming needs to know that the cutting does not: whether a
   * header block is one GMime reads as headers. After any line starting
   * "--" is enough to cut (the cut may be early, never late); a rename
   * must not touch text that only looks like headers (a text bounce
   * quoting a MIME message), so it wants a real boundary. */
  GPtrArray *boundaries;         /* of char *, "--BOUNDARY" of the multiparts open */
  GString *content_type;         /* the block's Content-Type field being read */
  gboolean reading_content_type;
  char *block_boundary;          /* nullable: "--BOUNDARY" its last Content-Type declares */
  gboolean block_is_real;        /* the header block is one GMime reads */
  gboolean next_is_real;         /* the same for the next block */
  gboolean block_is_message;     /* the block's part is an attached message */
  gboolean block_is_attached;    /* the block is the header of one kept as bytes */
  /* Renames not yet given to the parser (offsets in out of the renamed
   * type): a rename is held until the header block of its message is
   * read, and undone if that message's multipart reuses a boundary of
   * the multiparts around it. GMime would end the message's bytes at the
   * first line of that boundary, where, parsing it whole, it took the line
   * for the inner multipart's. */
  GArray *held;                  /* of gsize, the renames of blocks before */
  GArray *block_renames;         /* of gsize, the block's own */
  gboolean next_is_attached;     /* the same for the next block */
  guint block_lines;             /* lines of the block so far */
  char field_name[80];           /* its first bytes, as they are */
  gsize field_name_length;
  LineFate line;
  gsize line_kept;               /* bytes of the line passed */
};

G_DEFINE_TYPE (ModoriHeaderLimit, _modori_header_limit, GMIME_TYPE_STREAM)

static void warn (ModoriHeaderLimit *self, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
warn (ModoriHeaderLimit *self, const char *format, ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->warnings, text);
}

static void
start_over (ModoriHeaderLimit *self)
{
  self->mid_line = FALSE;
  self->source_done = FALSE;
  self->in_header = FALSE;
  /* A message starts with its header. */
  self->header_next = TRUE;
  self->message_bytes = 0;
  self->warned_field = self->warned_block = FALSE;
  self->next_is_real = TRUE;
  self->next_is_attached = FALSE;
  g_ptr_array_set_size (self->boundaries, 0);
  g_array_set_size (self->held, 0);
  g_array_set_size (self->block_renames, 0);
}

/* Whether the @n bytes at @p start with @prefix (in lower case), in any
 * case. Asked of every header line: the first byte settles most. */
static inline gboolean
has_prefix_nocase (const char *p, gsize n, const char *prefix)
{
  gsize k = strlen (prefix);

  return n >= k && g_ascii_tolower (p[0]) == prefix[0] && g_ascii_strncasecmp (p, prefix, k) == 0;
}

/* Whether the @n bytes at @p (at most LINE_HEAD) hold "message/rfc822"
 * or "message/global", in any case: at each '/', the word before and
 * the one after. */
static gboolean
names_message_type (const char *p, gsize n)
{
  static const gsize type = sizeof "message" - 1, subtype = sizeof "rfc822" - 1;
  const char *end = p + n;

  for (const char *slash = p; (slash = memchr (slash, '/', end - slash)) != NULL; slash++)
    if (slash - p >= (gssize) type && end - (slash + 1) >= (gssize) subtype &&
        g_ascii_strncasecmp (slash - type, "message", type) == 0 &&
        (g_ascii_strncasecmp (slash + 1, "rfc822", subtype) == 0 ||
         g_ascii_strncasecmp (slash + 1, "global", subtype) == 0))
      return TRUE;
  return FALSE;
}

/* The media types GMime parses as an attached message (gmime.c registers
 * them as GMimeMessagePart). */
static gboolean
is_message_subtype (const char *p, gsize n)
{
  static const char *const subtypes[] = { "rfc822", "rfc2822", "global", "news", NULL };

  for (guint i = 0; subtypes[i]; i++)
    {
      gsize k = strlen (subtypes[i]);

      if (n >= k && g_ascii_strncasecmp (p, subtypes[i], k) == 0 &&
          (n == k || strchr (" \t\r\n;(", p[k]) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* Looks in the @n bytes at @p, a line of a Content-Type field, for the
 * field's media type; where it names an attached message, sets
 * rename_at. The type is the value's first word, on the field's first
 * line or, when that holds only the name, on the next. */
static void
find_media_type (ModoriHeaderLimit *self, const char *p, gsize n, gboolean first_line)
{
  gsize i = first_line ? strlen ("content-type:") : 0;

  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  if (i >= n || p[i] == '\r' || p[i] == '\n')
    return;   /* not on this line */
  self->type_pending = FALSE;
  /* The block's last Content-Type decides what the part is. */
  self->block_is_message = has_prefix_nocase (p + i, n - i, "message/") &&
                           is_message_subtype (p + i + strlen ("message/"), n - i - strlen ("message/"));
  if (self->block_is_message)
    self->rename_at = i;
}

/* The most multiparts whose boundaries are followed: a message with more
 * has its further attached messages parsed whole (nothing is lost). */
#define MAX_BOUNDARIES 32
/* Bytes of a Content-Type field read for its boundary. */
#define MAX_CONTENT_TYPE 2048

static gboolean
is_lwsp (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The boundary parameter of @value, a multipart's Content-Type value, in
 * the plain forms mail programs write (boundary="..." or boundary=token);
 * NULL for any other (comments, RFC 2231 or 2047 encodings, quoted pairs,
 * two boundaries), whose attached messages are then parsed whole, as
 * before: nothing is misread, only not spared. */
static char *
plain_boundary (const char *value)
{
  const char *p = value, *found = NULL, *start, *end;
  gboolean quoted = FALSE;

  while (is_lwsp (*p))
    p++;
  if (g_ascii_strncasecmp (p, "multipart/", strlen ("multipart/")) != 0)
    return NULL;
  /* Each parameter, after a ';' outside quotes. */
  for (; *p; p++)
    {
      const char *name;

      if (*p == '"')
        quoted = !quoted;
      if (quoted || *p != ';')
        {
          if (!quoted && *p == '(')
            return NULL;
          continue;
        }
      for (name = p + 1; is_lwsp (*name); name++)
        ;
      if (g_ascii_strncasecmp (name, "boundary", strlen ("boundary")) != 0)
        continue;
      for (name += strlen ("boundary"); *name == ' ' || *name == '\t'; name++)
        ;
      if (*name == '*' || (*name == '=' && found))
        return NULL;
      if (*name == '=')
        found = name + 1;
    }
  if (found == NULL)
    return NULL;
  while (is_lwsp (*found))
    found++;
  if (*found == '"')
    {
      start = found + 1;
      end = strchr (start, '"');
      if (end == NULL || memchr (start, '\\', end - start))
        return NULL;
    }
  else
    {
      start = found;
      for (end = start; *end && (g_ascii_isalnum (*end) || strchr ("'+_,-./:=?", *end)); end++)
        ;
      if (*end && *end != ';' && !is_lwsp (*end))
        return NULL;
    }
  if (end == start || g_strstr_len (start, end - start, "=?"))
    return NULL;
  return g_strdup_printf ("--%.*s", (int) (end - start), start);
}

/* Ends the Content-Type field being read: the boundary of the multipart
 * it declares, if it is the block's last (GMime reads the last,
 * gmime-parser.c parser_find_header()). */
static void
finish_content_type (ModoriHeaderLimit *self)
{
  if (!self->reading_content_type)
    return;
  self->reading_content_type = FALSE;
  g_free (self->block_boundary);
  self->block_boundary = plain_boundary (self->content_type->str + strlen ("content-type:"));
}

static gboolean
is_open_boundary (ModoriHeaderLimit *self, const char *boundary)
{
  for (guint i = 0; i < self->boundaries->len; i++)
    if (strcmp (g_ptr_array_index (self->boundaries, i), boundary) == 0)
      return TRUE;
  return FALSE;
}

/* Decides the held renames, now that the header block of their message
 * is read: kept, or undone (see held). */
static void
decide_held (ModoriHeaderLimit *self, gboolean undo)
{
  for (guint i = 0; undo && i < self->held->len; i++)
    memcpy (self->out->data + g_array_index (self->held, gsize, i), "message", strlen ("message"));
  g_array_set_size (self->held, 0);
}

/* Ends a header block: the boundary its multipart declares is followed
 * from now on. */
static void
finish_block (ModoriHeaderLimit *self)
{
  finish_content_type (self);
  if (self->block_is_attached)
    decide_held (self, self->block_boundary && is_open_boundary (self, self->block_boundary));
  g_array_append_vals (self->held, self->block_renames->data, self->block_renames->len);
  g_array_set_size (self->block_renames, 0);
  if (self->block_boundary && self->boundaries->len < MAX_BOUNDARIES)
    g_ptr_array_add (self->boundaries, g_steal_pointer (&self->block_boundary));
  g_clear_pointer (&self->block_boundary, g_free);
}

static gboolean
is_lwsp_only (const char *p, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!strchr (" \t\r\n", p[i]) || p[i] == '\0')
      return FALSE;
  return TRUE;
}

typedef enum {
  NOT_BOUNDARY,
  OPENS_PART,    /* a part's header block follows */
  CLOSES,        /* the multipart's closing boundary */
} BoundaryKind;

/* What the @n bytes at @p, a line, are to the open multiparts; a closing
 * boundary closes its multipart. As GMime tells a boundary
 * (gmime-parser.c, is_boundary()): the boundary, "--" if it closes, then
 * only white space. */
static BoundaryKind
boundary_kind (ModoriHeaderLimit *self, const char *p, gsize n)
{
  if (n < 2 || p[0] != '-' || p[1] != '-')
    return NOT_BOUNDARY;
  for (guint i = 0; i < self->boundaries->len; i++)
    {
      const char *boundary = g_ptr_array_index (self->boundaries, i);
      gsize k = strlen (boundary);

      if (n < k || memcmp (p, boundary, k) != 0)
        continue;
      if (is_lwsp_only (p + k, n - k))
        return OPENS_PART;
      if (n >= k + 2 && p[k] == '-' && p[k + 1] == '-' && is_lwsp_only (p + k + 2, n - k - 2))
        {
          g_ptr_array_remove_index (self->boundaries, i);
          return CLOSES;
        }
    }
  return NOT_BOUNDARY;
}

/* Where an attached message kept as bytes has its header block cut short
 * by a boundary (the @n bytes at @p), ends the block there, as GMime
 * does, and returns TRUE. Its bytes lose the line end before the
 * boundary: one is added, so that parsed alone its last field ends as it
 * did (mime-util.c), and it does not look cut by the end of the input. */
static gboolean
end_attached_header (ModoriHeaderLimit *self, const char *p, gsize n)
{
  BoundaryKind kind = boundary_kind (self, p, n);

  if (kind == NOT_BOUNDARY)
    return FALSE;
  /* The lines before were passed (header lines are passed as read). */
  if (self->block_lines > 0)
    g_byte_array_append (self->out, (const guint8 *) "\n", 1);
  finish_block (self);
  self->in_header = FALSE;
  self->header_next = self->next_is_real = kind == OPENS_PART;
  return TRUE;
}

/* Keeps the name of the field starting at @p for a warning: its bytes
 * up to the colon or the line's end, made printable only if a warning
 * names it (field_name_printable()). */
static void
keep_field_name (ModoriHeaderLimit *self, const char *p, gsize n)
{
  gsize length = MIN (n, sizeof self->field_name - 1);
  const char *colon = memchr (p, ':', length);
  const char *nl;

  if (colon)
    length = colon - p;
  if ((nl = memchr (p, '\n', length)) != NULL)
    length = nl - p;
  memcpy (self->field_name, p, length);
  self->field_name_length = length;
}

/* The kept field name with every byte that is not a visible ASCII
 * character (a NUL too) as '?'. */
static char *
field_name_printable (ModoriHeaderLimit *self)
{
  char *name = g_malloc (self->field_name_length + 1);

  for (gsize i = 0; i < self->field_name_length; i++)
    name[i] = g_ascii_isgraph (self->field_name[i]) ? self->field_name[i] : '?';
  name[self->field_name_length] = '\0';
  return name;
}

/* Decides the fate of the line starting at @p, of which @n bytes (at most
 * LINE_HEAD) are read. */
static void
start_line (ModoriHeaderLimit *self, const char *p, gsize n)
{
  gboolean blank = (n >= 1 && p[0] == '\n') || (n >= 2 && p[0] == '\r' && p[1] == '\n');

  self->line = LINE_KEEP;
  self->line_kept = 0;
  self->rename_at = -1;
  if (!self->in_header)
    {
      if (!self->header_next)
        {
          /* Perhaps a boundary: part headers follow. */
          self->header_next = n >= 2 && p[0] == '-' && p[1] == '-';
          self->next_is_real = self->header_next && boundary_kind (self, p, n) == OPENS_PART;
          return;
        }
      self->header_next = FALSE;
      self->in_header = TRUE;
      self->block_is_real = self->next_is_real;
      self->block_is_attached = self->next_is_attached;
      self->next_is_attached = FALSE;
      self->block_lines = 0;
      self->block_is_message = FALSE;
      self->block_bytes = 0;
      self->block_declares_message = FALSE;
      self->dropping_block = FALSE;
      self->field_is_content_type = FALSE;
    }
  if (blank)
    {
      /* The end of the block; an attached message's header follows. */
      finish_block (self);
      self->in_header = FALSE;
      self->header_next = self->block_declares_message;
      self->next_is_real = self->next_is_attached = self->block_is_message;
      return;
    }
  if (self->block_is_attached && end_attached_header (self, p, n))
    return;
  self->block_lines++;
  if (p[0] != ' ' && p[0] != '\t')
    {
      if (!self->dropping_block &&
          (self->block_bytes >= MODORI_MAX_HEADER_BLOCK_BYTES ||
           self->message_bytes >= MODORI_MAX_MESSAGE_HEADER_BYTES))
        {
          self->dropping_block = TRUE;
          if (!self->warned_block)
            warn (self, "header fields over %d bytes in one header block or %d in the message: the rest are dropped",
                  MODORI_MAX_HEADER_BLOCK_BYTES, MODORI_MAX_MESSAGE_HEADER_BYTES);
          self->warned_block = TRUE;
        }
      finish_content_type (self);
      self->field_bytes = 0;
      self->field_is_content_type = has_prefix_nocase (p, n, "content-type:");
      self->type_pending = self->field_is_content_type && self->block_is_real;
      if (self->field_is_content_type && self->block_is_real)
        {
          g_string_truncate (self->content_type, 0);
          self->reading_content_type = TRUE;
        }
      keep_field_name (self, p, n);
    }
  if (self->dropping_block)
    {
      self->line = LINE_DROP;
      return;
    }
  if (self->field_is_content_type && names_message_type (p, n))
    self->block_declares_message = TRUE;
  if (self->type_pending)
    find_media_type (self, p, n, p[0] != ' ' && p[0] != '\t');
  if (self->reading_content_type && self->content_type->len + n <= MAX_CONTENT_TYPE)
    g_string_append_len (self->content_type, p, n);
  self->line = LINE_FIELD;
}

/* Counts @n bytes of a field as passed. */
static void
count_field_bytes (ModoriHeaderLimit *self, gsize n)
{
  self->field_bytes += n;
  self->block_bytes += n;
  self->message_bytes += n;
  self->line_kept += n;
}

/* Whether the @n bytes of a field's line are passed as they are: within
 * the field's limit, with no media type to rename, and not in the header
 * of a message kept as bytes (end_attached_header() adds to the output
 * after the lines passed). */
static gboolean
field_passes_whole (ModoriHeaderLimit *self, gsize n)
{
  return self->line == LINE_FIELD && self->rename_at < 0 && !self->block_is_attached &&
         self->field_bytes < MODORI_MAX_HEADER_BYTES && n <= MODORI_MAX_HEADER_BYTES - self->field_bytes;
}

/* Passes the @n bytes at @p, of the current line, to the output as its
 * fate says. */
static void
pass (ModoriHeaderLimit *self, const char *p, gsize n)
{
  gsize room, kept;

  switch (self->line)
    {
    case LINE_KEEP:
      g_byte_array_append (self->out, (const guint8 *) p, n);
      return;
    case LINE_DROP:
      return;
    case LINE_FIELD:
    default:
      break;
    }

  room = self->field_bytes < MODORI_MAX_HEADER_BYTES ? MODORI_MAX_HEADER_BYTES - self->field_bytes : 0;
  kept = MIN (n, room);
  g_byte_array_append (self->out, (const guint8 *) p, kept);
  /* The type is in the line's first piece (start_line() read it there). */
  if (self->rename_at >= 0 && self->line_kept == 0 &&
      (gsize) self->rename_at + strlen (MODORI_LAZY_MESSAGE_TYPE) <= kept)
    {
      gsize at = self->out->len - kept + self->rename_at;

      memcpy (self->out->data + at, MODORI_LAZY_MESSAGE_TYPE, strlen (MODORI_LAZY_MESSAGE_TYPE));
      g_array_append_val (self->block_renames, at);
    }
  self->rename_at = -1;
  count_field_bytes (self, kept);
  if (kept < n)
    {
      if (!self->warned_field)
        {
          g_autofree char *name = field_name_printable (self);
          warn (self, "header %s is over %d bytes: cut", name, MODORI_MAX_HEADER_BYTES);
        }
      self->warned_field = TRUE;
      /* The field ends where it is cut: its line must end too. */
      if (self->line_kept > 0)
        g_byte_array_append (self->out, (const guint8 *) "\n", 1);
      self->line = LINE_DROP;
    }
}

/* Runs the @n bytes at @p through: complete lines, and the start of a
 * line long enough to know it by; a shorter start is carried over to the
 * next bytes unless @last. */
static void
run (ModoriHeaderLimit *self, const char *p, gsize n, gboolean last)
{
  const char *end;

  /* An empty carry at the end is a NULL array: no arithmetic on it. */
  if (n == 0)
    return;
  end = p + n;
  const char *kept = p;   /* lines kept as they are since, not yet passed */

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize length = nl ? (gsize) (nl + 1 - p) : (gsize) (end - p);

      if (!self->mid_line)
        {
          if (nl == NULL && !last && length < LINE_HEAD)
            {
              g_byte_array_append (self->carry, (const guint8 *) p, length);
              break;
            }
          start_line (self, p, MIN (length, LINE_HEAD));
          self->line_kept = 0;
        }
      /* Most lines are kept whole, most fields' lines too: passed
       * together. */
      if (field_passes_whole (self, length))
        count_field_bytes (self, length);
      else if (self->line != LINE_KEEP)
        {
          g_byte_array_append (self->out, (const guint8 *) kept, p - kept);
          pass (self, p, length);
          kept = p + length;
        }
      self->mid_line = nl == NULL;
      p += length;
    }
  g_byte_array_append (self->out, (const guint8 *) kept, p - kept);
}

/* Reads from the source until there is output or the source ends. */
/* Where the bytes that may be given to the parser end: before the first
 * rename still held. */
static gsize
givable_end (ModoriHeaderLimit *self)
{
  if (self->held->len > 0)
    return g_array_index (self->held, gsize, 0);
  if (self->block_renames->len > 0)
    return g_array_index (self->block_renames, gsize, 0);
  return self->out->len;
}

/* Reads from the source until there is output that may be given, or the
 * source ends. */
static void
fill (ModoriHeaderLimit *self)
{
  char *buffer = self->buffer;

  /* Held bytes stay where they are: their offsets are kept. The hold
   * lasts a header block at most, which the limits bound. */
  if (self->held->len == 0 && self->block_renames->len == 0)
    {
      g_byte_array_set_size (self->out, 0);
      self->out_start = 0;
    }
  while (givable_end (self) <= self->out_start && !self->source_done)
    {
      ssize_t got = g_mime_stream_read (self->source, buffer, READ_SIZE);

      if (got > 0)
        {
          if (self->carry->len > 0)
            {
              /* The start of a line and what follows it, run together:
               * the carry is shorter than LINE_HEAD, so this costs no
               * more than the bytes read. */
              GByteArray *joined = g_byte_array_sized_new (self->carry->len + got);
              g_byte_array_append (joined, self->carry->data, self->carry->len);
              g_byte_array_append (joined, (const guint8 *) buffer, got);
              g_byte_array_set_size (self->carry, 0);
              run (self, (const char *) joined->data, joined->len, FALSE);
              g_byte_array_unref (joined);
            }
          else
            run (self, buffer, got, FALSE);
        }
      else if (got == 0 || g_mime_stream_eos (self->source))
        {
          GByteArray *rest = self->carry;

          self->carry = g_byte_array_new ();
          run (self, (const char *) rest->data, rest->len, TRUE);
          g_byte_array_unref (rest);
          self->source_done = TRUE;
        }
      else
        {
          /* A read error: the parser sees the end of the input. */
          self->source_done = TRUE;
        }
      /* The input ended before the block of a held rename's message:
       * it holds no multipart. */
      if (self->source_done)
        {
          g_array_append_vals (self->held, self->block_renames->data, self->block_renames->len);
          g_array_set_size (self->block_renames, 0);
          decide_held (self, FALSE);
        }
    }
}

static ssize_t
header_limit_read (GMimeStream *stream, char *buf, size_t len)
{
  ModoriHeaderLimit *self = MODORI_HEADER_LIMIT (stream);
  gsize n;

  if (self->out_start >= givable_end (self))
    fill (self);
  n = MIN (len, givable_end (self) - self->out_start);
  memcpy (buf, self->out->data + self->out_start, n);
  self->out_start += n;
  stream->position += n;
  return n;
}

static ssize_t
header_limit_write (GMimeStream *stream, const char *buf, size_t len)
{
  return -1;
}

static int
header_limit_flush (GMimeStream *stream)
{
  return 0;
}

static int
header_limit_close (GMimeStream *stream)
{
  return g_mime_stream_close (MODORI_HEADER_LIMIT (stream)->source);
}

static gboolean
header_limit_eos (GMimeStream *stream)
{
  ModoriHeaderLimit *self = MODORI_HEADER_LIMIT (stream);

  return self->source_done && self->out_start >= self->out->len;
}

static int
header_limit_reset (GMimeStream *stream)
{
  return -1;
}

static gint64
header_limit_seek (GMimeStream *stream, gint64 offset, GMimeSeekWhence whence)
{
  return -1;
}

/* The position, for the parser's offsets (it is not told the stream can
 * seek: content is copied, not read again from here). */
static gint64
header_limit_tell (GMimeStream *stream)
{
  return stream->position;
}

static gint64
header_limit_length (GMimeStream *stream)
{
  return -1;
}

static GMimeStream *
header_limit_substream (GMimeStream *stream, gint64 start, gint64 end)
{
  return NULL;
}

static void
header_limit_finalize (GObject *object)
{
  ModoriHeaderLimit *self = MODORI_HEADER_LIMIT (object);

  g_object_unref (self->source);
  g_byte_array_unref (self->out);
  g_byte_array_unref (self->carry);
  g_ptr_array_unref (self->boundaries);
  g_array_unref (self->held);
  g_array_unref (self->block_renames);
  g_string_free (self->content_type, TRUE);
  g_free (self->block_boundary);
  g_free (self->buffer);
  g_ptr_array_unref (self->warnings);
  G_OBJECT_CLASS (_modori_header_limit_parent_class)->finalize (object);
}

static void
_modori_header_limit_class_init (ModoriHeaderLimitClass *klass)
{
  GMimeStreamClass *stream_class = GMIME_STREAM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = header_limit_finalize;
  stream_class->read = header_limit_read;
  stream_class->write = header_limit_write;
  stream_class->flush = header_limit_flush;
  stream_class->close = header_limit_close;
  stream_class->eos = header_limit_eos;
  stream_class->reset = header_limit_reset;
  stream_class->seek = header_limit_seek;
  stream_class->tell = header_limit_tell;
  stream_class->length = header_limit_length;
  stream_class->substream = header_limit_substream;
}

static void
_modori_header_limit_init (ModoriHeaderLimit *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->out = g_byte_array_new ();
  self->carry = g_byte_array_new ();
  self->boundaries = g_ptr_array_new_with_free_func (g_free);
  self->held = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->block_renames = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->content_type = g_string_new (NULL);
  self->buffer = g_malloc (READ_SIZE);
}

GMimeStream *
_modori_header_limit_new (GMimeStream *source)
{
  ModoriHeaderLimit *self = g_object_new (MODORI_TYPE_HEADER_LIMIT, NULL);

  g_mime_stream_construct (GMIME_STREAM (self), 0, -1);
  self->source = g_object_ref (source);
  start_over (self);
  return GMIME_STREAM (self);
}

GMimeParser *
_modori_header_limit_parser_new (GMimeStream *source, ModoriHeaderLimit **limit)
{
  GMimeStream *stream = _modori_header_limit_new (source);
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);

  /* Content is copied as it is parsed: this stream cannot be read again. */
  g_mime_parser_set_persist_stream (parser, FALSE);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  if (limit)
    *limit = MODORI_HEADER_LIMIT (stream);
  g_object_unref (stream);   /* the parser holds it */
  return parser;
}

void
_modori_header_limit_take_warnings (ModoriHeaderLimit *self, GPtrArray *warnings)
{
  for (guint i = 0; i < self->warnings->len; i++)
    g_ptr_array_add (warnings, g_steal_pointer (&self->warnings->pdata[i]));
  g_ptr_array_set_size (self->warnings, 0);
}
