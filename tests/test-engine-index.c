/* test-engine-index.c: engines' signatures against one pass over a
 * message's headers (lib/engines/index.h). */
#include <string.h>

#include <gmime/gmime.h>

#include "engine.h"
#include "engines/index.h"
#include "message-text.h"

static const char *const returned[] = { "returned mail", NULL };
static const char *const daemon_sender[] = { "MAILER-DAEMON@", NULL };
static const char *const exim[] = { "(Exim ", NULL };
static const char *const nothing[] = { "nowhere", NULL };
static const char *const failure[] = { "FAILURE", NULL };
static const char *const example[] = { "example.org", NULL };

static const ModoriHeaderFact subject_facts[] = { { "Subject", returned }, { NULL } };
static const ModoriHeaderFact daemon_facts[] = { { "from", daemon_sender }, { "X-Failed-Recipients", NULL }, { NULL } };
static const ModoriHeaderFact received_facts[] = { { "Received", exim }, { NULL } };
static const ModoriHeaderFact mailer_facts[] = { { "X-Mailer", nothing }, { "X-Absent", NULL }, { NULL } };
static const ModoriHeaderFact failure_facts[] = { { "Subject", failure }, { NULL } };
static const ModoriHeaderFact either_facts[] = { { "X-Absent", NULL }, { "From", example }, { NULL } };

static const ModoriSignature by_subject = { .any = subject_facts };
static const ModoriSignature by_daemon = { .all = daemon_facts };
static const ModoriSignature by_received = { .any = received_facts };
static const ModoriSignature by_mailer = { .any = mailer_facts };
static const ModoriSignature by_both = { .all = failure_facts, .any = either_facts };

static const ModoriEngine always = { .name = "always" };
static const ModoriEngine subject = { .name = "subject", .signature = &by_subject };
static const ModoriEngine daemon_and_header = { .name = "daemon", .signature = &by_daemon };
static const ModoriEngine received = { .name = "received", .signature = &by_received };
static const ModoriEngine mailer = { .name = "mailer", .signature = &by_mailer };
static const ModoriEngine both = { .name = "both", .signature = &by_both };
static const ModoriEngine *const engines[] = { &always, &subject, &daemon_and_header, &received, &mailer, &both, NULL };

/* Which of engines[] the message's headers leave as candidates, as a
 * string of 1 and 0 in the table's order. */
static char *
candidates (const ModoriEngineIndex *index, const char *text)
{
  GMimeMessage *message = test_message_from_text (text);
  ModoriHeaderDigest *digest = _modori_header_digest_new (index, message);
  GString *out = g_string_new (NULL);

  for (guint i = 0; engines[i]; i++)
    g_string_append_c (out, _modori_engine_index_is_candidate (index, digest, i) ? '1' : '0');
  _modori_header_digest_free (digest);
  g_object_unref (message);
  return g_string_free (out, FALSE);
}

static void
test_candidates_in_order (void)
{
  ModoriEngineIndex *index = _modori_engine_index_new (engines);
  char *got;

  /* A decoded Subject, a header name in another case, a later Received. */
  got = candidates (index,
                    "Received: from a.example.org by b.example.org\n"
                    "Received: from c.example.org by d.example.org (Exim 4.96)\n"
                    "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
                    "x-failed-recipients: taro@example.jp\n"
                    "Subject: =?UTF-8?B?UmV0dXJuZWQgbWFpbDogZmFpbHVyZQ==?=\n"
                    "X-Mailer: somewhere\n"
                    "\n"
                    "body\n");
  g_assert_cmpstr (got, ==, "111101");
  g_free (got);

  /* Without the headers they name, only the engine with no signature. */
  got = candidates (index, "Subject: hello\nFrom: taro@example.jp\n\nbody\n");
  g_assert_cmpstr (got, ==, "100000");
  g_free (got);

  /* Every fact of "all" is needed: the sender without X-Failed-Recipients. */
  got = candidates (index, "From: MAILER-DAEMON@example.org\nSubject: Failure\n\nbody\n");
  g_assert_cmpstr (got, ==, "100001");
  g_free (got);
  _modori_engine_index_free (index);
}

/* The registry's own table: an engine with a signature needs a header
 * its signature names; one without is always asked. */
static void
test_registry_signatures (void)
{
  ModoriEngineIndex *index = _modori_engine_index_new (_modori_engines);
  GMimeMessage *message = test_message_from_text ("X-Nothing: here\n\nbody\n");
  ModoriHeaderDigest *digest = _modori_header_digest_new (index, message);

  for (guint i = 0; _modori_engines[i]; i++)
    {
      gboolean expected = _modori_engines[i]->signature == NULL;
      g_assert_true (_modori_engine_index_is_candidate (index, digest, i) == expected);
      g_assert_true (_modori_engines[i]->sniff != NULL || _modori_engines[i]->signature != NULL);
    }
  _modori_header_digest_free (digest);
  g_object_unref (message);
  _modori_engine_index_free (index);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_mime_init ();
  g_test_add_func ("/engine-index/candidates-in-order", test_candidates_in_order);
  g_test_add_func ("/engine-index/registry-signatures", test_registry_signatures);
  return g_test_run ();
}
