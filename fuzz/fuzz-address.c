/* fuzz-address.c: the address doctor (lib/address-doctor.c) on any
 * string, and its diagnosis read back. */
#include <modori/modori.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *address = g_strndup ((const char *) data, size);
  ModoriAddressDiagnosis *diagnosis = modori_address_diagnose (address);
  guint flaws = modori_address_diagnosis_get_flaws (diagnosis);
  const char *suggestion = modori_address_diagnosis_get_suggestion (diagnosis);
  const char *ascii = modori_address_diagnosis_get_ascii (diagnosis);

  if (suggestion && !g_utf8_validate (suggestion, -1, NULL))
    g_error ("suggestion is not UTF-8");
  if (ascii && !g_utf8_validate (ascii, -1, NULL))
    g_error ("ascii form is not UTF-8");
  modori_address_diagnosis_get_hint (diagnosis);
  for (guint bit = 1; bit != 0 && bit <= flaws; bit <<= 1)
    if (flaws & bit)
      modori_address_flaw_to_hint (bit);
  modori_address_diagnosis_unref (diagnosis);
  g_free (address);
  return 0;
}
