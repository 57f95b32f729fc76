/* status-codes.c: what an RFC 3463 enhanced status code says by itself.
 *
 * Keyed by subject.detail: the class (2, 4, 5) says permanent or not,
 * which decides hard or soft, not the reason. How much a code says
 * (doc/classification.md):
 *   final      the code names one cause the words could only repeat: a
 *              full mailbox, a message too big, a refused sender, a failed
 *              SPF or DMARC check. It outranks every phrase.
 *   refinable  the code names a cause, but servers also send it for
 *              others (5.1.1 for "mailbox full", 4.4.7 for a block): a
 *              specific phrase says better.
 *   generic    an "other" code or one used for dozens of refusals (X.7.1,
 *              X.7.0, X.0.0, X.5.0, X.6.0, X.2.0): any phrase says better,
 *              even generic wording. */
#include "rules.h"

#define FINAL STATUS_FINAL
#define REFINE STATUS_REFINABLE
#define GENERIC STATUS_GENERIC

const StatusRule _modori_status_rules[] = {
  /* X.1 addressing */
  { "1.0",  MODORI_REASON_USER_UNKNOWN, GENERIC, "rfc3463#3.2 (X.1.0 other address status)" },
  { "1.1",  MODORI_REASON_USER_UNKNOWN, REFINE, "rfc3463#3.2 (X.1.1 bad destination mailbox address)" },
  { "1.2",  MODORI_REASON_HOST_UNKNOWN, REFINE, "rfc3463#3.2 (X.1.2 bad destination system address)" },
  { "1.3",  MODORI_REASON_USER_UNKNOWN, REFINE, "rfc3463#3.2 (X.1.3 bad destination mailbox address syntax)" },
  { "1.4",  MODORI_REASON_USER_UNKNOWN, GENERIC, "rfc3463#3.2 (X.1.4 destination mailbox address ambiguous)" },
  { "1.6",  MODORI_REASON_HAS_MOVED, FINAL, "rfc3463#3.2 (X.1.6 destination mailbox has moved)" },
  { "1.7",  MODORI_REASON_REJECTED, FINAL, "rfc3463#3.2 (X.1.7 bad sender's mailbox address syntax)" },
  /* Sendmail's FEATURE(require_rdns) sends 4.1.8 for the client's reverse
   * DNS ("Possibly forged hostname for ..."): the words say which party. */
  { "1.8",  MODORI_REASON_REJECTED, REFINE, "rfc3463#3.2 (X.1.8 bad sender's system address)" },
  { "1.10", MODORI_REASON_NOT_ACCEPT, REFINE, "rfc7505#4.2 (X.1.10 recipient address has null MX)" },
  /* X.2 mailbox */
  { "2.0",  MODORI_REASON_FILTERED, GENERIC, "rfc3463#3.3 (X.2.0 other or undefined mailbox status)" },
  { "2.1",  MODORI_REASON_SUSPEND, GENERIC, "rfc3463#3.3 (X.2.1 mailbox disabled, not accepting messages)" },
  { "2.2",  MODORI_REASON_MAILBOX_FULL, FINAL, "rfc3463#3.3 (X.2.2 mailbox full)" },
  { "2.3",  MODORI_REASON_EXCEED_LIMIT, FINAL, "rfc3463#3.3 (X.2.3 message length exceeds administrative limit)" },
  { "2.4",  MODORI_REASON_SYSTEM_ERROR, GENERIC, "rfc3463#3.3 (X.2.4 mailing list expansion problem)" },
  /* X.3 mail system */
  { "3.0",  MODORI_REASON_SYSTEM_ERROR, GENERIC, "rfc3463#3.4 (X.3.0 other or undefined mail system status)" },
  { "3.1",  MODORI_REASON_SYSTEM_FULL, REFINE, "rfc3463#3.4 (X.3.1 mail system full)" },
  { "3.2",  MODORI_REASON_NOT_ACCEPT, REFINE, "rfc3463#3.4 (X.3.2 system not accepting network messages)" },
  { "3.3",  MODORI_REASON_SYSTEM_ERROR, GENERIC, "rfc3463#3.4 (X.3.3 system not capable of selected features)" },
  { "3.4",  MODORI_REASON_MESG_TOO_BIG, FINAL, "rfc3463#3.4 (X.3.4 message too big for system)" },
  { "3.5",  MODORI_REASON_SYSTEM_ERROR, REFINE, "rfc3463#3.4 (X.3.5 system incorrectly configured)" },
  /* X.4 network and routing */
  { "4.0",  MODORI_REASON_NETWORK_ERROR, GENERIC, "rfc3463#3.5 (X.4.0 other or undefined network or routing status)" },
  { "4.1",  MODORI_REASON_NETWORK_ERROR, REFINE, "rfc3463#3.5 (X.4.1 no answer from host)" },
  { "4.2",  MODORI_REASON_NETWORK_ERROR, REFINE, "rfc3463#3.5 (X.4.2 bad connection)" },
  { "4.3",  MODORI_REASON_SYSTEM_ERROR, REFINE, "rfc3463#3.5 (X.4.3 directory server failure)" },
  { "4.4",  MODORI_REASON_HOST_UNKNOWN, REFINE, "rfc3463#3.5 (X.4.4 unable to route)" },
  { "4.5",  MODORI_REASON_TOO_MANY_CONN, REFINE, "rfc3463#3.5 (X.4.5 mail system congestion)" },
  { "4.6",  MODORI_REASON_NETWORK_ERROR, REFINE, "rfc3463#3.5 (X.4.6 routing loop detected)" },
  { "4.7",  MODORI_REASON_EXPIRED, REFINE, "rfc3463#3.5 (X.4.7 delivery time expired)" },
  /* X.5 protocol */
  { "5.0",  MODORI_REASON_SYSTEM_ERROR, GENERIC, "rfc3463#3.6 (X.5.0 other or undefined protocol status)" },
  { "5.1",  MODORI_REASON_SYNTAX_ERROR, REFINE, "rfc3463#3.6 (X.5.1 invalid command)" },
  { "5.2",  MODORI_REASON_SYNTAX_ERROR, REFINE, "rfc3463#3.6 (X.5.2 syntax error)" },
  { "5.3",  MODORI_REASON_TOO_MANY_CONN, REFINE, "rfc3463#3.6 (X.5.3 too many recipients; chkuser puts #5.5.3 on its relay refusal: words that name another cause decide)" },
  { "5.4",  MODORI_REASON_SYNTAX_ERROR, REFINE, "rfc3463#3.6 (X.5.4 invalid command arguments)" },
  { "5.5",  MODORI_REASON_SYSTEM_ERROR, GENERIC, "rfc3463#3.6 (X.5.5 wrong protocol version)" },
  { "5.6",  MODORI_REASON_SYNTAX_ERROR, GENERIC, "rfc4954#6 (X.5.6 authentication exchange line is too long)" },
  /* X.6 content: every code is used loosely; the words decide. */
  { "6.0",  MODORI_REASON_CONTENT_ERROR, GENERIC, "rfc3463#3.7 (X.6.0 other or undefined media error)" },
  /* X.7 security and policy */
  { "7.0",  MODORI_REASON_SECURITY_ERROR, GENERIC, "rfc3463#3.8 (X.7.0 other or undefined security status)" },
  { "7.1",  MODORI_REASON_REJECTED, GENERIC, "rfc3463#3.8 (X.7.1 delivery not authorized, message refused: the sender is not authorized to send to the destination)" },
  { "7.10", MODORI_REASON_FAILED_STARTTLS, REFINE, "rfc5248 registry (X.7.10 encryption needed)" },
  { "7.11", MODORI_REASON_FAILED_STARTTLS, REFINE, "rfc4954#6 (X.7.11 encryption required for requested authentication mechanism)" },
  { "7.13", MODORI_REASON_SUSPEND, REFINE, "rfc5248 registry (X.7.13 user account disabled)" },
  { "7.17", MODORI_REASON_HAS_MOVED, FINAL, "rfc7293#3.3 (X.7.17 mailbox owner has changed)" },
  { "7.18", MODORI_REASON_HAS_MOVED, FINAL, "rfc7293#3.3 (X.7.18 domain owner has changed)" },
  { "7.20", MODORI_REASON_AUTH_FAILURE, FINAL, "rfc7372#3.1 (X.7.20 no passing DKIM signature found)" },
  { "7.21", MODORI_REASON_AUTH_FAILURE, FINAL, "rfc7372#3.1 (X.7.21 no acceptable DKIM signature found)" },
  { "7.22", MODORI_REASON_AUTH_FAILURE, FINAL, "rfc7372#3.1 (X.7.22 no valid author-matched DKIM signature found)" },
  { "7.23", MODORI_REASON_AUTH_FAILURE, REFINE, "rfc7372#3.2 (X.7.23 SPF validation failed)" },
  { "7.24", MODORI_REASON_AUTH_FAILURE, FINAL, "rfc7372#3.2 (X.7.24 SPF validation error)" },
  { "7.25", MODORI_REASON_REQUIRE_PTR, FINAL, "rfc7372#3.3 (X.7.25 reverse DNS validation failed)" },
  { "7.26", MODORI_REASON_AUTH_FAILURE, FINAL, "rfc7372#3.4 (X.7.26 multiple authentication checks failed)" },
  /* RFC 7505 gives X.7.27 to the sender's null MX, but servers also send it
   * for the recipient's domain: the words say whose domain it is (Postfix's
   * "Sender address rejected: Domain ... does not accept mail (nullMX)"). */
  { "7.27", MODORI_REASON_NOT_ACCEPT, REFINE, "rfc7505#4.2 (X.7.27 sender address has null MX); postfix:src/smtpd/smtpd_check.c (reject_unknown_mailhost: 550 4.7.27 for the sender)" },
  { "7.28", MODORI_REASON_SPAM_DETECTED, REFINE, "IANA SMTP enhanced status codes registry (X.7.28 mail flood detected)" },
  { "7.29", MODORI_REASON_AUTH_FAILURE, REFINE, "rfc8617#6.1 (X.7.29 ARC validation failure)" },
  { "7.30", MODORI_REASON_FAILED_STARTTLS, REFINE, "rfc8689#5.3 (X.7.30 REQUIRETLS support required)" },
  /* X.1.10, X.7.23, X.7.27 and X.7.29 are refinable, not final: large
   * providers send them for other causes than the registry's, and say so
   * in their words. Microsoft 365 sends 5.1.10 for a recipient not found
   * in its directory (RESOLVER.ADR.RecipientNotFound); Gmail sends 4.7.23
   * for a missing PTR record, 4.7.27 and 5.7.27 for a failed SPF check,
   * 4.7.29 and 5.7.29 for mail not sent over TLS
   * (https://support.google.com/a/answer/3726730;
   * https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-1-10-in-exchange-online). */
  /* Any other detail of a subject: what the subject itself is about. */
  { "1.*",  MODORI_REASON_USER_UNKNOWN, GENERIC, "rfc3463#3.2 (X.1.XXX addressing status)" },
  { "2.*",  MODORI_REASON_MAILBOX_FULL, GENERIC, "rfc3463#3.3 (X.2.XXX mailbox status)" },
  { "3.*",  MODORI_REASON_SYSTEM_ERROR, GENERIC, "rfc3463#3.4 (X.3.XXX mail system status)" },
  { "4.*",  MODORI_REASON_NETWORK_ERROR, GENERIC, "rfc3463#3.5 (X.4.XXX network and routing status)" },
  { "5.*",  MODORI_REASON_SYNTAX_ERROR, GENERIC, "rfc3463#3.6 (X.5.XXX mail delivery protocol status)" },
  { "6.*",  MODORI_REASON_CONTENT_ERROR, GENERIC, "rfc3463#3.7 (X.6.XXX message content or media status)" },
  { "7.*",  MODORI_REASON_SECURITY_ERROR, GENERIC, "rfc3463#3.8 (X.7.XXX security or policy status)" },
};

const guint _modori_n_status_rules = G_N_ELEMENTS (_modori_status_rules);

const ReplyRule _modori_reply_rules[] = {
  { "421", MODORI_REASON_TOO_MANY_CONN, "rfc5321#4.2.3 (421 service not available, closing transmission channel)" },
  { "451", MODORI_REASON_SYSTEM_ERROR, "rfc5321#4.2.3 (451 local error in processing)" },
  { "452", MODORI_REASON_SYSTEM_FULL, "rfc5321#4.2.3 (452 insufficient system storage)" },
  { "500", MODORI_REASON_SYNTAX_ERROR, "rfc5321#4.2.3 (500 syntax error, command unrecognized)" },
  { "501", MODORI_REASON_SYNTAX_ERROR, "rfc5321#4.2.3 (501 syntax error in parameters or arguments)" },
  { "502", MODORI_REASON_SYNTAX_ERROR, "rfc5321#4.2.3 (502 command not implemented)" },
  { "503", MODORI_REASON_SYNTAX_ERROR, "rfc5321#4.2.3 (503 bad sequence of commands)" },
  { "504", MODORI_REASON_SYNTAX_ERROR, "rfc5321#4.2.3 (504 command parameter not implemented)" },
  { "521", MODORI_REASON_NOT_ACCEPT, "rfc7504#3 (521 host does not accept mail)" },
  { "530", MODORI_REASON_SECURITY_ERROR, "rfc4954#6 (530 authentication required)" },
  { "535", MODORI_REASON_SECURITY_ERROR, "rfc4954#6 (535 authentication credentials invalid)" },
  { "550", MODORI_REASON_USER_UNKNOWN, "rfc5321#4.2.3 (550 mailbox unavailable)" },
  { "551", MODORI_REASON_HAS_MOVED, "rfc5321#3.4 (551 user not local; please try <forward-path>)" },
  { "552", MODORI_REASON_MAILBOX_FULL, "rfc5321#4.2.3 (552 exceeded storage allocation)" },
  { "553", MODORI_REASON_USER_UNKNOWN, "rfc5321#4.2.3 (553 mailbox name not allowed)" },
  { "554", MODORI_REASON_REJECTED, "rfc5321#4.2.3 (554 transaction failed)" },
  { "556", MODORI_REASON_NOT_ACCEPT, "rfc7504#3 (556 domain does not accept mail)" },
};

const guint _modori_n_reply_rules = G_N_ELEMENTS (_modori_reply_rules);
