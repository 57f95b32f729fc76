/* verizon.c: Verizon Wireless' MMS gateway (vzwpix.com) refusals:
 *
 *   Message could not be delivered to mobile.
 *   Error: No valid recipients for this MM
 *   Original Message:
 *   From: ...
 *   To: 0000000000@vzwpix.com
 *
 * The recipient is named only in the returned headers. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

static const char *const original_markers[] = { "Original Message:", NULL };
static const char *const gateway[] = { "vzwpix.com", NULL };

static const ModoriHeaderFact verizon_marks[] = {
  { "From", gateway },
  { NULL },
};
static const ModoriSignature signature = { .all = verizon_marks };

static gboolean
verizon_parse (ModoriBounce *context, GPtrArray *records)
{
  TextBounce text;
  const char *error;
  char *diagnostic = NULL;
  InternetAddressList *to;
  guint before = records->len;

  if (!_modori_text_bounce_read (context, original_markers, &text))
    return FALSE;
  if (text.original == NULL ||
      _modori_text_find_nocase (text.report, "could not be delivered") == NULL)
    {
      _modori_text_bounce_clear (&text);
      return FALSE;
    }
  if ((error = _modori_text_find_nocase (text.report, "Error:")) != NULL)
    {
      error += strlen ("Error:");
      diagnostic = g_strndup (error, strcspn (error, "\n"));
    }

  to = (text.original ? _modori_original_get_addresses (text.original, GMIME_ADDRESS_TYPE_TO) : NULL);
  for (int i = 0; to && i < internet_address_list_length (to); i++)
    {
      InternetAddress *address = internet_address_list_get_address (to, i);
      ModoriRecord *record;

      if (!INTERNET_ADDRESS_IS_MAILBOX (address))
        continue;
      record = _modori_engine_add_record (records, "verizon",
                                          internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)),
                                          diagnostic);
      _modori_record_set (record, FIELD_ACTION, "failed");
      _modori_engine_set_original (record, text.original);
    }

  g_free (diagnostic);
  _modori_text_bounce_clear (&text);
  return records->len > before;
}

const ModoriEngine _modori_engine_verizon = {
  .name = "verizon",
  .signature = &signature,
  .parse = verizon_parse,
};
