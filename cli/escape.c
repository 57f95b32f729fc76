/* escape.c: bounces come from strangers, and so can file names. Sent to
 * a terminal as they are, their control characters move the cursor,
 * recolour or retitle the window, or erase what was printed before; the
 * bidirectional controls reorder what is shown (the "Trojan Source"
 * trick); and a spreadsheet runs a CSV cell that starts like a formula.
 * Such characters are shown by their code instead, so nothing is lost
 * and nothing acts. */
#include <string.h>

#include "escape.h"

/* The controls of Unicode's bidirectional algorithm: marks and
 * embeddings, overrides and isolates. */
static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F
         || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* C0 controls, DEL, C1 controls, the bidirectional controls, and the
 * line and paragraph separators, which would break a line the output
 * means to keep whole. */
static gboolean
must_escape (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || is_bidi_control (c)
         || c == 0x2028 || c == 0x2029;
}

static void
append_escaped (GString *out, const char *text, gboolean keep_newlines)
{
  const char *end = text + strlen (text);

  for (const char *p = text; p < end;)
    {
      gunichar c;

      /* Most of it is plain ASCII: no decoding. */
      if ((guchar) *p >= 0x20 && (guchar) *p < 0x7F)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (keep_newlines && (*p == '\n' || (p[0] == '\r' && p[1] == '\n')))
        {
          g_string_append_c (out, '\n');
          p += *p == '\r' ? 2 : 1;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xEF\xBF\xBD");   /* U+FFFD */
          p++;
          continue;
        }
      if (!must_escape (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
      p = g_utf8_next_char (p);
    }
}

char *
escape_line (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  out = g_string_sized_new (strlen (text));
  append_escaped (out, text, FALSE);
  return g_string_free (out, FALSE);
}

char *
escape_multiline (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  out = g_string_sized_new (strlen (text));
  append_escaped (out, text, TRUE);
  return g_string_free (out, FALSE);
}

/* What Excel, LibreOffice and Google Sheets take for the start of a
 * formula, and, as a precaution for text typed through a Japanese input
 * method, the full-width forms of the same signs. */
static gboolean
starts_like_formula (const char *field)
{
  gunichar c;

  field += strspn (field, " ");
  if (*field == '\0')
    return FALSE;
  c = g_utf8_get_char (field);
  return c == '=' || c == '+' || c == '-' || c == '@'
         || c == 0xFF1D || c == 0xFF0B || c == 0xFF0D || c == 0xFF20;
}

void
escape_append_csv_field (GString *out, const char *value)
{
  g_autoptr (GString) shown = NULL;
  gboolean quote;

  g_return_if_fail (value != NULL);

  /* No CR or LF is left to quote: they are escaped with the rest. */
  shown = g_string_sized_new (strlen (value));
  append_escaped (shown, value, FALSE);
  quote = strpbrk (shown->str, ",\"") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (starts_like_formula (shown->str))
    g_string_append_c (out, '\'');
  for (const char *p = shown->str; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

char *
escape_csv_field (const char *value)
{
  GString *out;

  g_return_val_if_fail (value != NULL, NULL);
  out = g_string_sized_new (strlen (value) + 2);
  escape_append_csv_field (out, value);
  return g_string_free (out, FALSE);
}
