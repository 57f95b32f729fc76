/* printer-text.c: plain-language output for people, through the text
 * sprinter: wrapped to the terminal with East Asian widths and Japanese
 * line breaking, and what the bounce or the file name says escaped
 * first (escape.h), so that the widths are those of what is shown. */
#include <string.h>

#include "catalog.h"
#include "outcome.h"
#include "printer.h"

/* The program's own words come from its catalog (catalog.ini), the
 * explanations from the library's. Identifiers (reason names,
 * evidence) are shown only with --why. */

/* The SMTP step that failed, in words (the catalog's [step]); the
 * command itself when the catalog does not name it. */
static const char *
step_words (const char *lang, const char *command)
{
  g_autofree char *id = g_strconcat ("step/", command, NULL);
  const char *words = catalog_find (lang, id);

  return words ? words : command;
}

/* "Label: value" two spaces in, wrapped; left out when empty. */
static void
put_field (Sprinter *sp, const char *lang, const char *label, const char *value)
{
  sp->map_key (sp, catalog_get (lang, label));
  sp->string (sp, value);
}

/* "Label:" and the text four spaces in, wrapped. */
static void
put_block (Sprinter *sp, const char *lang, const char *label, const char *text)
{
  sp->map_key (sp, catalog_get (lang, label));
  sp->text (sp, text);
}

/* A blank line, "Recipient: address", and the record's fields below. */
static void
print_record (const PrinterOptions *options, Sprinter *sp, ModoriRecord *record)
{
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
  sp->map_key (sp, catalog_get (lang, "label/recipient"));
  sp->string (sp, sent_to[0] ? sent_to : catalog_get (lang, "label/no-recipient"));
  sp->begin_map (sp);
  /* The sender typed the alias; the address that failed is where it
   * was forwarded. */
  if (sent_to != recipient)
    put_field (sp, lang, "label/forwarded-to", recipient);
  put_field (sp, lang, "label/suggestion", modori_record_get_suggestion (record));
  reason_line = options->why ? g_strdup_printf ("%s (%s)", title ? title : "", modori_reason_to_string (reason))
                             : g_strdup (title ? title : "");
  put_field (sp, lang, outcome == OUTCOME_FAILED || outcome == OUTCOME_DELAYED ? "label/reason" : "label/notice",
             reason_line);
  put_field (sp, lang, "label/status", modori_record_get_delivery_status (record));
  put_field (sp, lang, "label/reply", modori_record_get_reply_code (record));
  if (command[0])
    put_field (sp, lang, "label/command", step_words (lang, command));
  if (modori_record_get_field (record, "subject")[0])
    {
      subject = catalog_quote (lang, "label/subject", modori_record_get_field (record, "subject"));
      put_field (sp, lang, "label/original", subject);
    }
  if (options->why)
    put_field (sp, lang, "label/decided-by", modori_record_get_field (record, "reasonby"));
  put_block (sp, lang, "label/server-said", modori_record_get_diagnostic_code (record));

  /* The finer case (a hint) replaces the reason's general words, which
   * can mislead (a comma in the domain is no "unknown user name"). */
  what = modori_guidance_for_record (record, lang, MODORI_GUIDANCE_WHAT);
  todo = modori_guidance_for_record (record, lang, MODORI_GUIDANCE_TODO);
  put_block (sp, lang, "label/what", what);
  put_block (sp, lang, "label/todo", todo);
  sp->end (sp);
  sp->end (sp);
}

/* "PATH: sentence", then a line for each further kind of record. */
static void
put_heading (const PrinterOptions *options, Sprinter *sp, const char *input, ModoriReport *report)
{
  /* The catalog's [heading] for each kind of record. */
  static const char *const headings[N_OUTCOMES] = {
    [OUTCOME_FAILED] = "heading/failed",
    [OUTCOME_DELAYED] = "heading/delayed",
    [OUTCOME_DELIVERED] = "heading/delivered",
    [OUTCOME_FEEDBACK] = "heading/feedback",
    [OUTCOME_AUTOREPLY] = "heading/autoreply",
  };
  guint counts[N_OUTCOMES] = { 0 };
  gboolean first = TRUE;

  for (guint i = 0; i < modori_report_get_n_records (report); i++)
    counts[outcome_of (modori_report_get_record (report, i))]++;
  for (guint o = 0; o < N_OUTCOMES; o++)
    {
      g_autofree char *sentence = NULL, *line = NULL;

      if (counts[o] == 0)
        continue;
      sentence = catalog_count (options->lang, headings[o], counts[o]);
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
      g_autofree char *line = g_strconcat (input, ": ", catalog_get (options->lang, "label/none-found"), NULL);
      sp->string (sp, line);
      return;
    }
  put_heading (options, sp, input, report);
  for (guint i = 0; i < n; i++)
    print_record (options, sp, modori_report_get_record (report, i));
  sp->separator (sp);
}
