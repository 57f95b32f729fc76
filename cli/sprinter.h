/* sprinter.h: one structured printer for every command and format, in
 * the spirit of notmuch's sprinter: a command says what it writes (a
 * map, a key, a string, a number, the end) and a back end says how
 * (JSON, JSON Lines, CSV, text for people). Everything is written into
 * one growing buffer, @out, which the caller prints or hands on (a
 * scan's worker renders into it).
 *
 * What a stranger wrote (a bounce, a file name) may be passed as it is:
 * each back end escapes it its own way (JSON string escaping; escape.h
 * for CSV and text). */
#ifndef MODORI_CLI_SPRINTER_H
#define MODORI_CLI_SPRINTER_H

#include <glib.h>

typedef struct _Sprinter Sprinter;

struct _Sprinter {
  /* Containers, ended by end(). A map's values each follow a
   * map_key(). JSON writes an inline map on one line. */
  void (*begin_map) (Sprinter *sp);
  void (*begin_inline_map) (Sprinter *sp);
  void (*begin_list) (Sprinter *sp);
  void (*end) (Sprinter *sp);
  /* @key is not copied: it must live until its value is given. */
  void (*map_key) (Sprinter *sp, const char *key);
  /* Values. string() is one line of text; text() may span lines (the
   * text back end writes it as an indented, wrapped block). */
  void (*string) (Sprinter *sp, const char *value);
  void (*text) (Sprinter *sp, const char *value);
  void (*integer) (Sprinter *sp, gint64 value);
  void (*boolean) (Sprinter *sp, gboolean value);
  /* Between items that people read apart: a blank line in text,
   * nothing elsewhere. */
  void (*separator) (Sprinter *sp);
  /* What another sprinter of the same back end rendered, added as it
   * is: a worker's records. In an open JSON list they are its items
   * (rendered by sprinter_json_new_items()), the comma added; "" adds
   * nothing. */
  void (*items) (Sprinter *sp, const char *rendered);
  void (*free) (Sprinter *sp);
  GString *out;
};

typedef enum {
  SPRINTER_JSON,         /* pretty, two spaces a level */
  SPRINTER_JSON_LINES,   /* compact, each top-level value on a line */
} SprinterJsonStyle;

/* JSON: a top-level value ends with a newline. Every control character
 * is escaped (\n \r \t \" \\, others and U+2028, U+2029 as \uXXXX),
 * invalid UTF-8 becomes \ufffd, other non-ASCII stays UTF-8. */
Sprinter *sprinter_json_new (GString *out, SprinterJsonStyle style);
/* Renders the items of a list opened elsewhere (at @depth, 1 for the
 * top-level list), for items() of another JSON sprinter. */
Sprinter *sprinter_json_new_items (GString *out, SprinterJsonStyle style, guint depth);

/* CSV: each top-level map or list is one row, its values (keys are not
 * written) the fields, made safe and quoted by escape_append_csv_field(). */
Sprinter *sprinter_csv_new (GString *out);

typedef struct {
  int width;             /* columns to wrap to */
  gboolean wrap_fields;  /* wrap "Label: value" lines below the top level */
} SprinterTextOptions;

/* Text for people: a keyed string is "Label: value" on its own line,
 * two spaces further in for each level below the top; a keyed text is
 * "Label:" and the text wrapped (wrap.h) two spaces further in; empty
 * values are left out; a keyed container writes "Label:" first. Values
 * are escaped (escape_line(), escape_multiline()). */
Sprinter *sprinter_text_new (GString *out, const SprinterTextOptions *options);

#endif
