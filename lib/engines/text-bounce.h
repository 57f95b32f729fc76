/* text-bounce.h: tools for engines that read plain-text bounces, where a
 * report of failed recipients is followed by a copy of the original. */
#ifndef MODORI_TEXT_BOUNCE_H
#define MODORI_TEXT_BOUNCE_H

#include <gmime/gmime.h>

#include "../engine.h"

typedef struct {
  char *report;            /* body text before the original's marker (UTF-8, LF line ends) */
  char *original_text;     /* text after the marker, or NULL */
  ModoriOriginal *original; /* original_text's header block (original.h), or NULL */
} TextBounce;

/* Splits the bounce's human-readable text (its first text/plain part, or
 * its body, with LF line ends: _modori_bounce_get_body_text(), made once
 * for all the engines) at the first line holding one of
 * @original_markers (case-insensitive; NULL-terminated; may be NULL).
 * Returns FALSE when the bounce has no text. */
gboolean _modori_text_bounce_read (ModoriBounce *context,
                                   const char *const *original_markers,
                                   TextBounce *out);
void _modori_text_bounce_clear (TextBounce *text);

/* Whether a header @name of @bounce (any of its occurrences, such as
 * one Received line of many) contains one of @needles
 * (case-insensitive; NULL-terminated). */
gboolean _modori_header_contains (GMimeMessage *bounce, const char *name,
                                  const char *const *needles);

/* Whether @text is a challenge/response system's notice (the sender is
 * asked to prove being a person before the message is delivered) or a
 * mailing list's request to confirm a subscription or command. Such a
 * notice is neither a bounce nor an auto-reply of the recipient. */
gboolean _modori_text_is_challenge (const char *text);

/* Build the tables of this file and of freeform.c now. */
void _modori_text_bounce_prepare (void);
void _modori_freeform_prepare (void);

/* Whether @subject names an automatic reply by an autoresponder's prefix
 * and its colon or brackets ("Automatic reply: ...", "【自動返信】"), or
 * as a Japanese absence notice (rfc3834.c): the recipient's answer, never
 * a bounce's list of recipients. */
gboolean _modori_subject_is_auto_reply (const char *subject);

/* Returns the address a list line names, newly allocated, or NULL. */
typedef char *(*ModoriRecipientOf) (const char *line);
/* Gets a recipient and the text of its block. */
typedef void (*ModoriBlockFunc) (const char *recipient, const char *text, gpointer user_data);

/* Walks a list of failed recipients from the line after the one @start
 * is in: a line that @recipient_of reads as an address opens a block, and
 * the non-blank lines below it, stripped and each ended by a newline,
 * are its text. Calls @func for each block, in order. */
void _modori_text_each_block (const char *start, ModoriRecipientOf recipient_of,
                              ModoriBlockFunc func, gpointer user_data);

#endif
