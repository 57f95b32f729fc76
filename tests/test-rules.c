/* test-rules.c: the classification tables and the order of evidence. */
#include <string.h>

#include "classify.h"
#include "hint.h"
#include "matcher.h"

static void
test_status_table (void)
{
  static const struct { const char *code; ModoriReason reason; StatusStrength strength; } cases[] = {
    /* One cause: outranks every phrase. */
    { "5.1.6", MODORI_REASON_HAS_MOVED, STATUS_FINAL },
    { "5.2.2", MODORI_REASON_MAILBOX_FULL, STATUS_FINAL },
    { "4.2.2", MODORI_REASON_MAILBOX_FULL, STATUS_FINAL },
    { "5.2.3", MODORI_REASON_EXCEED_LIMIT, STATUS_FINAL },
    { "5.3.4", MODORI_REASON_MESG_TOO_BIG, STATUS_FINAL },
    { "5.5.3", MODORI_REASON_TOO_MANY_CONN, STATUS_REFINABLE },
    { "5.7.25", MODORI_REASON_REQUIRE_PTR, STATUS_FINAL },
    { "5.7.26", MODORI_REASON_AUTH_FAILURE, STATUS_FINAL },
    /* A cause that servers also send for others: specific words refine it. */
    { "5.1.1", MODORI_REASON_USER_UNKNOWN, STATUS_REFINABLE },
    { "4.1.1", MODORI_REASON_USER_UNKNOWN, STATUS_REFINABLE },
    { "5.1.2", MODORI_REASON_HOST_UNKNOWN, STATUS_REFINABLE },
    { "4.3.1", MODORI_REASON_SYSTEM_FULL, STATUS_REFINABLE },
    { "4.4.1", MODORI_REASON_NETWORK_ERROR, STATUS_REFINABLE },
    { "5.4.4", MODORI_REASON_HOST_UNKNOWN, STATUS_REFINABLE },
    { "5.4.6", MODORI_REASON_NETWORK_ERROR, STATUS_REFINABLE },
    /* X.1.8: Sendmail sends 4.1.8 for the client's reverse DNS (FEATURE(require_rdns)). */
    { "5.1.8", MODORI_REASON_REJECTED, STATUS_REFINABLE },
    /* X.7.27: RFC 7505 gives it to the sender's null MX, servers send it for either domain. */
    { "5.7.27", MODORI_REASON_NOT_ACCEPT, STATUS_REFINABLE },
    { "4.4.7", MODORI_REASON_EXPIRED, STATUS_REFINABLE },
    { "5.7.13", MODORI_REASON_SUSPEND, STATUS_REFINABLE },
    /* Registered for one cause, sent by large providers for others
     * (status-codes.c): Microsoft's 5.1.10 recipient not found, Gmail's
     * 4.7.23 PTR, 5.7.27 SPF and 5.7.29 TLS refusals. */
    { "5.1.10", MODORI_REASON_NOT_ACCEPT, STATUS_REFINABLE },
    { "4.7.23", MODORI_REASON_AUTH_FAILURE, STATUS_REFINABLE },
    { "5.7.29", MODORI_REASON_AUTH_FAILURE, STATUS_REFINABLE },
    /* Classes used for dozens of refusals: any words say better. */
    { "5.6.0", MODORI_REASON_CONTENT_ERROR, STATUS_GENERIC },
    { "5.6.1", MODORI_REASON_CONTENT_ERROR, STATUS_GENERIC },
    { "5.7.0", MODORI_REASON_SECURITY_ERROR, STATUS_GENERIC },
    { "5.7.1", MODORI_REASON_REJECTED, STATUS_GENERIC },
    { "5.2.0", MODORI_REASON_FILTERED, STATUS_GENERIC },
    { "5.2.1", MODORI_REASON_SUSPEND, STATUS_GENERIC },
    { "5.5.0", MODORI_REASON_SYSTEM_ERROR, STATUS_GENERIC },
    { "4.4.0", MODORI_REASON_NETWORK_ERROR, STATUS_GENERIC },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const StatusRule *rule = _modori_status_rule_lookup (cases[i].code);
      g_assert_nonnull (rule);
      g_assert_cmpstr (modori_reason_to_string (rule->reason), ==, modori_reason_to_string (cases[i].reason));
      g_assert_cmpint (rule->strength, ==, cases[i].strength);
    }
  g_assert_null (_modori_status_rule_lookup ("5.0.0"));
  g_assert_null (_modori_status_rule_lookup (""));
  g_assert_null (_modori_status_rule_lookup ("5.9.99"));
}

/* Every status rule is well formed and unique; every phrase is lower case
 * with single spaces (as the matcher folds text). */
static void
test_tables_well_formed (void)
{
  for (guint i = 0; i < _modori_n_status_rules; i++)
    for (guint j = i + 1; j < _modori_n_status_rules; j++)
      g_assert_cmpstr (_modori_status_rules[i].subject_detail, !=, _modori_status_rules[j].subject_detail);
  for (guint i = 0; i < _modori_n_phrase_rules; i++)
    {
      const char *phrase = _modori_phrase_rules[i].phrase;
      char *lower = g_ascii_strdown (phrase, -1);
      g_assert_cmpstr (phrase, ==, lower);
      g_assert_null (strstr (phrase, "  "));
      g_assert_cmpuint (strlen (phrase), >, 3);
      /* Each phrase is found, and decides, in a text of its own. */
      g_assert_true (_modori_phrase_rule_lookup (phrase) == &_modori_phrase_rules[i] ||
                     _modori_phrase_rule_lookup (phrase) < &_modori_phrase_rules[i]);
      g_free (lower);
    }
}

/* The replies of the seed facts, as servers write them. */
static void
test_seed_phrases (void)
{
  static const struct { const char *text; ModoriReason reason; } cases[] = {
    { "550 <taro@example.jp>... User unknown", MODORI_REASON_USER_UNKNOWN },
    { "550 <taro@example.jp>... Host unknown (Name server: example.jp: host not found)", MODORI_REASON_HOST_UNKNOWN },
    { "553 <taro@example,jp>... Invalid route address", MODORI_REASON_USER_UNKNOWN },
    { "553 <taro@example.jp>... Relaying denied", MODORI_REASON_NO_RELAYING },
    { "553 5.7.1 Relay   Operation\n rejected", MODORI_REASON_NO_RELAYING },
    { "553 <taro@ex,ample.jp>... Illegal comma in host name part", MODORI_REASON_HOST_UNKNOWN },
    { "553 <ｔａｒｏ@example.jp>... Address contains invalid control characters", MODORI_REASON_USER_UNKNOWN },
    { "552 MAILBOX is FULL", MODORI_REASON_MAILBOX_FULL },
    { "503 Polite people say HELO first", MODORI_REASON_SYNTAX_ERROR },
    /* Postfix's two reverse-DNS refusals */
    { "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]", MODORI_REASON_REQUIRE_PTR },
    { "450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]", MODORI_REASON_REQUIRE_PTR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PhraseRule *rule = _modori_phrase_rule_lookup (cases[i].text);
      g_assert_nonnull (rule);
      g_assert_cmpstr (modori_reason_to_string (rule->reason), ==, modori_reason_to_string (cases[i].reason));
    }
}

static ModoriRecord *record_with (const char *action, const char *status, const char *reply, const char *text);

/* "User unknown" that the engine knows for the mail system's own words
 * (Exim's router, IMail's list) is no filter's. */
static void
test_own_words (void)
{
  ModoriRecord *record = record_with ("failed", "5.0.0", "", "Unknown user");

  record->own_words = TRUE;
  _modori_classify (record);
  g_assert_cmpstr (modori_reason_to_string (record->reason), ==, "userunknown");
  g_assert_cmpstr (_modori_record_peek (record, FIELD_REASONBY), ==, "phrase:unknown user");
  g_assert_true (record->hard_bounce);
  modori_record_unref (record);
  /* The same words relayed from a server whose stage is unknown. */
  record = record_with ("failed", "5.0.0", "550", "550 Unknown user");
  _modori_classify (record);
  g_assert_cmpstr (modori_reason_to_string (record->reason), ==, "filtered");
  modori_record_unref (record);
}

static ModoriRecord *
record_with (const char *action, const char *status, const char *reply, const char *text)
{
  ModoriRecord *record = _modori_record_new ();

  _modori_record_set (record, FIELD_ACTION, action);
  _modori_record_set (record, FIELD_DELIVERYSTATUS, status);
  _modori_record_set (record, FIELD_REPLYCODE, reply);
  _modori_record_set (record, FIELD_DIAGNOSTICCODE, text);
  return record;
}

/* The order of evidence, including the conflicts it settles. */
static void
test_classify_order (void)
{
  static const struct {
    const char *action, *status, *reply, *text, *command;
    const char *reason, *reasonby;
    gboolean hard;
  } cases[] = {
    /* Words broken by a quoted multi-line reply's line prefixes read whole
     * (Gmail's 421-4.7.0 notice as Postfix quotes it; "unsolicited" alone
     * would be spam). */
    { "failed", "4.7.0", "421", "421-4.7.0 [192.0.2.1] Our system has detected an unusual rate of 421-4.7.0 "
      "unsolicited mail originating from your IP address. 421 4.7.0 https://support.google.com/mail/?p=UnsolicitedRateLimitError",
      "RCPT", "blocked", "phrase:unusual rate of unsolicited", FALSE },
    /* 3. A final status code outranks every phrase, even a specific one. */
    { "failed", "5.2.3", "552", "552 5.2.3 message too large for this recipient", "RCPT", "exceedlimit",
      "status:5.2.3", FALSE },
    { "failed", "5.1.8", "553", "553 5.1.8 Sender address rejected: Domain not found", "MAIL", "rejected",
      "status:5.1.8", FALSE },
    /* 4. A refinable status code decides when the words agree or say nothing more ... */
    { "failed", "5.1.1", "550", "550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown", "RCPT",
      "userunknown", "status:5.1.1", TRUE },
    /* ... and over a weak phrase, which names no cause of its own. */
    { "failed", "5.1.1", "550", "550 5.1.1 Requested action not taken: mailbox unavailable", "RCPT",
      "userunknown", "status:5.1.1", TRUE },
    { "failed", "4.4.7", "", "451 4.4.7 Requested action aborted: local error in processing", "", "expired",
      "status:4.4.7", FALSE },
    /* X.7.27 is a null MX; the words say whose: the sender's is a refused sender, not a hard bounce. */
    { "failed", "5.7.27", "550", "550 5.7.27 <s@example.org>: Sender address rejected: Domain example.org does not accept mail (nullMX)",
      "RCPT", "rejected", "phrase:sender address rejected,over:5.7.27", FALSE },
    { "failed", "5.7.27", "550", "550 Host does not accept mail", "RCPT", "notaccept", "status:5.7.27", TRUE },
    { "failed", "4.1.8", "451", "451 4.1.8 Possibly forged hostname for 192.0.2.1", "MAIL", "requireptr",
      "phrase:possibly forged hostname for,over:4.1.8", FALSE },
    /* 5-6. A specific phrase outranks a weak one; a weak one decides alone. */
    { "failed", "", "550", "550 Requested action not taken: mailbox unavailable (over quota)", "RCPT",
      "mailboxfull", "phrase:over quota", FALSE },
    { "failed", "", "550", "550 Requested action not taken: mailbox unavailable", "RCPT", "userunknown",
      "phrase:requested action not taken: mailbox unavailable", TRUE },
    /* 7. The diagnostic type X-Unix outranks a generic status class. */
    { "failed", "5.3.0", "", "x-unix: exit 75", "", "mailererror", "type:X-UNIX", FALSE },
    /* 8-9. A generic class outranks the shape "DOMAIN does not exist". */
    { "failed", "5.1.0", "553", "553 5.1.0 mx.example.com does not exist", "RCPT", "userunknown", "status:5.1.0", TRUE },
    /* A phrase inside a longer phrase that was found too gives way to it. */
    { "failed", "5.7.1", "550", "550 5.7.1 you are sending to an address that has been blacklisted", "", "rejected",
      "phrase:address that has been blacklisted", FALSE },
    /* The sender's side before the recipient's: the rest of the words describe the sender. */
    { "failed", "", "550", "550 <a@example.com>: Sender address rejected: Domain not found", "RCPT", "rejected",
      "phrase:sender address rejected: domain not found", FALSE },
    { "failed", "4.7.1", "450", "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]", "RCPT",
      "requireptr", "phrase:client host rejected: cannot find your hostname", FALSE },
    /* A decisive status code wins over a phrase ... */
    { "failed", "5.2.2", "552", "552 5.2.2 user unknown", "RCPT", "mailboxfull", "status:5.2.2", FALSE },
    /* ... unless the phrase refines it: a full mailbox exists. */
    { "failed", "5.1.1", "550", "550 5.1.1 mailbox full", "", "mailboxfull", "phrase:mailbox full,over:5.1.1", FALSE },
    { "failed", "5.4.4", "", "Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", "", "notaccept",
      "phrase:sorry, i couldn't find a mail exchanger or ip address,over:5.4.4", TRUE },
    { "failed", "5.1.1", "550", "550 5.1.1 Too many recipients", "RCPT", "toomanyconn",
      "phrase:too many recipients,over:5.1.1", FALSE },
    /* X.5.3 is refinable: chkuser puts "#5.5.3" on its relay refusal, whose words name the cause. */
    { "failed", "5.5.3", "553", "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.5.3 - chkuser)", "RCPT",
      "norelaying", "phrase:sorry, that domain isn't in my list of allowed rcpthosts,over:5.5.3", FALSE },
    { "failed", "4.5.3", "452", "452 4.5.3 Error: too many recipients", "RCPT", "toomanyconn", "status:4.5.3", FALSE },
    /* The status code decides permanence: a 4xx reply under 5.x.x is permanent. */
    { "failed", "5.1.1", "450", "450 4.1.1 mailbox unknown", "RCPT", "userunknown", "status:5.1.1", TRUE },
    { "failed", "4.1.1", "550", "550 mailbox unknown", "RCPT", "userunknown", "status:4.1.1", FALSE },
    /* Expired because every attempt was refused: the refusal is the cause. */
    { "failed", "4.4.7", "", "Deferred: Connection refused by mx.example.net.", "", "blocked",
      "phrase:deferred: connection refused by,over:4.4.7", FALSE },
    { "failed", "4.4.7", "", "Deferred: Connection timed out with mx.example.net.", "", "expired",
      "status:4.4.7", FALSE },
    /* A phrase wins over a generic code. */
    { "failed", "5.7.1", "554", "554 5.7.1 Relay access denied", "", "norelaying", "phrase:relay access denied", FALSE },
    { "failed", "5.0.0", "550", "550 5.0.0 User unknown", "RCPT", "userunknown", "phrase:user unknown", TRUE },
    /* A generic code without phrase still says something. */
    { "failed", "5.7.1", "554", "554 5.7.1 go away", "", "rejected", "status:5.7.1", FALSE },
    /* ... but a generic X.5.0 yields to a 50x reply naming the protocol error. */
    { "failed", "5.5.0", "503", "503 bad sequence", "", "syntaxerror", "reply:503", FALSE },
    { "failed", "5.5.0", "554", "", "", "systemerror", "status:5.5.0", FALSE },
    /* Reply code alone. */
    { "failed", "", "552", "552 too much mail", "", "mailboxfull", "reply:552", FALSE },
    { "failed", "5.0.0", "553", "553 sorry", "RCPT", "userunknown", "reply:553", TRUE },
    /* The shape "DOMAIN does not exist" before a bare reply code. */
    { "failed", "", "553", "553 mx.example.com does not exist", "DATA", "hostunknown",
      "phrase:mx.example.com does not exist", TRUE },
    { "failed", "", "553", "553 user@example.com does not exist", "RCPT", "userunknown", "reply:553", TRUE },
    /* Something said, nothing readable: on hold; nothing said: undefined. */
    { "failed", "", "", "it did not work", "", "onhold", "default", FALSE },
    { "failed", "", "", "", "", "undefined", "default", FALSE },
    /* Successes. */
    { "delivered", "2.0.0", "250", "250 ok", "", "delivered", "action:delivered", FALSE },
    { "relayed", "", "", "", "", "delivered", "action:relayed", FALSE },
    /* Temporary failures are never hard. */
    { "delayed", "4.1.1", "450", "450 4.1.1 unknown", "", "userunknown", "status:4.1.1", FALSE },
    { "failed", "", "450", "450 user unknown", "RCPT", "userunknown", "phrase:user unknown", FALSE },
    /* A delay notice with no words of cause: it will expire. */
    { "delayed", "", "421", "421 Host not reachable.", "", "expired", "reply:421,action:delayed", FALSE },
    { "failed", "5.4.7", "", "", "", "expired", "status:5.4.7", FALSE },
    { "failed", "5.1.10", "550", "", "", "notaccept", "status:5.1.10", TRUE },
    /* A phrase that is a local program's failure code: X-UNIX. */
    { "failed", "5.3.0", "", "71", "", "mailererror", "type:X-UNIX", FALSE },
    /* A temporary "domain not found" is a DNS failure. */
    { "failed", "4.0.0", "", "451 Domain name not found: example.jp", "", "networkerror",
      "phrase:domain name not found,temporary", FALSE },
    { "failed", "5.0.0", "", "DNS Error: Domain name not found: example.jp", "", "networkerror",
      "phrase:dns error", FALSE },
    { "failed", "5.0.0", "550", "550 Host unknown", "", "hostunknown", "phrase:host unknown", TRUE },
    /* "User unknown" in words only, with no refused RCPT and no X.1.x
     * status: a filter spoke after the address was accepted. */
    { "failed", "5.0.0", "550", "550 : User unknown", "DATA", "filtered", "phrase:user unknown,command:DATA", FALSE },
    { "failed", "", "550", "550 No such user", "", "filtered", "phrase:no such user,no-rcpt", FALSE },
    { "failed", "5.2.1", "550", "550 5.2.1 User Unknown", "", "filtered", "phrase:user unknown,no-rcpt", FALSE },
    /* ... but not when a specific status code says the address is unknown, */
    { "failed", "5.1.1", "550", "550 5.1.1 User unknown", "DATA", "userunknown", "status:5.1.1", TRUE },
    { "failed", "5.1.0", "550", "550 5.1.0 User unknown", "", "userunknown", "phrase:user unknown", TRUE },
    /* nor for a mail system's own directory statement. */
    { "failed", "", "", "The recipient name is not recognized", "", "userunknown",
      "phrase:the recipient name is not recognized", TRUE },
    /* Refused at MAIL FROM: the unknown mailbox is the sender's, and a
     * refusal in codes only is the sender's too ... */
    { "failed", "5.1.0", "553", "553 5.1.0 sender unknown", "MAIL", "rejected", "status:5.1.0,command:MAIL", FALSE },
    { "failed", "5.7.0", "550", "550 5.7.0 go away", "MAIL", "rejected", "status:5.7.0,command:MAIL", FALSE },
    { "failed", "", "550", "550 go away", "MAIL", "rejected", "reply:550,command:MAIL", FALSE },
    /* ... but words that name another cause stand. */
    { "failed", "5.7.1", "554", "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
      "MAIL", "blocked", "phrase:blocked using", FALSE },
    /* Refused on connecting, with only codes: the sending host is blocked. */
    { "failed", "", "554", "554 neko.example.net : go away", "CONN", "blocked", "reply:554,command:CONN", FALSE },
    /* Spam, viruses, authentication, reverse DNS, block lists. */
    { "failed", "5.7.1", "550", "550 5.7.1 Message content rejected, UBE, id=1", "", "spamdetected",
      "phrase:message content rejected", FALSE },
    { "failed", "5.0.0", "550", "550 Virus Detected; Content Rejected", "", "virusdetected", "phrase:virus", FALSE },
    { "failed", "5.7.1", "554", "554 5.7.1 rejected due to example.com's DMARC policy", "", "authfailure", "phrase:dmarc", FALSE },
    { "failed", "4.7.1", "450", "450 4.7.1 Access denied. IP name lookup failed [192.0.2.1]", "", "requireptr",
      "phrase:ip name lookup failed", FALSE },
    { "failed", "5.7.1", "550", "550 5.7.1 IP address blacklisted by recipient", "", "blocked", "phrase:blacklisted", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ModoriRecord *record = record_with (cases[i].action, cases[i].status, cases[i].reply, cases[i].text);

      if (strcmp (cases[i].text, "71") == 0 || g_str_has_prefix (cases[i].text, "x-unix:"))
        _modori_record_set (record, FIELD_DIAGNOSTICTYPE, "X-UNIX");
      _modori_record_set (record, FIELD_COMMAND, cases[i].command);
      _modori_classify (record);
      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (modori_reason_to_string (record->reason), ==, cases[i].reason);
      g_assert_cmpstr (_modori_record_peek (record, FIELD_REASONBY), ==, cases[i].reasonby);
      g_assert_cmpint (record->hard_bounce, ==, cases[i].hard);
      modori_record_unref (record);
    }
}

/* Provider rules: chosen by rhost or destination, before the status code;
 * the same text elsewhere falls through to the generic evidence. */
static void
test_providers (void)
{
  static const struct {
    const char *rhost, *destination, *status, *text;
    const char *reason, *reasonby;
  } cases[] = {
    { "example-com.mail.protection.outlook.com", "example.com", "5.7.606",
      "550 5.7.606 Access denied, banned sending IP [192.0.2.1]", "blocked", "provider:microsoft:5.7.606" },
    { "", "hotmail.com", "5.7.649", "550 5.7.649 denied", "blocked", "provider:microsoft:5.7.649" },
    { "", "outlook.com", "5.7.509", "550 5.7.509 Access denied", "authfailure", "provider:microsoft:5.7.509" },
    { "", "outlook.com", "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound", "userunknown",
      "provider:microsoft:5.1.10" },
    { "", "outlook.com", "5.4.1", "550 5.4.1 Recipient address rejected: Access denied", "userunknown",
      "provider:microsoft:access denied" },
    { "mta5.am0.yahoodns.net", "example.ca", "4.7.0",
      "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred", "badreputation", "provider:yahoo:[tss04]" },
    { "", "aol.com", "4.7.1", "421 4.7.1 : (DYN:T1) see postmaster", "blocked", "provider:yahoo:(dyn:t1)" },
    { "mta5.am0.yahoodns.net", "yahoo.com", "",
      "554 delivery error: dd This user doesn't have a yahoo.com account (testing123@yahoo.com) [-5] - mta123.mail.mud.yahoo.com",
      "userunknown", "provider:yahoo:doesn't have a yahoo" },
    { "mta7.am0.yahoodns.net", "yahoo.com", "4.1.8", "451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)",
      "blocked", "provider:yahoo:excessive unknown recipients" },
    { "gmail-smtp-in.l.google.com", "example.jp", "5.7.1",
      "550-5.7.1 Our system has detected that this message is likely unsolicited mail", "spamdetected",
      "provider:google:likely unsolicited mail" },
    { "", "gmail.com", "5.7.26", "550 5.7.26 This mail has been blocked", "authfailure", "provider:google:5.7.26" },
    { "", "gmail.com", "4.7.0", "421 4.7.0 ... very low reputation of the sending domain", "badreputation",
      "provider:google:low reputation" },
    { "lsean.ezweb.ne.jp", "ezweb.ne.jp", "5.0.0", "550 : User unknown", "filtered", "provider:au:550 : user unknown" },
    { "mx3.qq.com", "example.cn", "5.0.0", "550 Ip frequency limited, Blocked IP 192.0.2.1", "toomanyconn",
      "provider:tencent:frequency limited" },
    { "ff-ip4-mx-vip1.prodigy.net", "att.net", "", "521 <192.0.2.1> is blocked", "blocked", "provider:att:is blocked" },
    { "", "bellsouth.net", "", "450 busy--Please try again later", "toomanyconn",
      "provider:att:busy--please try again later" },
    { "", "att.net", "", "550 Error. Blocked for status: <unknown sender>", "requireptr",
      "provider:att:blocked for status" },
    /* Not a provider's host: generic evidence (5.1.10 is a null MX). */
    { "mx.example.com", "example.com", "5.1.10", "550 5.1.10 null", "notaccept", "status:5.1.10" },
    { "mx.notoutlook.com", "example.com", "5.7.606", "550 5.7.606 banned", "securityerror", "status:5.7.606" },
    /* A provider's host without any of its own codes: generic evidence. */
    { "", "gmail.com", "5.1.1", "550 5.1.1 The email account does not exist", "userunknown", "status:5.1.1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ModoriRecord *record = record_with ("failed", cases[i].status, "", cases[i].text);

      _modori_record_set (record, FIELD_RHOST, cases[i].rhost);
      _modori_record_set (record, FIELD_DESTINATION, cases[i].destination);
      _modori_classify (record);
      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (modori_reason_to_string (record->reason), ==, cases[i].reason);
      g_assert_cmpstr (_modori_record_peek (record, FIELD_REASONBY), ==, cases[i].reasonby);
      modori_record_unref (record);
    }
  /* Rules that need the failed command, or the reporting MTA when the
   * report names no remote one. */
  {
    static const struct {
      const char *rhost, *lhost, *destination, *status, *command, *text;
      const char *reason, *reasonby;
    } more[] = {
      { "mfsmax.docomo.ne.jp", "", "docomo.ne.jp", "5.0.0", "DATA", "550 Unknown user hanako@docomo.ne.jp",
        "rejected", "provider:docomo:unknown user" },
      { "mfsmax.docomo.ne.jp", "", "docomo.ne.jp", "5.0.0", "RCPT", "550 Unknown user hanako@docomo.ne.jp",
        "userunknown", "phrase:unknown user" },
      { "lsean.ezweb.ne.jp", "", "ezweb.ne.jp", "5.0.0", "", "550 <hanako@ezweb.ne.jp>: User unknown",
        "userunknown", "provider:au:>: user unknown" },
      { "", "", "charter.net", "5.1.0", "", "550 5.1.0 <a@example.com> sender rejected. AUP#In-1310",
        "toomanyconn", "provider:spectrum:aup#in-13" },
      { "smtpz4.laposte.net", "", "laposte.net", "5.5.0", "DATA",
        "550 5.5.0 Adresse destinataire invalide. Invalid recipient. LPN007_416", "userunknown",
        "provider:laposte:adresse destinataire invalide" },
      { "", "BAY004-MC1.hotmail.com", "example.com", "5.5.0", "",
        "550 Requested action not taken: mailbox unavailable", "userunknown",
        "provider:microsoft:requested action not taken: mailbox unavailable" },
      /* The reporting MTA does not count when a remote MTA answered. */
      { "mx.example.com", "BAY004-MC1.hotmail.com", "example.com", "5.5.0", "",
        "550 Requested action not taken: mailbox unavailable", "filtered", "phrase:requested action not taken: mailbox unavailable,no-rcpt" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (more); i++)
      {
        ModoriRecord *record = record_with ("failed", more[i].status, "", more[i].text);

        _modori_record_set (record, FIELD_RHOST, more[i].rhost);
        _modori_record_set (record, FIELD_LHOST, more[i].lhost);
        _modori_record_set (record, FIELD_DESTINATION, more[i].destination);
        _modori_record_set (record, FIELD_COMMAND, more[i].command);
        _modori_classify (record);
        g_test_message ("case %u: %s", i, more[i].text);
        g_assert_cmpstr (modori_reason_to_string (record->reason), ==, more[i].reason);
        g_assert_cmpstr (_modori_record_peek (record, FIELD_REASONBY), ==, more[i].reasonby);
        modori_record_unref (record);
      }
  }
  /* Every rule names a known provider and a well-formed range. */
  for (guint i = 0; i < _modori_n_provider_rules; i++)
    {
      const ProviderRule *rule = &_modori_provider_rules[i];
      gboolean known = FALSE;
      for (guint j = 0; j < _modori_n_providers; j++)
        known |= strcmp (_modori_providers[j].name, rule->provider) == 0;
      g_assert_true (known);
      g_assert_true (rule->phrase != NULL || rule->status_from != NULL);
      g_assert_true ((rule->status_from == NULL) == (rule->status_to == NULL));
    }
}

/* Every reason is reached by at least one rule (suppressed, feedback and
 * vacation only by engines, which set reasonby first). */
static void
test_every_reason (void)
{
  static const struct { const char *action, *status, *reply, *text, *reason; } cases[] = {
    { "failed", "5.7.26", "", "", "authfailure" },
    { "failed", "", "", "550 low reputation of your IP", "badreputation" },
    { "failed", "", "", "554 listed in spamhaus", "blocked" },
    { "failed", "5.6.0", "", "", "contenterror" },
    { "delivered", "2.0.0", "250", "250 ok", "delivered" },
    { "failed", "5.2.3", "", "", "exceedlimit" },
    { "failed", "5.4.7", "", "", "expired" },
    { "failed", "5.7.11", "", "", "failedstarttls" },
    { "failed", "5.2.0", "", "", "filtered" },
    { "failed", "5.1.6", "", "", "hasmoved" },
    { "failed", "5.1.2", "", "", "hostunknown" },
    { "failed", "5.2.2", "", "", "mailboxfull" },
    { "failed", "", "", "mailer error", "mailererror" },
    { "failed", "5.3.4", "", "", "mesgtoobig" },
    { "failed", "5.4.6", "", "", "networkerror" },
    { "failed", "", "", "554 Relay access denied", "norelaying" },
    { "failed", "5.1.10", "", "", "notaccept" },
    { "failed", "", "", "550 not RFC 5322 compliant", "notcompliantrfc" },
    { "failed", "", "", "550 denied by policy", "policyviolation" },
    { "failed", "", "", "550 sender address rejected", "rejected" },
    { "failed", "5.7.25", "", "", "requireptr" },
    { "failed", "", "", "550 delivery not authorized", "securityerror" },
    { "failed", "", "", "550 spam", "spamdetected" },
    { "failed", "", "", "452 receiving mail at a rate that prevents delivery", "speeding" },
    { "failed", "5.7.13", "", "", "suspend" },
    { "failed", "5.5.2", "", "", "syntaxerror" },
    { "failed", "", "", "451 internal error", "systemerror" },
    { "failed", "5.3.1", "", "", "systemfull" },
    { "failed", "", "421", "", "toomanyconn" },
    { "failed", "", "", "", "undefined" },
    { "failed", "", "", "it did not work", "onhold" },
    { "failed", "5.1.1", "", "", "userunknown" },
    { "failed", "", "", "554 virus found", "virusdetected" },
  };
  static const char *const by_engine[] = { "suppressed", "feedback", "vacation" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ModoriRecord *record = record_with (cases[i].action, cases[i].status, cases[i].reply, cases[i].text);
      _modori_classify (record);
      g_assert_cmpstr (modori_reason_to_string (record->reason), ==, cases[i].reason);
      modori_record_unref (record);
    }
  for (guint i = 0; i < G_N_ELEMENTS (by_engine); i++)
    {
      ModoriRecord *record = record_with ("failed", "5.1.1", "550", "550 5.1.1 user unknown");
      ModoriReason reason;
      g_assert_true (modori_reason_from_string (by_engine[i], &reason));
      record->reason = reason;
      _modori_record_set (record, FIELD_REASONBY, "engine:test");
      _modori_classify (record);
      g_assert_cmpstr (modori_reason_to_string (record->reason), ==, by_engine[i]);
      g_assert_false (record->hard_bounce);
      modori_record_unref (record);
    }
  g_assert_cmpuint (G_N_ELEMENTS (cases) + G_N_ELEMENTS (by_engine), ==, MODORI_REASON_N_REASONS);
}

static void
test_hints (void)
{
  static const struct { const char *recipient, *alias, *text, *hint; } cases[] = {
    { "hanako@example,co.jp", "", "553 5.1.3 Invalid route address", "comma-for-dot" },
    { "hanako@,example.jp", "", "553 Illegal comma in host name part", "comma-in-host" },
    { "ｈａｎａｋｏ@example.jp", "", "553 5.1.3 bad address", "fullwidth-characters" },
    { "hanako＠example.jp", "", "553 5.1.3 bad address", "fullwidth-characters" },
    { "hanako@example.jp", "", "553 Address contains invalid control characters", "fullwidth-characters" },
    { "hanako@example.jp", "", "503 Polite people say HELO first", "helo-first" },
    { "hanako@example.jp", "", "553 Relaying denied", "relay-network" },
    { "old@example.net", "hanako@example.jp", "550 User unknown", "forward-broken" },
    { "hanako@example.jp", "", "550 User unknown", NULL },
    { "hanako@gmial.com", "", "550 5.1.2 Host unknown", "domain-typo" },
    { "hanako@example。jp", "", "550 5.1.2 Host unknown", "japanese-punctuation" },
    { "hanako\xe2\x80\x8b@example.jp", "", "550 5.1.1 User unknown", "invisible-characters" },
    { "hanako@example", "", "550 5.1.2 Host unknown", "missing-tld" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ModoriRecord *record = record_with ("failed", "", "", cases[i].text);

      _modori_record_set (record, FIELD_RECIPIENT, cases[i].recipient);
      _modori_record_set (record, FIELD_ALIAS, cases[i].alias);
      _modori_record_set (record, FIELD_COMMAND, "RCPT");   /* the replies answer the recipient */
      _modori_classify (record);
      g_assert_cmpstr (_modori_hint_detect (record, NULL), ==, cases[i].hint);
      modori_record_unref (record);
    }
}

/* The record's suggestion comes with an address hint, and only then. */
static void
test_hint_suggestion (void)
{
  static const struct { const char *recipient, *text, *suggestion; } cases[] = {
    { "hanako@example,co.jp", "553 Invalid route address", "hanako@example.co.jp" },
    { "hanako@docomo.ne.jo", "550 5.1.2 Host unknown", "hanako@docomo.ne.jp" },
    { "hanako @example.jp", "553 bad address", "hanako@example.jp" },
    { "hanako@example.jp", "553 Illegal comma in host name part", "" },
    { "hanako@example.jp", "550 User unknown", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ModoriRecord *record = record_with ("failed", "", "", cases[i].text);

      _modori_record_set (record, FIELD_RECIPIENT, cases[i].recipient);
      _modori_classify (record);
      _modori_hint_apply (record);
      g_assert_cmpstr (modori_record_get_suggestion (record), ==, cases[i].suggestion);
      g_assert_cmpstr (modori_record_get_field (record, "suggestion"), ==, cases[i].suggestion);
      modori_record_unref (record);
    }
}

static void
test_matcher (void)
{
  static const char *const patterns[] = { "user unknown", "unknown", "he", "she", "hers", "" };
  Matcher *m = _modori_matcher_new (patterns, G_N_ELEMENTS (patterns));
  gboolean found[G_N_ELEMENTS (patterns)];

  g_assert_cmpint (_modori_matcher_first (m, "550 USER\t\n  Unknown here"), ==, 0);
  g_assert_cmpint (_modori_matcher_first (m, "550 unknown user"), ==, 1);
  g_assert_cmpint (_modori_matcher_first (m, "ushers"), ==, 2);
  g_assert_cmpint (_modori_matcher_first (m, "nothing to see"), ==, -1);
  g_assert_cmpint (_modori_matcher_first (m, ""), ==, -1);
  g_assert_cmpuint (_modori_matcher_all (m, "ushers", found), ==, 3);
  g_assert_true (found[2] && found[3] && found[4]);
  g_assert_false (found[0] || found[1] || found[5]);
  /* Bytes no pattern uses, including invalid UTF-8, are simply passed over. */
  g_assert_cmpint (_modori_matcher_first (m, "\xff\xfe user \x80 unknown"), ==, 1);
  _modori_matcher_free (m);
}

/* Every rule names where its words or its meaning come from. */
static void
test_sources (void)
{
  for (guint i = 0; i < _modori_n_phrase_rules; i++)
    {
      const char *source = _modori_phrase_rules[i].source;
      g_test_message ("phrase %u: %s", i, _modori_phrase_rules[i].phrase);
      g_assert_true (source && strlen (source) > 4 && source[0] != '?' && !strstr (source, "TODO"));
    }
  for (guint i = 0; i < _modori_n_status_rules; i++)
    g_assert_true (g_str_has_prefix (_modori_status_rules[i].source, "rfc") ||
                   strstr (_modori_status_rules[i].source, "registry"));
  for (guint i = 0; i < _modori_n_reply_rules; i++)
    g_assert_true (g_str_has_prefix (_modori_reply_rules[i].source, "rfc"));
  for (guint i = 0; i < _modori_n_provider_rules; i++)
    {
      const char *source = _modori_provider_rules[i].source;
      g_test_message ("provider rule %u: %s", i, _modori_provider_rules[i].phrase);
      g_assert_true (source && strlen (source) > 4 && !strstr (source, "TODO"));
    }
}

/* Every text of the tables in tests/wordings, as a mail system writes it, means the
 * reason its row gives (the columns: tests/wordings/README.md). */
static void
test_wordings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open ("tests/wordings", 0, &error);
  const char *name;
  guint rows = 0, wrong = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL, *contents = NULL;
      g_auto(GStrv) lines = NULL;
      guint file_rows = 0, file_wrong = 0;

      if (!g_str_has_suffix (name, ".tsv"))
        continue;
      path = g_build_filename ("tests/wordings", name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        {
          g_auto(GStrv) cols = NULL;
          ModoriRecord *record;
          const char *got;

          if (lines[i][0] == '\0' || lines[i][0] == '#')
            continue;
          cols = g_strsplit (lines[i], "\t", -1);
          if (g_strv_length (cols) != 6)
            g_error ("%s:%u: %u columns, not 6", path, i + 1, g_strv_length (cols));
          g_assert_true (strlen (cols[5]) > 4);
          record = record_with ("failed", strcmp (cols[1], "-") ? cols[1] : "",
                                strcmp (cols[2], "-") ? cols[2] : "", cols[4]);
          if (strcmp (cols[3], "-"))
            _modori_record_set (record, FIELD_COMMAND, cols[3]);
          _modori_classify (record);
          got = modori_reason_to_string (record->reason);
          file_rows++;
          if (strcmp (got, cols[0]))
            {
              file_wrong++;
              g_test_message ("%s:%u: %s, not %s (%s): %s", path, i + 1, got, cols[0],
                              _modori_record_peek (record, FIELD_REASONBY), cols[4]);
            }
          modori_record_unref (record);
        }
      g_test_message ("%s: %u of %u", name, file_rows - file_wrong, file_rows);
      rows += file_rows;
      wrong += file_wrong;
    }
  g_test_message ("wordings: %u of %u rows mean the reason of their row", rows - wrong, rows);
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpuint (wrong, ==, 0);
}

/* A pattern counts only where it is not inside a longer one found too. */
static void
test_matcher_outermost (void)
{
  static const char *const patterns[] = { "blacklisted", "address has been blacklisted", "user unknown", "unknown" };
  Matcher *m = _modori_matcher_new (patterns, G_N_ELEMENTS (patterns));
  gboolean found[G_N_ELEMENTS (patterns)];

  g_assert_cmpuint (_modori_matcher_all_outermost (m, "your address has been blacklisted", found), ==, 1);
  g_assert_true (found[1] && !found[0]);
  /* Outside the longer one, the shorter one counts too. */
  g_assert_cmpuint (_modori_matcher_all_outermost (m, "address has been blacklisted; IP blacklisted", found), ==, 2);
  g_assert_true (found[0] && found[1]);
  g_assert_cmpuint (_modori_matcher_all_outermost (m, "550 User\n  Unknown", found), ==, 1);
  g_assert_true (found[2] && !found[3]);
  g_assert_cmpuint (_modori_matcher_all_outermost (m, "nothing", found), ==, 0);
  _modori_matcher_free (m);
}

static void
test_reason_names (void)
{
  for (guint i = 0; i < MODORI_REASON_N_REASONS; i++)
    {
      ModoriReason back;
      const char *name = modori_reason_to_string ((ModoriReason) i);
      g_assert_true (modori_reason_from_string (name, &back));
      g_assert_cmpint (back, ==, i);
      g_assert_cmpuint (strlen (modori_reason_get_definition ((ModoriReason) i)), >, 10);
    }
  g_assert_false (modori_reason_from_string ("nosuchreason", NULL));
  g_assert_cmpstr (modori_reason_to_string (MODORI_REASON_N_REASONS), ==, "undefined");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rules/status-table", test_status_table);
  g_test_add_func ("/rules/tables-well-formed", test_tables_well_formed);
  g_test_add_func ("/rules/seed-phrases", test_seed_phrases);
  g_test_add_func ("/rules/classify-order", test_classify_order);
  g_test_add_func ("/rules/own-words", test_own_words);
  g_test_add_func ("/rules/providers", test_providers);
  g_test_add_func ("/rules/every-reason", test_every_reason);
  g_test_add_func ("/rules/hints", test_hints);
  g_test_add_func ("/rules/hint-suggestion", test_hint_suggestion);
  g_test_add_func ("/rules/matcher", test_matcher);
  g_test_add_func ("/rules/reason-names", test_reason_names);
  g_test_add_func ("/rules/sources", test_sources);
  g_test_add_func ("/rules/matcher-outermost", test_matcher_outermost);
  g_test_add_func ("/rules/wordings", test_wordings);
  return g_test_run ();
}
