/* mime-util.c: walking and reading GMime trees. */
#include <string.h>

#include "charset.h"
#include "header-limit.h"
#include "mime-util.h"

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

gboolean
_modori_mime_is_type (GMimeObject *part, const char *type, const char *subtype)
{
  GMimeContentType *content_type = g_mime_object_get_content_type (part);

  return content_type && g_mime_content_type_is_type (content_type, type, subtype);
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
  return GMIME_IS_MESSAGE_PART (part) ||
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
  GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);

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

GMimeMessage *
_modori_mime_find_original (GMimeMessage *bounce)
{
  GMimeObject *part = _modori_mime_find (g_mime_message_get_mime_part (bounce), is_original, NULL);
  GMimeMessage *original = NULL;

  if (part == NULL)
    return NULL;
  if (GMIME_IS_MESSAGE_PART (part))
    {
      original = g_mime_message_part_get_message (GMIME_MESSAGE_PART (part));
      if (original)
        g_object_ref (original);
    }
  else if (GMIME_IS_PART (part))
    original = _modori_mime_part_headers (GMIME_PART (part));
  return original;
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
