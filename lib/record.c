/* record.c: one recipient's result. */
#include <string.h>

#include "bounds.h"
#include "date.h"
#include "record-private.h"
#include "json-writer.h"
#include "text.h"

static const char *const field_names[N_FIELDS + 1] = {
  [FIELD_RECIPIENT] = "recipient",
  [FIELD_ADDRESSER] = "addresser",
  [FIELD_SENDERDOMAIN] = "senderdomain",
  [FIELD_DESTINATION] = "destination",
  [FIELD_ALIAS] = "alias",
  [FIELD_ACTION] = "action",
  [FIELD_DELIVERYSTATUS] = "deliverystatus",
  [FIELD_REPLYCODE] = "replycode",
  [FIELD_DIAGNOSTICCODE] = "diagnosticcode",
  [FIELD_DIAGNOSTICTYPE] = "diagnostictype",
  [FIELD_COMMAND] = "command",
  [FIELD_RHOST] = "rhost",
  [FIELD_LHOST] = "lhost",
  [FIELD_REASON] = "reason",
  [FIELD_HARDBOUNCE] = "hardbounce",
  [FIELD_HINT] = "hint",
  [FIELD_SUGGESTION] = "suggestion",
  [FIELD_REASONBY] = "reasonby",
  [FIELD_FEEDBACKTYPE] = "feedbacktype",
  [FIELD_MESSAGEID] = "messageid",
  [FIELD_SUBJECT] = "subject",
  [FIELD_TIMESTAMP] = "timestamp",
  [FIELD_DECODEDBY] = "decodedby",
  [FIELD_ORIGIN] = "origin",
  [N_FIELDS] = NULL,
};

/* Empty fields share this one string (most fields of most records are
 * empty: one allocation each was a good part of a record's cost). It is
 * never freed nor written to. */
static char empty_field[1] = "";

static void
free_field (char *value)
{
  if (value != empty_field)
    g_free (value);
}

ModoriRecord *
_modori_record_new (void)
{
  ModoriRecord *record = g_new0 (ModoriRecord, 1);

  record->ref_count = 1;
  for (int i = 0; i < N_FIELDS; i++)
    record->fields[i] = empty_field;
  return record;
}

G_STATIC_ASSERT (N_FIELDS <= 32);   /* cut_fields has a bit each */

static const char cut_mark[] = " [...]";

/* The most bytes @field keeps (bounds.h). */
static gsize
field_limit (RecordField field)
{
  switch (field)
    {
    case FIELD_DIAGNOSTICCODE:
      return MODORI_MAX_DIAGNOSTIC_BYTES;
    case FIELD_ORIGIN:
      return G_MAXSIZE;   /* the caller's own name for the input */
    default:
      return MODORI_MAX_FIELD_BYTES;
    }
}

/* @value (taken, longer than @max) cut to at most @max bytes at a
 * character boundary, ending in the mark. */
static char *
cut_text (char *value, gsize max)
{
  const char *end = g_utf8_find_prev_char (value, value + max - sizeof cut_mark + 2);
  gsize kept = end ? (gsize) (end - value) : 0;
  char *cut = g_malloc (kept + sizeof cut_mark);

  memcpy (cut, value, kept);
  memcpy (cut + kept, cut_mark, sizeof cut_mark);
  g_free (value);
  return cut;
}

/* Whether @value, of @length bytes, is what cut_text() made of a longer
 * text for a limit of @max: an engine cuts a diagnostic that many
 * records share once, before setting it on each. */
static gboolean
was_cut (const char *value, gsize length, gsize max)
{
  return length <= max && length + 4 + sizeof cut_mark > max && g_str_has_suffix (value, cut_mark);
}

char *
_modori_record_cut_diagnostic (char *value)
{
  if (value && strlen (value) > MODORI_MAX_DIAGNOSTIC_BYTES)
    return cut_text (value, MODORI_MAX_DIAGNOSTIC_BYTES);
  return value;
}

/* @name (taken), a file name, as valid UTF-8 that tells every name
 * apart: a name in UTF-8 without a backslash is as it is; in another, a
 * byte that is not UTF-8 is "\xHH" and a backslash "\\". (Replacing bad
 * bytes with U+FFFD gave two files the same origin.) */
static char *
show_name (char *name)
{
  GString *shown;

  if (g_utf8_validate (name, -1, NULL) && strchr (name, '\\') == NULL)
    return name;
  shown = g_string_sized_new (strlen (name) + 16);
  for (const char *p = name; *p;)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (*p == '\\')
        g_string_append (shown, "\\\\"), p++;
      else if (c == (gunichar) -1 || c == (gunichar) -2)
        g_string_append_printf (shown, "\\x%02x", (guchar) *p++);
      else
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (shown, p, next - p);
          p = next;
        }
    }
  g_free (name);
  return g_string_free (shown, FALSE);
}

static void
mark_cut (ModoriRecord *record, RecordField field, gboolean cut)
{
  if (cut)
    record->cut_fields |= 1u << field;
  else
    record->cut_fields &= ~(1u << field);
}

void
_modori_record_take (ModoriRecord *record, RecordField field, char *value)
{
  gboolean cut = FALSE;

  if (record->muted)
    {
      g_free (value);
      return;
    }
  free_field (record->fields[field]);
  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      value = empty_field;
    }
  else
    {
      gsize limit = field_limit (field), length;

      /* Engines copy what a stranger wrote: every field is valid UTF-8
       * from here on, whatever the bytes were (README: "Output"). */
      if (field == FIELD_ORIGIN)
        value = show_name (value);
      else if (!g_utf8_validate (value, -1, NULL))
        {
          char *valid = g_utf8_make_valid (value, -1);
          g_free (value);
          value = valid;
        }
      length = strlen (value);
      if (length > limit)
        value = cut_text (value, limit), cut = TRUE;
      else
        cut = was_cut (value, length, limit);
    }
  record->fields[field] = value;
  mark_cut (record, field, cut);
}

void
_modori_record_mark_diagnostic_cut (ModoriRecord *record)
{
  const char *diagnostic = record->fields[FIELD_DIAGNOSTICCODE];

  if (!g_str_has_suffix (diagnostic, cut_mark))
    _modori_record_take (record, FIELD_DIAGNOSTICCODE,
                         _modori_record_cut_diagnostic (g_strconcat (diagnostic, cut_mark, NULL)));
  mark_cut (record, FIELD_DIAGNOSTICCODE, TRUE);
}

gsize
_modori_record_text_bytes (const ModoriRecord *record)
{
  gsize bytes = 0;

  for (int i = 0; i < N_FIELDS; i++)
    bytes += strlen (record->fields[i]);
  return bytes;
}

gboolean
_modori_record_cut_fields (ModoriRecord *record, gsize max)
{
  gboolean any = FALSE;

  for (int i = 0; i < N_FIELDS; i++)
    if (i != FIELD_ORIGIN && strlen (record->fields[i]) > max)
      {
        record->fields[i] = cut_text (record->fields[i], max);
        mark_cut (record, i, TRUE);
        any = TRUE;
      }
  return any;
}

void
_modori_record_set (ModoriRecord *record, RecordField field, const char *value)
{
  gsize limit = field_limit (field);

  /* No more is copied than the field keeps (one byte more tells it is
   * cut): engines set one long text on many records. */
  if (value && value[0])
    _modori_record_take (record, field, g_strndup (value, strnlen (value, limit < G_MAXSIZE ? limit + 1 : limit)));
  else
    _modori_record_take (record, field, NULL);
}

void
_modori_record_set_date (ModoriRecord *record, const char *rfc5322_date)
{
  char *timestamp = _modori_date_to_iso8601 (rfc5322_date);

  if (timestamp != NULL)
    _modori_record_take (record, FIELD_TIMESTAMP, timestamp);
}

char *
_modori_record_limit (RecordField field, const char *value)
{
  ModoriRecord scratch = { .fields = { NULL } };
  char *kept;

  if (value == NULL || value[0] == '\0')
    return NULL;
  scratch.fields[field] = empty_field;
  _modori_record_set (&scratch, field, value);
  kept = scratch.fields[field];
  return kept == empty_field ? NULL : kept;
}

const char *
_modori_record_peek (const ModoriRecord *record, RecordField field)
{
  return record->fields[field];
}

gboolean
_modori_record_is_set (const ModoriRecord *record, RecordField field)
{
  return record->fields[field][0] != '\0';
}

/* The last diagnostic made on this thread, by what it was made from:
 * engines hand every recipient the same shared text, and collapsing its
 * first 32 KB again for each of 10,000 recipients cost a second. The
 * result depends only on those bytes, so equal bytes reuse it. */
typedef struct {
  char *source;      /* the bytes read (up to the limit) */
  gsize length;
  gboolean source_ended;   /* the text ended there */
  char *collapsed;
} DiagnosticMemo;

static void
diagnostic_memo_free (gpointer data)
{
  DiagnosticMemo *memo = data;

  g_free (memo->source);
  g_free (memo->collapsed);
  g_free (memo);
}

static GPrivate diagnostic_memos = G_PRIVATE_INIT (diagnostic_memo_free);

/* A copy of the collapsed @diagnostic (at most @max bytes of it read);
 * *@cut when it went on past them. */
static char *
collapse_shared (const char *diagnostic, gsize max, gboolean *cut)
{
  DiagnosticMemo *memo = g_private_get (&diagnostic_memos);
  gsize length = strnlen (diagnostic, max);
  gboolean ended = diagnostic[length] == '\0';

  if (memo == NULL)
    {
      memo = g_new0 (DiagnosticMemo, 1);
      g_private_set (&diagnostic_memos, memo);
    }
  /* (memcmp may not be given the NULL that g_memdup2 made of 0 bytes) */
  if (memo->collapsed == NULL || memo->length != length || memo->source_ended != ended ||
      (length > 0 && memcmp (memo->source, diagnostic, length) != 0))
    {
      g_free (memo->source);
      g_free (memo->collapsed);
      memo->source = g_memdup2 (diagnostic, length);
      memo->length = length;
      memo->source_ended = ended;
      memo->collapsed = _modori_text_collapse_space_max (diagnostic, max, NULL);
    }
  *cut = !ended;
  return g_strdup (memo->collapsed);
}

ModoriRecord *
_modori_engine_add_record (GPtrArray *records, const char *engine,
                           const char *recipient, const char *diagnostic)
{
  ModoriRecord *record;

  /* Past the limit, one record more stands for all the rest: it takes no
   * more writes, and the analyzer drops it with a warning. Engines read
   * on (linear), but keep no more than the limit. */
  if (records->len > MODORI_MAX_RECIPIENTS)
    {
      record = g_ptr_array_index (records, MODORI_MAX_RECIPIENTS);
      record->muted = TRUE;
      return record;
    }
  record = _modori_record_new ();

  _modori_record_take (record, FIELD_RECIPIENT, _modori_address_clean (recipient));
  if (diagnostic)
    {
      /* Engines give every recipient the one text they share: no more
       * is read of it than makes a diagnostic (cut at the limit anyway),
       * so that its length is not paid once per recipient. */
      gboolean cut;
      _modori_record_take (record, FIELD_DIAGNOSTICCODE,
                           collapse_shared (diagnostic, 4 * MODORI_MAX_DIAGNOSTIC_BYTES, &cut));
      if (cut)
        _modori_record_mark_diagnostic_cut (record);
    }
  _modori_record_set (record, FIELD_DECODEDBY, engine);
  g_ptr_array_add (records, record);
  return record;
}

void
_modori_engine_set_original (ModoriRecord *record, const ModoriOriginal *original)
{
  InternetAddressList *from;

  if (original == NULL)
    return;
  from = _modori_original_get_addresses (original, GMIME_ADDRESS_TYPE_FROM);
  for (int i = 0; from && i < internet_address_list_length (from); i++)
    {
      InternetAddress *address = internet_address_list_get_address (from, i);
      if (INTERNET_ADDRESS_IS_MAILBOX (address))
        {
          _modori_record_take (record, FIELD_ADDRESSER,
                               _modori_address_clean (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address))));
          break;
        }
    }
  _modori_record_set (record, FIELD_MESSAGEID, _modori_original_get_message_id (original));
  _modori_record_set (record, FIELD_SUBJECT, _modori_original_get_subject (original));
}

ModoriRecord *
modori_record_ref (ModoriRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  g_atomic_int_inc (&record->ref_count);
  return record;
}

void
modori_record_unref (ModoriRecord *record)
{
  if (record == NULL || !g_atomic_int_dec_and_test (&record->ref_count))
    return;
  for (int i = 0; i < N_FIELDS; i++)
    free_field (record->fields[i]);
  g_free (record);
}

const char *const *
modori_record_field_names (void)
{
  return field_names;
}

/* The value of field @i as the JSON writer and the getter show it. */
static const char *
field_value (const ModoriRecord *record, int i)
{
  if (i == FIELD_REASON)
    return modori_reason_to_string (record->reason);
  if (i == FIELD_HARDBOUNCE)
    return record->hard_bounce ? "true" : "false";
  return record->fields[i];
}

const char *
modori_record_get_field (const ModoriRecord *record, const char *name)
{
  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Printers ask for every field of every record by name, mostly with
   * the names modori_record_field_names() gave: the same pointers. */
  for (int i = 0; i < N_FIELDS; i++)
    if (field_names[i] == name)
      return field_value (record, i);
  for (int i = 0; i < N_FIELDS; i++)
    if (field_names[i][0] == name[0] && strcmp (field_names[i], name) == 0)
      return field_value (record, i);
  return NULL;
}

#define GETTER(fn, field)                                   \
  const char *fn (const ModoriRecord *record)               \
  {                                                         \
    g_return_val_if_fail (record != NULL, "");              \
    return record->fields[field];                           \
  }

GETTER (modori_record_get_recipient, FIELD_RECIPIENT)
GETTER (modori_record_get_addresser, FIELD_ADDRESSER)
GETTER (modori_record_get_sender_domain, FIELD_SENDERDOMAIN)
GETTER (modori_record_get_destination, FIELD_DESTINATION)
GETTER (modori_record_get_alias, FIELD_ALIAS)
GETTER (modori_record_get_action, FIELD_ACTION)
GETTER (modori_record_get_delivery_status, FIELD_DELIVERYSTATUS)
GETTER (modori_record_get_reply_code, FIELD_REPLYCODE)
GETTER (modori_record_get_diagnostic_code, FIELD_DIAGNOSTICCODE)
GETTER (modori_record_get_diagnostic_type, FIELD_DIAGNOSTICTYPE)
GETTER (modori_record_get_command, FIELD_COMMAND)
GETTER (modori_record_get_rhost, FIELD_RHOST)
GETTER (modori_record_get_lhost, FIELD_LHOST)
GETTER (modori_record_get_hint, FIELD_HINT)
GETTER (modori_record_get_suggestion, FIELD_SUGGESTION)
GETTER (modori_record_get_reason_by, FIELD_REASONBY)
GETTER (modori_record_get_feedback_type, FIELD_FEEDBACKTYPE)
GETTER (modori_record_get_message_id, FIELD_MESSAGEID)
GETTER (modori_record_get_subject, FIELD_SUBJECT)
GETTER (modori_record_get_timestamp, FIELD_TIMESTAMP)
GETTER (modori_record_get_decoded_by, FIELD_DECODEDBY)
GETTER (modori_record_get_origin, FIELD_ORIGIN)

ModoriReason
modori_record_get_reason (const ModoriRecord *record)
{
  g_return_val_if_fail (record != NULL, MODORI_REASON_UNDEFINED);
  return record->reason;
}

gboolean
modori_record_get_hard_bounce (const ModoriRecord *record)
{
  g_return_val_if_fail (record != NULL, FALSE);
  return record->hard_bounce;
}

char *
modori_record_to_json (const ModoriRecord *record, gboolean pretty)
{
  /* Most records fit: no regrowing while writing one. */
  GString *out = g_string_sized_new (1024);

  g_return_val_if_fail (record != NULL, NULL);

  g_string_append_c (out, '{');
  for (int i = 0; i < N_FIELDS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (pretty)
        g_string_append (out, "\n  ");
      /* The names are plain ASCII: nothing to escape. */
      g_string_append_c (out, '"');
      g_string_append (out, field_names[i]);
      g_string_append (out, pretty ? "\": " : "\":");
      if (i == FIELD_HARDBOUNCE)
        g_string_append (out, field_value (record, i));
      else
        _modori_json_append_string (out, field_value (record, i));
    }
  g_string_append (out, pretty ? "\n}" : "}");
  return g_string_free (out, FALSE);
}
