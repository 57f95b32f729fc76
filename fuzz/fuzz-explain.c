/* fuzz-explain.c: modori_explain() (lib/explain.c) on any bytes, with
 * its explanation read back and written as JSON. */
#include <modori/modori.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = fuzz_copy (data, size);
  ModoriExplanation *e = modori_explain (text, size);
  const char *lang = size % 2 ? "ja" : "en";
  char *json = modori_explanation_to_json (e, lang, size % 3 == 0);

  if (!g_utf8_validate (json, -1, NULL))
    g_error ("JSON is not UTF-8");
  for (int field = MODORI_GUIDANCE_TITLE; field <= MODORI_GUIDANCE_TODO; field++)
    modori_explanation_get_guidance (e, lang, field);
  g_free (json);
  modori_explanation_unref (e);
  g_free (text);
  return 0;
}
