/* index.c: the engines' signatures, checked against one pass over a
 * message's headers (index.h).
 *
 * Each header name the signatures name gets a slot. A digest marks which
 * slots the message has and keeps the headers whose values a fact
 * searches, so that a fact is a bit test or a search of a few values. */
#include <string.h>

#include "../text.h"
#include "index.h"

/* Slots are bits of a guint64: the signatures name a few dozen headers. */
#define MAX_SLOTS 64

typedef struct {
  guint slot;
  const char *const *needles;
} Fact;

typedef struct {
  GArray *all;   /* of Fact */
  GArray *any;   /* of Fact; NULL: no condition */
} Signature;

struct _ModoriEngineIndex {
  GHashTable *slots;      /* header name (any case) -> slot + 1 */
  guint64 searched;       /* slots whose values some fact searches */
  Signature *signatures;  /* one per engine; NULL all and any: always */
  guint n_engines;
};

typedef struct {
  guint slot;
  GMimeHeader *header;
} Kept;

struct _ModoriHeaderDigest {
  guint64 present;
  GArray *kept;  /* of Kept: headers of searched slots, in order */
};

/* Header names compare ASCII case-insensitively, as GMime's do. */
static guint
name_hash (gconstpointer key)
{
  guint hash = 5381;

  for (const char *p = key; *p; p++)
    hash = hash * 33 + (guchar) g_ascii_tolower (*p);
  return hash;
}

static gboolean
name_equal (gconstpointer a, gconstpointer b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

static guint
slot_of (ModoriEngineIndex *index, const char *name)
{
  guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (index->slots, name));

  if (slot == 0)
    {
      slot = g_hash_table_size (index->slots) + 1;
      g_assert (slot <= MAX_SLOTS);
      g_hash_table_insert (index->slots, (gpointer) name, GUINT_TO_POINTER (slot));
    }
  return slot - 1;
}

static GArray *
compile_facts (ModoriEngineIndex *index, const ModoriHeaderFact *facts)
{
  GArray *compiled = g_array_new (FALSE, FALSE, sizeof (Fact));

  for (; facts->name; facts++)
    {
      Fact fact = { slot_of (index, facts->name), facts->needles };
      if (fact.needles)
        index->searched |= G_GUINT64_CONSTANT (1) << fact.slot;
      g_array_append_val (compiled, fact);
    }
  return compiled;
}

ModoriEngineIndex *
_modori_engine_index_new (const ModoriEngine *const *engines)
{
  ModoriEngineIndex *index = g_new0 (ModoriEngineIndex, 1);

  index->slots = g_hash_table_new (name_hash, name_equal);
  while (engines[index->n_engines])
    index->n_engines++;
  index->signatures = g_new0 (Signature, index->n_engines);
  for (guint i = 0; i < index->n_engines; i++)
    {
      const ModoriSignature *signature = engines[i]->signature;
      if (signature && signature->all)
        index->signatures[i].all = compile_facts (index, signature->all);
      if (signature && signature->any)
        index->signatures[i].any = compile_facts (index, signature->any);
    }
  return index;
}

void
_modori_engine_index_free (ModoriEngineIndex *index)
{
  for (guint i = 0; i < index->n_engines; i++)
    {
      if (index->signatures[i].all)
        g_array_unref (index->signatures[i].all);
      if (index->signatures[i].any)
        g_array_unref (index->signatures[i].any);
    }
  g_free (index->signatures);
  g_hash_table_unref (index->slots);
  g_free (index);
}

ModoriHeaderDigest *
_modori_header_digest_new (const ModoriEngineIndex *index, GMimeMessage *message)
{
  ModoriHeaderDigest *digest = g_new0 (ModoriHeaderDigest, 1);
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  int count = headers ? g_mime_header_list_get_count (headers) : 0;

  digest->kept = g_array_new (FALSE, FALSE, sizeof (Kept));
  for (int h = 0; h < count; h++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (headers, h);
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (index->slots, g_mime_header_get_name (header)));
      guint64 bit;

      if (slot == 0)
        continue;
      bit = G_GUINT64_CONSTANT (1) << (slot - 1);
      digest->present |= bit;
      if (index->searched & bit)
        {
          Kept kept = { slot - 1, header };
          g_array_append_val (digest->kept, kept);
        }
    }
  return digest;
}

void
_modori_header_digest_free (ModoriHeaderDigest *digest)
{
  g_array_unref (digest->kept);
  g_free (digest);
}

/* Whether one of the values of @slot contains one of @needles: the test
 * of _modori_header_contains(), on the headers kept. */
static gboolean
kept_value_contains (const ModoriHeaderDigest *digest, guint slot, const char *const *needles)
{
  for (guint k = 0; k < digest->kept->len; k++)
    {
      const Kept *kept = &g_array_index (digest->kept, Kept, k);
      const char *value;

      if (kept->slot != slot || (value = g_mime_header_get_value (kept->header)) == NULL)
        continue;
      for (guint i = 0; needles[i]; i++)
        if (_modori_text_find_nocase (value, needles[i]))
          return TRUE;
    }
  return FALSE;
}

static gboolean
fact_holds (const ModoriHeaderDigest *digest, const Fact *fact)
{
  if (!(digest->present & (G_GUINT64_CONSTANT (1) << fact->slot)))
    return FALSE;
  return fact->needles == NULL || kept_value_contains (digest, fact->slot, fact->needles);
}

gboolean
_modori_engine_index_is_candidate (const ModoriEngineIndex *index,
                                   const ModoriHeaderDigest *digest, guint i)
{
  const Signature *signature = &index->signatures[i];
  gboolean any = signature->any == NULL;

  for (guint f = 0; signature->all && f < signature->all->len; f++)
    if (!fact_holds (digest, &g_array_index (signature->all, Fact, f)))
      return FALSE;
  for (guint f = 0; !any && f < signature->any->len; f++)
    any = fact_holds (digest, &g_array_index (signature->any, Fact, f));
  return any;
}
