/* reason.c: reason names and definitions. */
#include <modori/modori.h>

typedef struct {
  const char *name;
  const char *definition;
} ReasonInfo;

/* Indexed by ModoriReason. Names are Sisimai's; definitions are ours. */
static const ReasonInfo reasons[MODORI_REASON_N_REASONS] = {
  [MODORI_REASON_UNDEFINED] = { "undefined", "The reason could not be determined from the bounce." },
  [MODORI_REASON_AUTH_FAILURE] = { "authfailure", "The sending domain failed sender authentication (SPF, DKIM or DMARC)." },
  [MODORI_REASON_BAD_REPUTATION] = { "badreputation", "The sending server's IP address or domain has a poor reputation with the receiver." },
  [MODORI_REASON_BLOCKED] = { "blocked", "The receiver refused the sending server itself, e.g. its IP address is on a block list." },
  [MODORI_REASON_CONTENT_ERROR] = { "contenterror", "The message's format or content was invalid for the receiver (headers, encoding, media type)." },
  [MODORI_REASON_DELIVERED] = { "delivered", "The message was delivered; the report is a success notice." },
  [MODORI_REASON_EXCEED_LIMIT] = { "exceedlimit", "The message is larger than the recipient's own limit allows." },
  [MODORI_REASON_EXPIRED] = { "expired", "Delivery kept failing until the sending server gave up (or is still retrying)." },
  [MODORI_REASON_FAILED_STARTTLS] = { "failedstarttls", "An encrypted (STARTTLS) connection could not be set up." },
  [MODORI_REASON_FEEDBACK] = { "feedback", "A feedback report: a recipient or provider flagged the message as unwanted." },
  [MODORI_REASON_FILTERED] = { "filtered", "The recipient's filter or reception settings refused the message." },
  [MODORI_REASON_HAS_MOVED] = { "hasmoved", "The recipient has moved to another address." },
  [MODORI_REASON_HOST_UNKNOWN] = { "hostunknown", "The domain after the @ does not exist or has no mail server." },
  [MODORI_REASON_MAILBOX_FULL] = { "mailboxfull", "The recipient's mailbox is full." },
  [MODORI_REASON_MAILER_ERROR] = { "mailererror", "A program on the receiving side (a delivery agent or filter) failed." },
  [MODORI_REASON_MESG_TOO_BIG] = { "mesgtoobig", "The message is larger than the receiving server accepts." },
  [MODORI_REASON_NETWORK_ERROR] = { "networkerror", "A network or DNS problem, such as a mail loop or too many hops." },
  [MODORI_REASON_NO_RELAYING] = { "norelaying", "A server refused to relay the message for this sender or network." },
  [MODORI_REASON_NOT_ACCEPT] = { "notaccept", "The destination does not accept mail at all (e.g. a null MX)." },
  [MODORI_REASON_NOT_COMPLIANT_RFC] = { "notcompliantrfc", "The message does not follow the mail standards (RFC 5322 and others)." },
  [MODORI_REASON_ON_HOLD] = { "onhold", "The bounce does not say enough to decide; kept on hold." },
  [MODORI_REASON_POLICY_VIOLATION] = { "policyviolation", "The message breaks a policy of the receiving organization." },
  [MODORI_REASON_REJECTED] = { "rejected", "The sender (envelope from) address or its domain was refused." },
  [MODORI_REASON_REQUIRE_PTR] = { "requireptr", "The sending server's IP address has no valid reverse DNS (PTR) name." },
  [MODORI_REASON_SECURITY_ERROR] = { "securityerror", "A security requirement failed, e.g. authentication or encryption needed." },
  [MODORI_REASON_SPAM_DETECTED] = { "spamdetected", "The receiver judged the message to be spam." },
  [MODORI_REASON_SPEEDING] = { "speeding", "The sender sent too much too fast and was rate-limited." },
  [MODORI_REASON_SUPPRESSED] = { "suppressed", "The sending service did not try: the address is on its suppression list." },
  [MODORI_REASON_SUSPEND] = { "suspend", "The recipient's mailbox exists but is suspended or disabled." },
  [MODORI_REASON_SYNTAX_ERROR] = { "syntaxerror", "The sending software broke the SMTP dialogue (a command error)." },
  [MODORI_REASON_SYSTEM_ERROR] = { "systemerror", "The receiving mail system failed or is misconfigured." },
  [MODORI_REASON_SYSTEM_FULL] = { "systemfull", "The receiving server has run out of disk space." },
  [MODORI_REASON_TOO_MANY_CONN] = { "toomanyconn", "Too many connections or recipients at once." },
  [MODORI_REASON_USER_UNKNOWN] = { "userunknown", "The mailbox (the part before the @) does not exist." },
  [MODORI_REASON_VACATION] = { "vacation", "An automatic reply such as an out-of-office notice, not a failure." },
  [MODORI_REASON_VIRUS_DETECTED] = { "virusdetected", "The receiver found a virus in the message." },
};

const char *
modori_reason_to_string (ModoriReason reason)
{
  if ((guint) reason >= MODORI_REASON_N_REASONS)
    return reasons[MODORI_REASON_UNDEFINED].name;
  return reasons[reason].name;
}

gboolean
modori_reason_from_string (const char *name, ModoriReason *reason)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < MODORI_REASON_N_REASONS; i++)
    {
      if (g_ascii_strcasecmp (reasons[i].name, name) == 0)
        {
          if (reason)
            *reason = (ModoriReason) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
modori_reason_get_definition (ModoriReason reason)
{
  if ((guint) reason >= MODORI_REASON_N_REASONS)
    reason = MODORI_REASON_UNDEFINED;
  return reasons[reason].definition;
}
