/* mailfoundry.c: MailFoundry gateway reports, subject "Message delivery
 * has failed", Received "... (MAILFOUNDRY) id ...":
 *
 *   Unable to deliver message to: <user@example.org>
 *   Delivery failed for the following reason:
 *   mx.example.org[192.0.2.1] responded with failure: 552 sorry, ...
 *   (or: Server mx.example.org[192.0.2.1] failed with: 550 ...)
 *
 *   This has been a permanent failure.  No further delivery attempts will be made. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "mailfoundry"

static const char *const received[] = { "(MAILFOUNDRY)", NULL };
static const ModoriHeaderFact mailfoundry_marks[] = {
  { "Received", received },
  { NULL },
};
static const ModoriSignature signature = { .all = mailfoundry_marks };

/* From "HOST[IP] responded with failure: 552 ..." the host and the reply. */
static void
read_server_words (ModoriRecord *record, const char *diagnostic)
{
  static const char *const leads[] = { "responded with failure:", "failed with:" };

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    {
      const char *lead = _modori_text_find_nocase (diagnostic, leads[i]);
      const char *bracket, *start;
      char code[4];

      if (lead == NULL)
        continue;
      if (_modori_text_find_reply_code (lead + strlen (leads[i]), code))
        _modori_record_set (record, FIELD_REPLYCODE, code);
      /* The host is the word before "[IP]" ahead of the lead. */
      bracket = memchr (diagnostic, '[', lead - diagnostic);
      if (bracket)
        {
          start = bracket;
          while (start > diagnostic && start[-1] != ' ')
            start--;
          if (start < bracket)
            _modori_record_take (record, FIELD_RHOST, g_ascii_strdown (start, bracket - start));
        }
      return;
    }
}

static gboolean
mailfoundry_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  char **lines;
  ModoriRecord *record = NULL;
  GString *reason = NULL;
  gboolean explained = FALSE;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (g_str_has_prefix (line, "Unable to deliver message to:") && strchr (line, '@'))
        {
          record = _modori_engine_add_record (records, ENGINE_NAME, line + 29, NULL);
          _modori_record_set (record, FIELD_ACTION, "failed");
        }
      else if (record && g_str_has_prefix (line, "Delivery failed for the following reason:"))
        {
          if (reason)
            g_string_free (reason, TRUE);
          reason = g_string_new (NULL);
          explained = TRUE;
        }
      else if (record && reason)
        {
          /* The reason is one paragraph. */
          if (line[0] == '\0' && reason->len > 0)
            {
              _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (reason->str));
              /* The record's copy: an empty text is not kept. */
              read_server_words (record, _modori_record_peek (record, FIELD_DIAGNOSTICCODE));
              g_string_free (reason, TRUE);
              reason = NULL;
            }
          else
            g_string_append_printf (reason, " %s", line);
        }
    }
  if (record && reason && reason->len > 0)
    {
      _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (reason->str));
      read_server_words (record, _modori_record_peek (record, FIELD_DIAGNOSTICCODE));
    }
  if (reason)
    g_string_free (reason, TRUE);
  /* Its notices always explain; a bare "Unable to deliver" line is not one. */
  if (!explained)
    g_ptr_array_set_size (records, before);

  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_mailfoundry = {
  .name = ENGINE_NAME,
  .signature = &signature,
  .parse = mailfoundry_parse,
};
