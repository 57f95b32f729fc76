/* wrap.c: line breaking by ICU's rules for Japanese (which also break
 * English between words) and column widths by East Asian Width, so that
 * both languages read naturally in a terminal. */
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <glib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "wrap.h"

#define DEFAULT_TERMINAL_WIDTH 80
#define MIN_TERMINAL_WIDTH 20

typedef struct {
  const char *utf8;
  const UChar *u;         /* utf8 as UTF-16, which ICU works on */
  const gsize *offsets;   /* UTF-8 offset of each UTF-16 unit, and of the end */
  GString *out;
  int indent;
  int avail;              /* columns left after the indent */
  /* The line being built: [start, end) is its text so far; what follows
   * up to the next segment is spaces, dropped if the line breaks there. */
  int32_t start;
  int32_t end;
  int width;              /* columns of [start, end) */
} Wrapper;

static int
char_width (UChar32 c)
{
  switch (u_charType (c))
    {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
      return 0;
    default:
      break;
    }
  switch (u_getIntPropertyValue (c, UCHAR_EAST_ASIAN_WIDTH))
    {
    case U_EA_WIDE:
    case U_EA_FULLWIDTH:
      return 2;
    default:
      return 1;
    }
}

static int
range_width (const UChar *u, int32_t from, int32_t to)
{
  int width = 0;

  for (int32_t i = from; i < to;)
    {
      UChar32 c;

      U16_NEXT (u, i, to, c);
      width += char_width (c);
    }
  return width;
}

/* The end of [from, to) without its trailing spaces and line terminators. */
static int32_t
trim_spaces (const UChar *u, int32_t from, int32_t to)
{
  while (to > from)
    {
      int32_t i = to;
      UChar32 c;

      U16_PREV (u, from, i, c);
      if (!u_isWhitespace (c))
        break;
      to = i;
    }
  return to;
}

/* Converts valid UTF-8 to UTF-16, recording where each unit came from so
 * break positions can be mapped back. */
static UChar *
to_utf16 (const char *utf8, gsize length, gsize **offsets, int32_t *n_units)
{
  /* UTF-16 never takes more units than UTF-8 takes bytes. */
  UChar *u = g_new (UChar, length + 1);
  gsize *map = g_new (gsize, length + 1);
  int32_t n = 0;

  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      int32_t first = n;

      U16_APPEND_UNSAFE (u, n, g_utf8_get_char (p));
      for (int32_t i = first; i < n; i++)
        map[i] = p - utf8;
    }
  map[n] = length;
  *offsets = map;
  *n_units = n;
  return u;
}

/* Writes out the line and starts the next one at @next. */
static void
finish_line (Wrapper *w, int32_t next)
{
  if (w->end > w->start)
    {
      gsize from = w->offsets[w->start];

      g_string_append_printf (w->out, "%*s", w->indent, "");
      g_string_append_len (w->out, w->utf8 + from, w->offsets[w->end] - from);
    }
  g_string_append_c (w->out, '\n');
  w->start = w->end = next;
  w->width = 0;
}

/* Adds the segment [from, to) between two break opportunities. */
static void
add_segment (Wrapper *w, UBreakIterator *graphemes, int32_t from, int32_t to)
{
  int32_t body_end = trim_spaces (w->u, from, to);
  int width;

  /* Spaces alone wait with the rest of the gap: they are kept only if
   * they start a paragraph and something follows. */
  if (body_end == from)
    return;

  width = range_width (w->u, w->end, body_end);
  if (w->end > w->start && w->width + width > w->avail)
    {
      finish_line (w, from);
      width = range_width (w->u, from, body_end);
    }
  if (w->width + width <= w->avail)
    {
      w->width += width;
      w->end = body_end;
      return;
    }

  /* Too long even for a line of its own: break between graphemes. */
  for (int32_t pos = w->end, next; pos < body_end; pos = next)
    {
      int grapheme_width;

      next = ubrk_following (graphemes, pos);
      if (next == UBRK_DONE || next > body_end)
        next = body_end;
      grapheme_width = range_width (w->u, pos, next);
      if (w->end > w->start && w->width + grapheme_width > w->avail)
        finish_line (w, pos);
      w->width += grapheme_width;
      w->end = next;
    }
}

/* The break iterators, opened once per thread: opening one loads ICU's
 * rules and cost more than wrapping a record's text (a third of the time
 * of text output). */
typedef struct {
  UBreakIterator *lines;
  UBreakIterator *graphemes;
} Iterators;

static void
iterators_free (gpointer data)
{
  Iterators *it = data;

  ubrk_close (it->graphemes);
  ubrk_close (it->lines);
  g_free (it);
}

static GPrivate thread_iterators = G_PRIVATE_INIT (iterators_free);

void
modori_cli_wrap_release_thread (void)
{
  g_private_replace (&thread_iterators, NULL);
}

/* The thread's iterators, set on @u. */
static Iterators *
iterators_on (const UChar *u, int32_t n, UErrorCode *status)
{
  Iterators *it = g_private_get (&thread_iterators);

  if (it == NULL)
    {
      it = g_new0 (Iterators, 1);
      /* Strict Japanese line breaking: small kana and the long vowel
       * mark never start a line (ICU's default lets "ー" begin one). */
      it->lines = ubrk_open (UBRK_LINE, "ja@lb=strict", NULL, 0, status);
      it->graphemes = ubrk_open (UBRK_CHARACTER, "ja", NULL, 0, status);
      /* Only a broken ICU installation fails here; there is no sensible
       * output without its data. */
      if (U_FAILURE (*status))
        g_error ("cannot open ICU break iterators: %s", u_errorName (*status));
      g_private_set (&thread_iterators, it);
    }
  ubrk_setText (it->lines, u, n, status);
  ubrk_setText (it->graphemes, u, n, status);
  return it;
}

char *
modori_cli_wrap (const char *text, int width, int indent)
{
  g_autofree char *valid = NULL;
  g_autofree UChar *u = NULL;
  g_autofree gsize *offsets = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *lines, *graphemes;
  Iterators *iterators;
  gboolean hard = FALSE;
  gsize length;
  int32_t n;
  Wrapper w;

  g_return_val_if_fail (text != NULL, NULL);

  indent = MAX (indent, 0);
  if (width <= indent)
    width = indent + 10;
  valid = g_utf8_make_valid (text, -1);
  length = strlen (valid);
  if (length == 0)
    return g_strdup ("");

  u = to_utf16 (valid, length, &offsets, &n);
  iterators = iterators_on (u, n, &status);
  if (U_FAILURE (status))
    g_error ("cannot set the text of ICU break iterators: %s", u_errorName (status));
  lines = iterators->lines;
  graphemes = iterators->graphemes;

  w = (Wrapper) {
    .utf8 = valid,
    .u = u,
    .offsets = offsets,
    .out = g_string_sized_new (length + length / 8 + 16),
    .indent = indent,
    .avail = width - indent,
  };
  for (int32_t from = ubrk_first (lines), to; (to = ubrk_next (lines)) != UBRK_DONE; from = to)
    {
      int32_t rule = ubrk_getRuleStatus (lines);

      hard = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
      add_segment (&w, graphemes, from, to);
      if (hard)
        finish_line (&w, to);
    }
  /* A final line break has already ended the last line. */
  if (!hard)
    finish_line (&w, n);

  /* The iterators keep no pointer to @u past this call. */
  ubrk_setText (lines, NULL, 0, &status);
  ubrk_setText (graphemes, NULL, 0, &status);
  return g_string_free (w.out, FALSE);
}

int
modori_cli_text_width (const char *text)
{
  g_autofree char *valid = NULL;
  int width = 0;

  g_return_val_if_fail (text != NULL, 0);

  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

int
modori_cli_terminal_width (int fd)
{
  int width = DEFAULT_TERMINAL_WIDTH;

  if (isatty (fd))
    {
      const char *columns = g_getenv ("COLUMNS");
      struct winsize size;
      gint64 value;

      if (ioctl (fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        width = size.ws_col;
      else if (columns != NULL
               && g_ascii_string_to_signed (columns, 10, 1, G_MAXUINT16, &value, NULL))
        width = (int) value;
    }
  return MAX (width, MIN_TERMINAL_WIDTH);
}
