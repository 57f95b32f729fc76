/* sprinter.c: the back ends of sprinter.h. */
#include <string.h>

#include "escape.h"
#include "json-writer.h"
#include "sprinter.h"
#include "wrap.h"

/* An open container. */
typedef struct {
  gboolean map;
  gboolean inline_;   /* JSON: on one line */
  gboolean first;     /* nothing written in it yet */
} Frame;

/* What every back end keeps. */
typedef struct {
  Sprinter base;
  GArray *frames;     /* of Frame, innermost last */
  const char *key;    /* the key given for the next value (text) */
} Common;

static Frame *
top_frame (Common *self)
{
  return self->frames->len ? &g_array_index (self->frames, Frame, self->frames->len - 1) : NULL;
}

static void
push_frame (Common *self, gboolean map, gboolean inline_)
{
  Frame frame = { map, inline_, TRUE };
  g_array_append_val (self->frames, frame);
}

static void
common_init (Common *self, GString *out)
{
  self->base.out = out;
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
}

static void
common_free (Sprinter *sp)
{
  Common *self = (Common *) sp;

  g_array_unref (self->frames);
  g_free (self);
}

static void
nothing (Sprinter *sp)
{
}

/* JSON and JSON Lines. */

typedef struct {
  Common common;
  gboolean pretty;
} Json;

/* Before an item of @frame (a key of a map, a value of a list): the
 * comma, and the line break and indent of a pretty block. */
static void
json_item_prefix (Json *self, Frame *frame)
{
  GString *out = self->common.base.out;

  if (!frame->first)
    g_string_append_c (out, ',');
  if (self->pretty && !frame->inline_)
    {
      g_string_append_c (out, '\n');
      for (guint i = 0; i < self->common.frames->len; i++)
        g_string_append (out, "  ");
    }
  else if (self->pretty && !frame->first)
    g_string_append_c (out, ' ');
  frame->first = FALSE;
}

/* Before a value: a list's separator (a map's came with the key). */
static void
json_value_prefix (Json *self)
{
  Frame *frame = top_frame (&self->common);

  if (frame && !frame->map)
    json_item_prefix (self, frame);
}

/* After a value: the newline that ends a top-level one. */
static void
json_value_done (Json *self)
{
  if (self->common.frames->len == 0)
    g_string_append_c (self->common.base.out, '\n');
}

static void
json_begin (Sprinter *sp, gboolean map, gboolean inline_)
{
  Json *self = (Json *) sp;

  json_value_prefix (self);
  g_string_append_c (sp->out, map ? '{' : '[');
  push_frame (&self->common, map, inline_);
}

static void
json_begin_map (Sprinter *sp)
{
  json_begin (sp, TRUE, FALSE);
}

static void
json_begin_inline_map (Sprinter *sp)
{
  json_begin (sp, TRUE, TRUE);
}

static void
json_begin_list (Sprinter *sp)
{
  json_begin (sp, FALSE, FALSE);
}

static void
json_end (Sprinter *sp)
{
  Json *self = (Json *) sp;
  Frame frame;

  g_return_if_fail (self->common.frames->len > 0);
  frame = g_array_index (self->common.frames, Frame, self->common.frames->len - 1);
  g_array_set_size (self->common.frames, self->common.frames->len - 1);
  if (self->pretty && !frame.inline_ && !frame.first)
    {
      g_string_append_c (sp->out, '\n');
      for (guint i = 0; i < self->common.frames->len; i++)
        g_string_append (sp->out, "  ");
    }
  g_string_append_c (sp->out, frame.map ? '}' : ']');
  json_value_done (self);
}

static void
json_map_key (Sprinter *sp, const char *key)
{
  Json *self = (Json *) sp;
  Frame *frame = top_frame (&self->common);

  g_return_if_fail (frame != NULL && frame->map);
  json_item_prefix (self, frame);
  _modori_json_append_string (sp->out, key);
  g_string_append_c (sp->out, ':');
  if (self->pretty)
    g_string_append_c (sp->out, ' ');
}

static void
json_string (Sprinter *sp, const char *value)
{
  Json *self = (Json *) sp;

  json_value_prefix (self);
  _modori_json_append_string (sp->out, value ? value : "");
  json_value_done (self);
}

static void
json_integer (Sprinter *sp, gint64 value)
{
  Json *self = (Json *) sp;

  json_value_prefix (self);
  g_string_append_printf (sp->out, "%" G_GINT64_FORMAT, value);
  json_value_done (self);
}

static void
json_boolean (Sprinter *sp, gboolean value)
{
  Json *self = (Json *) sp;

  json_value_prefix (self);
  g_string_append (sp->out, value ? "true" : "false");
  json_value_done (self);
}

static void
json_items (Sprinter *sp, const char *rendered)
{
  Json *self = (Json *) sp;
  Frame *frame = top_frame (&self->common);

  if (rendered[0] == '\0')
    return;
  /* The rendered items start with their own line break and indent. */
  if (frame && !frame->first)
    g_string_append_c (sp->out, ',');
  if (frame)
    frame->first = FALSE;
  g_string_append (sp->out, rendered);
}

Sprinter *
sprinter_json_new_items (GString *out, SprinterJsonStyle style, guint depth)
{
  Json *self = g_new0 (Json, 1);
  Sprinter *sp = &self->common.base;

  common_init (&self->common, out);
  self->pretty = style == SPRINTER_JSON;
  sp->begin_map = json_begin_map;
  sp->begin_inline_map = json_begin_inline_map;
  sp->begin_list = json_begin_list;
  sp->end = json_end;
  sp->map_key = json_map_key;
  sp->string = json_string;
  sp->text = json_string;
  sp->integer = json_integer;
  sp->boolean = json_boolean;
  sp->separator = nothing;
  sp->items = json_items;
  sp->free = common_free;
  for (guint i = 0; i < depth; i++)
    push_frame (&self->common, FALSE, FALSE);
  return sp;
}

Sprinter *
sprinter_json_new (GString *out, SprinterJsonStyle style)
{
  return sprinter_json_new_items (out, style, 0);
}

/* CSV. */

static void
csv_value_prefix (Common *self)
{
  Frame *row = self->frames->len ? &g_array_index (self->frames, Frame, 0) : NULL;

  if (row && !row->first)
    g_string_append_c (self->base.out, ',');
  if (row)
    row->first = FALSE;
}

static void
csv_value_done (Common *self)
{
  if (self->frames->len == 0)
    g_string_append_c (self->base.out, '\n');
}

static void
csv_begin (Sprinter *sp)
{
  push_frame ((Common *) sp, FALSE, FALSE);
}

static void
csv_end (Sprinter *sp)
{
  Common *self = (Common *) sp;

  g_array_set_size (self->frames, self->frames->len - 1);
  csv_value_done (self);
}

static void
csv_map_key (Sprinter *sp, const char *key)
{
}

static void
csv_string (Sprinter *sp, const char *value)
{
  Common *self = (Common *) sp;

  csv_value_prefix (self);
  escape_append_csv_field (sp->out, value ? value : "");
  csv_value_done (self);
}

static void
csv_integer (Sprinter *sp, gint64 value)
{
  Common *self = (Common *) sp;

  csv_value_prefix (self);
  g_string_append_printf (sp->out, "%" G_GINT64_FORMAT, value);
  csv_value_done (self);
}

static void
csv_boolean (Sprinter *sp, gboolean value)
{
  csv_string (sp, value ? "true" : "false");
}

static void
raw_items (Sprinter *sp, const char *rendered)
{
  g_string_append (sp->out, rendered);
}

Sprinter *
sprinter_csv_new (GString *out)
{
  Common *self = g_new0 (Common, 1);
  Sprinter *sp = &self->base;

  common_init (self, out);
  sp->begin_map = csv_begin;
  sp->begin_inline_map = csv_begin;
  sp->begin_list = csv_begin;
  sp->end = csv_end;
  sp->map_key = csv_map_key;
  sp->string = csv_string;
  sp->text = csv_string;
  sp->integer = csv_integer;
  sp->boolean = csv_boolean;
  sp->separator = nothing;
  sp->items = raw_items;
  sp->free = common_free;
  return sp;
}

/* Text for people. */

typedef struct {
  Common common;
  SprinterTextOptions options;
} Text;

/* Two spaces for each level below the top. */
static int
text_indent (Text *self)
{
  return self->common.frames->len > 1 ? 2 * ((int) self->common.frames->len - 1) : 0;
}

static void
append_spaces (GString *out, int n)
{
  for (int i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* "Label: value" (or the value alone) on its own line, @shown being
 * what is shown of the value; wrapped below the top level if asked. */
static void
text_line (Text *self, const char *shown)
{
  GString *out = self->common.base.out;
  int indent = text_indent (self);
  const char *key = g_steal_pointer (&self->common.key);

  if (self->options.wrap_fields && indent > 0)
    {
      g_autofree char *line = key ? g_strdup_printf ("%s: %s", key, shown) : g_strdup (shown);
      g_autofree char *wrapped = modori_cli_wrap (line, self->options.width, indent);
      g_string_append (out, wrapped);
      return;
    }
  append_spaces (out, indent);
  if (key)
    g_string_append_printf (out, "%s: ", key);
  g_string_append (out, shown);
  g_string_append_c (out, '\n');
}

static void
text_begin (Sprinter *sp)
{
  Text *self = (Text *) sp;
  const char *key = g_steal_pointer (&self->common.key);

  if (key)
    {
      append_spaces (sp->out, text_indent (self));
      g_string_append_printf (sp->out, "%s:\n", key);
    }
  push_frame (&self->common, TRUE, FALSE);
}

static void
text_end (Sprinter *sp)
{
  Common *self = (Common *) sp;

  g_array_set_size (self->frames, self->frames->len - 1);
}

static void
text_map_key (Sprinter *sp, const char *key)
{
  ((Common *) sp)->key = key;
}

static void
text_string (Sprinter *sp, const char *value)
{
  Text *self = (Text *) sp;
  g_autofree char *shown = NULL;

  if (value == NULL || value[0] == '\0')
    {
      self->common.key = NULL;
      return;
    }
  shown = escape_line (value);
  text_line (self, shown);
}

static void
text_text (Sprinter *sp, const char *value)
{
  Text *self = (Text *) sp;
  const char *key = g_steal_pointer (&self->common.key);
  g_autofree char *shown = NULL, *wrapped = NULL;
  int indent = text_indent (self);

  if (value == NULL || value[0] == '\0')
    return;
  if (key)
    {
      append_spaces (sp->out, indent);
      g_string_append_printf (sp->out, "%s:\n", key);
      indent += 2;
    }
  shown = escape_multiline (value);
  wrapped = modori_cli_wrap (shown, self->options.width, indent);
  g_string_append (sp->out, wrapped);
}

static void
text_integer (Sprinter *sp, gint64 value)
{
  g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  text_line ((Text *) sp, shown);
}

static void
text_boolean (Sprinter *sp, gboolean value)
{
  text_line ((Text *) sp, value ? "true" : "false");
}

static void
text_separator (Sprinter *sp)
{
  g_string_append_c (sp->out, '\n');
}

Sprinter *
sprinter_text_new (GString *out, const SprinterTextOptions *options)
{
  Text *self = g_new0 (Text, 1);
  Sprinter *sp = &self->common.base;

  common_init (&self->common, out);
  self->options = *options;
  sp->begin_map = text_begin;
  sp->begin_inline_map = text_begin;
  sp->begin_list = text_begin;
  sp->end = text_end;
  sp->map_key = text_map_key;
  sp->string = text_string;
  sp->text = text_text;
  sp->integer = text_integer;
  sp->boolean = text_boolean;
  sp->separator = text_separator;
  sp->items = raw_items;
  sp->free = common_free;
  return sp;
}
