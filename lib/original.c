/* original.c: a returned original's identity, read from its header block
 * as GMime reads one. */
#include <string.h>

#include "bounds.h"
#include "mime-util.h"
#include "original.h"

/* Exported by GMime 3.2 and documented in its internet-address.c, but
 * missing from the header: what GMimeMessage fills its lists with (a
 * list parsed as far as it goes, where internet_address_list_parse()
 * gives none when the end does not parse). */
void internet_address_list_append_parse (InternetAddressList *list, GMimeParserOptions *options,
                                         const char *str);

/* A From or To list, parsed when first asked for: most records take
 * only the From, and a list of GObjects costs ~10,000 instructions to
 * make and free. */
typedef struct {
  InternetAddressList *list;   /* nullable */
  char **values;               /* the fields' raw values, in order, till parsed */
  guint n_values;
} Addresses;

struct _ModoriOriginal {
  gint ref_count;
  Addresses from, to;
  char *subject;               /* nullable */
  char *message_id;            /* nullable */
  char *hotmail_recipient;     /* nullable */
  guint n_fields;
};

/* The fields read, by GMime's names for them (gmime-message.c). */
typedef enum {
  OTHER_FIELD,
  FROM_FIELD,
  TO_FIELD,
  SUBJECT_FIELD,
  MESSAGE_ID_FIELD,
  HOTMAIL_FIELD,
} Field;

static Field
field_named (const char *name, gsize length)
{
  static const struct {
    const char *name;
    Field field;
  } fields[] = {
    { "From", FROM_FIELD },
    { "To", TO_FIELD },
    { "Subject", SUBJECT_FIELD },
    { "Message-Id", MESSAGE_ID_FIELD },
    { "X-HmXmrOriginalRecipient", HOTMAIL_FIELD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strlen (fields[i].name) == length && g_ascii_strncasecmp (name, fields[i].name, length) == 0)
      return fields[i].field;
  return OTHER_FIELD;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Where the field name on the line at @line ends: the offset of its
 * colon; -1 when GMime takes the line for no field (gmime-parser.c,
 * step_headers(): blanks only between the name and the colon, no control
 * character, a name before the colon); -2 when the @length bytes end
 * before the name does. */
static gssize
field_colon (const char *line, gsize length)
{
  gboolean blank = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      unsigned char c = line[i];

      if (c == ':')
        return i == 0 ? -1 : (gssize) i;
      if (is_blank (c))
        blank = TRUE;
      else if (blank || c < 32 || c == 127)
        return -1;
    }
  return -2;
}

/* Takes the field of @length bytes at @field, whose name ends at @colon,
 * into @original. */
static void
take_field (ModoriOriginal *original, const char *field, gsize length, gsize colon, gboolean limit)
{
  gsize name_length = colon;
  char *raw, *decoded;
  Field which;

  /* A name the limits cut leaves a line GMime takes for no field. */
  if (limit && colon + 1 >= MODORI_MAX_HEADER_BYTES)
    return;
  while (name_length > 0 && is_blank (field[name_length - 1]))
    name_length--;
  /* GMime keeps Content-* fields on the message's body part. */
  if (name_length < 8 || g_ascii_strncasecmp (field, "Content-", 8) != 0)
    original->n_fields++;
  which = field_named (field, name_length);
  if (which == OTHER_FIELD || (which == HOTMAIL_FIELD && original->hotmail_recipient))
    return;
  /* Cut as header-limit.c cuts a field: its first bytes, the line ended. */
  if (limit && length > MODORI_MAX_HEADER_BYTES)
    {
      gsize kept = MODORI_MAX_HEADER_BYTES;
      gboolean mid_line = field[kept - 1] != '\n';

      raw = g_strdup_printf ("%.*s%s", (int) (kept - colon - 1), field + colon + 1, mid_line ? "\n" : "");
    }
  else
    raw = g_strndup (field + colon + 1, length - colon - 1);   /* up to a NUL, as GMime's */
  switch (which)
    {
    case FROM_FIELD:
    case TO_FIELD:
      {
        /* Parsed when asked for: _modori_original_get_addresses(). */
        Addresses *addresses = which == FROM_FIELD ? &original->from : &original->to;

        addresses->values = g_renew (char *, addresses->values, addresses->n_values + 1);
        addresses->values[addresses->n_values++] = g_steal_pointer (&raw);
        break;
      }
    default:
      /* g_mime_header_get_value(): unfolded, encoded words decoded. */
      decoded = _modori_mime_decode_raw_value (raw);
      if (which == SUBJECT_FIELD)
        {
          g_free (original->subject);
          original->subject = g_steal_pointer (&decoded);
        }
      else if (which == MESSAGE_ID_FIELD)
        {
          g_free (original->message_id);
          original->message_id = g_mime_utils_decode_message_id (decoded);
        }
      else
        original->hotmail_recipient = g_steal_pointer (&decoded);
      g_free (decoded);
      break;
    }
  g_free (raw);
}

/* Whether the line at @line is an mbox "From " line, which GMime passes
 * over at a message's start (gmime-parser.c, is_mbox_marker()). */
static gboolean
is_from_line (const char *line, gsize length)
{
  if (length > 0 && line[0] == '>')
    line++, length--;
  return length >= 5 && strncmp (line, "From ", 5) == 0;
}

ModoriOriginal *
_modori_original_read (const char *bytes, gsize length, ModoriOriginalPlace place,
                       ModoriOriginalFlags flags)
{
  gboolean limit = (flags & MODORI_ORIGINAL_LIMIT) != 0;
  ModoriOriginal *original = g_new0 (ModoriOriginal, 1);
  const char *p = bytes, *end = bytes + length;
  /* The field being read, as GMime holds it until the next line shows it
   * is not continued: NULL, or its start, and its colon (-1: no field). */
  const char *field = NULL;
  gssize colon = -1;
  guint parsed = 0;           /* fields read, of any name and validity */

  original->ref_count = 1;
  /* GMime finds no message in no bytes. */
  if (length == 0 && !(flags & MODORI_ORIGINAL_ENDED))
    {
      _modori_original_unref (original);
      return NULL;
    }
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *next = nl ? nl + 1 : end;

      /* An empty line ends the header block. */
      if (p[0] == '\n' || (p[0] == '\r' && next - p == 2 && nl))
        break;
      if (field && is_blank (p[0]))
        {
          p = next;
          continue;
        }
      if (field && colon >= 0)
        take_field (original, field, p - field, colon, limit), parsed++;
      field = NULL;
      colon = field_colon (p, next - p);
      /* Bytes given as a whole header block end its last line. */
      if (colon == -2 && (flags & MODORI_ORIGINAL_ENDED))
        colon = -1;
      if (colon == -2)
        {
          /* The input ends in the middle of a field's name: GMime finds no
           * message. */
          _modori_original_unref (original);
          return NULL;
        }
      if (colon < 0 && parsed == 0)
        {
          /* Before the first field, a line that is none: alone, GMime
           * fails the message, but for an mbox "From " line; attached,
           * passes over it. */
          if (place == MODORI_ORIGINAL_ALONE && !is_from_line (p, next - p))
            {
              _modori_original_unref (original);
              return NULL;
            }
          p = next;
          continue;
        }
      /* A line that is no field, after one: GMime holds it with its
       * continuation lines, then drops them. */
      field = p;
      p = next;
    }
  if (field && colon >= 0)
    take_field (original, field, p - field, colon, limit);
  return original;
}

ModoriOriginal *
_modori_original_new_for_message (GMimeMessage *message)
{
  ModoriOriginal *original = g_new0 (ModoriOriginal, 1);
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  InternetAddressList *from = g_mime_message_get_from (message);
  InternetAddressList *to = g_mime_message_get_to (message);

  original->ref_count = 1;
  original->from.list = from ? g_object_ref (from) : NULL;
  original->to.list = to ? g_object_ref (to) : NULL;
  original->subject = g_strdup (g_mime_message_get_subject (message));
  original->message_id = g_strdup (g_mime_message_get_message_id (message));
  original->hotmail_recipient = g_strdup (g_mime_object_get_header (GMIME_OBJECT (message),
                                                                    "X-HmXmrOriginalRecipient"));
  original->n_fields = headers ? g_mime_header_list_get_count (headers) : 0;
  return original;
}

ModoriOriginal *
_modori_original_ref (ModoriOriginal *original)
{
  original->ref_count++;
  return original;
}

static void
addresses_clear (Addresses *addresses)
{
  g_clear_object (&addresses->list);
  for (guint i = 0; i < addresses->n_values; i++)
    g_free (addresses->values[i]);
  g_clear_pointer (&addresses->values, g_free);
}

void
_modori_original_unref (ModoriOriginal *original)
{
  if (original == NULL || --original->ref_count > 0)
    return;
  addresses_clear (&original->from);
  addresses_clear (&original->to);
  g_free (original->subject);
  g_free (original->message_id);
  g_free (original->hotmail_recipient);
  g_free (original);
}

InternetAddressList *
_modori_original_get_addresses (const ModoriOriginal *original, GMimeAddressType type)
{
  /* Parsing on demand fills a cache; the identity read does not change. */
  Addresses *addresses = (Addresses *) (type == GMIME_ADDRESS_TYPE_FROM ? &original->from :
                                        type == GMIME_ADDRESS_TYPE_TO ? &original->to : NULL);

  if (addresses == NULL)
    return NULL;
  if (addresses->values)
    {
      /* The addresses of all such fields, in order (gmime-message.c,
       * message_update_addresses()). */
      addresses->list = internet_address_list_new ();
      for (guint i = 0; i < addresses->n_values; i++)
        {
          internet_address_list_append_parse (addresses->list, _modori_mime_parser_options (),
                                              addresses->values[i]);
          g_free (addresses->values[i]);
        }
      g_clear_pointer (&addresses->values, g_free);
      addresses->n_values = 0;
    }
  return addresses->list;
}

const char *
_modori_original_get_subject (const ModoriOriginal *original)
{
  return original->subject;
}

const char *
_modori_original_get_message_id (const ModoriOriginal *original)
{
  return original->message_id;
}

const char *
_modori_original_get_hotmail_recipient (const ModoriOriginal *original)
{
  return original->hotmail_recipient;
}

guint
_modori_original_get_n_fields (const ModoriOriginal *original)
{
  return original->n_fields;
}
