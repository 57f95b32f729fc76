/* imailserver.c: bounces of Ipswitch / Progress IMail Server.
 *
 *   X-Mailer: <SMTP32 v8.22>
 *   Subject: Undeliverable Mail
 *
 *   User mailbox exceeds allowed size: user@example.jp
 *
 *   Original message follows.
 *
 * One "REASON: ADDRESS" line per recipient (or "undeliverable to
 * ADDRESS"); when the remote server refused, its reply follows a "Body of
 * message generated response:" line. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "imailserver"

static const char *const original_markers[] = {
  "Original message follows.",
  NULL,
};

#define MAILER_LEAD "<SMTP32 v"
#define SUBJECT_LEAD "Undeliverable Mail"

static const char *const mailer_lead[] = { MAILER_LEAD, NULL };
static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };

static gboolean
imailserver_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *mailer = g_mime_object_get_header (GMIME_OBJECT (bounce), "X-Mailer");
  const char *subject = g_mime_message_get_subject (bounce);

  if (mailer)
    {
      while (g_ascii_isspace (*mailer))
        mailer++;
      if (g_ascii_strncasecmp (mailer, MAILER_LEAD, strlen (MAILER_LEAD)) == 0)
        return TRUE;
    }
  if (subject == NULL)
    return FALSE;
  while (g_ascii_isspace (*subject))
    subject++;
  return g_ascii_strncasecmp (subject, SUBJECT_LEAD, strlen (SUBJECT_LEAD)) == 0;
}

/* The sniff wants either at the start. */
static const ModoriHeaderFact imailserver_marks[] = {
  { "X-Mailer", mailer_lead },
  { "Subject", subject_lead },
  { NULL },
};
static const ModoriSignature signature = { .any = imailserver_marks };

/* The address that ends @line after ": ", or NULL. */
static char *
trailing_address (const char *line, const char **colon_out)
{
  const char *colon = g_strrstr (line, ": ");
  const char *address;

  if (colon == NULL || colon == line)
    return NULL;
  address = colon + 2;
  while (*address == ' ')
    address++;
  if (strchr (address, '@') == NULL || strpbrk (address, " \t"))
    return NULL;
  *colon_out = colon;
  return _modori_address_clean (address);
}

static gboolean
imailserver_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  GString *response;
  gboolean in_response = FALSE;
  char **lines;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  response = g_string_new (NULL);
  if (text.original_text == NULL)
    {
      _modori_text_bounce_clear (&text);
      g_string_free (response, TRUE);
      return FALSE;
    }

  lines = g_strsplit (text.report, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]), *colon = NULL;
      char *address = NULL, *reason = NULL;

      if (line[0] == '\0')
        continue;
      if (g_ascii_strncasecmp (line, "undeliverable to ", 17) == 0)
        {
          address = _modori_address_clean (line + 17);
          reason = g_strdup (line);
        }
      else if ((address = trailing_address (line, &colon)) != NULL)
        reason = g_strndup (line, colon - line);
      else if (_modori_text_find_nocase (line, "generated response:"))
        in_response = TRUE;
      else if (in_response)
        {
          g_string_append (response, line);
          g_string_append_c (response, ' ');
        }

      if (address && address[0])
        {
          ModoriRecord *record = _modori_engine_add_record (records, ENGINE_NAME, address, reason);
          _modori_record_set (record, FIELD_ACTION, "failed");
          /* "Unknown user: ADDRESS" is IMail's own lookup; a remote
           * server's reply comes under "generated response:". */
          record->own_words = TRUE;
          /* "Delivery failed 20 attempts: ADDRESS": IMail gave up retrying. */
          if (reason && g_ascii_strncasecmp (reason, "Delivery failed ", 16) == 0 &&
              g_ascii_isdigit (reason[16]) && _modori_text_find_nocase (reason, "attempts"))
            {
              record->reason = MODORI_REASON_EXPIRED;
              _modori_record_set (record, FIELD_REASONBY, "engine:" ENGINE_NAME);
            }
          _modori_engine_set_original (record, text.original);
        }
      g_free (address);
      g_free (reason);
    }

  /* The remote server's reply says more than IMail's summary. */
  if (response->len > 0)
    {
      /* Shared by all, cut once. */
      char *shared = _modori_record_cut_diagnostic (_modori_text_collapse_space (response->str));
      for (guint i = before; i < records->len; i++)
        {
          ModoriRecord *record = g_ptr_array_index (records, i);
          char *joined = g_strconcat (shared, " ", _modori_record_peek (record, FIELD_DIAGNOSTICCODE), NULL);
          _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (joined));
          g_free (joined);
        }
      g_free (shared);
    }

  g_strfreev (lines);
  g_string_free (response, TRUE);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_imailserver = {
  .name = ENGINE_NAME,
  .sniff = imailserver_sniff,
  .parse = imailserver_parse,
  .signature = &signature,
};
