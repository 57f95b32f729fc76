/* test-parsers.c: the DSN field parser and the text scanners, as tables. */
#include <string.h>

#include <gmime/gmime.h>

#include "charset.h"
#include "bounds.h"
#include "dsn-fields.h"
#include "engine.h"
#include "record-private.h"
#include "text.h"
#include "message-text.h"

static void
test_groups_basic (void)
{
  static const char text[] =
    "Reporting-MTA: dns; mx.example.jp\n"
    "X-Postfix-Queue-ID: 4A1B2C3D\n"
    "Arrival-Date: Tue, 5 Mar 2024 10:22:31 +0900 (JST)\n"
    "\n"
    "Final-Recipient: rfc822; taro@example.jp\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <taro@example.jp>: Recipient address\n"
    "    rejected: User unknown in\n"
    "\tlocal recipient table\n"
    "\n"
    "final-recipient: RFC822; hanako@example.jp\n"
    "ACTION: delayed\n";
  GPtrArray *groups = _modori_dsn_parse_groups (text, strlen (text));
  const DsnGroup *g;

  g_assert_cmpuint (groups->len, ==, 3);
  g = g_ptr_array_index (groups, 0);
  g_assert_cmpstr (_modori_dsn_group_lookup (g, "reporting-mta"), ==, "dns; mx.example.jp");
  g_assert_cmpstr (_modori_dsn_group_lookup (g, "Arrival-Date"), ==, "Tue, 5 Mar 2024 10:22:31 +0900 (JST)");
  g = g_ptr_array_index (groups, 1);
  g_assert_cmpstr (_modori_dsn_group_lookup (g, "Diagnostic-Code"), ==,
                   "smtp; 550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown in local recipient table");
  g = g_ptr_array_index (groups, 2);
  g_assert_cmpstr (_modori_dsn_group_lookup (g, "Final-Recipient"), ==, "RFC822; hanako@example.jp");
  g_assert_cmpstr (_modori_dsn_group_lookup (g, "Action"), ==, "delayed");
  g_assert_null (_modori_dsn_group_lookup (g, "Status"));
  g_ptr_array_unref (groups);
}

/* The same fields with LF, CRLF and CR-only line ends give the same groups. */
static void
test_groups_line_ends (void)
{
  static const char *const texts[] = {
    "A: 1\n  2\n\nB: 3\n",
    "A: 1\r\n  2\r\n\r\nB: 3\r\n",
    "A: 1\r  2\r\rB: 3\r",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GPtrArray *groups = _modori_dsn_parse_groups (texts[i], strlen (texts[i]));
      g_assert_cmpuint (groups->len, ==, 2);
      g_assert_cmpstr (_modori_dsn_group_lookup (g_ptr_array_index (groups, 0), "a"), ==, "1 2");
      g_assert_cmpstr (_modori_dsn_group_lookup (g_ptr_array_index (groups, 1), "B"), ==, "3");
      g_ptr_array_unref (groups);
    }
}

static void
test_groups_garbage (void)
{
  static const char text[] = "no colon here\n  orphan continuation\n: empty name\nOk: yes\n\n\n\n";
  GPtrArray *groups = _modori_dsn_parse_groups (text, strlen (text));

  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (_modori_dsn_group_lookup (g_ptr_array_index (groups, 0), "ok"), ==, "yes");
  g_ptr_array_unref (groups);

  groups = _modori_dsn_parse_groups ("", 0);
  g_assert_cmpuint (groups->len, ==, 0);
  g_ptr_array_unref (groups);
}

/* A huge report is read only as far as a report keeps it, plus one. */
static void
test_groups_stop_at_the_limit (void)
{
  GString *text = g_string_new ("Reporting-MTA: dns; mx.example.com\n");
  GPtrArray *groups;

  for (guint i = 0; i < DSN_MAX_GROUPS + 50; i++)
    g_string_append_printf (text, "\nFinal-Recipient: rfc822; user%u@example.com\nStatus: 5.1.1\n", i);
  groups = _modori_dsn_parse_groups (text->str, text->len);
  g_assert_cmpuint (groups->len, ==, DSN_MAX_GROUPS);
  g_assert_cmpuint (DSN_MAX_GROUPS, >, MODORI_MAX_RECIPIENTS + 1);
  g_assert_cmpstr (_modori_dsn_group_lookup (g_ptr_array_index (groups, DSN_MAX_GROUPS - 1), "final-recipient"),
                   ==, "rfc822; user10000@example.com");
  g_ptr_array_unref (groups);
  g_string_free (text, TRUE);
}

static void
test_split_type (void)
{
  static const struct { const char *in, *value, *type; } cases[] = {
    { "rfc822; taro@example.jp", "taro@example.jp", "RFC822" },
    { "smtp;550 5.1.1 unknown", "550 5.1.1 unknown", "SMTP" },
    { "X-Unix; program failed", "program failed", "X-UNIX" },
    { "utf-8; 山田@例え.jp", "山田@例え.jp", "UTF-8" },
    { "taro@example.jp", "taro@example.jp", "" },
    { "<taro;x@example.jp>", "<taro;x@example.jp>", "" },
    { "; bare", "; bare", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *type;
      char *value = _modori_dsn_split_type (cases[i].in, &type);
      g_assert_cmpstr (value, ==, cases[i].value);
      g_assert_cmpstr (type, ==, cases[i].type);
      g_free (value);
      g_free (type);
    }
}

static void
test_strip_comments (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "5.1.1 (bad destination mailbox address)", "5.1.1" },
    { "failed (permanent (nested) failure)", "failed" },
    { "a (x\\) y) b", "a b" },
    { "plain", "plain" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *out = _modori_dsn_strip_comments (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
      g_free (out);
    }
}

static void
test_status_code (void)
{
  static const struct { const char *text, *code; } cases[] = {
    { "550 5.1.1 <a@b>: unknown", "5.1.1" },
    { "host 192.0.2.1 said: 4.4.7 expired", "4.4.7" },
    { "#5.2.2 mailbox full", "5.2.2" },
    { "5.7.26 unauthenticated", "5.7.26" },
    { "status 5.1.10 null mx", "5.1.10" },
    { "version 2.4.1.5 of the server", NULL },
    { "1.2.3 is not a class", NULL },
    { "no code", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char code[16];
      gboolean found = _modori_text_find_status_code (cases[i].text, code);
      g_assert_cmpint (found, ==, cases[i].code != NULL);
      if (found)
        g_assert_cmpstr (code, ==, cases[i].code);
    }
  {
    char code[16];
    g_assert_true (_modori_text_find_reply_status_code ("5.1.0 - Unknown address error 550-'5.2.2 <a@b>... Mailbox Full'", code));
    g_assert_cmpstr (code, ==, "5.2.2");
    g_assert_true (_modori_text_find_reply_status_code ("host x said: 550 5.1.1 unknown", code));
    g_assert_cmpstr (code, ==, "5.1.1");
    g_assert_false (_modori_text_find_reply_status_code ("5.1.1 unknown, 550 nothing", code));
    g_assert_false (_modori_text_find_reply_status_code ("550 4.1.1 class differs", code));
  }
  g_assert_true (_modori_text_is_status_code ("5.1.1"));
  g_assert_false (_modori_text_is_status_code ("5.1.1 x"));
  g_assert_false (_modori_text_is_status_code ("6.1.1"));
}

static void
test_reply_code (void)
{
  static const struct { const char *text, *code; } cases[] = {
    { "550 5.1.1 unknown", "550" },
    { "  421-too busy", "421" },
    { "host mx.example.jp[192.0.2.1] said: 552 5.2.2 full", "552" },
    { "5.1.1 user unknown", NULL },
    { "5500 not a code", NULL },
    { "220-mx.example.jp 421 4.2.1 Service refused", "421" },
    { "5.1.0 - Unknown address error 550-'5.2.2 <a@example.jp>... Mailbox Full'", "550" },
    { "relay said 451 4.3.0 try later", "451" },
    { "5.3.0 - Other mail system problem 550-'Unknown user x@example.jp'", "550" },
    { "ref 5501 5.1.1", NULL },
    { "error 550", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char code[8];
      gboolean found = _modori_text_find_reply_code (cases[i].text, code);
      g_assert_cmpint (found, ==, cases[i].code != NULL);
      if (found)
        g_assert_cmpstr (code, ==, cases[i].code);
    }
}

static void
test_command (void)
{
  static const struct { const char *text, *command; } cases[] = {
    { "550 unknown (in reply to RCPT TO command)", "RCPT" },
    { "(in reply to end of DATA command)", "DATA" },
    { "in reply to MAIL FROM command", "MAIL" },
    { "554 rejected after DATA", "DATA" },
    { "refused after EHLO", "EHLO" },
    { "in reply to HELO command", "HELO" },
    { "retry later after some time", NULL },
    { "user unknown", NULL },
    /* The MTAs' own sentences for the stage (qmail-remote.c, Postfix, dma, Haraka). */
    { "host mx.example.jp[192.0.2.1] refused to talk to me: 554 go away", "CONN" },
    { "192.0.2.1 does not like recipient. Remote host said: 550 no", "RCPT" },
    { "Connected to 192.0.2.1 but sender was rejected.", "MAIL" },
    { "192.0.2.1 failed after I sent the message.", "DATA" },
    { "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", "CONN" },
    { "mx.example.jp [192.0.2.1] did not like our RCPT TO: 550 no", "RCPT" },
    { "Some recipients failed: <a@example.jp>", "RCPT" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (_modori_text_find_command (cases[i].text), ==, cases[i].command);
}

static void
test_transcript_command (void)
{
  static const char transcript[] =
    "   ----- Transcript of session follows -----\n"
    "... while talking to mx.example.jp.:\n"
    ">>> MAIL From:<a@example.com>\n"
    "<<< 250 2.1.0 ok\n"
    ">>> RCPT To:<taro@example.jp>\n"
    "<<< 250 2.1.5 ok\n"
    ">>> RCPT To:<jiro@example.jp>\n"
    "<<< 550 5.1.1 <jiro@example.jp>... User unknown\n"
    ">>> DATA\n"
    "<<< 354 go ahead\n"
    ">>> .\n"
    "<<< 554 5.7.1 rejected as spam\n";
  static const char mail_refused[] = ">>> MAIL From:<a@example.com>\n<<< 553 5.1.8 sender domain\n";
  /* Sendmail pipelining (usersmtp.c): the RCPT replies come after
   * ">>> DATA"; one that names an address answered a RCPT. */
  static const char pipelined[] =
    "... while talking to mx.example.jp.:\n"
    ">>> DATA\n"
    "<<< 550 <hanako@example.jp>: User unknown\n"
    "550 5.1.1 <hanako@example.jp>... User unknown\n"
    "<<< 554 Error: no valid recipients\n";

  g_assert_cmpstr (_modori_text_find_transcript_command (transcript, "jiro@example.jp"), ==, "RCPT");
  g_assert_cmpstr (_modori_text_find_transcript_command (transcript, "taro@example.jp"), ==, "DATA");
  g_assert_cmpstr (_modori_text_find_transcript_command (mail_refused, "taro@example.jp"), ==, "MAIL");
  g_assert_null (_modori_text_find_transcript_command ("no transcript here\n", ""));
  /* MDaemon: the arrow after a time stamp, only near the line's start. */
  g_assert_cmpstr (_modori_text_find_transcript_command (" 12:00:01 --> MAIL From:<a@example.com>\n"
                                                         " 12:00:01 <-- 250 ok\n"
                                                         " 12:00:01 --> RCPT To:<taro@example.jp>\n"
                                                         " 12:00:02 <-- 550 5.1.1 <taro@example.jp> unknown\n",
                                                         "taro@example.jp"), ==, "RCPT");
  g_assert_cmpstr (_modori_text_find_transcript_command ("12:00:00 <-- 550 refused\n", ""), ==, "CONN");
  g_assert_null (_modori_text_find_transcript_command ("0123456789012345678901234567890123456789012345678 <-- 550 refused\n", ""));
  g_assert_cmpstr (_modori_text_find_transcript_command (pipelined, "hanako@example.jp"), ==, "RCPT");
  /* Another recipient's refusal is not this one's; the DATA reply is. */
  g_assert_cmpstr (_modori_text_find_transcript_command (pipelined, "jiro@example.jp"), ==, "DATA");
  /* A greeting refused: no command was sent. A temporary one at one MX
   * says nothing of the next MX. */
  g_assert_cmpstr (_modori_text_find_transcript_command (
                     "... while talking to mx.example.org.:\n<<< 554 mx.example.org ESMTP not accepting messages\n", ""),
                   ==, "CONN");
  g_assert_null (_modori_text_find_transcript_command ("<<< 450 busy - please try later\n", ""));
  /* MDaemon's arrows after a time stamp. */
  g_assert_cmpstr (_modori_text_find_transcript_command (
                     " Mon 2025-03-17 10:14:02.529: --> RCPT To:<y@example.org>\n"
                     " Mon 2025-03-17 10:14:02.591: <-- 550 5.1.1 <y@example.org>: User unknown\n", "y@example.org"),
                   ==, "RCPT");
}

static void
test_remote_host (void)
{
  static const struct { const char *text, *host; } cases[] = {
    { "host MX.Example.JP[192.0.2.1] said: 550", "mx.example.jp" },
    { "host mx1.example.com said: 550 no", "mx1.example.com" },
    { "ghost mx.example.jp[192.0.2.1]", NULL },
    { "host unknown", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *host = _modori_text_find_remote_host (cases[i].text);
      g_assert_cmpstr (host, ==, cases[i].host);
      g_free (host);
    }
}

static void
test_address (void)
{
  static const struct { const char *raw, *address, *domain; } cases[] = {
    { "<Taro@Example.JP>", "Taro@example.jp", "example.jp" },
    { "Taro Yamada <taro@example.jp>", "taro@example.jp", "example.jp" },
    { "taro@example.jp (Taro)", "taro@example.jp", "example.jp" },
    { "'hanako@example.co.jp'", "hanako@example.co.jp", "example.co.jp" },
    { "hanako@example,co.jp", "hanako@example,co.jp", "example,co.jp" },
    { "山田@例え.jp", "山田@例え.jp", "例え.jp" },
    { "postmaster", "postmaster", "" },
    { "two words", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *address = _modori_address_clean (cases[i].raw);
      char *domain = _modori_address_domain (address);
      g_assert_cmpstr (address, ==, cases[i].address);
      g_assert_cmpstr (domain, ==, cases[i].domain);
      g_free (address);
      g_free (domain);
    }
}

/* Text written in each charset comes back as the same UTF-8, declared
 * or not. The encoded bytes are made from the expected text. */
static void
test_charsets (void)
{
  static const char japanese[] =
    "宛先のメールアドレスが見つかりませんでした。このメールは送信者に返送されます。"
    "お手数ですが、アドレスをご確認のうえ再度お送りください。";
  static const struct { const char *charset; const char *declared; const char *text; } cases[] = {
    { "ISO-2022-JP", NULL, japanese },
    { "ISO-2022-JP", "iso-2022-jp", japanese },
    { "SHIFT_JIS", NULL, japanese },
    { "SHIFT_JIS", "utf-8", japanese },   /* declared wrongly */
    { "EUC-JP", NULL, japanese },
    { "EUC-JP", "euc-jp", japanese },
    { "ISO-8859-1", "iso-8859-1", "Le destinataire est inconnu: café déjà vu" },
    { "UTF-8", NULL, japanese },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length;
      char *bytes = g_convert (cases[i].text, -1, cases[i].charset, "UTF-8", NULL, &length, NULL);
      char *text;

      g_assert_nonnull (bytes);
      text = _modori_charset_to_utf8 (bytes, length, cases[i].declared);
      g_test_message ("%s declared %s", cases[i].charset, cases[i].declared);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_free (text);
      g_free (bytes);
    }
  {
    char *text = _modori_charset_to_utf8 ("plain ascii", 11, "x-unknown-charset");
    g_assert_cmpstr (text, ==, "plain ascii");
    g_free (text);
  }
  /* An English report with one stray byte is never read as UTF-16 (whose
   * pairs of bytes always decode when the length is even): the text is
   * kept, the byte replaced or read as a Latin character. */
  for (gsize pad = 0; pad < 2; pad++)
    {
      g_autoptr (GString) report = g_string_new ("Reporting-MTA: dns; mx.example.org\n\n"
                                                 "Final-Recipient: rfc822; nobody@example.net\n"
                                                 "Action: failed\nStatus: 5.1.1\n"
                                                 "Diagnostic-Code: smtp; 550 5.1.1 unknown \x90 user\n");
      g_autofree char *text = NULL;

      if (pad)
        g_string_append_c (report, '\n');
      text = _modori_charset_to_utf8 (report->str, report->len, NULL);
      g_assert_nonnull (strstr (text, "Final-Recipient: rfc822; nobody@example.net"));
      g_assert_nonnull (strstr (text, "550 5.1.1 unknown "));
    }
}

/* A multi-line reply quoted on one line reads without its line prefixes;
 * a code that only starts the text, or a number in the words, stays. */
static void
test_without_continuations (void)
{
  g_autofree char *gmail = _modori_text_without_continuations (
    "550-5.7.27 This message was blocked because it didn't pass SPF 550-5.7.27 authentication. "
    "Gmail requires 550 5.7.27 visit https://support.google.com/a/answer/81126. - gsmtp");
  g_autofree char *bare = _modori_text_without_continuations (
    "host mx.example.com[192.0.2.1] said: 452-4.2.2 The email account that you tried to reach is over 452-4.2.2 quota. "
    "Please direct 452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp");
  g_autofree char *no_status = _modori_text_without_continuations ("550-Mailbox unknown. 550-Either there are 550 no mailboxes");

  g_assert_cmpstr (gmail, ==, "This message was blocked because it didn't pass SPF authentication. "
                              "Gmail requires visit https://support.google.com/a/answer/81126. - gsmtp");
  g_assert_cmpstr (bare, ==, "host mx.example.com[192.0.2.1] said: The email account that you tried to reach is over quota. "
                             "Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp");
  g_assert_cmpstr (no_status, ==, "Mailbox unknown. Either there are no mailboxes");
  g_assert_null (_modori_text_without_continuations ("550 5.1.1 <taro@example.jp>: Recipient address rejected"));
  g_assert_null (_modori_text_without_continuations ("552 message size 10485760-20000 exceeds 550 bytes"));
  g_assert_null (_modori_text_without_continuations (NULL));
}

/* Sendmail's own transcript line for one recipient, the whole of a
 * multi-line reply, and the "DOMAIN does not exist" shape. */
static void
test_transcript_lines (void)
{
  static const char text[] =
    "   ----- Transcript of session follows -----\n"
    "<other@example.jp>... Deferred: Connection timed out\n"
    "<Hanako@example.jp>... Deferred: Connection refused by mx.example.jp.\n"
    "<<< 552-5.7.0 This message was blocked because its content presents a potential\n"
    "<<< 552-5.7.0 security issue. Please visit\n"
    "<<< 552 5.7.0 the guidelines. - gsmtp\n";
  g_autofree char *line = _modori_text_find_recipient_line (text, "hanako@example.jp");
  g_autofree char *none = _modori_text_find_recipient_line (text, "taro@example.jp");
  g_autofree char *reply = _modori_text_complete_reply (
    text, "552-5.7.0 This message was blocked because its content presents a potential");
  g_autofree char *single = _modori_text_complete_reply (text, "552 5.7.0 the guidelines. - gsmtp");
  g_autofree char *domain = _modori_text_find_missing_domain ("553 mx.Example.com does not exist");
  g_autofree char *address = _modori_text_find_missing_domain ("553 user@example.com does not exist");

  g_assert_cmpstr (line, ==, "Deferred: Connection refused by mx.example.jp.");
  g_assert_null (none);
  g_assert_cmpstr (reply, ==, "552-5.7.0 This message was blocked because its content presents a potential "
                              "security issue. Please visit the guidelines. - gsmtp");
  g_assert_null (single);
  g_assert_cmpstr (domain, ==, "mx.example.com");
  g_assert_null (address);
}

/* A record keeps valid UTF-8 only, each field cut to its limit at a
 * character boundary with a mark; the record standing for recipients
 * past the limit takes no writes. */
static void
test_record_limits (void)
{
  ModoriRecord *record = _modori_record_new ();
  GString *long_text = g_string_new (NULL);
  const char *kept;

  _modori_record_set (record, FIELD_RHOST, "mx\xff\xfe.example.net");
  g_assert_cmpstr (_modori_record_peek (record, FIELD_RHOST), ==, "mx\xef\xbf\xbd\xef\xbf\xbd.example.net");
  g_assert_cmpuint (record->cut_fields, ==, 0);

  /* Three-byte characters across the limit. */
  while (long_text->len <= MODORI_MAX_DIAGNOSTIC_BYTES)
    g_string_append (long_text, "\xe5\xae\x9b");   /* 宛 */
  _modori_record_set (record, FIELD_DIAGNOSTICCODE, long_text->str);
  kept = _modori_record_peek (record, FIELD_DIAGNOSTICCODE);
  g_assert_cmpuint (strlen (kept), <=, MODORI_MAX_DIAGNOSTIC_BYTES);
  g_assert_cmpuint (strlen (kept), >, MODORI_MAX_DIAGNOSTIC_BYTES - 16);
  g_assert_true (g_utf8_validate (kept, -1, NULL));
  g_assert_true (g_str_has_suffix (kept, " [...]"));
  g_assert_true (record->cut_fields & (1u << FIELD_DIAGNOSTICCODE));

  /* Cut once by an engine, then set on a record: still known as cut. */
  _modori_record_set (record, FIELD_DIAGNOSTICCODE, "short");
  g_assert_false (record->cut_fields & (1u << FIELD_DIAGNOSTICCODE));
  _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_record_cut_diagnostic (g_strdup (long_text->str)));
  g_assert_true (record->cut_fields & (1u << FIELD_DIAGNOSTICCODE));

  /* Other fields have their own limit; the origin has none. */
  _modori_record_set (record, FIELD_SUBJECT, long_text->str);
  g_assert_cmpuint (strlen (_modori_record_peek (record, FIELD_SUBJECT)), <=, MODORI_MAX_FIELD_BYTES);
  _modori_record_set (record, FIELD_ORIGIN, long_text->str);
  g_assert_cmpstr (_modori_record_peek (record, FIELD_ORIGIN), ==, long_text->str);

  /* File names that differ in bytes that are not UTF-8 stay apart. */
  _modori_record_set (record, FIELD_ORIGIN, "box\xff.mbox#2");
  g_assert_cmpstr (_modori_record_peek (record, FIELD_ORIGIN), ==, "box\\xff.mbox#2");
  _modori_record_set (record, FIELD_ORIGIN, "box\xfe.mbox#2");
  g_assert_cmpstr (_modori_record_peek (record, FIELD_ORIGIN), ==, "box\\xfe.mbox#2");
  _modori_record_set (record, FIELD_ORIGIN, "box\\xff.mbox#2");
  g_assert_cmpstr (_modori_record_peek (record, FIELD_ORIGIN), ==, "box\\\\xff.mbox#2");
  _modori_record_set (record, FIELD_ORIGIN, "bo\xc3\xaete.eml");
  g_assert_cmpstr (_modori_record_peek (record, FIELD_ORIGIN), ==, "bo\xc3\xaete.eml");

  record->muted = TRUE;
  _modori_record_set (record, FIELD_RHOST, "mx.example.org");
  g_assert_cmpstr (_modori_record_peek (record, FIELD_RHOST), ==, "mx\xef\xbf\xbd\xef\xbf\xbd.example.net");

  modori_record_unref (record);
  g_string_free (long_text, TRUE);
}

/* Dates as records keep them: the written time with its zone's offset,
 * "-00:00" (RFC 3339's unknown offset) when the zone is unknown. */
static const struct {
  const char *date;
  const char *timestamp;   /* "" when no date is set */
} dates[] = {
  { "Tue, 5 Mar 2024 10:22:31 +0900", "2024-03-05T10:22:31+09:00" },
  { "Tue, 5 Mar 2024 10:22:31 +0900 (JST)", "2024-03-05T10:22:31+09:00" },
  { "Tue, 5 Mar 2024 10:22:31 -0330", "2024-03-05T10:22:31-03:30" },
  { "Tue, 5 Mar 2024 10:22:31 +0000", "2024-03-05T10:22:31+00:00" },
  /* RFC 5322, 3.3: -0000 says the local zone is unknown. */
  { "Tue, 5 Mar 2024 10:22:31 -0000", "2024-03-05T10:22:31-00:00" },
  /* RFC 5322, 4.3, in any case (RFC 5234: strings are case-blind). */
  { "Tue, 5 Mar 2024 10:22:31 UT", "2024-03-05T10:22:31+00:00" },
  { "Tue, 5 Mar 2024 10:22:31 GMT", "2024-03-05T10:22:31+00:00" },
  { "Tue, 5 Mar 2024 10:22:31 EST", "2024-03-05T10:22:31-05:00" },
  { "Tue, 5 Mar 2024 10:22:31 EDT", "2024-03-05T10:22:31-04:00" },
  { "Tue, 5 Mar 2024 10:22:31 CST", "2024-03-05T10:22:31-06:00" },
  { "Tue, 5 Mar 2024 10:22:31 CDT", "2024-03-05T10:22:31-05:00" },
  { "Tue, 5 Mar 2024 10:22:31 MST", "2024-03-05T10:22:31-07:00" },
  { "Tue, 5 Mar 2024 10:22:31 MDT", "2024-03-05T10:22:31-06:00" },
  { "Tue, 5 Mar 2024 10:22:31 PST", "2024-03-05T10:22:31-08:00" },
  { "Tue, 5 Mar 2024 10:22:31 PDT", "2024-03-05T10:22:31-07:00" },
  { "Tue, 5 Mar 2024 10:22:31 pdt", "2024-03-05T10:22:31-07:00" },
  { "Tue, 5 Mar 2024 10:22:31 Est", "2024-03-05T10:22:31-05:00" },
  /* Names outside the RFC that mean one offset only. */
  { "Tue, 5 Mar 2024 10:22:31 JST", "2024-03-05T10:22:31+09:00" },
  { "Fri, 15 Mar 96 17:43:58 JST", "1996-03-15T17:43:58+09:00" },
  { "5 Mar 2024 10:22 jst", "2024-03-05T10:22:00+09:00" },
  { "Tue, 5 Mar 2024 10:22:31 KST", "2024-03-05T10:22:31+09:00" },
  { "Tue, 5 Mar 2024 10:22:31 UTC", "2024-03-05T10:22:31+00:00" },
  { "Tue, 5 Mar 2024 10:22:31 CET", "2024-03-05T10:22:31+01:00" },
  { "Tue, 5 Jul 2024 10:22:31 CEST", "2024-07-05T10:22:31+02:00" },
  { "Tue, 5 Mar 2024 10:22:31 JST (Japan)", "2024-03-05T10:22:31+09:00" },
  { "Tue Mar  5 10:22:31 JST 2024", "2024-03-05T10:22:31+09:00" },
  /* A number beside a name decides, as GMime reads it. */
  { "Tue, 5 Mar 2024 10:22:31 JST +0900", "2024-03-05T10:22:31+09:00" },
  { "Tue, 5 Mar 2024 10:22:31 GMT (+0900)", "2024-03-05T10:22:31+00:00" },
  /* Names of several zones, military letters (RFC 822 got their signs
   * wrong: RFC 5322, 4.3), unknown names, no zone: the time is kept,
   * the offset unknown. */
  { "Tue, 5 Mar 2024 10:22:31 IST", "2024-03-05T10:22:31-00:00" },
  { "Thu, 6 Apr 95 11:05:40 BST", "1995-04-06T11:05:40-00:00" },
  { "Tue, 5 Mar 2024 10:22:31 XYZ", "2024-03-05T10:22:31-00:00" },
  { "Tue, 5 Mar 2024 10:22:31 A", "2024-03-05T10:22:31-00:00" },
  { "Tue, 5 Mar 2024 10:22:31 M", "2024-03-05T10:22:31-00:00" },
  { "Tue, 5 Mar 2024 10:22:31 n", "2024-03-05T10:22:31-00:00" },
  { "Tue, 5 Mar 2024 10:22:31 Y", "2024-03-05T10:22:31-00:00" },
  { "Tue, 5 Mar 2024 10:22:31", "2024-03-05T10:22:31-00:00" },
  { "Tue, 5 Mar 2024 10:22:31 (JST)", "2024-03-05T10:22:31-00:00" },
  { "Tue Mar  5 10:22:31 2024", "2024-03-05T10:22:31-00:00" },
  { "Tue, 5 Mar 2024 10:22:31 +2500", "2024-03-05T10:22:31-00:00" },
  { "Tue, 5 Mar 2024 10:22:31 GMT+0900", "2024-03-05T10:22:31-00:00" },
  /* Zulu is the military letter whose sign cannot be wrong. */
  { "Tue, 5 Mar 2024 10:22:31 Z", "2024-03-05T10:22:31+00:00" },
  /* No time of day, no date. */
  { "2024-08-21 08-12-55", "" },
  { "not a date", "" },
};

static void
test_dates (void)
{
  guint wrong = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      ModoriRecord *record = _modori_record_new ();
      const char *got;

      _modori_record_set_date (record, dates[i].date);
      got = _modori_record_peek (record, FIELD_TIMESTAMP);
      if (strcmp (got, dates[i].timestamp) != 0)
        {
          g_test_message ("%s: got %s, want %s", dates[i].date, got, dates[i].timestamp);
          wrong++;
        }
      modori_record_unref (record);
    }
  g_assert_cmpuint (wrong, ==, 0);
}

/* A message's context makes its texts and its original once, and leaves
 * the message as it was; through the limits, a caller's message with a
 * header over them is read from a copy. */
static void
test_bounce_context (void)
{
  static const char bounce_text[] =
    "From: MAILER-DAEMON@example.jp\n"
    "To: sender@example.com\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"B\"\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain\n"
    "\n"
    "first line\r\nsecond line\n"
    "--B\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: sender@example.com\n"
    "To: taro@example.jp\n"
    "Subject: hello\n"
    "\n"
    "hi\n"
    "--B--\n";
  GMimeMessage *message = test_message_from_text (bounce_text);
  char *before = g_mime_object_to_string (GMIME_OBJECT (message), NULL);
  ModoriBounce *context = _modori_bounce_new (message);
  const char *text = _modori_bounce_get_first_text (context);
  const char *body = _modori_bounce_get_body_text (context);
  ModoriOriginal *original = _modori_bounce_get_original (context);
  GString *long_header = g_string_new ("From: a@example.jp\nSubject: long\nX-Long: ");
  ModoriReport *report;
  char *after;

  g_assert_true (_modori_bounce_get_message (context) == message);
  g_assert_nonnull (strstr (text, "first line\r\n"));
  g_assert_true (_modori_bounce_get_first_text (context) == text);
  g_assert_cmpstr (body, ==, "first line\nsecond line");   /* the last line end is the boundary's */
  g_assert_true (_modori_bounce_get_body_text (context) == body);
  g_assert_nonnull (original);
  g_assert_cmpstr (_modori_original_get_subject (original), ==, "hello");
  g_assert_true (_modori_bounce_get_original (context) == original);
  _modori_bounce_free (context);
  after = g_mime_object_to_string (GMIME_OBJECT (message), NULL);
  g_assert_cmpstr (after, ==, before);
  g_free (before);
  g_free (after);
  g_object_unref (message);

  for (gsize i = 0; i < MODORI_MAX_HEADER_BYTES + 100; i++)
    g_string_append_c (long_header, 'x');
  g_string_append (long_header, "\n\nbody\n");
  message = test_message_from_text (long_header->str);
  report = _modori_report_new ();
  context = _modori_bounce_new_limited (message, FALSE, "long", report);
  g_assert_true (_modori_bounce_get_message (context) != message);
  g_assert_null (g_mime_object_get_header (GMIME_OBJECT (_modori_bounce_get_message (context)), "X-Long"));
  g_assert_nonnull (g_mime_object_get_header (GMIME_OBJECT (message), "X-Long"));
  g_assert_cmpuint (modori_report_get_n_warnings (report), ==, 1);
  _modori_bounce_free (context);
  modori_report_unref (report);
  g_object_unref (message);
  g_string_free (long_header, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_mime_init ();   /* charset names are resolved through GMime */
  g_test_add_func ("/dsn-fields/groups", test_groups_basic);
  g_test_add_func ("/dsn-fields/line-ends", test_groups_line_ends);
  g_test_add_func ("/dsn-fields/garbage", test_groups_garbage);
  g_test_add_func ("/dsn-fields/stop-at-the-limit", test_groups_stop_at_the_limit);
  g_test_add_func ("/dsn-fields/split-type", test_split_type);
  g_test_add_func ("/dsn-fields/strip-comments", test_strip_comments);
  g_test_add_func ("/text/status-code", test_status_code);
  g_test_add_func ("/text/reply-code", test_reply_code);
  g_test_add_func ("/text/command", test_command);
  g_test_add_func ("/text/transcript-command", test_transcript_command);
  g_test_add_func ("/text/remote-host", test_remote_host);
  g_test_add_func ("/text/address", test_address);
  g_test_add_func ("/text/transcript-lines", test_transcript_lines);
  g_test_add_func ("/text/without-continuations", test_without_continuations);
  g_test_add_func ("/charset/to-utf8", test_charsets);
  g_test_add_func ("/record/limits", test_record_limits);
  g_test_add_func ("/record/dates", test_dates);
  g_test_add_func ("/bounce/context", test_bounce_context);
  return g_test_run ();
}
