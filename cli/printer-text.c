/* printer-text.c: plain-language output for people, wrapped to the
 * terminal with East Asian widths and Japanese line breaking. What the
 * bounce or the file name says is escaped first (escape.h), so that the
 * widths are those of what is shown. */
#include <string.h>

#include "escape.h"
#include "printer.h"
#include "wrap.h"

typedef enum {
  LABEL_RECIPIENT,
  LABEL_REASON,
  LABEL_STATUS,
  LABEL_REPLY,
  LABEL_COMMAND,
  LABEL_SERVER_SAID,
  LABEL_WHAT,
  LABEL_TODO,
  LABEL_SUGGEST_WHY,
  LABEL_NONE_FOUND,
  LABEL_COUNT,
  LABEL_ORIGINAL,
  LABEL_SUGGESTION,
  N_LABELS
} Label;

/* The program's own words; the explanations come from the library. */
static const char *const labels_ja[N_LABELS] = {
  [LABEL_RECIPIENT] = "宛先",
  [LABEL_REASON] = "原因",
  [LABEL_STATUS] = "ステータス",
  [LABEL_REPLY] = "応答コード",
  [LABEL_COMMAND] = "失敗した段階",
  [LABEL_SERVER_SAID] = "相手のサーバーからの返答",
  [LABEL_WHAT] = "何が起きたか",
  [LABEL_TODO] = "どうすればよいか",
  [LABEL_SUGGEST_WHY] = "判定の根拠",
  [LABEL_NONE_FOUND] = "配送エラーの報告は見つかりませんでした。",
  [LABEL_COUNT] = "件のメールが届きませんでした。",
  [LABEL_ORIGINAL] = "元のメール",
  [LABEL_SUGGESTION] = "正しいと思われるアドレス",
};

static const char *const labels_en[N_LABELS] = {
  [LABEL_RECIPIENT] = "Recipient",
  [LABEL_REASON] = "Reason",
  [LABEL_STATUS] = "Status",
  [LABEL_REPLY] = "Reply code",
  [LABEL_COMMAND] = "Failed at",
  [LABEL_SERVER_SAID] = "The receiving server said",
  [LABEL_WHAT] = "What happened",
  [LABEL_TODO] = "What to do",
  [LABEL_SUGGEST_WHY] = "Decided by",
  [LABEL_NONE_FOUND] = "No delivery failure report found.",
  [LABEL_COUNT] = " recipient(s) did not receive the message.",
  [LABEL_ORIGINAL] = "Original message",
  [LABEL_SUGGESTION] = "Suggested address",
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

static void
print_record (const TextPrinter *self, GString *out, ModoriRecord *record)
{
  const char *lang = self->options.lang;
  ModoriReason reason = modori_record_get_reason (record);
  const char *hint = modori_record_get_hint (record);
  const char *title = modori_guidance_for_reason (reason, lang, MODORI_GUIDANCE_TITLE);
  g_autofree char *reason_line = g_strdup_printf ("%s (%s)", title ? title : "", modori_reason_to_string (reason));
  const char *recipient = modori_record_get_recipient (record);
  g_autofree char *recipient_shown = escape_line (recipient[0] ? recipient : "?");
  g_autofree char *subject = NULL;

  g_string_append_printf (out, "\n%s: %s\n", self->labels[LABEL_RECIPIENT], recipient_shown);
  put_field (self, out, LABEL_SUGGESTION, modori_record_get_suggestion (record));
  put_field (self, out, LABEL_REASON, reason_line);
  put_field (self, out, LABEL_STATUS, modori_record_get_delivery_status (record));
  put_field (self, out, LABEL_REPLY, modori_record_get_reply_code (record));
  put_field (self, out, LABEL_COMMAND, modori_record_get_command (record));
  if (modori_record_get_field (record, "subject")[0])
    {
      subject = g_strdup_printf (strcmp (lang, "ja") == 0 ? "「%s」" : "\"%s\"",
                                 modori_record_get_field (record, "subject"));
      put_field (self, out, LABEL_ORIGINAL, subject);
    }
  if (self->options.why)
    put_field (self, out, LABEL_SUGGEST_WHY, modori_record_get_field (record, "reasonby"));
  put_block (self, out, LABEL_SERVER_SAID, modori_record_get_diagnostic_code (record));

  if (hint[0] != '\0')
    {
      /* The finer case replaces the reason's general words, which can
       * mislead (a comma in the domain is no "unknown user name"). */
      put_block (self, out, LABEL_WHAT, modori_guidance_for_hint (hint, lang, MODORI_GUIDANCE_WHAT));
      put_block (self, out, LABEL_TODO, modori_guidance_for_hint (hint, lang, MODORI_GUIDANCE_TODO));
    }
  else
    {
      put_block (self, out, LABEL_WHAT, modori_guidance_for_reason (reason, lang, MODORI_GUIDANCE_WHAT));
      put_block (self, out, LABEL_TODO, modori_guidance_for_reason (reason, lang, MODORI_GUIDANCE_TODO));
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
  g_string_append_printf (out, "%s: %u%s\n", input_shown, n, self->labels[LABEL_COUNT]);
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
