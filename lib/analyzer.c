/* analyzer.c: from raw bytes to a report: read them through a source
 * (which splits an mbox and decompresses), parse MIME, let an engine
 * decode, complete each record and classify it. */
#include <signal.h>
#include <string.h>

#include "bounds.h"
#include "classify.h"
#include "complete.h"
#include "engine.h"
#include "header-limit.h"
#include "mime-util.h"
#include "phrases.h"
#include "report-private.h"
#include "source-private.h"
#include "text.h"

struct _ModoriAnalyzer {
  gint ref_count;
  gboolean include_delivered;
  gboolean include_vacation;
};

static void
init_gmime_once (void)
{
  static gsize once = 0;

  /* g_mime_init() counts its callers without atomics: call it once. */
  if (g_once_init_enter (&once))
    {
      struct sigaction sigpipe;

      /* GMime's init sets SIGPIPE to be ignored (gpgme wants it so, for
       * its pipes to gpg, which modori never uses). That is not ours to
       * change in the caller's process: a tool writing into a closed
       * pipe should still end. */
      sigaction (SIGPIPE, NULL, &sigpipe);
      g_mime_init ();
      sigaction (SIGPIPE, &sigpipe, NULL);
      g_once_init_leave (&once, 1);
    }
}

/* The tables every analysis reads (the phrase automata, the engines'
 * index, the providers'), built once per process. Built here rather than
 * at their first search, so that a program that forks workers after
 * making an analyzer (the tool's -j) builds them once and its workers
 * share the pages, instead of each building and holding a copy. */
static void
prepare_tables (void)
{
  _modori_phrases_prepare ();
  _modori_classify_prepare ();
  _modori_text_prepare ();
  _modori_engines_prepare ();
}

ModoriAnalyzer *
modori_analyzer_new (void)
{
  ModoriAnalyzer *analyzer = g_new0 (ModoriAnalyzer, 1);

  init_gmime_once ();
  prepare_tables ();
  analyzer->ref_count = 1;
  return analyzer;
}

ModoriAnalyzer *
modori_analyzer_ref (ModoriAnalyzer *analyzer)
{
  g_return_val_if_fail (analyzer != NULL, NULL);
  g_atomic_int_inc (&analyzer->ref_count);
  return analyzer;
}

void
modori_analyzer_unref (ModoriAnalyzer *analyzer)
{
  if (analyzer && g_atomic_int_dec_and_test (&analyzer->ref_count))
    g_free (analyzer);
}

void
modori_analyzer_set_include_delivered (ModoriAnalyzer *analyzer, gboolean include)
{
  g_return_if_fail (analyzer != NULL);
  analyzer->include_delivered = include;
}

void
modori_analyzer_set_include_vacation (ModoriAnalyzer *analyzer, gboolean include)
{
  g_return_if_fail (analyzer != NULL);
  analyzer->include_vacation = include;
}

/* How many messages deep a bounce forwarded as an attachment is looked for. */
#define MAX_FORWARD_DEPTH 3

static gboolean
is_attached_message (GMimeObject *part, gpointer data)
{
  return _modori_mime_is_attached_message (part);
}

/* Lets the engines decode @bounce's message into @records. When none
 * knows it, the message may be someone forwarding a bounce as an
 * attachment: the attached message is decoded instead, through a context
 * of its own. Returns NULL when the records are @bounce's or there are
 * none, else the context of the message inside it that held the bounce
 * (for the rest of the analysis), for the caller to free. */
static ModoriBounce *
decode (ModoriBounce *bounce, GPtrArray *records, int depth)
{
  GMimeObject *attached;
  GMimeMessage *inner;
  ModoriBounce *nested, *deeper;

  if (_modori_engines_decode (bounce, NULL, records))
    return NULL;
  if (depth >= MAX_FORWARD_DEPTH)
    return NULL;
  attached = _modori_mime_find (g_mime_message_get_mime_part (_modori_bounce_get_message (bounce)),
                                is_attached_message, NULL);
  inner = attached ? _modori_mime_attached_message (attached) : NULL;
  if (inner == NULL)
    return NULL;
  nested = _modori_bounce_new_taking (inner);
  deeper = decode (nested, records, depth + 1);
  if (deeper || records->len == 0)
    {
      _modori_bounce_free (nested);
      return deeper;
    }
  return nested;
}

/* Analyzes @bounce into @report. @ours: the message was parsed here and
 * may be changed; else it is the caller's, never changed (see
 * _modori_bounce_new_limited()). */
static void
analyze_into (const ModoriAnalyzer *analyzer, GMimeMessage *bounce, gboolean ours,
              const char *origin, ModoriReport *report)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) modori_record_unref);
  ModoriCompletion *completion = NULL;
  ModoriBounce *outer, *nested;   /* the bounce may be one it carries */
  ModoriBounce *held;
  const char *where = origin && origin[0] ? origin : "(data)";   /* for warnings */

  _modori_report_count_message (report);
  outer = _modori_bounce_new_limited (bounce, ours, where, report);
  nested = decode (outer, records, 0);
  held = nested ? nested : outer;
  _modori_bounds_cap_records (records, where, report);

  if (records->len > 0)
    completion = _modori_completion_new (held, records);
  guint cut = 0, thrifty = 0;
  gsize spent = 0;
  for (guint i = 0; i < records->len; i++)
    {
      ModoriRecord *record = g_ptr_array_index (records, i);

      _modori_completion_complete (completion, record, origin ? origin : "");
      if (spent > MODORI_MAX_MESSAGE_TEXT_BYTES)
        thrifty += _modori_record_cut_fields (record, MODORI_MAX_FIELD_BYTES_PAST_BUDGET);
      spent += _modori_record_text_bytes (record);
      cut += record->cut_fields != 0;
      if (record->reason == MODORI_REASON_DELIVERED && !analyzer->include_delivered)
        continue;
      if (record->reason == MODORI_REASON_VACATION && !analyzer->include_vacation)
        continue;
      _modori_report_add_record (report, modori_record_ref (record));
    }
  if (cut > 0)
    _modori_report_add_warning (report, "%s: %u recipient%s with text over the limits "
                                "(%d bytes of diagnostic, %d of any other field%s): cut, marked \" [...]\"",
                                where, cut, cut == 1 ? "" : "s", MODORI_MAX_DIAGNOSTIC_BYTES, MODORI_MAX_FIELD_BYTES,
                                thrifty ? ", " G_STRINGIFY (MODORI_MAX_FIELD_BYTES_PAST_BUDGET)
                                          " past the message's budget of text" : "");

  _modori_completion_free (completion);
  _modori_bounce_free (nested);
  _modori_bounce_free (outer);
  g_ptr_array_unref (records);
}

ModoriReport *
modori_analyzer_analyze_message (ModoriAnalyzer *analyzer, GMimeMessage *message,
                                 const char *origin)
{
  ModoriReport *report;

  g_return_val_if_fail (analyzer != NULL, NULL);
  g_return_val_if_fail (GMIME_IS_MESSAGE (message), NULL);

  report = _modori_report_new ();
  analyze_into (analyzer, message, FALSE, origin, report);
  return report;
}

static gboolean
has_headers (GMimeMessage *message)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));

  return headers && g_mime_header_list_get_count (headers) > 0;
}

/* Adds what @limit cut so far to @report's warnings. */
static void
report_cuts (ModoriHeaderLimit *limit, const char *name, ModoriReport *report)
{
  GPtrArray *cuts = g_ptr_array_new_with_free_func (g_free);

  _modori_header_limit_take_warnings (limit, cuts);
  for (guint i = 0; i < cuts->len; i++)
    _modori_report_add_warning (report, "%s: %s", name, (const char *) cuts->pdata[i]);
  g_ptr_array_unref (cuts);
}

/* Old Macintosh files end lines with a lone CR, which the MIME parser
 * does not take for a line end: such input is rewritten with LF. */
static gboolean
has_cr_only_line_ends (const char *head, gsize length)
{
  return memchr (head, '\r', length) != NULL && memchr (head, '\n', length) == NULL;
}

static char *
cr_to_lf (const char *data, gsize length)
{
  char *copy = g_memdup2 (data, length);

  for (gsize i = 0; i < length; i++)
    if (copy[i] == '\r')
      copy[i] = '\n';
  return copy;
}

/* Parses the raw bytes of one message (never an mbox: a source has split
 * it) and analyzes them into @report. @name names the message in errors
 * and warnings; @origin is what its records' origin says. */
static gboolean
analyze_bytes (const ModoriAnalyzer *analyzer, const char *data, gsize length,
               const char *origin, const char *name, ModoriReport *report, GError **error)
{
  ModoriHeaderLimit *limit;
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeMessage *message;
  gboolean ok;

  if (length == 0)
    {
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT, "%s: empty input", name);
      return FALSE;
    }
  if (has_cr_only_line_ends (data, MIN (length, 4096)))
    {
      char *converted = cr_to_lf (data, length);
      stream = g_mime_stream_mem_new_with_buffer (converted, length);
      g_free (converted);
    }
  else
    stream = g_mime_stream_mem_new_with_buffer (data, length);
  /* Header blocks are cut to the limits before the parser reads them. */
  parser = _modori_header_limit_parser_new (stream, &limit);
  g_mime_parser_set_respect_content_length (parser, FALSE);
  message = g_mime_parser_construct_message (parser, _modori_mime_parser_options ());
  report_cuts (limit, name, report);
  ok = message != NULL && has_headers (message);
  if (!ok)
    {
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT,
                   "%s: not a mail message (no header found)", name);
      g_clear_object (&message);
    }
  else
    {
      analyze_into (analyzer, message, TRUE, origin, report);
      g_object_unref (message);
    }
  g_object_unref (parser);
  g_object_unref (stream);
  return ok;
}

/* Every message of @source (of one input) into a new report. A message
 * that cannot be read, or holds no mail message, is a warning in an mbox
 * (the next one is read); otherwise, the input is one message, and that
 * is the error. @name names messages whose origin is empty. */
static ModoriReport *
analyze_source (const ModoriAnalyzer *analyzer, ModoriSource *source, const char *name,
                GError **error)
{
  ModoriReport *report = _modori_report_new ();

  for (;;)
    {
      ModoriSourceMessage *message;
      GError *failure = NULL;
      guint number;

      message = modori_source_next (source, &failure);
      if (message)
        {
          gsize length;
          const char *data = modori_source_message_get_data (message, &length);
          const char *origin = modori_source_message_get_origin (message);

          number = modori_source_message_get_number (message);
          analyze_bytes (analyzer, data, length, origin, origin[0] ? origin : name, report, &failure);
          modori_source_message_free (message);
        }
      else if (failure == NULL)
        break;
      else
        number = _modori_source_get_number (source);
      if (failure && number == 0)
        {
          g_propagate_error (error, failure);
          modori_report_unref (report);
          return NULL;
        }
      if (failure)
        {
          _modori_report_add_warning (report, "%s", failure->message);
          g_error_free (failure);
        }
    }
  return report;
}

ModoriReport *
modori_analyzer_analyze_data (ModoriAnalyzer *analyzer, const char *data, gsize length,
                              const char *origin, GError **error)
{
  const char *name = origin ? origin : "(data)";
  ModoriSource *source;
  ModoriReport *report;

  g_return_val_if_fail (analyzer != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    {
      g_set_error (error, MODORI_ERROR, MODORI_ERROR_INVALID_INPUT, "%s: empty input", name);
      return NULL;
    }
  source = _modori_source_new_for_data (data, length, name, origin ? origin : "");
  report = analyze_source (analyzer, source, name, error);
  modori_source_free (source);
  return report;
}

ModoriReport *
modori_analyzer_analyze_file (ModoriAnalyzer *analyzer, const char *path, GError **error)
{
  ModoriSource *source;
  ModoriReport *report;

  g_return_val_if_fail (analyzer != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  source = _modori_source_new_for_file (path);
  report = analyze_source (analyzer, source, path, error);
  modori_source_free (source);
  return report;
}

ModoriReport *
modori_analyzer_analyze_source_message (ModoriAnalyzer            *analyzer,
                                        const ModoriSourceMessage *message,
                                        GError                   **error)
{
  const char *origin, *data;
  ModoriReport *report;
  gsize length;

  g_return_val_if_fail (analyzer != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  origin = modori_source_message_get_origin (message);
  data = modori_source_message_get_data (message, &length);
  report = _modori_report_new ();
  if (!analyze_bytes (analyzer, data, length, origin, origin, report, error))
    g_clear_pointer (&report, modori_report_unref);
  return report;
}
