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
