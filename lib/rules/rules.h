/* rules.h: the classification tables (data, walked by the classifier
 * and by the unit tests). */
#ifndef MODORI_RULES_H
#define MODORI_RULES_H

#include <modori/modori.h>

/* An RFC 3463 code's subject.detail ("1.1" for 5.1.1 and 4.1.1).
 * A decisive rule settles the reason; a weak one (a generic code such as
 * x.7.1 "delivery not authorized") only applies when no phrase does. */
typedef struct {
  const char *subject_detail;
  ModoriReason reason;
  gboolean decisive;
} StatusRule;

/* A phrase of server text. Earlier entries win when several match, so
 * specific phrases come before general ones. A phrase is "own" when it
 * is a mail system's own statement from its directory (Exchange's "The
 * recipient name is not recognized"), not a relayed SMTP reply: it needs
 * no failed RCPT or X.1.x status to confirm an unknown user. */
typedef struct {
  const char *phrase;
  ModoriReason reason;
  gboolean own;
} PhraseRule;

/* A basic RFC 5321 reply code, used when nothing more specific is known. */
typedef struct {
  const char *code;
  ModoriReason reason;
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
