/* rfc3464.c: delivery status notifications (RFC 3464, RFC 6522) and
 * their internationalized form (RFC 6533). */
#include <string.h>

#include "../bounds.h"
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

/* A copy of @text with CRLF and CR line ends made LF. */
static char *
normalize_line_ends (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      g_string_append_c (out, *p == '\r' ? '\n' : *p);
      if (*p == '\r' && p[1] == '\n')
        p++;
    }
  return g_string_free (out, FALSE);
}

/* Start of the first line of @text that begins with @name (a field
 * name with its colon, case-insensitive), or NULL. */
static const char *
line_starting (const char *text, const char *name)
{
  gsize n = strlen (name);

  for (const char *line = text; line && *line; line = strchr (line, '\n'), line = line ? line + 1 : NULL)
    if (g_ascii_strncasecmp (line, name, n) == 0)
      return line;
  return NULL;
}

/* Start of the paragraph (lines after a blank line) holding @line. */
static const char *
paragraph_start (const char *text, const char *line)
{
  while (line > text && !(line[-1] == '\n' && (line - 1 == text || line[-2] == '\n')))
    line--;
  return line;
}

/* Whether the paragraph holding @line has a line beginning with @name. */
static gboolean
paragraph_has (const char *text, const char *line, const char *name)
{
  const char *start = paragraph_start (text, line);
  const char *end = strstr (line, "\n\n");
  char *paragraph = end ? g_strndup (start, end - start) : g_strdup (start);
  gboolean found = line_starting (paragraph, name) != NULL;

  g_free (paragraph);
  return found;
}

/* Where delivery-status fields written as plain text begin: the paragraph
 * holding the first Reporting-MTA or Final-Recipient line, when that
 * recipient's group has an Action or Status too. NULL when there is none. */
static const char *
inline_report_start (const char *text)
{
  const char *final = line_starting (text, "Final-Recipient:");
  const char *reporting = line_starting (text, "Reporting-MTA:");

  if (final == NULL || (!paragraph_has (text, final, "Action:") &&
                        !paragraph_has (text, final, "Status:")))
    return NULL;
  /* From the paragraph's first line: the group may begin with Action. */
  return paragraph_start (text, (reporting && reporting < final) ? reporting : final);
}

/* @text without one level of "> " quotation at the start of each line. */
static char *
unquote (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean line_start = TRUE;

  for (const char *p = text; *p; p++)
    {
      if (line_start && *p == '>')
        {
          if (p[1] == ' ')
            p++;
          line_start = FALSE;
          continue;
        }
      g_string_append_c (out, *p);
      line_start = (*p == '\n');
    }
  return g_string_free (out, FALSE);
}

/* The bounce's text when it carries no delivery-status part: a broken
 * multipart/report whose boundary never appears (all of it is prologue),
 * or a flattened or forwarded report in a text part. Line ends are LF. */
static char *
inline_report_text (ModoriBounce *context)
{
  GMimeObject *body = g_mime_message_get_mime_part (_modori_bounce_get_message (context));
  char *text = NULL, *out;

  if (body && GMIME_IS_MULTIPART (body) && g_mime_multipart_get_count (GMIME_MULTIPART (body)) == 0)
    {
      const char *prologue = g_mime_multipart_get_prologue (GMIME_MULTIPART (body));
      text = prologue ? g_utf8_make_valid (prologue, -1) : NULL;
    }
  else
    text = g_strdup (_modori_bounce_get_first_text (context));
  if (text == NULL)
    return NULL;
  out = normalize_line_ends (text);
  g_free (text);
  /* A report forwarded as a quotation: read it without the "> ". */
  if (line_starting (out, "Final-Recipient:") == NULL &&
      (line_starting (out, "> Final-Recipient:") || line_starting (out, ">Final-Recipient:")))
    {
      char *quoted = out;
      out = unquote (quoted);
      g_free (quoted);
    }
  return out;
}

static gboolean
has_inline_report (ModoriBounce *context)
{
  char *text = inline_report_text (context);
  gboolean found = text && inline_report_start (text);

  g_free (text);
  return found;
}

/* A multipart/report whose boundary never appears: GMime sees no part. */
static gboolean
is_report_without_parts (GMimeMessage *bounce)
{
  GMimeObject *body = g_mime_message_get_mime_part (bounce);

  return body && GMIME_IS_MULTIPART (body) &&
         g_mime_multipart_get_count (GMIME_MULTIPART (body)) == 0 &&
         _modori_mime_is_type (body, "multipart", "report");
}

static gboolean
rfc3464_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);

  if (_modori_mime_find (g_mime_message_get_mime_part (bounce), is_status_part, NULL))
    return TRUE;
  return is_report_without_parts (bounce) && has_inline_report (context);
}

/* Any other message whose text holds delivery-status fields (a report
 * flattened to text, forwarded, or quoted). Tried last: an engine that
 * knows the surrounding format reads it better. */
static gboolean
rfc3464_text_sniff (ModoriBounce *context)
{
  return !rfc3464_sniff (context) && has_inline_report (context);
}

/* Bytes of an MTA field read: "dns;" and a host name, which is at most
 * 255 bytes (RFC 1035, 2.3.4). The per-message field is read once per
 * recipient: a long one must not cost its length each time. */
#define MAX_MTA_FIELD_BYTES 300

/* "dns; MX.example.jp. (Postfix)" -> "mx.example.jp" */
static char *
mta_name (const char *value)
{
  char *head, *name, *space, *lower;
  gsize length;

  if (value == NULL)
    return NULL;
  head = g_strndup (value, strnlen (value, MAX_MTA_FIELD_BYTES));
  name = _modori_dsn_split_type (head, NULL);
  g_free (head);
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

/* The words of a comment after the status code, "Status: 5.1.2 (550 No MX
 * for example.com)": Haraka writes the reply only there (outbound/hmail.js
 * populate_bounce_message: dsn_status, then " (" dsn_code " " dsn_msg ")"),
 * with no Diagnostic-Code. NULL when the field has no comment. */
static char *
status_comment (const char *value)
{
  const char *open = strchr (value, '('), *close;
  char *raw, *words;

  if (open == NULL || (close = strrchr (open, ')')) == NULL)
    return NULL;
  raw = g_strndup (open + 1, close - open - 1);
  words = _modori_text_collapse_space (raw);
  g_free (raw);
  if (words[0] == '\0')
    g_clear_pointer (&words, g_free);
  return words;
}

/* The human-readable part's words per recipient, for reports without a
 * Diagnostic-Code: some MTAs (OpenSMTPD) write the server's reply only
 * there, as "ADDRESS: reply" or "<ADDRESS>: reply" at the start of a line,
 * continued on indented lines. Maps the lower-cased address to the text;
 * read once, as a report may list many recipients. */
static GHashTable *
text_diagnostics (const char *text)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (const char *line = text; line && *line; line = strchr (line, '\n'), line = line ? line + 1 : NULL)
    {
      const char *p = line, *address, *end;
      gboolean bracket = (*p == '<');
      char *key, *raw, *diagnostic;

      if (bracket)
        p++;
      address = p;
      while (*p && *p != '\n' && *p != ':' && *p != '>' && !g_ascii_isspace (*p))
        p++;
      if (p == address || memchr (address, '@', p - address) == NULL)
        continue;
      key = g_ascii_strdown (address, p - address);
      if ((bracket && *p++ != '>') || g_hash_table_contains (table, key))
        {
          g_free (key);
          continue;
        }
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '(')   /* "(expanded from <...>)" */
        {
          const char *close = p;
          while (*close && *close != '\n' && *close != ')')
            close++;
          p = (*close == ')') ? close + 1 : close;
          while (*p == ' ' || *p == '\t')
            p++;
        }
      if (*p != ':')
        {
          g_free (key);
          continue;
        }
      p++;
      /* The line and its indented continuation lines. */
      for (end = strchr (p, '\n'); end && (end[1] == ' ' || end[1] == '\t'); end = strchr (end + 1, '\n'))
        ;
      raw = end ? g_strndup (p, end - p) : g_strdup (p);
      diagnostic = _modori_text_collapse_space (raw);
      g_free (raw);
      if (diagnostic[0])
        g_hash_table_insert (table, key, diagnostic);
      else
        {
          g_free (key);
          g_free (diagnostic);
        }
    }
  return table;
}

static void
parse_recipient_group (const DsnGroup *group, const DsnGroup *per_message,
                       GHashTable *human, const char *engine_name, GPtrArray *records)
{
  ModoriRecord *record;
  const char *final = _modori_dsn_group_lookup (group, "Final-Recipient");
  const char *original = _modori_dsn_group_lookup (group, "Original-Recipient");
  const char *value;
  char *recipient, *alias;

  /* One more than the limit tells the analyzer to warn; no more is kept. */
  if (records->len > MODORI_MAX_RECIPIENTS)
    return;
  record = _modori_record_new ();

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
  /* RFC 3464 2.3.8: Will-Retry-Until is given for a delay only; a
   * report that left out its Action still says the server keeps trying. */
  if (!_modori_record_is_set (record, FIELD_ACTION) &&
      _modori_dsn_group_lookup (group, "Will-Retry-Until") != NULL)
    _modori_record_set (record, FIELD_ACTION, "delayed");

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
  else if (human)
    {
      char *key = g_ascii_strdown (_modori_record_peek (record, FIELD_RECIPIENT), -1);
      _modori_record_set (record, FIELD_DIAGNOSTICCODE, g_hash_table_lookup (human, key));
      g_free (key);
    }
  if (!_modori_record_is_set (record, FIELD_DIAGNOSTICCODE) &&
      (value = _modori_dsn_group_lookup (group, "Status")) != NULL)
    _modori_record_take (record, FIELD_DIAGNOSTICCODE, status_comment (value));

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
rfc3464_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  GMimeObject *part = _modori_mime_find (g_mime_message_get_mime_part (bounce), is_status_part, NULL);
  const char *engine_name = "rfc3464";
  GPtrArray *groups;
  const DsnGroup *per_message = NULL;
  char *text, *human_text = NULL;
  GHashTable *human = NULL;
  gboolean seen_recipient = FALSE;
  guint before = records->len;

  if (part)
    {
      gsize length;
      char *bytes = _modori_mime_part_bytes (GMIME_PART (part), &length);

      if (_modori_mime_is_type (part, "message", "global-delivery-status"))
        engine_name = "rfc6533";
      text = _modori_charset_to_utf8 (bytes, length,
                                      g_mime_object_get_content_type_parameter (part, "charset"));
      g_free (bytes);
    }
  else
    {
      char *all = inline_report_text (context);
      const char *start = all ? inline_report_start (all) : NULL;

      if (start == NULL)
        {
          g_free (all);
          return FALSE;
        }
      text = g_strdup (start);
      human_text = g_strndup (all, start - all);
      g_free (all);
    }
  groups = _modori_dsn_parse_groups (text, strlen (text));

  for (guint i = 0; i < groups->len; i++)
    {
      const DsnGroup *group = g_ptr_array_index (groups, i);
      if (is_recipient_group (group))
        {
          /* One over the limit is enough for the analyzer to cut and
           * warn; the rest would cost time for records thrown away. */
          if (records->len - before > MODORI_MAX_RECIPIENTS)
            break;
          /* The human-readable part is read only when a diagnostic is missing. */
          if (human == NULL && _modori_dsn_group_lookup (group, "Diagnostic-Code") == NULL)
            {
              if (part)
                {
                  const char *first = _modori_bounce_get_first_text (context);
                  human_text = first ? normalize_line_ends (first) : g_strdup ("");
                }
              human = text_diagnostics (human_text ? human_text : "");
            }
          parse_recipient_group (group, per_message, human, engine_name, records);
          seen_recipient = TRUE;
        }
      else if (part == NULL && seen_recipient)
        break;   /* Text after a written-out report: the original's headers. */
      else if (per_message == NULL)
        per_message = group;
    }

  g_ptr_array_unref (groups);
  g_free (text);
  g_free (human_text);
  if (human)
    g_hash_table_unref (human);
  return records->len > before;
}

const ModoriEngine _modori_engine_rfc3464 = {
  .name = "rfc3464",
  .sniff = rfc3464_sniff,
  .parse = rfc3464_parse,
};

/* Registered last: reports written out as text (see rfc3464_text_sniff). */
const ModoriEngine _modori_engine_rfc3464_text = {
  .name = "rfc3464",
  .sniff = rfc3464_text_sniff,
  .parse = rfc3464_parse,
};
