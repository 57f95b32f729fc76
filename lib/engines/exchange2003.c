/* exchange2003.c: Microsoft Exchange 5.5/2000/2003 non-delivery reports in
 * plain text:
 *
 *   Your message                    (or "Your message did not reach some
 *     To: / Subject: / Sent:         or all of the intended recipients.")
 *   did not reach the following recipient(s):
 *                                   (or "The following recipient(s)
 *                                    could not be reached:")
 *   ADDRESS on DATE
 *       explanation lines, "MSEXCH:..." code, or "<host #5.1.1>"
 *
 * Long lines are wrapped without indentation; the wrapped part belongs
 * to the line before it. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "exchange2003"

static const char *const mailers[] = {
  "Internet Mail Service (",
  "Microsoft Exchange Server Internet Mail Connector",
  NULL,
};
static const char *const mimeole[] = { "Produced By Microsoft Exchange", NULL };
static const char *const received[] = { " with Internet Mail Service (", NULL };
static const char *const subjects[] = { "Undeliverable:", NULL };
static const ModoriHeaderFact exchange_marks[] = {
  { "X-MS-Embedded-Report", NULL },
  { "X-Mailer", mailers },
  { "X-MimeOLE", mimeole },
  { "Received", received },
  /* Exchange's own subject; parse() still needs the body phrases. */
  { "Subject", subjects },
  { NULL },
};
static const ModoriSignature signature = { .any = exchange_marks };

/* "kijitora@example.jp on Thu, 29 Apr 2007 ..." or the X.400 form
 * "c=US;a= ;p=org;o=site;cat:SMTP=kijitora@example.com; on 4/29/99":
 * the address (newly allocated) and where the date starts, or NULL. */
static char *
recipient_line (const char *line, const char **date)
{
  const char *start = line + strspn (line, " \t");
  const char *on = strstr (start, " on ");
  const char *smtp;
  char *word, *address = NULL;

  if (on == NULL || on == start)
    return NULL;
  word = g_strndup (start, on - start);
  if ((smtp = _modori_text_find_nocase (word, ":SMTP=")) != NULL)
    {
      char *end;
      address = g_strdup (smtp + 6);
      if ((end = strchr (address, ';')) != NULL)
        *end = '\0';
    }
  else if (strchr (word, '@') &&
           (!strpbrk (word, " \t") || g_str_has_suffix (word, ">") || g_str_has_suffix (word, ")")))
    address = _modori_address_clean (word);   /* "a@b", "'a@b'", "Name <a@b>" */
  g_free (word);

  if (address && (address[0] == '\0' || !strchr (address, '@')))
    g_clear_pointer (&address, g_free);
  if (address)
    *date = on + 4;
  return address;
}

/* The record's diagnostic, and the remote server's reply code Exchange
 * quotes after "smtp;" ("<host #5.5.0 smtp;554 <a@b>: Relay access
 * denied>"). */
static void
set_diagnostic (ModoriRecord *record, const char *diagnostic)
{
  const char *smtp = _modori_text_find_nocase (diagnostic, "smtp;");

  _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (diagnostic));
  if (smtp)
    {
      const char *code = smtp + 5;
      if ((code[0] == '4' || code[0] == '5') && g_ascii_isdigit (code[1]) && g_ascii_isdigit (code[2]) &&
          !g_ascii_isdigit (code[3]))
        {
          char reply[4] = { code[0], code[1], code[2], '\0' };
          _modori_record_set (record, FIELD_REPLYCODE, reply);
        }
    }
}

typedef enum { LAST_NONE, LAST_DIAGNOSTIC, LAST_MTS_ID } LastLine;

static gboolean
exchange2003_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  char **lines;
  gboolean started = FALSE, listing = FALSE, blank_before = FALSE;
  LastLine last = LAST_NONE;
  GString *diagnostic;
  ModoriRecord *record = NULL;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  diagnostic = g_string_new (NULL);
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *date = NULL;
      char *address;

      if (!started)
        {
          started = g_str_has_prefix (line + strspn (line, " \t"), "Your message");
          continue;
        }
      if (!listing)
        {
          listing = _modori_text_find_nocase (line, "did not reach the following recipient(s):") ||
                    _modori_text_find_nocase (line, "following recipient(s) could not be reached:");
          continue;
        }

      if (line[strspn (line, " \t")] == '\0')
        {
          blank_before = TRUE;
          continue;
        }
      if ((address = recipient_line (line, &date)) != NULL)
        {
          if (record)
            set_diagnostic (record, diagnostic->str);
          g_string_truncate (diagnostic, 0);
          record = _modori_engine_add_record (records, ENGINE_NAME, address, NULL);
          _modori_record_set (record, FIELD_ACTION, "failed");
          _modori_record_set_date (record, date);
          g_free (address);
          last = LAST_NONE;
        }
      else if (record == NULL)
        ;
      else if (line[0] == ' ' || line[0] == '\t')
        {
          /* The MTS-ID names the message, not the failure. */
          if (strstr (line, "The MTS-ID of the original message is:"))
            last = LAST_MTS_ID;
          else
            {
              g_string_append_c (g_string_append (diagnostic, line), ' ');
              last = LAST_DIAGNOSTIC;
            }
        }
      else if (!blank_before && last == LAST_DIAGNOSTIC)
        g_string_append_c (g_string_append (diagnostic, line), ' ');
      else if (blank_before)
        break;   /* unindented text after a gap: the list is over */
      blank_before = FALSE;
    }
  if (record)
    set_diagnostic (record, diagnostic->str);

  g_string_free (diagnostic, TRUE);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_exchange2003 = {
  .name = ENGINE_NAME,
  .signature = &signature,
  .parse = exchange2003_parse,
};
