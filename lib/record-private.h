/* record-private.h: how the library builds records. */
#ifndef MODORI_RECORD_PRIVATE_H
#define MODORI_RECORD_PRIVATE_H

#include <modori/modori.h>

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
};

ModoriRecord *_modori_record_new (void);
/* Replaces a field with a copy of @value (NULL means ""). */
void _modori_record_set (ModoriRecord *record, RecordField field, const char *value);
/* Takes ownership of @value. */
void _modori_record_take (ModoriRecord *record, RecordField field, char *value);
const char *_modori_record_peek (const ModoriRecord *record, RecordField field);
gboolean _modori_record_is_set (const ModoriRecord *record, RecordField field);

G_END_DECLS

#endif
