/* charset.c: charset conversion with detection for undeclared text.
 * The only file that calls ICU's charset detector. */
#define _GNU_SOURCE  /* memmem */
#include <string.h>

#include <gmime/gmime.h>
#include <unicode/ucsdet.h>

#include "charset.h"

/* The most converters a thread keeps open. */
#define MAX_CONVERTERS 16

static void
close_converter (gpointer converter)
{
  g_iconv_close (converter);
}

static void
converters_free (gpointer converters)
{
  g_hash_table_unref (converters);
}

/* Each thread's open converters to UTF-8, by charset. g_convert() opens
 * one a call, and glibc's iconv_open() looks its module up and opens it
 * again each time: some 4 % of a scan's time went there (perf). */
static GPrivate thread_converters = G_PRIVATE_INIT (converters_free);

/* A converter from @charset (an iconv name) to UTF-8, kept open for the
 * thread; (GIConv) -1 if there is none. */
static GIConv
converter_from (const char *charset)
{
  GHashTable *converters = g_private_get (&thread_converters);
  gpointer converter;

  if (converters == NULL)
    {
      converters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, close_converter);
      g_private_set (&thread_converters, converters);
    }
  if (g_hash_table_lookup_extended (converters, charset, NULL, &converter))
    return converter;
  converter = g_iconv_open ("UTF-8", charset);
  if (converter == (gpointer) (GIConv) -1)
    return (GIConv) -1;
  /* Names come from the mail: the table stays small whatever it holds. */
  if (g_hash_table_size (converters) >= MAX_CONVERTERS)
    g_hash_table_remove_all (converters);
  g_hash_table_insert (converters, g_strdup (charset), converter);
  return converter;
}

static char *
convert (const char *bytes, gsize length, const char *charset)
{
  GIConv converter = converter_from (g_mime_charset_iconv_name (charset));
  gsize written = 0;
  char *text;

  if (converter == (GIConv) -1)
    return NULL;
  /* As g_convert() does with a converter of its own: from its initial
   * state. */
  g_iconv (converter, NULL, NULL, NULL, NULL);
  text = g_convert_with_iconv (bytes, length, converter, NULL, &written, NULL);

  /* A conversion that stopped early or made invalid text is no conversion. */
  if (text && !g_utf8_validate (text, written, NULL))
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
is_ascii (const char *bytes, gsize length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), high = ones * 0x80, escs = ones * 0x1b;
  gsize i = 0;

  /* Eight bytes at a time, as every part's whole text is checked: any
   * high bit, or any zero byte of the word XOR ESCs (the classic
   * zero-byte test, exact about whether there is one). */
  for (; i + 8 <= length; i += 8)
    {
      guint64 word, x;

      memcpy (&word, bytes + i, 8);
      x = word ^ escs;
      if ((word & high) || ((x - ones) & ~x & high))
        return FALSE;
    }
  for (; i < length; i++)
    if ((guchar) bytes[i] >= 0x80 || bytes[i] == 0x1b)
      return FALSE;
  return TRUE;
}

/* UTF-16 and UTF-32: no MIME text can be in them, as a text's line break
 * must be the octets CR LF (RFC 2046, 4.1.1), and any even length of
 * bytes decodes as UTF-16: the detector's guess of it for a report with
 * one stray byte turned the whole report into CJK characters. */
static gboolean
is_wide (const char *charset)
{
  return g_ascii_strncasecmp (charset, "UTF-16", 6) == 0 || g_ascii_strncasecmp (charset, "UTF-32", 6) == 0;
}

static char *
detect_and_convert (const char *bytes, gsize length)
{
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open (&status);
  char *text = NULL;
  int32_t n_matches = 0;
  const UCharsetMatch **matches;

  if (U_FAILURE (status))
    return NULL;
  /* ICU's detector costs some 2,800 instructions a byte (every
   * recognizer reads the whole sample): 4 KB of a text decide its
   * charset as well as 64 KB did, at a sixteenth of the worst cost. */
  ucsdet_setText (detector, bytes, (int32_t) MIN (length, 4096), &status);
  matches = ucsdet_detectAll (detector, &n_matches, &status);
  for (int32_t i = 0; U_SUCCESS (status) && i < n_matches && text == NULL; i++)
    {
      UErrorCode name_status = U_ZERO_ERROR;
      const char *name = ucsdet_getName (matches[i], &name_status);
      if (U_SUCCESS (name_status) && name && !is_wide (name))
        text = convert (bytes, length, name);
    }
  ucsdet_close (detector);
  return text;
}

char *
_modori_charset_to_utf8 (const char *bytes, gsize length, const char *declared)
{
  char *text = NULL;

  if (is_ascii (bytes, length))
    return g_strndup (bytes, length);
  if (declared && g_ascii_strcasecmp (declared, "us-ascii") != 0 &&
      g_ascii_strcasecmp (declared, "utf-8") != 0)
    text = convert (bytes, length, declared);
  /* ISO-2022-JP is 7-bit and so valid UTF-8 too: its escapes tell it. */
  if (text == NULL && (memmem (bytes, length, "\x1b$B", 3) || memmem (bytes, length, "\x1b$@", 3)))
    text = convert (bytes, length, "ISO-2022-JP");
  if (text == NULL && g_utf8_validate (bytes, length, NULL))
    text = g_strndup (bytes, length);
  if (text == NULL)
    text = detect_and_convert (bytes, length);
  if (text == NULL)
    text = g_utf8_make_valid (bytes, length);
  return text;
}
