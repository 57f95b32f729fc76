/* ezweb.c: bounces from au (KDDI) EZweb mobile mail, "Mail System Error -
 * Returned Mail" from Postmaster@ezweb.ne.jp: a Japanese explanation, an
 * English one, then the recipients:
 *
 *   The user(s) account is disabled.
 *   <user@ezweb.ne.jp>: 550 user unknown (in reply to RCPT TO command)
 * or
 *   Each of the following recipients was rejected by a remote mail server.
 *       Recipient: <user@ezweb.ne.jp>
 *       >>> RCPT TO:<user@ezweb.ne.jp>
 *       <<< 550 <user@ezweb.ne.jp>: User unknown
 * or
 *   Your message was not delivered within 0 days and 1 hours.
 *   Remote host is not responding.
 *   The following recipients did not receive this message:
 *   <user@ezweb.ne.jp>
 *
 * The English lines say what happened; the Japanese ones repeat it. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "ezweb"

#define SUBJECT_LEAD "Mail System Error - Returned Mail"

static const char *const from[] = { "Postmaster@ezweb.ne.jp", "Postmaster@au.com", NULL };
static const char *const subject_lead[] = { SUBJECT_LEAD, NULL };
static const char *const received[] = { "ezweb.ne.jp (EZweb Mail) with", ".au.com (", NULL };
static const char *const message_id[] = { ".ezweb.ne.jp>", ".au.com>", NULL };

static gboolean
ezweb_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  const char *subject = g_mime_object_get_header (GMIME_OBJECT (bounce), "Subject");
  int evidence = 0;

  /* Any one of these alone is weak (a forwarded or quoted mail); two agree. */
  evidence += _modori_header_contains (bounce, "From", from);
  evidence += subject && g_ascii_strncasecmp (subject + strspn (subject, " \t"),
                                              SUBJECT_LEAD, strlen (SUBJECT_LEAD)) == 0;
  evidence += _modori_header_contains (bounce, "Received", received);
  evidence += _modori_header_contains (bounce, "Message-ID", message_id);
  return evidence >= 2;
}

/* The sniff wants two of these. */
static const ModoriHeaderFact ezweb_marks[] = {
  { "From", from },
  { "Subject", subject_lead },
  { "Received", received },
  { "Message-ID", message_id },
  { NULL },
};
static const ModoriSignature signature = { .any = ezweb_marks };

static gboolean
is_ascii (const char *line)
{
  for (const char *p = line; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* The address in the first <...> of @line, newly allocated, or NULL. */
static char *
bracketed_address (const char *line)
{
  const char *open = strchr (line, '<');
  const char *close = open ? strchr (open, '>') : NULL;

  if (close == NULL || memchr (open, '@', close - open) == NULL)
    return NULL;
  return g_strndup (open + 1, close - open - 1);
}

typedef struct {
  ModoriRecord *record;
  GString *own;      /* this recipient's server reply */
} Recipient;

static void
finish (Recipient *rcpt, const char *preface)
{
  char *joined;

  if (rcpt->record == NULL)
    return;
  joined = g_strconcat (preface, " ", rcpt->own->str, NULL);
  _modori_record_take (rcpt->record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (joined));
  g_free (joined);
}

/* "550 ..." at @text (after spaces): the reply code into @record. */
static void
take_reply_code (ModoriRecord *record, const char *text)
{
  char code[4];

  if (!_modori_record_is_set (record, FIELD_REPLYCODE) && _modori_text_find_reply_code (text, code))
    _modori_record_set (record, FIELD_REPLYCODE, code);
}

static gboolean
ezweb_parse (ModoriBounce *context, GPtrArray *records)
{
  static const char *const markers[] = {
    "--------------------------------------------------",   /* inline original */
    NULL,
  };
  static const char *const starts[] = { "The user(s) ", "Your message ", "Each of the following", "<" };
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  char **lines;
  gboolean started = FALSE;
  GString *preface;   /* English text for every recipient */
  char *shared;
  GPtrArray *rcpts;
  guint before = records->len;
  const char *spasign = g_mime_object_get_header (GMIME_OBJECT (bounce), "X-SPASIGN");
  gboolean spam_filtered = spasign && g_ascii_strncasecmp (spasign + strspn (spasign, " \t"), "NG", 2) == 0;

  if (!_modori_text_bounce_read (context, markers, &text))
    return FALSE;
  preface = g_string_new (NULL);
  rcpts = g_ptr_array_new ();
  lines = g_strsplit (text.report, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *body = line + strspn (line, " \t");
      Recipient *current = rcpts->len ? g_ptr_array_index (rcpts, rcpts->len - 1) : NULL;
      char *address;

      for (guint s = 0; !started && s < G_N_ELEMENTS (starts); s++)
        started = g_str_has_prefix (line, starts[s]);
      if (!started || body[0] == '\0' || !is_ascii (line))
        continue;

      if ((line[0] == '<' || g_str_has_prefix (body, "Recipient: <")) &&
          (address = bracketed_address (line)) != NULL)
        {
          Recipient *rcpt = g_new0 (Recipient, 1);

          rcpt->record = _modori_engine_add_record (records, ENGINE_NAME, address, NULL);
          _modori_record_set (rcpt->record, FIELD_ACTION, "failed");
          rcpt->own = g_string_new (NULL);
          g_ptr_array_add (rcpts, rcpt);
          if (line[0] == '<')
            {
              /* "<user@ezweb.ne.jp>: 550 user unknown (in reply to ...)" */
              const char *rest = strchr (line, '>') + 1;
              rest += strspn (rest, ": \t");
              g_string_append (rcpt->own, rest);
              take_reply_code (rcpt->record, rest);
            }
          g_free (address);
        }
      else if (current && g_str_has_prefix (body, ">>> "))
        {
          const char *command = NULL;
          if (_modori_text_find_nocase (body, "RCPT TO"))
            command = "RCPT";
          else if (_modori_text_find_nocase (body, "MAIL FROM"))
            command = "MAIL";
          else if (_modori_text_find_nocase (body, "DATA"))
            command = "DATA";
          _modori_record_set (current->record, FIELD_COMMAND, command);
        }
      else if (current && g_str_has_prefix (body, "<<< "))
        {
          g_string_append_printf (current->own, " %s", body + 4);
          take_reply_code (current->record, body + 4);
        }
      else if (rcpts->len == 0)
        g_string_append_printf (preface, " %s", body);
      else
        g_string_append_printf (current->own, " %s", body);
    }

  /* The preface, shared by all, is cut once. */
  shared = _modori_record_cut_diagnostic (_modori_text_collapse_space (preface->str));
  for (guint i = 0; i < rcpts->len; i++)
    {
      Recipient *rcpt = g_ptr_array_index (rcpts, i);
      finish (rcpt, shared);
      /* au's content filter marks what it refused with this header. */
      if (spam_filtered)
        {
          rcpt->record->reason = MODORI_REASON_FILTERED;
          _modori_record_set (rcpt->record, FIELD_REASONBY, "engine:" ENGINE_NAME);
        }
      _modori_engine_set_original (rcpt->record, text.original);
      g_string_free (rcpt->own, TRUE);
      g_free (rcpt);
    }

  g_ptr_array_free (rcpts, TRUE);
  g_string_free (preface, TRUE);
  g_free (shared);
  g_strfreev (lines);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_ezweb = {
  .name = ENGINE_NAME,
  .sniff = ezweb_sniff,
  .parse = ezweb_parse,
  .signature = &signature,
};
