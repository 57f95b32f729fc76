/* einsundeins.c: bounces of 1&1 (IONOS, kundenserver.de), United
 * Internet's mail system, whose layout GMX shares: gmx.c parses both. */
#include "gmx.h"
#include "text-bounce.h"

static const char *const failed_subject[] = { "Mail delivery failed", NULL };
static const char *const einsundeins_senders[] = {
  "kundenserver.de", "@1und1.", ".1und1.", "@1and1.", ".1and1.", "ionos.", NULL,
};

/* 1&1 relays mail of many domains: its own filter header tells it too. */
static const ModoriHeaderFact failed[] = {
  { "Subject", failed_subject },
  { NULL },
};
static const ModoriHeaderFact einsundeins_marks[] = {
  { "From", einsundeins_senders },
  { "X-UI-Out-Filterresults", NULL },
  { NULL },
};
static const ModoriSignature signature = { .all = failed, .any = einsundeins_marks };

/* Same layout as GMX: one parser for both. */
static gboolean
einsundeins_parse (ModoriBounce *context, GPtrArray *records)
{
  return _modori_united_internet_parse (context, records, "einsundeins");
}

const ModoriEngine _modori_engine_einsundeins = {
  .name = "einsundeins",
  .signature = &signature,
  .parse = einsundeins_parse,
};
