/* index.h: the engines' signatures (engine.h) checked against one pass
 * over a message's headers.
 *
 * The index, made once from a table of engines, knows every header name
 * their signatures name. A message's digest walks its headers once and
 * keeps those headers; each signature is then checked against the digest
 * with no walk of its own, and only when the registry comes to it. */
#ifndef MODORI_ENGINE_INDEX_H
#define MODORI_ENGINE_INDEX_H

#include <gmime/gmime.h>

#include "../engine.h"

typedef struct _ModoriEngineIndex ModoriEngineIndex;
typedef struct _ModoriHeaderDigest ModoriHeaderDigest;

/* An index of @engines (NULL-terminated), which must outlive it. */
ModoriEngineIndex *_modori_engine_index_new (const ModoriEngine *const *engines);
void _modori_engine_index_free (ModoriEngineIndex *index);

/* The headers of @message that @index's signatures name, in one pass.
 * @message must outlive it. */
ModoriHeaderDigest *_modori_header_digest_new (const ModoriEngineIndex *index, GMimeMessage *message);
void _modori_header_digest_free (ModoriHeaderDigest *digest);

/* Whether the signature of engine @i (its place in the table) holds for
 * the message of @digest: whether the engine is a candidate. What the
 * digest searches it keeps for the next engines. */
gboolean _modori_engine_index_is_candidate (const ModoriEngineIndex *index,
                                            ModoriHeaderDigest *digest, guint i);

#endif
