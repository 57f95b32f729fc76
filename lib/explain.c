/* explain.c: say what one server reply or mail-client message means.
 *
 * The cases' phrases are rows of the one phrase table
 * (rules/phrases.tsv, column "case"), searched in one pass; a server's
 * reply outranks a mail program's message, which outranks a bounce's
 * headline. So a client headline that quotes the server's reply ("one of
 * the recipients was rejected ... 550 User unknown") gets the reply's
 * more precise case. Response codes ("[IN-USE]") are phrases too. */
#include <string.h>

#include <modori/modori.h>

#include "classify.h"
#include "explain-kind.h"
#include "json-writer.h"
#include "phrases.h"
#include "record-private.h"
#include "text.h"

/* Cases whose guidance is that of a bounce hint with another name. */
static const struct { const char *case_id, *hint; } case_hints[] = {
  { "invalid-characters", "fullwidth-characters" },
  { "invalid-route", "comma-for-dot" },
  { "relaying-denied", "relay-network" },
};

struct _ModoriExplanation {
  gint ref_count;
  const char *kind;
  const char *case_id;
  ModoriReason reason;
  char reply_code[4];
  char status_code[12];
  char *response_code;
  char *address;
  char *hint;
  char *suggestion;
  char *found;
};

/* Which of the rows found decides the case: a server's reply before a
 * mail program's message, and both before a bounce's headline (more
 * telling than the name of the sender of error mail, less than any
 * reply). In a text that opens with a reply code, a mail program's
 * words ("contact postmaster@...", "could not be found", "timed out")
 * mean something else and are not read. */
static guint
tier (const PhraseRule *rule)
{
  return (rule->flags & PHRASE_HEADLINE) ? 2 : (rule->flags & PHRASE_CLIENT) ? 1 : 0;
}

/* A response code "[CODE ...]" just after @p (POP3 -ERR, IMAP NO/BAD). */
static char *
response_code_after (const char *p)
{
  const char *end;

  while (*p && *p != ' ' && *p != '\n')
    p++;
  while (*p == ' ')
    p++;
  if (*p != '[')
    return g_strdup ("");
  p++;
  for (end = p; *end && *end != ']' && *end != ' ' && *end != '\n' && end - p < 40; end++)
    ;
  return g_ascii_strup (p, end - p);
}

static void
diagnose_address (ModoriExplanation *e)
{
  g_autoptr (ModoriAddressDiagnosis) d = NULL;

  if (e->address[0] == '\0')
    return;
  d = modori_address_diagnose (e->address);
  g_free (e->hint);
  g_free (e->suggestion);
  e->hint = g_strdup (modori_address_diagnosis_get_hint (d));
  e->suggestion = g_strdup (modori_address_diagnosis_get_suggestion (d));
}

/* Servers' own words, without a response code, for a refused login
 * ("-ERR Authentication failed", "NO [ALERT] Application-specific
 * password required") and for a mailbox held by another session. Only
 * read in a POP3 or IMAP reply: in an SMTP one they mean other things. */
static gboolean
says_any (const char *text, const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    if (_modori_text_find_nocase (text, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
says_login_failed (const char *text)
{
  static const char *const words[] = {
    "password", "authenticat", "login failed", "logon failure", "invalid user",
    "credentials", "パスワード", "認証", NULL
  };
  return says_any (text, words);
}

static gboolean
says_locked (const char *text)
{
  static const char *const words[] = { "locked", "in use", "another session", NULL };
  return says_any (text, words);
}

/* Where a mail program's message quotes the server ("The server
 * responded: 554 ..."), the quoted reply; else @text. The program's own
 * words around it ("internal error") say nothing about the cause. */
static const char *
quoted_reply (const char *text)
{
  static const char *const markers[] = {
    "server responded:", "server response was:", "server response:", "サーバーの応答:",
    /* Thunderbird: "Mail server %S responded:", "メールサーバー %S からの応答:" */
    "responded:", "からの応答:", NULL
  };

  for (guint i = 0; markers[i]; i++)
    {
      const char *at = _modori_text_find_nocase (text, markers[i]);
      if (at)
        {
          at += strlen (markers[i]);
          while (*at == ' ' || *at == '\'' || *at == '"')
            at++;
          return *at ? at : text;
        }
    }
  return text;
}

/* The reason the bounce classifier gives an SMTP reply. */
static ModoriReason
classify_reply (const ModoriExplanation *e, const char *text)
{
  ModoriRecord *record = _modori_record_new ();
  ModoriReason reason;

  _modori_record_set (record, FIELD_ACTION, "failed");
  _modori_record_set (record, FIELD_REPLYCODE, e->reply_code);
  _modori_record_set (record, FIELD_DELIVERYSTATUS, e->status_code);
  _modori_record_take (record, FIELD_DIAGNOSTICCODE, _modori_text_collapse_space (text));
  /* A reply on its own is read at face value, as the answer about the
   * recipient (RCPT): with no bounce around it there is no sign that a
   * filter spoke after the address was accepted. */
  _modori_record_set (record, FIELD_COMMAND, "RCPT");
  _modori_classify (record);
  reason = record->reason;
  modori_record_unref (record);
  return reason;
}

static char *
describe_unrecognized (const char *text, gsize length)
{
  guint lines = 0;

  for (const char *p = text; *p; p++)
    lines += *p == '\n';
  return g_strdup_printf ("%" G_GSIZE_FORMAT " bytes in %u line%s, no known reply, code or message",
                          length, lines + 1, lines ? "s" : "");
}

/* The row that decides among those found in @start: a server's reply
 * before a mail program's message before a bounce's headline (see
 * tier()). In a server's own reply (@reply) a mail program's words are
 * not read. *@client says whether a mail program's own message (not a
 * bounce's sender name) was among them. */
static const PhraseRule *
best_phrase (const char *start, gboolean reply, gboolean *client)
{
  g_autofree gboolean *found = g_new0 (gboolean, _modori_n_phrase_rules);
  const PhraseRule *best = NULL;

  *client = FALSE;
  _modori_phrases_find (start, PHRASES_FOR_CASE, found);
  for (guint i = 0; i < _modori_n_phrase_rules; i++)
    {
      const PhraseRule *rule = &_modori_phrase_rules[i];
      if (!found[i] || (reply && (rule->flags & PHRASE_CLIENT)))
        continue;
      if (best == NULL || tier (rule) < tier (best))
        best = rule;
      *client |= tier (rule) == 1;
    }
  return best;
}

/* A server's reply: the kind is the protocol, the phrases its own. */
static void
explain_reply (ModoriExplanation *e, TextKind kind, const char *start, const char *imap)
{
  gboolean client;
  const PhraseRule *best = best_phrase (start, TRUE, &client);

  if (kind == TEXT_SMTP_REPLY)
    {
      e->kind = "smtp";
      if (!_modori_text_find_reply_status_code (start, e->status_code))
        _modori_text_find_status_code (start, e->status_code);
      memcpy (e->reply_code, start, 3);
      e->reply_code[3] = '\0';
      e->case_id = best ? best->case_id : "smtp-reply";
    }
  else if (kind == TEXT_POP3_REPLY)
    {
      e->kind = "pop3";
      g_free (e->response_code);
      e->response_code = response_code_after (start);
      e->case_id = best ? best->case_id
                 : says_login_failed (start) ? "pop3-auth"
                 : says_locked (start) ? "pop3-in-use" : "pop3-error";
    }
  else
    {
      e->kind = "imap";
      g_free (e->response_code);
      e->response_code = response_code_after (imap);
      e->case_id = best ? best->case_id
                 : says_login_failed (imap) ? "imap-login-failed" : "imap-error";
    }
  e->address = _modori_explain_find_address (start);
  diagnose_address (e);
  if (best && best->reason != MODORI_REASON_UNDEFINED)
    e->reason = best->reason;
  else if (kind == TEXT_SMTP_REPLY)
    e->reason = classify_reply (e, start);
}

/* One address: the doctor is the whole answer. */
static void
explain_address (ModoriExplanation *e, const char *start)
{
  e->kind = "address";
  e->address = g_strstrip (g_strdup (start));
  diagnose_address (e);
  e->case_id = e->hint[0] ? e->hint : "address-ok";
}

/* Words: a mail program's message, a bounce's headline or report text,
 * or a sentence of someone's own. A reply quoted inside them ("The
 * server responded: 554 ...") is read for its code and reason. */
static void
explain_prose (ModoriExplanation *e, const char *start, gsize length)
{
  gboolean client;
  const PhraseRule *best = best_phrase (start, FALSE, &client);

  if (!_modori_text_find_reply_status_code (start, e->status_code))
    _modori_text_find_status_code (start, e->status_code);
  if (!_modori_text_scan_reply_code (start, TRUE, e->reply_code) ||
      e->reply_code[0] == '2' || e->reply_code[0] == '3')
    e->reply_code[0] = '\0';
  e->address = _modori_explain_find_address (start);
  diagnose_address (e);
  /* A POP3 server's reply quoted by a mail program: its response code
   * ("[IN-USE]") is read, and without the program's own words the
   * text is the server's reply. */
  if (g_str_has_prefix (quoted_reply (start), "-ERR"))
    {
      g_free (e->response_code);
      e->response_code = response_code_after (quoted_reply (start));
    }
  if (best)
    {
      e->case_id = best->case_id;
      e->kind = tier (best) == 2 ? "bounce" : client ? "client" : e->reply_code[0] ? "smtp"
              : e->response_code[0] || g_str_has_prefix (quoted_reply (start), "-ERR") ? "pop3" : "bounce";
    }
  else if (e->reply_code[0])
    {
      e->kind = "smtp";
      e->case_id = "smtp-reply";
    }
  else
    {
      /* Someone's own words: only the address in them can be checked,
       * and a flaw in it is the answer ("taro@gmial.comに送れません"). */
      e->kind = "sentence";
      if (e->hint[0])
        e->case_id = e->hint;
      else
        e->found = describe_unrecognized (start, length);
    }
  if (best && best->reason != MODORI_REASON_UNDEFINED)
    e->reason = best->reason;
  else if (strcmp (e->kind, "smtp") == 0)
    e->reason = classify_reply (e, quoted_reply (start));
}

ModoriExplanation *
modori_explain (const char *text, gssize length)
{
  ModoriExplanation *e = g_new0 (ModoriExplanation, 1);
  g_autofree char *copy = NULL;
  const char *start, *imap = NULL;
  TextKind kind;
  gsize n;

  e->ref_count = 1;
  e->kind = "unknown";
  e->case_id = "unrecognized";
  e->reason = MODORI_REASON_UNDEFINED;
  e->response_code = g_strdup ("");
  e->hint = g_strdup ("");
  e->suggestion = g_strdup ("");
  if (text == NULL)
    text = "", length = 0;
  n = length < 0 ? strlen (text) : (gsize) length;

  if (_modori_explain_is_binary (text, n))
    {
      /* Nothing is read from it: a code among random bytes is chance. */
      e->kind = "binary";
      e->case_id = "not-text";
      e->address = g_strdup ("");
      e->found = g_strdup_printf ("%" G_GSIZE_FORMAT " bytes of binary data (NUL bytes, control characters "
                                  "or bytes that are not UTF-8), not text", n);
      return e;
    }
  /* A stray bad byte in text is replaced, not read. */
  copy = g_utf8_make_valid (text, n);
  kind = _modori_explain_sniff (copy, &imap);
  for (start = copy; g_ascii_isspace (*start); start++)
    ;
  switch (kind)
    {
    case TEXT_EMPTY:
      e->address = g_strdup ("");
      e->found = g_strdup (n == 0 ? "empty text" : "only spaces");
      break;
    case TEXT_SMTP_REPLY:
    case TEXT_POP3_REPLY:
    case TEXT_IMAP_REPLY:
      explain_reply (e, kind, start, imap);
      break;
    case TEXT_ADDRESS:
      explain_address (e, start);
      break;
    default:
      explain_prose (e, start, n);
      break;
    }
  if (e->found == NULL)
    e->found = g_strdup ("");
  return e;
}

ModoriExplanation *
modori_explanation_ref (ModoriExplanation *explanation)
{
  g_return_val_if_fail (explanation != NULL, NULL);
  g_atomic_int_inc (&explanation->ref_count);
  return explanation;
}

void
modori_explanation_unref (ModoriExplanation *explanation)
{
  if (explanation == NULL || !g_atomic_int_dec_and_test (&explanation->ref_count))
    return;
  /* case_id may point into hint (a bare address), so it is freed with it. */
  g_free (explanation->response_code);
  g_free (explanation->address);
  g_free (explanation->hint);
  g_free (explanation->suggestion);
  g_free (explanation->found);
  g_free (explanation);
}

#define GETTER(fn, expr)                                    \
  const char *fn (const ModoriExplanation *explanation)     \
  {                                                         \
    g_return_val_if_fail (explanation != NULL, "");         \
    return explanation->expr;                               \
  }

GETTER (modori_explanation_get_kind, kind)
GETTER (modori_explanation_get_case, case_id)
GETTER (modori_explanation_get_reply_code, reply_code)
GETTER (modori_explanation_get_status_code, status_code)
GETTER (modori_explanation_get_response_code, response_code)
GETTER (modori_explanation_get_address, address)
GETTER (modori_explanation_get_hint, hint)
GETTER (modori_explanation_get_suggestion, suggestion)
GETTER (modori_explanation_get_found, found)

ModoriReason
modori_explanation_get_reason (const ModoriExplanation *explanation)
{
  g_return_val_if_fail (explanation != NULL, MODORI_REASON_UNDEFINED);
  return explanation->reason;
}

const char *
modori_explanation_get_guidance (const ModoriExplanation *explanation,
                                 const char *lang, ModoriGuidanceField field)
{
  const char *text;

  g_return_val_if_fail (explanation != NULL, NULL);
  if ((text = modori_guidance_for_case (explanation->case_id, lang, field)))
    return text;
  if ((text = modori_guidance_for_hint (explanation->case_id, lang, field)))
    return text;
  for (guint i = 0; i < G_N_ELEMENTS (case_hints); i++)
    if (strcmp (explanation->case_id, case_hints[i].case_id) == 0)
      return modori_guidance_for_hint (case_hints[i].hint, lang, field);
  if (explanation->hint[0] && (text = modori_guidance_for_hint (explanation->hint, lang, field)))
    return text;
  return modori_guidance_for_reason (explanation->reason, lang, field);
}

/* The fields, in output order: JSON, `explain --format=json` and the
 * bindings read them by these names. */
static const char *const field_names[] = {
  "kind", "case", "reason", "replycode", "statuscode", "responsecode",
  "address", "hint", "suggestion", "found", "title", "what", "todo", NULL
};

const char *const *
modori_explanation_field_names (void)
{
  return field_names;
}

const char *
modori_explanation_get_field (const ModoriExplanation *e, const char *lang, const char *name)
{
  g_return_val_if_fail (e != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  if (strcmp (name, "kind") == 0)
    return e->kind;
  if (strcmp (name, "case") == 0)
    return e->case_id;
  if (strcmp (name, "reason") == 0)
    return e->reason == MODORI_REASON_UNDEFINED ? "" : modori_reason_to_string (e->reason);
  if (strcmp (name, "replycode") == 0)
    return e->reply_code;
  if (strcmp (name, "statuscode") == 0)
    return e->status_code;
  if (strcmp (name, "responsecode") == 0)
    return e->response_code;
  if (strcmp (name, "address") == 0)
    return e->address;
  if (strcmp (name, "hint") == 0)
    return e->hint;
  if (strcmp (name, "suggestion") == 0)
    return e->suggestion;
  if (strcmp (name, "found") == 0)
    return e->found;
  if (strcmp (name, "title") == 0)
    return modori_explanation_get_guidance (e, lang, MODORI_GUIDANCE_TITLE);
  if (strcmp (name, "what") == 0)
    return modori_explanation_get_guidance (e, lang, MODORI_GUIDANCE_WHAT);
  if (strcmp (name, "todo") == 0)
    return modori_explanation_get_guidance (e, lang, MODORI_GUIDANCE_TODO);
  return NULL;
}

char *
modori_explanation_to_json (const ModoriExplanation *e, const char *lang, gboolean pretty)
{
  GString *out = g_string_new ("{");

  g_return_val_if_fail (e != NULL, NULL);
  for (guint i = 0; field_names[i]; i++)
    {
      const char *value = modori_explanation_get_field (e, lang, field_names[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      if (pretty)
        g_string_append (out, "\n  ");
      _modori_json_append_string (out, field_names[i]);
      g_string_append (out, pretty ? ": " : ":");
      _modori_json_append_string (out, value ? value : "");
    }
  g_string_append (out, pretty ? "\n}" : "}");
  return g_string_free (out, FALSE);
}
