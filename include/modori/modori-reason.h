/* modori-reason.h: the bounce reasons, named as Sisimai names them. */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_REASON_H
#define MODORI_REASON_H

#include <modori/modori-types.h>

G_BEGIN_DECLS

/**
 * ModoriReason:
 *
 * Why a message was not delivered. The string names returned by
 * modori_reason_to_string() ("userunknown", "mailboxfull", ...) are stable
 * identifiers, the same as Sisimai's; the numeric values are stable too but
 * new reasons may be appended before %MODORI_REASON_N_REASONS.
 */
typedef enum {
  MODORI_REASON_UNDEFINED = 0,
  MODORI_REASON_AUTH_FAILURE,
  MODORI_REASON_BAD_REPUTATION,
  MODORI_REASON_BLOCKED,
  MODORI_REASON_CONTENT_ERROR,
  MODORI_REASON_DELIVERED,
  MODORI_REASON_EXCEED_LIMIT,
  MODORI_REASON_EXPIRED,
  MODORI_REASON_FAILED_STARTTLS,
  MODORI_REASON_FEEDBACK,
  MODORI_REASON_FILTERED,
  MODORI_REASON_HAS_MOVED,
  MODORI_REASON_HOST_UNKNOWN,
  MODORI_REASON_MAILBOX_FULL,
  MODORI_REASON_MAILER_ERROR,
  MODORI_REASON_MESG_TOO_BIG,
  MODORI_REASON_NETWORK_ERROR,
  MODORI_REASON_NO_RELAYING,
  MODORI_REASON_NOT_ACCEPT,
  MODORI_REASON_NOT_COMPLIANT_RFC,
  MODORI_REASON_ON_HOLD,
  MODORI_REASON_POLICY_VIOLATION,
  MODORI_REASON_REJECTED,
  MODORI_REASON_REQUIRE_PTR,
  MODORI_REASON_SECURITY_ERROR,
  MODORI_REASON_SPAM_DETECTED,
  MODORI_REASON_SPEEDING,
  MODORI_REASON_SUPPRESSED,
  MODORI_REASON_SUSPEND,
  MODORI_REASON_SYNTAX_ERROR,
  MODORI_REASON_SYSTEM_ERROR,
  MODORI_REASON_SYSTEM_FULL,
  MODORI_REASON_TOO_MANY_CONN,
  MODORI_REASON_USER_UNKNOWN,
  MODORI_REASON_VACATION,
  MODORI_REASON_VIRUS_DETECTED,
  MODORI_REASON_N_REASONS
} ModoriReason;

/**
 * modori_reason_to_string:
 * @reason: a #ModoriReason
 *
 * Returns: (transfer none): the stable identifier, e.g. "userunknown";
 *   "undefined" for a value out of range. Static storage, never freed.
 */
MODORI_PUBLIC const char *modori_reason_to_string (ModoriReason reason);

/**
 * modori_reason_from_string:
 * @name: an identifier such as "mailboxfull" (case-insensitive)
 * @reason: (out): the reason
 *
 * Returns: %TRUE if @name names a reason.
 */
MODORI_PUBLIC gboolean modori_reason_from_string (const char   *name,
                                                  ModoriReason *reason);

/**
 * modori_reason_get_definition:
 * @reason: a #ModoriReason
 *
 * Returns: (transfer none): a one-line English definition of @reason.
 *   Static storage, never freed.
 */
MODORI_PUBLIC const char *modori_reason_get_definition (ModoriReason reason);

G_END_DECLS

#endif /* MODORI_REASON_H */
