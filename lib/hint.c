/* hint.c: spot the finer cases the guidance speaks to. */
#include <string.h>

#include "hint.h"
#include "text.h"

const char *
_modori_hint_detect (const ModoriRecord *record, char **suggestion)
{
  const char *recipient = _modori_record_peek (record, FIELD_RECIPIENT);
  const char *text = _modori_record_peek (record, FIELD_DIAGNOSTICCODE);

  if (suggestion)
    *suggestion = NULL;
  /* A typing mistake in the address explains the bounce better than
   * any reply; the doctor also says how to correct it. */
  if (recipient[0] != '\0')
    {
      g_autoptr (ModoriAddressDiagnosis) d = modori_address_diagnose (recipient);
      const char *hint = modori_address_diagnosis_get_hint (d);

      if (hint[0] != '\0' && !(modori_address_diagnosis_get_flaws (d) & MODORI_ADDRESS_FLAW_NO_AT))
        {
          if (suggestion && modori_address_diagnosis_get_suggestion (d)[0])
            *suggestion = g_strdup (modori_address_diagnosis_get_suggestion (d));
          return hint;  /* static: from the doctor's table */
        }
    }
  if (_modori_text_find_nocase (text, "illegal comma in host name part"))
    return "comma-in-host";
  if (_modori_text_find_nocase (text, "address contains invalid control characters"))
    return "fullwidth-characters";
  if (_modori_text_find_nocase (text, "polite people say helo first"))
    return "helo-first";
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
