/* fml.c: notices of the fml mailing list manager (header X-MLServer, from
 * LIST-admin@, Message-ID "<...FML...>"): the list refused or dropped a
 * post, and says why in a line naming the list address:
 *
 *   You are not a member of this mailing list <list@example.org>.
 *   Duplicated Message-ID in <list@example.org>.
 *
 *   Original mail as follows:
 *
 * The original follows indented, so it is not parsed here. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "fml"

static const char *const admin[] = { "-admin@", NULL };
static const char *const message_id[] = { ".FML", NULL };
static const ModoriHeaderFact fml_marks[] = {
  { "X-MLServer", NULL },
  { "From", admin },
  { "Message-ID", message_id },
  { NULL },
};
static const ModoriSignature signature = { .all = fml_marks };

/* What fml says when it refuses or drops a post (in the subject or the
 * text); its other admin mail (command results, welcomes) says none. */
static const char *const refusals[] = {
  "are not member", "not a member of this mailing list", "NOT MEMBER article from",
  "reject mail", "reject spammers", "Spam mail from a spammer is rejected",
  "fml system error message", "Loop Alert:", "Loop Back Warning:", "UNIX FROM Loop",
  "has detected a loop condition", "header may cause mail loop",
  "Duplicated Message-ID", "Security Alert",
  NULL,
};

static gboolean
is_refusal (const char *text)
{
  for (guint i = 0; text && refusals[i]; i++)
    if (_modori_text_find_nocase (text, refusals[i]))
      return TRUE;
  return FALSE;
}

static gboolean
fml_parse (ModoriBounce *context, GPtrArray *records)
{
  static const char *const markers[] = { "Original mail as follows:", NULL };
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  char **lines;
  ModoriRecord *record = NULL;
  GString *diagnostic;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, markers, &text))
    return FALSE;
  if (!is_refusal (g_mime_object_get_header (GMIME_OBJECT (bounce), "Subject")) &&
      !is_refusal (text.report))
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }
  diagnostic = g_string_new (NULL);
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);
      const char *open = strchr (line, '<');
      const char *close = open ? strchr (open, '>') : NULL;

      if (line[0] == '\0')
        continue;
      /* A notice is about one post to one list: the first address is it;
       * later ones (the -ctl address of the guide text) are advice. */
      if (record == NULL && close && memchr (open, '@', close - open))
        {
          char *address = g_strndup (open + 1, close - open - 1);

          record = _modori_engine_add_record (records, ENGINE_NAME, address, NULL);
          _modori_record_set (record, FIELD_ACTION, "failed");
          g_free (address);
        }
      if (record)
        g_string_append_printf (diagnostic, " %s", line);
    }
  if (record)
    _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (diagnostic->str));

  g_string_free (diagnostic, TRUE);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_fml = {
  .name = ENGINE_NAME,
  .signature = &signature,
  .parse = fml_parse,
};
