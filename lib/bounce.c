/* bounce.c: one message as the engines read it, and what they make of it
 * once. */
#include <string.h>

#include "bounce.h"
#include "bounds.h"
#include "charset.h"
#include "mime-util.h"

struct _ModoriBounce {
  GMimeMessage *message;      /* borrowed, or the copy */
  GMimeMessage *copy;         /* nullable: the limits' private copy */
  /* The engine that reads a bounce's text and the analyzer that completes
   * its records each want it: decoded and converted once. */
  gboolean have_first_text;
  char *first_text;           /* nullable: the message has none */
  /* The text the plain-text engines read, one after the other. */
  gboolean have_body_text;
  char *body_text;            /* nullable */
  /* Engines that read it and the analyzer each looked for it, and parsed
   * a returned header block, again. */
  gboolean have_original;
  ModoriOriginal *original;   /* nullable */
  gboolean have_whole_original;
  GMimeMessage *whole_original;   /* nullable */
  GMimeMessage *owned;        /* nullable: the message, when the context holds it */
  /* The header block after a plain-text bounce's marker: engines that
   * split the text at the same line, one after the other, each parsed
   * it and freed it, at some 150,000 instructions a time. */
  gboolean have_text_original;
  gsize text_original_at;         /* its offset in body_text */
  ModoriOriginal *text_original; /* nullable */
};

ModoriBounce *
_modori_bounce_new (GMimeMessage *message)
{
  ModoriBounce *bounce = g_new0 (ModoriBounce, 1);

  bounce->message = message;
  return bounce;
}

ModoriBounce *
_modori_bounce_new_taking (GMimeMessage *message)
{
  ModoriBounce *bounce = _modori_bounce_new (message);

  bounce->owned = message;
  return bounce;
}

/* A copy of @message of the library's own, to change (NULL if GMime
 * cannot read back what it wrote). */
static GMimeMessage *
private_copy (GMimeMessage *message)
{
  GMimeStream *stream = g_mime_stream_mem_new ();
  GMimeParser *parser;
  GMimeMessage *copy = NULL;

  if (g_mime_object_write_to_stream (GMIME_OBJECT (message), NULL, stream) >= 0 &&
      g_mime_stream_reset (stream) == 0)
    {
      parser = g_mime_parser_new_with_stream (stream);
      g_mime_parser_set_respect_content_length (parser, FALSE);
      copy = g_mime_parser_construct_message (parser, _modori_mime_parser_options ());
      g_object_unref (parser);
    }
  g_object_unref (stream);
  return copy;
}

ModoriBounce *
_modori_bounce_new_limited (GMimeMessage *message, gboolean ours, const char *name,
                            ModoriReport *report)
{
  GMimeMessage *copy = NULL;
  ModoriBounce *bounce;

  if (!ours && _modori_bounds_has_long_header (message) && (copy = private_copy (message)) != NULL)
    message = copy, ours = TRUE;
  _modori_bounds_check_message (message, ours, name, report);
  bounce = _modori_bounce_new (message);
  bounce->copy = copy;
  return bounce;
}

void
_modori_bounce_free (ModoriBounce *bounce)
{
  if (bounce == NULL)
    return;
  g_clear_object (&bounce->copy);
  g_free (bounce->first_text);
  g_free (bounce->body_text);
  g_clear_pointer (&bounce->original, _modori_original_unref);
  g_clear_object (&bounce->whole_original);
  g_clear_object (&bounce->owned);
  g_clear_pointer (&bounce->text_original, _modori_original_unref);
  g_free (bounce);
}

GMimeMessage *
_modori_bounce_get_message (const ModoriBounce *bounce)
{
  return bounce->message;
}

const char *
_modori_bounce_get_first_text (ModoriBounce *bounce)
{
  if (!bounce->have_first_text)
    {
      bounce->first_text = _modori_mime_first_text (bounce->message);
      bounce->have_first_text = TRUE;
    }
  return bounce->first_text;
}

/* @text with CRLF and lone CR made LF, newly allocated. Copied a run
 * between CRs at a time: most texts have LF line ends already. */
static char *
normalize_line_ends (const char *text)
{
  gsize length = strlen (text);
  const char *p = text, *end = text + length, *cr;
  GString *out = g_string_sized_new (length);

  while ((cr = memchr (p, '\r', end - p)) != NULL)
    {
      g_string_append_len (out, p, cr - p);
      g_string_append_c (out, '\n');
      p = cr[1] == '\n' ? cr + 2 : cr + 1;
    }
  g_string_append_len (out, p, end - p);
  return g_string_free (out, FALSE);
}

static gboolean
is_broken_multipart (GMimeObject *part, gpointer data)
{
  return GMIME_IS_MULTIPART (part) && g_mime_multipart_get_count (GMIME_MULTIPART (part)) == 0 &&
         g_mime_multipart_get_prologue (GMIME_MULTIPART (part)) != NULL;
}

/* _modori_bounce_get_body_text()'s text, before its line ends are made
 * LF; newly allocated. */
static char *
body_text (ModoriBounce *bounce)
{
  const char *text = _modori_bounce_get_first_text (bounce);
  GMimeObject *body;

  if (text)
    return g_strdup (text);
  /* A single part of another text type (text/html aside) still reads. */
  body = g_mime_message_get_mime_part (bounce->message);
  if (body && GMIME_IS_PART (body) && _modori_mime_is_type (body, "text", "*"))
    return _modori_mime_part_text (GMIME_PART (body));
  /* A multipart whose boundary parameter was lost (folded without
   * indentation): GMime keeps all of its body, text included, as prologue. */
  body = _modori_mime_find (body, is_broken_multipart, NULL);
  if (body)
    {
      const char *start = g_mime_multipart_get_prologue (GMIME_MULTIPART (body));
      const char *end = start + strlen (start);

      /* "--BOUNDARY", the first part's headers, its body, "--BOUNDARY": keep the body. */
      if (g_str_has_prefix (start, "--"))
        {
          const char *eol = strchr (start, '\n');
          const char *line = eol ? eol + 1 : NULL;
          char *boundary = eol ? g_strchomp (g_strndup (start, eol - start)) : NULL;

          /* The first empty line (LF or CRLF) ends the part's headers. */
          while (line && *line && *line != '\n' && strncmp (line, "\r\n", 2) != 0)
            line = (eol = strchr (line, '\n')) ? eol + 1 : NULL;
          if (line && *line)
            {
              const char *next;
              start = line + strcspn (line, "\n") + 1;
              next = strstr (start, boundary);
              if (next)
                end = next;
            }
          g_free (boundary);
        }
      return _modori_charset_to_utf8 (start, end - start, NULL);
    }
  return NULL;
}

const char *
_modori_bounce_get_body_text (ModoriBounce *bounce)
{
  if (!bounce->have_body_text)
    {
      char *raw = body_text (bounce);

      bounce->body_text = raw ? normalize_line_ends (raw) : NULL;
      bounce->have_body_text = TRUE;
      g_free (raw);
    }
  return bounce->body_text;
}

ModoriOriginal *
_modori_bounce_get_original (ModoriBounce *bounce)
{
  if (!bounce->have_original)
    {
      bounce->original = _modori_mime_read_original (bounce->message);
      bounce->have_original = TRUE;
    }
  return bounce->original;
}

GMimeMessage *
_modori_bounce_get_whole_original (ModoriBounce *bounce)
{
  if (!bounce->have_whole_original)
    {
      bounce->whole_original = _modori_mime_find_original (bounce->message);
      bounce->have_whole_original = TRUE;
    }
  return bounce->whole_original;
}

/* The header block at @start, up to its first blank line, read; NULL if
 * it holds no header. Only the headers: the original's body, which may
 * be long, is never looked at. */
static ModoriOriginal *
read_header_block (const char *start)
{
  const char *blank = strstr (start, "\n\n");
  gsize length = blank ? (gsize) (blank + 1 - start) : strlen (start);
  ModoriOriginal *original = _modori_original_read (start, length, MODORI_ORIGINAL_ALONE,
                                                    MODORI_ORIGINAL_LIMIT | MODORI_ORIGINAL_ENDED);

  if (original && _modori_original_get_n_fields (original) > 0)
    return original;
  _modori_original_unref (original);
  return NULL;
}

ModoriOriginal *
_modori_bounce_get_text_original (ModoriBounce *bounce, gsize offset)
{
  const char *text = _modori_bounce_get_body_text (bounce);

  g_return_val_if_fail (text != NULL, NULL);
  if (!bounce->have_text_original || bounce->text_original_at != offset)
    {
      g_clear_pointer (&bounce->text_original, _modori_original_unref);
      bounce->text_original = read_header_block (text + offset);
      bounce->text_original_at = offset;
      bounce->have_text_original = TRUE;
    }
  return bounce->text_original ? _modori_original_ref (bounce->text_original) : NULL;
}
