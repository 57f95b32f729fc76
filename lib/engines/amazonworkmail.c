/* amazonworkmail.c: Amazon WorkMail's bounces. They are multipart/mixed,
 * not multipart/report: the delivery-status fields are written into the
 * text part after "Technical report:". */
#include <string.h>

#include "../dsn-fields.h"
#include "../text.h"
#include "text-bounce.h"

static const char *const workmail[] = { "Amazon WorkMail", NULL };

static const ModoriHeaderFact workmail_marks[] = {
  { "X-Mailer", workmail },
  { "X-Original-Mailer", workmail },
  { NULL },
};
static const ModoriSignature signature = { .any = workmail_marks };

/* "mta.example.net (comment)" after its type -> "mta.example.net" */
static char *
mta_name (const char *value)
{
  char *name;

  if (value == NULL)
    return NULL;
  name = _modori_dsn_split_type (value, NULL);
  name[strcspn (name, " \t(")] = '\0';
  return name;
}

/* An expiry carries the last reply of the remote server in angle
 * brackets: "554 4.4.7 Message expired: ...<421 4.4.2 Connection timed
 * out>". That reply, the server's own words, is the real cause. */
static void
take_diagnostic (ModoriRecord *record, const char *value)
{
  char *type, *text = _modori_dsn_split_type (value, &type);
  const char *open = strrchr (text, '<');
  char code[16];

  if (open && g_ascii_isdigit (open[1]) && _modori_text_find_reply_code (open + 1, code) &&
      g_str_has_suffix (text, ">"))
    {
      char *inner = g_strndup (open + 1, strlen (open + 1) - 1);
      g_free (text);
      text = inner;
    }
  _modori_record_take (record, FIELD_DIAGNOSTICCODE, text);
  _modori_record_take (record, FIELD_DIAGNOSTICTYPE, type);
}

static gboolean
amazonworkmail_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  const char *report;
  GPtrArray *groups;
  const char *reporting = NULL;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  if ((report = _modori_text_find_nocase (text.report, "Technical report:")) == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }
  report += strlen ("Technical report:");
  groups = _modori_dsn_parse_groups (report, strlen (report));

  /* The fields may come as one group: read each recipient's run of
   * fields, starting at Final-Recipient. */
  for (guint i = 0; i < groups->len; i++)
    {
      const DsnGroup *group = g_ptr_array_index (groups, i);
      ModoriRecord *record = NULL;

      for (guint j = 0; j < group->fields->len; j++)
        {
          const DsnField *field = g_ptr_array_index (group->fields, j);
          const char *name = field->name;

          if (g_ascii_strcasecmp (name, "Reporting-MTA") == 0)
            reporting = field->value;
          else if (g_ascii_strcasecmp (name, "Final-Recipient") == 0)
            {
              char *address = _modori_dsn_split_type (field->value, NULL);
              record = _modori_engine_add_record (records, "amazonworkmail", address, NULL);
              g_free (address);
              _modori_record_take (record, FIELD_LHOST, mta_name (reporting));
            }
          else if (record == NULL)
            continue;
          else if (g_ascii_strcasecmp (name, "Action") == 0)
            _modori_record_take (record, FIELD_ACTION, g_ascii_strdown (field->value, -1));
          else if (g_ascii_strcasecmp (name, "Status") == 0)
            {
              char code[16];
              if (_modori_text_find_status_code (field->value, code))
                _modori_record_set (record, FIELD_DELIVERYSTATUS, code);
            }
          else if (g_ascii_strcasecmp (name, "Remote-MTA") == 0)
            _modori_record_take (record, FIELD_RHOST, mta_name (field->value));
          else if (g_ascii_strcasecmp (name, "Diagnostic-Code") == 0)
            take_diagnostic (record, field->value);
        }
    }
  g_ptr_array_unref (groups);

  /* Records made before Action appears still say what failed. */
  for (guint i = before; i < records->len; i++)
    {
      ModoriRecord *record = g_ptr_array_index (records, i);
      if (!_modori_record_is_set (record, FIELD_ACTION))
        _modori_record_set (record, FIELD_ACTION, "failed");
    }
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_amazonworkmail = {
  .name = "amazonworkmail",
  .signature = &signature,
  .parse = amazonworkmail_parse,
};
