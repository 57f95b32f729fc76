/* providers.c: what large mailbox providers mean by their own codes.
 *
 * A provider is recognized by the remote host (rhost) or the destination
 * domain ending in one of its domains. Its rules are tried in order; a
 * rule holds when the status code is in its range (when it has one) and
 * its phrase occurs in the diagnostic text (when it has one). The codes
 * and phrases are the ones the providers document on their postmaster
 * pages; they say more than the generic RFC 3463 code they come with. */
#include "rules.h"

const Provider _modori_providers[] = {
  { "google", "google.com gmail.com googlemail.com" },
  { "microsoft", "outlook.com hotmail.com hotmail.co.jp hotmail.co.uk live.com live.jp msn.com outlook.jp" },
  { "yahoo", "yahoo.com yahoo.co.uk yahoo.fr yahoo.ca ymail.com rocketmail.com yahoodns.net aol.com aim.com" },
  { "apple", "icloud.com me.com mac.com" },
  { "docomo", "docomo.ne.jp" },
  { "au", "ezweb.ne.jp au.com" },
  { "spectrum", "charter.net spectrum.net rr.com twc.com roadrunner.com brighthouse.com" },
  { "laposte", "laposte.net" },
  { "softbank", "softbank.ne.jp i.softbank.jp disney.ne.jp" },
  { "cox", "cox.net" },
  { "orange", "orange.fr wanadoo.fr" },
  { "tencent", "qq.com" },
};

const guint _modori_n_providers = G_N_ELEMENTS (_modori_providers);

const ProviderRule _modori_provider_rules[] = {
  /* Google: https://support.google.com/a/answer/3726730 */
  { "google", NULL, NULL, "unusual rate of unsolicited mail", MODORI_REASON_BLOCKED, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "low reputation", MODORI_REASON_BAD_REPUTATION, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "likely unsolicited mail", MODORI_REASON_SPAM_DETECTED, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "our system has detected that this message", MODORI_REASON_SPAM_DETECTED, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "addresses in from: header are not accepted", MODORI_REASON_NOT_COMPLIANT_RFC, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "not rfc 5322 compliant", MODORI_REASON_NOT_COMPLIANT_RFC, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "content presents a potential security issue", MODORI_REASON_POLICY_VIOLATION, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "is not authorized to send email directly to our servers", MODORI_REASON_BLOCKED, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "ip not in whitelist", MODORI_REASON_BLOCKED, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "must issue a starttls command first", MODORI_REASON_FAILED_STARTTLS, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "receiving mail at a rate that", MODORI_REASON_SPEEDING, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "account that you tried to reach is disabled", MODORI_REASON_SUSPEND, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "sender is unauthenticated", MODORI_REASON_AUTH_FAILURE, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", "7.26", "7.27", NULL, MODORI_REASON_AUTH_FAILURE, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "prohibited the mail that you sent", MODORI_REASON_POLICY_VIOLATION, NULL, "https://support.google.com/a/answer/3726730" },

  /* Microsoft (Exchange Online, Outlook.com):
   * https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online */
  { "microsoft", "1.10", "1.10", NULL, MODORI_REASON_USER_UNKNOWN, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },   /* RecipientNotFound, not null MX */
  { "microsoft", "4.1", "4.1", "access denied", MODORI_REASON_USER_UNKNOWN, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" }, /* directory-based edge blocking */
  { "microsoft", "4.14", "4.14", NULL, MODORI_REASON_NETWORK_ERROR, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },  /* hop count exceeded */
  { "microsoft", "7.509", "7.509", NULL, MODORI_REASON_AUTH_FAILURE, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" }, /* DMARC reject */
  { "microsoft", "7.515", "7.515", NULL, MODORI_REASON_AUTH_FAILURE, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" }, /* authentication requirements */
  { "microsoft", "7.511", "7.511", NULL, MODORI_REASON_BLOCKED, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },      /* banned sender */
  { "microsoft", "7.520", "7.520", NULL, MODORI_REASON_POLICY_VIOLATION, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" }, /* external forwarding */
  { "microsoft", "7.606", "7.649", NULL, MODORI_REASON_BLOCKED, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },      /* banned sending IP */
  { "microsoft", "7.650", "7.651", NULL, MODORI_REASON_BAD_REPUTATION, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" }, /* rate limited for reputation */
  { "microsoft", "7.700", "7.750", NULL, MODORI_REASON_BLOCKED, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },      /* tenant/IP not accepted */
  { "microsoft", "7.57", "7.57", NULL, MODORI_REASON_SECURITY_ERROR, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" }, /* anonymous relay */
  { "microsoft", "7.133", "7.136", NULL, MODORI_REASON_REJECTED, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },     /* sender not allowed to the group */
  { "microsoft", NULL, NULL, "banned sending ip", MODORI_REASON_BLOCKED, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },
  { "microsoft", NULL, NULL, "resolver.adr.recipientnotfound", MODORI_REASON_USER_UNKNOWN, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },
  { "microsoft", NULL, NULL, "resolver.adr.recipnotfound", MODORI_REASON_USER_UNKNOWN, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },
  { "microsoft", NULL, NULL, "requested action not taken: mailbox unavailable", MODORI_REASON_USER_UNKNOWN, NULL, "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online" },

  /* Yahoo and AOL: https://senders.yahooinc.com/smtp-error-codes */
  { "yahoo", NULL, NULL, "[tss04]", MODORI_REASON_BAD_REPUTATION, NULL, "https://senders.yahooinc.com/smtp-error-codes" },   /* volume or user complaints */
  { "yahoo", NULL, NULL, "[ts01]", MODORI_REASON_BAD_REPUTATION, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "[ts02]", MODORI_REASON_BAD_REPUTATION, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "[ts03]", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },           /* permanently deferred */
  { "yahoo", NULL, NULL, "[tss09]", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "[bl21]", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },           /* Spamhaus PBL */
  { "yahoo", NULL, NULL, "[bl22]", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "[bl23]", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "not accepted for policy reasons", MODORI_REASON_POLICY_VIOLATION, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "doesn't have a yahoo", MODORI_REASON_USER_UNKNOWN, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "your message size exceeds", MODORI_REASON_MESG_TOO_BIG, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "(dyn:t1)", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },         /* AOL: dynamic IP */
  { "yahoo", NULL, NULL, "(rly:b1)", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "(rly:b2)", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "(rly:b3)", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "(con:b1)", MODORI_REASON_BLOCKED, NULL, "https://senders.yahooinc.com/smtp-error-codes" },
  { "yahoo", NULL, NULL, "(dns:nr)", MODORI_REASON_REQUIRE_PTR, NULL, "https://senders.yahooinc.com/smtp-error-codes" },     /* AOL: no reverse DNS */

  /* Apple iCloud: https://support.apple.com/en-us/102322 */
  { "apple", NULL, NULL, "[cs01]", MODORI_REASON_POLICY_VIOLATION, NULL, "https://support.apple.com/en-us/102322" },
  { "apple", NULL, NULL, "[hm07]", MODORI_REASON_POLICY_VIOLATION, NULL, "https://support.apple.com/en-us/102322" },
  { "apple", NULL, NULL, "[hm08]", MODORI_REASON_POLICY_VIOLATION, NULL, "https://support.apple.com/en-us/102322" },
  { "apple", NULL, NULL, "blocked - see", MODORI_REASON_BLOCKED, NULL, "https://support.apple.com/en-us/102322" },

  /* docomo answers "550 Unknown user" after DATA when the recipient's
   * reception settings refuse the sender: the address exists. */
  { "docomo", NULL, NULL, "unknown user", MODORI_REASON_REJECTED, "DATA", "TODO" },

  /* au answers "550 : User unknown", with no address, when the
   * recipient's reception filter refuses the sender. (SoftBank says
   * "unknown user" after DATA for the same: the conflict rule in
   * classify.c for an unknown user with no refused RCPT makes it filtered.) */
  { "au", NULL, NULL, "550 : user unknown", MODORI_REASON_FILTERED, NULL, "TODO" },
  /* ... and "550 <address>: User unknown" when the address does not exist. */
  { "au", NULL, NULL, ">: user unknown", MODORI_REASON_USER_UNKNOWN, NULL, "TODO" },

  /* Cox: https://www.cox.com/residential/support/email-error-codes.html */
  { "cox", NULL, NULL, "aup#cdrbl", MODORI_REASON_BLOCKED, NULL, "https://www.cox.com/residential/support/email-error-codes.html" },
  { "cox", NULL, NULL, "aup#cxbl", MODORI_REASON_BLOCKED, NULL, "https://www.cox.com/residential/support/email-error-codes.html" },
  { "cox", NULL, NULL, "aup#cxcnct", MODORI_REASON_TOO_MANY_CONN, NULL, "https://www.cox.com/residential/support/email-error-codes.html" },
  { "cox", NULL, NULL, "aup#cxmxrt", MODORI_REASON_TOO_MANY_CONN, NULL, "https://www.cox.com/residential/support/email-error-codes.html" },

  /* Spectrum (Charter, Time Warner, Roadrunner): AUP#...13xx codes are
   * rate and connection limits, AUP#...1010 a block of the sending IP.
   * https://www.spectrum.net/support/internet/understanding-email-error-codes */
  { "spectrum", NULL, NULL, "aup#in-13", MODORI_REASON_TOO_MANY_CONN, NULL, "https://www.spectrum.net/support/internet/understanding-email-error-codes" },
  { "spectrum", NULL, NULL, "aup#i-13", MODORI_REASON_TOO_MANY_CONN, NULL, "https://www.spectrum.net/support/internet/understanding-email-error-codes" },
  { "spectrum", NULL, NULL, "aup#13", MODORI_REASON_TOO_MANY_CONN, NULL, "https://www.spectrum.net/support/internet/understanding-email-error-codes" },
  { "spectrum", NULL, NULL, "aup#i-1010", MODORI_REASON_BLOCKED, NULL, "https://www.spectrum.net/support/internet/understanding-email-error-codes" },
  { "spectrum", NULL, NULL, "aup#in-1010", MODORI_REASON_BLOCKED, NULL, "https://www.spectrum.net/support/internet/understanding-email-error-codes" },

  /* La Poste checks recipients after DATA: "Adresse destinataire
   * invalide" (LPN007_416) is an address that does not exist. */
  { "laposte", NULL, NULL, "adresse destinataire invalide", MODORI_REASON_USER_UNKNOWN, NULL, "TODO" },

  /* Orange: code 506 is mail taken for spam. */
  { "orange", NULL, NULL, "ofr_506", MODORI_REASON_SPAM_DETECTED, NULL, "TODO" },
  { "orange", NULL, NULL, "ofr004_", MODORI_REASON_BLOCKED, NULL, "TODO" },

  /* Tencent QQ: per-IP frequency limits. */
  { "tencent", NULL, NULL, "frequency limited", MODORI_REASON_TOO_MANY_CONN, NULL, "TODO" },
};

const guint _modori_n_provider_rules = G_N_ELEMENTS (_modori_provider_rules);
