/* catalog.c: see catalog.h. */
#include <string.h>

#include "catalog.h"
#include "cli-resources.h"

/* "group/key" -> the words, a table for each language: [0] English,
 * [1] Japanese. */
static GHashTable **
tables (void)
{
  static gsize once = 0;
  static GHashTable *the_tables[2];

  if (g_once_init_enter (&once))
    {
      g_autoptr (GKeyFile) keys = g_key_file_new ();
      g_autoptr (GBytes) bytes = g_resource_lookup_data (_modori_cli_get_resource (), "/org/modori/cli/catalog.ini",
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) groups = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (the_tables); i++)
        the_tables[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (bytes == NULL || !g_key_file_load_from_bytes (keys, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
        g_critical ("modori: the tool's catalog is unreadable: %s", error ? error->message : "missing");
      groups = g_key_file_get_groups (keys, NULL);
      for (char **group = groups; *group; group++)
        {
          g_auto (GStrv) names = g_key_file_get_keys (keys, *group, NULL, NULL);

          for (char **name = names; name && *name; name++)
            {
              char *value = g_key_file_get_string (keys, *group, *name, NULL);
              gboolean ja = g_str_has_suffix (*name, "[ja]");
              size_t length = strlen (*name) - (ja ? strlen ("[ja]") : 0);

              /* Other languages' keys ([fr] ...) are not read. */
              if (value == NULL || (!ja && strchr (*name, '[')))
                {
                  g_free (value);
                  continue;
                }
              g_hash_table_insert (the_tables[ja], g_strdup_printf ("%s/%.*s", *group, (int) length, *name), value);
            }
        }
      g_once_init_leave (&once, 1);
    }
  return the_tables;
}

/* @id in @lang only, no fallback. */
static const char *
find_exact (const char *lang, const char *id)
{
  return g_hash_table_lookup (tables ()[strcmp (lang, "ja") == 0], id);
}

const char *
catalog_find (const char *lang, const char *id)
{
  const char *words = find_exact (lang, id);

  return words ? words : g_hash_table_lookup (tables ()[0], id);
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
