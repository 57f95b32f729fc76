/* fuzz.h: the libFuzzer entry point, for the targets and for replay.c,
 * which calls it on saved inputs in builds without libFuzzer. */
#ifndef MODORI_FUZZ_H
#define MODORI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A copy of exactly @size bytes, no NUL after them: a read past the end
 * is caught by AddressSanitizer (and valgrind). Never NULL. */
static inline char *
fuzz_copy (const uint8_t *data, size_t size)
{
  char *copy = g_malloc (size ? size : 1);

  if (size)
    memcpy (copy, data, size);
  return copy;
}

#endif
