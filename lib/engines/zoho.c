/* zoho.c: Zoho Mail's bounces. A permanent failure lists
 *
 *   user@example.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 ...
 *
 * and a delay notice
 *
 *   [Status: Error, Address: <user@example.jp>, ResponseCode 421, , Host not reachable.]
 *
 * each followed by the original's headers (written "Received:from ...")
 * with no separator line. */
#include <string.h>

#include "../mime-util.h"
#include "../text.h"
#include "text-bounce.h"

static const char *const zoho_mailer[] = { "Zoho Mail", NULL };
static const char *const mailer_daemon[] = { "mailer-daemon@", NULL };
static const char *const error_code = "ERROR_CODE :";

static const ModoriHeaderFact from_daemon[] = {
  { "From", mailer_daemon },
  { NULL },
};
static const ModoriHeaderFact zoho_marks[] = {
  { "X-Mailer", zoho_mailer },
  { "X-ZohoMail", NULL },
  { NULL },
};
static const ModoriSignature signature = { .all = from_daemon, .any = zoho_marks };

/* Copies the three-digit reply code at @p into @code. */
static gboolean
reply_code_at (const char *p, char *code)
{
  if ((p[0] == '2' || p[0] == '4' || p[0] == '5') && g_ascii_isdigit (p[1]) &&
      g_ascii_isdigit (p[2]) && !g_ascii_isdigit (p[3]))
    {
      memcpy (code, p, 3);
      code[3] = '\0';
      return TRUE;
    }
  return FALSE;
}

/* "Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <...>... User Unknown":
 * the first ERROR_CODE holds the reply code, the last the server's text. */
static void
add_permanent (GPtrArray *records, const char *recipient, const char *rest, ModoriOriginal *original)
{
  char *text = _modori_text_collapse_space (rest);
  const char *first = _modori_text_find_nocase (text, error_code), *last = NULL;
  char code[4] = "";
  ModoriRecord *record;

  for (const char *p = first; p; p = _modori_text_find_nocase (p + 1, error_code))
    last = p;
  if (first && !reply_code_at (first + strlen (error_code), code))
    code[0] = '\0';
  if (last && last != first)
    {
      char *words = g_strdup_printf ("%s %s", code, last + strlen (error_code));
      record = _modori_engine_add_record (records, "zoho", recipient, words);
      g_free (words);
    }
  else
    record = _modori_engine_add_record (records, "zoho", recipient, text);
  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_record_set (record, FIELD_REPLYCODE, code);
  _modori_engine_set_original (record, original);
  g_free (text);
}

/* "[Status: Error, Address: <a@b>, ResponseCode 421, , Host not reachable.]" */
static void
add_delayed (GPtrArray *records, const char *line, ModoriOriginal *original)
{
  const char *address = _modori_text_find_nocase (line, "Address:");
  const char *response = _modori_text_find_nocase (line, "ResponseCode ");
  const char *text = response;
  char *recipient, code[4] = "";
  ModoriRecord *record;

  if (address == NULL)
    return;
  address += strlen ("Address:");
  recipient = g_strndup (address, strcspn (address, ",]"));
  if (response)
    {
      response += strlen ("ResponseCode ");
      if (!reply_code_at (response, code))
        code[0] = '\0';
      /* The remaining comma-separated fields, empty ones skipped. */
      text = response + strcspn (response, ",");
      while (*text == ',' || *text == ' ')
        text++;
    }
  {
    char *diagnostic = text ? g_strndup (text, strcspn (text, "]")) : NULL;
    record = _modori_engine_add_record (records, "zoho", recipient, diagnostic);
    g_free (diagnostic);
  }
  _modori_record_set (record, FIELD_ACTION, "delayed");
  _modori_record_set (record, FIELD_REPLYCODE, code);
  _modori_engine_set_original (record, original);
  g_free (recipient);
}

/* The returned headers start at the first line beginning "Received:";
 * moves them out of @text->report into @text->original. */
static void
split_original (TextBounce *text)
{
  const char *p = text->report;

  while (p && g_ascii_strncasecmp (p, "Received:", strlen ("Received:")) != 0)
    {
      p = strchr (p, '\n');
      p = p ? p + 1 : NULL;
    }
  if (p == NULL)
    return;
  /* Read as a message's own header block (GMime would parse it so). */
  text->original = _modori_original_read (p, strlen (p), MODORI_ORIGINAL_ALONE, MODORI_ORIGINAL_LIMIT);
  text->report[p - text->report] = '\0';
}

static gboolean
zoho_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  char **lines;
  char *recipient = NULL;
  GString *rest;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  rest = g_string_new (NULL);
  split_original (&text);

  lines = g_strsplit (text.report, "\n", -1);
  for (char **line = lines; *line; line++)
    {
      char *stripped = g_strstrip (*line);
      gsize token = strcspn (stripped, " \t");

      if (g_str_has_prefix (stripped, "[Status:"))
        add_delayed (records, stripped, text.original);
      else if (token > 0 && memchr (stripped, '@', token) && stripped[token] != '\0' &&
               _modori_text_find_nocase (stripped, error_code))
        {
          if (recipient)
            add_permanent (records, recipient, rest->str, text.original);
          g_free (recipient);
          recipient = g_strndup (stripped, token);
          g_string_assign (rest, stripped + token);
        }
      else if (recipient && stripped[0])
        g_string_append_printf (rest, " %s", stripped);
      else if (recipient)
        {
          add_permanent (records, recipient, rest->str, text.original);
          g_clear_pointer (&recipient, g_free);
        }
    }
  if (recipient)
    add_permanent (records, recipient, rest->str, text.original);

  g_free (recipient);
  g_string_free (rest, TRUE);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_zoho = {
  .name = "zoho",
  .signature = &signature,
  .parse = zoho_parse,
};
