/* gmx.h: the parser of United Internet's bounce layout, which GMX, WEB.DE
 * and 1&1 (einsundeins.c) all write. */
#ifndef MODORI_ENGINES_GMX_H
#define MODORI_ENGINES_GMX_H

#include "../engine.h"

/* Parses @context's message as the United Internet layout (see gmx.c),
 * writing @engine to each record's decodedby. */
gboolean _modori_united_internet_parse (ModoriBounce *context, GPtrArray *records,
                                        const char *engine);

#endif
