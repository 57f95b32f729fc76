/* guidance.c: the explanation catalog, compiled into the library.
 *
 * The catalog (guidance/catalog.ini) is a GKeyFile whose localized keys
 * (title[ja]) are read with an explicit language, so it needs no
 * installed locale. It is parsed once and then only read. */
#include <string.h>

#include <gio/gio.h>
#include <modori/modori.h>

#include "modori-resources.h"

/* The public fields, then the catalog's own: the words with the
 * reader's addresses (see catalog.ini). */
enum { FIELD_WHAT_OWN = MODORI_GUIDANCE_TODO + 1, FIELD_TODO_OWN };

static const char *const field_keys[] = {
  [MODORI_GUIDANCE_TITLE] = "title",
  [MODORI_GUIDANCE_WHAT] = "what",
  [MODORI_GUIDANCE_TODO] = "todo",
  [FIELD_WHAT_OWN] = "what-own",
  [FIELD_TODO_OWN] = "todo-own",
};

/* Every string handed out, so that returned pointers stay valid for the
 * life of the process: (group, key, lang) -> value. */
typedef struct {
  GKeyFile *keys;
  GHashTable *strings;
} Catalog;

static Catalog *
catalog (void)
{
  static gsize once = 0;
  static Catalog *the_catalog;

  if (g_once_init_enter (&once))
    {
      Catalog *c = g_new0 (Catalog, 1);
      GBytes *bytes = g_resource_lookup_data (_modori_get_resource (),
                                              "/org/modori/guidance/catalog.ini",
                                              G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      GError *error = NULL;

      c->keys = g_key_file_new ();
      c->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (bytes == NULL ||
          !g_key_file_load_from_bytes (c->keys, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
        g_critical ("modori: guidance catalog unreadable: %s", error ? error->message : "missing");
      g_clear_error (&error);
      g_clear_pointer (&bytes, g_bytes_unref);
      the_catalog = c;
      g_once_init_leave (&once, 1);
    }
  return the_catalog;
}

static const char *
lookup (const char *group, const char *lang, guint field)
{
  static GMutex lock;
  Catalog *c = catalog ();
  const char *key;
  char *cache_key, *value;
  const char *result;

  if (field >= G_N_ELEMENTS (field_keys))
    return NULL;
  key = field_keys[field];
  if (lang == NULL || strcmp (lang, "ja") != 0)
    lang = "en";

  cache_key = g_strdup_printf ("%s\n%s\n%s", group, key, lang);
  g_mutex_lock (&lock);
  result = g_hash_table_lookup (c->strings, cache_key);
  if (result == NULL)
    {
      value = g_key_file_get_locale_string (c->keys, group, key, lang, NULL);
      if (value)
        {
          g_hash_table_insert (c->strings, g_steal_pointer (&cache_key), value);
          result = value;
        }
    }
  g_mutex_unlock (&lock);
  g_free (cache_key);
  return result;
}

const char *
modori_guidance_for_reason (ModoriReason reason, const char *lang, ModoriGuidanceField field)
{
  char group[64];

  g_snprintf (group, sizeof group, "reason/%s", modori_reason_to_string (reason));
  return lookup (group, lang, field);
}

const char *
modori_guidance_for_hint (const char *hint, const char *lang, ModoriGuidanceField field)
{
  char *group;
  const char *result;

  g_return_val_if_fail (hint != NULL, NULL);
  group = g_strconcat ("hint/", hint, NULL);
  result = lookup (group, lang, field);
  g_free (group);
  return result;
}

/* @text with {recipient} and {suggestion} filled in from @record, or
 * NULL when it names a value the record lacks (or an unknown one). */
static char *
fill_in (const char *text, const ModoriRecord *record)
{
  static const struct { const char *name, *field; } values[] = {
    { "{recipient}", "recipient" },
    { "{suggestion}", "suggestion" },
  };
  GString *out = g_string_new (NULL);
  const char *p = text, *open;

  while ((open = strchr (p, '{')) != NULL)
    {
      const char *value = NULL;

      g_string_append_len (out, p, open - p);
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        if (g_str_has_prefix (open, values[i].name))
          {
            value = modori_record_get_field (record, values[i].field);
            p = open + strlen (values[i].name);
            break;
          }
      if (value == NULL || value[0] == '\0')
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, value);
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

char *
modori_guidance_for_record (const ModoriRecord *record, const char *lang, ModoriGuidanceField field)
{
  const char *hint;
  g_autofree char *group = NULL;
  const char *general;

  g_return_val_if_fail (record != NULL, NULL);
  hint = modori_record_get_hint (record);
  if (hint[0] == '\0')
    return g_strdup (modori_guidance_for_reason (modori_record_get_reason (record), lang, field));
  general = modori_guidance_for_hint (hint, lang, field);
  group = g_strconcat ("hint/", hint, NULL);
  if (field == MODORI_GUIDANCE_WHAT || field == MODORI_GUIDANCE_TODO)
    {
      const char *own = lookup (group, lang, field == MODORI_GUIDANCE_WHAT ? FIELD_WHAT_OWN : FIELD_TODO_OWN);
      char *filled = own ? fill_in (own, record) : NULL;

      if (filled)
        return filled;
    }
  return g_strdup (general);
}

char **
modori_guidance_list_hints (void)
{
  Catalog *c = catalog ();
  char **groups = g_key_file_get_groups (c->keys, NULL);
  GPtrArray *hints = g_ptr_array_new ();

  for (char **g = groups; *g; g++)
    if (g_str_has_prefix (*g, "hint/"))
      g_ptr_array_add (hints, g_strdup (*g + 5));
  g_ptr_array_add (hints, NULL);
  g_strfreev (groups);
  return (char **) g_ptr_array_free (hints, FALSE);
}

const char *
modori_guidance_for_case (const char *case_id, const char *lang, ModoriGuidanceField field)
{
  char *group;
  const char *result;

  g_return_val_if_fail (case_id != NULL, NULL);
  group = g_strconcat ("case/", case_id, NULL);
  result = lookup (group, lang, field);
  g_free (group);
  return result;
}
