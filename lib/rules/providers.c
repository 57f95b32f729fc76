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
  { "tencent", "qq.com foxmail.com" },
  { "comcast", "comcast.net xfinity.com" },
  { "att", "att.net sbcglobal.net bellsouth.net pacbell.net swbell.net flash.net prodigy.net ameritech.net nvbell.net snet.net wans.net" },
  { "sfr", "sfr.fr neuf.fr cegetel.net club-internet.fr numericable.fr noos.fr" },
  { "free", "free.fr aliceadsl.fr libertysurf.fr proxad.net" },
  { "unitedinternet", "gmx.net gmx.de gmx.at gmx.ch gmx.com gmx.co.uk gmx.fr gmx.es gmx.it web.de mail.com 1und1.de kundenserver.de ionos.com ionos.de" },
  { "tonline", "t-online.de magenta.de" },
  { "yandex", "yandex.ru yandex.com yandex.net ya.ru yandex.by yandex.kz yandex.ua yandex.com.tr narod.ru" },
};

const guint _modori_n_providers = G_N_ELEMENTS (_modori_providers);

const ProviderRule _modori_provider_rules[] = {
  /* Google: https://support.google.com/a/answer/3726730 */
  { "google", NULL, NULL, "unusual rate of unsolicited mail", MODORI_REASON_BLOCKED, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "low reputation", MODORI_REASON_BAD_REPUTATION, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "likely unsolicited mail", MODORI_REASON_SPAM_DETECTED, NULL, "https://support.google.com/a/answer/3726730" },
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
  { "docomo", NULL, NULL, "unknown user", MODORI_REASON_REJECTED, "DATA", "https://tuono034s.com/web-entry/3575/ (docomo: \"550 Unknown user\" after DATA is the reception settings refusing the sender)" },

  /* au answers "550 : User unknown", with no address, when the
   * recipient's reception filter refuses the sender. (SoftBank says
   * "unknown user" after DATA for the same: the conflict rule in
   * classify.c for an unknown user with no refused RCPT makes it filtered.) */
  { "au", NULL, NULL, "550 : user unknown", MODORI_REASON_FILTERED, NULL, "https://tuono034s.com/web-entry/3575/ (au: the reception filter's refusal, the address left out)" },
  /* ... and "550 <address>: User unknown" when the address does not exist. */
  { "au", NULL, NULL, "user unknown", MODORI_REASON_FILTERED, "DATA", "https://tuono34s.com/web-entry/3575/ (au answers a refused sender after DATA)" },
  { "au", NULL, NULL, ">: user unknown", MODORI_REASON_USER_UNKNOWN, NULL, "https://note.com/sendmagic/n/n875d8dcb6cb8 (au: \"550 <address>: User unknown\" at RCPT)" },

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
  { "laposte", NULL, NULL, "adresse destinataire invalide", MODORI_REASON_USER_UNKNOWN, NULL, "https://bentonow.com/smtp-errors/laposte (LPN007_416 invalid recipient address)" },

  /* Orange: code 506 is mail taken for spam. */
  { "orange", NULL, NULL, "ofr_506", MODORI_REASON_SPAM_DETECTED, NULL, "https://bentonow.com/smtp-errors/orange (OFR_506: mail rejected as spam)" },
  { "orange", NULL, NULL, "ofr004_104", MODORI_REASON_TOO_MANY_CONN, NULL, "https://www.bentonow.com/docs/orange-bounce-codes (OFR004_104: trop de connexions)" },
  { "orange", NULL, NULL, "ofr004_", MODORI_REASON_BLOCKED, NULL, "https://bentonow.com/smtp-errors/orange (OFR004_1xx: service refused to the sending IP)" },

  /* Tencent QQ: per-IP frequency limits. */
  { "tencent", NULL, NULL, "frequency limited", MODORI_REASON_TOO_MANY_CONN, NULL, "http://qiao.yimirj.com/article/detail/2261 (QQ: per-IP, domain and sender frequency limits)" },

  /* Google: words that mean something narrower at Google than elsewhere
   * (https://support.google.com/a/answer/3726730). */
  { "google", NULL, NULL, "email quota exceeded", MODORI_REASON_SPEEDING, NULL, "https://support.google.com/a/answer/3726730 (the sender's own sending quota)" },
  { "google", NULL, NULL, "daily smtp relay", MODORI_REASON_SPEEDING, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "temporarily suspended due to abuse", MODORI_REASON_REJECTED, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "mail sending denied", MODORI_REASON_REJECTED, NULL, "https://support.google.com/a/answer/3726730" },
  { "google", NULL, NULL, "please log in", MODORI_REASON_SECURITY_ERROR, NULL, "https://support.google.com/a/answer/3726730" },

  /* Yahoo and AOL */
  { "yahoo", NULL, NULL, "permanently deferred", MODORI_REASON_BLOCKED, NULL, "https://help.yahoo.com/kb/SLN3436.html" },
  { "yahoo", NULL, NULL, "excessive unknown recipients", MODORI_REASON_BLOCKED, NULL, "https://help.yahoo.com/kb/SLN3444.html (\"451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)\": the sending server, not the sender's domain that X.1.8 names)" },
  { "yahoo", NULL, NULL, "user not accepting mail from this sender", MODORI_REASON_FILTERED, NULL, "https://postmaster.aol.com/errors (AOL: the recipient refuses the sender)" },

  /* Apple iCloud */
  { "apple", NULL, NULL, "user does not exist", MODORI_REASON_USER_UNKNOWN, NULL, "https://support.apple.com/en-us/102322" },

  /* Comcast: https://postmaster.comcast.net/mail-error-codes.html */
  { "comcast", NULL, NULL, "bl000", MODORI_REASON_BLOCKED, NULL, "https://postmaster.comcast.net/mail-error-codes.html (BL000xxx: block lists)" },

  /* Cox: IPBLxxxx are block lists. */
  { "cox", NULL, NULL, "ipbl", MODORI_REASON_BLOCKED, NULL, "https://postmaster.cox.net/confluence/display/postmaster/Error+Codes" },

  /* Charter / Spectrum */
  { "spectrum", NULL, NULL, "message rejected", MODORI_REASON_SPAM_DETECTED, NULL, "https://www.spectrum.net/support/internet/understanding-email-error-codes" },

  /* AT&T (att.net, bellsouth.net ...) */
  { "att", NULL, NULL, "is blocked", MODORI_REASON_BLOCKED, NULL, "http://worldnet.att.net/general-info/bls_info/block_enduser.html" },
  { "att", NULL, NULL, "blocked for status", MODORI_REASON_REQUIRE_PTR, NULL, "http://www.att.net/general-info/mail_info/block_enduser.html (no identifiable reverse DNS)" },
  { "att", NULL, NULL, "busy--please try again later", MODORI_REASON_TOO_MANY_CONN, NULL, "http://worldnet.att.net/general-info/bls_info/block_enduser.html" },

  /* SFR, Free */
  { "sfr", NULL, NULL, "message content rejected", MODORI_REASON_SPAM_DETECTED, NULL, "https://assistance.sfr.fr (550 5.7.1 Message content rejected)" },
  { "free", NULL, NULL, "spam detected", MODORI_REASON_SPAM_DETECTED, NULL, "http://postmaster.free.fr/" },

  /* 1&1, GMX, web.de (United Internet) */
  { "unitedinternet", NULL, NULL, "quota exceeded", MODORI_REASON_MAILBOX_FULL, NULL, "https://www.ionos.ca/help/email/troubleshooting-mail-basicmail-business/error-messages-caused-by-undeliverable-email" },
  { "unitedinternet", NULL, NULL, "user is inactive", MODORI_REASON_SUSPEND, NULL, "https://www.ionos.ca/help/email/troubleshooting-mail-basicmail-business/error-messages-caused-by-undeliverable-email" },
  { "unitedinternet", NULL, NULL, "user is unknown", MODORI_REASON_USER_UNKNOWN, NULL, "https://www.ionos.ca/help/email/troubleshooting-mail-basicmail-business/error-messages-caused-by-undeliverable-email" },

  /* T-Online */
  { "tonline", NULL, NULL, "over storage quota", MODORI_REASON_MAILBOX_FULL, NULL, "https://postmaster.t-online.de" },

  /* Yandex: https://yandex.com/support/mail/bounces/yandex.html */
  { "yandex", NULL, NULL, "policy rejection on the target address", MODORI_REASON_SUSPEND, NULL, "https://yandex.com/support/mail/bounces/yandex/policy-rejection-on-the-target-address.html" },
  { "yandex", NULL, NULL, "mailbox size limit exceeded", MODORI_REASON_MAILBOX_FULL, NULL, "https://yandex.com/support/mail/bounces/yandex/mailbox-size-limit-exceeded.html" },
  { "yandex", NULL, NULL, "mailbox size exceeded", MODORI_REASON_MAILBOX_FULL, NULL, "https://yandex.com/support/mail/bounces/yandex/mailbox-size-limit-exceeded.html" },
  { "yandex", NULL, NULL, "no such user", MODORI_REASON_USER_UNKNOWN, NULL, "https://yandex.com/support/mail/bounces/yandex.html" },

  /* Tencent QQ */
  { "tencent", NULL, NULL, "content rejected", MODORI_REASON_SPAM_DETECTED, NULL, "https://service.mail.qq.com (550 Error: content rejected)" },

  /* docomo: too much mail data is a full mailbox. */
  { "docomo", NULL, NULL, "too much mail data", MODORI_REASON_MAILBOX_FULL, NULL, "https://note.com/sendmagic/n/neb6bbe7e51cf" },
  /* SoftBank: "Invalid recipient" is an address that does not exist. */
  { "softbank", NULL, NULL, "invalid recipient:", MODORI_REASON_USER_UNKNOWN, NULL, "https://note.com/sendmagic/n/n5afbf98aeb25" },
};

const guint _modori_n_provider_rules = G_N_ELEMENTS (_modori_provider_rules);
