/* test-malformed.c: hostile and broken input, generated here at run time
 * (no big files are kept): each case ends in a report or a clear error,
 * never a crash, and the enforced limits say so in the report's warnings. */
#include <string.h>

#include <glib/gstdio.h>
#include <modori/modori.h>

#include "bounds.h"
#include "synthetic-dsn.h"

static ModoriAnalyzer *analyzer;

/* A minimal RFC 3464 bounce around @status (the delivery-status body),
 * with @extra appended to the bounce's headers. */
static GString *
dsn_bounce (const char *extra, const char *status, const char *charset)
{
  return synthetic_dsn (extra, status, charset, NULL);
}

static const char one_recipient[] =
  "Final-Recipient: rfc822; nobody@example.net\n"
  "Action: failed\n"
  "Status: 5.1.1\n"
  "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n";

/* Analyzes @data; either a report or an error, never both or neither. */
static ModoriReport *
analyze (const char *data, gsize length)
{
  g_autoptr (GError) error = NULL;
  ModoriReport *report = modori_analyzer_analyze_data (analyzer, data, length, "case", &error);

  g_assert_true ((report == NULL) != (error == NULL));
  if (error)
    g_assert_nonnull (strstr (error->message, "case"));
  return report;
}

static gboolean
has_warning (ModoriReport *report, const char *needle)
{
  for (guint i = 0; i < modori_report_get_n_warnings (report); i++)
    if (strstr (modori_report_get_warning (report, i), needle))
      return TRUE;
  return FALSE;
}

static void
test_truncated (void)
{
  g_autoptr (GString) full = dsn_bounce ("", one_recipient, "us-ascii");

  /* Every prefix, cut anywhere: headers, boundaries, fields. */
  for (gsize n = 1; n < full->len; n += 7)
    {
      ModoriReport *report = analyze (full->str, n);
      if (report)
        modori_report_unref (report);
    }
}

static void
test_garbage_and_nul (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GString) nul = dsn_bounce ("X-Nul: a\001b\n", one_recipient, "us-ascii");
  char garbage[65536];
  ModoriReport *report;

  for (int round = 0; round < 8; round++)
    {
      for (gsize i = 0; i < sizeof garbage; i++)
        garbage[i] = (char) g_rand_int_range (rand, 0, 256);
      report = analyze (garbage, sizeof garbage);
      if (report)
        modori_report_unref (report);
    }

  /* NUL bytes in a header and in the delivery-status body. */
  for (gsize i = 0; i < nul->len; i++)
    if (nul->str[i] == '\001')
      nul->str[i] = '\0';
  g_string_replace (nul, "Action: failed", "Action: fa\1iled", 1);
  for (gsize i = 0; i < nul->len; i++)
    if (nul->str[i] == '\001')
      nul->str[i] = '\0';
  report = analyze (nul->str, nul->len);
  g_assert_nonnull (report);
  modori_report_unref (report);
}

static void
test_unclosed_boundary (void)
{
  g_autoptr (GString) s = dsn_bounce ("", one_recipient, "us-ascii");
  ModoriReport *report;

  g_string_truncate (s, s->len - strlen ("--B--\n"));
  report = analyze (s->str, s->len);
  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  modori_report_unref (report);
}

static void
test_deep_nesting (void)
{
  GString *s = g_string_new ("From: MAILER-DAEMON@mx.example.org\nTo: a@example.com\n"
                             "Subject: deep\nMIME-Version: 1.0\n");
  ModoriReport *report;

  for (int i = 0; i < 1000; i++)
    g_string_append_printf (s, "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i);
  g_string_append (s, "Content-Type: text/plain\n\nhello\n");
  for (int i = 999; i >= 0; i--)
    g_string_append_printf (s, "--b%d--\n", i);
  report = analyze (s->str, s->len);
  g_assert_nonnull (report);
  g_assert_true (has_warning (report, "nesting"));
  modori_report_unref (report);
  g_string_free (s, TRUE);
}

static void
test_huge_header (void)
{
  g_autofree char *line = g_strnfill (1024 * 1024, 'x');
  g_autofree char *extra = g_strdup_printf ("X-Huge: %s\n", line);
  g_autoptr (GString) s = dsn_bounce (extra, one_recipient, "us-ascii");
  ModoriReport *report = analyze (s->str, s->len);

  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_true (has_warning (report, "X-Huge"));
  modori_report_unref (report);
}

static void
test_many_recipients (void)
{
  GString *status = g_string_new (NULL);
  GString *s;
  ModoriReport *report;

  for (int i = 0; i < 100000; i++)
    g_string_append_printf (status,
                            "Final-Recipient: rfc822; user%d@example.net\n"
                            "Action: failed\nStatus: 5.1.1\n\n", i);
  s = dsn_bounce ("", status->str, "us-ascii");
  report = analyze (s->str, s->len);
  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, MODORI_MAX_RECIPIENTS);
  g_assert_true (has_warning (report, "recipients"));
  modori_report_unref (report);
  g_string_free (status, TRUE);
  g_string_free (s, TRUE);
}

/* Every field of every record is valid UTF-8, no longer than its limit,
 * and, when cut, ends in the mark. */
static void
assert_fields_bounded (ModoriReport *report)
{
  const char *const *names = modori_record_field_names ();

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    for (guint f = 0; names[f]; f++)
      {
        const char *value = modori_record_get_field (modori_report_get_record (report, i), names[f]);
        gsize limit = strcmp (names[f], "diagnosticcode") == 0 ? MODORI_MAX_DIAGNOSTIC_BYTES
                      : strcmp (names[f], "origin") == 0 ? G_MAXSIZE : MODORI_MAX_FIELD_BYTES;

        g_assert_true (g_utf8_validate (value, -1, NULL));
        g_assert_cmpuint (strlen (value), <=, limit);
      }
}

/* One long text that every recipient shares (a transcript, the
 * original's subject, the reporting MTA) is kept cut, once per record:
 * 4 MB copied into 2,000 records would take 8 GB. */
static void
test_shared_long_fields (void)
{
  g_autofree char *words = g_strnfill (4 * 1024 * 1024, 'w');
  g_autoptr (GString) status = g_string_new (NULL);
  g_autoptr (GString) original = g_string_new (NULL);
  g_autoptr (GString) s = NULL;
  ModoriReport *report;
  ModoriRecord *record;

  g_string_append_printf (status, "Reporting-MTA: dns; mx%.*s.example.org\n\n", 100000, words);
  for (int i = 0; i < 2000; i++)
    g_string_append_printf (status, "Final-Recipient: rfc822; user%d@example.net\nAction: failed\n"
                            "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 unknown %.*s\n\n",
                            i, i == 0 ? 3 * 1024 * 1024 : 10, words);
  g_string_append_printf (original, "From: a@example.com\nSubject: %.*s\n\nbody\n", 60000, words);
  s = synthetic_dsn ("", status->str, "us-ascii", original->str);
  report = analyze (s->str, s->len);
  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 2000);
  assert_fields_bounded (report);
  record = modori_report_get_record (report, 0);
  g_assert_true (g_str_has_suffix (modori_record_get_diagnostic_code (record), " [...]"));
  g_assert_true (g_str_has_suffix (modori_record_get_field (record, "subject"), " [...]"));
  g_assert_true (g_str_has_prefix (modori_record_get_field (record, "subject"), "wwww"));
  /* What the rest kept of their own. */
  record = modori_report_get_record (report, 1999);
  g_assert_cmpstr (modori_record_get_diagnostic_code (record), ==, "550 5.1.1 unknown wwwwwwwwww");
  g_assert_true (has_warning (report, "over the limits"));
  modori_report_unref (report);
}

/* Past the budget of text for one message, later records keep less. */
static void
test_message_text_budget (void)
{
  g_autofree char *words = g_strnfill (MODORI_MAX_DIAGNOSTIC_BYTES, 'w');
  g_autoptr (GString) status = g_string_new (NULL);
  g_autoptr (GString) s = NULL;
  guint n = 2 * MODORI_MAX_MESSAGE_TEXT_BYTES / MODORI_MAX_DIAGNOSTIC_BYTES;
  ModoriReport *report;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (status, "Final-Recipient: rfc822; user%u@example.net\nAction: failed\n"
                            "Status: 5.1.1\nDiagnostic-Code: smtp; 550 %s\n\n", i, words);
  s = dsn_bounce ("", status->str, "us-ascii");
  report = analyze (s->str, s->len);
  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, n);
  assert_fields_bounded (report);
  g_assert_cmpuint (strlen (modori_record_get_diagnostic_code (modori_report_get_record (report, 0))), >,
                    MODORI_MAX_FIELD_BYTES_PAST_BUDGET);
  g_assert_cmpuint (strlen (modori_record_get_diagnostic_code (modori_report_get_record (report, n - 1))), <=,
                    MODORI_MAX_FIELD_BYTES_PAST_BUDGET);
  /* Cut after classification: the reason was read from the whole text. */
  g_assert_cmpint (modori_record_get_reason (modori_report_get_record (report, n - 1)), ==,
                   MODORI_REASON_USER_UNKNOWN);
  g_assert_true (has_warning (report, "budget"));
  modori_report_unref (report);
}

/* Header blocks are cut before GMime reads them: a field over its limit,
 * and more fields than a block may hold. The bounce is still read. */
static void
test_header_blocks (void)
{
  g_autofree char *line = g_strnfill (2 * MODORI_MAX_HEADER_BYTES, 's');
  g_autoptr (GString) fields = g_string_new (NULL);
  g_autofree char *extra = NULL;
  g_autoptr (GString) s = NULL;
  ModoriReport *report;

  /* A long field, folded over many lines. */
  g_string_append (fields, "X-Folded: start");
  for (int i = 0; i < 4000; i++)
    g_string_append (fields, "\n continued words of a folded field");
  g_string_append (fields, "\n");
  extra = g_strdup_printf ("X-Long: %s\n%s", line, fields->str);
  s = dsn_bounce (extra, one_recipient, "us-ascii");
  report = analyze (s->str, s->len);
  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_true (has_warning (report, "header X-Long is over"));
  modori_report_unref (report);

  /* The warning names the field in visible ASCII: a NUL, a control
   * character and an 8-bit byte of its name each as '?'. */
  g_clear_pointer (&extra, g_free);
  extra = g_strdup_printf ("X-\001Odd\377%s: %s\n", "", line);
  g_string_free (s, TRUE);
  s = dsn_bounce (extra, one_recipient, "us-ascii");
  s->str[strstr (s->str, "Odd") - s->str - 2] = '\0';   /* "X-" becomes "X" NUL */
  report = analyze (s->str, s->len);
  g_assert_nonnull (report);
  g_assert_true (has_warning (report, "header X??Odd? is over"));
  modori_report_unref (report);

  /* Short fields past the block's budget, after the ones that matter. */
  g_string_truncate (fields, 0);
  for (guint i = 0; fields->len < 2 * MODORI_MAX_HEADER_BLOCK_BYTES; i++)
    g_string_append_printf (fields, "X-F%u: v\n", i);
  g_string_free (s, TRUE);
  s = dsn_bounce ("", one_recipient, "us-ascii");
  g_string_append (s, "\n");
  {
    /* Into the header of the bounce, after Content-Type. */
    const char *body = strstr (s->str, "\n\n");
    g_string_insert (s, body - s->str + 1, fields->str);
  }
  report = analyze (s->str, s->len);
  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_true (has_warning (report, "header fields over"));
  modori_report_unref (report);
}

/* Bytes that are not UTF-8 never reach a record: the getters and the
 * JSON are UTF-8 whatever the engine copied. */
static void
test_invalid_utf8_fields (void)
{
  g_autoptr (GString) s = synthetic_dsn ("", "Final-Recipient: rfc822; caf\xe9@example.net\nAction: failed\n"
                                         "Status: 5.1.1\nRemote-MTA: dns; mx\xff\xfe.example.net\n"
                                         "Diagnostic-Code: smtp; 550 5.1.1 \xc3(\x80 unknown\n",
                                         NULL, "From: a@example.com\nSubject: \xff\xfe\n\nbody\n");
  ModoriReport *report = analyze (s->str, s->len);

  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  assert_fields_bounded (report);
  g_assert_true (g_str_has_prefix (modori_record_get_field (modori_report_get_record (report, 0), "rhost"), "mx"));
  modori_report_unref (report);
}

static void
test_bad_text (void)
{
  static const char *charsets[] = { "utf-8", "x-no-such-charset", "iso-2022-jp", "utf-16" };
  g_autofree char *status = g_strdup_printf ("Final-Recipient: utf-8; n\xff\xfe" "bad@example.net\n"
                                             "Action: failed\nStatus: 5.1.1\n"
                                             "Diagnostic-Code: smtp; 550 \xc3\x28 \xe2\x82 unknown\n");

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      g_autoptr (GString) s = dsn_bounce ("", status, charsets[i]);
      ModoriReport *report;

      g_string_replace (s, "Delivery failed.", "D\xe9livr\xff\x80 \x1b$B failed", 1);
      g_string_replace (s, "message/delivery-status", "message/global-delivery-status", 1);
      report = analyze (s->str, s->len);
      g_assert_nonnull (report);
      for (guint r = 0; r < modori_report_get_n_records (report); r++)
        {
          g_autofree char *json = modori_record_to_json (modori_report_get_record (report, r), FALSE);
          g_assert_true (g_utf8_validate (json, -1, NULL));
        }
      modori_report_unref (report);
    }
}

static void
test_big_attachment (void)
{
  gsize size = 50 * 1024 * 1024;
  GString *s = dsn_bounce ("", one_recipient, "us-ascii");
  ModoriReport *report;

  /* The returned original, with a 50 MB base64 attachment. */
  g_string_truncate (s, s->len - strlen ("--B--\n"));
  g_string_append (s, "--B\nContent-Type: message/rfc822\n\n"
                      "From: sender@example.com\nTo: nobody@example.net\nSubject: big\n"
                      "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"I\"\n\n"
                      "--I\nContent-Type: application/octet-stream\n"
                      "Content-Transfer-Encoding: base64\n\n");
  for (gsize n = 0; n < size; n += 77)
    g_string_append (s, "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n");
  g_string_append (s, "--I--\n--B--\n");
  report = analyze (s->str, s->len);
  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_cmpstr (modori_record_get_field (modori_report_get_record (report, 0), "subject"), ==, "big");
  modori_report_unref (report);
  g_string_free (s, TRUE);
}

static void
test_broken_mbox (void)
{
  g_autoptr (GString) one = dsn_bounce ("", one_recipient, "us-ascii");
  GString *mbox = g_string_new (NULL);
  ModoriReport *report;

  /* A good message, a separator with no message, a separator glued to
   * the previous line, an unescaped "From " line in a body, garbage. */
  g_string_append_printf (mbox, "From MAILER-DAEMON Mon Sep  2 10:00:00 2024\n%s\n", one->str);
  g_string_append (mbox, "From MAILER-DAEMON Mon Sep  2 10:00:01 2024\n\n");
  g_string_append_printf (mbox, "From x\n%sFrom y Mon Sep  2 10:00:02 2024\n", one->str);
  g_string_append (mbox, "From \n\001\002\003 not a message\n\n");
  g_string_append_printf (mbox, "From MAILER-DAEMON Mon Sep  2 10:00:03 2024\n%s", one->str);
  report = analyze (mbox->str, mbox->len);
  g_assert_nonnull (report);
  /* The first and last messages are whole: neither is lost. */
  g_assert_cmpuint (modori_report_get_n_records (report), >=, 2);
  modori_report_unref (report);
  g_string_free (mbox, TRUE);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  analyzer = modori_analyzer_new ();
  g_test_add_func ("/malformed/truncated", test_truncated);
  g_test_add_func ("/malformed/garbage-and-nul", test_garbage_and_nul);
  g_test_add_func ("/malformed/unclosed-boundary", test_unclosed_boundary);
  g_test_add_func ("/malformed/deep-nesting", test_deep_nesting);
  g_test_add_func ("/malformed/huge-header", test_huge_header);
  g_test_add_func ("/malformed/many-recipients", test_many_recipients);
  g_test_add_func ("/malformed/bad-text", test_bad_text);
  g_test_add_func ("/malformed/shared-long-fields", test_shared_long_fields);
  g_test_add_func ("/malformed/message-text-budget", test_message_text_budget);
  g_test_add_func ("/malformed/header-blocks", test_header_blocks);
  g_test_add_func ("/malformed/invalid-utf8-fields", test_invalid_utf8_fields);
  g_test_add_func ("/malformed/big-attachment", test_big_attachment);
  g_test_add_func ("/malformed/broken-mbox", test_broken_mbox);
  status = g_test_run ();
  modori_analyzer_unref (analyzer);
  return status;
}
