/* wrap.h: fitting text to the terminal, for Japanese as well as English. */
#ifndef MODORI_CLI_WRAP_H
#define MODORI_CLI_WRAP_H

/* Wraps UTF-8 text for a terminal of @width columns. Every output line
 * starts with @indent spaces (counted in the width), except that an empty
 * line stays empty; if @width <= @indent, @indent + 10 is used instead.
 * Lines break only at ICU line-break opportunities: Japanese between
 * phrases (ICU's "ja@lw=phrase": "メールアドレスが" / "存在しません。",
 * never "アドレ" / "ス"), English between words. Strict kinsoku holds
 * at every break: 。、」 etc., small kana and ー never start a line. A
 * phrase longer than the line is broken where strict line breaking
 * allows (between characters), and a piece still too long between
 * graphemes as a last resort. Existing
 * line breaks ('\n', "\r\n", U+2028...) are kept; spaces at a break are
 * dropped; spaces that start a paragraph are kept. Invalid UTF-8 is
 * replaced with U+FFFD first.
 *
 * Returns a newly allocated string (free with g_free), each line ending
 * with '\n'; "" for empty @text. */
char *modori_cli_wrap (const char *text, int width, int indent);

/* Closes the calling thread's break iterators (modori_cli_wrap opens
 * them once per thread; GLib closes them when a thread other than the
 * main one ends). The main thread calls this before it returns, so that
 * a leak checker sees no memory still held. */
void modori_cli_wrap_release_thread (void);

/* Display width in columns of a UTF-8 string: East Asian Wide and
 * Fullwidth characters count 2, combining marks and format characters
 * (Mn, Me, Cf) count 0, everything else (Ambiguous included) counts 1. */
int modori_cli_text_width (const char *text);

/* Columns of the terminal on @fd if it is a terminal (TIOCGWINSZ, then
 * the COLUMNS environment variable), else 80. Never less than 20. */
int modori_cli_terminal_width (int fd);

#endif
