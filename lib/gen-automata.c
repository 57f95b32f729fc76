/* gen-automata.c: writes matcher-images.c, the matchers the library
 * builds from its own tables, as read-only data (see matcher-image.h).
 *
 * It makes an analyzer and explains a reply, as the tool does, with a
 * recorder set: whatever matchers those build is what it writes, so the
 * list of images never has to be kept by hand. Linked with the static
 * library, which has no images: each matcher here is built.
 *
 * usage: gen-automata OUTPUT.C */
#include <stdio.h>
#include <string.h>

#include <modori/modori.h>
#include "matcher-image.h"

/* One matcher built, with a copy of its patterns as one string of
 * NUL-terminated ones. */
typedef struct {
  GString *patterns;
  MatcherImage image;
} Recorded;

static void
recorded_free (gpointer data)
{
  Recorded *r = data;

  g_string_free (r->patterns, TRUE);
  g_free (r);
}

static void
record (const char *const *patterns, guint n_patterns, const Matcher *matcher, gpointer user_data)
{
  GPtrArray *recorded = user_data;
  Recorded *r = g_new0 (Recorded, 1);

  r->patterns = g_string_new (NULL);
  for (guint i = 0; i < n_patterns; i++)
    g_string_append_len (r->patterns, patterns[i], (gssize) strlen (patterns[i]) + 1);
  _modori_matcher_get_image (matcher, &r->image);
  /* The same list twice is one image: find_image() takes the first. */
  for (guint i = 0; i < recorded->len; i++)
    {
      const Recorded *other = g_ptr_array_index (recorded, i);
      if (other->image.n_patterns == n_patterns && g_string_equal (other->patterns, r->patterns))
        {
          recorded_free (r);
          return;
        }
    }
  g_ptr_array_add (recorded, r);
}

/* The patterns as a C string literal, one per line; octal escapes for
 * all but plain ASCII, so the file is ASCII whatever the scripts. */
static void
write_patterns (GString *out, guint index, const GString *patterns)
{
  g_string_append_printf (out, "static const char patterns_%u[] =\n  \"", index);
  for (gsize i = 0; i < patterns->len; i++)
    {
      guchar c = (guchar) patterns->str[i];

      if (c == 0)
        g_string_append (out, i + 1 < patterns->len ? "\\0\"\n  \"" : "\\0\"");
      else if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?')
        g_string_append_c (out, (char) c);
      else
        g_string_append_printf (out, "\\%03o", c);
    }
  if (patterns->len == 0)
    g_string_append (out, "\"");
  g_string_append (out, ";\n");
}

/* Appends @item (@width bytes) and a comma to an initializer, starting a
 * new line where this one would pass 100 columns (@column: where it is). */
static void
append_item (GString *out, gsize *column, const char *item, int width)
{
  if (*column == 0 || *column + (gsize) width + 2 > 100)
    {
      g_string_append (out, "\n ");
      *column = 1;
    }
  g_string_append_printf (out, " %s,", item);
  *column += (gsize) width + 2;
}

/* An array of @n numbers (one at least: C has no empty arrays). */
static void
write_numbers (GString *out, const char *type, const char *name, guint index, const void *values, gsize n,
               gboolean is_signed)
{
  gsize column = 0;

  g_string_append_printf (out, "static const %s %s_%u[%" G_GSIZE_FORMAT "] = {", type, name, index, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    {
      char number[16];
      int width = is_signed ? g_snprintf (number, sizeof number, "%d", ((const gint32 *) values)[i])
                            : g_snprintf (number, sizeof number, "%u", ((const guint32 *) values)[i]);
      append_item (out, &column, number, width);
    }
  g_string_append (out, n == 0 ? " 0 };\n" : "\n};\n");
}

static void
write_deep (GString *out, guint index, const MatcherDeep *deep, gsize n)
{
  gsize column = 0;

  g_string_append_printf (out, "static const MatcherDeep deep_%u[%" G_GSIZE_FORMAT "] = {", index, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    {
      char pair[32];
      int width = g_snprintf (pair, sizeof pair, "{%u,%d}", deep[i].edges, deep[i].fail);
      append_item (out, &column, pair, width);
    }
  g_string_append (out, n == 0 ? " { 0, 0 } };\n" : "\n};\n");
}

static void
write_image (GString *out, guint i, const Recorded *r)
{
  const MatcherImage *m = &r->image;

  g_string_append_printf (out, "\n/* %u patterns, %u states (%u with a row), %u byte classes. */\n", m->n_patterns,
                          m->n_states, m->n_dense, m->n_classes);
  write_patterns (out, i, r->patterns);
  write_numbers (out, "guint32", "column", i, m->column, 256, FALSE);
  write_numbers (out, "gint32", "delta", i, m->delta, (gsize) m->n_dense * m->n_classes, TRUE);
  write_deep (out, i, m->deep, m->n_states);
  write_numbers (out, "guint32", "edge", i, m->edge, m->n_many, FALSE);
  write_numbers (out, "guint32", "best", i, m->best, m->n_states, FALSE);
  write_numbers (out, "gint32", "ends", i, m->ends, m->n_states, TRUE);
  write_numbers (out, "gint32", "next_end", i, m->next_end, m->n_patterns, TRUE);
  write_numbers (out, "guint", "length", i, m->length, m->n_patterns, FALSE);
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) recorded = g_ptr_array_new_with_free_func (recorded_free);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  ModoriAnalyzer *analyzer;
  ModoriExplanation *explanation;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUTPUT.C\n", argv[0]);
      return 2;
    }

  _modori_matcher_set_recorder (record, recorded);
  analyzer = modori_analyzer_new ();
  /* explain's matcher is built at its first use. */
  explanation = modori_explain ("550 5.1.1 user unknown", -1);
  _modori_matcher_set_recorder (NULL, NULL);

  g_string_append (out, "/* matcher-images.c: made by gen-automata (lib/gen-automata.c); do not\n"
                        " * edit. The matchers the library builds from its own tables, as\n"
                        " * read-only data: see matcher-image.h. */\n"
                        "#include \"matcher-image.h\"\n");
  for (guint i = 0; i < recorded->len; i++)
    write_image (out, i, g_ptr_array_index (recorded, i));
  g_string_append (out, "\nconst MatcherImage _modori_matcher_images[] = {\n");
  for (guint i = 0; i < recorded->len; i++)
    {
      const MatcherImage *m = &((const Recorded *) g_ptr_array_index (recorded, i))->image;
      g_string_append_printf (out,
                              "  { patterns_%u, %u, %u, %u, %u, %u,\n"
                              "    column_%u, delta_%u, deep_%u, edge_%u, best_%u, ends_%u, next_end_%u, length_%u },\n",
                              i, m->n_patterns, m->n_states, m->n_dense, m->n_classes, m->n_many, i, i, i, i, i, i, i,
                              i);
    }
  g_string_append (out, "  { NULL }\n};\n");

  modori_explanation_unref (explanation);
  modori_analyzer_unref (analyzer);
  if (!g_file_set_contents (argv[1], out->str, (gssize) out->len, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
