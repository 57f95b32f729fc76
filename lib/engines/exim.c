/* exim.c: Exim's own bounce messages ("Mail delivery failed: returning
 * message to sender") and delay warnings ("Warning: message ... delayed"),
 * as deliver.c writes them from its default templates:
 *
 *   A message that you sent could not be delivered to one or more of its
 *   recipients. This is a permanent error. The following address(es) failed:
 *
 *     user@example.jp
 *       SMTP error from remote mail server after RCPT TO:<user@example.jp>:
 *       host mx.example.jp [192.0.2.1]: 550 5.1.1 User unknown
 *
 * Each failed address is indented by two spaces, its error text by more.
 * Exim 4.86 and later put "host NAME [IP]" on its own line first; Exim 2
 * and 3 end the address with ':' and break the error over lines. A warning
 * lists "The address(es) to which the message has not yet been delivered"
 * the same way, with a "Delay reason: " before the error. */
#include <string.h>

#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

/* The line before the returned copy (deliver.c); Exim-based services
 * reword "the message" as "your message". */
static const char *const original_markers[] = {
  "------ This is a copy of the message",
  "------ This is a copy of your message",
  "----- This is a copy of the message",
  NULL,
};

/* Subjects of Exim's bounce and warning templates. */
static const char *const subjects[] = {
  "Mail delivery failed",
  "Mail failure",
  "Message frozen",
  "error(s) in forwarding or filtering",
  NULL,
};

/* Exim message ids: 6-6-2 base-62 characters, 6-11-4 since Exim 4.97;
 * Exim's own Message-Id adds a leading 'E'. */
static gboolean
exim_id_at (const char *p, int first, int second, int third)
{
  const int runs[] = { first, second, third };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      int n = 0;
      while (g_ascii_isalnum (p[n]))
        n++;
      if (n != runs[i] || p[n] != (i < 2 ? '-' : '@'))
        return FALSE;
      p += n + 1;
    }
  return TRUE;
}

static gboolean
is_exim_message_id (const char *value)
{
  if (value == NULL)
    return FALSE;
  value += strspn (value, " <");
  if (*value == 'E' && (exim_id_at (value + 1, 6, 6, 2) || exim_id_at (value + 1, 6, 11, 4)))
    return TRUE;
  return exim_id_at (value, 6, 6, 2) || exim_id_at (value, 6, 11, 4);
}

static const char *const sender[] = { "Mail Delivery System", NULL };
static const char *const warning[] = { "Warning: message ", NULL };

/* Two of Exim's marks, one of them a bounce's: its sender name,
 * X-Failed-Recipients, a template subject; an Exim message id, an Exim
 * Received line. */
static gboolean
exim_sniff (ModoriBounce *context)
{
  static const char *const received[] = { "(Exim ", NULL };
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  GMimeObject *object = GMIME_OBJECT (bounce);
  const char *subject = g_mime_object_get_header (object, "Subject");
  int marks = 0;

  if (_modori_header_contains (bounce, "From", sender))
    marks++;
  if (g_mime_object_get_header (object, "X-Failed-Recipients"))
    marks++;
  if (_modori_header_contains (bounce, "Subject", subjects) ||
      (_modori_header_contains (bounce, "Subject", warning) &&
       subject && _modori_text_find_nocase (subject, " delayed")))
    marks++;
  /* An Exim id and Received line alone are any mail that Exim sent. */
  if (marks == 0)
    return FALSE;
  if (marks < 2 && is_exim_message_id (g_mime_object_get_header (object, "Message-Id")))
    marks++;
  if (marks < 2 && _modori_header_contains (bounce, "Received", received))
    marks++;
  return marks >= 2;
}

/* The sniff counts the others only beside one of a bounce's marks. */
static const ModoriHeaderFact bounce_marks[] = {
  { "From", sender },
  { "X-Failed-Recipients", NULL },
  { "Subject", subjects },
  { "Subject", warning },
  { NULL },
};
static const ModoriSignature signature = { .any = bounce_marks };

static int
indent_of (const char *line)
{
  int n = 0, column = 0;

  for (; line[n] == ' ' || line[n] == '\t'; n++)
    column = line[n] == '\t' ? (column / 8 + 1) * 8 : column + 1;
  return column;
}

static gboolean
is_blank (const char *line)
{
  return line[strspn (line, " \t")] == '\0';
}

static gboolean
ends_with_nocase (const char *text, const char *suffix)
{
  gsize n = strlen (text), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (text + n - m, suffix) == 0;
}

typedef enum {
  LIST_NONE,
  LIST_FAILED,
  LIST_DELAYED,
} ListKind;

/* The kind of address list a line introduces: "The following address(es)
 * failed:" (or "The failed address(es):"), "... recipient addresses that were incorrectly constructed:",
 * "The address to which the message has not yet been delivered is:" (or
 * a warning template's "... not yet delivered:"). */
static ListKind
list_heading (const char *line)
{
  char *text = g_strstrip (g_strdup (line));
  ListKind kind = LIST_NONE;

  if (ends_with_nocase (text, ":") && _modori_text_find_nocase (text, "fail") &&
      _modori_text_find_nocase (text, "address"))
    kind = LIST_FAILED;
  else if (ends_with_nocase (text, "incorrectly constructed:"))
    kind = LIST_FAILED;
  else if (_modori_text_find_nocase (text, "not yet ") &&
           _modori_text_find_nocase (text, "deliver") && ends_with_nocase (text, ":"))
    kind = LIST_DELAYED;
  g_free (text);
  return kind;
}

typedef struct {
  char *address;   /* as listed: may lack a domain or be a pipe/file */
  char *alias;     /* "(generated from ...)" */
  GString *error;  /* the error lines, one per line */
} Block;

static void
block_free (Block *block)
{
  g_free (block->address);
  g_free (block->alias);
  g_string_free (block->error, TRUE);
  g_free (block);
}

/* The address from an address line: "user@example.jp", "user@example.jp:"
 * (Exim 3), "user@example.jp: text" (the error follows on the line). */
static Block *
block_new (const char *line)
{
  Block *block = g_new0 (Block, 1);
  const char *p = line + strspn (line, " \t");
  const char *end;

  block->error = g_string_new (NULL);
  if (g_ascii_strncasecmp (p, "an undisclosed address", 22) == 0 ||
      g_ascii_strncasecmp (p, "pipe to ", 8) == 0 ||
      g_ascii_strncasecmp (p, "save to ", 8) == 0 || *p == '/' || *p == '|')
    {
      /* Not an address: the address is in "generated by/from" below. */
      block->address = g_strdup ("");
      g_string_append (block->error, p);
      return block;
    }
  end = p + strcspn (p, " \t");
  if (end > p && end[-1] == ':')
    block->address = g_strndup (p, end - p - 1);
  else if (*end == '\0')
    block->address = g_strndup (p, end - p);
  else
    {
      const char *colon = strstr (p, ": ");
      /* "user@example.jp <original@example.org>: error" */
      block->address = g_strndup (p, (colon ? colon : end) - p);
      end = colon ? colon + 1 : end;
    }
  end += strspn (end, " \t");
  if (*end)
    g_string_append (block->error, end);
  return block;
}

/* "(generated from user@example.jp)" or "generated by user@example.jp". */
static char *
generated_from (const char *line)
{
  const char *p = line + strspn (line, " \t");
  gboolean paren = *p == '(';

  if (paren)
    p++;
  if (g_ascii_strncasecmp (p, "generated from ", 15) == 0)
    p += 15;
  else if (g_ascii_strncasecmp (p, "generated by ", 13) == 0)
    p += 13;
  else
    return NULL;
  return g_strndup (p, strcspn (p, paren ? ")" : " \t"));
}

/* Reads the address blocks after a list heading, until the list ends at a
 * line less indented than the addresses, or at prose after a blank line
 * (an address line holds an '@' or a path). NULL when the list is not
 * Exim's. */
static GPtrArray *
read_blocks (char **lines)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  Block *block = NULL;
  int address_indent = -1;

  for (char **line = lines; *line; line++)
    {
      int indent;

      if (is_blank (*line))
        continue;
      indent = indent_of (*line);
      if (address_indent < 0)
        {
          /* Exim indents addresses; an unindented line is other prose. */
          if (indent == 0)
            break;
          address_indent = indent;
        }
      if (indent < address_indent)
        break;
      if (indent == address_indent)
        {
          if (line > lines && is_blank (line[-1]) && block &&
              strchr (*line, '@') == NULL && strchr (*line, '/') == NULL)
            break;
          /* Exim prints addresses bare; "<a@b>: ..." is another MTA's
           * imitation of its wording. */
          if ((*line)[strspn (*line, " \t")] == '<')
            {
              g_ptr_array_unref (blocks);
              return NULL;
            }
          block = block_new (*line);
          g_ptr_array_add (blocks, block);
          continue;
        }
      {
        char *generated = generated_from (*line);
        if (generated)
          {
            g_free (block->alias);
            block->alias = generated;
            continue;
          }
      }
      if (block->error->len)
        g_string_append_c (block->error, '\n');
      g_string_append (block->error, *line + strspn (*line, " \t"));
    }
  return blocks;
}

/* The SMTP command that a phrase of Exim names after "after" or "in
 * response to" (transports/smtp.c). */
static const struct {
  const char *words;
  const char *command;
} commands[] = {
  { "RCPT TO", "RCPT" },
  { "MAIL FROM", "MAIL" },
  { "end of data", "DATA" },
  { "DATA", "DATA" },
  { "BDAT", "BDAT" },
  { "initial connection", "CONN" },
  { "EHLO", "EHLO" },
  { "HELO", "HELO" },
  { "STARTTLS", "STARTTLS" },
  { "AUTH", "AUTH" },
};

/* The command named at @p ("pipelined" aside); sets @after past its words. */
static const char *
command_at (const char *p, const char **after)
{
  if (g_ascii_strncasecmp (p, "pipelined ", 10) == 0)
    p += 10;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      gsize n = strlen (commands[i].words);
      if (g_ascii_strncasecmp (p, commands[i].words, n) == 0 && !g_ascii_isalnum (p[n]))
        {
          if (after)
            *after = p + n;
          return commands[i].command;
        }
    }
  return NULL;
}

static const char *
find_command (const char *error)
{
  static const char *const leads[] = { "after ", "in response to " };

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    for (const char *p = error; (p = _modori_text_find_nocase (p, leads[i])) != NULL; p++)
      {
        const char *command = command_at (p + strlen (leads[i]), NULL);
        if (command)
          return command;
      }
  return NULL;
}

static gboolean
is_host_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_';
}

/* "host NAME [IP]" -> NAME (lower-cased); sets @end past "]" and a ':'. */
static char *
find_host (const char *text, const char **end)
{
  for (const char *p = text; (p = _modori_text_find_nocase (p, "host ")) != NULL; p += 5)
    {
      const char *start = p + 5, *q = start, *close;

      if (p > text && g_ascii_isalnum (p[-1]))
        continue;
      while (is_host_char (*q))
        q++;
      if (q == start || memchr (start, '.', q - start) == NULL)
        continue;
      if (*q == ' ')
        q++;
      if (*q != '[')
        continue;
      if ((close = strchr (q, ']')) == NULL)
        return NULL;   /* no later "[IP]" can close either */
      if (end)
        {
          close++;
          if (*close == ':')
            close++;
          *end = close + strspn (close, " ");
        }
      return g_ascii_strdown (start, q - start - (q[-1] == ' '));
    }
  return NULL;
}

/* The remote server's reply in an error such as "SMTP error from remote
 * mail server after RCPT TO:<a@b>: host NAME [IP]: 550 5.1.1 ..." (all on
 * one line, whitespace collapsed), or NULL when there is none. */
static const char *
smtp_reply (const char *error)
{
  static const char *const leads[] = {
    "error from remote mail server after ",
    "error from remote mailer after ",
    "error from remote server after ",
    "LMTP error after ",
  };
  const char *p = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (leads) && p == NULL; i++)
    if ((p = _modori_text_find_nocase (error, leads[i])) != NULL)
      p += strlen (leads[i]);
  if (p == NULL)
    return NULL;
  command_at (p, &p);
  /* Past the command's argument, if any: "TO:<a@b>", "TO: <a@b>" (Exim 3),
   * "FROM:<a@b> SIZE=1543"; the clause ends at the next ':'. */
  if (*p == ':' && p[1 + strspn (p + 1, " ")] == '<')
    {
      const char *close = strchr (p, '>');
      p = close ? close + 1 : p + 1;
    }
  for (; *p; p++)
    if (*p == ':' && (p[1] == ' ' || p[1] == '\0'))
      break;
  if (*p == '\0')
    return NULL;
  p += 1 + strspn (p + 1, " ");
  if (g_ascii_strncasecmp (p, "host ", 5) == 0)
    {
      const char *after;
      char *host = find_host (p, &after);
      if (host && after)
        p = after;
      g_free (host);
    }
  return *p ? p : NULL;
}

/* The host that generated this bounce: "by NAME" of the first Received
 * line written "with local" (the bounce was submitted on that host). */
static char *
local_host (GMimeMessage *bounce)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (bounce));
  int count = headers ? g_mime_header_list_get_count (headers) : 0;
  GString *buffer = g_string_sized_new (256);
  char *host = NULL;

  for (int i = 0; i < count && host == NULL; i++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (headers, i);
      const char *value, *by, *start, *end;

      if (g_ascii_strcasecmp (g_mime_header_get_name (header), "Received") != 0 ||
          (value = _modori_mime_header_value (header, buffer)) == NULL ||
          _modori_text_find_nocase (value, " with local") == NULL)
        continue;
      for (by = value; (by = _modori_text_find_nocase (by, "by ")) != NULL; by += 3)
        {
          if (by > value && !g_ascii_isspace (by[-1]))
            continue;
          start = end = by + 3;
          while (is_host_char (*end))
            end++;
          if (end > start)
            host = g_ascii_strdown (start, end - start);
          break;
        }
    }
  g_string_free (buffer, TRUE);
  return host;
}

/* X-Failed-Recipients, split at commas and trimmed. */
static char **
failed_recipients (GMimeMessage *bounce)
{
  const char *value = g_mime_object_get_header (GMIME_OBJECT (bounce), "X-Failed-Recipients");
  GPtrArray *out = g_ptr_array_new ();
  char **parts;

  if (value)
    {
      parts = g_strsplit (value, ",", -1);
      for (char **part = parts; *part; part++)
        {
          char *address = g_strstrip (g_strdup (*part));
          if (*address)
            g_ptr_array_add (out, address);
          else
            g_free (address);
        }
      g_strfreev (parts);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* Exim names a local recipient by its local part alone; X-Failed-Recipients
 * holds the whole address. */
static char *
complete_address (const char *address, char **failed)
{
  gsize n = strlen (address);

  if (n == 0 || strchr (address, '@'))
    return g_strdup (address);
  for (char **f = failed; *f; f++)
    if (g_ascii_strncasecmp (*f, address, n) == 0 && (*f)[n] == '@')
      return g_strdup (*f);
  return g_strdup (address);
}

static void
add_block (GPtrArray *records, const Block *block, ListKind kind, char **failed,
           const char *lhost)
{
  char *error = _modori_text_collapse_space (block->error->str);
  const char *diagnostic = error, *reply, *command;
  char *recipient = complete_address (block->address, failed);
  ModoriRecord *record;
  char *rhost;

  if (g_ascii_strncasecmp (diagnostic, "Delay reason: ", 14) == 0)
    diagnostic += 14;
  /* Pipes, files and undisclosed addresses: the address they came from. */
  if (strchr (recipient, '@') == NULL && block->alias && strchr (block->alias, '@'))
    {
      g_free (recipient);
      recipient = g_strdup (block->alias);
    }
  if (*recipient == '\0')
    goto out;

  reply = smtp_reply (diagnostic);
  command = find_command (diagnostic);
  rhost = find_host (diagnostic, NULL);
  record = _modori_engine_add_record (records, "exim", recipient, reply ? reply : diagnostic);
  _modori_record_set (record, FIELD_ACTION, kind == LIST_DELAYED ? "delayed" : "failed");
  if (block->alias && g_ascii_strcasecmp (block->alias, recipient) != 0)
    _modori_record_take (record, FIELD_ALIAS, _modori_address_clean (block->alias));
  if (reply)
    _modori_record_set (record, FIELD_DIAGNOSTICTYPE, "SMTP");
  else
    record->own_words = TRUE;   /* Exim's router or transport: its own lookup */
  _modori_record_set (record, FIELD_COMMAND, command);
  _modori_record_take (record, FIELD_RHOST, rhost);
  _modori_record_set (record, FIELD_LHOST, lhost);
out:
  g_free (recipient);
  g_free (error);
}

/* "The subject of the message is: TEXT" of a delay warning, or NULL. */
static char *
warned_subject (char **lines)
{
  static const char lead[] = "The subject of the message is:";

  for (char **line = lines; *line; line++)
    if (g_ascii_strncasecmp (*line, lead, sizeof lead - 1) == 0)
      {
        char *raw = g_strstrip (g_strdup (*line + sizeof lead - 1));
        char *subject = g_mime_utils_header_decode_text (_modori_mime_parser_options (), raw);
        g_free (raw);
        return subject;
      }
  return NULL;
}

static gboolean
exim_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  char **lines, **failed, *lhost;
  ListKind kind = LIST_NONE;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  lines = g_strsplit (text.report, "\n", -1);
  failed = failed_recipients (bounce);
  lhost = local_host (bounce);

  for (char **line = lines; *line; line++)
    {
      GPtrArray *blocks;

      if ((kind = list_heading (*line)) == LIST_NONE)
        continue;
      if ((blocks = read_blocks (line + 1)) == NULL)
        {
          kind = LIST_NONE;
          break;
        }
      for (guint i = 0; i < blocks->len; i++)
        add_block (records, g_ptr_array_index (blocks, i), kind, failed, lhost);
      g_ptr_array_unref (blocks);
      break;
    }

  /* A template without the list still names them in the header. */
  if (records->len == before && kind != LIST_NONE)
    for (char **f = failed; *f; f++)
      {
        ModoriRecord *record = _modori_engine_add_record (records, "exim", *f, NULL);
        _modori_record_set (record, FIELD_ACTION, kind == LIST_DELAYED ? "delayed" : "failed");
        _modori_record_set (record, FIELD_LHOST, lhost);
      }

  {
    /* A warning returns no copy but names the subject: read once. */
    char *subject = text.original == NULL && records->len > before ? warned_subject (lines) : NULL;

    for (guint i = before; i < records->len; i++)
      {
        ModoriRecord *record = g_ptr_array_index (records, i);

        _modori_engine_set_original (record, text.original);
        if (text.original == NULL)
          _modori_record_set (record, FIELD_SUBJECT, subject);
      }
    g_free (subject);
  }

  g_free (lhost);
  g_strfreev (failed);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_exim = {
  .name = "exim",
  .sniff = exim_sniff,
  .parse = exim_parse,
  .signature = &signature,
};
