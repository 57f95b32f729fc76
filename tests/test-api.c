/* test-api.c: the public API: errors on bad input, mbox origins, the
 * guidance catalog, JSON of a record. Run from the source root. */
#include <string.h>

#include <glib/gstdio.h>
#include <modori/modori.h>

#include "gzip-bytes.h"

static ModoriAnalyzer *analyzer;
static char *tmpdir;

static char *
write_temp (const char *name, const char *contents, gssize length)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  ModoriReport *report = modori_analyzer_analyze_file (analyzer, "testdata/no/such.eml", &error);

  g_assert_null (report);
  g_assert_error (error, MODORI_ERROR, MODORI_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "testdata/no/such.eml"));
}

static void
test_directory (void)
{
  g_autoptr (GError) error = NULL;
  ModoriReport *report = modori_analyzer_analyze_file (analyzer, "testdata", &error);

  g_assert_null (report);
  g_assert_error (error, MODORI_ERROR, MODORI_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "directory"));
}

static void
test_empty (void)
{
  g_autofree char *path = write_temp ("empty.eml", "", 0);
  g_autoptr (GError) error = NULL;

  g_assert_null (modori_analyzer_analyze_file (analyzer, path, &error));
  g_assert_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_null (modori_analyzer_analyze_data (analyzer, "", 0, "x", &error));
  g_assert_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT);
}

static void
test_garbage (void)
{
  char garbage[4096];
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GError) error = NULL;
  ModoriReport *report;

  for (gsize i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) g_rand_int_range (rand, 0, 256);
  garbage[0] = '\x01';   /* never a header name */
  report = modori_analyzer_analyze_data (analyzer, garbage, sizeof garbage, "garbage", &error);
  if (report)
    {
      /* Whatever GMime made of it, it is no bounce. */
      g_assert_cmpuint (modori_report_get_n_records (report), ==, 0);
      modori_report_unref (report);
    }
  else
    g_assert_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT);
}

static const char bounce_template[] =
  "From: Mail Delivery System <MAILER-DAEMON@mx.example.jp>\n"
  "To: sender@example.com\n"
  "Subject: Undelivered Mail Returned to Sender\n"
  "Date: Tue, 5 Mar 2024 10:22:31 +0900\n"
  "MIME-Version: 1.0\n"
  "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
  "\n"
  "--B\n"
  "Content-Type: text/plain\n"
  "\n"
  "I could not deliver your message.\n"
  "--B\n"
  "Content-Type: message/delivery-status\n"
  "\n"
  "Reporting-MTA: dns; mx.example.jp\n"
  "\n"
  "Final-Recipient: rfc822; %s\n"
  "Action: failed\n"
  "Status: %s\n"
  "Diagnostic-Code: smtp; %s\n"
  "--B\n"
  "Content-Type: text/rfc822-headers\n"
  "\n"
  "From: sender@example.com\n"
  "To: %s\n"
  "Subject: Hello\n"
  "Message-ID: <m1@example.com>\n"
  "\n"
  "--B--\n";

static char *
make_bounce (const char *recipient, const char *status, const char *diagnostic)
{
  return g_strdup_printf (bounce_template, recipient, status, diagnostic, recipient);
}

static void
test_truncated (void)
{
  g_autofree char *bounce = make_bounce ("taro@example.jp", "5.1.1", "550 5.1.1 User unknown");
  gsize cut = strstr (bounce, "Diagnostic-Code") - bounce;
  g_autoptr (GError) error = NULL;
  g_autoptr (ModoriReport) report = modori_analyzer_analyze_data (analyzer, bounce, cut, "cut", &error);

  /* Cut in the middle of the report: what was read is still reported. */
  g_assert_no_error (error);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_cmpstr (modori_record_get_delivery_status (modori_report_get_record (report, 0)), ==, "5.1.1");
}

/* LF, CRLF and CR-only copies give the same record. */
static void
test_line_ends (void)
{
  g_autofree char *lf = make_bounce ("taro@example.jp", "5.1.1", "550 5.1.1 User unknown");
  g_auto (GStrv) lines = g_strsplit (lf, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  g_autofree char *cr = g_strjoinv ("\r", lines);
  const char *const copies[] = { lf, crlf, cr };
  g_autofree char *cr_path = write_temp ("cr.eml", cr, -1);
  g_autoptr (ModoriReport) from_file = modori_analyzer_analyze_file (analyzer, cr_path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autoptr (ModoriReport) report = modori_analyzer_analyze_data (analyzer, copies[i], strlen (copies[i]), "x", NULL);
      ModoriRecord *record;

      g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
      record = modori_report_get_record (report, 0);
      g_assert_cmpstr (modori_record_get_recipient (record), ==, "taro@example.jp");
      g_assert_cmpstr (modori_record_get_diagnostic_code (record), ==, "550 5.1.1 User unknown");
      g_assert_cmpstr (modori_record_get_field (record, "subject"), ==, "Hello");
      g_assert_cmpstr (modori_record_get_field (record, "timestamp"), ==, "2024-03-05T10:22:31+09:00");
    }
  g_assert_cmpuint (modori_report_get_n_records (from_file), ==, 1);
  g_assert_cmpstr (modori_record_get_field (modori_report_get_record (from_file, 0), "subject"), ==, "Hello");
}

/* GMime's default parser options belong to the application: analyzing
 * leaves them as GMime made them (modori decodes with its own). */
static void
test_gmime_defaults_untouched (void)
{
  g_autofree char *bounce = make_bounce ("taro@example.jp", "5.1.1", "550 5.1.1 User unknown");
  g_autoptr (ModoriReport) report = modori_analyzer_analyze_data (analyzer, bounce, strlen (bounce), "x", NULL);
  const char **charsets = g_mime_parser_options_get_fallback_charsets (g_mime_parser_options_get_default ());

  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_cmpstrv (charsets, ((const char *[]) { "utf-8", "iso-8859-1", NULL }));
}

/* The timestamp is the bounce's first Date field, also when a second
 * one follows (GMime's message keeps the last). */
static void
test_first_date (void)
{
  g_autofree char *bounce = make_bounce ("taro@example.jp", "5.1.1", "550 5.1.1 User unknown");
  const char *date = strstr (bounce, "Date: ");
  const char *after = strchr (date, '\n') + 1;
  g_autofree char *twice = g_strdup_printf ("%.*sDate: Wed, 6 Mar 2024 11:00:00 +0000\n%s",
                                            (int) (after - bounce), bounce, after);
  g_autoptr (ModoriReport) report = modori_analyzer_analyze_data (analyzer, twice, strlen (twice), "x", NULL);

  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_cmpstr (modori_record_get_timestamp (modori_report_get_record (report, 0)), ==, "2024-03-05T10:22:31+09:00");
}

/* The remote server's own code wins over the reporting MTA's Status
 * when both are of the same class; never across classes. */
static void
test_status_preference (void)
{
  static const struct { const char *status, *diagnostic, *want_status, *want_reason; } cases[] = {
    { "4.4.7", "450 4.7.1 <mx.example.com[192.0.2.1]>: Client host rejected: no", "4.7.1", "blocked" },
    { "5.0.0", "550 5.1.1 <taro@example.jp>... User Unknown", "5.1.1", "userunknown" },
    { "5.1.1", "552 5.2.2 Over quota", "5.2.2", "mailboxfull" },
    { "5.4.7", "451 4.4.1 connection timed out", "5.4.7", "expired" },
    { "5.1.1", "550 5.0.0 no", "5.1.1", "userunknown" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bounce = make_bounce ("taro@example.jp", cases[i].status, cases[i].diagnostic);
      g_autoptr (ModoriReport) report = modori_analyzer_analyze_data (analyzer, bounce, strlen (bounce), "x", NULL);
      ModoriRecord *record = modori_report_get_record (report, 0);

      g_assert_cmpstr (modori_record_get_delivery_status (record), ==, cases[i].want_status);
      g_assert_cmpstr (modori_reason_to_string (modori_record_get_reason (record)), ==, cases[i].want_reason);
    }
}

static void
test_mbox (void)
{
  g_autofree char *one = make_bounce ("taro@example.jp", "5.1.1", "550 5.1.1 User unknown");
  g_autofree char *two = make_bounce ("hanako@example.jp", "5.2.2", "552 5.2.2 Mailbox full");
  g_autofree char *mbox = g_strdup_printf ("From MAILER-DAEMON Tue Mar  5 10:22:31 2024\n%s\n"
                                           "From MAILER-DAEMON Tue Mar  5 10:22:32 2024\n%s\n"
                                           "From someone Tue Mar  5 10:22:33 2024\n"
                                           "From: friend@example.com\nSubject: hi\n\nNot a bounce.\n",
                                           one, two);
  g_autofree char *path = write_temp ("bounces.mbox", mbox, -1);
  g_autofree char *origin = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ModoriReport) report = modori_analyzer_analyze_file (analyzer, path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (modori_report_get_n_messages (report), ==, 3);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 2);
  origin = g_strconcat (path, "#2", NULL);
  g_assert_cmpstr (modori_record_get_origin (modori_report_get_record (report, 1)), ==, origin);
  g_assert_cmpstr (modori_record_get_recipient (modori_report_get_record (report, 1)), ==, "hanako@example.jp");
  g_assert_cmpint (modori_record_get_reason (modori_report_get_record (report, 1)), ==, MODORI_REASON_MAILBOX_FULL);
}

/* Records, origins and warnings of @report, one line each. */
static char *
describe (ModoriReport *report)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u messages\n", modori_report_get_n_messages (report));
  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    {
      g_autofree char *json = modori_record_to_json (modori_report_get_record (report, i), FALSE);
      g_string_append_printf (out, "%s\n", json);
    }
  for (guint i = 0; i < modori_report_get_n_warnings (report); i++)
    g_string_append_printf (out, "warning %s\n", modori_report_get_warning (report, i));
  return g_string_free (out, FALSE);
}

/* One reader: analyze_file() and analyze_data() read an mbox, compressed
 * or not, as a ModoriSource does, message by message through
 * analyze_source_message(). */
static void
test_one_reader (void)
{
  g_autofree char *one = make_bounce ("taro@example.jp", "5.1.1", "550 5.1.1 User unknown");
  g_autofree char *two = make_bounce ("hanako@example.jp", "5.2.2", "552 5.2.2 Mailbox full");
  g_autofree char *mbox = g_strdup_printf ("From MAILER-DAEMON Tue Mar  5 10:22:31 2024\n%s\n"
                                           "From MAILER-DAEMON Tue Mar  5 10:22:32 2024\n"
                                           "\x01 no header\n\n"
                                           "From MAILER-DAEMON Tue Mar  5 10:22:33 2024\n%s\n",
                                           one, two);
  g_autoptr (GByteArray) packed = gzip_bytes (mbox, strlen (mbox));
  g_autofree char *path = write_temp ("one-reader.mbox", mbox, -1);
  g_autofree char *gz_path = write_temp ("one-reader.mbox.gz", (const char *) packed->data, packed->len);
  const char *paths[] = { path, NULL };
  g_autoptr (ModoriSource) source = modori_source_new (paths);
  g_autoptr (GString) expected = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ModoriReport) from_file = NULL, from_gz = NULL, from_data = NULL, from_gz_data = NULL;
  g_autofree char *file = NULL, *gz = NULL, *data = NULL, *gz_data = NULL, *gz_expected = NULL;
  g_autofree char *origin = g_strconcat (path, "#3", NULL);
  guint messages = 0, records = 0;

  /* What the tool does. */
  for (;;)
    {
      g_autoptr (ModoriSourceMessage) message = modori_source_next (source, &error);
      g_autoptr (ModoriReport) report = NULL;
      g_autoptr (GError) bad = NULL;

      g_assert_no_error (error);
      if (message == NULL)
        break;
      report = modori_analyzer_analyze_source_message (analyzer, message, &bad);
      if (report == NULL)
        {
          g_assert_error (bad, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT);
          g_string_append_printf (expected, "warning %s\n", bad->message);
          continue;
        }
      messages += modori_report_get_n_messages (report);
      for (guint i = 0; i < modori_report_get_n_records (report); i++, records++)
        {
          g_autofree char *json = modori_record_to_json (modori_report_get_record (report, i), FALSE);
          g_string_append_printf (expected, "%s\n", json);
        }
    }
  g_assert_cmpuint (records, ==, 2);

  from_file = modori_analyzer_analyze_file (analyzer, path, &error);
  g_assert_no_error (error);
  from_gz = modori_analyzer_analyze_file (analyzer, gz_path, &error);
  g_assert_no_error (error);
  from_data = modori_analyzer_analyze_data (analyzer, mbox, strlen (mbox), path, &error);
  g_assert_no_error (error);
  from_gz_data = modori_analyzer_analyze_data (analyzer, (const char *) packed->data, packed->len, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (modori_record_get_origin (modori_report_get_record (from_file, 1)), ==, origin);

  /* The records come before the warnings in describe(): the same order
   * as expected's, where the one warning is of message 2. */
  file = describe (from_file);
  data = describe (from_data);
  gz_data = describe (from_gz_data);
  gz = describe (from_gz);
  g_assert_cmpstr (data, ==, file);
  g_assert_cmpstr (gz_data, ==, file);
  {
    /* The records of the .gz name it. */
    g_auto (GStrv) parts = g_strsplit (file, path, -1);
    gz_expected = g_strjoinv (gz_path, parts);
  }
  g_assert_cmpstr (gz, ==, gz_expected);
  g_assert_cmpuint (modori_report_get_n_warnings (from_file), ==, 1);
  g_assert_nonnull (strstr (expected->str, modori_report_get_warning (from_file, 0)));
  g_assert_cmpuint (modori_report_get_n_records (from_file), ==, records);
  g_assert_cmpuint (modori_report_get_n_messages (from_file), ==, messages);
  for (guint i = 0; i < records; i++)
    {
      g_autofree char *json = modori_record_to_json (modori_report_get_record (from_file, i), FALSE);
      g_assert_nonnull (strstr (expected->str, json));
    }
}

static void
test_record_json (void)
{
  g_autofree char *bounce = make_bounce ("\"taro\\\"x\"@example.jp", "5.1.1", "550 5.1.1 User\tunknown");
  g_autoptr (ModoriReport) report = modori_analyzer_analyze_data (analyzer, bounce, strlen (bounce), "mem", NULL);
  ModoriRecord *record = modori_report_get_record (report, 0);
  g_autofree char *json = modori_record_to_json (record, FALSE);
  g_autoptr (ModoriRecord) kept = modori_record_ref (record);

  g_assert_true (g_str_has_prefix (json, "{\"recipient\":"));
  g_assert_nonnull (strstr (json, "\"hardbounce\":true,"));
  g_assert_nonnull (strstr (json, "\"reason\":\"userunknown\""));
  g_assert_nonnull (strstr (json, "\"subject\":\"Hello\""));
  g_assert_nonnull (strstr (json, "\"messageid\":\"m1@example.com\""));
  g_assert_nonnull (strstr (json, "\"timestamp\":\"2024-03-05T10:22:31+09:00\""));
  g_assert_null (strchr (json, '\t'));
  g_assert_cmpstr (modori_record_get_field (kept, "lhost"), ==, "mx.example.jp");
  g_assert_null (modori_record_get_field (kept, "nosuchfield"));
}

/* Every field has a typed getter that agrees with the getter by name,
 * and the public types are boxed GTypes whose copy takes a reference. */
static void
test_typed_getters (void)
{
  g_autoptr (ModoriReport) report = modori_analyzer_analyze_file (analyzer, "testdata/dsn/postfix-userunknown.eml", NULL);
  ModoriRecord *record;
  static const struct {
    const char *name;
    const char *(*get) (const ModoriRecord *);
  } getters[] = {
    { "recipient", modori_record_get_recipient },
    { "addresser", modori_record_get_addresser },
    { "senderdomain", modori_record_get_sender_domain },
    { "destination", modori_record_get_destination },
    { "alias", modori_record_get_alias },
    { "action", modori_record_get_action },
    { "deliverystatus", modori_record_get_delivery_status },
    { "replycode", modori_record_get_reply_code },
    { "diagnosticcode", modori_record_get_diagnostic_code },
    { "diagnostictype", modori_record_get_diagnostic_type },
    { "command", modori_record_get_command },
    { "rhost", modori_record_get_rhost },
    { "lhost", modori_record_get_lhost },
    { "hint", modori_record_get_hint },
    { "suggestion", modori_record_get_suggestion },
    { "reasonby", modori_record_get_reason_by },
    { "feedbacktype", modori_record_get_feedback_type },
    { "messageid", modori_record_get_message_id },
    { "subject", modori_record_get_subject },
    { "timestamp", modori_record_get_timestamp },
    { "decodedby", modori_record_get_decoded_by },
    { "origin", modori_record_get_origin },
  };
  const char *const *names = modori_record_field_names ();
  guint n_names = g_strv_length ((char **) names);
  ModoriRecord *copy;
  GEnumClass *reasons;

  g_assert_nonnull (report);
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  record = modori_report_get_record (report, 0);
  /* Each field but reason and hardbounce (typed otherwise) is listed. */
  g_assert_cmpuint (G_N_ELEMENTS (getters) + 2, ==, n_names);
  for (gsize i = 0; i < G_N_ELEMENTS (getters); i++)
    {
      g_assert_true (g_strv_contains (names, getters[i].name));
      g_assert_cmpstr (getters[i].get (record), ==, modori_record_get_field (record, getters[i].name));
    }
  g_assert_cmpstr (modori_record_get_rhost (record), ==, "mx.example.jp");
  g_assert_cmpstr (modori_record_get_decoded_by (record), ==, "rfc3464");
  g_assert_cmpstr (modori_record_get_timestamp (record), ==, "2024-03-05T10:22:31+09:00");

  g_assert_true (G_TYPE_IS_BOXED (MODORI_TYPE_RECORD));
  copy = g_boxed_copy (MODORI_TYPE_RECORD, record);
  g_assert_true (copy == record);
  g_boxed_free (MODORI_TYPE_RECORD, copy);
  g_assert_true (G_TYPE_IS_ENUM (MODORI_TYPE_REASON));
  g_assert_true (G_TYPE_IS_FLAGS (MODORI_TYPE_ADDRESS_FLAW));
  reasons = g_type_class_ref (MODORI_TYPE_REASON);
  g_assert_cmpstr (g_enum_get_value (reasons, MODORI_REASON_USER_UNKNOWN)->value_name, ==,
                   "MODORI_REASON_USER_UNKNOWN");
  g_type_class_unref (reasons);
}

/* A source and its messages are reference-counted: _free drops one. */
static void
test_source_refs (void)
{
  const char *paths[] = { "testdata/dsn/postfix-userunknown.eml", NULL };
  ModoriSource *source = modori_source_new (paths);
  ModoriSource *shared = g_boxed_copy (MODORI_TYPE_SOURCE, source);
  ModoriSourceMessage *message, *kept;

  modori_source_free (source);
  message = modori_source_next (shared, NULL);
  g_assert_nonnull (message);
  kept = modori_source_message_ref (message);
  modori_source_message_free (message);
  g_assert_cmpstr (modori_source_message_get_origin (kept), ==, paths[0]);
  g_boxed_free (MODORI_TYPE_SOURCE_MESSAGE, kept);
  g_boxed_free (MODORI_TYPE_SOURCE, shared);
}

/* The analyzer keeps decoded text on a message while it works on it:
 * a caller's message analyzed again after a change reads the change. */
static void
test_message_changed (void)
{
  GMimeStream *stream = g_mime_stream_file_open ("testdata/qmail/sender-rejected.eml", "r", NULL);
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);
  GMimeTextPart *body;
  g_autofree char *text = NULL, *changed = NULL;
  char *at;
  ModoriReport *report;

  g_assert_nonnull (message);
  report = modori_analyzer_analyze_message (analyzer, message, "first");
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_cmpstr (modori_record_get_recipient (modori_report_get_record (report, 0)), ==, "reader@example.org");
  modori_report_unref (report);

  body = GMIME_TEXT_PART (g_mime_message_get_mime_part (message));
  text = g_mime_text_part_get_text (body);
  changed = g_strdup (text);
  at = strstr (changed, "<reader@example.org>");
  g_assert_nonnull (at);
  memcpy (at, "<writer@example.net>", strlen ("<writer@example.net>"));
  g_mime_text_part_set_text (body, changed);

  report = modori_analyzer_analyze_message (analyzer, message, "second");
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_cmpstr (modori_record_get_recipient (modori_report_get_record (report, 0)), ==, "writer@example.net");
  modori_report_unref (report);
  g_object_unref (message);
  g_object_unref (parser);
  g_object_unref (stream);
}

/* Every header of @message, name and raw value, in order. */
static char *
all_headers (GMimeMessage *message)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  GString *all = g_string_new (NULL);

  for (int i = 0; i < g_mime_header_list_get_count (headers); i++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (headers, i);
      g_string_append_printf (all, "%s:%s", g_mime_header_get_name (header),
                              g_mime_header_get_raw_value (header));
    }
  return g_string_free (all, FALSE);
}

/* The caller's message is not modified, even where the analysis leaves
 * out a header over the limits (a 70 KB one). */
static void
test_message_kept (void)
{
  g_autofree char *bounce = make_bounce ("taro@example.jp", "5.1.1", "550 5.1.1 User unknown");
  g_autofree char *filler = g_strnfill (70 * 1024, 'x');
  g_autofree char *data = g_strconcat ("X-Long: ", filler, "\n", bounce, NULL);
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (data, strlen (data));
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);
  g_autofree char *before = NULL, *after = NULL, *whole_before = NULL, *whole_after = NULL;
  ModoriReport *report;

  g_assert_nonnull (message);
  before = all_headers (message);
  whole_before = g_mime_object_to_string (GMIME_OBJECT (message), NULL);
  g_assert_nonnull (strstr (before, filler));

  report = modori_analyzer_analyze_message (analyzer, message, "kept");
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 1);
  g_assert_cmpuint (modori_report_get_n_warnings (report), ==, 1);
  g_assert_nonnull (strstr (modori_report_get_warning (report, 0), "X-Long"));
  modori_report_unref (report);

  after = all_headers (message);
  whole_after = g_mime_object_to_string (GMIME_OBJECT (message), NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (whole_after, ==, whole_before);
  g_assert_cmpstr (g_mime_object_get_header (GMIME_OBJECT (message), "X-Long"), ==, filler);
  g_object_unref (message);
  g_object_unref (parser);
  g_object_unref (stream);
}

static void
find_message_part (GMimeObject *parent, GMimeObject *part, gpointer data)
{
  GMimeMessagePart **found = data;

  if (*found == NULL && GMIME_IS_MESSAGE_PART (part))
    *found = GMIME_MESSAGE_PART (part);
}

/* Nor is anything left on the messages inside it, which a caller could
 * change and analyze again: what the engines make of a message (its text)
 * lives on the analysis's own context (lib/bounce.c), never on a message
 * as GObject data, as it once did under the key checked here. */
static void
test_nested_message_kept (void)
{
  static const char forward[] =
    "From: friend@example.com\n"
    "To: sender@example.com\n"
    "Subject: Fwd: hello\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"X\"\n"
    "\n"
    "--X\n"
    "Content-Type: text/plain\n"
    "\n"
    "See below.\n"
    "--X\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: someone@example.net\n"
    "To: friend@example.com\n"
    "Subject: hello\n"
    "\n"
    "Just a letter.\n"
    "--X--\n";
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (forward, strlen (forward));
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);
  GMimeMessagePart *attached = NULL;
  GMimeMessage *inner;
  ModoriReport *report;

  g_assert_nonnull (message);
  g_mime_message_foreach (message, find_message_part, &attached);
  g_assert_nonnull (attached);
  inner = g_mime_message_part_get_message (attached);
  report = modori_analyzer_analyze_message (analyzer, message, "nested");
  g_assert_cmpuint (modori_report_get_n_records (report), ==, 0);
  modori_report_unref (report);
  g_assert_null (g_object_get_data (G_OBJECT (message), "modori-first-text"));
  g_assert_null (g_object_get_data (G_OBJECT (inner), "modori-first-text"));
  g_object_unref (message);
  g_object_unref (parser);
  g_object_unref (stream);
}

static void
test_guidance (void)
{
  g_auto (GStrv) hints = modori_guidance_list_hints ();
  static const char *const documented[] = {
    "comma-for-dot", "comma-in-host", "fullwidth-characters",
    "relay-network", "forward-broken", "helo-first",
  };

  for (guint r = 0; r < MODORI_REASON_N_REASONS; r++)
    for (int f = MODORI_GUIDANCE_TITLE; f <= MODORI_GUIDANCE_TODO; f++)
      {
        const char *ja = modori_guidance_for_reason ((ModoriReason) r, "ja", (ModoriGuidanceField) f);
        const char *en = modori_guidance_for_reason ((ModoriReason) r, "en", (ModoriGuidanceField) f);
        g_test_message ("reason %s field %d", modori_reason_to_string ((ModoriReason) r), f);
        g_assert_nonnull (ja);
        g_assert_nonnull (en);
        g_assert_cmpstr (ja, !=, en);
        /* Japanese text really is Japanese: it holds kana or kanji. */
        g_assert_true (g_utf8_validate (ja, -1, NULL));
        g_assert_cmpuint (g_utf8_strlen (ja, -1), <, strlen (ja));
        /* The same pointer comes back: callers never free it. */
        g_assert_true (ja == modori_guidance_for_reason ((ModoriReason) r, "ja", (ModoriGuidanceField) f));
      }
  for (guint i = 0; i < G_N_ELEMENTS (documented); i++)
    {
      g_assert_true (g_strv_contains ((const char *const *) hints, documented[i]));
      g_assert_nonnull (modori_guidance_for_hint (documented[i], "ja", MODORI_GUIDANCE_TODO));
      g_assert_nonnull (modori_guidance_for_hint (documented[i], "en", MODORI_GUIDANCE_WHAT));
    }
  g_assert_null (modori_guidance_for_hint ("no-such-hint", "ja", MODORI_GUIDANCE_WHAT));
  /* Unknown languages fall back to English. */
  g_assert_true (modori_guidance_for_reason (MODORI_REASON_USER_UNKNOWN, "fr", MODORI_GUIDANCE_TITLE) ==
                 modori_guidance_for_reason (MODORI_REASON_USER_UNKNOWN, "en", MODORI_GUIDANCE_TITLE));
}

/* A record's guidance uses its own addresses where the catalog has such
 * words, the hint's general words otherwise, and the reason's without a
 * hint. */
static void
test_guidance_for_record (void)
{
  g_autofree char *comma = make_bounce ("yoko@example,co.jp", "5.1.3", "553 5.1.3 Invalid route address");
  g_autofree char *plain = make_bounce ("taro@example.jp", "5.1.1", "550 5.1.1 User unknown");
  g_autoptr (ModoriReport) a = modori_analyzer_analyze_data (analyzer, comma, strlen (comma), "a", NULL);
  g_autoptr (ModoriReport) b = modori_analyzer_analyze_data (analyzer, plain, strlen (plain), "b", NULL);
  ModoriRecord *with_hint = modori_report_get_record (a, 0);
  ModoriRecord *without = modori_report_get_record (b, 0);
  g_autofree char *what = modori_guidance_for_record (with_hint, "ja", MODORI_GUIDANCE_WHAT);
  g_autofree char *todo = modori_guidance_for_record (with_hint, "en", MODORI_GUIDANCE_TODO);
  g_autofree char *title = modori_guidance_for_record (with_hint, "en", MODORI_GUIDANCE_TITLE);
  g_autofree char *general = modori_guidance_for_record (without, "ja", MODORI_GUIDANCE_TODO);

  g_assert_cmpstr (modori_record_get_hint (with_hint), ==, "comma-for-dot");
  g_assert_nonnull (strstr (what, "yoko@example,co.jp"));
  g_assert_null (strstr (what, "taro@example"));   /* not the catalog's example */
  g_assert_nonnull (strstr (todo, "yoko@example.co.jp"));
  g_assert_cmpstr (title, ==, modori_guidance_for_hint ("comma-for-dot", "en", MODORI_GUIDANCE_TITLE));
  g_assert_cmpstr (general, ==, modori_guidance_for_reason (MODORI_REASON_USER_UNKNOWN, "ja", MODORI_GUIDANCE_TODO));
}

/* doc/reasons.md gives every reason with the definition the API returns. */
static void
test_reasons_documented (void)
{
  g_autofree char *doc = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents ("doc/reasons.md", &doc, NULL, &error);
  g_assert_no_error (error);
  for (guint reason = 0; reason < MODORI_REASON_N_REASONS; reason++)
    {
      g_autofree char *row = g_strdup_printf ("| `%s` | %s |", modori_reason_to_string (reason),
                                              modori_reason_get_definition (reason));
      if (strstr (doc, row) == NULL)
        g_test_fail_printf ("doc/reasons.md has no row \"%s\"", row);
    }
}

int
main (int argc, char **argv)
{
  int status;

  /* The catalog must not depend on the environment's locale. */
  g_setenv ("LANG", "C", TRUE);
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  analyzer = modori_analyzer_new ();
  tmpdir = g_dir_make_tmp ("modori-test-XXXXXX", NULL);

  g_test_add_func ("/api/missing-file", test_missing_file);
  g_test_add_func ("/api/directory", test_directory);
  g_test_add_func ("/api/empty", test_empty);
  g_test_add_func ("/api/garbage", test_garbage);
  g_test_add_func ("/api/truncated", test_truncated);
  g_test_add_func ("/api/mbox", test_mbox);
  g_test_add_func ("/api/one-reader", test_one_reader);
  g_test_add_func ("/api/guidance-for-record", test_guidance_for_record);
  g_test_add_func ("/api/line-ends", test_line_ends);
  g_test_add_func ("/api/first-date", test_first_date);
  g_test_add_func ("/api/gmime-defaults-untouched", test_gmime_defaults_untouched);
  g_test_add_func ("/api/status-preference", test_status_preference);
  g_test_add_func ("/api/record-json", test_record_json);
  g_test_add_func ("/api/typed-getters", test_typed_getters);
  g_test_add_func ("/api/source-refs", test_source_refs);
  g_test_add_func ("/api/guidance", test_guidance);
  g_test_add_func ("/api/reasons-documented", test_reasons_documented);
  g_test_add_func ("/api/message-changed", test_message_changed);
  g_test_add_func ("/api/message-kept", test_message_kept);
  g_test_add_func ("/api/nested-message-kept", test_nested_message_kept);
  status = g_test_run ();

  {
    g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  modori_analyzer_unref (analyzer);
  return status;
}
