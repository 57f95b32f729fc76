/* bounce.h: one message as the engines read it.
 *
 * Built once per message by whoever has the engines read it (the
 * analyzer, through the limits; again for a message inside it: a
 * forwarded bounce, the one x5 carries). It borrows the message, which
 * nothing here changes, and keeps what several engines and the analyzer
 * want of it, made once when first asked: its texts, its returned
 * original. Kept on the message itself (as GObject data), the text
 * changed the caller's message, and two threads analysing one message
 * raced there. One analysis owns it; it is not shared between threads. */
#ifndef MODORI_BOUNCE_H
#define MODORI_BOUNCE_H

#include <gmime/gmime.h>
#include <modori/modori.h>

#include "original.h"

typedef struct _ModoriBounce ModoriBounce;

/* A context for @message, which must outlive it. */
ModoriBounce *_modori_bounce_new (GMimeMessage *message);
/* A context for @message that holds the reference it is given. */
ModoriBounce *_modori_bounce_new_taking (GMimeMessage *message);
/* A context for @message as the limits (bounds.h) let the engines see
 * it: a header over MODORI_MAX_HEADER_BYTES left out, with a warning in
 * @report naming @name (as is MIME nesting past the limit). @ours: the
 * message was parsed by the library and may be changed. Else it is the
 * caller's, never changed: where a header would be left out, the context
 * reads a private copy without it, which it keeps. */
ModoriBounce *_modori_bounce_new_limited (GMimeMessage *message, gboolean ours,
                                          const char *name, ModoriReport *report);
void _modori_bounce_free (ModoriBounce *bounce);

/* The message, borrowed: read it, never change it. */
GMimeMessage *_modori_bounce_get_message (const ModoriBounce *bounce);

/* The first text/plain part of the message outside the original, as
 * UTF-8 (_modori_mime_first_text()), decoded on the first call; NULL if
 * there is none. Owned by @bounce. */
const char *_modori_bounce_get_first_text (ModoriBounce *bounce);

/* The message's human-readable text, as UTF-8 with LF line ends: its
 * first text/plain part, else a body of one part of another text type,
 * else the first part of a multipart that lost its boundary (GMime keeps
 * it all as prologue). Made on the first call; NULL if there is none.
 * Owned by @bounce. */
const char *_modori_bounce_get_body_text (ModoriBounce *bounce);

/* What the records take of the returned original of the message (an
 * attached message, or the headers of a text/rfc822-headers part:
 * _modori_mime_read_original()), read from its header block on the first
 * call; NULL if there is none. Owned by @bounce: take a reference to keep
 * it longer. */
ModoriOriginal *_modori_bounce_get_original (ModoriBounce *bounce);
/* The returned original parsed whole (_modori_mime_find_original()): for
 * whoever reads its body (a bounce wrapped in another, x5). */
GMimeMessage *_modori_bounce_get_whole_original (ModoriBounce *bounce);

/* The returned headers that start @offset bytes into the body text
 * (_modori_bounce_get_body_text(), which must not be NULL): the lines up
 * to the first blank one, read as a message's (original.h). Returns a
 * new reference, or NULL if they hold no header. The last block parsed is kept: the
 * plain-text engines, tried one after the other, often split the text at
 * the same line. */
ModoriOriginal *_modori_bounce_get_text_original (ModoriBounce *bounce, gsize offset);

#endif
