/* classify.h: deciding the reason of a record. */
#ifndef MODORI_CLASSIFY_H
#define MODORI_CLASSIFY_H

#include "record-private.h"
#include "rules/rules.h"

/* Sets the record's reason, reasonby and hardbounce from its action,
 * deliverystatus, replycode and diagnosticcode. Evidence, strongest first:
 *   0. the engine, when the format itself says (it sets the reason and a
 *      reasonby "engine:NAME" before, e.g. for a feedback report)
 *   1. action delivered / relayed / expanded      -> delivered
 *   2. a provider's own code or phrase, when the remote host or the
 *      destination is a provider's (rules/providers.c): Microsoft's 5.1.10
 *      is an unknown recipient, not a null MX; Yahoo's [TSS04] is the
 *      sender's reputation whatever 4.7.0 says. reasonby
 *      "provider:NAME:PHRASE" or "provider:NAME:STATUS".
 *   3. a decisive status code (5.1.1, 5.2.2, ...)
 *   4. a phrase of the diagnostic text
 *   5. a local program's failure (diagnostic type X-UNIX) -> mailererror
 *   6. a weak (generic) status code (5.7.1, 5.2.1, ...)
 *   7. the reply code (550, 552, ...)
 *   8. undefined
 * Then two conflicts are settled: "user unknown" read from text (not from
 * a status code) in reply to DATA is filtered (the address passed RCPT);
 * a temporary hostunknown is networkerror (a DNS failure). reasonby
 * records both (e.g. "phrase:user unknown,command:DATA"). Neither applies
 * to a provider rule: the provider's own words are taken as meant.
 * Thread-safe: the tables are compiled once. */
void _modori_classify (ModoriRecord *record);

/* The status rule for @code ("5.1.1"), or NULL. */
const StatusRule *_modori_status_rule_lookup (const char *code);

/* The phrase rule that decides @text, or NULL. */
const PhraseRule *_modori_phrase_rule_lookup (const char *text);

/* The provider whose domains hold @rhost or @destination, or NULL. */
const Provider *_modori_provider_lookup (const char *rhost, const char *destination);

/* The first rule of @provider (may be NULL) that holds for @status and
 * @text, or NULL. */
const ProviderRule *_modori_provider_rule_lookup (const Provider *provider, const char *status,
                                                  const char *text);

/* Whether @reason with this permanence is a hard bounce. */
gboolean _modori_is_hard_bounce (ModoriReason reason, gboolean permanent);

#endif
