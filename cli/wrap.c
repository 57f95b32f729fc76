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

/* Words that ICU 72's phrase breaking cuts although they are one word:
 * its dictionary ends a word at "くだ" and "下", so every "ください"
 * (in nearly every piece of guidance) was shown as "くだ" / "さい". */
static const char *const unbreakable[] = { "ください", "下さい" };

/* Whether the byte offset @at of @utf8 falls inside one of unbreakable. */
static gboolean
inside_unbreakable (const char *utf8, gsize at)
{
  for (guint i = 0; i < G_N_ELEMENTS (unbreakable); i++)
    {
      const char *word = unbreakable[i];

      for (const char *cut = g_utf8_next_char (word); *cut != '\0'; cut = g_utf8_next_char (cut))
        {
          gsize before = cut - word;

          if (at >= before && memcmp (utf8 + at - before, word, before) == 0
              && g_str_has_prefix (utf8 + at, cut))
            return TRUE;
        }
    }
  return FALSE;
}

/* Adds the piece [from, to), which ends at a break opportunity. A piece
 * too long for a line of its own is cut at the boundaries of @finer[0],
 * each part added the same way with @finer + 1: phrases are cut where
 * strict line breaking allows, and those between graphemes as a last
 * resort. @finer ends with NULL; what is still too long then (a wide
 * character in a one-column line) takes a line of its own anyway. */
static void
add_piece (Wrapper *w, UBreakIterator *const *finer, int32_t from, int32_t to)
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
  if (w->width + width <= w->avail || finer[0] == NULL)
    {
      w->width += width;
      w->end = body_end;
      return;
    }

  /* The line is empty here: the piece starts it, with any spaces that
   * begin the paragraph. */
  for (int32_t pos = w->end, next; pos < body_end; pos = next)
    {
      next = ubrk_following (finer[0], pos);
      if (next == UBRK_DONE || next > body_end)
        next = body_end;
      add_piece (w, finer + 1, pos, next);
    }
}

/* The break iterators, opened once per thread: opening one loads ICU's
 * rules (and, for phrases, its dictionary) and cost more than wrapping
 * a record's text (a third of the time of text output). */
typedef struct {
  UBreakIterator *phrases;
  /* Strict line breaking, then graphemes, then NULL: add_piece's
   * finer boundaries. */
  UBreakIterator *finer[3];
} Iterators;

static void
iterators_free (gpointer data)
{
  Iterators *it = data;

  for (guint i = 0; it->finer[i] != NULL; i++)
    ubrk_close (it->finer[i]);
  ubrk_close (it->phrases);
  g_free (it);
}

static GPrivate thread_iterators = G_PRIVATE_INIT (iterators_free);

/* What the thread wrapped, by width, indent and text. The same guidance
 * is wrapped for every record of its reason, and phrase breaking runs
 * ICU's dictionary (text output took 1.6 times as long with it). Texts
 * longer than any guidance are not kept. A full table keeps only what
 * was asked for again (guidance, not each record's own diagnostic), or
 * nothing if everything was: it stays bounded whatever the input. */
#define WRAPPED_MAX_ENTRIES 64
#define WRAPPED_MAX_TEXT_BYTES 2048

typedef struct {
  char *text;
  gboolean reused;
} Wrapped;

static void
wrapped_free (gpointer data)
{
  Wrapped *wrapped = data;

  g_free (wrapped->text);
  g_free (wrapped);
}

static gboolean
not_reused (gpointer key, gpointer value, gpointer user_data)
{
  return !((Wrapped *) value)->reused;
}

static GPrivate thread_wrapped = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

void
modori_cli_wrap_release_thread (void)
{
  g_private_replace (&thread_wrapped, NULL);
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
      /* Japanese is broken between phrases (文節: "メールアドレスが"),
       * never inside a word ("アドレ" / "ス"). ICU has done this since
       * 71 with its dictionary; 72 maps lb=strict;lw=phrase to the same
       * rules as lw=phrase, which are not strict: they break before "ー"
       * or a small kana where the dictionary ends a word ("漢字" / "ー"),
       * so the strict iterator below vetoes those breaks. An ICU without
       * lw=phrase ignores the keyword and breaks between characters. */
      it->phrases = ubrk_open (UBRK_LINE, "ja@lb=strict;lw=phrase", NULL, 0, status);
      /* Strict Japanese line breaking: small kana and the long vowel
       * mark never start a line (ICU's default lets "ー" begin one). */
      it->finer[0] = ubrk_open (UBRK_LINE, "ja@lb=strict", NULL, 0, status);
      it->finer[1] = ubrk_open (UBRK_CHARACTER, "ja", NULL, 0, status);
      /* Only a broken ICU installation fails here; there is no sensible
       * output without its data. */
      if (U_FAILURE (*status))
        g_error ("cannot open ICU break iterators: %s", u_errorName (*status));
      g_private_set (&thread_iterators, it);
    }
  ubrk_setText (it->phrases, u, n, status);
  for (guint i = 0; it->finer[i] != NULL; i++)
    ubrk_setText (it->finer[i], u, n, status);
  return it;
}

static char *
wrap_text (const char *text, int width, int indent)
{
  g_autofree char *valid = NULL;
  g_autofree UChar *u = NULL;
  g_autofree gsize *offsets = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *phrases, *strict;
  Iterators *iterators;
  gboolean hard = FALSE;
  gsize length;
  int32_t from, to, n;
  Wrapper w;

  valid = g_utf8_make_valid (text, -1);
  length = strlen (valid);
  if (length == 0)
    return g_strdup ("");

  u = to_utf16 (valid, length, &offsets, &n);
  iterators = iterators_on (u, n, &status);
  if (U_FAILURE (status))
    g_error ("cannot set the text of ICU break iterators: %s", u_errorName (status));
  phrases = iterators->phrases;
  strict = iterators->finer[0];

  w = (Wrapper) {
    .utf8 = valid,
    .u = u,
    .offsets = offsets,
    .out = g_string_sized_new (length + length / 8 + 16),
    .indent = indent,
    .avail = width - indent,
  };
  for (from = ubrk_first (phrases); (to = ubrk_next (phrases)) != UBRK_DONE;)
    {
      int32_t rule = ubrk_getRuleStatus (phrases);

      hard = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
      /* A phrase boundary that strict kinsoku forbids, or that cuts a
       * word ICU does not know, joins the two phrases into one piece. */
      if (!hard && to < n
          && (!ubrk_isBoundary (strict, to) || inside_unbreakable (valid, offsets[to])))
        continue;
      add_piece (&w, iterators->finer, from, to);
      if (hard)
        finish_line (&w, to);
      from = to;
    }
  /* A final line break has already ended the last line. */
  if (!hard)
    finish_line (&w, n);

  /* The iterators keep no pointer to @u past this call. */
  ubrk_setText (phrases, NULL, 0, &status);
  for (guint i = 0; iterators->finer[i] != NULL; i++)
    ubrk_setText (iterators->finer[i], NULL, 0, &status);
  return g_string_free (w.out, FALSE);
}

char *
modori_cli_wrap (const char *text, int width, int indent)
{
  GHashTable *table;
  g_autofree char *key = NULL;
  Wrapped *known;
  char *result;

  g_return_val_if_fail (text != NULL, NULL);

  indent = MAX (indent, 0);
  if (width <= indent)
    width = indent + 10;
  if (strnlen (text, WRAPPED_MAX_TEXT_BYTES + 1) > WRAPPED_MAX_TEXT_BYTES)
    return wrap_text (text, width, indent);

  table = g_private_get (&thread_wrapped);
  if (table == NULL)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wrapped_free);
      g_private_set (&thread_wrapped, table);
    }
  key = g_strdup_printf ("%d %d %s", width, indent, text);
  known = g_hash_table_lookup (table, key);
  if (known != NULL)
    {
      known->reused = TRUE;
      return g_strdup (known->text);
    }

  result = wrap_text (text, width, indent);
  if (g_hash_table_size (table) >= WRAPPED_MAX_ENTRIES
      && g_hash_table_foreach_remove (table, not_reused, NULL) == 0)
    g_hash_table_remove_all (table);
  known = g_new (Wrapped, 1);
  known->text = g_strdup (result);
  known->reused = FALSE;
  g_hash_table_insert (table, g_steal_pointer (&key), known);
  return result;
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
