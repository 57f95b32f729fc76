/* rfc3464.c: delivery status notifications (RFC 3464, RFC 6522) and
 * their internationalized form (RFC 6533). */
#include <string.h>

#include "../charset.h"
#include "../dsn-fields.h"
#include "../engine.h"
#include "../mime-util.h"
#include "../text.h"

static gboolean
is_status_part (GMimeObject *part, gpointer data)
{
  return GMIME_IS_PART (part) &&
         (_modori_mime_is_type (part, "message", "delivery-status") ||
          _modori_mime_is_type (part, "message", "global-delivery-status"));
}

static gboolean
rfc3464_sniff (GMimeMessage *bounce)
{
  return _modori_mime_find (g_mime_message_get_mime_part (bounce), is_status_part, NULL) != NULL;
}

/* "dns; MX.example.jp. (Postfix)" -> "mx.example.jp" */
static char *
mta_name (const char *value)
{
  char *name, *space, *lower;
  gsize length;

  if (value == NULL)
    return NULL;
  name = _modori_dsn_split_type (value, NULL);
  space = strpbrk (name, " \t(");
  if (space)
    *space = '\0';
  length = strlen (name);
  if (length > 1 && name[length - 1] == '.')
    name[length - 1] = '\0';   /* the root of a fully qualified name */
  lower = g_ascii_strdown (name, -1);
  g_free (name);
  return lower;
}

static char *
recipient_address (const char *value)
{
  char *typed = _modori_dsn_split_type (value, NULL);
  char *address = _modori_address_clean (typed);

  g_free (typed);
  return address;
}

static void
parse_recipient_group (const DsnGroup *group, const DsnGroup *per_message,
                       const char *engine_name, GPtrArray *records)
{
  ModoriRecord *record = _modori_record_new ();
  const char *final = _modori_dsn_group_lookup (group, "Final-Recipient");
  const char *original = _modori_dsn_group_lookup (group, "Original-Recipient");
  const char *value;
  char *recipient, *alias;

  recipient = recipient_address (final ? final : original);
  alias = original ? recipient_address (original) : g_strdup ("");
  if (g_ascii_strcasecmp (alias, recipient) == 0)
    alias[0] = '\0';
  _modori_record_take (record, FIELD_RECIPIENT, recipient);
  _modori_record_take (record, FIELD_ALIAS, alias);

  if ((value = _modori_dsn_group_lookup (group, "Action")) != NULL)
    {
      char *stripped = _modori_dsn_strip_comments (value);
      _modori_record_take (record, FIELD_ACTION, g_ascii_strdown (stripped, -1));
      g_free (stripped);
    }

  if ((value = _modori_dsn_group_lookup (group, "Status")) != NULL)
    {
      char code[16];
      if (_modori_text_find_status_code (value, code))
        _modori_record_set (record, FIELD_DELIVERYSTATUS, code);
    }

  if ((value = _modori_dsn_group_lookup (group, "Diagnostic-Code")) != NULL)
    {
      char *type;
      _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_dsn_split_type (value, &type));
      _modori_record_take (record, FIELD_DIAGNOSTICTYPE, type);
    }

  _modori_record_take (record, FIELD_RHOST,
                       mta_name (_modori_dsn_group_lookup (group, "Remote-MTA")));
  value = _modori_dsn_group_lookup (group, "Reporting-MTA");
  if (value == NULL && per_message)
    value = _modori_dsn_group_lookup (per_message, "Reporting-MTA");
  _modori_record_take (record, FIELD_LHOST, mta_name (value));

  value = _modori_dsn_group_lookup (group, "Last-Attempt-Date");
  if (value == NULL)
    value = _modori_dsn_group_lookup (group, "Arrival-Date");
  if (value == NULL && per_message)
    value = _modori_dsn_group_lookup (per_message, "Arrival-Date");
  _modori_record_set_date (record, value);

  _modori_record_set (record, FIELD_DECODEDBY, engine_name);
  g_ptr_array_add (records, record);
}

static gboolean
is_recipient_group (const DsnGroup *group)
{
  return _modori_dsn_group_lookup (group, "Final-Recipient") ||
         _modori_dsn_group_lookup (group, "Original-Recipient");
}

static gboolean
rfc3464_parse (GMimeMessage *bounce, GPtrArray *records)
{
  GMimeObject *part = _modori_mime_find (g_mime_message_get_mime_part (bounce), is_status_part, NULL);
  const char *engine_name;
  GPtrArray *groups;
  const DsnGroup *per_message = NULL;
  gsize length;
  char *bytes, *text;
  guint before = records->len;

  if (part == NULL)
    return FALSE;
  engine_name = _modori_mime_is_type (part, "message", "global-delivery-status") ? "rfc6533" : "rfc3464";

  bytes = _modori_mime_part_bytes (GMIME_PART (part), &length);
  text = _modori_charset_to_utf8 (bytes, length,
                                  g_mime_object_get_content_type_parameter (part, "charset"));
  groups = _modori_dsn_parse_groups (text, strlen (text));

  for (guint i = 0; i < groups->len; i++)
    {
      const DsnGroup *group = g_ptr_array_index (groups, i);
      if (is_recipient_group (group))
        parse_recipient_group (group, per_message, engine_name, records);
      else if (per_message == NULL)
        per_message = group;
    }

  g_ptr_array_unref (groups);
  g_free (text);
  g_free (bytes);
  return records->len > before;
}

const ModoriEngine _modori_engine_rfc3464 = {
  .name = "rfc3464",
  .sniff = rfc3464_sniff,
  .parse = rfc3464_parse,
};
