/* bounce.c: one message as the engines read it, and what they make of it
 * once. */
#include "bounce.h"
#include "mime-util.h"

struct _ModoriBounce {
  GMimeMessage *message;      /* borrowed */
  /* The engine that reads a bounce's text and the analyzer that completes
   * its records each want it: decoded and converted once. */
  gboolean have_first_text;
  char *first_text;           /* nullable: the message has none */
  /* Engines that read it and the analyzer each looked for it, and parsed
   * a returned header block, again. */
  gboolean have_original;
  GMimeMessage *original;     /* nullable */
};

ModoriBounce *
_modori_bounce_new (GMimeMessage *message)
{
  ModoriBounce *bounce = g_new0 (ModoriBounce, 1);

  bounce->message = message;
  return bounce;
}

void
_modori_bounce_free (ModoriBounce *bounce)
{
  if (bounce == NULL)
    return;
  g_free (bounce->first_text);
  g_clear_object (&bounce->original);
  g_free (bounce);
}

GMimeMessage *
_modori_bounce_get_message (const ModoriBounce *bounce)
{
  return bounce->message;
}

const char *
_modori_bounce_get_first_text (ModoriBounce *bounce)
{
  if (!bounce->have_first_text)
    {
      bounce->first_text = _modori_mime_first_text (bounce->message);
      bounce->have_first_text = TRUE;
    }
  return bounce->first_text;
}

GMimeMessage *
_modori_bounce_get_original (ModoriBounce *bounce)
{
  if (!bounce->have_original)
    {
      bounce->original = _modori_mime_find_original (bounce->message);
      bounce->have_original = TRUE;
    }
  return bounce->original;
}
