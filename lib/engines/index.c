/* index.c: the engines' signatures, checked against one pass over a
 * message's headers (index.h).
 *
 * Each header name the signatures name gets a slot, and each needle its
 * facts search for in that header a bit of the slot. A digest marks
 * which slots the message has and keeps the headers whose values a fact
 * searches. The first fact that asks about a slot searches its values
 * once for all the slot's needles, so that every fact is a bit test: the
 * Received lines, long and many, are read once, not once per engine. */
#include <string.h>

#include "../mime-util.h"
#include "index.h"

/* Slots are bits of a guint64: the signatures name a few dozen headers;
 * so are a slot's needles: a few dozen subjects at most. */
#define MAX_SLOTS 64
#define MAX_NEEDLES 64

typedef struct {
  guint slot;
  guint64 needles;  /* the slot's needles it searches for; 0: presence */
} Fact;

/* The needles searched for in one header's values. */
typedef struct {
  GPtrArray *needles;  /* const char *, distinct */
  GArray *pairs;       /* guint16: each needle's first two bytes, in lower case */
  guint8 firsts[256 / 8];  /* their first bytes, a bit each: most bytes start none */
  char accept[17];         /* the same in both cases for strpbrk(), if they are few; else "" */
} Needles;

typedef struct {
  GArray *all;   /* of Fact */
  GArray *any;   /* of Fact; NULL: no condition */
} Signature;

struct _ModoriEngineIndex {
  GHashTable *slots;      /* header name (any case) -> slot + 1 */
  guint64 searched;       /* slots whose values some fact searches */
  Needles needles[MAX_SLOTS];
  /* Every needle's first two bytes (a bit per pair): where none starts,
   * a value's byte is passed at once. */
  guint8 starts[65536 / 8];
  Signature *signatures;  /* one per engine; NULL all and any: always */
  guint n_engines;
};

typedef struct {
  guint slot;
  GMimeHeader *header;
} Kept;

struct _ModoriHeaderDigest {
  const ModoriEngineIndex *index;
  guint64 present;
  GArray *kept;            /* of Kept: headers of searched slots, in order */
  guint64 searched;        /* slots whose values were searched */
  guint64 found[MAX_SLOTS];  /* for each, the needles found in a value */
  GString *value;          /* for _modori_mime_header_value(); NULL until a search */
};

/* g_ascii_tolower() inline: a digest hashes every header name and
 * searches every byte of the Received lines. */
static inline guchar
lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (guchar) (c | 0x20) : (guchar) c;
}

/* Header names compare ASCII case-insensitively, as GMime's do. */
static guint
name_hash (gconstpointer key)
{
  guint hash = 5381;

  for (const char *p = key; *p; p++)
    hash = hash * 33 + lower (*p);
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

/* A needle's first two bytes as a value's are compared: in lower case. */
static inline guint16
pair_at (const char *p)
{
  return (guint16) (lower (p[0]) << 8 | lower (p[1]));
}

/* Whether @needle is at @p, ASCII case-insensitively (as
 * g_ascii_strncasecmp() compares), its first two bytes known to be. */
static gboolean
needle_at (const char *p, const char *needle)
{
  for (guint i = 2; needle[i]; i++)
    if (lower (p[i]) != lower (needle[i]))
      return FALSE;
  return TRUE;
}

/* The bit of @needle among the needles of @slot. */
static guint
needle_of (ModoriEngineIndex *index, guint slot, const char *needle)
{
  Needles *needles = &index->needles[slot];
  guint16 pair;

  if (needles->needles == NULL)
    {
      needles->needles = g_ptr_array_new ();
      needles->pairs = g_array_new (FALSE, FALSE, sizeof (guint16));
    }
  for (guint k = 0; k < needles->needles->len; k++)
    if (g_str_equal (g_ptr_array_index (needles->needles, k), needle))
      return k;
  /* Two bytes at least, for the pairs (all are longer). */
  g_assert (strlen (needle) >= 2);
  g_assert (needles->needles->len < MAX_NEEDLES);
  pair = pair_at (needle);
  index->starts[pair / 8] |= 1 << (pair % 8);
  if (!(needles->firsts[pair >> 11] & (1 << ((pair >> 8) % 8))))
    {
      const char cases[] = { g_ascii_tolower (needle[0]), g_ascii_toupper (needle[0]), '\0' };
      gsize n = strlen (needles->accept);

      needles->firsts[pair >> 11] |= 1 << ((pair >> 8) % 8);
      /* strpbrk() is vectorized in glibc for up to 16 bytes (SSE 4.2). */
      if (n > 0 || needles->needles->len == 0)
        {
          if (n + strlen (cases + (cases[0] == cases[1])) < sizeof needles->accept)
            strcat (needles->accept, cases + (cases[0] == cases[1]));
          else
            needles->accept[0] = '\0';
        }
    }
  g_ptr_array_add (needles->needles, (gpointer) needle);
  g_array_append_val (needles->pairs, pair);
  return needles->needles->len - 1;
}

static GArray *
compile_facts (ModoriEngineIndex *index, const ModoriHeaderFact *facts)
{
  GArray *compiled = g_array_new (FALSE, FALSE, sizeof (Fact));

  for (; facts->name; facts++)
    {
      Fact fact = { slot_of (index, facts->name), 0 };
      for (guint i = 0; facts->needles && facts->needles[i]; i++)
        fact.needles |= G_GUINT64_CONSTANT (1) << needle_of (index, fact.slot, facts->needles[i]);
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
  for (guint slot = 0; slot < MAX_SLOTS; slot++)
    if (index->needles[slot].needles)
      {
        g_ptr_array_unref (index->needles[slot].needles);
        g_array_unref (index->needles[slot].pairs);
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

  digest->index = index;
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
  if (digest->value)
    g_string_free (digest->value, TRUE);
  g_free (digest);
}

/* The needles of @needles not in @found that @value contains, as
 * _modori_text_find_nocase() finds them, added to @found: one pass over
 * the value for them all. */
static guint64
search_value (const ModoriEngineIndex *index, const Needles *needles, const char *value, guint64 found)
{
  guint64 all = (G_GUINT64_CONSTANT (1) << (needles->needles->len - 1) << 1) - 1;

  for (const char *p = value; found != all; p++)
    {
      guchar first;
      guint16 pair;

      if (needles->accept[0] && (p = strpbrk (p, needles->accept)) == NULL)
        break;
      if (!p[0] || !p[1])
        break;
      first = lower (p[0]);
      if (!(needles->firsts[first / 8] & (1 << (first % 8))))
        continue;
      pair = pair_at (p);
      if (!(index->starts[pair / 8] & (1 << (pair % 8))))
        continue;
      for (guint k = 0; k < needles->needles->len; k++)
        {
          const char *needle = g_ptr_array_index (needles->needles, k);
          if (!(found & (G_GUINT64_CONSTANT (1) << k)) && g_array_index (needles->pairs, guint16, k) == pair &&
              needle_at (p, needle))
            found |= G_GUINT64_CONSTANT (1) << k;
        }
    }
  return found;
}

/* The needles of @slot that one of its values contains: searched on the
 * first call, kept for the next facts. */
static guint64
found_in_slot (ModoriHeaderDigest *digest, guint slot)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << slot;

  if (!(digest->searched & bit))
    {
      const Needles *needles = &digest->index->needles[slot];

      if (digest->value == NULL)
        digest->value = g_string_sized_new (256);
      for (guint k = 0; k < digest->kept->len; k++)
        {
          const Kept *kept = &g_array_index (digest->kept, Kept, k);
          const char *value;
          if (kept->slot == slot && (value = _modori_mime_header_value (kept->header, digest->value)) != NULL)
            digest->found[slot] = search_value (digest->index, needles, value, digest->found[slot]);
        }
      digest->searched |= bit;
    }
  return digest->found[slot];
}

static gboolean
fact_holds (ModoriHeaderDigest *digest, const Fact *fact)
{
  if (!(digest->present & (G_GUINT64_CONSTANT (1) << fact->slot)))
    return FALSE;
  return fact->needles == 0 || (found_in_slot (digest, fact->slot) & fact->needles) != 0;
}

gboolean
_modori_engine_index_is_candidate (const ModoriEngineIndex *index,
                                   ModoriHeaderDigest *digest, guint i)
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
