/* classify.c: weigh the evidence of a record into a reason. */
#include <stdlib.h>
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

static const Matcher *
provider_matcher (void)
{
  static gsize once = 0;
  static Matcher *matcher;

  if (g_once_init_enter (&once))
    {
      const char **phrases = g_new (const char *, _modori_n_provider_rules);
      for (guint i = 0; i < _modori_n_provider_rules; i++)
        phrases[i] = _modori_provider_rules[i].phrase ? _modori_provider_rules[i].phrase : "";
      matcher = _modori_matcher_new (phrases, _modori_n_provider_rules);
      g_free (phrases);
      g_once_init_leave (&once, 1);
    }
  return matcher;
}

/* Whether @host is @domain or a name under it. */
static gboolean
host_in_domain (const char *host, const char *domain, gsize domain_len)
{
  gsize host_len = strlen (host);

  if (host_len < domain_len || g_ascii_strncasecmp (host + host_len - domain_len, domain, domain_len) != 0)
    return FALSE;
  return host_len == domain_len || host[host_len - domain_len - 1] == '.';
}

const Provider *
_modori_provider_lookup (const char *rhost, const char *destination)
{
  for (guint i = 0; i < _modori_n_providers; i++)
    {
      const char *domain = _modori_providers[i].domains;
      while (*domain)
        {
          gsize len = strcspn (domain, " ");
          if ((rhost && host_in_domain (rhost, domain, len)) ||
              (destination && host_in_domain (destination, domain, len)))
            return &_modori_providers[i];
          domain += len;
          while (*domain == ' ')
            domain++;
        }
    }
  return NULL;
}

/* "7.606" as (7, 606); FALSE when @code is not subject.detail. */
static gboolean
parse_subject_detail (const char *code, guint *subject, guint *detail)
{
  char *end;

  *subject = (guint) strtoul (code, &end, 10);
  if (end == code || *end != '.' || !g_ascii_isdigit (end[1]))
    return FALSE;
  *detail = (guint) strtoul (end + 1, &end, 10);
  return *end == '\0';
}

static gboolean
status_in_range (const char *status, const ProviderRule *rule)
{
  guint subject, detail, from_subject, from_detail, to_subject, to_detail;

  if (rule->status_from == NULL)
    return TRUE;
  if (status[0] == '\0' || status[1] != '.' ||
      !parse_subject_detail (status + 2, &subject, &detail) ||
      !parse_subject_detail (rule->status_from, &from_subject, &from_detail) ||
      !parse_subject_detail (rule->status_to, &to_subject, &to_detail))
    return FALSE;
  return subject == from_subject && subject == to_subject && detail >= from_detail && detail <= to_detail;
}

const ProviderRule *
_modori_provider_rule_lookup (const Provider *provider, const char *status, const char *text)
{
  gboolean *found;
  const ProviderRule *rule = NULL;

  if (provider == NULL)
    return NULL;
  found = g_new0 (gboolean, _modori_n_provider_rules);
  _modori_matcher_all (provider_matcher (), text ? text : "", found);
  for (guint i = 0; i < _modori_n_provider_rules && rule == NULL; i++)
    {
      const ProviderRule *candidate = &_modori_provider_rules[i];
      if (strcmp (candidate->provider, provider->name) == 0 &&
          (candidate->phrase == NULL || found[i]) &&
          status_in_range (status ? status : "", candidate))
        rule = candidate;
    }
  g_free (found);
  return rule;
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
           !g_str_has_prefix (reasonby, "engine:") && !g_str_has_prefix (reasonby, "provider:"))
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
  const ProviderRule *provider_rule;

  if (_modori_record_is_set (record, FIELD_REASONBY))
    ; /* The engine knew from the format itself ("engine:arf"): keep it. */
  else if (strcmp (action, "delivered") == 0 || strcmp (action, "relayed") == 0 ||
      strcmp (action, "expanded") == 0 || status[0] == '2')
    decide (record, MODORI_REASON_DELIVERED,
            g_strconcat ("action:", action[0] ? action : "delivered", NULL));
  else if ((provider_rule = _modori_provider_rule_lookup (
                _modori_provider_lookup (_modori_record_peek (record, FIELD_RHOST),
                                         _modori_record_peek (record, FIELD_DESTINATION)),
                status, _modori_record_peek (record, FIELD_DIAGNOSTICCODE))) != NULL)
    decide (record, provider_rule->reason,
            g_strdup_printf ("provider:%s:%s", provider_rule->provider,
                             provider_rule->phrase ? provider_rule->phrase : status));
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
