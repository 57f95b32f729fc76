/* test-headers.c: the public header compiles on its own under strict
 * warnings (built with -pedantic -Werror), and declares what it promises. */
#include <modori/modori.h>

#if !MODORI_CHECK_VERSION (0, 1, 0)
#error "version macros are wrong"
#endif

int
main (void)
{
  g_autoptr (ModoriAnalyzer) analyzer = modori_analyzer_new ();
  /* The GTypes bindings use are declared (modori-enum-types.h included). */
  GType types[] = {
    MODORI_TYPE_ANALYZER, MODORI_TYPE_REPORT, MODORI_TYPE_RECORD,
    MODORI_TYPE_EXPLANATION, MODORI_TYPE_ADDRESS_DIAGNOSIS, MODORI_TYPE_SOURCE,
    MODORI_TYPE_SOURCE_MESSAGE, MODORI_TYPE_REASON, MODORI_TYPE_ERROR,
    MODORI_TYPE_GUIDANCE_FIELD, MODORI_TYPE_ADDRESS_FLAW,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (!G_TYPE_IS_BOXED (types[i]) && !G_TYPE_IS_ENUM (types[i]) && !G_TYPE_IS_FLAGS (types[i]))
      return 1;
  return analyzer != NULL && MODORI_CHECK_VERSION (0, 0, 1) ? 0 : 1;
}
