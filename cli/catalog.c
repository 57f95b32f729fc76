/* catalog.c: see catalog.h. */
#include <string.h>

#include "catalog.h"
#include "cli-resources.h"

/* "group/key" and "group/key[ja]" -> the words. */
static GHashTable *
entries (void)
{
  static gsize once = 0;
  static GHashTable *table;

  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr (GKeyFile) keys = g_key_file_new ();
      g_autoptr (GBytes) bytes = g_resource_lookup_data (_modori_cli_get_resource (), "/org/modori/cli/catalog.ini",
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) groups = NULL;

      if (bytes == NULL || !g_key_file_load_from_bytes (keys, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
        g_critical ("modori: the tool's catalog is unreadable: %s", error ? error->message : "missing");
      groups = g_key_file_get_groups (keys, NULL);
      for (char **group = groups; *group; group++)
        {
          g_auto (GStrv) names = g_key_file_get_keys (keys, *group, NULL, NULL);

          for (char **name = names; name && *name; name++)
            {
              char *value = g_key_file_get_string (keys, *group, *name, NULL);

              if (value)
                g_hash_table_insert (t, g_strconcat (*group, "/", *name, NULL), value);
            }
        }
      table = t;
      g_once_init_leave (&once, 1);
    }
  return table;
}

/* @id in @lang only, no fallback. */
static const char *
find_exact (const char *lang, const char *id)
{
  char key[128];

  if (strcmp (lang, "ja") == 0)
    g_snprintf (key, sizeof key, "%s[ja]", id);
  else
    g_strlcpy (key, id, sizeof key);
  return g_hash_table_lookup (entries (), key);
}

const char *
catalog_find (const char *lang, const char *id)
{
  const char *words = find_exact (lang, id);

  return words ? words : g_hash_table_lookup (entries (), id);
}

const char *
catalog_get (const char *lang, const char *id)
{
  const char *words = catalog_find (lang, id);

  return words ? words : id;
}

static char *
fill (const char *words, const char *name, const char *value)
{
  g_auto (GStrv) parts = g_strsplit (words, name, -1);

  return g_strjoinv (value, parts);
}

char *
catalog_count (const char *lang, const char *id, guint64 n)
{
  g_autofree char *one = g_strconcat (id, "-one", NULL);
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  const char *words = n == 1 ? find_exact (lang, one) : NULL;

  return fill (words ? words : catalog_get (lang, id), "{n}", number);
}

char *
catalog_quote (const char *lang, const char *id, const char *text)
{
  return fill (catalog_get (lang, id), "{text}", text);
}
