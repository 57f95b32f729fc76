/* mime-util.h: walking and reading GMime trees for the engines. */
#ifndef MODORI_MIME_UTIL_H
#define MODORI_MIME_UTIL_H

#include <gmime/gmime.h>

#include "original.h"

/* The options modori parses and decodes with: GMime's defaults, and raw
 * 8-bit header text in undeclared charsets read as Japanese mail has it.
 * GMime's default options belong to the application that embeds modori:
 * they are left as it set them. */
GMimeParserOptions *_modori_mime_parser_options (void);

/* @header's value as g_mime_header_get_value() gives it (unfolded,
 * encoded words decoded), without GMime's decoding where there is
 * nothing to decode: such a value is unfolded into @buffer. Valid until
 * @buffer or @header changes. Engines search many values once each. */
const char *_modori_mime_header_value (GMimeHeader *header, GString *buffer);
/* What g_mime_header_get_value() makes of a header's @raw value, with
 * modori's parser options (newly allocated), by the same fast path. */
char *_modori_mime_decode_raw_value (const char *raw);

/* Deepest MIME nesting walked; deeper parts are ignored. */
#define MODORI_MAX_MIME_DEPTH 64

/* Calls @visit on @root and its descendants, depth first, without entering
 * attached messages (message/rfc822 and the like): their parts belong to
 * the returned original, not to the bounce. Stops when @visit returns TRUE
 * and returns that part. */
GMimeObject *_modori_mime_find (GMimeObject *root,
                                gboolean (*visit) (GMimeObject *part, gpointer data),
                                gpointer data);

/* The media type an attached message's "message" is renamed to on its way
 * to the parser (header-limit.h): GMime keeps such a message as the bytes
 * of a leaf part, which the library parses only as far as it asks
 * (_modori_mime_attached_message()). Only messages the library parsed
 * itself have them; a caller's message has GMimeMessageParts. */
#define MODORI_LAZY_MESSAGE_TYPE "xmodori"

/* Whether @part's Content-Type is @type/@subtype (case-insensitive; "*"
 * for any). A message kept as bytes is of type "message", as written. */
gboolean _modori_mime_is_type (GMimeObject *part, const char *type, const char *subtype);

/* Whether @part is an attached message: a GMimeMessagePart, or one kept
 * as bytes that GMime would have parsed as one (not transfer-encoded). */
gboolean _modori_mime_is_attached_message (GMimeObject *part);
/* The message of such a part, parsed whole; NULL when it holds none (an
 * empty part). A new reference. */
GMimeMessage *_modori_mime_attached_message (GMimeObject *part);
/* What the records take of it (original.h), without parsing it whole. */
ModoriOriginal *_modori_mime_attached_original (GMimeObject *part);

/* The decoded body of a leaf part (transfer encoding undone, bytes as they
 * are); newly allocated, NUL-terminated; @length may be NULL. */
char *_modori_mime_part_bytes (GMimePart *part, gsize *length);

/* The decoded body of a leaf part as valid UTF-8 (converted from its
 * declared charset where it has one). Newly allocated. */
char *_modori_mime_part_text (GMimePart *part);

/* @bytes parsed as a message; NULL if GMime finds none. */
GMimeMessage *_modori_mime_parse_bytes (const char *bytes, gsize length);
/* @bytes, a header block (returned headers), parsed as a message with an
 * empty body. */
GMimeMessage *_modori_mime_parse_headers (const char *bytes, gsize length);
/* The same for the decoded body of @part (a text/rfc822-headers part). */
GMimeMessage *_modori_mime_part_headers (GMimePart *part);
/* What the records take of those headers (original.h), read as
 * _modori_mime_part_headers() would parse them; NULL where it finds no
 * message. */
ModoriOriginal *_modori_mime_part_original (GMimePart *part);

/* The returned original message of a bounce: an attached message/rfc822
 * or message/global, or the headers of a text/rfc822-headers part.
 * Returns a new reference, or NULL. */
GMimeMessage *_modori_mime_find_original (GMimeMessage *bounce);
/* What the records take of it (original.h), read from its header block
 * alone. NULL if there is none. */
ModoriOriginal *_modori_mime_read_original (GMimeMessage *bounce);

/* The first text/plain part of the bounce outside the original, as UTF-8,
 * newly allocated; NULL if there is none. Engines and the analyzer ask
 * their ModoriBounce (bounce.h), which decodes it once. */
char *_modori_mime_first_text (GMimeMessage *bounce);

#endif
