/* mfilter.c: Digital Arts m-FILTER's "failure notice" (Japanese text).
 *
 *   (Japanese: this mail could not be sent to the following addresses.)
 *   user@example.jp
 *
 *   -------server message
 *   550 5.1.1 <user@example.jp>... User unknown
 *
 *   -------SMTP command
 *   DATA
 *
 *   -------original message      (or "-------original mail info")
 */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

static const char *const original_markers[] = {
  "-------original message",
  "-------original mail info",
  NULL,
};

#define MAILER "m-FILTER"

static const char *const mailer_name[] = { MAILER, NULL };
static const ModoriHeaderFact mfilter_marks[] = {
  { "X-Mailer", mailer_name },
  { NULL },
};
static const ModoriSignature signature = { .all = mfilter_marks };

/* The signature ignores case and looks at every X-Mailer: the first, as written. */
static gboolean
mfilter_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *mailer = g_mime_object_get_header (GMIME_OBJECT (bounce), "X-Mailer");

  return mailer && strstr (mailer, MAILER) != NULL;
}

/* A line that is one bare address. */
static gboolean
is_address_line (const char *line)
{
  const char *at = strchr (line, '@');

  return at && at > line && at[1] && strpbrk (line, " \t<>()\"") == NULL;
}

static const char *
command_word (const char *line)
{
  static const char *const known[] = { "CONN", "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "STARTTLS", "AUTH" };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strncasecmp (line, known[i], strlen (known[i])) == 0 &&
        !g_ascii_isalnum (line[strlen (known[i])]))
      return known[i];
  return NULL;
}

static gboolean
mfilter_parse (ModoriBounce *context, GPtrArray *records)
{
  enum { NONE, SERVER_MESSAGE, COMMAND } section = NONE;
  TextBounce text;
  GString *server = g_string_new (NULL);
  const char *command = NULL;
  guint first = records->len;
  char **split, *diagnostic;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    {
      g_string_free (server, TRUE);
      return FALSE;
    }

  split = g_strsplit (text.report, "\n", -1);
  for (guint i = 0; split[i]; i++)
    {
      const char *line = g_strstrip (split[i]);

      if (g_str_has_prefix (line, "-------server message"))
        section = SERVER_MESSAGE;
      else if (g_str_has_prefix (line, "-------SMTP command"))
        section = COMMAND;
      else if (line[0] == '\0')
        {
          if (server->len > 0 || section == COMMAND)
            section = NONE;
        }
      else if (section == SERVER_MESSAGE)
        {
          g_string_append (server, line);
          g_string_append_c (server, ' ');
        }
      else if (section == COMMAND)
        {
          command = command ? command : command_word (line);
        }
      else if (server->len == 0 && is_address_line (line))
        _modori_engine_add_record (records, "mfilter", line, NULL);
    }

  /* One server message and command for the listed recipients. */
  diagnostic = _modori_record_cut_diagnostic (_modori_text_collapse_space (server->str));
  for (guint i = first; i < records->len; i++)
    {
      ModoriRecord *record = g_ptr_array_index (records, i);

      _modori_record_set (record, FIELD_DIAGNOSTICCODE, diagnostic);
      _modori_record_set (record, FIELD_ACTION, "failed");
      _modori_record_set (record, FIELD_COMMAND, command);
      if (server->len > 0)
        _modori_record_set (record, FIELD_DIAGNOSTICTYPE, "SMTP");
      _modori_engine_set_original (record, text.original);
    }

  g_free (diagnostic);
  g_strfreev (split);
  g_string_free (server, TRUE);
  _modori_text_bounce_clear (&text);
  return records->len > first;
}

const ModoriEngine _modori_engine_mfilter = {
  .name = "mfilter",
  .sniff = mfilter_sniff,
  .parse = mfilter_parse,
  .signature = &signature,
};
