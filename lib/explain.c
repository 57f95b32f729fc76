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

/* The first word (as far as a space), for telling the protocol. */
static gboolean
word_is (const char *p, const char *word)
{
  gsize n = strlen (word);

  return g_ascii_strncasecmp (p, word, n) == 0 && (p[n] == ' ' || p[n] == '\0' || p[n] == '\r' || p[n] == '\n');
}

/* "a001 NO ...", "* BAD ...": an IMAP tagged or untagged failure. */
static const char *
imap_status (const char *text)
{
  const char *p = text;

  while (*p && *p != ' ' && *p != '\n' && p - text < 64)
    p++;
  if (*p != ' ' || p == text)
    return NULL;
  p++;
  if (word_is (p, "NO") || word_is (p, "BAD"))
    return p;
  return NULL;
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

static gboolean
is_address_char (gunichar c)
{
  return c > ' ' && c != '<' && c != '>' && c != '"' && c != '\'' && c != '(' && c != ')' &&
         c != '[' && c != ']' && c != ';' && c != 0x3000;
}

/* The first address: inside <...> if any holds '@', else the run of
 * address characters around the first '@' (or '＠'). */
static char *
find_address (const char *text)
{
  const char *at = strstr (text, "@");
  const char *wide_at = strstr (text, "\xef\xbc\xa0");
  const char *start, *end;

  /* One pass: the innermost "<...@...>" first closed, not one search
   * for '>' per '<' (a text of a million '<' would cost their square). */
  {
    const char *lt = NULL;
    gboolean has_at = FALSE;

    for (const char *p = text; *p; p++)
      if (*p == '<')
        lt = p, has_at = FALSE;
      else if (*p == '@' && lt)
        has_at = TRUE;
      else if (*p == '>' && lt)
        {
          if (has_at && p - lt < 512)
            return g_strndup (lt + 1, p - lt - 1);
          lt = NULL;
        }
  }
  if (at == NULL || (wide_at && wide_at < at))
    at = wide_at;
  if (at == NULL)
    return g_strdup ("");
  for (start = at; start > text;)
    {
      const char *prev = g_utf8_find_prev_char (text, start);
      if (prev == NULL || !is_address_char (g_utf8_get_char (prev)) || at - prev > 256)
        break;
      start = prev;
    }
  for (end = at; *end && is_address_char (g_utf8_get_char (end)) && end - at < 256;
       end = g_utf8_next_char (end))
    ;
  while (end > start && (end[-1] == '.' || end[-1] == ',' || end[-1] == ':'))
    end--;  /* sentence punctuation after the address */
  return g_strndup (start, end - start);
}

/* Words separated by white space: an address typed with a stray space
 * or two has at most three; a sentence that names an address has more. */
static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);
      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
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
    "server responded:", "server response was:", "server response:", "サーバーの応答:", NULL
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
describe_unrecognized (const char *text, gsize length, gsize n_nul, gboolean was_valid)
{
  GString *found = g_string_new (NULL);
  guint lines = 0;

  if (length == 0 || text[0] == '\0')
    {
      g_string_free (found, TRUE);
      return g_strdup (length == 0 ? "empty text" : "only spaces");
    }
  for (const char *p = text; *p; p++)
    lines += *p == '\n';
  g_string_printf (found, "%" G_GSIZE_FORMAT " bytes in %u line%s, no known reply, code or message",
                   length, lines + 1, lines ? "s" : "");
  if (n_nul > 0 || !was_valid)
    g_string_append (found, "; binary data (NUL bytes or invalid UTF-8)");
  return g_string_free (found, FALSE);
}

ModoriExplanation *
modori_explain (const char *text, gssize length)
{
  ModoriExplanation *e = g_new0 (ModoriExplanation, 1);
  g_autofree char *valid = NULL;
  g_autofree gboolean *found = g_new0 (gboolean, _modori_n_phrase_rules);
  gsize n = 0, n_nul = 0;
  gboolean was_valid, from_client = FALSE, server_reply;
  const char *start, *imap;
  const PhraseRule *best = NULL;

  e->ref_count = 1;
  e->kind = "unknown";
  e->case_id = "unrecognized";
  e->reason = MODORI_REASON_UNDEFINED;
  e->response_code = g_strdup ("");
  e->hint = g_strdup ("");
  e->suggestion = g_strdup ("");
  e->found = g_strdup ("");
  if (text == NULL)
    text = "", length = 0;
  n = length < 0 ? strlen (text) : (gsize) length;

  /* NULs would end the text early: count them and read past them. */
  {
    GString *copy = g_string_sized_new (n);
    for (gsize i = 0; i < n; i++)
      if (text[i] == '\0')
        n_nul++;
      else
        g_string_append_c (copy, text[i]);
    was_valid = g_utf8_validate (copy->str, copy->len, NULL);
    valid = g_utf8_make_valid (copy->str, copy->len);
    g_string_free (copy, TRUE);
  }
  for (start = valid; g_ascii_isspace (*start); start++)
    ;
  e->address = find_address (start);

  _modori_phrases_find (start, PHRASES_FOR_CASE, found);
  server_reply = g_ascii_isdigit (start[0]) && start[0] >= '2' && start[0] <= '5' &&
                 g_ascii_isdigit (start[1]) && g_ascii_isdigit (start[2]) &&
                 (start[3] == ' ' || start[3] == '-' || start[3] == '\0');
  for (guint i = 0; i < _modori_n_phrase_rules; i++)
    {
      const PhraseRule *rule = &_modori_phrase_rules[i];
      if (!found[i] || (server_reply && (rule->flags & PHRASE_CLIENT)))
        continue;
      if (best == NULL || tier (rule) < tier (best))
        best = rule;
      from_client |= (rule->flags & PHRASE_CLIENT) != 0;
    }
  if (!_modori_text_find_reply_status_code (start, e->status_code))
    _modori_text_find_status_code (start, e->status_code);
  if (!_modori_text_scan_reply_code (start, TRUE, e->reply_code))
    e->reply_code[0] = '\0';

  if (g_ascii_strncasecmp (start, "-ERR", 4) == 0)
    {
      e->kind = "pop3";
      g_free (e->response_code);
      e->response_code = response_code_after (start);
      e->reply_code[0] = e->status_code[0] = '\0';
      e->case_id = best ? best->case_id
                 : says_login_failed (start) ? "pop3-auth"
                 : says_locked (start) ? "pop3-in-use" : "pop3-error";
    }
  else if ((imap = imap_status (start)) != NULL)
    {
      e->kind = "imap";
      g_free (e->response_code);
      e->response_code = response_code_after (imap);
      e->reply_code[0] = e->status_code[0] = '\0';
      e->case_id = best ? best->case_id
                 : says_login_failed (imap) ? "imap-login-failed" : "imap-error";
    }
  else if (best)
    {
      e->kind = from_client ? "client" : e->reply_code[0] ? "smtp" : "client";
      e->case_id = best->case_id;
    }
  else if (e->reply_code[0] && e->reply_code[0] != '2' && e->reply_code[0] != '3')
    {
      e->kind = "smtp";
      e->case_id = "smtp-reply";
    }
  else if (strchr (start, '\n') == NULL && e->address[0] && strlen (start) < 512 && count_words (start) <= 3)
    {
      /* A bare address: the doctor is the whole answer. */
      g_free (e->address);
      e->address = g_strstrip (g_strdup (start));
      e->kind = "address";
      diagnose_address (e);
      e->case_id = e->hint[0] ? e->hint : "address-ok";
    }

  if (strcmp (e->kind, "address") != 0)
    diagnose_address (e);
  if (best && best->reason != MODORI_REASON_UNDEFINED)
    e->reason = best->reason;
  else if (strcmp (e->kind, "smtp") == 0)
    e->reason = classify_reply (e, quoted_reply (start));
  if (strcmp (e->case_id, "unrecognized") == 0)
    {
      g_free (e->found);
      e->found = describe_unrecognized (start, n, n_nul, was_valid);
    }
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

char *
modori_explanation_to_json (const ModoriExplanation *e, const char *lang, gboolean pretty)
{
  const char *keys[] = { "kind", "case", "reason", "replycode", "statuscode", "responsecode",
                         "address", "hint", "suggestion", "found", "title", "what", "todo" };
  const char *values[G_N_ELEMENTS (keys)];
  GString *out = g_string_new ("{");

  g_return_val_if_fail (e != NULL, NULL);
  values[0] = e->kind;
  values[1] = e->case_id;
  values[2] = e->reason == MODORI_REASON_UNDEFINED ? "" : modori_reason_to_string (e->reason);
  values[3] = e->reply_code;
  values[4] = e->status_code;
  values[5] = e->response_code;
  values[6] = e->address;
  values[7] = e->hint;
  values[8] = e->suggestion;
  values[9] = e->found;
  values[10] = modori_explanation_get_guidance (e, lang, MODORI_GUIDANCE_TITLE);
  values[11] = modori_explanation_get_guidance (e, lang, MODORI_GUIDANCE_WHAT);
  values[12] = modori_explanation_get_guidance (e, lang, MODORI_GUIDANCE_TODO);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (pretty)
        g_string_append (out, "\n  ");
      _modori_json_append_string (out, keys[i]);
      g_string_append (out, pretty ? ": " : ":");
      _modori_json_append_string (out, values[i] ? values[i] : "");
    }
  g_string_append (out, pretty ? "\n}" : "}");
  return g_string_free (out, FALSE);
}
