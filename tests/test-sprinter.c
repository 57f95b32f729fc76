/* test-sprinter.c: the structured printer's back ends (cli/sprinter.c). */
#include <string.h>

#include <glib.h>

#include "../cli/rows.h"
#include "../cli/sprinter.h"

/* A map with a list of inline maps, as summary writes it. */
static void
write_sample (Sprinter *sp)
{
  sp->begin_map (sp);
  sp->map_key (sp, "n");
  sp->integer (sp, 3);
  sp->map_key (sp, "s");
  sp->string (sp, "a\"b\\c\n\r\t\001\x7f é\xff\xe2\x80\xa8");
  sp->map_key (sp, "ok");
  sp->boolean (sp, TRUE);
  sp->map_key (sp, "empty");
  sp->begin_list (sp);
  sp->end (sp);
  sp->map_key (sp, "rows");
  sp->begin_list (sp);
  for (int i = 0; i < 2; i++)
    {
      sp->begin_inline_map (sp);
      sp->map_key (sp, "name");
      sp->string (sp, i ? "y" : "x");
      sp->map_key (sp, "count");
      sp->integer (sp, i);
      sp->end (sp);
    }
  sp->end (sp);
  sp->end (sp);
}

static void
test_json (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  Sprinter *sp = sprinter_json_new (out, SPRINTER_JSON);

  write_sample (sp);
  sp->free (sp);
  g_assert_cmpstr (out->str, ==,
                   "{\n  \"n\": 3,\n  \"s\": \"a\\\"b\\\\c\\n\\r\\t\\u0001\x7f é\\ufffd\\u2028\",\n"
                   "  \"ok\": true,\n  \"empty\": [],\n  \"rows\": [\n"
                   "    {\"name\": \"x\", \"count\": 0},\n    {\"name\": \"y\", \"count\": 1}\n  ]\n}\n");
}

static void
test_json_lines (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  Sprinter *sp = sprinter_json_new (out, SPRINTER_JSON_LINES);

  write_sample (sp);
  write_sample (sp);
  sp->free (sp);
  g_assert_cmpstr (out->str, ==,
                   "{\"n\":3,\"s\":\"a\\\"b\\\\c\\n\\r\\t\\u0001\x7f é\\ufffd\\u2028\",\"ok\":true,\"empty\":[],"
                   "\"rows\":[{\"name\":\"x\",\"count\":0},{\"name\":\"y\",\"count\":1}]}\n"
                   "{\"n\":3,\"s\":\"a\\\"b\\\\c\\n\\r\\t\\u0001\x7f é\\ufffd\\u2028\",\"ok\":true,\"empty\":[],"
                   "\"rows\":[{\"name\":\"x\",\"count\":0},{\"name\":\"y\",\"count\":1}]}\n");
}

/* Items rendered apart (a worker's) put in a list opened elsewhere. */
static void
test_json_items (void)
{
  g_autoptr (GString) out = g_string_new (NULL), items = g_string_new (NULL);
  Sprinter *sp = sprinter_json_new (out, SPRINTER_JSON);
  Sprinter *worker = sprinter_json_new_items (items, SPRINTER_JSON, 1);

  worker->begin_map (worker);
  worker->map_key (worker, "a");
  worker->integer (worker, 1);
  worker->end (worker);
  worker->begin_map (worker);
  worker->end (worker);
  sp->begin_list (sp);
  sp->items (sp, items->str);
  sp->items (sp, "");
  sp->items (sp, items->str);
  sp->end (sp);
  g_assert_cmpstr (out->str, ==, "[\n  {\n    \"a\": 1\n  },\n  {},\n  {\n    \"a\": 1\n  },\n  {}\n]\n");
  g_string_truncate (out, 0);
  sp->begin_list (sp);
  sp->end (sp);
  g_assert_cmpstr (out->str, ==, "[]\n");
  sp->free (sp);
  worker->free (worker);
}

static void
test_csv (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  Sprinter *sp = sprinter_csv_new (out);

  sp->begin_map (sp);
  sp->map_key (sp, "a");
  sp->string (sp, "=1+2");
  sp->map_key (sp, "b");
  sp->string (sp, "x,\"y\"\n");
  sp->map_key (sp, "c");
  sp->integer (sp, 7);
  sp->map_key (sp, "d");
  sp->string (sp, "");
  sp->end (sp);
  sp->free (sp);
  g_assert_cmpstr (out->str, ==, "'=1+2,\"x,\"\"y\"\"\\x0a\",7,\n");
}

static void
test_text (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  SprinterTextOptions options = { .width = 30, .wrap_fields = TRUE };
  Sprinter *sp = sprinter_text_new (out, &options);

  sp->begin_map (sp);
  sp->map_key (sp, "Recipient");
  sp->string (sp, "\033[31mtaro@example.jp, a long address line");
  sp->begin_map (sp);
  sp->map_key (sp, "Empty");
  sp->string (sp, "");
  sp->map_key (sp, "Status");
  sp->string (sp, "5.1.1 and some words to wrap here");
  sp->map_key (sp, "Said");
  sp->text (sp, "one\r\ntwo\033");
  sp->end (sp);
  sp->separator (sp);
  sp->map_key (sp, "Rows");
  sp->begin_list (sp);
  sp->string (sp, "row");
  sp->end (sp);
  sp->end (sp);
  sp->free (sp);
  g_assert_cmpstr (out->str, ==,
                   "Recipient: \\x1b[31mtaro@example.jp, a long address line\n"
                   "  Status: 5.1.1 and some words\n  to wrap here\n"
                   "  Said:\n    one\n    two\\x1b\n"
                   "\nRows:\n  row\n");
}

/* A worker's rows: any byte of a field is the field's, and a row cut
 * short is not read. */
static void
test_rows (void)
{
  g_autoptr (GString) rows = g_string_new (NULL);
  const char *const fields[] = { "a\tb\nc\\", "", "\xff\x01\x7f", "\u65e5\u672c" };
  char *got[2];
  RowsReader reader;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    rows_add (rows, fields[i]);
  rows_add (rows, "half a row");
  rows_reader_init (&reader, rows->str, rows->len);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i += 2)
    {
      g_assert_true (rows_next (&reader, 2, got));
      g_assert_cmpstr (got[0], ==, fields[i]);
      g_assert_cmpstr (got[1], ==, fields[i + 1]);
      g_free (got[0]);
      g_free (got[1]);
    }
  g_assert_false (rows_next (&reader, 2, got));
  /* A length that claims more than there is. */
  rows_reader_init (&reader, rows->str, rows->len - 1);
  g_assert_true (rows_next (&reader, 2, got));
  g_free (got[0]);
  g_free (got[1]);
  g_assert_true (rows_next (&reader, 2, got));
  g_free (got[0]);
  g_free (got[1]);
  g_assert_false (rows_next (&reader, 1, got));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sprinter/json", test_json);
  g_test_add_func ("/sprinter/json-lines", test_json_lines);
  g_test_add_func ("/sprinter/json-items", test_json_items);
  g_test_add_func ("/sprinter/csv", test_csv);
  g_test_add_func ("/sprinter/text", test_text);
  g_test_add_func ("/rows/round-trip", test_rows);
  return g_test_run ();
}
