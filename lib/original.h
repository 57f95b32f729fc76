/* original.h: what the library reads of a returned original message.
 *
 * A record takes from the message that bounced its sender, recipient,
 * subject and Message-ID (and an ARF report Hotmail's original
 * recipient). They are read from the original's header block as GMime
 * reads a message's (gmime-parser.c, gmime-message.c): the addresses of
 * every From and To field, the last Subject and Message-Id, the first of
 * any other name; fields GMime would pass over are passed over; values
 * are decoded by GMime's own functions. But no GMimeMessage is made:
 * GMime makes
 * objects of every field and part it reads, some 100,000 instructions
 * for a returned header block whose fields are mostly Received and DKIM
 * lines nobody reads. */
#ifndef MODORI_ORIGINAL_H
#define MODORI_ORIGINAL_H

#include <gmime/gmime.h>

typedef struct _ModoriOriginal ModoriOriginal;

typedef enum {
  /* Parsed as a message of its own: GMime finds no message when a line
   * before the first field is no field (but an mbox "From " line). */
  MODORI_ORIGINAL_ALONE,
  /* An attached message where it stands: such lines are passed over. */
  MODORI_ORIGINAL_ATTACHED,
} ModoriOriginalPlace;

typedef enum {
  /* A field is cut to the limits of bounds.h as header-limit.c cuts one
   * (for bytes that did not come through it; a header block over its
   * limits is read whole, unlike there). */
  MODORI_ORIGINAL_LIMIT = 1 << 0,
  /* The bytes are a whole header block, as if an empty line followed
   * them; else the input ends where they end. */
  MODORI_ORIGINAL_ENDED = 1 << 1,
} ModoriOriginalFlags;

/* The header block at the start of the @length bytes at @bytes (up to
 * the first empty line), read as GMime would read it @place; NULL where
 * GMime finds no message (see above, and an input that ends in the
 * middle of a field's name). */
ModoriOriginal *_modori_original_read (const char *bytes, gsize length, ModoriOriginalPlace place,
                                       ModoriOriginalFlags flags);
/* The same fields of a message GMime parsed. */
ModoriOriginal *_modori_original_new_for_message (GMimeMessage *message);

ModoriOriginal *_modori_original_ref (ModoriOriginal *original);
void _modori_original_unref (ModoriOriginal *original);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModoriOriginal, _modori_original_unref)

/* The addresses of its From or To field (GMIME_ADDRESS_TYPE_FROM or
 * _TO); NULL if it has none. Owned by @original. */
InternetAddressList *_modori_original_get_addresses (const ModoriOriginal *original, GMimeAddressType type);
/* Its Subject and Message-ID, decoded; NULL if it has none. */
const char *_modori_original_get_subject (const ModoriOriginal *original);
const char *_modori_original_get_message_id (const ModoriOriginal *original);
/* The first X-HmXmrOriginalRecipient field's value, decoded, or NULL. */
const char *_modori_original_get_hotmail_recipient (const ModoriOriginal *original);
/* How many fields its header block has that GMime keeps on a message
 * (all but Content-*): none, and the block held no header at all. */
guint _modori_original_get_n_fields (const ModoriOriginal *original);

#endif
