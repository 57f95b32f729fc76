/* classify.h: deciding the reason of a record. */
#ifndef MODORI_CLASSIFY_H
#define MODORI_CLASSIFY_H

#include "record-private.h"
#include "rules/rules.h"

/* Sets the record's reason, reasonby and hardbounce from its action,
 * deliverystatus, replycode, command and diagnosticcode. Evidence,
 * strongest first:
 *   0. the engine, when the format itself says (it sets the reason and a
 *      reasonby "engine:NAME" before, e.g. for a feedback report)
 *   1. action delivered / relayed / expanded      -> delivered
 *   2. a provider's own code or phrase, when the remote host (or, when
 *      the report names none, the reporting host) or the destination is a
 *      provider's (rules/providers.c): Microsoft's 5.1.10 is an unknown
 *      recipient, not a null MX; docomo's "unknown user" after DATA is the
 *      recipient refusing the sender. reasonby "provider:NAME:PHRASE" or
 *      "provider:NAME:STATUS".
 *   3. a decisive status code (5.1.1, 5.2.2, ...), unless a phrase refines
 *      it: 5.1.1 with "mailbox full", "relaying denied", "blocked", "sender
 *      rejected", "has moved", "too many recipients" or "no mail
 *      exchanger" words; 5.4.4 with "no mail exchanger" words; 4.4.7
 *      with words of a block ("connection refused", a block list), the
 *      cause of the expiry ("phrase:over quota,over:5.1.1")
 *   4. a phrase of the diagnostic text
 *   5. a local program's failure (diagnostic type X-UNIX) -> mailererror
 *   6. a weak (generic) status code (5.7.1, 5.2.1, ...); a generic X.Y.0
 *      yields to a 500-504 reply, which names the protocol error
 *   7. the shape "DOMAIN does not exist"          -> hostunknown
 *   8. the reply code (550, 552, ...)
 *   9. onhold when anything was said, undefined when nothing was
 * Then conflicts are settled, first match only, recorded in reasonby
 * ("phrase:user unknown,command:DATA"); none applies to an engine's or a
 * provider's decision:
 *   - a delay notice decided by codes only      -> expired ("action:delayed")
 *   - an unknown user or filter refusal at MAIL  -> rejected (the sender)
 *   - a refusal at CONN/HELO/EHLO by codes only  -> blocked
 *   - "user unknown" in words, with neither a refused RCPT nor an X.1.x
 *     status, and not a mail system's own directory statement -> filtered
 *     ("no-rcpt" or "command:DATA"): a filter spoke after the address was
 *     accepted
 *   - a temporary hostunknown                    -> networkerror
 * Thread-safe: the tables are compiled once. */
void _modori_classify (ModoriRecord *record);

/* The status rule for @code ("5.1.1"), or NULL. */
const StatusRule *_modori_status_rule_lookup (const char *code);

/* The phrase rule that decides @text, or NULL. */
const PhraseRule *_modori_phrase_rule_lookup (const char *text);

/* The provider whose domains hold @rhost or @destination, or NULL. */
const Provider *_modori_provider_lookup (const char *rhost, const char *destination);

/* The first rule of @provider (may be NULL) that holds for @status,
 * @text and @command (may be NULL or ""), or NULL. */
const ProviderRule *_modori_provider_rule_lookup (const Provider *provider, const char *status,
                                                  const char *text, const char *command);

/* Whether @reason with this permanence is a hard bounce. A failure is
 * permanent when its status code is 5.x.x, or, with no status code, when
 * its reply is 5xx; a delay notice never is. So a 4xx reply under a
 * 5.x.x status (the reporting MTA gave up on a temporary refusal) is
 * permanent, and a 5xx reply under a 4.x.x status is not. */
gboolean _modori_is_hard_bounce (ModoriReason reason, gboolean permanent);

#endif
