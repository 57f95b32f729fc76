/* json-writer.c: JSON string escaping.
 *
 * The output needs a fixed key order and byte-stable formatting (golden
 * tests, diffable batch output); a hand-written writer gives both. */
#include "json-writer.h"

/* Printable ASCII that JSON takes as it is: most of any record. */
static inline gboolean
is_plain (guchar c)
{
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

void
_modori_json_append_string (GString *out, const char *text)
{
  const char *p = text;

  g_string_append_c (out, '"');
  while (*p)
    {
      const char *run = p;
      gunichar c;

      /* Copy plain runs whole: appending byte by byte was most of the
       * time spent writing a batch's records. */
      while (is_plain ((guchar) *p))
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\\ufffd");
          p++;
          continue;
        }
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
      p = g_utf8_next_char (p);
    }
  g_string_append_c (out, '"');
}
