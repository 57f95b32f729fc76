/* notes.c: Lotus Notes (Lotus SMTP MTA) reports, subject "Undeliverable
 * message", original appended as text:
 *
 *   ------- Failure Reasons  --------
 *
 *   User not listed in public Name & Address Book
 *   user@example.jp
 *
 *   ------- Returned Message --------
 *
 * Each reason stands above the address it is about. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "notes"

#define SUBJECT_LEAD "Undeliverable message"

static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
static const ModoriHeaderFact notes_marks[] = {
  { "Subject", subject_lead },
  { NULL },
};
static const ModoriSignature signature = { .all = notes_marks };

/* The signature finds the title anywhere: it must lead the Subject. */
static gboolean
notes_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *subject = g_mime_object_get_header (GMIME_OBJECT (bounce), "Subject");

  return subject && g_str_has_prefix (subject + strspn (subject, " \t"), SUBJECT_LEAD);
}

static gboolean
notes_parse (ModoriBounce *context, GPtrArray *records)
{
  static const char *const markers[] = { "------- Returned Message --------", NULL };
  TextBounce text;
  char **lines;
  gboolean started = FALSE;
  GString *reason;
  ModoriRecord *record = NULL;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, markers, &text))
    return FALSE;
  reason = g_string_new (NULL);
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (!started)
        {
          started = g_str_has_prefix (line, "------- Failure Reasons");
          continue;
        }
      if (line[0] == '\0' || line[0] == '-')
        continue;
      if (strchr (line, '@') && !strpbrk (line, " \t"))
        {
          char *diagnostic = _modori_text_collapse_space (reason->str);
          record = _modori_engine_add_record (records, ENGINE_NAME, line, diagnostic);
          _modori_record_set (record, FIELD_ACTION, "failed");
          _modori_engine_set_original (record, text.original);
          g_string_truncate (reason, 0);
          g_free (diagnostic);
        }
      else
        g_string_append_printf (reason, " %s", line);
    }
  /* A reason below the last address is that address's. */
  if (record && reason->len > 0 && !_modori_record_is_set (record, FIELD_DIAGNOSTICCODE))
    _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (reason->str));

  /* No address listed: the original's recipient is the one. */
  if (started && records->len == before && text.original)
    {
      InternetAddressList *to = _modori_original_get_addresses (text.original, GMIME_ADDRESS_TYPE_TO);
      InternetAddress *address = to && internet_address_list_length (to) > 0
                                 ? internet_address_list_get_address (to, 0) : NULL;
      if (address && INTERNET_ADDRESS_IS_MAILBOX (address))
        {
          char *diagnostic = _modori_text_collapse_space (reason->str);
          record = _modori_engine_add_record (records, ENGINE_NAME,
                                              internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)),
                                              diagnostic);
          _modori_record_set (record, FIELD_ACTION, "failed");
          _modori_engine_set_original (record, text.original);
          g_free (diagnostic);
        }
    }

  g_string_free (reason, TRUE);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_notes = {
  .name = ENGINE_NAME,
  .sniff = notes_sniff,
  .parse = notes_parse,
  .signature = &signature,
};
