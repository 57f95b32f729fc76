/* x5.c: an unnamed gateway that forwards a bounce it received, wrapped
 * as a message/rfc822 attachment, to "NotificationRecipients" under the
 * sender name "Mail Delivery Subsystem" (often RFC 2047-encoded).
 *
 * The wrapped message is an ordinary bounce: it is decoded by whichever
 * engine knows it, and the original is the one that bounce returns. */
#include <string.h>

#include "../text.h"
#include "text-bounce.h"

extern const ModoriEngine _modori_engine_x5;

static const char *const recipients[] = { "NotificationRecipients", NULL };
static const ModoriHeaderFact x5_marks[] = {
  { "To", recipients },
  { NULL },
};
static const ModoriSignature signature = { .all = x5_marks };

static gboolean
x5_sniff (ModoriBounce *context)
{
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  InternetAddressList *from = g_mime_message_get_from (bounce);
  InternetAddress *sender;
  const char *name;

  if (from == NULL || internet_address_list_length (from) == 0)
    return FALSE;
  /* The decoded display name. */
  sender = internet_address_list_get_address (from, 0);
  name = internet_address_get_name (sender);
  return name && strstr (name, "Mail Delivery Subsystem");
}

static gboolean
x5_parse (ModoriBounce *context, GPtrArray *records)
{
  GMimeMessage *inner = _modori_bounce_get_whole_original (context);
  ModoriBounce *inner_context;
  ModoriOriginal *original;
  guint first = records->len;

  if (inner == NULL)
    return FALSE;
  /* The wrapped message is read through its own context. */
  inner_context = _modori_bounce_new (inner);
  _modori_engines_decode (inner_context, &_modori_engine_x5, records);

  /* Else the analyzer would take the wrapped bounce for the original. */
  original = _modori_bounce_get_original (inner_context);
  for (guint i = first; i < records->len; i++)
    {
      ModoriRecord *record = g_ptr_array_index (records, i);
      if (_modori_record_is_set (record, FIELD_ADDRESSER))
        ;
      else if (original)
        _modori_engine_set_original (record, original);
      else
        {
          /* The wrapped bounce went to the original's sender. */
          InternetAddressList *to = g_mime_message_get_to (inner);
          InternetAddress *address = to && internet_address_list_length (to) > 0 ? internet_address_list_get_address (to, 0) : NULL;
          if (address && INTERNET_ADDRESS_IS_MAILBOX (address))
            _modori_record_take (record, FIELD_ADDRESSER,
                                 _modori_address_clean (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address))));
        }
      _modori_record_set (record, FIELD_DECODEDBY, "x5");
    }
  _modori_bounce_free (inner_context);
  return records->len > first;
}

const ModoriEngine _modori_engine_x5 = {
  .name = "x5",
  .sniff = x5_sniff,
  .parse = x5_parse,
  .signature = &signature,
};
