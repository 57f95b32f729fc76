/* complete.c: the steps that fill what an engine left empty of its
 * records, from the returned original, the diagnostic's words and the
 * bounce's text, then classify: a table run in order (see steps[]). */
#include <string.h>

#include "classify.h"
#include "complete.h"
#include "date.h"
#include "hint.h"
#include "mime-util.h"
#include "text.h"

/* The first mailbox address of a header such as From or To. */
static char *
first_address (InternetAddressList *list)
{
  for (int i = 0; list && i < internet_address_list_length (list); i++)
    {
      InternetAddress *address = internet_address_list_get_address (list, i);
      if (INTERNET_ADDRESS_IS_MAILBOX (address))
        return _modori_address_clean (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)));
    }
  return NULL;
}

/* How far after a recipient's mention its failed command is looked for. */
#define COMMAND_WINDOW 2000

/* The failed command, from the human-readable text near the first
 * mention of @recipient (the next COMMAND_WINDOW bytes, up to the mention
 * of another of @records' recipients, line breaks read as spaces); from
 * the whole text when the recipient is not named and is the only one. */
static const char *
find_command_in_text (const char *text, const char *recipient, GPtrArray *records)
{
  const char *start = recipient[0] ? _modori_text_find_nocase (text, recipient) : NULL;
  char window[COMMAND_WINDOW + 1];
  gsize length, recipient_length;

  if (start == NULL)
    return records->len == 1 ? _modori_text_find_command (text) : NULL;
  /* Each other recipient is looked for in what those before it left of
   * the window, after this one's mention: the window ends at the first. */
  length = strnlen (start, COMMAND_WINDOW);
  recipient_length = strlen (recipient);
  for (guint i = 0; i < records->len; i++)
    {
      const char *other = _modori_record_peek (g_ptr_array_index (records, i), FIELD_RECIPIENT);
      gsize skip = MIN (recipient_length, length);
      const char *hit;

      /* The record's own, or another of the same recipient. */
      if (other == recipient || other[0] == '\0' || g_ascii_strcasecmp (other, recipient) == 0)
        continue;
      hit = _modori_text_find_nocase_len (start + skip, length - skip, other);
      if (hit)
        length = hit - start;
    }
  /* A copy on the stack, for its end (the matcher reads up to a NUL). */
  memcpy (window, start, length);
  window[length] = '\0';
  return _modori_text_find_command_collapsed (window);
}

/* Most recipients per bounce for which the failed command is also looked
 * for in the bounce's text (beyond it, only in each diagnostic). */
#define MAX_TEXT_SEARCHES 64

/* What the words of one diagnostic say, read once for all the records
 * that share it: a hostile report gives thousands of recipients one long
 * text, which must not be read again for each. */
typedef struct {
  char *diagnostic;         /* what these are of; NULL before the first */
  gboolean has_status;
  char status[16];          /* a status code in the words */
  char reply[4];            /* a reply code, or "" */
  const char *command;      /* static, nullable */
  char *rhost;              /* nullable */
} Words;

struct _ModoriCompletion {
  GMimeMessage *bounce;
  ModoriOriginal *original; /* nullable; the ModoriBounce's */
  const char *text;         /* nullable: first text/plain of the bounce */
  GPtrArray *records;       /* all records of the bounce */
  Words words;              /* of the last diagnostic read */
  /* What every record of the bounce gets, read once (the original's
   * From, Message-ID and Subject may be long: not read per record). */
  gboolean have_shared;
  char *addresser, *message_id, *subject;
  gboolean have_date;
  char *date;               /* the bounce's Date, ISO 8601; nullable */
};

static void
read_shared (ModoriCompletion *completion)
{
  char *addresser;

  if (completion->have_shared)
    return;
  completion->have_shared = TRUE;
  addresser = completion->original ?
              first_address (_modori_original_get_addresses (completion->original, GMIME_ADDRESS_TYPE_FROM)) : NULL;
  if (addresser == NULL || addresser[0] == '\0')
    {
      g_free (addresser);
      addresser = first_address (g_mime_message_get_to (completion->bounce));
    }
  completion->addresser = _modori_record_limit (FIELD_ADDRESSER, addresser);
  g_free (addresser);
  if (completion->original)
    {
      completion->message_id = _modori_record_limit (FIELD_MESSAGEID, _modori_original_get_message_id (completion->original));
      completion->subject = _modori_record_limit (FIELD_SUBJECT, _modori_original_get_subject (completion->original));
    }
}

static void
words_clear (Words *words)
{
  g_clear_pointer (&words->diagnostic, g_free);
  g_clear_pointer (&words->rhost, g_free);
}

/* The words of @diagnostic, from @completion's memory when the last record
 * had the same. */
static const Words *
read_words (ModoriCompletion *completion, const char *diagnostic)
{
  Words *words = &completion->words;

  if (words->diagnostic && strcmp (words->diagnostic, diagnostic) == 0)
    return words;
  words_clear (words);
  words->diagnostic = g_strdup (diagnostic);
  words->has_status = _modori_text_find_reply_status_code (diagnostic, words->status) ||
                      _modori_text_find_status_code (diagnostic, words->status);
  if (!_modori_text_find_reply_code (diagnostic, words->reply))
    words->reply[0] = '\0';
  words->command = _modori_text_find_command (diagnostic);
  words->rhost = _modori_text_find_remote_host (diagnostic);
  return words;
}

ModoriCompletion *
_modori_completion_new (ModoriBounce *bounce, GPtrArray *records)
{
  ModoriCompletion *completion = g_new0 (ModoriCompletion, 1);

  completion->bounce = _modori_bounce_get_message (bounce);
  completion->original = _modori_bounce_get_original (bounce);
  completion->text = _modori_bounce_get_first_text (bounce);
  completion->records = records;
  return completion;
}

void
_modori_completion_free (ModoriCompletion *completion)
{
  if (completion == NULL)
    return;
  words_clear (&completion->words);
  g_free (completion->addresser);
  g_free (completion->message_id);
  g_free (completion->subject);
  g_free (completion->date);
  g_free (completion);
}

/* One record on its way through the steps. */
typedef struct {
  ModoriRecord *record;
  const char *origin;
  const Words *words;       /* set by the "words" step, for the ones after it */
} Pending;

static void
step_addresser (ModoriCompletion *completion, Pending *pending)
{
  read_shared (completion);
  if (!_modori_record_is_set (pending->record, FIELD_ADDRESSER))
    _modori_record_set (pending->record, FIELD_ADDRESSER, completion->addresser);
}

static void
step_sender_domain (ModoriCompletion *completion, Pending *pending)
{
  _modori_record_take (pending->record, FIELD_SENDERDOMAIN,
                       _modori_address_domain (_modori_record_peek (pending->record, FIELD_ADDRESSER)));
}

static void
step_destination (ModoriCompletion *completion, Pending *pending)
{
  _modori_record_take (pending->record, FIELD_DESTINATION,
                       _modori_address_domain (_modori_record_peek (pending->record, FIELD_RECIPIENT)));
}

static void
step_message_id (ModoriCompletion *completion, Pending *pending)
{
  read_shared (completion);
  if (!_modori_record_is_set (pending->record, FIELD_MESSAGEID))
    _modori_record_set (pending->record, FIELD_MESSAGEID, completion->message_id);
}

static void
step_subject (ModoriCompletion *completion, Pending *pending)
{
  read_shared (completion);
  if (!_modori_record_is_set (pending->record, FIELD_SUBJECT))
    _modori_record_set (pending->record, FIELD_SUBJECT, completion->subject);
}

/* A report with no Diagnostic-Code: Sendmail's transcript may still say
 * what happened to this recipient. */
static void
step_diagnostic_from_text (ModoriCompletion *completion, Pending *pending)
{
  ModoriRecord *record = pending->record;
  char *said;

  if (completion->text == NULL || _modori_record_is_set (record, FIELD_DIAGNOSTICCODE) ||
      completion->records->len > MAX_TEXT_SEARCHES)
    return;
  said = _modori_text_find_recipient_line (completion->text, _modori_record_peek (record, FIELD_RECIPIENT));
  if (said)
    _modori_record_take (record, FIELD_DIAGNOSTICCODE, said);
}

/* Sendmail reports only the first line of a multi-line reply; its
 * transcript in the text has the rest. (A search of the text: for a few
 * dozen recipients only, or a huge report would be quadratic.) */
static void
step_whole_reply (ModoriCompletion *completion, Pending *pending)
{
  ModoriRecord *record = pending->record;
  char *whole;

  if (completion->text == NULL || !_modori_record_is_set (record, FIELD_DIAGNOSTICCODE) ||
      completion->records->len > MAX_TEXT_SEARCHES)
    return;
  whole = _modori_text_complete_reply (completion->text, _modori_record_peek (record, FIELD_DIAGNOSTICCODE));
  if (whole)
    _modori_record_take (record, FIELD_DIAGNOSTICCODE, whole);
}

/* The words of the diagnostic, for the steps below. A feedback report or
 * an auto-reply quotes people, not servers: a date such as "2.1.24" in
 * it is no status code. */
static void
step_words (ModoriCompletion *completion, Pending *pending)
{
  ModoriRecord *record = pending->record;
  const char *diagnostic = _modori_record_peek (record, FIELD_DIAGNOSTICCODE);

  if (record->reason == MODORI_REASON_FEEDBACK || record->reason == MODORI_REASON_VACATION)
    diagnostic = "";
  pending->words = read_words (completion, diagnostic);
}

static void
step_delivery_status (ModoriCompletion *completion, Pending *pending)
{
  const Words *words = pending->words;
  const char *status, *found;

  if (!words->has_status)
    return;
  status = _modori_record_peek (pending->record, FIELD_DELIVERYSTATUS);
  found = words->status;
  /* The remote server's own code is better evidence than the reporting
   * MTA's translation of it, when both say the same class of failure
   * (permanent or temporary) and the server's says at least as much: an
   * "other" code (X.Y.0) does not replace one that names the detail
   * (4.4.0 in the text under a Status of 4.4.7). */
  if (status[0] == '\0' ||
      (status[0] == found[0] && !g_str_has_suffix (found, ".0.0") &&
       !(g_str_has_suffix (found, ".0") && !g_str_has_suffix (status, ".0"))))
    _modori_record_set (pending->record, FIELD_DELIVERYSTATUS, found);
}

static void
step_reply_code (ModoriCompletion *completion, Pending *pending)
{
  if (!_modori_record_is_set (pending->record, FIELD_REPLYCODE))
    _modori_record_set (pending->record, FIELD_REPLYCODE, pending->words->reply);
}

/* With one recipient, the bounce's own text may hold the reply that the
 * report left out (Sendmail writes "451 4.0.0 ..." there). */
static void
step_reply_code_from_text (ModoriCompletion *completion, Pending *pending)
{
  char code[16];

  if (!_modori_record_is_set (pending->record, FIELD_REPLYCODE) && completion->text &&
      completion->records->len == 1 &&
      _modori_text_find_reply_code (completion->text, code) && code[0] != '2')
    _modori_record_set (pending->record, FIELD_REPLYCODE, code);
}

/* _modori_text_names_connect_failure() of @diagnostic, with the reply code
 * the words found when they are its own (not those of a feedback report
 * or an auto-reply, read as ""). */
static gboolean
names_connect_failure (const Words *words, const char *diagnostic)
{
  if (strcmp (words->diagnostic, diagnostic) != 0)
    return _modori_text_names_connect_failure (diagnostic);
  return words->reply[0] == '\0' && _modori_text_says_connect_failure (diagnostic);
}

static void
step_command (ModoriCompletion *completion, Pending *pending)
{
  ModoriRecord *record = pending->record;
  const char *command = pending->words->command;
  /* Searching the text is linear per record: past a few dozen recipients
   * it would make a huge report quadratic. */
  gboolean search_text = completion->text && completion->records->len <= MAX_TEXT_SEARCHES;

  if (_modori_record_is_set (record, FIELD_COMMAND))
    return;
  if (command == NULL && search_text)
    command = find_command_in_text (completion->text, _modori_record_peek (record, FIELD_RECIPIENT),
                                    completion->records);
  if (command == NULL && search_text)
    command = _modori_text_find_transcript_command (completion->text,
                                                    _modori_record_peek (record, FIELD_RECIPIENT));
  /* Named by no command: a connection that failed in the sending MTA's
   * words (only the record's own diagnostic: a program's "cannot connect
   * to database" in the text is no SMTP stage). */
  if (command == NULL && names_connect_failure (pending->words, _modori_record_peek (record, FIELD_DIAGNOSTICCODE)))
    command = "CONN";
  _modori_record_set (record, FIELD_COMMAND, command);
}

static void
step_rhost (ModoriCompletion *completion, Pending *pending)
{
  if (!_modori_record_is_set (pending->record, FIELD_RHOST))
    _modori_record_set (pending->record, FIELD_RHOST, pending->words->rhost);
}

static void
step_timestamp (ModoriCompletion *completion, Pending *pending)
{
  if (_modori_record_is_set (pending->record, FIELD_TIMESTAMP))
    return;
  if (!completion->have_date)
    {
      completion->have_date = TRUE;
      completion->date = _modori_date_message_iso8601 (completion->bounce);
    }
  if (completion->date)
    _modori_record_set (pending->record, FIELD_TIMESTAMP, completion->date);
}

static void
step_origin (ModoriCompletion *completion, Pending *pending)
{
  _modori_record_set (pending->record, FIELD_ORIGIN, pending->origin);
}

static void
step_reason (ModoriCompletion *completion, Pending *pending)
{
  _modori_classify (pending->record);
}

static void
step_hint (ModoriCompletion *completion, Pending *pending)
{
  _modori_hint_apply (pending->record);
}

/* In order: a step reads what the ones above it filled (the domains read
 * the addresses; the words read the diagnostic as the text completed it;
 * the reason reads every field; the hint reads the reason). */
static const struct {
  const char *name;
  void (*run) (ModoriCompletion *completion, Pending *pending);
} steps[] = {
  { "addresser", step_addresser },
  { "senderdomain", step_sender_domain },
  { "destination", step_destination },
  { "messageid", step_message_id },
  { "subject", step_subject },
  { "diagnostic from the text", step_diagnostic_from_text },
  { "whole reply from the text", step_whole_reply },
  { "words of the diagnostic", step_words },
  { "deliverystatus", step_delivery_status },
  { "replycode", step_reply_code },
  { "replycode from the text", step_reply_code_from_text },
  { "command", step_command },
  { "rhost", step_rhost },
  { "timestamp", step_timestamp },
  { "origin", step_origin },
  { "reason", step_reason },
  { "hint", step_hint },
};

void
_modori_completion_complete (ModoriCompletion *completion, ModoriRecord *record, const char *origin)
{
  Pending pending = { .record = record, .origin = origin };

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    steps[i].run (completion, &pending);
}
