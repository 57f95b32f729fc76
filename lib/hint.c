/* hint.c: spot the finer cases the guidance speaks to. */
#include <string.h>

#include "address-doctor.h"
#include "hint.h"
#include "phrases.h"

const char *
_modori_hint_detect (const ModoriRecord *record, char **suggestion)
{
  const char *recipient = _modori_record_peek (record, FIELD_RECIPIENT);
  const char *text = _modori_record_peek (record, FIELD_DIAGNOSTICCODE);
  const PhraseRule *rule;

  if (suggestion)
    *suggestion = NULL;
  /* A typing mistake in the address explains the bounce better than
   * any reply; the doctor also says how to correct it. */
  if (recipient[0] != '\0')
    {
      guint flaws;
      g_autofree char *fixed = _modori_address_check (recipient, &flaws);
      const char *hint = _modori_address_hint (flaws);

      if (hint[0] != '\0' && !(flaws & MODORI_ADDRESS_FLAW_NO_AT))
        {
          if (suggestion)
            *suggestion = g_steal_pointer (&fixed);
          return hint;  /* static: from the doctor's table */
        }
    }
  /* The server's words name the case (rules/phrases.tsv, column hint). */
  if ((rule = _modori_phrases_hint (text)) != NULL)
    return rule->hint;
  if (record->reason == MODORI_REASON_NO_RELAYING)
    return "relay-network";
  if (_modori_record_is_set (record, FIELD_ALIAS) &&
      (record->reason == MODORI_REASON_USER_UNKNOWN ||
       record->reason == MODORI_REASON_HOST_UNKNOWN))
    return "forward-broken";
  return NULL;
}

void
_modori_hint_apply (ModoriRecord *record)
{
  char *suggestion;

  _modori_record_set (record, FIELD_HINT, _modori_hint_detect (record, &suggestion));
  _modori_record_take (record, FIELD_SUGGESTION, suggestion);
}
