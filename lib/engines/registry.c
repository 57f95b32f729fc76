/* registry.c: every engine, in the order they are tried. Standard
 * reports first: when a message carries one, it is the best evidence. */
#include "../engine.h"

extern const ModoriEngine _modori_engine_rfc3464;

const ModoriEngine *const _modori_engines[] = {
  &_modori_engine_rfc3464,
  NULL,
};
