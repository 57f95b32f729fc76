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

  return analyzer != NULL && MODORI_CHECK_VERSION (0, 0, 1) ? 0 : 1;
}
