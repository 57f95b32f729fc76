/* fuzz-dsn-fields.c: the delivery-status field parser (lib/dsn-fields.c)
 * on any bytes, and the value helpers on every value it gives. */
#include <string.h>

#include "dsn-fields.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = fuzz_copy (data, size);
  GPtrArray *groups = _modori_dsn_parse_groups (text, size);

  for (guint i = 0; i < groups->len; i++)
    {
      const DsnGroup *group = groups->pdata[i];

      _modori_dsn_group_lookup (group, "Final-Recipient");
      _modori_dsn_group_lookup (group, "status");
      for (guint j = 0; j < group->fields->len; j++)
        {
          const DsnField *field = group->fields->pdata[j];
          char *type = NULL;
          char *value = _modori_dsn_split_type (field->value, &type);
          char *bare = _modori_dsn_strip_comments (field->value);

          if (strlen (bare) > strlen (field->value) || strlen (value) > strlen (field->value))
            g_error ("a helper made a value longer");
          g_free (type);
          g_free (value);
          g_free (bare);
        }
    }
  g_ptr_array_unref (groups);
  g_free (text);
  return 0;
}
