/* rules.h: the classification tables (data, walked by the classifier
 * and by the unit tests). */
#ifndef MODORI_RULES_H
#define MODORI_RULES_H

#include <modori/modori.h>

/* How much an RFC 3463 code says by itself (status-codes.c). */
typedef enum {
  STATUS_FINAL,       /* one cause; outranks every phrase */
  STATUS_REFINABLE,   /* a cause, but a specific phrase says better */
  STATUS_GENERIC,     /* a class used for many causes; any phrase says better */
} StatusStrength;

/* An RFC 3463 code's subject.detail ("1.1" for 5.1.1 and 4.1.1). */
typedef struct {
  const char *subject_detail;
  ModoriReason reason;
  StatusStrength strength;
  const char *source;
} StatusRule;

/* How a phrase may be used (PhraseRule.flags). */
enum {
  /* A mail system's own statement that the mailbox is not in its
   * directory (Exchange's "The recipient name is not recognized"), not a
   * relayed SMTP reply: it needs no refused RCPT to mean an unknown user. */
  PHRASE_OWN = 1 << 0,
  /* Generic wording sent for many causes (RFC 5321's default reply
   * texts): it decides only when nothing more specific is known. */
  PHRASE_WEAK = 1 << 1,
  /* A mail program's message: for `explain` only, never in a bounce. */
  PHRASE_CLIENT = 1 << 2,
  /* A bounce's headline as people paste it: `explain` tries it after
   * server replies and mail programs' messages. */
  PHRASE_HEADLINE = 1 << 3,
};

/* A row of phrases.tsv (compiled into phrases-table.c): words and what
 * they mean to classification (reason), to hints (hint) and to
 * `explain` (case_id). reason is MODORI_REASON_UNDEFINED when the words
 * name no reason; hint and case_id may be NULL. */
typedef struct {
  const char *phrase;
  ModoriReason reason;
  guint flags;
  const char *hint;
  const char *case_id;
  const char *source;
} PhraseRule;

/* A basic RFC 5321 reply code, used when nothing more specific is known. */
typedef struct {
  const char *code;
  ModoriReason reason;
  const char *source;
} ReplyRule;

/* A mailbox provider, known by its domains (space-separated): the
 * remote host or the destination ends in one of them. */
typedef struct {
  const char *name;
  const char *domains;
} Provider;

/* A provider's own code or phrase. It holds when the status code's
 * subject.detail lies in [status_from, status_to] (when given; compared
 * number by number), the phrase occurs in the text (when given) and the
 * failed SMTP command is @command (when given). */
typedef struct {
  const char *provider;
  const char *status_from, *status_to;
  const char *phrase;
  ModoriReason reason;
  const char *command;
  const char *source;
} ProviderRule;

extern const StatusRule _modori_status_rules[];
extern const guint _modori_n_status_rules;
extern const PhraseRule _modori_phrase_rules[];
extern const guint _modori_n_phrase_rules;
extern const ReplyRule _modori_reply_rules[];
extern const guint _modori_n_reply_rules;
extern const Provider _modori_providers[];
extern const guint _modori_n_providers;
extern const ProviderRule _modori_provider_rules[];
extern const guint _modori_n_provider_rules;

#endif
