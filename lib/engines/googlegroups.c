/* googlegroups.c: Google Groups' refusals of a post (the group does not
 * exist, or the sender may not post to it). Sent by Gmail's
 * mailer-daemon in the sender's language; only the headers are fixed. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

static const char *const original_markers[] = { "----- Original message -----", NULL };
static const char *const from_mailer_daemon[] = {
  "mailer-daemon@googlemail.com",
  "mailer-daemon@google.com",
  NULL,
};
static const char *const group_domain[] = { "@googlegroups.com", NULL };

static const ModoriHeaderFact group_marks[] = {
  { "From", from_mailer_daemon },
  { "X-Failed-Recipients", group_domain },
  { NULL },
};
static const ModoriSignature signature = { .all = group_marks };

static gboolean
googlegroups_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *failed = g_mime_object_get_header (GMIME_OBJECT (bounce), "X-Failed-Recipients");
  TextBounce text;
  char **list;
  guint before = records->len;

  if (failed == NULL || !_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;

  list = g_strsplit (failed, ",", -1);
  for (char **item = list; *item; item++)
    {
      ModoriRecord *record;

      if (strchr (*item, '@') == NULL)
        continue;
      /* The localized letter is the only explanation there is. */
      record = _modori_engine_add_record (records, "googlegroups", *item, text.report);
      _modori_record_set (record, FIELD_ACTION, "failed");
      _modori_engine_set_original (record, text.original);
      /* The notice always means the group refused the post, whatever
       * language it is written in. */
      record->reason = MODORI_REASON_REJECTED;
      _modori_record_set (record, FIELD_REASONBY, "engine:googlegroups");
    }
  g_strfreev (list);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_googlegroups = {
  .name = "googlegroups",
  .signature = &signature,
  .parse = googlegroups_parse,
};
