/* modori-address.h: the address doctor, which spots typing mistakes in
 * an e-mail address and suggests the corrected address. */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_ADDRESS_H
#define MODORI_ADDRESS_H

#include <modori/modori-types.h>

G_BEGIN_DECLS

/**
 * ModoriAddressFlaw:
 * @MODORI_ADDRESS_FLAW_INVISIBLE: control or invisible characters (zero-width
 *   space, BOM, bidirectional marks, soft hyphen); removed
 * @MODORI_ADDRESS_FLAW_FULLWIDTH: full-width letters, digits, ＠ or ．
 *   (East Asian width "F"); made half-width with NFKC
 * @MODORI_ADDRESS_FLAW_JAPANESE_PUNCTUATION: 。 or 、 (or ｡ ､); made '.'
 * @MODORI_ADDRESS_FLAW_SPACE: spaces; removed
 * @MODORI_ADDRESS_FLAW_COMMA_FOR_DOT: a comma between two letters or digits; made '.'
 * @MODORI_ADDRESS_FLAW_COMMA_IN_HOST: another comma in the domain; removed
 * @MODORI_ADDRESS_FLAW_DOTS: consecutive, leading or trailing dots; tidied
 * @MODORI_ADDRESS_FLAW_NO_TLD: the domain has no dot (no top-level domain)
 * @MODORI_ADDRESS_FLAW_DOMAIN_TYPO: the domain is a near miss of a big mail
 *   domain (gmail.con); replaced by it
 * @MODORI_ADDRESS_FLAW_NO_AT: there is no '@' at all
 * @MODORI_ADDRESS_FLAW_BAD_IDN: a non-ASCII domain that IDNA (UTS #46) refuses
 *
 * The flaws found, as bits. A non-ASCII domain that converts cleanly is
 * no flaw: see modori_address_diagnosis_get_ascii().
 */
typedef enum {
  MODORI_ADDRESS_FLAW_INVISIBLE = 1 << 0,
  MODORI_ADDRESS_FLAW_FULLWIDTH = 1 << 1,
  MODORI_ADDRESS_FLAW_JAPANESE_PUNCTUATION = 1 << 2,
  MODORI_ADDRESS_FLAW_SPACE = 1 << 3,
  MODORI_ADDRESS_FLAW_COMMA_FOR_DOT = 1 << 4,
  MODORI_ADDRESS_FLAW_COMMA_IN_HOST = 1 << 5,
  MODORI_ADDRESS_FLAW_DOTS = 1 << 6,
  MODORI_ADDRESS_FLAW_NO_TLD = 1 << 7,
  MODORI_ADDRESS_FLAW_DOMAIN_TYPO = 1 << 8,
  MODORI_ADDRESS_FLAW_NO_AT = 1 << 9,
  MODORI_ADDRESS_FLAW_BAD_IDN = 1 << 10,
} ModoriAddressFlaw;

/**
 * ModoriAddressDiagnosis:
 *
 * What the doctor found about one address. Immutable, reference-counted.
 * String getters return strings owned by the diagnosis, never %NULL.
 */
typedef struct _ModoriAddressDiagnosis ModoriAddressDiagnosis;

/**
 * MODORI_TYPE_ADDRESS_DIAGNOSIS:
 *
 * The #GType of #ModoriAddressDiagnosis, a boxed type.
 */
#define MODORI_TYPE_ADDRESS_DIAGNOSIS (modori_address_diagnosis_get_type ())
MODORI_PUBLIC GType modori_address_diagnosis_get_type (void) G_GNUC_CONST;

/**
 * modori_address_diagnose:
 * @address: an addr-spec ("taro@example.co.jp"), any bytes (invalid UTF-8
 *   is replaced)
 *
 * Looks for typing mistakes in @address.
 *
 * Returns: (transfer full): the diagnosis (%NULL only when @address is %NULL)
 */
MODORI_PUBLIC ModoriAddressDiagnosis *modori_address_diagnose (const char *address);

/**
 * modori_address_diagnosis_ref: (skip)
 * @diagnosis: a #ModoriAddressDiagnosis
 *
 * Takes one more reference to @diagnosis.
 *
 * Returns: (transfer full): @diagnosis
 */
MODORI_PUBLIC ModoriAddressDiagnosis *modori_address_diagnosis_ref (ModoriAddressDiagnosis *diagnosis);

/**
 * modori_address_diagnosis_unref: (skip)
 * @diagnosis: (nullable): a #ModoriAddressDiagnosis
 *
 * Drops one reference to @diagnosis; frees it at zero.
 */
MODORI_PUBLIC void modori_address_diagnosis_unref (ModoriAddressDiagnosis *diagnosis);

/**
 * modori_address_diagnosis_get_flaws:
 * @diagnosis: a #ModoriAddressDiagnosis
 *
 * The flaws found in the address.
 *
 * Returns: the #ModoriAddressFlaw bits found (0: none)
 */
MODORI_PUBLIC guint modori_address_diagnosis_get_flaws (const ModoriAddressDiagnosis *diagnosis);

/**
 * modori_address_diagnosis_get_suggestion:
 * @diagnosis: a #ModoriAddressDiagnosis
 *
 * The address with its typing mistakes corrected.
 *
 * Returns: (transfer none): the corrected address, or "" when nothing
 *   was corrected (or nothing sensible can be suggested).
 */
MODORI_PUBLIC const char *modori_address_diagnosis_get_suggestion (const ModoriAddressDiagnosis *diagnosis);

/**
 * modori_address_diagnosis_get_ascii:
 * @diagnosis: a #ModoriAddressDiagnosis
 *
 * The address with its domain in ASCII (IDNA), as mail servers take it.
 *
 * Returns: (transfer none): the (corrected) address with its domain in
 *   IDNA ASCII form ("xn--..."), or "" when IDNA refused the domain.
 */
MODORI_PUBLIC const char *modori_address_diagnosis_get_ascii (const ModoriAddressDiagnosis *diagnosis);

/**
 * modori_address_diagnosis_get_hint:
 * @diagnosis: a #ModoriAddressDiagnosis
 *
 * The hint of the main flaw.
 *
 * Returns: (transfer none): the hint identifier of the main flaw (for
 *   modori_guidance_for_hint()), or "" when there is none.
 */
MODORI_PUBLIC const char *modori_address_diagnosis_get_hint (const ModoriAddressDiagnosis *diagnosis);

/**
 * modori_address_flaw_to_hint:
 * @flaw: one #ModoriAddressFlaw bit
 *
 * The hint identifier (for modori_guidance_for_hint()) of one flaw.
 *
 * Returns: (transfer none) (nullable): the hint identifier of one flaw bit.
 */
MODORI_PUBLIC const char *modori_address_flaw_to_hint (ModoriAddressFlaw flaw);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModoriAddressDiagnosis, modori_address_diagnosis_unref)

G_END_DECLS

#endif /* MODORI_ADDRESS_H */
