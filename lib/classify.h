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
 *   2. a decisive status code (5.1.1, 5.2.2, ...)
 *   3. a phrase of the diagnostic text
 *   4. a local program's failure (diagnostic type X-UNIX) -> mailererror
 *   5. a weak (generic) status code (5.7.1, 5.2.1, ...)
 *   6. the reply code (550, 552, ...)
 *   7. undefined
 * Then two conflicts are settled: "user unknown" read from text (not from
 * a status code) in reply to DATA is filtered (the address passed RCPT);
 * a temporary hostunknown is networkerror (a DNS failure). reasonby
 * records both (e.g. "phrase:user unknown,command:DATA").
 * Thread-safe: the tables are compiled once. */
void _modori_classify (ModoriRecord *record);

/* The status rule for @code ("5.1.1"), or NULL. */
const StatusRule *_modori_status_rule_lookup (const char *code);

/* The phrase rule that decides @text, or NULL. */
const PhraseRule *_modori_phrase_rule_lookup (const char *text);

/* Whether @reason with this permanence is a hard bounce. */
gboolean _modori_is_hard_bounce (ModoriReason reason, gboolean permanent);

#endif
