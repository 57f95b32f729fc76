/* mailmarshal.c: MailMarshal (Marshal, Trustwave SEG) reports, subject
 * 'Undeliverable Mail: "SUBJECT"':
 *
 *   Your message:
 *      From:    sender@example.com
 *      Subject: ...
 *   Could not be delivered because of
 *   550 5.1.1 User unknown
 *   The following recipients were affected:
 *       user@example.net
 *   Additional Information
 *   ======================
 *   Original Sender:    <sender@example.com>
 *   Sender-MTA:         <192.0.2.250>
 *   Remote-MTA:         <203.0.113.2>
 *   Reporting-MTA:      <mx.example.com>
 *
 * One reason for all the recipients listed under it. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "mailmarshal"

#define SUBJECT_LEAD "Undeliverable Mail:"

static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
static const ModoriHeaderFact mailmarshal_marks[] = {
  { "Subject", subject_lead },
  { NULL },
};
static const ModoriSignature signature = { .all = mailmarshal_marks };

/* The signature finds the title anywhere: it must lead the Subject. */
static gboolean
mailmarshal_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *subject = g_mime_object_get_header (GMIME_OBJECT (bounce), "Subject");

  return subject && g_str_has_prefix (subject + strspn (subject, " \t"), SUBJECT_LEAD);
}

/* The text inside <...> after "Name:" at the start of @line, or NULL. */
static char *
field_value (const char *line, const char *name)
{
  const char *open, *close;

  if (!g_str_has_prefix (line, name))
    return NULL;
  open = strchr (line + strlen (name), '<');
  close = open ? strchr (open, '>') : NULL;
  return close ? g_strndup (open + 1, close - open - 1) : NULL;
}

static gboolean
mailmarshal_parse (ModoriBounce *context, GPtrArray *records)
{
  static const char *const markers[] = {
    "+++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++", NULL,
  };
  TextBounce text;
  char **lines;
  enum { BEFORE, MESSAGE, REASON, RECIPIENTS, INFORMATION } part = BEFORE;
  GString *reason;
  char *diagnostic, *sender = NULL, *rhost = NULL, *lhost = NULL;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, markers, &text))
    return FALSE;
  reason = g_string_new (NULL);
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *body = line + strspn (line, " \t");
      char *value;

      if (part == BEFORE)
        {
          if (g_str_has_prefix (line, "Your message:"))
            part = MESSAGE;
        }
      else if (g_str_has_prefix (body, "Could not be delivered because of"))
        part = REASON;
      else if (g_str_has_prefix (body, "The following recipients were affected:"))
        part = RECIPIENTS;
      else if (g_str_has_prefix (body, "Additional Information"))
        part = INFORMATION;
      else if (part == REASON)
        g_string_append_printf (reason, " %s", body);
      else if (part == RECIPIENTS && body != line && strchr (body, '@'))
        {
          ModoriRecord *record = _modori_engine_add_record (records, ENGINE_NAME, body, NULL);
          _modori_record_set (record, FIELD_ACTION, "failed");
        }
      else if (part == INFORMATION)
        {
          if ((value = field_value (line, "Original Sender:")) != NULL)
            g_free (sender), sender = value;
          else if ((value = field_value (line, "Remote-MTA:")) != NULL)
            g_free (rhost), rhost = value;
          else if ((value = field_value (line, "Reporting-MTA:")) != NULL)
            g_free (lhost), lhost = value;
        }
    }

  /* One text for all the recipients, cut once. */
  diagnostic = _modori_record_cut_diagnostic (_modori_text_collapse_space (reason->str));
  for (guint r = before; r < records->len; r++)
    {
      ModoriRecord *record = g_ptr_array_index (records, r);

      _modori_record_set (record, FIELD_DIAGNOSTICCODE, diagnostic);
      _modori_record_set (record, FIELD_RHOST, rhost);
      _modori_record_set (record, FIELD_LHOST, lhost);
      if (text.original)
        _modori_engine_set_original (record, text.original);
      else if (sender && strchr (sender, '@'))
        _modori_record_take (record, FIELD_ADDRESSER, _modori_address_clean (sender));
    }

  g_free (diagnostic);
  g_free (sender);
  g_free (rhost);
  g_free (lhost);
  g_string_free (reason, TRUE);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_mailmarshal = {
  .name = ENGINE_NAME,
  .sniff = mailmarshal_sniff,
  .parse = mailmarshal_parse,
  .signature = &signature,
};
