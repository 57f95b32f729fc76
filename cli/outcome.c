/* outcome.c: see outcome.h. */
#include <string.h>

#include "outcome.h"

Outcome
outcome_of (const ModoriRecord *record)
{
  const char *action = modori_record_get_action (record);
  ModoriReason reason = modori_record_get_reason (record);

  /* RFC 3464 2.3.3: "delayed" is no failure, whatever the reason. */
  if (strcmp (action, "delayed") == 0)
    return OUTCOME_DELAYED;
  if (reason == MODORI_REASON_DELIVERED || strcmp (action, "delivered") == 0 ||
      strcmp (action, "relayed") == 0 || strcmp (action, "expanded") == 0)
    return OUTCOME_DELIVERED;
  if (reason == MODORI_REASON_FEEDBACK || modori_record_get_field (record, "feedbacktype")[0])
    return OUTCOME_FEEDBACK;
  if (reason == MODORI_REASON_VACATION)
    return OUTCOME_AUTOREPLY;
  return OUTCOME_FAILED;
}

const char *
outcome_sent_to (const ModoriRecord *record)
{
  const char *alias = modori_record_get_field (record, "alias");
  const char *at = strrchr (alias, '@');

  /* A local alias ("root") is no address the sender could have typed. */
  if (at && at != alias && at[1])
    return alias;
  return modori_record_get_recipient (record);
}
