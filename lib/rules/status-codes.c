/* status-codes.c: what an RFC 3463 enhanced status code says by itself.
 * Keyed by subject.detail: the class (2, 4, 5) says permanent or not,
 * which decides hard or soft, not the reason. Codes that servers use
 * loosely (x.6.x, most of x.7.x) are weak: the server's words decide. */
#include "rules.h"

#define D TRUE    /* decisive */
#define W FALSE   /* weak: a phrase may say better */

const StatusRule _modori_status_rules[] = {
  /* X.1 addressing */
  { "1.0",  MODORI_REASON_USER_UNKNOWN, W },
  { "1.1",  MODORI_REASON_USER_UNKNOWN, D },   /* bad destination mailbox */
  { "1.2",  MODORI_REASON_HOST_UNKNOWN, D },   /* bad destination system */
  { "1.3",  MODORI_REASON_USER_UNKNOWN, W },   /* bad destination mailbox syntax */
  { "1.4",  MODORI_REASON_USER_UNKNOWN, W },   /* ambiguous destination */
  { "1.6",  MODORI_REASON_HAS_MOVED, D },      /* mailbox has moved */
  { "1.7",  MODORI_REASON_REJECTED, D },       /* bad sender mailbox syntax */
  { "1.8",  MODORI_REASON_REJECTED, D },       /* bad sender system address */
  { "1.10", MODORI_REASON_NOT_ACCEPT, D },     /* null MX (RFC 7505) */
  /* X.2 mailbox */
  { "2.0",  MODORI_REASON_FILTERED, W },
  { "2.1",  MODORI_REASON_SUSPEND, W },        /* mailbox disabled */
  { "2.2",  MODORI_REASON_MAILBOX_FULL, D },
  { "2.3",  MODORI_REASON_EXCEED_LIMIT, D },   /* message longer than the mailbox allows */
  { "2.4",  MODORI_REASON_SYSTEM_ERROR, W },   /* mailing list expansion problem */
  /* X.3 mail system */
  { "3.0",  MODORI_REASON_SYSTEM_ERROR, W },
  { "3.1",  MODORI_REASON_SYSTEM_FULL, D },
  { "3.2",  MODORI_REASON_NOT_ACCEPT, W },     /* system not accepting messages */
  { "3.3",  MODORI_REASON_SYSTEM_ERROR, W },
  { "3.4",  MODORI_REASON_MESG_TOO_BIG, D },
  { "3.5",  MODORI_REASON_SYSTEM_ERROR, D },   /* system incorrectly configured */
  /* X.4 network and routing */
  { "4.0",  MODORI_REASON_NETWORK_ERROR, W },
  { "4.1",  MODORI_REASON_NETWORK_ERROR, W },  /* no answer from host */
  { "4.2",  MODORI_REASON_NETWORK_ERROR, W },  /* bad connection */
  { "4.3",  MODORI_REASON_SYSTEM_ERROR, W },   /* directory server failure */
  { "4.4",  MODORI_REASON_HOST_UNKNOWN, D },   /* unable to route */
  { "4.5",  MODORI_REASON_TOO_MANY_CONN, W },  /* congestion */
  { "4.6",  MODORI_REASON_NETWORK_ERROR, D },  /* routing loop */
  { "4.7",  MODORI_REASON_EXPIRED, D },        /* delivery time expired */
  /* X.5 protocol */
  { "5.0",  MODORI_REASON_SYSTEM_ERROR, W },   /* other or undefined protocol status */
  { "5.1",  MODORI_REASON_SYNTAX_ERROR, D },
  { "5.2",  MODORI_REASON_SYNTAX_ERROR, D },
  { "5.3",  MODORI_REASON_TOO_MANY_CONN, D },  /* too many recipients */
  { "5.4",  MODORI_REASON_SYNTAX_ERROR, D },
  { "5.5",  MODORI_REASON_SYSTEM_ERROR, W },
  /* X.6 content */
  { "6.0",  MODORI_REASON_CONTENT_ERROR, D },
  { "6.1",  MODORI_REASON_CONTENT_ERROR, W },
  { "6.2",  MODORI_REASON_CONTENT_ERROR, W },
  { "6.3",  MODORI_REASON_CONTENT_ERROR, W },
  { "6.4",  MODORI_REASON_CONTENT_ERROR, W },
  { "6.5",  MODORI_REASON_CONTENT_ERROR, W },
  /* X.7 security and policy */
  { "7.0",  MODORI_REASON_SECURITY_ERROR, W },
  { "7.1",  MODORI_REASON_REJECTED, W },       /* delivery not authorized */
  { "7.2",  MODORI_REASON_SECURITY_ERROR, W },
  { "7.3",  MODORI_REASON_SECURITY_ERROR, W },
  { "7.4",  MODORI_REASON_SECURITY_ERROR, W },
  { "7.5",  MODORI_REASON_SECURITY_ERROR, W },
  { "7.6",  MODORI_REASON_SECURITY_ERROR, W },
  { "7.7",  MODORI_REASON_SECURITY_ERROR, W },
  { "7.8",  MODORI_REASON_SECURITY_ERROR, W },  /* authentication credentials invalid */
  { "7.9",  MODORI_REASON_SECURITY_ERROR, W },
  { "7.10", MODORI_REASON_SECURITY_ERROR, W },
  { "7.11", MODORI_REASON_FAILED_STARTTLS, D }, /* encryption required */
  { "7.13", MODORI_REASON_SUSPEND, D },         /* user account disabled */
  { "7.14", MODORI_REASON_SECURITY_ERROR, D },
  { "7.15", MODORI_REASON_SECURITY_ERROR, D },
  { "7.17", MODORI_REASON_HAS_MOVED, D },       /* mailbox owner has changed */
  { "7.18", MODORI_REASON_HAS_MOVED, D },       /* domain owner has changed */
  { "7.20", MODORI_REASON_AUTH_FAILURE, D },    /* no passing DKIM signature */
  { "7.21", MODORI_REASON_AUTH_FAILURE, D },
  { "7.22", MODORI_REASON_AUTH_FAILURE, D },
  { "7.23", MODORI_REASON_AUTH_FAILURE, D },    /* SPF validation failed */
  { "7.24", MODORI_REASON_AUTH_FAILURE, D },
  { "7.25", MODORI_REASON_REQUIRE_PTR, D },     /* reverse DNS validation failed */
  { "7.26", MODORI_REASON_AUTH_FAILURE, D },    /* multiple authentication checks failed */
  { "7.27", MODORI_REASON_NOT_ACCEPT, D },      /* sender address has null MX */
  { "7.28", MODORI_REASON_SPAM_DETECTED, D },   /* mail flood detected */
  { "7.29", MODORI_REASON_AUTH_FAILURE, D },    /* ARC validation failure */
  /* Any other detail of a subject: what the subject itself is about. */
  { "1.*",  MODORI_REASON_USER_UNKNOWN, W },
  { "2.*",  MODORI_REASON_MAILBOX_FULL, W },
  { "3.*",  MODORI_REASON_SYSTEM_ERROR, W },
  { "4.*",  MODORI_REASON_NETWORK_ERROR, W },
  { "5.*",  MODORI_REASON_SYNTAX_ERROR, W },
  { "6.*",  MODORI_REASON_CONTENT_ERROR, W },
  { "7.*",  MODORI_REASON_SECURITY_ERROR, W },
};

const guint _modori_n_status_rules = G_N_ELEMENTS (_modori_status_rules);

const ReplyRule _modori_reply_rules[] = {
  { "421", MODORI_REASON_TOO_MANY_CONN },
  { "451", MODORI_REASON_SYSTEM_ERROR },   /* local error in processing */
  { "452", MODORI_REASON_SYSTEM_FULL },    /* insufficient system storage */
  { "500", MODORI_REASON_SYNTAX_ERROR },
  { "501", MODORI_REASON_SYNTAX_ERROR },
  { "502", MODORI_REASON_SYNTAX_ERROR },
  { "503", MODORI_REASON_SYNTAX_ERROR },
  { "504", MODORI_REASON_SYNTAX_ERROR },
  { "530", MODORI_REASON_SECURITY_ERROR },
  { "535", MODORI_REASON_SECURITY_ERROR },
  { "550", MODORI_REASON_USER_UNKNOWN },   /* mailbox unavailable */
  { "551", MODORI_REASON_USER_UNKNOWN },   /* user not local */
  { "552", MODORI_REASON_MAILBOX_FULL },   /* exceeded storage allocation */
  { "553", MODORI_REASON_USER_UNKNOWN },   /* mailbox name not allowed */
  { "554", MODORI_REASON_REJECTED },
  { "556", MODORI_REASON_NOT_ACCEPT },     /* domain does not accept mail (RFC 7504) */
};

const guint _modori_n_reply_rules = G_N_ELEMENTS (_modori_reply_rules);
