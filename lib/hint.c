/* hint.c: spot the finer cases the guidance speaks to. */
#include <string.h>

#include "hint.h"
#include "text.h"

gboolean
_modori_hint_has_comma_for_dot (const char *address)
{
  for (const char *p = strchr (address, ','); p; p = strchr (p + 1, ','))
    if (p > address && g_ascii_isalnum (p[-1]) && g_ascii_isalnum (p[1]))
      return TRUE;
  return FALSE;
}

gboolean
_modori_hint_has_fullwidth (const char *address)
{
  if (!g_utf8_validate (address, -1, NULL))
    return FALSE;
  for (const char *p = address; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c >= 0xFF01 && c <= 0xFF5E) || c == 0x3000)
        return TRUE;
    }
  return FALSE;
}

const char *
_modori_hint_detect (const ModoriRecord *record)
{
  const char *recipient = _modori_record_peek (record, FIELD_RECIPIENT);
  const char *text = _modori_record_peek (record, FIELD_DIAGNOSTICCODE);

  if (_modori_hint_has_comma_for_dot (recipient))
    return "comma-for-dot";
  if (_modori_text_find_nocase (text, "illegal comma in host name part"))
    return "comma-in-host";
  if (_modori_hint_has_fullwidth (recipient) ||
      _modori_text_find_nocase (text, "address contains invalid control characters"))
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
