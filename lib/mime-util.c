/* mime-util.c: walking and reading GMime trees. */
#include <string.h>

#include "charset.h"
#include "header-limit.h"
#include "mime-util.h"

GMimeParserOptions *
_modori_mime_parser_options (void)
{
  static gsize once = 0;
  static GMimeParserOptions *options;

  if (g_once_init_enter (&once))
    {
      /* Japanese charsets first, Latin-1 last as it accepts any bytes. */
      static const char *fallback_charsets[] = {
        "UTF-8", "ISO-2022-JP", "EUC-JP", "Shift_JIS", "ISO-8859-1", NULL
      };

      options = g_mime_parser_options_new ();
      g_mime_parser_options_set_fallback_charsets (options, fallback_charsets);
      g_once_init_leave (&once, 1);
    }
  return options;
}

/* GMime's linear white space (gmime-table-private.h, is_lwsp()). */
static inline gboolean
is_lwsp (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

typedef guchar Bytes16 __attribute__ ((vector_size (16)));

/* Whether the 16 bytes at @p are copied as they are by unfold_plain():
 * none is outside ASCII, a CR or LF, or a '?' that may end an "=?". */
static inline gboolean
is_plain_block (const char *p)
{
  Bytes16 at;
  guint64 halves[2];

  memcpy (&at, p, 16);
  at = (Bytes16) ((at >= 0x80) | (at == '\r') | (at == '\n') | (at == '?'));
  memcpy (halves, &at, sizeof halves);
  return (halves[0] | halves[1]) == 0;
}

/* @raw unfolded into @buffer as g_mime_utils_header_unfold() unfolds it:
 * linear white space trimmed at both ends, every CR and LF dropped.
 * FALSE, @buffer undefined, where the unfolded text has a byte outside
 * ASCII or an "=?" (one a dropped CR or LF joined counts). Most bytes
 * are in blocks that need no look of their own. */
static gboolean
unfold_plain (const char *raw, GString *buffer)
{
  const char *end;
  char *out;

  while (is_lwsp (*raw))
    raw++;
  end = raw + strlen (raw);
  while (end > raw && is_lwsp (end[-1]))
    end--;
  g_string_set_size (buffer, end - raw);
  out = buffer->str;
  while (raw < end)
    {
      const char *stop = MIN (raw + 16, end);

      if (stop - raw == 16 && is_plain_block (raw))
        {
          memcpy (out, raw, 16);
          out += 16, raw += 16;
          continue;
        }
      for (; raw < stop; raw++)
        {
          if ((guchar) *raw >= 0x80 || (*raw == '?' && out > buffer->str && out[-1] == '='))
            return FALSE;
          if (*raw != '\r' && *raw != '\n')
            *out++ = *raw;
        }
    }
  g_string_truncate (buffer, out - buffer->str);
  return TRUE;
}

/* g_mime_header_get_value() returns header->value once it is set, else
 * sets it to the unfolded raw value passed through
 * _g_mime_utils_header_decode_text(), a malloc per word. For a text with
 * no "=?" and no byte outside ASCII that gives the text itself (read in
 * GMime 3.2.0 to 3.2.15): in tokenize_rfc2047_text(), in either
 * compliance mode, only a word that starts with "=?" can be an encoded
 * word (rfc2047_token_new_encoded_word()) and only a byte outside ASCII
 * makes a word 8-bit; white space (dropped only between encoded words)
 * and words are kept in order, and rfc2047_decode_tokens() appends such
 * tokens as they are. Nor is anything warned of: the warnings are of
 * encoded words. header->value is read, not left to
 * g_mime_header_get_value(), as a value already set need not be the raw
 * value unfolded (g_mime_header_set_value() on a caller's message keeps
 * the text it was given); gmime-header.h documents it as a field of
 * GMimeHeader, apart from those it marks private. */
const char *
_modori_mime_header_value (GMimeHeader *header, GString *buffer)
{
  const char *raw = g_mime_header_get_raw_value (header);

  if (header->value == NULL && raw && unfold_plain (raw, buffer))
    return buffer->str;
  return g_mime_header_get_value (header);
}

char *
_modori_mime_decode_raw_value (const char *raw)
{
  GString *buffer = g_string_sized_new (strlen (raw) + 1);
  char *unfolded, *decoded;

  /* As above: such a value decodes to itself. */
  if (unfold_plain (raw, buffer))
    return g_string_free (buffer, FALSE);
  g_string_free (buffer, TRUE);
  unfolded = g_mime_utils_header_unfold (raw);
  decoded = g_mime_utils_header_decode_text (_modori_mime_parser_options (), unfolded);
  g_free (unfolded);
  return decoded;
}

static GMimeObject *
find_recursive (GMimeObject *object, int depth,
                gboolean (*visit) (GMimeObject *, gpointer), gpointer data)
{
  if (depth > MODORI_MAX_MIME_DEPTH)
    return NULL;
  if (visit (object, data))
    return object;
  if (GMIME_IS_MULTIPART (object))
    {
      GMimeMultipart *multipart = GMIME_MULTIPART (object);
      int n = g_mime_multipart_get_count (multipart);

      for (int i = 0; i < n; i++)
        {
          GMimeObject *found = find_recursive (g_mime_multipart_get_part (multipart, i),
                                               depth + 1, visit, data);
          if (found)
            return found;
        }
    }
  return NULL;
}

GMimeObject *
_modori_mime_find (GMimeObject *root,
                   gboolean (*visit) (GMimeObject *, gpointer), gpointer data)
{
  return root ? find_recursive (root, 0, visit, data) : NULL;
}

static gboolean
is_lazy_type (GMimeContentType *content_type)
{
  const char *type = g_mime_content_type_get_media_type (content_type);

  return type && g_ascii_strcasecmp (type, MODORI_LAZY_MESSAGE_TYPE) == 0;
}

gboolean
_modori_mime_is_type (GMimeObject *part, const char *type, const char *subtype)
{
  GMimeContentType *content_type = g_mime_object_get_content_type (part);

  if (content_type == NULL)
    return FALSE;
  if (is_lazy_type (content_type))
    return (strcmp (type, "*") == 0 || g_ascii_strcasecmp (type, "message") == 0) &&
           g_mime_content_type_is_type (content_type, MODORI_LAZY_MESSAGE_TYPE, subtype);
  return g_mime_content_type_is_type (content_type, type, subtype);
}

/* Whether GMime's parser would have kept @part's message as bytes anyway:
 * it does so when the first Content-Transfer-Encoding field of the part
 * names an encoding (gmime-parser.c, parser_construct_leaf_part()). */
static gboolean
is_transfer_encoded (GMimeObject *part)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (part);
  int n = headers ? g_mime_header_list_get_count (headers) : 0;

  for (int i = 0; i < n; i++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (headers, i);

      if (g_ascii_strcasecmp (g_mime_header_get_name (header), "Content-Transfer-Encoding") != 0)
        continue;
      switch (g_mime_content_encoding_from_string (g_mime_header_get_raw_value (header)))
        {
        case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
        case GMIME_CONTENT_ENCODING_UUENCODE:
        case GMIME_CONTENT_ENCODING_BASE64:
          return TRUE;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

gboolean
_modori_mime_is_attached_message (GMimeObject *part)
{
  GMimeContentType *content_type;

  if (GMIME_IS_MESSAGE_PART (part))
    return TRUE;
  content_type = GMIME_IS_PART (part) ? g_mime_object_get_content_type (part) : NULL;
  return content_type && is_lazy_type (content_type) && !is_transfer_encoded (part);
}

/* A header put before an attached message's bytes when it is parsed
 * alone, then taken away. GMime reads an attached message's first line
 * leniently (a line that is no header field is passed over) but a
 * message's first line strictly (the parse fails): a first line that is
 * a header field makes both lenient alike. */
#define LEAD_FIELD "X-Modori-Attached: lead\n"

/* @bytes, already cut to the limits, parsed as an attached message is
 * where it stands: leniently, and ended where they end. */
static GMimeMessage *
parse_attached (GByteArray *bytes)
{
  GMimeStream *input = g_mime_stream_mem_new_with_byte_array (bytes);   /* owns it */
  GMimeParser *parser = g_mime_parser_new_with_stream (input);
  GMimeMessage *message;
  GMimeHeaderList *headers;

  g_mime_parser_set_persist_stream (parser, FALSE);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  message = g_mime_parser_construct_message (parser, _modori_mime_parser_options ());
  g_object_unref (parser);
  g_object_unref (input);
  headers = message ? g_mime_object_get_header_list (GMIME_OBJECT (message)) : NULL;
  if (headers && g_mime_header_list_get_count (headers) > 0 &&
      strcmp (g_mime_header_get_name (g_mime_header_list_get_header_at (headers, 0)), "X-Modori-Attached") == 0)
    g_mime_header_list_remove_at (headers, 0);
  return message;
}

/* The bytes a memory stream reads, from its start to its end bound. */
static const char *
mem_stream_bytes (GMimeStreamMem *mem, gsize *length)
{
  GMimeStream *stream = GMIME_STREAM (mem);
  GByteArray *bytes = g_mime_stream_mem_get_byte_array (mem);
  gint64 start = CLAMP (stream->bound_start, 0, (gint64) bytes->len);
  gint64 end = stream->bound_end < 0 ? (gint64) bytes->len : CLAMP (stream->bound_end, start, (gint64) bytes->len);

  *length = end - start;
  /* An empty array has no data to point into. */
  return end > start ? (const char *) bytes->data + start : "";
}

/* The bytes of @part, an attached message kept as bytes, as the parser
 * copied them (the library's parsers do not persist their stream); NULL
 * if there are none. */
static const char *
kept_bytes (GMimeObject *part, gsize *length)
{
  GMimeDataWrapper *content = GMIME_IS_PART (part) ? g_mime_part_get_content (GMIME_PART (part)) : NULL;
  GMimeStream *stream = content ? g_mime_data_wrapper_get_stream (content) : NULL;
  const char *bytes;

  if (stream == NULL || !GMIME_IS_STREAM_MEM (stream))
    return NULL;
  bytes = mem_stream_bytes (GMIME_STREAM_MEM (stream), length);
  /* GMime parses nothing of an empty message part. */
  return *length > 0 ? bytes : NULL;
}

GMimeMessage *
_modori_mime_attached_message (GMimeObject *part)
{
  ModoriOriginal *identity;
  GMimeMessage *message;
  GByteArray *input;
  const char *bytes;
  gsize length;

  if (GMIME_IS_MESSAGE_PART (part))
    {
      message = g_mime_message_part_get_message (GMIME_MESSAGE_PART (part));
      return message ? g_object_ref (message) : NULL;
    }
  bytes = kept_bytes (part, &length);
  if (bytes == NULL)
    return NULL;
  /* Nor of one whose input ends in the middle of a field's name (a header
   * block cut short by a boundary is ended by header-limit.c: this is the
   * end of the input); original.c tells, as it reads the block. */
  identity = _modori_original_read (bytes, length, MODORI_ORIGINAL_ATTACHED, 0);
  if (identity == NULL)
    return NULL;
  _modori_original_unref (identity);
  /* The bytes came through the limits already (header-limit.h cut the
   * header blocks of an attached message too). */
  input = g_byte_array_sized_new (strlen (LEAD_FIELD) + length);
  g_byte_array_append (input, (const guint8 *) LEAD_FIELD, strlen (LEAD_FIELD));
  g_byte_array_append (input, (const guint8 *) bytes, length);
  return parse_attached (input);
}

ModoriOriginal *
_modori_mime_attached_original (GMimeObject *part)
{
  GMimeMessage *message;
  const char *bytes;
  gsize length;

  if (GMIME_IS_MESSAGE_PART (part))
    {
      message = g_mime_message_part_get_message (GMIME_MESSAGE_PART (part));
      return message ? _modori_original_new_for_message (message) : NULL;
    }
  bytes = kept_bytes (part, &length);
  return bytes ? _modori_original_read (bytes, length, MODORI_ORIGINAL_ATTACHED, 0) : NULL;
}

/* Whether GMime decodes content of @encoding when it writes it out. */
static gboolean
needs_decoding (GMimeContentEncoding encoding)
{
  return encoding == GMIME_CONTENT_ENCODING_BASE64 || encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
         encoding == GMIME_CONTENT_ENCODING_UUENCODE;
}

char *
_modori_mime_part_bytes (GMimePart *part, gsize *length)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  GMimeStream *stream;
  GByteArray *bytes;
  char *result;

  if (content == NULL)
    {
      if (length)
        *length = 0;
      return g_strdup ("");
    }
  stream = g_mime_data_wrapper_get_stream (content);
  if (stream && G_OBJECT_TYPE (stream) == GMIME_TYPE_STREAM_MEM &&
      G_OBJECT_TYPE (content) == GMIME_TYPE_DATA_WRAPPER &&
      !needs_decoding (g_mime_data_wrapper_get_encoding (content)))
    {
      /* What writing the content out would copy (gmime-data-wrapper.c,
       * write_to_stream()), without a stream made for it: a GObject's
       * life costs more than the copy of most parts. */
      gsize n;
      const char *kept = mem_stream_bytes (GMIME_STREAM_MEM (stream), &n);

      if (length)
        *length = n;
      result = g_malloc (n + 1);
      memcpy (result, kept, n);
      result[n] = '\0';
      return result;
    }
  bytes = g_byte_array_new ();
  stream = g_mime_stream_mem_new_with_byte_array (bytes);
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (stream), FALSE);
  g_mime_data_wrapper_write_to_stream (content, stream);
  g_object_unref (stream);
  if (length)
    *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  result = (char *) g_byte_array_free (bytes, FALSE);
  return result;
}

char *
_modori_mime_part_text (GMimePart *part)
{
  const char *charset = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "charset");
  gsize length;
  char *bytes = _modori_mime_part_bytes (part, &length);
  char *text = _modori_charset_to_utf8 (bytes, length, charset);

  g_free (bytes);
  return text;
}

static gboolean
is_original (GMimeObject *part, gpointer data)
{
  return _modori_mime_is_attached_message (part) ||
         _modori_mime_is_type (part, "message", "global") ||
         _modori_mime_is_type (part, "text", "rfc822-headers") ||
         _modori_mime_is_type (part, "message", "rfc822-headers");
}

GMimeMessage *
_modori_mime_parse_bytes (const char *bytes, gsize length)
{
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (bytes, length);
  /* The returned original's header is cut to the limits like the
   * bounce's (what is cut of it is not reported: it is not the bounce). */
  GMimeParser *parser = _modori_header_limit_parser_new (stream, NULL);
  GMimeMessage *message = g_mime_parser_construct_message (parser, _modori_mime_parser_options ());

  g_object_unref (parser);
  g_object_unref (stream);
  return message;
}

GMimeMessage *
_modori_mime_parse_headers (const char *bytes, gsize length)
{
  /* Headers alone: end them so the parser sees an empty body. */
  GString *text = g_string_new_len (bytes, length);
  GMimeMessage *message;

  g_string_append (text, "\n\n");
  message = _modori_mime_parse_bytes (text->str, text->len);
  g_string_free (text, TRUE);
  return message;
}

GMimeMessage *
_modori_mime_part_headers (GMimePart *part)
{
  gsize length;
  char *bytes = _modori_mime_part_bytes (part, &length);
  GMimeMessage *message = _modori_mime_parse_headers (bytes, length);

  g_free (bytes);
  return message;
}

static GMimeObject *
find_original (GMimeMessage *bounce)
{
  return _modori_mime_find (g_mime_message_get_mime_part (bounce), is_original, NULL);
}

GMimeMessage *
_modori_mime_find_original (GMimeMessage *bounce)
{
  GMimeObject *part = find_original (bounce);

  if (part && _modori_mime_is_attached_message (part))
    return _modori_mime_attached_message (part);
  return part && GMIME_IS_PART (part) ? _modori_mime_part_headers (GMIME_PART (part)) : NULL;
}

ModoriOriginal *
_modori_mime_part_original (GMimePart *part)
{
  gsize length;
  char *bytes = _modori_mime_part_bytes (part, &length);
  /* As _modori_mime_part_headers() parses them. */
  ModoriOriginal *original = _modori_original_read (bytes, length, MODORI_ORIGINAL_ALONE,
                                                    MODORI_ORIGINAL_LIMIT | MODORI_ORIGINAL_ENDED);

  g_free (bytes);
  return original;
}

ModoriOriginal *
_modori_mime_read_original (GMimeMessage *bounce)
{
  GMimeObject *part = find_original (bounce);

  if (part && _modori_mime_is_attached_message (part))
    return _modori_mime_attached_original (part);
  return part && GMIME_IS_PART (part) ? _modori_mime_part_original (GMIME_PART (part)) : NULL;
}

static gboolean
is_plain_text (GMimeObject *part, gpointer data)
{
  return GMIME_IS_PART (part) && _modori_mime_is_type (part, "text", "plain");
}

char *
_modori_mime_first_text (GMimeMessage *bounce)
{
  GMimeObject *part = _modori_mime_find (g_mime_message_get_mime_part (bounce), is_plain_text, NULL);

  return part ? _modori_mime_part_text (GMIME_PART (part)) : NULL;
}
