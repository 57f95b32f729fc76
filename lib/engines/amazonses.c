/* amazonses.c: Amazon SES event notifications delivered by e-mail through
 * Amazon SNS ("AWS Notification Message"): a JSON object whose
 * notificationType (or eventType) is Bounce, Complaint or Delivery, either
 * bare or inside an SNS envelope's "Message" string. SES bounces sent as
 * DSNs are read by the rfc3464 engine. */
#include <string.h>

#include "../dsn-fields.h"
#include "../text.h"
#include "text-bounce.h"

#define MAX_DEPTH 32

static const char *const sns_senders[] = { "@sns.amazonaws.com", NULL };
static const char *const sns_subject[] = { "AWS Notification Message", NULL };

static const ModoriHeaderFact sns_marks[] = {
  { "From", sns_senders },
  { "Subject", sns_subject },
  { NULL },
};
static const ModoriSignature signature = { .any = sns_marks };

/* ---- a minimal JSON reader: reports each scalar with its key path ---- */

typedef struct {
  char *address;
  char *action;
  char *status;
  char *diagnostic;
} Recipient;

typedef struct {
  char *type;           /* notificationType / eventType */
  char *bounce_type;    /* Permanent, Transient, Undetermined */
  char *bounce_subtype; /* General, NoEmail, Suppressed, OnAccountSuppressionList, ... */
  char *feedback_type;
  char *reporting_mta;
  char *smtp_response;  /* delivery.smtpResponse */
  char *timestamp;
  char *from, *subject, *message_id;
  char *sns_message;    /* the SNS envelope's Message */
  GPtrArray *recipients;   /* of Recipient*, by array index */
} Notification;

static void
recipient_free (Recipient *recipient)
{
  g_free (recipient->address);
  g_free (recipient->action);
  g_free (recipient->status);
  g_free (recipient->diagnostic);
  g_free (recipient);
}

static Recipient *
recipient_at (Notification *n, int index)
{
  if (index < 0 || index > 10000)
    return NULL;
  while (n->recipients->len <= (guint) index)
    g_ptr_array_add (n->recipients, g_new0 (Recipient, 1));
  return g_ptr_array_index (n->recipients, index);
}

static void
keep (char **slot, const char *value)
{
  if (*slot == NULL)
    *slot = g_strdup (value);
}

/* One scalar at @path ("bounce.bouncedRecipients.emailAddress"), @index
 * being its position in the innermost enclosing array (-1 if none). */
static void
visit (Notification *n, const char *path, int index, const char *value)
{
  Recipient *r;

  if (strcmp (path, "notificationType") == 0 || strcmp (path, "eventType") == 0)
    keep (&n->type, value);
  else if (strcmp (path, "Message") == 0)
    keep (&n->sns_message, value);
  else if (strcmp (path, "bounce.bounceType") == 0)
    keep (&n->bounce_type, value);
  else if (strcmp (path, "bounce.bounceSubType") == 0)
    keep (&n->bounce_subtype, value);
  else if (strcmp (path, "complaint.complaintFeedbackType") == 0)
    keep (&n->feedback_type, value);
  else if (strcmp (path, "bounce.reportingMTA") == 0 || strcmp (path, "delivery.reportingMTA") == 0)
    keep (&n->reporting_mta, value);
  else if (strcmp (path, "delivery.smtpResponse") == 0)
    keep (&n->smtp_response, value);
  else if (strcmp (path, "bounce.timestamp") == 0 || strcmp (path, "complaint.timestamp") == 0 ||
           strcmp (path, "delivery.timestamp") == 0)
    keep (&n->timestamp, value);
  else if (strcmp (path, "mail.commonHeaders.from") == 0)
    keep (&n->from, value);
  else if (strcmp (path, "mail.commonHeaders.subject") == 0)
    keep (&n->subject, value);
  else if (strcmp (path, "mail.commonHeaders.messageId") == 0)
    keep (&n->message_id, value);
  else if (strcmp (path, "delivery.recipients") == 0 && (r = recipient_at (n, index)))
    keep (&r->address, value);
  else if ((g_str_has_prefix (path, "bounce.bouncedRecipients.") ||
            g_str_has_prefix (path, "complaint.complainedRecipients.")) &&
           (r = recipient_at (n, index)))
    {
      const char *key = strrchr (path, '.') + 1;
      if (strcmp (key, "emailAddress") == 0)
        keep (&r->address, value);
      else if (strcmp (key, "action") == 0)
        keep (&r->action, value);
      else if (strcmp (key, "status") == 0)
        keep (&r->status, value);
      else if (strcmp (key, "diagnosticCode") == 0)
        keep (&r->diagnostic, value);
    }
}

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

/* Reads a JSON string at @p (on its opening quote); NULL if malformed. */
static char *
read_string (const char **p)
{
  GString *out = g_string_new (NULL);
  const char *q = *p + 1;

  for (; *q && *q != '"'; q++)
    {
      if (*q != '\\')
        {
          g_string_append_c (out, *q);
          continue;
        }
      q++;
      switch (*q)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 'b': case 'f': g_string_append_c (out, ' '); break;
        case 'u':
          {
            gunichar c = 0;
            for (int i = 1; i <= 4; i++)
              {
                if (!g_ascii_isxdigit (q[i]))
                  {
                    g_string_free (out, TRUE);
                    return NULL;
                  }
                c = c * 16 + g_ascii_xdigit_value (q[i]);
              }
            q += 4;
            /* A surrogate pair spells one character beyond the BMP. */
            if (c >= 0xD800 && c < 0xDC00 && q[1] == '\\' && q[2] == 'u')
              {
                gunichar low = 0;
                int i;
                for (i = 3; i <= 6 && g_ascii_isxdigit (q[i]); i++)
                  low = low * 16 + g_ascii_xdigit_value (q[i]);
                if (i == 7 && low >= 0xDC00 && low < 0xE000)
                  {
                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                    q += 6;
                  }
              }
            if (g_unichar_validate (c) && c != 0)
              g_string_append_unichar (out, c);
            break;
          }
        case '\0':
          g_string_free (out, TRUE);
          return NULL;
        default: g_string_append_c (out, *q); break;   /* \" \\ \/ */
        }
    }
  if (*q != '"')
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  *p = q + 1;
  return g_string_free (out, FALSE);
}

static gboolean
walk (Notification *n, const char **p, GString *path, int index, int depth)
{
  const char *q = skip_space (*p);

  if (depth > MAX_DEPTH)
    return FALSE;
  if (*q == '{')
    {
      gsize base = path->len;
      q = skip_space (q + 1);
      if (*q == '}')
        {
          *p = q + 1;
          return TRUE;
        }
      for (;;)
        {
          char *key;
          if (*q != '"' || (key = read_string (&q)) == NULL)
            return FALSE;
          if (base > 0)
            g_string_append_c (path, '.');
          g_string_append (path, key);
          g_free (key);
          q = skip_space (q);
          if (*q != ':')
            return FALSE;
          q++;
          if (!walk (n, &q, path, index, depth + 1))
            return FALSE;
          g_string_truncate (path, base);
          q = skip_space (q);
          if (*q == '}')
            break;
          if (*q != ',')
            return FALSE;
          q = skip_space (q + 1);
        }
      *p = q + 1;
      return TRUE;
    }
  if (*q == '[')
    {
      q = skip_space (q + 1);
      if (*q == ']')
        {
          *p = q + 1;
          return TRUE;
        }
      for (int i = 0;; i++)
        {
          if (!walk (n, &q, path, i, depth + 1))
            return FALSE;
          q = skip_space (q);
          if (*q == ']')
            break;
          if (*q != ',')
            return FALSE;
          q++;
        }
      *p = q + 1;
      return TRUE;
    }
  if (*q == '"')
    {
      char *value = read_string (&q);
      if (value == NULL)
        return FALSE;
      visit (n, path->str, index, value);
      g_free (value);
      *p = q;
      return TRUE;
    }
  /* number, true, false, null */
  {
    const char *end = q;
    while (*end && strchr (",]} \t\r\n", *end) == NULL)
      end++;
    if (end == q)
      return FALSE;
    *p = end;
    return TRUE;
  }
}

static gboolean
read_notification (Notification *n, const char *json)
{
  GString *path = g_string_new (NULL);
  gboolean ok = walk (n, &json, path, -1, 0);

  g_string_free (path, TRUE);
  return ok;
}

static void
notification_clear (Notification *n)
{
  g_free (n->type);
  g_free (n->bounce_type);
  g_free (n->bounce_subtype);
  g_free (n->feedback_type);
  g_free (n->reporting_mta);
  g_free (n->smtp_response);
  g_free (n->timestamp);
  g_free (n->from);
  g_free (n->subject);
  g_free (n->message_id);
  g_free (n->sns_message);
  g_ptr_array_unref (n->recipients);
  memset (n, 0, sizeof *n);
}

/* SNS wraps long lines of the mail body: "...sim!" NL " ulator...". */
static char *
unwrap (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (p[0] == '!' && p[1] == '\n' && p[2] == ' ')
        p += 2;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* "2016-11-25T01:49:01.000Z" -> "2016-11-25T01:49:01+00:00" */
static void
set_timestamp (ModoriRecord *record, const char *iso)
{
  GDateTime *date = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (date)
    {
      _modori_record_take (record, FIELD_TIMESTAMP, g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z"));
      g_date_time_unref (date);
    }
}

static void
add_records (const Notification *n, GPtrArray *records)
{
  gboolean complaint = g_ascii_strcasecmp (n->type, "Complaint") == 0;
  gboolean delivery = g_ascii_strcasecmp (n->type, "Delivery") == 0;
  gboolean transient = n->bounce_type && g_ascii_strcasecmp (n->bounce_type, "Transient") == 0;
  /* SES did not even try: the address is on its global or the account's
   * suppression list (it bounced or was complained about before). */
  gboolean suppressed = n->bounce_subtype && (g_ascii_strcasecmp (n->bounce_subtype, "Suppressed") == 0 ||
                                              g_ascii_strcasecmp (n->bounce_subtype, "OnAccountSuppressionList") == 0);

  for (guint i = 0; i < n->recipients->len; i++)
    {
      const Recipient *r = g_ptr_array_index (n->recipients, i);
      ModoriRecord *record;
      char *from;
      const char *diagnostic = delivery ? n->smtp_response : r->diagnostic;
      char *words = NULL, *type = NULL;

      if (r->address == NULL)
        continue;
      /* diagnosticCode and reportingMTA are DSN fields: "smtp; 550 ...". */
      if (diagnostic)
        words = _modori_dsn_split_type (diagnostic, &type);
      record = _modori_engine_add_record (records, "amazonses", r->address, words);
      g_free (words);
      if (complaint)
        {
          /* A complaint is a feedback report, whatever it says. */
          record->reason = MODORI_REASON_FEEDBACK;
          _modori_record_set (record, FIELD_REASONBY, "engine:amazonses");
          _modori_record_set (record, FIELD_FEEDBACKTYPE, n->feedback_type ? n->feedback_type : "abuse");
        }
      else if (delivery)
        _modori_record_set (record, FIELD_ACTION, "delivered");
      else
        {
          _modori_record_take (record, FIELD_ACTION,
                               g_ascii_strdown (r->action ? r->action : transient ? "delayed" : "failed", -1));
          if (r->status && _modori_text_is_status_code (r->status))
            _modori_record_set (record, FIELD_DELIVERYSTATUS, r->status);
          if (suppressed)
            {
              record->reason = MODORI_REASON_SUPPRESSED;
              _modori_record_set (record, FIELD_REASONBY, "engine:amazonses");
            }
        }
      if (type && type[0] == '\0')
        g_clear_pointer (&type, g_free);
      if (diagnostic)
        _modori_record_take (record, FIELD_DIAGNOSTICTYPE, type ? type : g_strdup ("SMTP"));
      if (n->reporting_mta)
        {
          char *mta = _modori_dsn_split_type (n->reporting_mta, NULL);
          mta[strcspn (mta, " \t(")] = '\0';
          _modori_record_take (record, FIELD_LHOST, mta);
        }
      from = n->from ? _modori_address_clean (n->from) : NULL;
      _modori_record_take (record, FIELD_ADDRESSER, from);
      _modori_record_set (record, FIELD_SUBJECT, n->subject);
      if (n->message_id)
        {
          char *id = _modori_address_clean (n->message_id);
          _modori_record_take (record, FIELD_MESSAGEID, id[0] ? id : g_strdup (n->message_id));
          if (!id[0])
            g_free (id);
        }
      set_timestamp (record, n->timestamp);
    }
}

static gboolean
amazonses_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  Notification n = { 0 };
  const char *json;
  char *unwrapped;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, NULL, &text))
    return FALSE;
  unwrapped = unwrap (text.report);
  json = strchr (unwrapped, '{');
  n.recipients = g_ptr_array_new_with_free_func ((GDestroyNotify) recipient_free);
  if (json && read_notification (&n, json) && n.type == NULL && n.sns_message)
    {
      /* An SNS envelope: the notification is its Message, as a string. */
      char *inner = g_strdup (n.sns_message);
      notification_clear (&n);
      n.recipients = g_ptr_array_new_with_free_func ((GDestroyNotify) recipient_free);
      json = strchr (inner, '{');
      if (json)
        read_notification (&n, json);
      g_free (inner);
    }
  if (n.type)
    add_records (&n, records);

  notification_clear (&n);
  g_free (unwrapped);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_amazonses = {
  .name = "amazonses",
  .signature = &signature,
  .parse = amazonses_parse,
};
