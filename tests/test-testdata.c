/* test-testdata.c: every sample listed in testdata/MANIFEST, analyzed as a
 * file, as CRLF bytes in memory and as a parsed GMimeMessage, must give
 * exactly the records of its .expected.json. Run from the source root. */
#include <string.h>

#include <json-glib/json-glib.h>
#include <modori/modori.h>

static ModoriAnalyzer *analyzer;
/* The same, also reporting delivered recipients: used for the samples
 * that have a CASE.delivered.expected.json beside them. */
static ModoriAnalyzer *delivered_analyzer;

static char *
expected_path_for (const char *eml)
{
  g_autofree char *stem = g_strndup (eml, strlen (eml) - strlen (".eml"));
  return g_strconcat (stem, ".expected.json", NULL);
}

static void
compare_with (ModoriReport *report, const char *expected_path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  const char *const *names = modori_record_field_names ();
  JsonArray *expected;
  guint wrong = 0;

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_array (json_parser_get_root (parser));
  if (modori_report_get_n_records (report) != json_array_get_length (expected))
    {
      g_test_fail_printf ("%s: %u records, want %u", expected_path,
                          modori_report_get_n_records (report), json_array_get_length (expected));
      return;
    }

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *want = json_array_get_object_element (expected, i);
      ModoriRecord *got = modori_report_get_record (report, i);

      g_assert_cmpuint (json_object_get_size (want), ==, g_strv_length ((char **) names));
      for (const char *const *name = names; *name; name++)
        {
          JsonNode *node = json_object_get_member (want, *name);
          const char *got_value = modori_record_get_field (got, *name);
          const char *want_value;

          if (node == NULL)
            want_value = "(missing from the expected file)";
          else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
            want_value = json_node_get_boolean (node) ? "true" : "false";
          else
            want_value = json_node_get_string (node);
          /* Name every wrong field of the case, then fail it once. */
          if (strcmp (got_value, want_value) != 0)
            {
              g_test_message ("%s: record %u: %s: want \"%s\", got \"%s\"",
                              expected_path, i + 1, *name, want_value, got_value);
              wrong++;
            }
        }
    }
  if (wrong > 0)
    g_test_fail_printf ("%s: %u wrong fields (listed above)", expected_path, wrong);
}

static void
compare (ModoriReport *report, const char *eml)
{
  g_autofree char *expected_path = expected_path_for (eml);

  compare_with (report, expected_path);
}

static char *
delivered_expected_path_for (const char *eml)
{
  g_autofree char *stem = g_strndup (eml, strlen (eml) - strlen (".eml"));
  return g_strconcat (stem, ".delivered.expected.json", NULL);
}

/* With delivered recipients included, the records of CASE.delivered.expected.json. */
static void
test_delivered (gconstpointer data)
{
  const char *eml = data;
  g_autofree char *expected_path = delivered_expected_path_for (eml);
  g_autoptr (GError) error = NULL;
  g_autoptr (ModoriReport) report = modori_analyzer_analyze_file (delivered_analyzer, eml, &error);

  g_assert_no_error (error);
  compare_with (report, expected_path);
}

static void
test_file (gconstpointer data)
{
  const char *eml = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ModoriReport) report = modori_analyzer_analyze_file (analyzer, eml, &error);

  g_assert_no_error (error);
  compare (report, eml);
}

/* The same bytes with CRLF line ends give the same records. */
static void
test_crlf (gconstpointer data)
{
  const char *eml = data;
  g_autofree char *contents = NULL;
  g_autoptr (GString) crlf = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ModoriReport) report = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (eml, &contents, &length, &error));
  for (gsize i = 0; i < length; i++)
    {
      if (contents[i] == '\n' && (i == 0 || contents[i - 1] != '\r'))
        g_string_append_c (crlf, '\r');
      g_string_append_c (crlf, contents[i]);
    }
  report = modori_analyzer_analyze_data (analyzer, crlf->str, crlf->len, eml, &error);
  g_assert_no_error (error);
  compare (report, eml);
}

/* The same bytes with CR-only line ends (old Macintosh files) give the
 * same records. */
static void
test_cr (gconstpointer data)
{
  const char *eml = data;
  g_autofree char *contents = NULL;
  g_autoptr (GString) cr = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ModoriReport) report = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (eml, &contents, &length, &error));
  for (gsize i = 0; i < length; i++)
    {
      if (contents[i] == '\r' && i + 1 < length && contents[i + 1] == '\n')
        i++;
      g_string_append_c (cr, contents[i] == '\n' ? '\r' : contents[i]);
    }
  report = modori_analyzer_analyze_data (analyzer, cr->str, cr->len, eml, &error);
  g_assert_no_error (error);
  compare (report, eml);
}

/* A message the caller parsed gives the same records. */
static void
test_message (gconstpointer data)
{
  const char *eml = data;
  g_autoptr (GError) error = NULL;
  GMimeStream *stream = g_mime_stream_file_open (eml, "r", &error);
  GMimeParser *parser;
  GMimeMessage *message;
  ModoriReport *report;

  g_assert_no_error (error);
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  g_assert_nonnull (message);
  report = modori_analyzer_analyze_message (analyzer, message, eml);
  compare (report, eml);
  modori_report_unref (report);
  g_object_unref (message);
  g_object_unref (parser);
  g_object_unref (stream);
}

/* Every reason of the taxonomy is the expected reason of some sample. */
static void
test_every_reason (gconstpointer data)
{
  const GPtrArray *paths = data;
  gboolean seen[MODORI_REASON_N_REASONS] = { FALSE };

  for (guint i = 0; i < paths->len; i++)
    {
      const char *eml = g_ptr_array_index (paths, i);
      char *expected[] = { expected_path_for (eml), delivered_expected_path_for (eml) };

      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        {
          g_autoptr (JsonParser) parser = json_parser_new ();
          JsonArray *records;

          if (!json_parser_load_from_file (parser, expected[e], NULL))
            continue;
          records = json_node_get_array (json_parser_get_root (parser));
          for (guint r = 0; r < json_array_get_length (records); r++)
            {
              ModoriReason reason;
              const char *name = json_object_get_string_member (json_array_get_object_element (records, r), "reason");
              g_assert_true (modori_reason_from_string (name, &reason));
              seen[reason] = TRUE;
            }
        }
      g_free (expected[0]);
      g_free (expected[1]);
    }
  for (guint reason = 0; reason < MODORI_REASON_N_REASONS; reason++)
    if (!seen[reason])
      g_test_fail_printf ("no sample expects reason %s", modori_reason_to_string (reason));
}

int
main (int argc, char **argv)
{
  g_autofree char *manifest = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);
  analyzer = modori_analyzer_new ();
  /* Auto-replies are hidden by default; the samples check them too. */
  modori_analyzer_set_include_vacation (analyzer, TRUE);
  delivered_analyzer = modori_analyzer_new ();
  modori_analyzer_set_include_vacation (delivered_analyzer, TRUE);
  modori_analyzer_set_include_delivered (delivered_analyzer, TRUE);

  if (!g_file_get_contents ("testdata/MANIFEST", &manifest, NULL, &error))
    g_error ("run from the source root: %s", error->message);
  lines = g_strsplit (manifest, "\n", -1);
  for (char **line = lines; *line; line++)
    {
      g_auto (GStrv) columns = g_strsplit (*line, "\t", 2);
      char *eml, *name;

      if (columns[0] == NULL || columns[0][0] == '\0' || columns[0][0] == '#')
        continue;
      eml = g_strconcat ("testdata/", g_strstrip (columns[0]), NULL);
      g_ptr_array_add (paths, eml);
      name = g_strdup_printf ("/testdata/%s/file", columns[0]);
      g_test_add_data_func (name, eml, test_file);
      g_free (name);
      name = g_strdup_printf ("/testdata/%s/crlf", columns[0]);
      g_test_add_data_func (name, eml, test_crlf);
      g_free (name);
      name = g_strdup_printf ("/testdata/%s/cr", columns[0]);
      g_test_add_data_func (name, eml, test_cr);
      g_free (name);
      name = g_strdup_printf ("/testdata/%s/message", columns[0]);
      g_test_add_data_func (name, eml, test_message);
      g_free (name);
      {
        g_autofree char *delivered = delivered_expected_path_for (eml);
        if (g_file_test (delivered, G_FILE_TEST_EXISTS))
          {
            name = g_strdup_printf ("/testdata/%s/delivered", columns[0]);
            g_test_add_data_func (name, eml, test_delivered);
            g_free (name);
          }
      }
    }
  g_assert_cmpuint (paths->len, >=, 25);
  g_test_add_data_func ("/testdata/every-reason", paths, test_every_reason);

  status = g_test_run ();
  g_ptr_array_unref (paths);
  modori_analyzer_unref (analyzer);
  modori_analyzer_unref (delivered_analyzer);
  return status;
}
