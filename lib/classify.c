/* classify.c: weigh the evidence of a record into a reason. */
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "matcher.h"
#include "phrases.h"
#include "text.h"

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

/* Every provider domain to 1 + the index of the first provider that
 * lists it, and the longest domain's length: a host is looked up by its
 * few short suffixes instead of being compared with every domain. */
static GHashTable *provider_domains;
static gsize longest_provider_domain;

static void
index_provider_domains (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      provider_domains = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < _modori_n_providers; i++)
        {
          char **domains = g_strsplit (_modori_providers[i].domains, " ", -1);

          for (char **domain = domains; *domain; domain++)
            {
              char *lower = g_ascii_strdown (*domain, -1);

              longest_provider_domain = MAX (longest_provider_domain, strlen (lower));
              if (*lower && !g_hash_table_contains (provider_domains, lower))
                g_hash_table_insert (provider_domains, lower, GUINT_TO_POINTER (i + 1));
              else
                g_free (lower);
            }
          g_strfreev (domains);
        }
      g_assert (longest_provider_domain < 64);   /* provider_of_host()'s buffer */
      g_once_init_leave (&once, 1);
    }
}

/* The index of the first provider with a domain that @host is or is a
 * name under, or G_MAXUINT. Only the suffixes that start a label within
 * the longest domain's length of the end can be one: a bounded number
 * of lookups, however long @host is. */
static guint
provider_of_host (const char *host)
{
  char tail[64];
  gsize length, start;
  guint first = G_MAXUINT;

  if (host == NULL)
    return first;
  length = strlen (host);
  start = length > longest_provider_domain ? length - longest_provider_domain : 0;
  for (gsize i = start; i < length; i++)
    tail[i - start] = g_ascii_tolower (host[i]);
  tail[length - start] = '\0';
  for (gsize i = start; i < length; i++)
    if (i == 0 || host[i - 1] == '.')
      first = MIN (first, GPOINTER_TO_UINT (g_hash_table_lookup (provider_domains, tail + (i - start))) - 1);
  return first;
}

const Provider *
_modori_provider_lookup (const char *rhost, const char *destination)
{
  guint first;

  index_provider_domains ();
  first = MIN (provider_of_host (rhost), provider_of_host (destination));
  return first < _modori_n_providers ? &_modori_providers[first] : NULL;
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
_modori_provider_rule_lookup (const Provider *provider, const char *status, const char *text,
                              const char *command)
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
          (candidate->command == NULL || (command && strcmp (candidate->command, command) == 0)) &&
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
  const PhraseRule *specific, *weak;

  _modori_phrases_reason (text, &specific, &weak);
  return specific ? specific : weak;
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

/* Changes the reason, saying why after what decided it first
 * ("phrase:user unknown,command:DATA"). */
static void
overrule (ModoriRecord *record, ModoriReason reason, const char *why, const char *detail)
{
  const char *reasonby = _modori_record_peek (record, FIELD_REASONBY);

  record->reason = reason;
  _modori_record_take (record, FIELD_REASONBY, g_strconcat (reasonby, ",", why, detail, NULL));
}

/* What kind of evidence decided the reason, for the conflict rules. */
typedef enum {
  EVIDENCE_OWN_WORDS,   /* a delivered action or a provider's own code: taken as meant */
  EVIDENCE_STATUS,      /* a final or refinable status code (or words refining it) */
  EVIDENCE_WORDS,       /* a specific phrase, a program failure, the shape of the text */
  EVIDENCE_WEAK_WORDS,  /* generic wording that names no cause of its own */
  EVIDENCE_CODES,       /* only a generic status, a reply code, or nothing */
} Evidence;

/* A failure of the receiving system itself ("451 local error in
 * processing", "554 Transaction failed"): it refused nobody. */
static gboolean
says_system_failure (const ModoriRecord *record)
{
  return record->reason == MODORI_REASON_SYSTEM_ERROR || record->reason == MODORI_REASON_SYSTEM_FULL;
}

/* Conflicts settled on purpose, after the evidence is weighed.
 * @phrase_rule is the phrase that decided (EVIDENCE_WORDS), or NULL. */
static void
resolve_conflicts (ModoriRecord *record, Evidence evidence, const PhraseRule *phrase_rule)
{
  const char *command = _modori_record_peek (record, FIELD_COMMAND);
  const char *status = _modori_record_peek (record, FIELD_DELIVERYSTATUS);
  /* Generic wording says no more than a code does. */
  gboolean by_code_only = evidence == EVIDENCE_CODES || evidence == EVIDENCE_WEAK_WORDS;

  if (evidence == EVIDENCE_OWN_WORDS)
    return;

  /* A delay notice whose words name no cause: the message is still
   * being retried and will expire if nothing changes. */
  if (strcmp (_modori_record_peek (record, FIELD_ACTION), "delayed") == 0 && by_code_only)
    overrule (record, MODORI_REASON_EXPIRED, "action:", "delayed");

  /* Refused at MAIL FROM: whatever mailbox the text calls unknown is
   * the sender's own, and a refusal in codes or generic words only is a
   * refusal of the sender (RFC 5321 section 3.3: MAIL names the
   * reverse-path), unless it says the system itself failed. Words that
   * name another cause (a block list) stand. (An unknown host at MAIL
   * is left alone: transcripts often pin the command loosely.) */
  else if (strcmp (command, "MAIL") == 0 && record->reason != MODORI_REASON_REJECTED &&
           (record->reason == MODORI_REASON_USER_UNKNOWN || record->reason == MODORI_REASON_FILTERED ||
            (by_code_only && !says_system_failure (record))))
    overrule (record, MODORI_REASON_REJECTED, "command:", command);
  /* Refused on connecting or greeting, with no words that say more: the
   * server turned the sending host away. */
  else if ((strcmp (command, "CONN") == 0 || strcmp (command, "HELO") == 0 || strcmp (command, "EHLO") == 0) &&
           by_code_only && record->reason != MODORI_REASON_BLOCKED)
    overrule (record, MODORI_REASON_BLOCKED, "command:", command);
  /* "User unknown" in words only, with neither a refused RCPT nor an
   * X.1.x status behind it: the address was accepted and a filter
   * after it spoke (content filters, gateways and mobile carriers answer
   * unwanted mail so). A mail system's own directory statement is not
   * a filter, whether the phrase says so (PHRASE_OWN) or the engine
   * does (own_words). */
  else if (record->reason == MODORI_REASON_USER_UNKNOWN && phrase_rule && !(phrase_rule->flags & PHRASE_OWN) &&
           !record->own_words &&
           strcmp (command, "RCPT") != 0 && !(status[0] && g_str_has_prefix (status + 1, ".1.")))
    overrule (record, MODORI_REASON_FILTERED, command[0] ? "command:" : "no-rcpt", command);
  /* A domain that "does not exist" only for now is a DNS failure. */
  else if (record->reason == MODORI_REASON_HOST_UNKNOWN && !is_permanent (record))
    overrule (record, MODORI_REASON_NETWORK_ERROR, "temporary", "");
}

/* The host whose words the diagnostic text is: the remote MTA, or when
 * the report names none, the reporting MTA itself (a provider's own
 * server that gave up on its own mailbox). */
static const char *
answering_host (const ModoriRecord *record)
{
  const char *rhost = _modori_record_peek (record, FIELD_RHOST);

  return rhost[0] ? rhost : _modori_record_peek (record, FIELD_LHOST);
}

/* Whether @rule is for an "other or undefined" code (X.Y.0), which a
 * 500-504 reply naming the protocol error says better. */
static gboolean
is_other_or_undefined (const StatusRule *rule)
{
  return g_str_has_suffix (rule->subject_detail, ".0");
}

/* Decides by a status code; when words that say more were found, they
 * decide instead and reasonby names both ("phrase:over quota,over:5.1.1"). */
static void
decide_by_status (ModoriRecord *record, const StatusRule *rule, const char *status, const PhraseRule *words)
{
  if (words && words->reason != rule->reason)
    decide (record, words->reason, g_strdup_printf ("phrase:%s,over:%s", words->phrase, status));
  else
    decide (record, rule->reason, g_strconcat ("status:", status, NULL));
}

void
_modori_classify (ModoriRecord *record)
{
  const char *action = _modori_record_peek (record, FIELD_ACTION);
  const char *status = _modori_record_peek (record, FIELD_DELIVERYSTATUS);
  const char *reply = _modori_record_peek (record, FIELD_REPLYCODE);
  const char *text = _modori_record_peek (record, FIELD_DIAGNOSTICCODE);
  /* The words are read without a quoted multi-line reply's line
   * prefixes, which break them ("didn't pass SPF 550-5.7.27
   * authentication"). */
  g_autofree char *plain_text = _modori_text_without_continuations (text);
  const StatusRule *status_rule = _modori_status_rule_lookup (status);
  const PhraseRule *specific = NULL, *weak = NULL, *phrase_rule = NULL;
  const ReplyRule *reply_rule = reply[0] ? reply_rule_lookup (reply) : NULL;
  const ProviderRule *provider_rule;
  Evidence evidence = EVIDENCE_WORDS;
  char *domain;

  if (plain_text)
    text = plain_text;

  if (_modori_record_is_set (record, FIELD_REASONBY))
    {
      /* The engine knew from the format itself ("engine:arf"): keep it. */
      record->hard_bounce = _modori_is_hard_bounce (record->reason, is_permanent (record));
      return;
    }
  if (strcmp (action, "delivered") == 0 || strcmp (action, "relayed") == 0 ||
      strcmp (action, "expanded") == 0 || status[0] == '2')
    {
      decide (record, MODORI_REASON_DELIVERED, g_strconcat ("action:", action[0] ? action : "delivered", NULL));
      evidence = EVIDENCE_OWN_WORDS;
      goto done;
    }
  if ((provider_rule = _modori_provider_rule_lookup (
           _modori_provider_lookup (answering_host (record), _modori_record_peek (record, FIELD_DESTINATION)),
           status, text, _modori_record_peek (record, FIELD_COMMAND))) != NULL)
    {
      decide (record, provider_rule->reason,
              g_strdup_printf ("provider:%s:%s", provider_rule->provider,
                               provider_rule->phrase ? provider_rule->phrase : status));
      evidence = EVIDENCE_OWN_WORDS;
      goto done;
    }

  /* The evidence, most specific first (doc/classification.md). */
  _modori_phrases_reason (text, &specific, &weak);
  if (status_rule && status_rule->strength == STATUS_FINAL)
    {
      decide_by_status (record, status_rule, status, NULL);
      evidence = EVIDENCE_STATUS;
    }
  else if (status_rule && status_rule->strength == STATUS_REFINABLE)
    {
      decide_by_status (record, status_rule, status, specific);
      evidence = EVIDENCE_STATUS;
      if (specific && specific->reason != status_rule->reason)
        phrase_rule = specific;
    }
  else if ((phrase_rule = specific ? specific : weak) != NULL)
    {
      decide (record, phrase_rule->reason, g_strconcat ("phrase:", phrase_rule->phrase, NULL));
      if (phrase_rule == weak)
        evidence = EVIDENCE_WEAK_WORDS;
    }
  /* A local program's failure: its words are its own, not a reason. */
  else if (g_ascii_strcasecmp (_modori_record_peek (record, FIELD_DIAGNOSTICTYPE), "X-UNIX") == 0)
    decide (record, MODORI_REASON_MAILER_ERROR, g_strdup ("type:X-UNIX"));
  else if (status_rule && !(is_other_or_undefined (status_rule) && reply_rule && reply[0] == '5' && reply[1] == '0'))
    {
      decide (record, status_rule->reason, g_strconcat ("status:", status, NULL));
      evidence = EVIDENCE_CODES;
    }
  /* The shape of the text, before a bare reply code. */
  else if ((domain = _modori_text_find_missing_domain (text)) != NULL)
    {
      decide (record, MODORI_REASON_HOST_UNKNOWN, g_strdup_printf ("phrase:%s does not exist", domain));
      g_free (domain);
    }
  else
    {
      /* Only the reply code is left, if that. */
      evidence = EVIDENCE_CODES;
      if (reply_rule)
        decide (record, reply_rule->reason, g_strconcat ("reply:", reply, NULL));
      /* Something was said, but nothing we can read a reason from. */
      else if (text[0] || status[0] || reply[0])
        decide (record, MODORI_REASON_ON_HOLD, g_strdup ("default"));
      else
        decide (record, MODORI_REASON_UNDEFINED, g_strdup ("default"));
    }
  resolve_conflicts (record, evidence, phrase_rule);

done:
  record->hard_bounce = _modori_is_hard_bounce (record->reason, is_permanent (record));
}

void
_modori_classify_prepare (void)
{
  provider_matcher ();
  index_provider_domains ();
}
