/* bounds.c: enforcing bounds.h, with a warning each time. */
#include <string.h>

#include "bounds.h"

static gsize
raw_length (GMimeHeader *header)
{
  const char *raw = g_mime_header_get_raw_value (header);

  return raw ? strlen (raw) : 0;
}

gboolean
_modori_bounds_has_long_header (GMimeMessage *message)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  int n = headers ? g_mime_header_list_get_count (headers) : 0;

  for (int i = 0; i < n; i++)
    if (raw_length (g_mime_header_list_get_header_at (headers, i)) > MODORI_MAX_HEADER_BYTES)
      return TRUE;
  return FALSE;
}

static void
drop_long_headers (GMimeObject *object, gboolean drop, const char *name, ModoriReport *report)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (object);
  int n = headers ? g_mime_header_list_get_count (headers) : 0;

  for (int i = n - 1; i >= 0; i--)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (headers, i);
      gsize length = raw_length (header);

      if (length > MODORI_MAX_HEADER_BYTES)
        {
          _modori_report_add_warning (report, "%s: header %s is %" G_GSIZE_FORMAT
                                      " bytes, over the limit of %d: ignored",
                                      name, g_mime_header_get_name (header), length,
                                      MODORI_MAX_HEADER_BYTES);
          if (drop)
            g_mime_header_list_remove_at (headers, i);
        }
    }
}

/* The nesting depth of @object's multiparts, counted without recursion
 * (a hostile message may nest thousands deep); stops past @limit. */
static int
nesting_depth (GMimeObject *object, int limit)
{
  int depth = 0;

  /* Only the deepest chain matters, and a hostile chain is made of
   * multiparts whose last part is the next multipart: follow every
   * multipart child breadth first, one level at a time. */
  GPtrArray *level = g_ptr_array_new ();
  g_ptr_array_add (level, object);
  while (level->len > 0 && depth <= limit)
    {
      GPtrArray *next = g_ptr_array_new ();
      for (guint i = 0; i < level->len; i++)
        if (GMIME_IS_MULTIPART (level->pdata[i]))
          {
            GMimeMultipart *multipart = level->pdata[i];
            for (int k = 0; k < g_mime_multipart_get_count (multipart); k++)
              g_ptr_array_add (next, g_mime_multipart_get_part (multipart, k));
          }
      g_ptr_array_unref (level);
      level = next;
      if (level->len > 0)
        depth++;
    }
  g_ptr_array_unref (level);
  return depth;
}

void
_modori_bounds_check_message (GMimeMessage *message, gboolean drop, const char *name, ModoriReport *report)
{
  GMimeObject *body = g_mime_message_get_mime_part (message);

  drop_long_headers (GMIME_OBJECT (message), drop, name, report);
  if (body && nesting_depth (body, MODORI_MAX_MIME_DEPTH) > MODORI_MAX_MIME_DEPTH)
    _modori_report_add_warning (report, "%s: MIME nesting deeper than %d levels: the deeper parts are ignored",
                                name, MODORI_MAX_MIME_DEPTH);
}

void
_modori_bounds_cap_records (GPtrArray *records, const char *name, ModoriReport *report)
{
  if (records->len <= MODORI_MAX_RECIPIENTS)
    return;
  /* Engines may stop reading at the limit: the count is not known. */
  _modori_report_add_warning (report, "%s: more than %d recipients in one message: the rest are ignored",
                              name, MODORI_MAX_RECIPIENTS);
  g_ptr_array_set_size (records, MODORI_MAX_RECIPIENTS);
}
