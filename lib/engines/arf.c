/* arf.c: feedback reports. RFC 5965 Abuse Reporting Format (and its
 * draft form with Removal-Recipient) and the provider variants that do
 * not follow it: Microsoft JMRP and the Amazon SES e-mail form (a
 * complaint subject over the returned message), Apple's unsubscribe
 * notice. One record per reported recipient; the reason is "feedback"
 * whatever the text says. (SES JSON complaint notifications are the
 * amazonses engine's.) */
#include <string.h>

#include "../bounds.h"
#include "../charset.h"
#include "../dsn-fields.h"
#include "../engine.h"
#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

#define DIAGNOSTIC_MAX 1000

/* JMRP and the SES e-mail form put this before the source IP. */
#define COMPLAINT_SUBJECT "complaint about message from "

/* ---- small helpers ---- */

/* A clean addr-spec with a local part and a domain, or NULL. */
static char *
full_address (const char *raw)
{
  char *address = _modori_address_clean (raw);
  const char *at = strrchr (address, '@');

  if (at == NULL || at == address || at[1] == '\0' || strchr (address, ' '))
    {
      g_free (address);
      return NULL;
    }
  return address;
}

/* The first mailbox in @list that is a full address. */
static char *
list_address (InternetAddressList *list)
{
  for (int i = 0; list && i < internet_address_list_length (list); i++)
    {
      InternetAddress *address = internet_address_list_get_address (list, i);
      if (INTERNET_ADDRESS_IS_MAILBOX (address))
        {
          char *clean = full_address (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)));
          if (clean)
            return clean;
        }
    }
  return NULL;
}

/* The same of the reported message's addresses of @type. */
static char *
message_address (const ModoriOriginal *original, GMimeAddressType type)
{
  return original ? list_address (_modori_original_get_addresses (original, type)) : NULL;
}

/* @text cut to at most @max bytes on a UTF-8 boundary, whitespace
 * collapsed. */
static char *
short_text (const char *text, gsize max)
{
  char *collapsed = _modori_text_collapse_space (text);

  if (strlen (collapsed) > max)
    {
      const char *end = g_utf8_find_prev_char (collapsed, collapsed + max + 1);
      collapsed[end ? end - collapsed : 0] = '\0';
    }
  return collapsed;
}

static gboolean
starts_with_nocase (const char *text, const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
is_report_type_feedback (GMimeMessage *bounce)
{
  GMimeObject *body = g_mime_message_get_mime_part (bounce);
  const char *type;

  if (body == NULL || !_modori_mime_is_type (body, "multipart", "report"))
    return FALSE;
  type = g_mime_object_get_content_type_parameter (body, "report-type");
  return type && g_ascii_strcasecmp (type, "feedback-report") == 0;
}

static gboolean
is_feedback_part (GMimeObject *part, gpointer data)
{
  return GMIME_IS_PART (part) && _modori_mime_is_type (part, "message", "feedback-report");
}

/* A leaf part, other than the returned headers, whose fields hold a
 * Feedback-Type: generators that label the report text/plain. */
static gboolean
has_feedback_fields (GMimeObject *part, gpointer data)
{
  GPtrArray **found = data;
  GPtrArray *groups;
  char *text;

  if (!GMIME_IS_PART (part) || !_modori_mime_is_type (part, "text", "*") ||
      _modori_mime_is_type (part, "text", "rfc822-headers") ||
      _modori_mime_is_type (part, "text", "rfc822-header"))
    return FALSE;
  text = _modori_mime_part_text (GMIME_PART (part));
  groups = _modori_dsn_parse_groups (text, strlen (text));
  g_free (text);
  for (guint i = 0; i < groups->len; i++)
    if (_modori_dsn_group_lookup (g_ptr_array_index (groups, i), "Feedback-Type"))
      {
        *found = groups;
        return TRUE;
      }
  g_ptr_array_unref (groups);
  return FALSE;
}

/* The report's fields, as groups; NULL when the message has none. */
static GPtrArray *
feedback_groups (GMimeMessage *bounce)
{
  GMimeObject *root = g_mime_message_get_mime_part (bounce);
  GMimeObject *part = _modori_mime_find (root, is_feedback_part, NULL);
  GPtrArray *groups = NULL;

  if (part)
    {
      gsize length;
      char *bytes = _modori_mime_part_bytes (GMIME_PART (part), &length);
      char *text = _modori_charset_to_utf8 (bytes, length,
                                            g_mime_object_get_content_type_parameter (part, "charset"));
      groups = _modori_dsn_parse_groups (text, strlen (text));
      g_free (text);
      g_free (bytes);
      return groups;
    }
  if (is_report_type_feedback (bounce))
    _modori_mime_find (root, has_feedback_fields, &groups);
  return groups;
}

static gboolean
is_headers_part (GMimeObject *part, gpointer data)
{
  /* "text/rfc822-header" is a common misspelling of the RFC 6522 type. */
  return GMIME_IS_PART (part) && (_modori_mime_is_type (part, "text", "rfc822-header") ||
                                  _modori_mime_is_type (part, "text", "rfc822-headers") ||
                                  _modori_mime_is_type (part, "message", "rfc822-headers"));
}

/* The reported message: attached whole, or its headers only. */
static ModoriOriginal *
reported_message (ModoriBounce *context)
{
  ModoriOriginal *original = _modori_bounce_get_original (context);
  GMimeObject *part;

  if (original)
    return _modori_original_ref (original);
  part = _modori_mime_find (g_mime_message_get_mime_part (_modori_bounce_get_message (context)),
                            is_headers_part, NULL);
  return part ? _modori_mime_part_original (GMIME_PART (part)) : NULL;
}

/* The human-readable part's statement: the paragraph opening "This is
 * ... report ..." (RFC 5965 section 2, first part), else its first
 * paragraph. */
static char *
report_statement (ModoriBounce *context)
{
  const char *text = _modori_bounce_get_first_text (context);
  const char *first = NULL, *chosen = NULL;
  char **lines;
  GString *paragraph;
  char *result;

  if (text == NULL)
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    g_strdelimit (lines[i], "\r", ' ');

  for (guint i = 0; lines[i] && chosen == NULL; i++)
    {
      const char *line = lines[i];
      while (g_ascii_isspace (*line))
        line++;
      if (*line == '\0')
        continue;
      if (first == NULL)
        first = lines[i];
      if (starts_with_nocase (line, "this is ") &&
          (_modori_text_find_nocase (line, "report") || _modori_text_find_nocase (line, "complaint")))
        chosen = lines[i];
    }
  if (chosen == NULL)
    chosen = first;

  paragraph = g_string_new (NULL);
  for (guint i = 0; chosen && lines[i]; i++)
    {
      if (lines[i] != chosen && paragraph->len == 0)
        continue;
      if (lines[i][strspn (lines[i], " \t")] == '\0')
        break;
      g_string_append (paragraph, lines[i]);
      g_string_append_c (paragraph, ' ');
    }
  g_strfreev (lines);
  result = short_text (paragraph->str, DIAGNOSTIC_MAX);
  g_string_free (paragraph, TRUE);
  return result;
}

/* The source in "... received from IP [address] 192.0.2.1 on ...", the
 * statement's usual wording, or NULL. */
static char *
statement_ip (const char *statement)
{
  const char *p = _modori_text_find_nocase (statement, "received from IP ");
  gsize n;

  if (p == NULL)
    return NULL;
  p += strlen ("received from IP ");
  if (g_ascii_strncasecmp (p, "address ", 8) == 0)
    p += 8;
  n = strspn (p, "0123456789abcdefABCDEF.:");
  /* No trailing sentence dot; at least one digit. */
  while (n > 0 && p[n - 1] == '.')
    n--;
  for (gsize i = 0; i < n; i++)
    if (g_ascii_isdigit (p[i]))
      return g_strndup (p, n);
  return NULL;
}

typedef struct {
  char *feedback_type;   /* lower-cased, or NULL */
  char *mail_from;       /* Original-Mail-From, or NULL */
  char *source_ip;
  char *reporting_mta;
  char *date;
  char *diagnostic;
  ModoriOriginal *original;
} Common;

static void
common_clear (Common *common)
{
  g_free (common->feedback_type);
  g_free (common->mail_from);
  g_free (common->source_ip);
  g_free (common->reporting_mta);
  g_free (common->date);
  g_free (common->diagnostic);
  g_clear_pointer (&common->original, _modori_original_unref);
}

static void
add_feedback_record (GPtrArray *records, const Common *common, const char *recipient)
{
  ModoriRecord *record = _modori_engine_add_record (records, "arf", recipient ? recipient : "",
                                                    common->diagnostic);

  record->reason = MODORI_REASON_FEEDBACK;
  _modori_record_set (record, FIELD_REASONBY, "engine:arf");
  _modori_record_set (record, FIELD_FEEDBACKTYPE, common->feedback_type ? common->feedback_type : "");
  _modori_record_set (record, FIELD_RHOST, common->source_ip);
  _modori_record_set (record, FIELD_LHOST, common->reporting_mta);
  _modori_record_set_date (record, common->date);
  _modori_engine_set_original (record, common->original);
  /* The envelope sender stands in when the reported message's From is
   * gone (headers redacted or not returned). */
  if (!_modori_record_is_set (record, FIELD_ADDRESSER) && common->mail_from)
    _modori_record_set (record, FIELD_ADDRESSER, common->mail_from);
}

/* ---- RFC 5965 ---- */

static gboolean
parse_rfc5965 (ModoriBounce *context, GPtrArray *groups, GPtrArray *records)
{
  Common common = { 0 };
  GPtrArray *recipients = g_ptr_array_new_with_free_func (g_free);
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint before = records->len;

  for (guint i = 0; i < groups->len; i++)
    {
      const DsnGroup *group = g_ptr_array_index (groups, i);

      for (guint j = 0; j < group->fields->len; j++)
        {
          const DsnField *field = g_ptr_array_index (group->fields, j);
          const char *name = field->name, *value = field->value;

          if (g_ascii_strcasecmp (name, "Feedback-Type") == 0 && common.feedback_type == NULL)
            {
              char *stripped = _modori_dsn_strip_comments (value);
              common.feedback_type = g_ascii_strdown (stripped, -1);
              g_free (stripped);
            }
          else if (g_ascii_strcasecmp (name, "Original-Rcpt-To") == 0 ||
                   g_ascii_strcasecmp (name, "Removal-Recipient") == 0)
            {
              char *address = full_address (value);
              char *key;
              /* Counted as read: one past the limit is enough to warn. */
              if (address == NULL || recipients->len > MODORI_MAX_RECIPIENTS)
                {
                  g_free (address);
                  continue;
                }
              /* Some generators repeat the field; one record each. */
              key = g_ascii_strdown (address, -1);
              if (g_hash_table_add (seen, key))
                g_ptr_array_add (recipients, address);
              else
                g_free (address);
            }
          else if (g_ascii_strcasecmp (name, "Original-Mail-From") == 0 && common.mail_from == NULL)
            common.mail_from = full_address (value);
          else if (g_ascii_strcasecmp (name, "Source-IP") == 0 && common.source_ip == NULL)
            common.source_ip = _modori_dsn_strip_comments (value);
          else if (g_ascii_strcasecmp (name, "Reporting-MTA") == 0 && common.reporting_mta == NULL)
            {
              char *host = _modori_dsn_split_type (value, NULL);
              host[strcspn (host, " \t(")] = '\0';
              common.reporting_mta = host;
            }
          else if ((g_ascii_strcasecmp (name, "Arrival-Date") == 0 ||
                    g_ascii_strcasecmp (name, "Received-Date") == 0) && common.date == NULL)
            common.date = g_strdup (value);
        }
    }

  common.original = reported_message (context);
  common.diagnostic = report_statement (context);
  if (common.source_ip == NULL && common.diagnostic)
    common.source_ip = statement_ip (common.diagnostic);

  for (guint i = 0; i < recipients->len; i++)
    add_feedback_record (records, &common, g_ptr_array_index (recipients, i));
  if (recipients->len == 0)
    {
      /* The recipient is redacted (Redacted-Address) or not given: the
       * reported message's To, when it still holds a full address. */
      char *to = message_address (common.original, GMIME_ADDRESS_TYPE_TO);
      add_feedback_record (records, &common, to);
      g_free (to);
    }

  g_ptr_array_unref (recipients);
  g_hash_table_unref (seen);
  common_clear (&common);
  return records->len > before;
}

/* ---- Microsoft JMRP and the SES e-mail form ---- */

/* The subject is the fixed phrase and the source IP address, nothing
 * else: a person's "Complaint about message from Bob" is not one. */
static gboolean
is_complaint_subject (GMimeMessage *bounce)
{
  const char *subject = g_mime_message_get_subject (bounce);
  gsize n;
  gboolean digit = FALSE;

  if (subject == NULL)
    return FALSE;
  while (g_ascii_isspace (*subject))
    subject++;
  if (!starts_with_nocase (subject, COMPLAINT_SUBJECT))
    return FALSE;
  subject += strlen (COMPLAINT_SUBJECT);
  n = strspn (subject, "0123456789abcdefABCDEF.:");
  for (gsize i = 0; i < n; i++)
    digit = digit || g_ascii_isdigit (subject[i]);
  return digit && (subject[n] == '\0' || g_ascii_isspace (subject[n]));
}

static gboolean
parse_complaint_mail (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  Common common = { 0 };
  const char *subject = g_mime_message_get_subject (bounce);
  const char *ip;
  char *recipient = NULL;
  const char *value;

  common.original = _modori_bounce_get_original (context);
  if (common.original == NULL)
    return FALSE;
  _modori_original_ref (common.original);   /* common_clear() drops one */
  /* JMRP names the complainer in its own header of the returned copy. */
  value = _modori_original_get_hotmail_recipient (common.original);
  if (value)
    recipient = full_address (value);
  if (recipient == NULL)
    recipient = message_address (common.original, GMIME_ADDRESS_TYPE_TO);

  /* These reports are spam complaints and carry no Feedback-Type. */
  common.feedback_type = g_strdup ("abuse");
  common.diagnostic = _modori_text_collapse_space (subject);
  ip = _modori_text_find_nocase (subject, COMPLAINT_SUBJECT) + strlen (COMPLAINT_SUBJECT);
  common.source_ip = g_strndup (ip, strcspn (ip, " \t"));
  common.mail_from = message_address (common.original, GMIME_ADDRESS_TYPE_FROM);
  add_feedback_record (records, &common, recipient);
  g_free (recipient);
  common_clear (&common);
  return TRUE;
}

/* ---- Apple: a one-click unsubscribe sent on the user's behalf ---- */

static gboolean
is_apple_unsubscribe (GMimeMessage *bounce)
{
  const char *value = g_mime_object_get_header (GMIME_OBJECT (bounce), "X-Apple-Unsubscribe");

  if (value == NULL)
    return FALSE;
  while (g_ascii_isspace (*value))
    value++;
  return g_ascii_strncasecmp (value, "true", 4) == 0 && value[4 + strspn (value + 4, " \t")] == '\0';
}

static gboolean
parse_apple_unsubscribe (ModoriBounce *context, GPtrArray *records)
{
  Common common = { 0 };
  char *from = list_address (g_mime_message_get_from (_modori_bounce_get_message (context)));
  const char *text;

  if (from == NULL)
    return FALSE;
  common.feedback_type = g_strdup ("opt-out");
  text = _modori_bounce_get_first_text (context);
  if (text)
    common.diagnostic = short_text (text, DIAGNOSTIC_MAX);
  add_feedback_record (records, &common, from);
  g_free (from);
  common_clear (&common);
  return TRUE;
}

/* ---- the engine ---- */

static gboolean
arf_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  GMimeObject *body = g_mime_message_get_mime_part (bounce);

  if (body == NULL)
    return FALSE;
  if (GMIME_IS_MULTIPART (body))
    return is_report_type_feedback (bounce) ||
           _modori_mime_find (body, is_feedback_part, NULL) != NULL ||
           is_complaint_subject (bounce) || is_apple_unsubscribe (bounce);
  return is_apple_unsubscribe (bounce);
}

static gboolean
arf_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  GPtrArray *groups = feedback_groups (bounce);

  /* A declared feedback report whose fields are lost still reports. */
  if (groups == NULL && is_report_type_feedback (bounce))
    groups = g_ptr_array_new ();
  if (groups)
    {
      gboolean ok = parse_rfc5965 (context, groups, records);
      g_ptr_array_unref (groups);
      return ok;
    }
  if (GMIME_IS_MULTIPART (g_mime_message_get_mime_part (bounce)) && is_complaint_subject (bounce))
    return parse_complaint_mail (context, records);
  if (is_apple_unsubscribe (bounce))
    return parse_apple_unsubscribe (context, records);
  return FALSE;
}

const ModoriEngine _modori_engine_arf = {
  .name = "arf",
  .sniff = arf_sniff,
  .parse = arf_parse,
};
