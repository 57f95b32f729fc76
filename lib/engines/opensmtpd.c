/* opensmtpd.c: OpenSMTPD's plain-text bounces.
 *
 * OpenSMTPD versions that do not attach a delivery-status part write:
 *
 *       Hi!
 *
 *       This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.
 *
 *       An error has occurred while attempting to deliver a message for
 *       the following list of recipients:
 *
 *   ADDRESS: ERROR TEXT
 *
 *       Below is a copy of the original message:
 *
 * under the Subject "Delivery status notification: KIND", KIND telling
 * failure (error/failed), delay (warning/delayed) or success. Versions that
 * do attach one are read by the rfc3464 engine. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "opensmtpd"
#define SUBJECT_LEAD "Delivery status notification:"

static const char *const original_markers[] = {
  "Below is a copy of the original message",
  NULL,
};

static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
static const ModoriHeaderFact opensmtpd_marks[] = {
  { "Subject", subject_lead },
  { NULL },
};
static const ModoriSignature signature = { .all = opensmtpd_marks };

/* The signature finds the title anywhere: it must lead the Subject. */
static gboolean
opensmtpd_sniff (ModoriBounce *context)
{
  const char *subject = g_mime_message_get_subject (_modori_bounce_get_message (context));

  return subject && g_ascii_strncasecmp (subject, SUBJECT_LEAD, strlen (SUBJECT_LEAD)) == 0;
}

/* The Action the Subject's last word stands for. */
static const char *
action_of (const char *subject)
{
  static const struct { const char *word; const char *action; } kinds[] = {
    { "error", "failed" }, { "failed", "failed" },
    { "warning", "delayed" }, { "delayed", "delayed" },
    { "success", "delivered" }, { "delivered", "delivered" },
    { "relayed", "relayed" },
  };
  const char *kind = subject + strlen (SUBJECT_LEAD);

  while (*kind == ' ')
    kind++;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strncasecmp (kind, kinds[i].word, strlen (kinds[i].word)) == 0)
      return kinds[i].action;
  return "failed";
}

static gboolean
opensmtpd_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  const char *line, *action;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  if (!_modori_text_find_nocase (text.report, "This is the MAILER-DAEMON, please DO NOT REPLY") ||
      (line = _modori_text_find_nocase (text.report, "list of recipients:")) == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }
  action = action_of (g_mime_message_get_subject (bounce));

  /* Unindented "ADDRESS: ERROR" lines; the template's own lines are indented. */
  for (line = strchr (line, '\n'); line; line = strchr (line, '\n'))
    {
      const char *start = ++line, *eol = strchr (start, '\n');
      gssize length = eol ? eol - start : (gssize) strlen (start);
      const char *colon;
      char *address, *error;
      ModoriRecord *record;

      if (*start == '\0' || g_ascii_isspace (*start))
        continue;
      if ((colon = g_strstr_len (start, length, ": ")) == NULL)
        continue;
      address = g_strndup (start, colon - start);
      if (strchr (address, '@') == NULL || strchr (address, ' '))
        {
          g_free (address);
          continue;
        }
      error = eol ? g_strndup (colon + 2, eol - colon - 2) : g_strdup (colon + 2);
      record = _modori_engine_add_record (records, ENGINE_NAME, address, error);
      _modori_record_set (record, FIELD_ACTION, action);
      _modori_engine_set_original (record, text.original);
      g_free (address);
      g_free (error);
    }

  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_opensmtpd = {
  .name = ENGINE_NAME,
  .sniff = opensmtpd_sniff,
  .parse = opensmtpd_parse,
  .signature = &signature,
};
