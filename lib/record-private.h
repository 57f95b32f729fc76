/* record-private.h: how the library builds records. */
#ifndef MODORI_RECORD_PRIVATE_H
#define MODORI_RECORD_PRIVATE_H

#include <gmime/gmime.h>
#include <modori/modori.h>

#include "original.h"

G_BEGIN_DECLS

/* The string fields, in output order. Kept as an array so that the JSON
 * writer, the generic getter and the tests walk one table. */
typedef enum {
  FIELD_RECIPIENT,
  FIELD_ADDRESSER,
  FIELD_SENDERDOMAIN,
  FIELD_DESTINATION,
  FIELD_ALIAS,
  FIELD_ACTION,
  FIELD_DELIVERYSTATUS,
  FIELD_REPLYCODE,
  FIELD_DIAGNOSTICCODE,
  FIELD_DIAGNOSTICTYPE,
  FIELD_COMMAND,
  FIELD_RHOST,
  FIELD_LHOST,
  FIELD_REASON,       /* derived from ->reason, not stored */
  FIELD_HARDBOUNCE,   /* derived from ->hard_bounce, not stored */
  FIELD_HINT,
  FIELD_SUGGESTION,   /* the corrected recipient address, with a hint */
  FIELD_REASONBY,
  FIELD_FEEDBACKTYPE,
  FIELD_MESSAGEID,
  FIELD_SUBJECT,
  FIELD_TIMESTAMP,
  FIELD_DECODEDBY,
  FIELD_ORIGIN,
  N_FIELDS
} RecordField;

struct _ModoriRecord {
  gint ref_count;
  char *fields[N_FIELDS];   /* never NULL after _modori_record_new() */
  ModoriReason reason;
  gboolean hard_bounce;
  /* The diagnostic is the reporting mail system's own statement, not a
   * relayed SMTP reply: an engine sets it where its format tells them
   * apart (Exim's own "Unknown user" against "SMTP error from remote
   * mail server"). No filter spoke then: see the conflicts in classify.c. */
  gboolean own_words;
  /* Bit 1 << field for each field cut to a limit (bounds.h): the
   * analyzer warns once per message. */
  guint32 cut_fields;
  /* Stands for the recipients past MODORI_MAX_RECIPIENTS: writes to it
   * are dropped (_modori_engine_add_record()). */
  gboolean muted;
};

ModoriRecord *_modori_record_new (void);
/* Replaces a field with a copy of @value (NULL means ""). */
void _modori_record_set (ModoriRecord *record, RecordField field, const char *value);
/* Takes ownership of @value. Invalid UTF-8 is replaced, and a field over
 * its limit (bounds.h) is cut, ending in " [...]". */
void _modori_record_take (ModoriRecord *record, RecordField field, char *value);
/* @value (taken) cut to MODORI_MAX_DIAGNOSTIC_BYTES at a character
 * boundary, ending in " [...]"; as it is if not longer. A text set on
 * many records is cut once with this, so that each copy costs no more
 * than the limit. _modori_record_take() cuts what is longer anyway. */
char *_modori_record_cut_diagnostic (char *value);
/* A copy of @value as @field keeps it (valid UTF-8, cut to its limit), or
 * NULL for "": what many records share is limited once. */
char *_modori_record_limit (RecordField field, const char *value);
/* Marks @record's diagnostic as cut short by an engine's own limit. */
void _modori_record_mark_diagnostic_cut (ModoriRecord *record);
/* The bytes of @record's text, all fields. */
gsize _modori_record_text_bytes (const ModoriRecord *record);
/* Cuts every field of @record but the origin to @max bytes (at least 16),
 * marked like the limits' cuts. Returns whether any was longer. */
gboolean _modori_record_cut_fields (ModoriRecord *record, gsize max);
/* Sets FIELD_TIMESTAMP from an RFC 5322 date if it parses (else leaves
 * it as it was). */
void _modori_record_set_date (ModoriRecord *record, const char *rfc5322_date);
/* For the engines. A new record with recipient (cleaned), diagnostic
 * (whitespace collapsed) and decodedby set; appended to @records and
 * returned. Past MODORI_MAX_RECIPIENTS, the one record after the limit is
 * returned instead, and takes no more writes. */
ModoriRecord *_modori_engine_add_record (GPtrArray *records, const char *engine,
                                         const char *recipient, const char *diagnostic);
/* Sets addresser, messageid and subject of @record from @original. */
void _modori_engine_set_original (ModoriRecord *record, const ModoriOriginal *original);
const char *_modori_record_peek (const ModoriRecord *record, RecordField field);
gboolean _modori_record_is_set (const ModoriRecord *record, RecordField field);

G_END_DECLS

#endif
