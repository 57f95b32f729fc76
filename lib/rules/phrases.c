/* phrases.c: what server replies say, as phrases.
 *
 * Matching is case-insensitive with whitespace runs as one space. When
 * several phrases occur, the earliest entry wins: the replies the project
 * was born from come first, then specific phrases, then general ones. */
#include "rules.h"

const PhraseRule _modori_phrase_rules[] = {
  /* Replies named in the seed facts. */
  { "invalid route address", MODORI_REASON_USER_UNKNOWN },
  { "illegal comma in host name part", MODORI_REASON_HOST_UNKNOWN },
  { "address contains invalid control characters", MODORI_REASON_USER_UNKNOWN },
  { "polite people say helo first", MODORI_REASON_SYNTAX_ERROR },
  { "relaying denied", MODORI_REASON_NO_RELAYING },
  { "relay operation rejected", MODORI_REASON_NO_RELAYING },
  { "mailbox is full", MODORI_REASON_MAILBOX_FULL },
  { "user unknown", MODORI_REASON_USER_UNKNOWN },
  { "host unknown", MODORI_REASON_HOST_UNKNOWN },

  /* Relaying. */
  { "relay access denied", MODORI_REASON_NO_RELAYING },
  { "relaying not permitted", MODORI_REASON_NO_RELAYING },
  { "relay not permitted", MODORI_REASON_NO_RELAYING },
  { "not permitted to relay", MODORI_REASON_NO_RELAYING },
  { "unable to relay", MODORI_REASON_NO_RELAYING },
  { "we do not relay", MODORI_REASON_NO_RELAYING },
  { "not configured to relay", MODORI_REASON_NO_RELAYING },
  { "relaying to", MODORI_REASON_NO_RELAYING },

  /* Mailbox full. */
  { "mailbox full", MODORI_REASON_MAILBOX_FULL },
  { "over quota", MODORI_REASON_MAILBOX_FULL },
  { "quota exceeded", MODORI_REASON_MAILBOX_FULL },
  { "exceeded storage allocation", MODORI_REASON_MAILBOX_FULL },
  { "mailbox size limit exceeded", MODORI_REASON_MAILBOX_FULL },
  { "user has exceeded", MODORI_REASON_MAILBOX_FULL },
  { "mail box full", MODORI_REASON_MAILBOX_FULL },
  { "recipient's mailbox exceeded", MODORI_REASON_MAILBOX_FULL },
  { "mailbox exceeds allowed size", MODORI_REASON_MAILBOX_FULL },

  /* Sender authentication (before "rejected" and policy phrases). */
  { "dmarc", MODORI_REASON_AUTH_FAILURE },
  { "does not have authentication information", MODORI_REASON_AUTH_FAILURE },
  { "fails to pass authentication checks", MODORI_REASON_AUTH_FAILURE },
  { "spf check failed", MODORI_REASON_AUTH_FAILURE },
  { "spf validation failed", MODORI_REASON_AUTH_FAILURE },
  { "dkim signature", MODORI_REASON_AUTH_FAILURE },

  /* Reverse DNS of the sending server. */
  { "reverse dns", MODORI_REASON_REQUIRE_PTR },
  { "ptr record", MODORI_REASON_REQUIRE_PTR },
  { "ip name lookup failed", MODORI_REASON_REQUIRE_PTR },
  { "cannot find your hostname", MODORI_REASON_REQUIRE_PTR },
  { "cannot find your reverse hostname", MODORI_REASON_REQUIRE_PTR },   /* Postfix reject_unknown_reverse_client_hostname */
  { "cannot resolve your address", MODORI_REASON_REQUIRE_PTR },
  { "no reverse", MODORI_REASON_REQUIRE_PTR },
  { "mismatches client ip", MODORI_REASON_REQUIRE_PTR },
  { "invalid rdns", MODORI_REASON_REQUIRE_PTR },
  { "unverifyable sending ip", MODORI_REASON_REQUIRE_PTR },
  { "unverifiable sending ip", MODORI_REASON_REQUIRE_PTR },

  /* Viruses before spam: scanners often say both. */
  { "virus", MODORI_REASON_VIRUS_DETECTED },
  { "malware", MODORI_REASON_VIRUS_DETECTED },
  { "infected", MODORI_REASON_VIRUS_DETECTED },

  /* Standards compliance of the message. */
  { "not rfc 5322 compliant", MODORI_REASON_NOT_COMPLIANT_RFC },
  { "not rfc5322 compliant", MODORI_REASON_NOT_COMPLIANT_RFC },
  { "multiple addresses in from", MODORI_REASON_NOT_COMPLIANT_RFC },
  { "duplicate header", MODORI_REASON_NOT_COMPLIANT_RFC },

  /* An address (not the sending IP) on a block list. */
  { "address that has been blacklisted", MODORI_REASON_REJECTED },
  { "address has been blacklisted", MODORI_REASON_REJECTED },

  /* The sending IP refused. */
  { "blacklisted", MODORI_REASON_BLOCKED },
  { "blocklisted", MODORI_REASON_BLOCKED },
  { "block list", MODORI_REASON_BLOCKED },
  { "blocklist", MODORI_REASON_BLOCKED },
  { "blacklist", MODORI_REASON_BLOCKED },
  { "spamhaus", MODORI_REASON_BLOCKED },
  { "dnsbl", MODORI_REASON_BLOCKED },
  { "banned sending ip", MODORI_REASON_BLOCKED },
  { "client host rejected", MODORI_REASON_BLOCKED },
  { "client host blocked", MODORI_REASON_BLOCKED },
  { "source ip", MODORI_REASON_BLOCKED },
  { "blocked ip", MODORI_REASON_BLOCKED },
  { "ip address blocked", MODORI_REASON_BLOCKED },
  { "connection refused", MODORI_REASON_BLOCKED },
  { "blocked using", MODORI_REASON_BLOCKED },
  { "use the smtp server of your isp", MODORI_REASON_BLOCKED },
  { "open relay", MODORI_REASON_BLOCKED },
  { "service refused", MODORI_REASON_BLOCKED },
  { "invalid ip for sending", MODORI_REASON_BLOCKED },
  { "refused to talk to me", MODORI_REASON_BLOCKED },
  { "low reputation", MODORI_REASON_BAD_REPUTATION },
  { "poor reputation", MODORI_REASON_BAD_REPUTATION },
  { "bad reputation", MODORI_REASON_BAD_REPUTATION },

  /* Spam. */
  { "spam", MODORI_REASON_SPAM_DETECTED },
  { "message content rejected", MODORI_REASON_SPAM_DETECTED },
  { "unsolicited", MODORI_REASON_SPAM_DETECTED },
  { "junk mail", MODORI_REASON_SPAM_DETECTED },
  { ", ube,", MODORI_REASON_SPAM_DETECTED },

  /* Policy. */
  { "policy reasons", MODORI_REASON_POLICY_VIOLATION },
  { "denied by policy", MODORI_REASON_POLICY_VIOLATION },
  { "protocol violation", MODORI_REASON_POLICY_VIOLATION },
  { "presents a potential security issue", MODORI_REASON_POLICY_VIOLATION },
  { "delivery not authorized", MODORI_REASON_SECURITY_ERROR },
  { "security policies", MODORI_REASON_POLICY_VIOLATION },

  /* Sending too fast. */
  { "receiving mail at a rate", MODORI_REASON_SPEEDING },
  { "rate limit", MODORI_REASON_TOO_MANY_CONN },
  { "frequency limited", MODORI_REASON_TOO_MANY_CONN },

  /* Suspended accounts, before "unknown" phrases they may contain. */
  { "mailbox disabled", MODORI_REASON_SUSPEND },
  { "account disabled", MODORI_REASON_SUSPEND },
  { "account has been disabled", MODORI_REASON_SUSPEND },
  { "account is disabled", MODORI_REASON_SUSPEND },
  { "mailbox is inactive", MODORI_REASON_SUSPEND },
  { "account is suspended", MODORI_REASON_SUSPEND },
  { "account is locked", MODORI_REASON_SUSPEND },
  { "account has been suspended", MODORI_REASON_SUSPEND },
  { "temporary locked", MODORI_REASON_SUSPEND },
  { "temporarily locked", MODORI_REASON_SUSPEND },
  { "account is blocked", MODORI_REASON_SUSPEND },
  { "mailbox is frozen", MODORI_REASON_SUSPEND },

  /* Unknown users. The mail system's own directory statements first
   * (marked TRUE: they need no RCPT to confirm them). */
  { "the recipient name is not recognized", MODORI_REASON_USER_UNKNOWN, TRUE },
  { "unknown user", MODORI_REASON_USER_UNKNOWN },
  { "no such user", MODORI_REASON_USER_UNKNOWN },
  { "user not found", MODORI_REASON_USER_UNKNOWN },
  { "no such mailbox", MODORI_REASON_USER_UNKNOWN },
  { "mailbox not found", MODORI_REASON_USER_UNKNOWN },
  { "mailbox unavailable", MODORI_REASON_USER_UNKNOWN },
  { "recipient not found", MODORI_REASON_USER_UNKNOWN },
  { "unknown recipient", MODORI_REASON_USER_UNKNOWN },
  { "invalid recipient", MODORI_REASON_USER_UNKNOWN },
  { "invalid mailbox", MODORI_REASON_USER_UNKNOWN },
  { "no mailbox here", MODORI_REASON_USER_UNKNOWN },
  { "unrouteable address", MODORI_REASON_USER_UNKNOWN, TRUE },   /* Exim's own router */
  { "account does not exist", MODORI_REASON_USER_UNKNOWN },
  { "address does not exist", MODORI_REASON_USER_UNKNOWN },
  { "user does not exist", MODORI_REASON_USER_UNKNOWN },
  { "user not exist", MODORI_REASON_USER_UNKNOWN },
  { "not listed in domino directory", MODORI_REASON_USER_UNKNOWN, TRUE },
  { "not listed in public name & address book", MODORI_REASON_USER_UNKNOWN, TRUE },
  { "ディレクトリのリストにありません", MODORI_REASON_USER_UNKNOWN, TRUE },   /* Notes, in Japanese */
  { "no valid recipients", MODORI_REASON_USER_UNKNOWN, TRUE },
  { "recipient address rejected: access denied", MODORI_REASON_USER_UNKNOWN },
  { "invalid final delivery userid", MODORI_REASON_USER_UNKNOWN, TRUE },
  { "bad destination mailbox address", MODORI_REASON_USER_UNKNOWN },
  { "user doesn't have a", MODORI_REASON_USER_UNKNOWN },
  { "check if address is correct", MODORI_REASON_USER_UNKNOWN, TRUE },

  /* Domains that take no mail at all (a null MX
   * answer is not a DNS failure, so before those). */
  { "doesn't receive email", MODORI_REASON_NOT_ACCEPT },
  { "does not receive email", MODORI_REASON_NOT_ACCEPT },
  { "does not accept mail", MODORI_REASON_NOT_ACCEPT },
  { "null mx", MODORI_REASON_NOT_ACCEPT },
  /* A domain with no mail exchanger takes no mail, whatever the DNS
   * answered for its other records. */
  { "couldn't find a mail exchanger", MODORI_REASON_NOT_ACCEPT },
  { "no mx record", MODORI_REASON_NOT_ACCEPT },
  { "type=mx:", MODORI_REASON_NOT_ACCEPT },

  /* DNS failures, before the unknown-host phrases their text contains. */
  { "dns error", MODORI_REASON_NETWORK_ERROR },
  { "name service error", MODORI_REASON_NETWORK_ERROR },
  { "network error", MODORI_REASON_NETWORK_ERROR },

  /* Unknown hosts. */
  { "domain not found", MODORI_REASON_HOST_UNKNOWN },
  { "unknown host", MODORI_REASON_HOST_UNKNOWN },
  { "host not found", MODORI_REASON_HOST_UNKNOWN },
  { "no such domain", MODORI_REASON_HOST_UNKNOWN },
  { "domain does not exist", MODORI_REASON_HOST_UNKNOWN },
  { "name or service not known", MODORI_REASON_HOST_UNKNOWN },
  { "unrouteable mail domain", MODORI_REASON_HOST_UNKNOWN },
  { "domain is not reachable", MODORI_REASON_HOST_UNKNOWN },
  { "domain name not found", MODORI_REASON_HOST_UNKNOWN },
  { "point to non-existent hosts", MODORI_REASON_HOST_UNKNOWN },

  /* Size. */
  { "message size exceeds", MODORI_REASON_MESG_TOO_BIG },
  { "message too large", MODORI_REASON_MESG_TOO_BIG },
  { "message too big", MODORI_REASON_MESG_TOO_BIG },

  /* Time. */
  { "retry timeout exceeded", MODORI_REASON_EXPIRED },
  { "delivery time expired", MODORI_REASON_EXPIRED },
  { "message expired", MODORI_REASON_EXPIRED },

  /* Giving up on a server that never answered. */
  { "connection timed out", MODORI_REASON_EXPIRED },
  { "did not accept our requests to connect", MODORI_REASON_EXPIRED },
  { "was not delivered within", MODORI_REASON_EXPIRED },
  { "will be retried", MODORI_REASON_EXPIRED },
  { "operation timed out", MODORI_REASON_EXPIRED },
  { "envelope expired", MODORI_REASON_EXPIRED },

  /* Network. */
  { "too many hops", MODORI_REASON_NETWORK_ERROR },
  { "no route to host", MODORI_REASON_NETWORK_ERROR },
  { "mail loop", MODORI_REASON_NETWORK_ERROR },
  { "loops back to myself", MODORI_REASON_NETWORK_ERROR },

  /* Connections. */
  { "too many connections", MODORI_REASON_TOO_MANY_CONN },
  { "too many recipients", MODORI_REASON_TOO_MANY_CONN },

  /* Server storage. */
  { "insufficient system storage", MODORI_REASON_SYSTEM_FULL },

  /* Sender refused. */
  { "sender address rejected", MODORI_REASON_REJECTED },
  { "sender rejected", MODORI_REASON_REJECTED },
  { "sender verify failed", MODORI_REASON_REJECTED },
  { "not a member of this mailing list", MODORI_REASON_REJECTED },   /* the list takes posts from members only */

  /* Failures of the receiving system. */
  { "mailer error", MODORI_REASON_MAILER_ERROR },
  { "local delivery failed", MODORI_REASON_MAILER_ERROR },   /* a pipe or local program failed */
  { "transaction failed", MODORI_REASON_SYSTEM_ERROR },
  { "system error", MODORI_REASON_SYSTEM_ERROR },
  { "internal error", MODORI_REASON_SYSTEM_ERROR },
  { "local error in processing", MODORI_REASON_SYSTEM_ERROR },
  /* A list manager that saw the same message twice stopped a loop. */
  { "duplicated message-id", MODORI_REASON_SYSTEM_ERROR },

  /* Protocol. */
  { "syntax error", MODORI_REASON_SYNTAX_ERROR },
  { "command unrecognized", MODORI_REASON_SYNTAX_ERROR },
};

const guint _modori_n_phrase_rules = G_N_ELEMENTS (_modori_phrase_rules);
