/* matcher-image.h: matchers built at build time, as read-only data.
 *
 * Every matcher the library builds at start-up comes from patterns
 * compiled into it, so it is the same in every run. gen-automata builds
 * them once at build time and writes their arrays as C data
 * (matcher-images.c), which only the shared library links: its pages are
 * shared by every process and none is written at start-up.
 * _modori_matcher_new() then takes a matcher from the image made for
 * exactly its patterns and builds only for others. The static library
 * (unit tests, the generator) has no images and builds every matcher. */
#ifndef MODORI_MATCHER_IMAGE_H
#define MODORI_MATCHER_IMAGE_H

#include "matcher.h"

/* What a walk reads of a state without a row (see matcher.c). */
typedef struct {
  guint32 edges;
  gint32 fail;
} MatcherDeep;

/* A matcher's arrays and the patterns it was built from. */
typedef struct {
  /* Each pattern and its NUL, one after another: no pointer per
   * pattern, so no relocation to write when the library is loaded. */
  const char *patterns;
  guint n_patterns;
  guint n_states, n_dense, n_classes;
  guint n_many;                /* entries of edge[] */
  const guint32 *column;       /* 256 */
  const gint32 *delta;         /* n_dense * n_classes */
  const MatcherDeep *deep;     /* n_states */
  const guint32 *edge;         /* n_many */
  const guint32 *best;         /* n_states */
  const gint32 *ends;          /* n_states */
  const gint32 *next_end;      /* n_patterns */
  const guint *length;         /* n_patterns */
} MatcherImage;

/* The images in matcher-images.c, up to one whose patterns is NULL.
 * Weak: where that file is not linked the address is NULL. */
G_GNUC_INTERNAL extern const MatcherImage _modori_matcher_images[] __attribute__ ((weak));

/* Builds a matcher from @patterns, image or not: the generator's and
 * the test's reference. */
Matcher *_modori_matcher_build (const char *const *patterns, guint n_patterns);

/* Fills @image with @matcher's arrays, which it lends (all but patterns,
 * which it leaves alone). */
void _modori_matcher_get_image (const Matcher *matcher, MatcherImage *image);

/* Called by _modori_matcher_new() with each matcher it returns and the
 * patterns it was asked for: how the generator learns what the library
 * builds. NULL (the default) for none. Not thread-safe: set it before
 * any matcher is made. */
typedef void (*MatcherRecorder) (const char *const *patterns, guint n_patterns, const Matcher *matcher,
                                 gpointer user_data);
void _modori_matcher_set_recorder (MatcherRecorder recorder, gpointer user_data);

#endif
