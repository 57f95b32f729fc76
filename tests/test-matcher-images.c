/* test-matcher-images.c: the matchers compiled into the library
 * (matcher-images.c, see lib/matcher-image.h) against the builder.
 *
 * Linked with the static library, which builds every matcher, and with
 * the images: each image must be, array for array and byte for byte,
 * what the builder makes of its patterns today; and _modori_matcher_new()
 * must hand out the image for exactly those patterns, with the same
 * answers as a built matcher, and build for any other list. */
#include <string.h>

#include "matcher-image.h"

/* An image's patterns as the array they were given as. */
static const char **
image_patterns (const MatcherImage *image)
{
  const char **patterns = g_new (const char *, MAX (image->n_patterns, 1));
  const char *p = image->patterns;

  for (guint i = 0; i < image->n_patterns; i++)
    {
      patterns[i] = p;
      p += strlen (p) + 1;
    }
  return patterns;
}

#define assert_same_array(a, b, n) g_assert_cmpmem ((a), (gsize) (n) * sizeof *(a), (b), (gsize) (n) * sizeof *(b))

static void
test_same_as_built (gconstpointer data)
{
  const MatcherImage *image = data;
  g_autofree const char **patterns = image_patterns (image);
  Matcher *built = _modori_matcher_build (patterns, image->n_patterns);
  MatcherImage b = { 0 };

  _modori_matcher_get_image (built, &b);
  g_assert_cmpuint (b.n_patterns, ==, image->n_patterns);
  g_assert_cmpuint (b.n_states, ==, image->n_states);
  g_assert_cmpuint (b.n_dense, ==, image->n_dense);
  g_assert_cmpuint (b.n_classes, ==, image->n_classes);
  g_assert_cmpuint (b.n_many, ==, image->n_many);
  assert_same_array (b.column, image->column, 256);
  assert_same_array (b.delta, image->delta, (gsize) b.n_dense * b.n_classes);
  assert_same_array (b.deep, image->deep, b.n_states);
  assert_same_array (b.edge, image->edge, b.n_many);
  assert_same_array (b.best, image->best, b.n_states);
  assert_same_array (b.ends, image->ends, b.n_states);
  assert_same_array (b.next_end, image->next_end, b.n_patterns);
  assert_same_array (b.length, image->length, b.n_patterns);
  _modori_matcher_free (built);
}

/* Texts that make the matcher walk deep: the patterns themselves, in
 * upper case and with spaces doubled, and runs of pieces of them, so
 * that matches overlap and failure links are followed. */
static GPtrArray *
texts_for (const char *const *patterns, guint n_patterns)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (n_patterns);

  g_ptr_array_add (texts, g_strdup (""));
  for (guint i = 0; i < n_patterns; i++)
    {
      g_autofree char *spaced = g_strconcat ("x  ", patterns[i], "  y", NULL);
      g_ptr_array_add (texts, g_ascii_strup (spaced, -1));
      g_ptr_array_add (texts, g_strdup (patterns[i]));
    }
  for (guint t = 0; t < 200; t++)
    {
      GString *text = g_string_new (NULL);
      guint pieces = (guint) g_rand_int_range (rand, 1, 8);

      for (guint k = 0; k < pieces && n_patterns > 0; k++)
        {
          const char *p = patterns[g_rand_int_range (rand, 0, (gint32) n_patterns)];
          gsize n = strlen (p), from = n ? (gsize) g_rand_int_range (rand, 0, (gint32) n) : 0;

          g_string_append_len (text, p + from, (gssize) (n - from));
          g_string_append (text, g_rand_boolean (rand) ? " " : "");
        }
      g_ptr_array_add (texts, g_string_free (text, FALSE));
    }
  g_rand_free (rand);
  return texts;
}

static void
assert_same_answers (const Matcher *a, const Matcher *b, guint n_patterns, const char *text)
{
  g_autofree gboolean *found_a = g_new (gboolean, MAX (n_patterns, 1));
  g_autofree gboolean *found_b = g_new (gboolean, MAX (n_patterns, 1));
  g_autofree guint32 *bits = g_new (guint32, MAX (n_patterns, 1));
  int out_a, in_a, out_b, in_b;
  gsize half = strlen (text) / 2;

  for (guint i = 0; i < n_patterns; i++)
    bits[i] = 1u << (i % 32);
  g_assert_cmpint (_modori_matcher_first (a, text), ==, _modori_matcher_first (b, text));
  g_assert_cmpuint (_modori_matcher_all (a, text, found_a), ==, _modori_matcher_all (b, text, found_b));
  assert_same_array (found_a, found_b, n_patterns);
  g_assert_cmpuint (_modori_matcher_all_outermost (a, text, found_a), ==,
                    _modori_matcher_all_outermost (b, text, found_b));
  assert_same_array (found_a, found_b, n_patterns);
  g_assert_cmpint (_modori_matcher_first_outermost (a, text), ==, _modori_matcher_first_outermost (b, text));
  g_assert_cmphex (_modori_matcher_bits_len (a, text, half, bits), ==, _modori_matcher_bits_len (b, text, half, bits));
  /* The groups: even patterns and odd ones. */
  for (guint i = 0; i < n_patterns; i++)
    found_a[i] = i % 2;
  _modori_matcher_first_outermost_by_group (a, text, found_a, &out_a, &in_a);
  _modori_matcher_first_outermost_by_group (b, text, found_a, &out_b, &in_b);
  g_assert_cmpint (out_a, ==, out_b);
  g_assert_cmpint (in_a, ==, in_b);
}

static void
test_new_takes_image (gconstpointer data)
{
  const MatcherImage *image = data;
  g_autofree const char **patterns = image_patterns (image);
  Matcher *taken = _modori_matcher_new (patterns, image->n_patterns);
  Matcher *built = _modori_matcher_build (patterns, image->n_patterns);
  g_autoptr (GPtrArray) texts = texts_for (patterns, image->n_patterns);
  MatcherImage t = { 0 };

  /* Its arrays are the image's, not copies. */
  _modori_matcher_get_image (taken, &t);
  g_assert_true (t.delta == image->delta);
  g_assert_true (t.deep == image->deep);
  g_assert_true (t.ends == image->ends);
  for (guint i = 0; i < texts->len; i++)
    assert_same_answers (taken, built, image->n_patterns, g_ptr_array_index (texts, i));
  _modori_matcher_free (taken);
  _modori_matcher_free (built);
}

/* A list that is not exactly an image's is built: one pattern fewer,
 * or the last one changed. */
static void
test_other_lists_built (gconstpointer data)
{
  const MatcherImage *image = data;
  g_autofree const char **patterns = image_patterns (image);
  g_autofree char *changed = NULL;
  Matcher *m;
  MatcherImage view = { 0 };

  m = _modori_matcher_new (patterns, image->n_patterns - 1);
  _modori_matcher_get_image (m, &view);
  g_assert_false (view.delta == image->delta);
  _modori_matcher_free (m);

  changed = g_strconcat (patterns[image->n_patterns - 1], "!", NULL);
  patterns[image->n_patterns - 1] = changed;
  m = _modori_matcher_new (patterns, image->n_patterns);
  _modori_matcher_get_image (m, &view);
  g_assert_false (view.delta == image->delta);
  _modori_matcher_free (m);
}

int
main (int argc, char *argv[])
{
  guint n = 0;

  g_test_init (&argc, &argv, NULL);

  /* Linked with the images: a table without them tests nothing. */
  g_assert_nonnull (_modori_matcher_images);
  for (const MatcherImage *image = _modori_matcher_images; image->patterns != NULL; image++, n++)
    {
      g_autofree char *same = g_strdup_printf ("/matcher-images/same-as-built/%u", n);
      g_autofree char *taken = g_strdup_printf ("/matcher-images/new-takes-image/%u", n);
      g_autofree char *other = g_strdup_printf ("/matcher-images/other-lists-built/%u", n);

      g_assert_cmpuint (image->n_patterns, >, 0);
      g_test_add_data_func (same, image, test_same_as_built);
      g_test_add_data_func (taken, image, test_new_takes_image);
      g_test_add_data_func (other, image, test_other_lists_built);
    }
  g_assert_cmpuint (n, >, 0);
  return g_test_run ();
}
