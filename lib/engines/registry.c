/* registry.c: every engine, in the order they are tried; the first whose
 * signature, sniff() and parse() all succeed decodes the message.
 *
 * The signatures (engine.h) are checked against one pass over the
 * message's headers, each header's values searched once for all the
 * engines (index.h): an engine whose signature fails is passed over and
 * its sniff never called. The index leaves engines out, never reorders
 * them: the first to decode is the one the whole table would find.
 *
 * Order constraints:
 * - exim (and the Exim-derived mailru, mxlogic, yandex) before rfc3464:
 *   the delivery report Exim attaches says only 5.0.0 and lacks local
 *   errors, which its text names; mxlogic before exim, which it imitates.
 * - Standard reports before the text formats that do not sniff headers.
 * - ezweb before kddi; googlegroups before gmail; gmx before einsundeins;
 *   mfilter before qmail (same subjects, narrower sniff first).
 * - x5 runs this table (itself left out) on the bounce it carries as an
 *   attachment.
 * - v5sendmail and postfix know only the Subject: after the engines that
 *   sniff headers of their own (activehunter, biglobe write sendmail-like text).
 * - rfc3464_text last but one: a report flattened into text is read from
 *   its fields only when no engine knows the text around them.
 * - freeform last: it reads any text that names failed recipients. */
#include "../engine.h"
#include "index.h"
#include "text-bounce.h"

extern const ModoriEngine _modori_engine_activehunter;
extern const ModoriEngine _modori_engine_amazonses;
extern const ModoriEngine _modori_engine_amazonworkmail;
extern const ModoriEngine _modori_engine_apachejames;
extern const ModoriEngine _modori_engine_arf;
extern const ModoriEngine _modori_engine_biglobe;
extern const ModoriEngine _modori_engine_domino;
extern const ModoriEngine _modori_engine_dragonfly;
extern const ModoriEngine _modori_engine_einsundeins;
extern const ModoriEngine _modori_engine_exchange2003;
extern const ModoriEngine _modori_engine_exim;
extern const ModoriEngine _modori_engine_ezweb;
extern const ModoriEngine _modori_engine_fml;
extern const ModoriEngine _modori_engine_freeform;
extern const ModoriEngine _modori_engine_gmail;
extern const ModoriEngine _modori_engine_gmx;
extern const ModoriEngine _modori_engine_googlegroups;
extern const ModoriEngine _modori_engine_hmailserver;
extern const ModoriEngine _modori_engine_imailserver;
extern const ModoriEngine _modori_engine_kddi;
extern const ModoriEngine _modori_engine_mailfoundry;
extern const ModoriEngine _modori_engine_mailmarshal;
extern const ModoriEngine _modori_engine_mailru;
extern const ModoriEngine _modori_engine_mfilter;
extern const ModoriEngine _modori_engine_mxlogic;
extern const ModoriEngine _modori_engine_notes;
extern const ModoriEngine _modori_engine_opensmtpd;
extern const ModoriEngine _modori_engine_postfix;
extern const ModoriEngine _modori_engine_qmail;
extern const ModoriEngine _modori_engine_rfc3464;
extern const ModoriEngine _modori_engine_rfc3464_text;
extern const ModoriEngine _modori_engine_rfc3834;
extern const ModoriEngine _modori_engine_trendmicro;
extern const ModoriEngine _modori_engine_v5sendmail;
extern const ModoriEngine _modori_engine_verizon;
extern const ModoriEngine _modori_engine_x1;
extern const ModoriEngine _modori_engine_x2;
extern const ModoriEngine _modori_engine_x3;
extern const ModoriEngine _modori_engine_x5;
extern const ModoriEngine _modori_engine_x6;
extern const ModoriEngine _modori_engine_yahoo;
extern const ModoriEngine _modori_engine_yandex;
extern const ModoriEngine _modori_engine_zoho;

const ModoriEngine *const _modori_engines[] = {
  &_modori_engine_yandex,
  &_modori_engine_mailru,
  &_modori_engine_mxlogic,
  &_modori_engine_exim,
  /* Standard reports. */
  &_modori_engine_rfc3464,
  /* Feedback reports (RFC 5965, JMRP): a multipart structure no bounce has. */
  &_modori_engine_arf,
  /* Formats recognized by their own headers or fixed phrases. */
  &_modori_engine_activehunter,
  &_modori_engine_apachejames,
  &_modori_engine_biglobe,
  &_modori_engine_domino,
  &_modori_engine_exchange2003,
  &_modori_engine_ezweb,
  &_modori_engine_kddi,
  &_modori_engine_fml,
  &_modori_engine_mailfoundry,
  &_modori_engine_mailmarshal,
  &_modori_engine_notes,
  &_modori_engine_googlegroups,
  &_modori_engine_gmail,
  &_modori_engine_yahoo,
  &_modori_engine_zoho,
  &_modori_engine_gmx,
  &_modori_engine_einsundeins,
  &_modori_engine_verizon,
  &_modori_engine_amazonworkmail,
  &_modori_engine_amazonses,
  &_modori_engine_x3,
  &_modori_engine_x5,
  &_modori_engine_mfilter,
  &_modori_engine_trendmicro,
  &_modori_engine_qmail,
  &_modori_engine_x1,
  &_modori_engine_x2,
  &_modori_engine_x6,
  &_modori_engine_dragonfly,
  &_modori_engine_opensmtpd,
  &_modori_engine_imailserver,
  &_modori_engine_hmailserver,
  /* Generic text formats, matched by Subject, confirmed by fixed phrases. */
  &_modori_engine_v5sendmail,
  &_modori_engine_postfix,
  /* Delivery-status fields written out as text: after every format. */
  &_modori_engine_rfc3464_text,
  /* Free-form text from any mail system: after every known format. */
  &_modori_engine_freeform,
  /* Auto-replies: bounces carry Auto-Submitted too, so only what no
   * bounce format took. */
  &_modori_engine_rfc3834,
  NULL,
};

/* Made on first use and kept: the table never changes. */
static const ModoriEngineIndex *
engine_index (void)
{
  static gsize index = 0;

  if (g_once_init_enter (&index))
    g_once_init_leave (&index, (gsize) _modori_engine_index_new (_modori_engines));
  return (const ModoriEngineIndex *) index;
}

void
_modori_engines_prepare (void)
{
  engine_index ();
  _modori_freeform_prepare ();
  _modori_text_bounce_prepare ();
}

/* Whether @engine, number @i in the table, takes the message. */
static gboolean
engine_decodes (const ModoriEngine *engine, guint i, ModoriBounce *context,
                ModoriHeaderDigest *digest, GPtrArray *records)
{
  guint first = records->len;

  if (!_modori_engine_index_is_candidate (engine_index (), digest, i))
    return FALSE;
  if ((engine->sniff == NULL || engine->sniff (context)) &&
      engine->parse (context, records) && records->len > first)
    return TRUE;
  g_ptr_array_set_size (records, first);
  return FALSE;
}

gboolean
_modori_engines_decode (ModoriBounce *context, const ModoriEngine *skip, GPtrArray *records)
{
  ModoriHeaderDigest *digest = _modori_header_digest_new (engine_index (), _modori_bounce_get_message (context));
  gboolean decoded = FALSE;

  for (guint i = 0; _modori_engines[i] && !decoded; i++)
    if (_modori_engines[i] != skip)
      decoded = engine_decodes (_modori_engines[i], i, context, digest, records);
  _modori_header_digest_free (digest);
  return decoded;
}
