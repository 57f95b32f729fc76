/* text.h: small text scanners shared by the parsers.
 *
 * All scanners are single passes over their input with no backtracking:
 * bounce text is untrusted and can be large. */
#ifndef MODORI_TEXT_H
#define MODORI_TEXT_H

#include <glib.h>

/* Newly allocated copy of @text with each whitespace run (including line
 * breaks) made one space, and no leading or trailing space. */
char *_modori_text_collapse_space (const char *text);
/* The same of no more than the first @max bytes of @text; *@cut (if not
 * NULL) tells whether there were more. */
char *_modori_text_collapse_space_max (const char *text, gsize max, gboolean *cut);

/* ASCII case-insensitive search of @needle in @haystack. */
const char *_modori_text_find_nocase (const char *haystack, const char *needle);
/* The same in the first @length bytes of @haystack (none of them NUL),
 * for callers that know the length: no strlen() of the rest per call. */
const char *_modori_text_find_nocase_len (const char *haystack, gsize length, const char *needle);

/* The first RFC 3463 code "c.s.d" (c in 2, 4, 5; s and d of 1-3 digits)
 * that is not part of a longer dotted number such as an IP address.
 * Copies it into @code (at least 12 bytes); FALSE if there is none. */
gboolean _modori_text_find_status_code (const char *text, char *code);

/* The first RFC 3463 code that directly follows an error reply code
 * ("550 5.1.1", "550-'5.2.2 ...'"): the remote server's own, when a relay
 * wrote a code of its own before the reply it quotes. */
gboolean _modori_text_find_reply_status_code (const char *text, char *code);

/* Whether @code is a well-formed RFC 3463 code. */
gboolean _modori_text_is_status_code (const char *code);

/* The RFC 5321 reply code of @text: at its start, right after a
 * "said:", "refused to talk to me:" or "server responded:", or an error
 * code directly followed by a status code of its class ("421 4.2.1").
 * With @anywhere (a text pasted by a person rather than a bounce's
 * diagnostic), also the first code that stands alone anywhere. Copies
 * it into @code (at least 4 bytes). The one reply-code scanner. */
gboolean _modori_text_scan_reply_code (const char *text, gboolean anywhere, char *code);
/* The same, as a bounce's diagnostic is read (@anywhere FALSE). */
gboolean _modori_text_find_reply_code (const char *text, char *code);

/* The SMTP command the text says failed ("in reply to RCPT TO command",
 * "after end of DATA", ...): a static string such as "RCPT", or NULL. */
const char *_modori_text_find_command (const char *text);
/* The same of _modori_text_collapse_space (@text), without the copy. */
const char *_modori_text_find_command_collapsed (const char *text);

/* Builds the tables the scanners search with now. */
void _modori_text_prepare (void);

/* Whether @diagnostic is a connect(2) failure in the sending MTA's own
 * words ("connect to HOST[IP]:25: Connection timed out", "Connection
 * refused by HOST"): no reply code, so no command was answered. */
gboolean _modori_text_names_connect_failure (const char *diagnostic);
/* Its words alone, for a caller that knows @diagnostic has no reply code. */
gboolean _modori_text_says_connect_failure (const char *diagnostic);

/* The command of an SMTP session transcript (">>> RCPT To:<a@b>" sent,
 * "<<< 550 ..." received) that drew the first 4xx/5xx reply, skipping
 * replies to RCPT commands for other recipients than @recipient ("" for
 * any). A static string such as "RCPT", or NULL. */
const char *_modori_text_find_transcript_command (const char *text, const char *recipient);

/* The whole of a multi-line reply of which @first_line ("552-5.7.0 This
 * message ...") is the first line, from the transcript in @text ("<<<
 * 552-5.7.0 ..." lines up to "<<< 552 5.7.0 ..."): Sendmail writes only
 * the first line into the report. Newly allocated, the continuations
 * joined with single spaces; NULL when @first_line is not the start of a
 * multi-line reply or the transcript does not hold it. */
char *_modori_text_complete_reply (const char *text, const char *first_line);

/* @text without the line prefixes of a multi-line reply quoted on one
 * line ("550-5.7.1 ... 550-5.7.1 ... 550 5.7.1 ..."), or NULL when it
 * has none. */
char *_modori_text_without_continuations (const char *text);

/* Sendmail's own line about @recipient in a transcript ("<a@b>...
 * Deferred: Connection refused by mx.example.jp."): what follows the
 * "... ", newly allocated, or NULL. */
char *_modori_text_find_recipient_line (const char *text, const char *recipient);

/* The domain in "DOMAIN does not exist" ("553 example.com does not
 * exist"): a name with a dot and a letter, no '@'. Newly allocated, or
 * NULL. */
char *_modori_text_find_missing_domain (const char *text);

/* The host in "host NAME[IP] said:" / "host NAME said:" as newly
 * allocated lower-case text, or NULL. */
char *_modori_text_find_remote_host (const char *text);

/* The addr-spec in @raw ("<a@b>", "Name <a@b>", "a@b (comment)"),
 * with the domain lower-cased; newly allocated; "" when there is none. */
char *_modori_address_clean (const char *raw);

/* The lower-cased part after the last '@' of @address, newly allocated;
 * "" when there is no '@'. */
char *_modori_address_domain (const char *address);

#endif
