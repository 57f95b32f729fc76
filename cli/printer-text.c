/* printer-text.c: plain-language output for people, through the text
 * sprinter: wrapped to the terminal with East Asian widths and Japanese
 * line breaking, and what the bounce or the file name says escaped
 * first (escape.h), so that the widths are those of what is shown. */
#include <string.h>

#include "outcome.h"
#include "printer.h"

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

static const char *const *
labels_for (const PrinterOptions *options)
{
  return strcmp (options->lang, "ja") == 0 ? labels_ja : labels_en;
}

static const char *
step_words (const PrinterOptions *options, const char *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (strcmp (steps[i].command, command) == 0)
      return strcmp (options->lang, "ja") == 0 ? steps[i].ja : steps[i].en;
  return command;
}

/* "Label: value" two spaces in, wrapped; left out when empty. */
static void
put_field (Sprinter *sp, const char *const *labels, Label label, const char *value)
{
  sp->map_key (sp, labels[label]);
  sp->string (sp, value);
}

/* "Label:" and the text four spaces in, wrapped. */
static void
put_block (Sprinter *sp, const char *const *labels, Label label, const char *text)
{
  sp->map_key (sp, labels[label]);
  sp->text (sp, text);
}

/* A blank line, "Recipient: address", and the record's fields below. */
static void
print_record (const PrinterOptions *options, Sprinter *sp, ModoriRecord *record)
{
  const char *const *labels = labels_for (options);
  const char *lang = options->lang;
  ModoriReason reason = modori_record_get_reason (record);
  Outcome outcome = outcome_of (record);
  const char *title = modori_guidance_for_reason (reason, lang, MODORI_GUIDANCE_TITLE);
  const char *sent_to = outcome_sent_to (record);
  const char *recipient = modori_record_get_recipient (record);
  const char *command = modori_record_get_command (record);
  g_autofree char *reason_line = NULL, *subject = NULL;
  g_autofree char *what = NULL, *todo = NULL;

  sp->separator (sp);
  sp->begin_map (sp);
  sp->map_key (sp, labels[LABEL_RECIPIENT]);
  sp->string (sp, sent_to[0] ? sent_to : labels[LABEL_NO_RECIPIENT]);
  sp->begin_map (sp);
  /* The sender typed the alias; the address that failed is where it
   * was forwarded. */
  if (sent_to != recipient)
    put_field (sp, labels, LABEL_FORWARDED_TO, recipient);
  put_field (sp, labels, LABEL_SUGGESTION, modori_record_get_suggestion (record));
  reason_line = options->why ? g_strdup_printf ("%s (%s)", title ? title : "", modori_reason_to_string (reason))
                             : g_strdup (title ? title : "");
  put_field (sp, labels, outcome == OUTCOME_FAILED || outcome == OUTCOME_DELAYED ? LABEL_REASON : LABEL_NOTICE,
             reason_line);
  put_field (sp, labels, LABEL_STATUS, modori_record_get_delivery_status (record));
  put_field (sp, labels, LABEL_REPLY, modori_record_get_reply_code (record));
  if (command[0])
    put_field (sp, labels, LABEL_COMMAND, step_words (options, command));
  if (modori_record_get_field (record, "subject")[0])
    {
      subject = g_strdup_printf (strcmp (lang, "ja") == 0 ? "「%s」" : "\"%s\"",
                                 modori_record_get_field (record, "subject"));
      put_field (sp, labels, LABEL_ORIGINAL, subject);
    }
  if (options->why)
    put_field (sp, labels, LABEL_SUGGEST_WHY, modori_record_get_field (record, "reasonby"));
  put_block (sp, labels, LABEL_SERVER_SAID, modori_record_get_diagnostic_code (record));

  /* The finer case (a hint) replaces the reason's general words, which
   * can mislead (a comma in the domain is no "unknown user name"). */
  what = modori_guidance_for_record (record, lang, MODORI_GUIDANCE_WHAT);
  todo = modori_guidance_for_record (record, lang, MODORI_GUIDANCE_TODO);
  put_block (sp, labels, LABEL_WHAT, what);
  put_block (sp, labels, LABEL_TODO, todo);
  sp->end (sp);
  sp->end (sp);
}

/* "PATH: sentence", then a line for each further kind of record. */
static void
put_heading (const PrinterOptions *options, Sprinter *sp, const char *input, ModoriReport *report)
{
  guint counts[N_OUTCOMES] = { 0 };
  gboolean first = TRUE;

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    counts[outcome_of (modori_report_get_record (report, i))]++;
  for (guint o = 0; o < N_OUTCOMES; o++)
    {
      const char *format;
      g_autofree char *sentence = NULL, *line = NULL;

      if (counts[o] == 0)
        continue;
      format = strcmp (options->lang, "ja") == 0 ? headings_ja[o] : headings_en[o][counts[o] != 1];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"   /* a format from our own table */
      sentence = g_strdup_printf (format, counts[o]);
#pragma GCC diagnostic pop
      line = g_strconcat (first ? input : "", first ? ": " : "  ", sentence, NULL);
      sp->string (sp, line);
      first = FALSE;
    }
}

void
printer_text_render (const PrinterOptions *options, Sprinter *sp, const char *input, ModoriReport *report)
{
  guint n = modori_report_get_n_records (report);

  if (n == 0)
    {
      g_autofree char *line = g_strconcat (input, ": ", labels_for (options)[LABEL_NONE_FOUND], NULL);
      sp->string (sp, line);
      return;
    }
  put_heading (options, sp, input, report);
  for (guint i = 0; i < n; i++)
    print_record (options, sp, modori_report_get_record (report, i));
  sp->separator (sp);
}
