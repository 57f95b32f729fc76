/* printer-text.c: plain-language output for people, wrapped to the
 * terminal with East Asian widths and Japanese line breaking. What the
 * bounce or the file name says is escaped first (escape.h), so that the
 * widths are those of what is shown. */
#include <string.h>

#include "escape.h"
#include "outcome.h"
#include "printer.h"
#include "wrap.h"

typedef enum {
  LABEL_RECIPIENT,
  LABEL_FORWARDED_TO,
  LABEL_NO_RECIPIENT,
  LABEL_REASON,
  LABEL_NOTICE,
  LABEL_STATUS,
  LABEL_REPLY,
  LABEL_COMMAND,
  LABEL_SERVER_SAID,
  LABEL_WHAT,
  LABEL_TODO,
  LABEL_SUGGEST_WHY,
  LABEL_NONE_FOUND,
  LABEL_ORIGINAL,
  LABEL_SUGGESTION,
  N_LABELS
} Label;

/* The program's own words; the explanations come from the library.
 * Identifiers (reason names, evidence) are shown only with --why. */
static const char *const labels_ja[N_LABELS] = {
  [LABEL_RECIPIENT] = "宛先",
  [LABEL_FORWARDED_TO] = "転送先",
  [LABEL_NO_RECIPIENT] = "（報告に書かれていません）",
  [LABEL_REASON] = "原因",
  [LABEL_NOTICE] = "内容",
  [LABEL_STATUS] = "ステータス",
  [LABEL_REPLY] = "応答コード",
  [LABEL_COMMAND] = "失敗した段階",
  [LABEL_SERVER_SAID] = "相手のサーバーからの返答",
  [LABEL_WHAT] = "何が起きたか",
  [LABEL_TODO] = "どうすればよいか",
  [LABEL_SUGGEST_WHY] = "判定の根拠",
  [LABEL_NONE_FOUND] = "配送エラーの報告は見つかりませんでした。",
  [LABEL_ORIGINAL] = "元のメール",
  [LABEL_SUGGESTION] = "正しいと思われるアドレス",
};

static const char *const labels_en[N_LABELS] = {
  [LABEL_RECIPIENT] = "Recipient",
  [LABEL_FORWARDED_TO] = "Forwarded to",
  [LABEL_NO_RECIPIENT] = "(not named in the report)",
  [LABEL_REASON] = "Reason",
  [LABEL_NOTICE] = "Notice",
  [LABEL_STATUS] = "Status",
  [LABEL_REPLY] = "Reply code",
  [LABEL_COMMAND] = "Failed at",
  [LABEL_SERVER_SAID] = "The receiving server said",
  [LABEL_WHAT] = "What happened",
  [LABEL_TODO] = "What to do",
  [LABEL_SUGGEST_WHY] = "Decided by",
  [LABEL_NONE_FOUND] = "No delivery failure report found.",
  [LABEL_ORIGINAL] = "Original message",
  [LABEL_SUGGESTION] = "Suggested address",
};

/* The heading: one sentence for each kind of record the input holds,
 * counting recipients (one message to three recipients is one message). */
static const char *const headings_ja[N_OUTCOMES] = {
  [OUTCOME_FAILED] = "メールが%u件の宛先に届きませんでした。",
  [OUTCOME_DELAYED] = "%u件の宛先への配送が遅れています（まだ失敗ではありません。送信側のサーバーが再送を続けています）。",
  [OUTCOME_DELIVERED] = "%u件の宛先に配送されました（配送完了の通知です）。",
  [OUTCOME_FEEDBACK] = "受信側から、このメールについての報告（苦情など）が%u件届きました。",
  [OUTCOME_AUTOREPLY] = "%u件の宛先から自動応答（不在通知など）が返ってきました。メールは届いています。",
};

/* English: [0] for one, [1] for more. */
static const char *const headings_en[N_OUTCOMES][2] = {
  [OUTCOME_FAILED] = { "The message did not reach %u recipient.", "The message did not reach %u recipients." },
  [OUTCOME_DELAYED] = { "Delivery to %u recipient is delayed (not yet a failure: the sending server keeps trying).",
                        "Delivery to %u recipients is delayed (not yet a failure: the sending server keeps trying)." },
  [OUTCOME_DELIVERED] = { "The message was delivered to %u recipient (a delivery notice).",
                          "The message was delivered to %u recipients (a delivery notice)." },
  [OUTCOME_FEEDBACK] = { "The receiving side sent %u report about the message (a complaint or similar).",
                         "The receiving side sent %u reports about the message (a complaint or similar)." },
  [OUTCOME_AUTOREPLY] = { "%u recipient sent an automatic reply (such as an out-of-office notice); the message arrived.",
                          "%u recipients sent an automatic reply (such as an out-of-office notice); the message arrived." },
};

/* The SMTP step that failed, in words; the command follows in brackets
 * for whoever passes the text on to an administrator. */
static const struct { const char *command, *ja, *en; } steps[] = {
  { "CONN", "サーバーへの接続", "connecting to the server" },
  { "HELO", "接続直後のあいさつ (HELO)", "the greeting (HELO)" },
  { "EHLO", "接続直後のあいさつ (EHLO)", "the greeting (EHLO)" },
  { "STARTTLS", "暗号化の開始 (STARTTLS)", "starting encryption (STARTTLS)" },
  { "AUTH", "ログイン認証 (AUTH)", "signing in (AUTH)" },
  { "MAIL", "送信者アドレスの通知 (MAIL FROM)", "giving the sender's address (MAIL FROM)" },
  { "RCPT", "宛先アドレスの通知 (RCPT TO)", "giving the recipient's address (RCPT TO)" },
  { "DATA", "本文の送信 (DATA)", "sending the message (DATA)" },
  { "BDAT", "本文の送信 (BDAT)", "sending the message (BDAT)" },
};

typedef struct {
  Printer base;
  PrinterOptions options;
  const char *const *labels;
} TextPrinter;

static void
put_wrapped (const TextPrinter *self, GString *out, const char *text, int indent)
{
  g_autofree char *wrapped = modori_cli_wrap (text, self->options.width, indent);
  g_string_append (out, wrapped);
}

/* "  Label: value", wrapped with continuation lines under the label. */
static void
put_field (const TextPrinter *self, GString *out, Label label, const char *value)
{
  g_autofree char *shown = NULL, *line = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  shown = escape_line (value);
  line = g_strdup_printf ("%s: %s", self->labels[label], shown);
  put_wrapped (self, out, line, 2);
}

static void
put_block (const TextPrinter *self, GString *out, Label label, const char *text)
{
  g_autofree char *shown = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  shown = escape_multiline (text);
  g_string_append_printf (out, "  %s:\n", self->labels[label]);
  put_wrapped (self, out, shown, 4);
}

static const char *
step_words (const TextPrinter *self, const char *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (strcmp (steps[i].command, command) == 0)
      return strcmp (self->options.lang, "ja") == 0 ? steps[i].ja : steps[i].en;
  return command;
}

static void
print_record (const TextPrinter *self, GString *out, ModoriRecord *record)
{
  const char *lang = self->options.lang;
  ModoriReason reason = modori_record_get_reason (record);
  Outcome outcome = outcome_of (record);
  const char *title = modori_guidance_for_reason (reason, lang, MODORI_GUIDANCE_TITLE);
  const char *sent_to = outcome_sent_to (record);
  const char *recipient = modori_record_get_recipient (record);
  const char *command = modori_record_get_command (record);
  g_autofree char *reason_line = NULL, *sent_to_shown = NULL, *subject = NULL;
  g_autofree char *what = NULL, *todo = NULL;

  sent_to_shown = sent_to[0] ? escape_line (sent_to) : g_strdup (self->labels[LABEL_NO_RECIPIENT]);
  g_string_append_printf (out, "\n%s: %s\n", self->labels[LABEL_RECIPIENT], sent_to_shown);
  /* The sender typed the alias; the address that failed is where it
   * was forwarded. */
  if (sent_to != recipient)
    put_field (self, out, LABEL_FORWARDED_TO, recipient);
  put_field (self, out, LABEL_SUGGESTION, modori_record_get_suggestion (record));
  reason_line = self->options.why ? g_strdup_printf ("%s (%s)", title ? title : "", modori_reason_to_string (reason))
                                  : g_strdup (title ? title : "");
  put_field (self, out, outcome == OUTCOME_FAILED || outcome == OUTCOME_DELAYED ? LABEL_REASON : LABEL_NOTICE,
             reason_line);
  put_field (self, out, LABEL_STATUS, modori_record_get_delivery_status (record));
  put_field (self, out, LABEL_REPLY, modori_record_get_reply_code (record));
  if (command[0])
    put_field (self, out, LABEL_COMMAND, step_words (self, command));
  if (modori_record_get_field (record, "subject")[0])
    {
      subject = g_strdup_printf (strcmp (lang, "ja") == 0 ? "「%s」" : "\"%s\"",
                                 modori_record_get_field (record, "subject"));
      put_field (self, out, LABEL_ORIGINAL, subject);
    }
  if (self->options.why)
    put_field (self, out, LABEL_SUGGEST_WHY, modori_record_get_field (record, "reasonby"));
  put_block (self, out, LABEL_SERVER_SAID, modori_record_get_diagnostic_code (record));

  /* The finer case (a hint) replaces the reason's general words, which
   * can mislead (a comma in the domain is no "unknown user name"). */
  what = modori_guidance_for_record (record, lang, MODORI_GUIDANCE_WHAT);
  todo = modori_guidance_for_record (record, lang, MODORI_GUIDANCE_TODO);
  put_block (self, out, LABEL_WHAT, what);
  put_block (self, out, LABEL_TODO, todo);
}

/* "PATH: sentence", then a line for each further kind of record. */
static void
put_heading (const TextPrinter *self, GString *out, const char *input_shown, ModoriReport *report)
{
  guint counts[N_OUTCOMES] = { 0 };
  gboolean first = TRUE;

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    counts[outcome_of (modori_report_get_record (report, i))]++;
  for (guint o = 0; o < N_OUTCOMES; o++)
    {
      const char *format;

      if (counts[o] == 0)
        continue;
      format = strcmp (self->options.lang, "ja") == 0 ? headings_ja[o] : headings_en[o][counts[o] != 1];
      g_string_append_printf (out, "%s%s", first ? input_shown : "", first ? ": " : "  ");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"   /* a format from our own table */
      g_string_append_printf (out, format, counts[o]);
#pragma GCC diagnostic pop
      g_string_append_c (out, '\n');
      first = FALSE;
    }
}

static char *
text_render (Printer *printer, const char *input, ModoriReport *report)
{
  const TextPrinter *self = (const TextPrinter *) printer;
  guint n = modori_report_get_n_records (report);
  g_autofree char *input_shown = escape_line (input);
  GString *out = g_string_new (NULL);

  if (n == 0)
    {
      g_string_append_printf (out, "%s: %s\n", input_shown, self->labels[LABEL_NONE_FOUND]);
      return g_string_free (out, FALSE);
    }
  put_heading (self, out, input_shown, report);
  for (guint i = 0; i < n; i++)
    print_record (self, out, modori_report_get_record (report, i));
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static void
text_write (Printer *printer, const char *text)
{
  fputs (text, ((TextPrinter *) printer)->options.out);
}

static void
text_finish (Printer *printer)
{
  fflush (((TextPrinter *) printer)->options.out);
}

static void
text_free (Printer *printer)
{
  g_free (printer);
}

Printer *
printer_text_new (const PrinterOptions *options)
{
  TextPrinter *self = g_new0 (TextPrinter, 1);

  self->base.render = text_render;
  self->base.write = text_write;
  self->base.finish = text_finish;
  self->base.free = text_free;
  self->options = *options;
  self->labels = strcmp (options->lang, "ja") == 0 ? labels_ja : labels_en;
  return &self->base;
}
