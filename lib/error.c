/* error.c: the MODORI_ERROR domain. */
#include <modori/modori.h>

G_DEFINE_QUARK (modori-error-quark, modori_error)
