/* classify.h: deciding the reason of a record. */
#ifndef MODORI_CLASSIFY_H
#define MODORI_CLASSIFY_H

#include "record-private.h"
#include "rules/rules.h"

/* Sets the record's reason, reasonby and hardbounce from its action,
 * deliverystatus, replycode, command, diagnostictype and diagnosticcode.
 * The evidence, most specific first (doc/classification.md has the
 * whole table and its reasons):
 *   0. the engine, when the format itself says (reasonby "engine:NAME")
 *   1. action delivered / relayed / expanded, or a 2.x.x status
 *   2. a provider's own code or phrase (rules/providers.c)
 *   3. a final status code (X.2.2, X.3.4, X.7.26 ...): outranks words
 *   4. a refinable status code (X.1.1, X.4.4, X.4.7 ...), unless a
 *      specific phrase names another cause ("phrase:P,over:5.1.1")
 *   5. a specific phrase of rules/phrases.tsv
 *   6. a weak phrase (generic wording such as RFC 5321's default texts)
 *   7. diagnostic type X-UNIX                     -> mailererror
 *   8. a generic status code (X.7.1, X.6.0 ...); a generic X.Y.0 yields
 *      to a 500-504 reply
 *   9. the shape "DOMAIN does not exist"          -> hostunknown
 *  10. the reply code
 *  11. onhold when anything was said, undefined when nothing was
 * Then conflicts are settled, first match only, recorded in reasonby;
 * none applies to rows 0-2: a delay notice by codes only -> expired; at
 * MAIL FROM an unknown user, a filter or codes only -> rejected; at
 * CONN/HELO/EHLO codes only -> blocked; "user unknown" in words with no
 * refused RCPT, no X.1.x status and no own statement -> filtered; a
 * temporary hostunknown -> networkerror.
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

/* Builds the providers' tables now. */
void _modori_classify_prepare (void);

#endif
