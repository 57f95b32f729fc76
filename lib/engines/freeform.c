/* freeform.c: bounces in free-form text, from any mail system: tried
 * after every engine that knows a format.
 *
 * A message is taken for a bounce by its sender (MAILER-DAEMON,
 * postmaster, "Mail Delivery System"), its Subject (in many languages),
 * an X-Failed-Recipients header or Auto-Submitted: auto-generated, and
 * then only if its text names a failed recipient. A recipient is an address in the report part of the
 * text (before the returned original) that stands
 *   - on one line with words of failure or a 4xx/5xx reply
 *     ("<a@example.jp>: 550 5.1.1 User unknown", "Unknown user: a@...");
 *   - after a recipient label ("Failed recipient:", "Empfänger:", "宛先:");
 *   - in a list after a sentence that says delivery failed ("could not
 *     be delivered to the following recipients:"), one address a line,
 *     its reason on the indented lines below it;
 *   - in an SMTP transcript, as the RCPT TO that drew a 4xx/5xx reply
 *     (below it, or on its own line).
 * An address is read without what opens it in the text: a quote after
 * a sign ("550-'a@b... User unknown'"), an X.400 attribute that carries
 * it ("dda:SMTP=a@b;", RFC 2156 "RFC-822=a@b"); a quoted display name
 * before it does not keep it from heading a line of a list.
 * Never the bounce's own From, To or Return-Path, an address on a line
 * that quotes a header ("To:", "From:", "Message-ID": the returned
 * original's among them), or a mailbox people are told to contact. The
 * original's sender may be a recipient: a list's bounce is often for
 * the poster's own copy.
 * Each recipient's text is what follows it up to the next recipient; a
 * list with no words of its own gets the words after the list.
 *
 * Challenge/response notices, moderation notices and Postfix's session
 * notices to the postmaster are not bounces; a
 * report that says the message is still being retried gives records
 * with action "delayed", one that says it was delivered or relayed
 * records with action "delivered".
 *
 * Work is linear in the text: each line is scanned once by one matcher,
 * addresses are found in one pass, and recipients are counted as they
 * are found (MODORI_MAX_RECIPIENTS). */
#include <string.h>

#include "../bounds.h"
#include "../matcher.h"
#include "../phrases.h"
#include "../text.h"
#include "text-bounce.h"

#define ENGINE_NAME "freeform"

/* Most bytes of a recipient's text kept: the reason is in its first lines. */
#define MAX_DIAGNOSTIC 2048
/* Lines after "RCPT TO:<...>" in which its reply is looked for. */
#define TRANSCRIPT_REACH 3

typedef enum {
  WORD_HEADING,      /* a sentence that opens a list of failed recipients */
  WORD_LABEL,        /* a label before one failed recipient */
  WORD_FAILURE,      /* words of failure on a recipient's line */
  WORD_CONTACT,      /* a line telling people whom to write to */
  WORD_MODERATION,   /* a mailing list holding the message */
  WORD_DELAY,        /* the message is still being retried */
  WORD_PERMANENT,    /* ... or it is not */
  WORD_SUCCESS,      /* a success notice: the message was delivered */
  WORD_ORIGINAL,     /* the returned original follows */
  WORD_NOT_FAILED,   /* a list of addresses that did not fail follows */
} WordKind;

typedef struct {
  const char *word;   /* lower-case ASCII letters; other bytes as written */
  WordKind kind;
} Word;

/* The wording of the mail systems' own bounce templates. */
static const Word words[] = {
  /* Sentences before a list of failed recipients. */
  { "following recipient", WORD_HEADING },              /* Exchange, Lotus Notes, many */
  { "following address", WORD_HEADING },                /* qmail-send, Exim, Sendmail */
  { "following destination", WORD_HEADING },
  { "following user", WORD_HEADING },
  { "permanent fatal errors", WORD_HEADING },           /* Sendmail savemail.c */
  { "could not be delivered to", WORD_HEADING },
  { "could not deliver to", WORD_HEADING },
  { "cannot be delivered to", WORD_HEADING },
  { "was not delivered to", WORD_HEADING },             /* Lotus Notes */
  { "was undeliverable to", WORD_HEADING },             /* GroupWise */
  { "did not reach the following", WORD_HEADING },     /* Exchange 5.5 / 2000 */
  { "did not reach some or all", WORD_HEADING },
  { "delivery has failed to these recipients", WORD_HEADING },   /* Exchange 2007+ */
  { "delivery to the following", WORD_HEADING },
  { "unable to deliver", WORD_HEADING },
  { "wasn't able to deliver", WORD_HEADING },           /* qmail-send */
  { "could not be delivered", WORD_HEADING },
  { "undeliverable to", WORD_HEADING },
  { "failed recipient", WORD_HEADING },
  { "mail you sent could not be delivered", WORD_HEADING },
  { "address(es) failed", WORD_HEADING },               /* Exim deliver.c */
  { "konnte nicht zugestellt", WORD_HEADING },          /* de */
  { "nicht zugestellt werden", WORD_HEADING },
  { "n'a pas pu être remis", WORD_HEADING },            /* fr */
  { "n'a pas pu etre remis", WORD_HEADING },
  { "non remis", WORD_HEADING },
  { "no se pudo entregar", WORD_HEADING },              /* es */
  { "no se ha podido entregar", WORD_HEADING },
  { "non è stato possibile recapitare", WORD_HEADING }, /* it */
  { "non recapitabile", WORD_HEADING },
  { "não foi possível entregar", WORD_HEADING },        /* pt */
  { "kon niet worden bezorgd", WORD_HEADING },          /* nl */
  { "kunde inte levereras", WORD_HEADING },             /* sv */
  { "配信できませんでした", WORD_HEADING },              /* ja */
  { "届きませんでした", WORD_HEADING },
  { "送信できませんでした", WORD_HEADING },
  { "配送できませんでした", WORD_HEADING },
  { "届けることが出来ませんでした", WORD_HEADING },     /* Netscape MS in Japanese (DTI) */
  { "届けることができませんでした", WORD_HEADING },
  { "不能投递", WORD_HEADING },                          /* zh */
  { "无法投递", WORD_HEADING },
  { "無法傳遞", WORD_HEADING },
  { "전송되지 못했습니다", WORD_HEADING },               /* ko */
  { "전달되지 못했습니다", WORD_HEADING },
  { "전송하지 못했습니다", WORD_HEADING },
  /* "the following recipients" and "could not be delivered" as
   * localized bounces word them (a heading only opens a list). */
  { "folgende empfänger", WORD_HEADING },               /* de */
  { "folgenden empfänger", WORD_HEADING },
  { "folgende(n) empfänger", WORD_HEADING },
  { "nicht zustellbar", WORD_HEADING },
  { "destinataires suivants", WORD_HEADING },           /* fr */
  { "destinataire suivant", WORD_HEADING },
  { "n'a pu être remis", WORD_HEADING },
  { "siguientes destinatarios", WORD_HEADING },         /* es */
  { "no se puede entregar", WORD_HEADING },
  { "seguintes destinatários", WORD_HEADING },          /* pt */
  { "não pôde ser entregue", WORD_HEADING },
  { "seguenti destinatari", WORD_HEADING },             /* it */
  { "volgende ontvangers", WORD_HEADING },              /* nl */
  { "以下のアドレス", WORD_HEADING },                    /* ja */
  { "以下の宛先", WORD_HEADING },
  { "配信に失敗", WORD_HEADING },
  { "以下收件人", WORD_HEADING },                        /* zh */
  { "无法发送到", WORD_HEADING },
  { "не может быть доставлено", WORD_HEADING },         /* ru */
  { "не удалось доставить", WORD_HEADING },

  /* Labels before one failed recipient. */
  { "recipient:", WORD_LABEL },
  { "recipients:", WORD_LABEL },
  { "recipient address:", WORD_LABEL },
  { "failed address:", WORD_LABEL },
  { "unknown address:", WORD_LABEL },
  { "invalid address:", WORD_LABEL },
  { "bad address:", WORD_LABEL },
  { "addressee:", WORD_LABEL },
  { "rcpt to:", WORD_LABEL },
  { "destinataire :", WORD_LABEL },
  { "destinataire:", WORD_LABEL },
  { "destinataires :", WORD_LABEL },
  { "empfänger:", WORD_LABEL },
  { "empfaenger:", WORD_LABEL },
  { "destinatario:", WORD_LABEL },
  { "destinatarios:", WORD_LABEL },
  { "destinatário:", WORD_LABEL },
  { "ontvanger:", WORD_LABEL },
  { "mottagare:", WORD_LABEL },
  { "получатель:", WORD_LABEL },
  { "宛先:", WORD_LABEL },
  { "宛先：", WORD_LABEL },
  { "送信先:", WORD_LABEL },
  { "受信者:", WORD_LABEL },
  { "受取人:", WORD_LABEL },                            /* Netscape MS in Japanese (DTI) */
  { "受取人：", WORD_LABEL },
  { "收件人:", WORD_LABEL },
  { "收件人：", WORD_LABEL },
  { "받는 사람:", WORD_LABEL },                          /* ko */
  { "받는사람:", WORD_LABEL },
  { "수신자:", WORD_LABEL },

  /* Words of failure on a recipient's own line (besides the phrase
   * table and reply codes). */
  { "unknown", WORD_FAILURE },
  { "failed", WORD_FAILURE },
  { "failure", WORD_FAILURE },
  { "rejected", WORD_FAILURE },
  { "refused", WORD_FAILURE },
  { "denied", WORD_FAILURE },
  { "invalid", WORD_FAILURE },
  { "undeliverable", WORD_FAILURE },
  { "not delivered", WORD_FAILURE },
  { "does not exist", WORD_FAILURE },
  { "doesn't exist", WORD_FAILURE },
  { "not found", WORD_FAILURE },
  { "no such", WORD_FAILURE },
  { "quota", WORD_FAILURE },
  { "deferred", WORD_FAILURE },
  { "timed out", WORD_FAILURE },
  { "unreachable", WORD_FAILURE },
  { "unrouteable", WORD_FAILURE },
  { "permanent", WORD_FAILURE },
  { "unbekannt", WORD_FAILURE },
  { "inconnu", WORD_FAILURE },
  { "desconocido", WORD_FAILURE },
  { "sconosciuto", WORD_FAILURE },
  { "存在しません", WORD_FAILURE },
  { "不明", WORD_FAILURE },
  { "登録されていません", WORD_FAILURE },                /* "のユーザーは登録されていません" */

  /* Whom to write to: not a recipient. */
  { "contact", WORD_CONTACT },
  { "please send", WORD_CONTACT },
  { "questions", WORD_CONTACT },
  { "assistance", WORD_CONTACT },
  { "help desk", WORD_CONTACT },
  { "helpdesk", WORD_CONTACT },
  { "reply to this", WORD_CONTACT },
  { "do not reply", WORD_CONTACT },
  { "report this", WORD_CONTACT },
  { "please reply to", WORD_CONTACT },                  /* Netscape MS "Please reply to Postmaster@..." */
  { "まで返信", WORD_CONTACT },
  { "問い合わせ", WORD_CONTACT },
  { "問合せ", WORD_CONTACT },
  { "ご連絡", WORD_CONTACT },
  { "kontakt", WORD_CONTACT },
  { "contactez", WORD_CONTACT },
  { "póngase en contacto", WORD_CONTACT },
  { "联系", WORD_CONTACT },

  /* Mailing lists that hold a post. */
  { "awaiting moderator approval", WORD_MODERATION },
  { "awaits moderator approval", WORD_MODERATION },
  { "held for moderation", WORD_MODERATION },
  { "requires approval", WORD_MODERATION },

  /* Still being retried (Sendmail, Postfix, Exim, Exchange warnings). */
  { "will be retried", WORD_DELAY },
  { "still being retried", WORD_DELAY },
  { "will keep trying", WORD_DELAY },
  { "will continue trying", WORD_DELAY },
  { "will try again", WORD_DELAY },
  { "has not yet been delivered", WORD_DELAY },
  { "has not been delivered yet", WORD_DELAY },
  { "this is a warning message only", WORD_DELAY },
  { "you do not need to resend", WORD_DELAY },
  { "no action is required", WORD_DELAY },
  { "delivery has been delayed", WORD_DELAY },
  { "delivery delayed", WORD_DELAY },
  { "could not be delivered for the past", WORD_DELAY },
  { "could not send message for past", WORD_DELAY },
  { "message delayed", WORD_DELAY },
  { "not yet been fully delivered", WORD_DELAY },     /* MMDF rtn_proc.c "Waiting mail" */
  { "delivery attempts are still pending", WORD_DELAY },
  { "no further action is required", WORD_DELAY },

  { "permanent error", WORD_PERMANENT },
  { "permanent failure", WORD_PERMANENT },
  { "permanently", WORD_PERMANENT },
  { "given up", WORD_PERMANENT },
  { "gave up", WORD_PERMANENT },
  { "giving up", WORD_PERMANENT },
  { "not going to try again", WORD_PERMANENT },
  { "will not be retried", WORD_PERMANENT },
  { "could not be delivered to", WORD_PERMANENT },
  { "has been returned", WORD_PERMANENT },

  /* Sendmail savemail.c errbody: the addresses listed below these are
   * still being tried or were delivered, in a report that may list
   * failed ones too. */
  { "transient non-fatal errors", WORD_NOT_FAILED },
  { "successful delivery notifications", WORD_NOT_FAILED },
  /* Sendmail 8.7/8.8 "had delivery problems" list: "<a@b>  (transient failure)". */
  { "(transient failure)", WORD_NOT_FAILED },

  /* Success notices in text (IIS/Exchange "Relay" and "Delivered:"
   * notices, Postfix's success template without its report). */
  { "successfully delivered", WORD_SUCCESS },
  { "successfully relayed", WORD_SUCCESS },
  { "has been delivered to the following", WORD_SUCCESS },
  { "was delivered to the following", WORD_SUCCESS },
  { "delivery to the following recipients succeeded", WORD_SUCCESS },
  { "delivery to these recipients or groups is complete", WORD_SUCCESS },

  /* The returned original follows. */
  { "below this line is a copy of the message", WORD_ORIGINAL },  /* qmail-send */
  { "this is a copy of the message", WORD_ORIGINAL },             /* Exim */
  { "original message follows", WORD_ORIGINAL },
  { "original message below", WORD_ORIGINAL },
  { "unsent message below", WORD_ORIGINAL },
  { "returned message follows", WORD_ORIGINAL },
  { "message returned below", WORD_ORIGINAL },
  { "original message --", WORD_ORIGINAL },
  { "original message header", WORD_ORIGINAL },
  { "message headers follow", WORD_ORIGINAL },
  { "headers of the original message", WORD_ORIGINAL },
  { "copy of the original message", WORD_ORIGINAL },
  { "original message omitted", WORD_ORIGINAL },                  /* Majordomo 2 Mj/Deliver/Dest.pm */
  { "原始邮件 --", WORD_ORIGINAL },                               /* zh: "------ 原始邮件 ------" */
  { "원본 메일 --", WORD_ORIGINAL },                              /* ko: "----- 원본 메일 -----" */
  { "원본 메시지 --", WORD_ORIGINAL },
};

#define N_KINDS (WORD_NOT_FAILED + 1)

/* Each word's kind as a bit, as the matcher gives their union. */
static guint32 word_kind_bits[G_N_ELEMENTS (words)];

static const Matcher *
word_matcher (void)
{
  static gsize once = 0;
  static Matcher *matcher;

  if (g_once_init_enter (&once))
    {
      const char *patterns[G_N_ELEMENTS (words)];

      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        {
          /* So a newline after a line adds no word to it (before_contact_paragraph()). */
          g_assert (!g_ascii_isspace (words[i].word[strlen (words[i].word) - 1]));
          patterns[i] = words[i].word;
          word_kind_bits[i] = 1u << words[i].kind;
        }
      matcher = _modori_matcher_new (patterns, G_N_ELEMENTS (words));
      g_once_init_leave (&once, 1);
    }
  return matcher;
}

void
_modori_freeform_prepare (void)
{
  word_matcher ();
}

/* Kinds as a bit each (word_kind_bits) ... */
static void
kinds_from_bits (guint32 bits, gboolean kinds[N_KINDS])
{
  for (guint k = 0; k < N_KINDS; k++)
    kinds[k] = (bits >> k) & 1;
}

static guint32
kinds_to_bits (const gboolean kinds[N_KINDS])
{
  guint32 bits = 0;

  for (guint k = 0; k < N_KINDS; k++)
    bits |= (guint32) kinds[k] << k;
  return bits;
}

/* ... of the words the @n bytes at @text hold, read in place. */
static guint32
kinds_bits_in (const char *text, gsize n)
{
  return _modori_matcher_bits_len (word_matcher (), text, n, word_kind_bits);
}

/* Which kinds of words the @n bytes at @text hold. */
static void
kinds_in (const char *text, gsize n, gboolean kinds[N_KINDS])
{
  kinds_from_bits (kinds_bits_in (text, n), kinds);
}

/* ---- Recognizing a bounce ---- */

static gboolean
is_daemon_local_part (const char *address)
{
  static const char *const names[] = {
    "mailer-daemon", "mailer_daemon", "mailerdaemon", "mail-daemon", "maildaemon", "mail.daemon",
    "postmaster", "mmdf", "mdaemon", "smtp", "uucp", NULL,
  };
  const char *at = strchr (address, '@');
  gsize n = at ? (gsize) (at - address) : strlen (address);

  for (guint i = 0; names[i]; i++)
    if (n == strlen (names[i]) && g_ascii_strncasecmp (address, names[i], n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
freeform_sniff (ModoriBounce *context)
{
  static const char *const senders[] = {
    "mailer-daemon", "mailer_daemon", "mail-daemon", "postmaster", "mail delivery",
    "delivery subsystem", "mail administrator", "mail system", "system administrator",
    "mail router", "mmdf", "smtp gateway", NULL,
  };
  /* Subjects of bounces, as mail systems write them. */
  static const char *const subjects[] = {
    "undeliver", "undelivered", "not delivered", "delivery fail", "delivery status notification",
    "delivery notification", "failure notice", "returned mail", "mail delivery failed",
    "returned to sender", "nondeliverable", "non-deliverable", "non delivery", "delivery problem",
    "could not send", "could not be delivered", "not deliverable", "mail failed", "failed mail",
    "returned message", "delivery error", "unable to deliver", "mail system error", "bounce",
    "delivery report", "warning: could not send", "delayed mail", "delivery delayed",
    "unzustellbar", "nicht zugestellt", "non remis", "non distribuable", "no se puede entregar",
    "no entregado", "non recapitabile", "mancato recapito", "não entregue", "nao entregue",
    "onbestelbaar", "olevererbart", "kan ikke leveres", "toimittamaton", "niedostarczalna",
    "недоставлен", "не доставлено", "配信不能", "届きませんでした", "配信エラー", "送信エラー",
    "エラーメール", "退信", "退回", "无法投递", "未送達", NULL,
  };
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  GMimeObject *body = g_mime_message_get_mime_part (bounce);
  InternetAddressList *from = g_mime_message_get_from (bounce);

  /* Read receipts and feedback reports have formats of their own. */
  if (body && GMIME_IS_MULTIPART (body) && _modori_mime_is_type (body, "multipart", "report"))
    {
      const char *type = g_mime_object_get_content_type_parameter (body, "report-type");
      if (type && (g_ascii_strcasecmp (type, "disposition-notification") == 0 ||
                   g_ascii_strcasecmp (type, "feedback-report") == 0))
        return FALSE;
    }
  /* An automatic reply that says so in its subject ("Automatic reply:")
   * is the recipient's answer (rfc3834): an address its text names is a
   * contact, not a failed recipient. */
  if (_modori_subject_is_auto_reply (g_mime_message_get_subject (bounce)))
    return FALSE;
  if (g_mime_object_get_header (GMIME_OBJECT (bounce), "X-Failed-Recipients"))
    return TRUE;
  /* RFC 3834 section 5: a message made by a program, not a reply to one
   * (a vacation notice is "auto-replied"); the parse still wants failed
   * recipients. */
  {
    const char *auto_submitted = g_mime_object_get_header (GMIME_OBJECT (bounce), "Auto-Submitted");
    while (auto_submitted && g_ascii_isspace (*auto_submitted))
      auto_submitted++;
    if (auto_submitted && g_ascii_strncasecmp (auto_submitted, "auto-generated", 14) == 0)
      return TRUE;
  }
  for (int i = 0; from && i < internet_address_list_length (from); i++)
    {
      InternetAddress *address = internet_address_list_get_address (from, i);
      if (INTERNET_ADDRESS_IS_MAILBOX (address) &&
          is_daemon_local_part (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address))))
        return TRUE;
    }
  return _modori_header_contains (bounce, "From", senders) || _modori_header_contains (bounce, "Subject", subjects);
}

/* ---- Addresses in text ---- */

/* Addresses are read in ASCII: in free text, a byte above 0x7F next to
 * an address is a label's or a sentence's ("宛先：a@b"), not the address's. */
static gboolean
is_local_char (guchar c)
{
  return c != '\0' && (g_ascii_isalnum (c) || strchr ("!#$%&'*+/=?^_`{|}~.-", c) != NULL);
}

static gboolean
is_domain_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-';
}

/* X.400 attribute types whose value is an Internet address. */
static const char *const x400_types[] = { "smtp=", "rfc-822=", "rfc822=", NULL };

/* The next address in [@p, @end): its start and end, or FALSE. One pass:
 * a local part is never read back past where the last search ended. */
static gboolean
next_address (const char *p, const char *end, const char **start, const char **stop)
{
  const char *floor = p;

  /* From one '@' to the next: memchr() skips the bytes between. */
  for (const char *at = p; at < end && (at = memchr (at, '@', end - at)) != NULL; at++)
    {
      const char *s, *e, *dot = NULL;

      for (s = at; s > floor && is_local_char ((guchar) s[-1]) && at - s < 64; s--)
        ;
      /* Quotes and dots that open a local part are the sentence's. */
      while (s < at && (*s == '.' || *s == '\'' || *s == '`'))
        s++;
      /* A quote after a sign opens the address ("550-'a@b... User
       * unknown'"); one after a letter is the address's own ("o'neil"). */
      for (const char *q = s + 1; q < at; q++)
        if ((*q == '\'' || *q == '`') && !g_ascii_isalnum (q[-1]))
          s = q + 1;
      /* The X.400 attribute that carries an Internet address
       * ("...;dda:SMTP=a@b;", RFC 2156 "RFC-822=a@b"). */
      for (guint i = 0; x400_types[i]; i++)
        if ((gsize) (at - s) > strlen (x400_types[i]) &&
            g_ascii_strncasecmp (s, x400_types[i], strlen (x400_types[i])) == 0)
          s += strlen (x400_types[i]);
      for (e = at + 1; e < end && is_domain_char ((guchar) *e) && e - at < 255; e++)
        if (*e == '.')
          dot = e;
      while (e > at + 1 && (e[-1] == '.' || e[-1] == '-'))
        e--;
      if (dot && dot >= e)
        dot = NULL;
      for (const char *q = e - 1; dot == NULL && q > at; q--)
        if (*q == '.')
          dot = q;
      floor = at + 1;
      /* "a@b" with a dotted domain whose last label has a letter. */
      if (s == at || dot == NULL || e - dot < 3 || !g_ascii_isalpha (dot[1]))
        continue;
      *start = s;
      *stop = e;
      return TRUE;
    }
  return FALSE;
}

/* ---- Reading the report ---- */

typedef struct {
  char *address;      /* cleaned */
  gsize offset;       /* byte offset of its mention in the report */
  gsize line_start;   /* byte offset of the line it is on */
  gsize text_from;    /* where its own words start (after the address) */
  char *reply;        /* a transcript's reply to its RCPT, or NULL */
  gboolean rcpt;      /* the reply answered its RCPT (a transcript) */
  gboolean alone;     /* found standing alone: the whole report is its text */
} Found;

static void
found_free (gpointer data)
{
  Found *f = data;

  g_free (f->address);
  g_free (f->reply);
  g_free (f);
}

typedef struct {
  GPtrArray *found;          /* Found*, in order of mention */
  GHashTable *seen;          /* cleaned address -> TRUE */
  GHashTable *excluded;      /* addresses that are not recipients */
  gboolean delayed;          /* the whole report says the message is still being tried */
  const char *report;        /* the report read */
  GArray *lines;             /* Line, of the report (report_length()) */
} Reader;

static gboolean
add_found (Reader *reader, const char *start, const char *stop, gsize offset, gsize text_from,
           gsize line_start, char *reply, gboolean rcpt)
{
  char *raw = g_strndup (start, stop - start);
  char *address = _modori_address_clean (raw);
  char *key = g_ascii_strdown (address, -1);
  Found *f;

  g_free (raw);
  /* Named again in a transcript: the reply to its RCPT is its text. */
  if (reply && g_hash_table_contains (reader->seen, key))
    for (guint i = 0; i < reader->found->len; i++)
      {
        Found *seen = g_ptr_array_index (reader->found, i);
        if (seen->reply == NULL && g_ascii_strcasecmp (seen->address, address) == 0)
          {
            seen->reply = reply;
            seen->rcpt = rcpt;
            reply = NULL;
            break;
          }
      }
  if (address[0] == '\0' || is_daemon_local_part (address) || g_hash_table_contains (reader->seen, key) ||
      g_hash_table_contains (reader->excluded, key) || reader->found->len >= MODORI_MAX_RECIPIENTS)
    {
      g_free (address);
      g_free (key);
      g_free (reply);
      return FALSE;
    }
  g_hash_table_add (reader->seen, key);
  f = g_new0 (Found, 1);
  f->address = address;
  f->offset = offset;
  f->text_from = text_from;
  f->line_start = line_start;
  f->reply = reply;
  f->rcpt = reply != NULL && rcpt;
  g_ptr_array_add (reader->found, f);
  return TRUE;
}

/* "Name: value" where Name is a header of the original that lists
 * people: addresses on such a line are never recipients. */
static gboolean
quotes_a_header (const char *line)
{
  static const char *const names[] = {
    "from:", "to:", "cc:", "bcc:", "reply-to:", "sender:", "return-path:", "received:",
    "message-id:", "in-reply-to:", "references:", "delivered-to:", "envelope-to:",
    "x-original-to:", "resent-from:", "resent-to:", "list-", "errors-to:", "subject:", NULL,
  };
  const char *p = line;

  while (*p == ' ' || *p == '\t' || *p == '>')
    p++;
  for (guint i = 0; names[i]; i++)
    if (g_ascii_strncasecmp (p, names[i], strlen (names[i])) == 0)
      return TRUE;
  return _modori_text_find_nocase (line, "message-id") != NULL ||
         _modori_text_find_nocase (line, "message id") != NULL;
}

/* Whether a 4xx/5xx reply code stands alone on @line, or an RFC 3463 code. */
static gboolean
has_code (const char *line)
{
  char code[16];

  return _modori_text_find_status_code (line, code) ||
         (_modori_text_find_reply_code (line, code) && (code[0] == '4' || code[0] == '5'));
}

/* Words of failure on the line: a phrase of the table, a code, or the
 * plain words bounces use. */
static gboolean
says_failure (const char *line, const gboolean kinds[N_KINDS])
{
  const PhraseRule *specific, *weak;

  if (kinds[WORD_FAILURE] || has_code (line))
    return TRUE;
  _modori_phrases_reason (line, &specific, &weak);
  return specific != NULL || weak != NULL;
}

/* Whether @line starts with an address (after spaces, quotes, bullets):
 * a line of a list. */
static gboolean
starts_with_address (const char *line, const char *start)
{
  /* An X.400 O/R address whose last attribute is the Internet address
   * ("c=US;a= ;p=Example;o=EX;dda:SMTP=a@b; on <date>"). */
  for (guint i = 0; x400_types[i]; i++)
    {
      gsize n = strlen (x400_types[i]);
      if ((gsize) (start - line) >= n && g_ascii_strncasecmp (start - n, x400_types[i], n) == 0 &&
          memchr (line, ';', start - line) != NULL)
        return TRUE;
    }
  for (const char *p = line; p < start; p++)
    {
      /* A quoted display name ("\"Ann Li\" <a@b>"). */
      if (*p == '"')
        {
          const char *close = memchr (p + 1, '"', start - p - 1);
          if (close)
            {
              p = close;
              continue;
            }
        }
      if (!(g_ascii_isspace (*p) || strchr ("<\"'-*•:>([", *p)))
        return FALSE;
    }
  return TRUE;
}

/* Whether the words right before the address at @start on @line say
 * it is the sender ("from a@b", "from: <a@b>", "sender a@b"). */
static gboolean
names_sender (const char *line, const char *start)
{
  const char *p = start;
  gsize n;

  while (p > line && strchr (" \t<\"':(", p[-1]))
    p--;
  n = p - line;
  return (n >= 4 && g_ascii_strncasecmp (p - 4, "from", 4) == 0 && (n == 4 || !g_ascii_isalpha (p[-5]))) ||
         (n >= 6 && g_ascii_strncasecmp (p - 6, "sender", 6) == 0 && (n == 6 || !g_ascii_isalpha (p[-7])));
}

/* Whether @line ends with a colon (spaces aside). */
static gboolean
ends_with_colon (const char *line)
{
  gsize n = strlen (line);

  while (n > 0 && g_ascii_isspace (line[n - 1]))
    n--;
  return n > 0 && line[n - 1] == ':';
}

/* Whether @line is nothing but addresses and separators. */
static gboolean
only_addresses (const char *line)
{
  const char *p = line, *end = line + strlen (line), *start, *stop;

  while (next_address (p, end, &start, &stop))
    {
      for (const char *q = p; q < start; q++)
        {
          /* A quoted display name between the addresses. */
          const char *close = *q == '"' ? memchr (q + 1, '"', start - q - 1) : NULL;
          if (close)
            q = close;
          else if (!(g_ascii_isspace (*q) || strchr ("<>,;\"'", *q)))
            return FALSE;
        }
      p = stop;
    }
  for (; p < end; p++)
    if (!(g_ascii_isspace (*p) || strchr ("<>,;\"'.", *p)))
      return FALSE;
  return p != line;
}

/* The kinds of words of the @n bytes at @line with its addresses
 * masked, the first of them found at [@start, @stop). */
static void
kinds_masked (const char *line, gsize n, const char *start, const char *stop, gboolean kinds[N_KINDS])
{
  char *masked = g_strndup (line, n);

  do
    memset (masked + (start - line), ' ', stop - start);
  while (next_address (stop, line + n, &start, &stop));
  kinds_in (masked, n, kinds);
  g_free (masked);
}

/* Which kinds of words the @n bytes at @line hold outside their
 * addresses: a mailbox named "contact@", "kontakt@" or "unknown@" says
 * nothing about the line ("       kontakt@example.net" in a list of
 * failed recipients). One pass over the line for its addresses, one for
 * the words: in place when there is none to mask. */
static void
kinds_outside_addresses (const char *line, gsize n, gboolean kinds[N_KINDS])
{
  const char *start, *stop;

  if (next_address (line, line + n, &start, &stop))
    kinds_masked (line, n, start, stop, kinds);
  else
    kinds_in (line, n, kinds);
}

/* A line of the report (before the returned original) and its kinds of
 * words, each read once: report_length() reads every line as written,
 * and the passes after it ask again, most outside addresses, which
 * differs only on a line that has one. */
typedef struct {
  gsize start;          /* byte offset in the report */
  gsize length;         /* without its newline */
  guint32 kinds;        /* kinds_in() of the line, as bits */
  guint32 outside;      /* kinds_outside_addresses() of it, once outside_known */
  gboolean outside_known;
} Line;

/* kinds_outside_addresses() of line @i of @report (@lines from
 * report_length()). The line after the report's last newline, which
 * report_length() does not keep, is empty: no words. */
static void
line_kinds_outside (const char *report, GArray *lines, gsize i, gboolean kinds[N_KINDS])
{
  Line *line;

  if (i >= lines->len)
    {
      memset (kinds, 0, N_KINDS * sizeof (gboolean));
      return;
    }
  line = &g_array_index (lines, Line, i);
  if (!line->outside_known)
    {
      const char *text = report + line->start, *start, *stop;

      /* Without an address, masking them leaves the line as it is. */
      if (next_address (text, text + line->length, &start, &stop))
        {
          kinds_masked (text, line->length, start, stop, kinds);
          line->outside = kinds_to_bits (kinds);
        }
      else
        line->outside = line->kinds;
      line->outside_known = TRUE;
    }
  kinds_from_bits (line->outside, kinds);
}

/* kinds_in() of line @i, as line_kinds_outside(). */
static void
line_kinds (GArray *lines, gsize i, gboolean kinds[N_KINDS])
{
  kinds_from_bits (i < lines->len ? g_array_index (lines, Line, i).kinds : 0, kinds);
}

/* Whether @line starts with the header name @name (lower case), in any
 * case. Most lines differ at the first byte, compared here: OR 0x20
 * makes a letter lower case, and no other byte a letter. */
static inline gboolean
starts_with_name (const char *line, const char *name)
{
  return (line[0] | 0x20) == name[0] && g_ascii_strncasecmp (line, name, strlen (name)) == 0;
}

/* Where the returned original starts in @report: a line that says so,
 * or a block of its headers at the left margin (Received:, Return-Path:,
 * or two lines of From:/To:/Subject:/Date:/Message-ID: with one of the
 * last three). Returns the length of the report before it. Keeps each
 * line read in @lines, with its kinds of words. */
static gsize
original_start (const char *report, GArray *lines)
{
  static const char *const strong[] = { "received:", "return-path:", NULL };
  static const char *const weak[] = {
    "from:", "to:", "subject:", "date:", "message-id:", "mime-version:", "cc:", "reply-to:", NULL,
  };
  const char *line = report, *previous_header = NULL;
  gboolean previous_dated = FALSE;

  while (*line)
    {
      const char *eol = strchr (line, '\n');
      Line kept = { line - report, eol ? (gsize) (eol - line) : strlen (line), 0, 0, FALSE };
      gboolean header = FALSE, dated = FALSE;

      kept.kinds = kinds_bits_in (line, kept.length);
      g_array_append_val (lines, kept);
      if (kept.kinds & 1u << WORD_ORIGINAL)
        return line - report;
      for (guint i = 0; strong[i]; i++)
        if (starts_with_name (line, strong[i]))
          return line - report;
      for (guint i = 0; weak[i]; i++)
        if (starts_with_name (line, weak[i]))
          {
            header = TRUE;
            dated = i == 2 || i == 3 || i == 4 || i == 5;
          }
      if (header && previous_header && (dated || previous_dated))
        return previous_header - report;
      previous_header = header ? line : NULL;
      previous_dated = dated;
      if (eol == NULL)
        break;
      line = eol + 1;
    }
  return strlen (report);
}

/* original_start(), and in @lines the lines of the report before it. */
static gsize
report_length (const char *report, GArray *lines)
{
  gsize length = original_start (report, lines);

  while (lines->len > 0 && g_array_index (lines, Line, lines->len - 1).start >= length)
    g_array_set_size (lines, lines->len - 1);
  return length;
}

/* The returned original's headers, where the report ends at @start: a
 * line that announces them, blank lines, then the header block (read
 * up to its end only). NULL when no header is there. */
static ModoriOriginal *
original_headers (const char *start)
{
  const char *p = start, *end, *name = start;
  ModoriOriginal *original;

  /* A line of words that announces the original ("Your message begins
   * as follows:"), not itself a header. */
  while (g_ascii_isalnum (*name) || *name == '-')
    name++;
  if (name == p || *name != ':')
    {
      const char *eol = strchr (p, '\n');
      if (eol == NULL)
        return NULL;
      p = eol + 1;
    }
  while (*p == '\n' || *p == ' ' || *p == '\t')
    p++;
  end = strstr (p, "\n\n");
  original = _modori_original_read (p, end ? (gsize) (end + 1 - p) : strlen (p), MODORI_ORIGINAL_ALONE,
                                    MODORI_ORIGINAL_LIMIT | MODORI_ORIGINAL_ENDED);
  if (original && _modori_original_get_n_fields (original) == 0)
    g_clear_pointer (&original, _modori_original_unref);
  return original;
}

/* The first of @lines (report_length()'s) that starts at or after @offset. */
static gsize
line_from (GArray *lines, gsize offset)
{
  gsize lo = 0, hi = lines->len;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (g_array_index (lines, Line, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Where a paragraph that tells people whom to write to starts in
 * [@from, @end) ("Please reply to Postmaster@... if you feel this message
 * to be in error.", "如有疑问，请联系 postmaster@..."): the closing words
 * of the report, not a recipient's reason. @end when there is none. One
 * pass over the bytes, each line read once. */
static gsize
before_contact_paragraph (const char *report, GArray *lines, gsize from, gsize end)
{
  gsize paragraph = 0;   /* start of the current paragraph, 0: the first */
  gboolean blank = FALSE, failure_said = FALSE;
  gsize whole = line_from (lines, from);   /* the next line of @lines */

  for (gsize line = from; line < end;)
    {
      const char *eol = memchr (report + line, '\n', end - line);
      gsize next = eol ? (gsize) (eol - report) + 1 : end;
      gsize n = next - line;

      if (strspn (report + line, " \t\r\n") >= n)
        blank = TRUE;
      else
        {
          if (blank)
            paragraph = line;
          blank = FALSE;
          {
            g_autofree char *copy = g_strndup (report + line, n);
            gboolean kinds[N_KINDS];

            /* A whole line of the report, with its newline or without:
             * its kinds outside addresses are known. A newline is no part
             * of an address, and adds no word at the end of a line as no
             * word ends with white space (word_matcher()). */
            while (whole < lines->len && g_array_index (lines, Line, whole).start < line)
              whole++;
            if (whole < lines->len && g_array_index (lines, Line, whole).start == line &&
                n >= g_array_index (lines, Line, whole).length)
              line_kinds_outside (report, lines, whole, kinds);
            else
              kinds_outside_addresses (report + line, n, kinds);
            /* Only once the reason was given: "because:" and then a
             * paragraph that names it and whom to ask is the reason. */
            /* A line that gives the server's reply is the reason, whom
             * it tells to ask aside (Gmail: "We recommend contacting the
             * other email provider ... The error that the other server
             * returned was: 550 ..."). */
            if (paragraph && failure_said && kinds[WORD_CONTACT] && !has_code (copy))
              return paragraph;
            failure_said = failure_said || says_failure (copy, kinds);
          }
        }
      line = next;
    }
  return end;
}

/* The words that belong to the recipient found at @index: from after its
 * mention up to the next recipient's, else the words after the last one. */
static char *
text_of (const char *report, gsize length, GArray *lines, GPtrArray *found, guint index)
{
  const Found *f = g_ptr_array_index (found, index);
  gsize from = f->text_from, end = length;
  GString *text;
  gboolean has_letters = FALSE;

  /* Up to the line of the next recipient: its label ("Failed Recipient:",
   * "收件人：") or its bracket is not this one's words. */
  if (index + 1 < found->len)
    {
      const Found *next = g_ptr_array_index (found, index + 1);
      end = next->line_start >= from ? next->line_start : next->offset;
    }

  if (f->reply)
    return g_strdup (f->reply);
  if (f->alone)
    return g_strndup (report, MIN (length, MAX_DIAGNOSTIC));
  for (gsize i = from; i < end && !has_letters; i++)
    has_letters = g_ascii_isalpha (report[i]) || (guchar) report[i] >= 0x80;
  if (!has_letters && found->len > 0)
    {
      /* A list with no words of its own: the words after the whole list. */
      const Found *last = g_ptr_array_index (found, found->len - 1);
      from = last->text_from;
      end = length;
    }
  if (end - from > MAX_DIAGNOSTIC)
    end = from + MAX_DIAGNOSTIC;
  end = before_contact_paragraph (report, lines, from, end);
  text = g_string_new_len (report + from, end - from);
  /* A closing bracket, quote or colon right after the address is not words. */
  g_string_erase (text, 0, strspn (text->str, ">)]'\":;,. \t\n"));
  /* Words before the address on its line are its words too
   * ("? Invalid receiver address: a@b", "Unknown user: a@b"). */
  if (f->offset > f->line_start)
    {
      gsize n = MIN (f->offset - f->line_start, MAX_DIAGNOSTIC);
      gboolean has_words = FALSE;
      for (gsize i = 0; i < n && !has_words; i++)
        has_words = g_ascii_isalpha (report[f->line_start + i]) || (guchar) report[f->line_start + i] >= 0x80;
      /* Not the addresses before it on a list line ("a@b, c@d"). */
      if (has_words)
        {
          g_autofree char *before = g_strndup (report + f->line_start, n);
          has_words = !only_addresses (before);
        }
      /* So is a reply or status code before it ("550 5.1.2 <a@b>... Host
       * unknown"). */
      if (!has_words)
        {
          g_autofree char *before = g_strndup (report + f->line_start, n);
          has_words = has_code (before);
        }
      /* A label before the address names it and gives no reason
       * ("Failed Recipient:", "宛先:"), unless its words are a reason
       * ("Invalid recipient:", "Unknown address:"). */
      if (has_words)
        {
          g_autofree char *before = g_strndup (report + f->line_start, n);
          gboolean kinds[N_KINDS];
          const PhraseRule *specific, *weak;

          kinds_in (before, n, kinds);
          _modori_phrases_reason (before, &specific, &weak);
          has_words = !kinds[WORD_LABEL] || specific != NULL || weak != NULL;
        }
      /* Without the bracket or quote that opens the address. */
      while (has_words && n > 0 && strchr (" \t<\"'([", report[f->line_start + n - 1]))
        n--;
      if (has_words)
        {
          /* Without the other recipients listed before it on the line
           * ("Invalid recipients: a@b, c@d": c@d's words are the label). */
          const char *p = report + f->line_start, *bend = p + n, *start, *stop;
          GString *before = g_string_sized_new (n + 1);

          while (next_address (p, bend, &start, &stop))
            {
              g_string_append_len (before, p, start - p);
              for (p = stop; p < bend && strchr (">,; \t", *p); p++)
                ;
            }
          g_string_append_len (before, p, bend - p);
          g_string_prepend_c (text, ' ');
          g_string_prepend_len (text, before->str, before->len);
          g_string_free (before, TRUE);
        }
    }
  return g_string_free (text, FALSE);
}

static void
exclude_header_addresses (GHashTable *excluded, GMimeMessage *message, GMimeAddressType type)
{
  InternetAddressList *list = message ? g_mime_message_get_addresses (message, type) : NULL;

  for (int i = 0; list && i < internet_address_list_length (list); i++)
    {
      InternetAddress *address = internet_address_list_get_address (list, i);
      if (INTERNET_ADDRESS_IS_MAILBOX (address))
        g_hash_table_add (excluded,
                          g_ascii_strdown (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)), -1));
    }
}

static void
exclude_value (GHashTable *excluded, const char *value)
{
  char *clean = value ? _modori_address_clean (value) : NULL;

  if (clean && clean[0])
    g_hash_table_add (excluded, g_ascii_strdown (clean, -1));
  g_free (clean);
}

/* Whether the indented lines right below line @i (its continuation,
 * where many mail systems put a recipient's reason) say failure. */
static gboolean
continuation_says_failure (const Reader *reader, char **lines, gsize i)
{
  for (gsize j = i + 1; lines[j] && j <= i + 3; j++)
    {
      gboolean kinds[N_KINDS];

      if (!(lines[j][0] == ' ' || lines[j][0] == '\t') || strspn (lines[j], " \t\r") == strlen (lines[j]))
        return FALSE;
      line_kinds_outside (reader->report, reader->lines, j, kinds);
      if (says_failure (lines[j], kinds))
        return TRUE;
    }
  return FALSE;
}

/* Whether line @i, an address alone that opens a paragraph, is followed
 * right below, at the left margin, by a sentence of failure without an
 * address (Exchange 2007+: "a@b" then "The recipient's e-mail address
 * was not found..." or "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found
 * ##"). An address that ends a sentence above it ("For questions write
 * to" / "help@b") is not. */
static gboolean
next_line_says_failure (const Reader *reader, char **lines, gsize i)
{
  const char *next = lines[i + 1];
  gboolean kinds[N_KINDS];

  if (i == 0 || strspn (lines[i - 1], " \t\r") != strlen (lines[i - 1]))
    return FALSE;
  if (next == NULL || next[0] == ' ' || next[0] == '\t' || strchr (next, '@') != NULL ||
      strspn (next, " \t\r") == strlen (next) || quotes_a_header (next))
    return FALSE;
  line_kinds (reader->lines, i + 1, kinds);
  return !kinds[WORD_CONTACT] && says_failure (next, kinds);
}

/* The RCPT TO of a transcript ("RCPT TO:<a@b>", ">>> RCPT To:...") whose
 * reply, within the next lines, is 4xx/5xx: returns that reply, newly
 * allocated, or NULL. */
static char *
transcript_reply (char **lines, gsize i)
{
  for (gsize j = i + 1; lines[j] && j <= i + TRANSCRIPT_REACH; j++)
    {
      const char *reply = lines[j];
      const char *said = _modori_text_find_nocase (reply, "replied:");

      if (_modori_text_find_nocase (reply, "rcpt to:"))
        return NULL;
      if (said)
        reply = said + strlen ("replied:");
      else if ((said = strstr (reply, "<-- ")) != NULL || (said = strstr (reply, "<<< ")) != NULL)
        reply = said + 4;   /* MDaemon's and Sendmail's received lines */
      while (*reply == ' ' || *reply == '\t')
        reply++;
      if ((reply[0] == '4' || reply[0] == '5') && g_ascii_isdigit (reply[1]) && g_ascii_isdigit (reply[2]))
        return g_strstrip (g_strdup (reply));
    }
  return NULL;
}

/* The lines of @copy, the report's first @length bytes, as
 * g_strsplit (@copy, "\n", -1) gives them, but in @copy itself, its
 * newlines made NULs: @lines (report_length()'s) says where each
 * starts. A newline at the end is followed by an empty line. */
static char **
split_lines (char *copy, gsize length, GArray *lines)
{
  char **split = g_new (char *, lines->len + 2);
  gsize n = 0;
  gboolean newline_at_end = length > 0 && copy[length - 1] == '\n';

  for (; n < lines->len; n++)
    {
      const Line *line = &g_array_index (lines, Line, n);

      split[n] = copy + line->start;
      split[n][line->length] = '\0';
    }
  if (newline_at_end)
    split[n++] = copy + length;
  split[n] = NULL;
  return split;
}

/* Reads the lines of the report into @reader. */
static void
read_lines (const char *report, gsize length, Reader *reader)
{
  char *copy = g_strndup (report, length);
  char **lines = split_lines (copy, length, reader->lines);
  gsize offset = 0;
  /* Below a sentence that opens a list of failed recipients: the list
   * starts at the next line with words, or never. */
  enum { NO_LIST, LIST_EXPECTED, IN_LIST } list = NO_LIST;
  /* Below a heading of addresses that did not fail, in a report of
   * failures: those addresses are no recipients of its. */
  gboolean not_failed = FALSE;

  for (gsize i = 0; lines[i]; offset += strlen (lines[i]) + 1, i++)
    {
      const char *line = lines[i], *end = line + strlen (line), *start, *stop;
      gboolean kinds[N_KINDS];
      gboolean has_address, first = TRUE;
      const char *rcpt;

      if (strspn (line, " \t\r") == strlen (line))
        continue;
      line_kinds_outside (report, reader->lines, i, kinds);
      has_address = next_address (line, end, &start, &stop);

      /* A transcript: "RCPT TO:<a@b>" and a 4xx/5xx reply below it. */
      if (has_address && (rcpt = _modori_text_find_nocase (line, "rcpt to:")) != NULL &&
          next_address (rcpt, end, &start, &stop))
        {
          const char *after = stop;
          char *reply;

          /* The reply on the same line ("RCPT TO: <a@b> 550 unknown user"),
           * else on one of the next ones. */
          while (*after == '>' || *after == ' ' || *after == '\t' || *after == ':')
            after++;
          if ((after[0] == '4' || after[0] == '5') && g_ascii_isdigit (after[1]) && g_ascii_isdigit (after[2]) &&
              !g_ascii_isdigit (after[3]))
            reply = g_strstrip (g_strdup (after));
          else
            reply = transcript_reply (lines, i);
          if (reply)
            add_found (reader, start, stop, offset + (start - line), offset + (stop - line), offset, reply, TRUE);
          continue;
        }
      if (kinds[WORD_HEADING] && !has_address)
        {
          not_failed = kinds[WORD_NOT_FAILED] && !reader->delayed;
          list = not_failed ? NO_LIST : LIST_EXPECTED;
          continue;
        }
      if ((not_failed || (kinds[WORD_NOT_FAILED] && !kinds[WORD_HEADING] && !reader->delayed)) &&
          has_address && starts_with_address (line, start))
        {
          for (const char *p = line; next_address (p, end, &start, &stop); p = stop)
            {
              char *raw = g_strndup (start, stop - start);
              char *clean = _modori_address_clean (raw);
              g_hash_table_add (reader->excluded, g_ascii_strdown (clean, -1));
              g_free (clean);
              g_free (raw);
            }
          continue;
        }
      if (!has_address || quotes_a_header (line) || kinds[WORD_CONTACT])
        {
          /* Words at the left margin end a list; indented ones are the
           * reason of the recipient above them. */
          if (list == LIST_EXPECTED || (list == IN_LIST && !g_ascii_isspace (line[0])))
            list = NO_LIST;
          continue;
        }

      {
        /* What the line says, read once for all its addresses. */
        gboolean line_fails = says_failure (line, kinds) || kinds[WORD_HEADING];
        /* A heading followed on its line by nothing but addresses
         * ("The following addresses failed: a@b, c@d") lists them all. */
        gboolean line_alone = only_addresses (line);
        gboolean line_starts = starts_with_address (line, start);
        /* A label before the first address ("Failed recipient: a@b"), not
         * a sentence that ends with one ("The message from <a@b> could
         * not be delivered to the following recipients:"). */
        gboolean label_before = FALSE;
        gboolean list_line;

        if (kinds[WORD_LABEL])
          {
            gboolean prefix_kinds[N_KINDS];

            kinds_in (line, start - line, prefix_kinds);
            label_before = prefix_kinds[WORD_LABEL];
          }
        /* ... and a label followed by nothing but addresses ("Unknown
         * recipients: a@b; c@d") labels them all. */
        list_line = line_alone || ((kinds[WORD_HEADING] || label_before) && only_addresses (start));

        for (const char *p = line; next_address (p, end, &start, &stop); p = stop, first = FALSE)
          {
            gboolean at_start = first && line_starts;
            gboolean listed = list != NO_LIST && (at_start || list_line);
            gboolean labelled = label_before && (first || list_line);
            gboolean failed = line_fails || (at_start && continuation_says_failure (reader, lines, i)) ||
                              (at_start && line_alone && next_line_says_failure (reader, lines, i));

            /* The sender named on a failure line ("Your message from a@b
             * to c@d could not be delivered", "The message from <a@b> could
             * not be delivered to 2 recipients:"), or an alias the address
             * was expanded from. */
            if (!list_line && !labelled && names_sender (line, start))
              continue;
            if (listed || labelled || failed)
              {
                /* Exchange 2007+ names each recipient again under
                 * "Diagnostic information for administrators:", the
                 * server's reply on the line below it ("#550 5.1.1
                 * RESOLVER.ADR.RecipNotFound; not found ##"): that reply
                 * is its text, as a transcript's is. */
                char *reply = at_start && line_alone && lines[i + 1] && has_code (lines[i + 1]) &&
                                      next_line_says_failure (reader, lines, i)
                                  ? g_strstrip (g_strdup (lines[i + 1]))
                                  : NULL;
                add_found (reader, start, stop, offset + (start - line), offset + (stop - line), offset, reply, FALSE);
              }
            /* One recipient a line, unless the line is a list of them. */
            if (!list_line)
              break;
          }
        list = list != NO_LIST && line_starts ? IN_LIST : NO_LIST;
        /* A heading that names an address and ends with a colon still
         * opens a list below it. */
        if (kinds[WORD_HEADING] && ends_with_colon (line))
          list = LIST_EXPECTED;
      }
    }

  /* Nothing said which address failed: an address alone on its line
   * ("This message was undeliverable due to the following reason: ...
   * <a@b>") is the recipient, the report its words. */
  offset = 0;
  for (gsize i = 0, none = reader->found->len == 0; none && lines[i]; offset += strlen (lines[i]) + 1, i++)
    {
      const char *line = lines[i], *end = line + strlen (line), *start, *stop;
      gboolean kinds[N_KINDS];

      line_kinds_outside (report, reader->lines, i, kinds);
      if (!only_addresses (line) || quotes_a_header (line) || kinds[WORD_CONTACT])
        continue;
      for (const char *p = line; next_address (p, end, &start, &stop); p = stop)
        if (add_found (reader, start, stop, offset + (start - line), offset + (stop - line), offset, NULL, FALSE))
          ((Found *) g_ptr_array_index (reader->found, reader->found->len - 1))->alone = TRUE;
    }
  g_free (lines);
  g_free (copy);
}

/* Postfix's notices to the postmaster about one SMTP session
 * (notify_classes; postfix src/smtpd/smtpd_chat.c smtpd_chat_notify,
 * src/smtp/smtp_chat.c smtp_chat_notify): Subject "Postfix SMTP server:
 * errors from HOST[IP]" (or "SMTP client", "LMTP client"), then
 * "Transcript of session follows." and the In:/Out: lines. They report a
 * conversation, not a message the reader sent: a refused RCPT in them is
 * a client's recipient at this server, or one its sender hears of in a
 * bounce of its own. */
static gboolean
is_session_notice (GMimeMessage *bounce, const char *report)
{
  const char *subject = g_mime_message_get_subject (bounce);

  return subject != NULL
         && (strstr (subject, " server: errors from ") != NULL || strstr (subject, " client: errors from ") != NULL)
         && strstr (report, "Transcript of session follows.") != NULL;
}

static gboolean
freeform_parse (ModoriBounce *context, GPtrArray *records)
{
  static const char *const markers[] = {
    "--- Below this line is a copy of the message.",
    "------ This is a copy of the message, including all the headers.",
    NULL,
  };
  GMimeMessage *bounce = _modori_bounce_get_message (context);
  TextBounce text;
  Reader reader;
  GArray *lines;
  gsize length;
  gboolean kinds[N_KINDS], delayed;
  const char *action;

  if (!_modori_text_bounce_read (context, markers, &text))
    return FALSE;
  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  length = report_length (text.report, lines);
  if (text.original == NULL && text.report[length])
    text.original = original_headers (text.report + length);

  /* Notices that are not bounces. */
  kinds_in (text.report, length, kinds);
  if (_modori_text_is_challenge (text.report) || kinds[WORD_MODERATION] || is_session_notice (bounce, text.report))
    {
      g_array_unref (lines);
      _modori_text_bounce_clear (&text);
      return FALSE;
    }
  delayed = kinds[WORD_DELAY] && !kinds[WORD_PERMANENT];
  action = delayed ? "delayed" : "failed";
  /* A success notice lists the recipients the message reached: records
   * of delivery (shown only on request), never failures. */
  if (kinds[WORD_SUCCESS] && !kinds[WORD_DELAY] && !kinds[WORD_PERMANENT] && !kinds[WORD_FAILURE])
    action = "delivered";

  reader.found = g_ptr_array_new_with_free_func (found_free);
  reader.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  exclude_header_addresses (reader.excluded, bounce, GMIME_ADDRESS_TYPE_FROM);
  exclude_header_addresses (reader.excluded, bounce, GMIME_ADDRESS_TYPE_TO);
  exclude_header_addresses (reader.excluded, bounce, GMIME_ADDRESS_TYPE_SENDER);
  exclude_value (reader.excluded, g_mime_object_get_header (GMIME_OBJECT (bounce), "Return-Path"));
  /* Not the returned original's From: a mailing list's bounce is often
   * for the poster's own subscription (her copy of her post, her mailbox
   * full). Its header lines are never read as recipients anyway. */

  reader.delayed = delayed;
  reader.report = text.report;
  reader.lines = lines;
  read_lines (text.report, length, &reader);

  for (guint i = 0; i < reader.found->len; i++)
    {
      const Found *f = g_ptr_array_index (reader.found, i);
      char *said = text_of (text.report, length, lines, reader.found, i);
      ModoriRecord *record = _modori_engine_add_record (records, ENGINE_NAME, f->address, said);

      _modori_record_set (record, FIELD_ACTION, action);
      _modori_engine_set_original (record, text.original);
      /* Words with no reply code are the mail system's own ("unknown
       * user"), not a remote server's answer. */
      record->own_words = !has_code (said);
      /* Found as the RCPT TO of a transcript that drew the reply. */
      if (f->rcpt)
        _modori_record_set (record, FIELD_COMMAND, "RCPT");
      /* In free text the reply code stands where the server put it, not
       * always at the start ("... Unknown user: 550 ..."). */
      {
        char code[4];
        if (_modori_text_scan_reply_code (said, TRUE, code) && (code[0] == '4' || code[0] == '5'))
          _modori_record_set (record, FIELD_REPLYCODE, code);
      }
      g_free (said);
    }

  g_ptr_array_unref (reader.found);
  g_hash_table_unref (reader.seen);
  g_hash_table_unref (reader.excluded);
  g_array_unref (lines);
  _modori_text_bounce_clear (&text);
  return records->len > 0;
}

const ModoriEngine _modori_engine_freeform = {
  ENGINE_NAME,
  freeform_sniff,
  freeform_parse,
};
