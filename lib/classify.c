/* classify.c: weigh the evidence of a record into a reason. */
#include <string.h>

#include "classify.h"
#include "matcher.h"

static const Matcher *
phrase_matcher (void)
{
  static gsize once = 0;
  static Matcher *matcher;

  if (g_once_init_enter (&once))
    {
      const char **phrases = g_new (const char *, _modori_n_phrase_rules);
      for (guint i = 0; i < _modori_n_phrase_rules; i++)
        phrases[i] = _modori_phrase_rules[i].phrase;
      matcher = _modori_matcher_new (phrases, _modori_n_phrase_rules);
      g_free (phrases);
      g_once_init_leave (&once, 1);
    }
  return matcher;
}

const StatusRule *
_modori_status_rule_lookup (const char *code)
{
  const char *subject_detail;

  if (code == NULL || code[0] == '\0' || code[1] != '.')
    return NULL;
  subject_detail = code + 2;
  for (guint i = 0; i < _modori_n_status_rules; i++)
    if (strcmp (_modori_status_rules[i].subject_detail, subject_detail) == 0)
      return &_modori_status_rules[i];
  /* "6.*": the subject's default, unless the code is the generic X.0.0. */
  if (strcmp (subject_detail, "0.0") != 0 && g_ascii_isdigit (subject_detail[0]) && subject_detail[1] == '.')
    for (guint i = 0; i < _modori_n_status_rules; i++)
      {
        const char *key = _modori_status_rules[i].subject_detail;
        if (key[0] == subject_detail[0] && strcmp (key + 1, ".*") == 0)
          return &_modori_status_rules[i];
      }
  return NULL;
}

const PhraseRule *
_modori_phrase_rule_lookup (const char *text)
{
  int index;

  if (text == NULL || text[0] == '\0')
    return NULL;
  index = _modori_matcher_first (phrase_matcher (), text);
  return index >= 0 ? &_modori_phrase_rules[index] : NULL;
}

static const ReplyRule *
reply_rule_lookup (const char *code)
{
  for (guint i = 0; i < _modori_n_reply_rules; i++)
    if (strcmp (_modori_reply_rules[i].code, code) == 0)
      return &_modori_reply_rules[i];
  return NULL;
}

gboolean
_modori_is_hard_bounce (ModoriReason reason, gboolean permanent)
{
  switch (reason)
    {
    case MODORI_REASON_USER_UNKNOWN:
    case MODORI_REASON_HOST_UNKNOWN:
    case MODORI_REASON_HAS_MOVED:
    case MODORI_REASON_NOT_ACCEPT:
      return permanent;
    default:
      return FALSE;
    }
}

/* A failure is temporary when the server said so (4.x.x, 4xx) or the
 * report is only a delay notice. */
static gboolean
is_permanent (const ModoriRecord *record)
{
  const char *status = _modori_record_peek (record, FIELD_DELIVERYSTATUS);
  const char *reply = _modori_record_peek (record, FIELD_REPLYCODE);

  if (strcmp (_modori_record_peek (record, FIELD_ACTION), "delayed") == 0)
    return FALSE;
  if (status[0] != '\0')
    return status[0] == '5';
  if (reply[0] != '\0')
    return reply[0] == '5';
  return TRUE;
}

static void
decide (ModoriRecord *record, ModoriReason reason, char *reasonby)
{
  record->reason = reason;
  _modori_record_take (record, FIELD_REASONBY, reasonby);
}

/* Conflicts settled on purpose, after the evidence is weighed. */
static void
resolve_conflicts (ModoriRecord *record)
{
  const char *reasonby = _modori_record_peek (record, FIELD_REASONBY);
  gboolean from_text = g_str_has_prefix (reasonby, "phrase:");

  /* The recipient passed RCPT; "unknown user" after DATA is the
   * recipient's filter speaking (mobile carriers answer so). */
  if (record->reason == MODORI_REASON_USER_UNKNOWN && from_text &&
      strcmp (_modori_record_peek (record, FIELD_COMMAND), "DATA") == 0)
    {
      record->reason = MODORI_REASON_FILTERED;
      _modori_record_take (record, FIELD_REASONBY, g_strconcat (reasonby, ",command:DATA", NULL));
    }
  /* A domain that "does not exist" only for now is a DNS failure. */
  else if (record->reason == MODORI_REASON_HOST_UNKNOWN && !is_permanent (record) &&
           !g_str_has_prefix (reasonby, "engine:"))
    {
      record->reason = MODORI_REASON_NETWORK_ERROR;
      _modori_record_take (record, FIELD_REASONBY, g_strconcat (reasonby, ",temporary", NULL));
    }
}

void
_modori_classify (ModoriRecord *record)
{
  const char *action = _modori_record_peek (record, FIELD_ACTION);
  const char *status = _modori_record_peek (record, FIELD_DELIVERYSTATUS);
  const char *reply = _modori_record_peek (record, FIELD_REPLYCODE);
  const StatusRule *status_rule = _modori_status_rule_lookup (status);
  const PhraseRule *phrase_rule;
  const ReplyRule *reply_rule;

  if (_modori_record_is_set (record, FIELD_REASONBY))
    ; /* The engine knew from the format itself ("engine:arf"): keep it. */
  else if (strcmp (action, "delivered") == 0 || strcmp (action, "relayed") == 0 ||
      strcmp (action, "expanded") == 0 || status[0] == '2')
    decide (record, MODORI_REASON_DELIVERED,
            g_strconcat ("action:", action[0] ? action : "delivered", NULL));
  else if (status_rule && status_rule->decisive)
    decide (record, status_rule->reason, g_strconcat ("status:", status, NULL));
  else if ((phrase_rule = _modori_phrase_rule_lookup (
                _modori_record_peek (record, FIELD_DIAGNOSTICCODE))) != NULL)
    decide (record, phrase_rule->reason, g_strconcat ("phrase:", phrase_rule->phrase, NULL));
  else if (g_ascii_strcasecmp (_modori_record_peek (record, FIELD_DIAGNOSTICTYPE), "X-UNIX") == 0)
    decide (record, MODORI_REASON_MAILER_ERROR, g_strdup ("type:X-UNIX"));
  else if (status_rule)
    decide (record, status_rule->reason, g_strconcat ("status:", status, NULL));
  else if (reply[0] && (reply_rule = reply_rule_lookup (reply)) != NULL)
    decide (record, reply_rule->reason, g_strconcat ("reply:", reply, NULL));
  else
    decide (record, MODORI_REASON_UNDEFINED, g_strdup ("default"));

  resolve_conflicts (record);
  record->hard_bounce = _modori_is_hard_bounce (record->reason, is_permanent (record));
}
