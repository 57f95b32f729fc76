/* postfix.c: Postfix bounces without a delivery-status part (Postfix
 * before DSN support, or with it turned off): only the notification text,
 *
 *   This is the Postfix program at host HOST.     (later: "the mail system")
 *
 *   I'm sorry to have to inform you that the message returned
 *   below could not be delivered to one or more destinations.
 *   ...
 *   <ADDRESS>: host MX[IP] said: 550 5.1.1 <ADDRESS>: Recipient address
 *       rejected: User unknown (in reply to RCPT TO command)
 *
 *   <ADDRESS> (expanded from <ALIAS>): ...
 *
 * one paragraph per recipient, continuation lines indented. Reports that
 * do carry message/delivery-status are read by the rfc3464 engine; when
 * its fields come as text after the notice (a report flattened to one
 * text part), the recipient's Status and Action are taken from them. */
#include <string.h>

#include "../dsn-fields.h"
#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "postfix"

static const char *const original_markers[] = {
  "Content-Description: Undelivered Message",
  NULL,
};

static const char *const subjects[] = {
  "Undelivered Mail Returned to Sender",
  "Delayed Mail (still being retried)",
  NULL,
};
static const ModoriHeaderFact postfix_marks[] = {
  { "Subject", subjects },
  { NULL },
};
static const ModoriSignature signature = { .all = postfix_marks };

/* "This is the Postfix program at host HOST." -> HOST */
static char *
local_host (const char *report)
{
  static const char *const leads[] = {
    "This is the Postfix program at host ",
    "This is the mail system at host ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    {
      const char *host = _modori_text_find_nocase (report, leads[i]), *end;
      if (host == NULL)
        continue;
      host += strlen (leads[i]);
      for (end = host; *end && !g_ascii_isspace (*end); end++)
        ;
      while (end > host && end[-1] == '.')
        end--;
      return end > host ? g_ascii_strdown (host, end - host) : NULL;
    }
  return NULL;
}

/* One recipient paragraph, unfolded: "<ADDRESS> (expanded from <X>): TEXT".
 * Adds a record when it has that shape. */
static void
read_paragraph (const char *paragraph, ModoriOriginal *original, const char *action,
                const char *lhost, GPtrArray *records)
{
  const char *close = strchr (paragraph, '>'), *p;
  char *address, *alias = NULL;
  ModoriRecord *record;

  if (paragraph[0] != '<' || close == NULL)
    return;
  address = g_strndup (paragraph, close + 1 - paragraph);
  if (strchr (address, '@') == NULL || strchr (address, ' '))
    {
      g_free (address);
      return;
    }
  p = close + 1;
  while (*p == ' ')
    p++;
  if (*p == '(')
    {
      const char *end = strchr (p, ')');
      if (end == NULL)
        {
          g_free (address);
          return;
        }
      if (g_ascii_strncasecmp (p, "(expanded from ", 15) == 0)
        alias = g_strndup (p + 15, end - p - 15);
      p = end + 1;
    }
  if (*p != ':')
    {
      g_free (address);
      g_free (alias);
      return;
    }
  record = _modori_engine_add_record (records, ENGINE_NAME, address, p + 1);
  if (alias)
    {
      char *cleaned = _modori_address_clean (alias);
      if (g_ascii_strcasecmp (cleaned, _modori_record_peek (record, FIELD_RECIPIENT)) != 0)
        _modori_record_take (record, FIELD_ALIAS, cleaned);
      else
        g_free (cleaned);
    }
  _modori_record_set (record, FIELD_ACTION, action);
  _modori_record_set (record, FIELD_LHOST, lhost);
  _modori_engine_set_original (record, original);
  g_free (address);
  g_free (alias);
}

/* Status and Action from delivery-status fields written as
 * text in @report, for the recipients that have a group there. */
static void
read_inline_fields (const char *report, GPtrArray *records, guint from)
{
  const char *start = NULL;
  GPtrArray *groups;
  GHashTable *by_address;

  for (const char *line = report; line && *line; line = strchr (line, '\n'), line = line ? line + 1 : NULL)
    if (g_ascii_strncasecmp (line, "Reporting-MTA:", 14) == 0 ||
        g_ascii_strncasecmp (line, "Final-Recipient:", 16) == 0)
      {
        start = line;
        break;
      }
  if (start == NULL)
    return;

  by_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = from; r < records->len; r++)
    {
      ModoriRecord *record = g_ptr_array_index (records, r);
      g_hash_table_insert (by_address, g_ascii_strdown (_modori_record_peek (record, FIELD_RECIPIENT), -1), record);
    }

  groups = _modori_dsn_parse_groups (start, strlen (start));
  for (guint i = 0; i < groups->len; i++)
    {
      const DsnGroup *group = g_ptr_array_index (groups, i);
      const char *final = _modori_dsn_group_lookup (group, "Final-Recipient");
      const char *value;
      char *typed, *address, *key, code[16];
      ModoriRecord *record;

      if (final == NULL)
        continue;
      typed = _modori_dsn_split_type (final, NULL);
      address = _modori_address_clean (typed);
      key = g_ascii_strdown (address, -1);
      record = g_hash_table_lookup (by_address, key);
      g_free (typed);
      g_free (address);
      g_free (key);
      if (record == NULL)
        continue;
      if ((value = _modori_dsn_group_lookup (group, "Status")) && _modori_text_find_status_code (value, code))
        _modori_record_set (record, FIELD_DELIVERYSTATUS, code);
      if ((value = _modori_dsn_group_lookup (group, "Action")))
        {
          char *stripped = _modori_dsn_strip_comments (value);
          _modori_record_take (record, FIELD_ACTION, g_ascii_strdown (stripped, -1));
          g_free (stripped);
        }
    }
  g_ptr_array_unref (groups);
  g_hash_table_unref (by_address);
}

static gboolean
postfix_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  const char *subject = g_mime_message_get_subject (bounce);
  const char *action;
  char **lines, *lhost;
  GString *paragraph;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  if (!_modori_text_find_nocase (text.report, "I'm sorry to have to inform you that the message") &&
      !_modori_text_find_nocase (text.report, "THIS IS A WARNING ONLY"))
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }
  action = (subject && _modori_text_find_nocase (subject, "Delayed Mail")) ||
           _modori_text_find_nocase (text.report, "THIS IS A WARNING ONLY") ? "delayed" : "failed";
  lhost = local_host (text.report);

  /* Paragraphs: a line at the left margin and its indented continuations. */
  paragraph = g_string_new (NULL);
  lines = g_strsplit (text.report, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      gboolean continues = line && (line[0] == ' ' || line[0] == '\t') && paragraph->len > 0;

      if (continues)
        {
          g_string_append_c (paragraph, ' ');
          g_string_append (paragraph, line);
          continue;
        }
      if (paragraph->len > 0)
        {
          char *unfolded = _modori_text_collapse_space (paragraph->str);
          read_paragraph (unfolded, text.original, action, lhost, records);
          g_free (unfolded);
          g_string_truncate (paragraph, 0);
        }
      if (line == NULL)
        break;
      if (line[0] == '<')
        g_string_append (paragraph, line);
    }

  read_inline_fields (text.report, records, before);

  g_strfreev (lines);
  g_string_free (paragraph, TRUE);
  g_free (lhost);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_postfix = {
  .name = ENGINE_NAME,
  .signature = &signature,
  .parse = postfix_parse,
};
