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
 * @MODORI_REASON_UNDEFINED: "undefined": the reason could not be determined
 *   from the bounce
 * @MODORI_REASON_AUTH_FAILURE: "authfailure": the sending domain failed
 *   sender authentication (SPF, DKIM or DMARC)
 * @MODORI_REASON_BAD_REPUTATION: "badreputation": the sending server's IP
 *   address or domain has a poor reputation with the receiver
 * @MODORI_REASON_BLOCKED: "blocked": the receiver refused the sending server
 *   itself, e.g. its IP address is on a block list
 * @MODORI_REASON_CONTENT_ERROR: "contenterror": the message's format or
 *   content was invalid for the receiver (headers, encoding, media type)
 * @MODORI_REASON_DELIVERED: "delivered": the message was delivered; the
 *   report is a success notice
 * @MODORI_REASON_EXCEED_LIMIT: "exceedlimit": the message is larger than the
 *   recipient's own limit allows
 * @MODORI_REASON_EXPIRED: "expired": delivery kept failing until the sending
 *   server gave up (or is still retrying)
 * @MODORI_REASON_FAILED_STARTTLS: "failedstarttls": an encrypted (STARTTLS)
 *   connection could not be set up
 * @MODORI_REASON_FEEDBACK: "feedback": a feedback report: a recipient or
 *   provider flagged the message as unwanted
 * @MODORI_REASON_FILTERED: "filtered": the recipient's filter or reception
 *   settings refused the message
 * @MODORI_REASON_HAS_MOVED: "hasmoved": the recipient has moved to another
 *   address
 * @MODORI_REASON_HOST_UNKNOWN: "hostunknown": the domain after the @ does
 *   not exist or has no mail server
 * @MODORI_REASON_MAILBOX_FULL: "mailboxfull": the recipient's mailbox is
 *   full
 * @MODORI_REASON_MAILER_ERROR: "mailererror": a program on the receiving
 *   side (a delivery agent or filter) failed
 * @MODORI_REASON_MESG_TOO_BIG: "mesgtoobig": the message is larger than the
 *   receiving server accepts
 * @MODORI_REASON_NETWORK_ERROR: "networkerror": a network or DNS problem,
 *   such as a mail loop or too many hops
 * @MODORI_REASON_NO_RELAYING: "norelaying": a server refused to relay the
 *   message for this sender or network
 * @MODORI_REASON_NOT_ACCEPT: "notaccept": the destination does not accept
 *   mail at all (e.g. a null MX)
 * @MODORI_REASON_NOT_COMPLIANT_RFC: "notcompliantrfc": the message does not
 *   follow the mail standards (RFC 5322 and others)
 * @MODORI_REASON_ON_HOLD: "onhold": the bounce does not say enough to
 *   decide; kept on hold
 * @MODORI_REASON_POLICY_VIOLATION: "policyviolation": the message breaks a
 *   policy of the receiving organization
 * @MODORI_REASON_REJECTED: "rejected": the sender (envelope from) address or
 *   its domain was refused
 * @MODORI_REASON_REQUIRE_PTR: "requireptr": the sending server's IP address
 *   has no valid reverse DNS (PTR) name
 * @MODORI_REASON_SECURITY_ERROR: "securityerror": a security requirement
 *   failed, e.g. authentication or encryption needed
 * @MODORI_REASON_SPAM_DETECTED: "spamdetected": the receiver judged the
 *   message to be spam
 * @MODORI_REASON_SPEEDING: "speeding": the sender sent too much too fast and
 *   was rate-limited
 * @MODORI_REASON_SUPPRESSED: "suppressed": the sending service did not try:
 *   the address is on its suppression list
 * @MODORI_REASON_SUSPEND: "suspend": the recipient's mailbox exists but is
 *   suspended or disabled
 * @MODORI_REASON_SYNTAX_ERROR: "syntaxerror": the sending software broke the
 *   SMTP dialogue (a command error)
 * @MODORI_REASON_SYSTEM_ERROR: "systemerror": the receiving mail system
 *   failed or is misconfigured
 * @MODORI_REASON_SYSTEM_FULL: "systemfull": the receiving server has run out
 *   of disk space
 * @MODORI_REASON_TOO_MANY_CONN: "toomanyconn": too many connections or
 *   recipients at once
 * @MODORI_REASON_USER_UNKNOWN: "userunknown": the mailbox (the part before
 *   the @) does not exist
 * @MODORI_REASON_VACATION: "vacation": an automatic reply such as an out-of-
 *   office notice, not a failure
 * @MODORI_REASON_VIRUS_DETECTED: "virusdetected": the receiver found a virus
 *   in the message
 * @MODORI_REASON_N_REASONS: the number of reasons (not a reason)
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
 * The stable identifier of a reason, as in the JSON output.
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
 * The reason named by an identifier.
 *
 * Returns: %TRUE if @name names a reason.
 */
MODORI_PUBLIC gboolean modori_reason_from_string (const char   *name,
                                                  ModoriReason *reason);

/**
 * modori_reason_get_definition:
 * @reason: a #ModoriReason
 *
 * What a reason means, in one English sentence.
 *
 * Returns: (transfer none): a one-line English definition of @reason.
 *   Static storage, never freed.
 */
MODORI_PUBLIC const char *modori_reason_get_definition (ModoriReason reason);

G_END_DECLS

#endif /* MODORI_REASON_H */
