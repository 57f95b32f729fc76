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
 * specific phrases come before general ones. */
typedef struct {
  const char *phrase;
  ModoriReason reason;
} PhraseRule;

/* A basic RFC 5321 reply code, used when nothing more specific is known. */
typedef struct {
  const char *code;
  ModoriReason reason;
} ReplyRule;

extern const StatusRule _modori_status_rules[];
extern const guint _modori_n_status_rules;
extern const PhraseRule _modori_phrase_rules[];
extern const guint _modori_n_phrase_rules;
extern const ReplyRule _modori_reply_rules[];
extern const guint _modori_n_reply_rules;

#endif
