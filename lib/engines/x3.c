/* x3.c: an unnamed MTA's "Delivery status notification".
 *
 *        This is an automatically generated Delivery Status Notification.
 *
 *   Delivery to the following recipients failed permanently:
 *
 *      * user@example.com
 *
 *   ====================================================================
 *                               Technical details:
 *
 *   SMTP:RCPT host 192.0.2.8: 553 5.3.0 <user@example.com>... No such user
 *
 * When its message/delivery-status part has recipient groups, the
 * standard engine reads it first; some carry only the per-message group,
 * which still names the reporting MTA and the arrival date. */
#include <string.h>

#include "../dsn-fields.h"
#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

/* Case matters: Microsoft's DSNs say "Delivery Status Notification". */
#define SUBJECT_LEAD "Delivery status notification"

static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
static const char *const sender[] = { "Mail Delivery System", NULL };
static const ModoriHeaderFact x3_marks[] = {
  { "Subject", subject_lead },
  { "From", sender },
  { NULL },
};
static const ModoriSignature signature = { .all = x3_marks };

/* The signature ignores case and place: the title must lead, as written. */
static gboolean
x3_sniff (ModoriBounce *context)
{
  const char *subject = g_mime_message_get_subject (_modori_bounce_get_message (context));

  return subject && g_str_has_prefix (subject, SUBJECT_LEAD);
}

/* "   * user@example.com" */
static char *
listed_recipient (const char *line)
{
  while (*line == ' ')
    line++;
  if (line[0] != '*' || line[1] != ' ' || strchr (line, '@') == NULL)
    return NULL;
  return g_strstrip (g_strdup (line + 2));
}

/* "SMTP:RCPT host 192.0.2.8: 553 5.3.0 ..." -> command, host, reply. */
static void
technical_line (ModoriRecord *record, const char *line)
{
  const char *rest = line + 5, *host, *colon;
  const char *command = NULL;
  static const char *const commands[] = { "CONN", "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_ascii_strncasecmp (rest, commands[i], 4) == 0)
      command = commands[i];
  host = strstr (rest, " host ");
  colon = host ? strstr (host + 6, ": ") : NULL;
  _modori_record_set (record, FIELD_DIAGNOSTICTYPE, "SMTP");
  if (command)
    _modori_record_set (record, FIELD_COMMAND, command);
  if (colon)
    {
      _modori_record_take (record, FIELD_RHOST, g_ascii_strdown (host + 6, colon - host - 6));
      _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (colon + 2));
    }
  else
    _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (line));
}

/* The record of the report's recipient named in @line, else the @n-th. */
static ModoriRecord *
record_for (GPtrArray *records, guint first, const char *line, guint n)
{
  for (guint i = first; i < records->len; i++)
    {
      ModoriRecord *record = g_ptr_array_index (records, i);
      if (_modori_text_find_nocase (line, _modori_record_peek (record, FIELD_RECIPIENT)))
        return record;
    }
  return first + n < records->len ? g_ptr_array_index (records, first + n) : NULL;
}

static gboolean
is_status_part (GMimeObject *part, gpointer data)
{
  return GMIME_IS_PART (part) && _modori_mime_is_type (part, "message", "delivery-status");
}

/* Reporting-MTA and Arrival-Date of a delivery-status part that has no
 * recipient groups. */
static void
apply_per_message (GPtrArray *records, guint first, GMimeMessage *bounce)
{
  GMimeObject *part = _modori_mime_find (g_mime_message_get_mime_part (bounce), is_status_part, NULL);
  const DsnGroup *group;
  GPtrArray *groups;
  const char *mta;
  char *bytes, *name = NULL;
  gsize length;

  if (part == NULL)
    return;
  bytes = _modori_mime_part_bytes (GMIME_PART (part), &length);
  groups = _modori_dsn_parse_groups (bytes, length);
  group = groups->len > 0 ? g_ptr_array_index (groups, 0) : NULL;
  if (group && (mta = _modori_dsn_group_lookup (group, "Reporting-MTA")) != NULL)
    {
      name = _modori_dsn_split_type (mta, NULL);
      name[strcspn (name, " \t([")] = '\0';
    }
  for (guint i = first; group && i < records->len; i++)
    {
      ModoriRecord *record = g_ptr_array_index (records, i);
      _modori_record_set (record, FIELD_LHOST, name);
      _modori_record_set_date (record, _modori_dsn_group_lookup (group, "Arrival-Date"));
    }
  g_free (name);
  g_ptr_array_unref (groups);
  g_free (bytes);
}

static gboolean
x3_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  guint first = records->len, n_technical = 0;
  gboolean technical = FALSE;
  char **split;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  if (!_modori_text_find_nocase (text.report, "This is an automatically generated Delivery Status Notification"))
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }

  split = g_strsplit (text.report, "\n", -1);
  for (guint i = 0; split[i]; i++)
    {
      const char *line = g_strstrip (split[i]);
      char *address;

      if (g_str_has_prefix (line, "Technical details"))
        technical = TRUE;
      else if (!technical && (address = listed_recipient (split[i])) != NULL)
        {
          ModoriRecord *record = _modori_engine_add_record (records, "x3", address, NULL);
          /* "failed permanently" / "was aborted after 0 second(s)" */
          _modori_record_set (record, FIELD_ACTION, "failed");
          g_free (address);
        }
      else if (technical && (g_str_has_prefix (line, "SMTP:") || g_str_has_prefix (line, "Routing: ")))
        {
          ModoriRecord *record = record_for (records, first, line, n_technical++);
          if (record == NULL)
            continue;
          if (line[0] == 'S')
            technical_line (record, line);
          else
            _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (line));
        }
    }
  g_strfreev (split);
  _modori_text_bounce_clear (&text);
  apply_per_message (records, first, bounce);
  return records->len > first;
}

const ModoriEngine _modori_engine_x3 = {
  .name = "x3",
  .sniff = x3_sniff,
  .parse = x3_parse,
  .signature = &signature,
};
