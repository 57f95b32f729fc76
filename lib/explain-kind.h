/* explain-kind.h: what kind of text `explain` was given, by its shape.
 *
 * The kind is decided before any phrase is read, so that words mean what
 * they mean in that kind of text: "Bad" after an SMTP reply code is the
 * SMTP server's word, IMAP's BAD is only a tagged response's status, and
 * a sentence that names an address is not an address to correct. */
#ifndef MODORI_EXPLAIN_KIND_H
#define MODORI_EXPLAIN_KIND_H

#include <glib.h>

typedef enum {
  TEXT_EMPTY,        /* nothing but white space */
  TEXT_SMTP_REPLY,   /* "550 ...", "550-5.1.1 ...": a reply code first */
  TEXT_POP3_REPLY,   /* "-ERR ..." */
  TEXT_IMAP_REPLY,   /* "a1 NO ...", "* BAD ...": a tag, then NO or BAD */
  TEXT_ADDRESS,      /* one address token and nothing else */
  TEXT_PROSE,        /* anything else: a mail program's message, a
                        bounce's words, a sentence */
} TextKind;

/* Whether @length bytes are data rather than text: any NUL (UTF-16,
 * images, Outlook's .msg files), or control characters and bytes that
 * are not UTF-8 making up an eighth of it or more (a file in another
 * encoding, random bytes). A pasted reply with a stray escape sequence
 * or a bad byte is still text. */
gboolean _modori_explain_is_binary (const char *text, gsize length);

/* The shape of the UTF-8 @text. For TEXT_IMAP_REPLY, *@status points at
 * its NO or BAD in @text; else it is left alone. */
TextKind _modori_explain_sniff (const char *text, const char **status);

/* The first address in @text: inside "<...>" when one holds an '@',
 * else the run of address characters around the first '@' (or '＠'),
 * cut where Latin letters meet Japanese script ("taro@example.jpに").
 * "" when there is none. */
char *_modori_explain_find_address (const char *text);

#endif
