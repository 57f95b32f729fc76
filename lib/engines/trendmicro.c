/* trendmicro.c: Trend Micro InterScan Messaging Security Suite (now part
 * of Trend Vision One) notices.
 *
 *   Message from InterScan Messaging Security Suite
 *
 *   Unable to deliver message to <user@example.jp> (and other recipients
 *   in the same domain). Please check if address is correct.
 *
 * or a transcript:
 *
 *   Sent <<< RCPT TO:<user@example.jp>
 *   Received >>> 550 5.1.1 <user@example.jp>... user unknown
 *
 * (translated notices keep the arrows: "... <<< RCPT TO:<...>"). */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

static gboolean
trendmicro_sniff (ModoriBounce *context)
{
  static const char *const product[] = { "InterScan", NULL };
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  GMimeObject *body = g_mime_message_get_mime_part (bounce);
  const char *boundary = body ? g_mime_object_get_content_type_parameter (body, "boundary") : NULL;

  /* The sender's name, or the MIME boundary "InterScan_NT_MIME_Boundary". */
  return _modori_header_contains (bounce, "From", product) ||
         (boundary && strstr (boundary, "InterScan"));
}

/* The address in the last <...> of @line that holds one, or NULL. One
 * pass: a '<' opens, the next '>' closes, an '@' between counts. */
static char *
bracketed_address (const char *line)
{
  const char *open = NULL, *found_open = NULL, *found_close = NULL;
  gboolean at = FALSE;

  for (const char *p = line; *p; p++)
    if (*p == '<')
      open = p, at = FALSE;
    else if (*p == '@' && open)
      at = TRUE;
    else if (*p == '>' && open)
      {
        if (at)
          found_open = open, found_close = p;
        open = NULL;
      }
  return found_open ? g_strndup (found_open + 1, found_close - found_open - 1) : NULL;
}

/* The record of @address, made at its first mention: @seen maps the
 * cleaned addresses to their records. */
static ModoriRecord *
record_of (GPtrArray *records, GHashTable *seen, const char *address)
{
  char *key = _modori_address_clean (address);
  char *folded = g_ascii_strdown (key, -1);
  ModoriRecord *record = g_hash_table_lookup (seen, folded);

  g_free (key);
  if (record)
    {
      g_free (folded);
      return record;
    }
  record = _modori_engine_add_record (records, "trendmicro", address, NULL);
  g_hash_table_insert (seen, folded, record);
  return record;
}

/* The text after "<<<" or ">>>" in @line, or NULL. */
static const char *
after_arrow (const char *line)
{
  const char *arrow = strstr (line, "<<< ");

  if (arrow == NULL)
    arrow = strstr (line, ">>> ");
  return arrow ? arrow + 4 : NULL;
}

static gboolean
trendmicro_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  ModoriRecord *current = NULL;
  guint first = records->len;
  GHashTable *seen;
  char **split;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  split = g_strsplit (text.report, "\n", -1);
  for (guint i = 0; split[i]; i++)
    {
      const char *line = g_strstrip (split[i]);
      const char *unable = strstr (line, "Unable to deliver ");
      const char *said = after_arrow (line);
      char *address;

      if (unable && (address = bracketed_address (unable)) != NULL)
        {
          current = record_of (records, seen, address);
          /* The server's own reply, when quoted, says more. */
          if (!_modori_record_is_set (current, FIELD_DIAGNOSTICCODE))
            _modori_record_take (current, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (unable));
          g_free (address);
        }
      else if (said && g_ascii_isdigit (said[0]))
        {
          /* The server's reply to the command above. */
          if (current)
            {
              _modori_record_take (current, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (said));
              _modori_record_set (current, FIELD_DIAGNOSTICTYPE, "SMTP");
            }
        }
      else if (said)
        {
          const char *command = g_ascii_strncasecmp (said, "RCPT", 4) == 0 ? "RCPT" :
                                g_ascii_strncasecmp (said, "MAIL", 4) == 0 ? "MAIL" :
                                g_ascii_strncasecmp (said, "DATA", 4) == 0 ? "DATA" : NULL;
          address = command && command[0] == 'R' ? bracketed_address (said) : NULL;
          if (address)
            current = record_of (records, seen, address);
          if (current && command)
            _modori_record_set (current, FIELD_COMMAND, command);
          g_free (address);
        }
    }

  for (guint i = first; i < records->len; i++)
    _modori_record_set (g_ptr_array_index (records, i), FIELD_ACTION, "failed");
  g_hash_table_unref (seen);
  g_strfreev (split);
  _modori_text_bounce_clear (&text);
  return records->len > first;
}

const ModoriEngine _modori_engine_trendmicro = {
  .name = "trendmicro",
  .sniff = trendmicro_sniff,
  .parse = trendmicro_parse,
};
