/* outcome.h: what a record means for the person who sent the message,
 * decided once for every command, so that a heading, a summary and a
 * suppression list never disagree with the record they count. */
#ifndef MODORI_CLI_OUTCOME_H
#define MODORI_CLI_OUTCOME_H

#include <modori/modori.h>

typedef enum {
  OUTCOME_FAILED,      /* the message did not reach the recipient */
  OUTCOME_DELAYED,     /* not yet delivered; the server keeps trying */
  OUTCOME_DELIVERED,   /* a success notice (delivered, relayed, expanded) */
  OUTCOME_FEEDBACK,    /* a complaint or report about the message (ARF) */
  OUTCOME_AUTOREPLY,   /* an automatic reply such as an out-of-office notice */
  N_OUTCOMES
} Outcome;

Outcome outcome_of (const ModoriRecord *record);

/* The address the sender typed: the record's alias (Original-Recipient)
 * when it is an address, else the recipient; "" when neither is known.
 * A forwarding bounce names the forward target, which the sender never
 * used. */
const char *outcome_sent_to (const ModoriRecord *record);

#endif
