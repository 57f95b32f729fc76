/* escape.h: what bounces and file names say, made safe to show in a
 * terminal or a spreadsheet. Every text, CSV and stderr writer of the
 * tool passes such strings through here; JSON has its own escaping. */
#ifndef MODORI_CLI_ESCAPE_H
#define MODORI_CLI_ESCAPE_H

#include <glib.h>

/* A copy of @text that a terminal shows as it is and that stays on one
 * line. Invalid UTF-8 becomes U+FFFD, one for each bad byte. These are
 * written out visibly, in hex, instead of being sent to the terminal:
 *
 *   - the C0 controls U+0000..U+001F (newline and tab included) and DEL,
 *     as \xHH: ESC shows as "\x1b", a newline as "\x0a";
 *   - the C1 controls U+0080..U+009F, the bidirectional controls U+061C,
 *     U+200E, U+200F, U+202A..U+202E, U+2066..U+2069, and the line and
 *     paragraph separators U+2028, U+2029, as \uHHHH: "\u009b", "\u202e".
 *
 * The result is for reading, not for decoding: a backslash of @text is
 * left as it is. Returns a newly allocated string (free with g_free). */
char *escape_line (const char *text);

/* Like escape_line(), but a line break of multi-line text stays one:
 * "\n" is kept and "\r\n" becomes "\n". A lone "\r", which would let
 * text overwrite its own line, is still escaped. */
char *escape_multiline (const char *text);

/* Appends @value to @out as one CSV field: escaped as by escape_line(),
 * then, if it begins (after any spaces) with = + - @ or their full-width
 * forms, which spreadsheets take for a formula, preceded by a ' as
 * OWASP's CSV injection guidance advises (a tab or CR at its start is
 * already \x09 or \x0d); quoted as RFC 4180 says when it holds a comma
 * or a double quote. */
void escape_append_csv_field (GString *out, const char *value);

/* escape_append_csv_field() into a newly allocated string. */
char *escape_csv_field (const char *value);

#endif
