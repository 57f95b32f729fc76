/* json-writer.c: JSON string escaping.
 *
 * The output needs a fixed key order and byte-stable formatting (golden
 * tests, diffable batch output); a hand-written writer gives both. */
#include <string.h>

#include "json-writer.h"

/* Printable ASCII that JSON takes as it is: most of any record. A table,
 * as the test runs for every byte written. */
static const guchar plain[256] = {
#define P(c) ((c) >= 0x20 && (c) < 0x80 && (c) != '"' && (c) != '\\')
#define P4(c) P (c), P (c + 1), P (c + 2), P (c + 3)
#define P16(c) P4 (c), P4 (c + 4), P4 (c + 8), P4 (c + 12)
#define P64(c) P16 (c), P16 (c + 16), P16 (c + 32), P16 (c + 48)
  P64 (0), P64 (64), P64 (128), P64 (192)
#undef P64
#undef P16
#undef P4
#undef P
};

static inline gboolean
is_plain (guchar c)
{
  return plain[c];
}

/* g_string_append_len() as a copy where the buffer has room: GLib 2.74's
 * is a call into g_string_insert_len(), which weighed as much as the
 * escaping itself. */
static inline void
append_bytes (GString *out, const char *bytes, gsize length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, bytes, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, length);
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
        append_bytes (out, run, p - run);
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
            append_bytes (out, p, g_utf8_next_char (p) - p);
        }
      p = g_utf8_next_char (p);
    }
  g_string_append_c (out, '"');
}
