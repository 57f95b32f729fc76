/* test-explain.c: modori_explain() on every case of seed-facts, the mail
 * programs' messages, POP3/IMAP response codes and bad input; and the
 * address doctor on every flaw it knows. */
#include <string.h>

#include <modori/modori.h>

typedef struct {
  const char *text;
  const char *kind, *case_id, *reason, *code, *suggestion;
} ExplainCase;

static const ExplainCase explain_cases[] = {
  /* seed-facts 1: host not found (Outlook Express, ja and en; Outlook) */
  { "ホスト 'pop.example.ne.jp' が見つかりません。サーバー名が正しいかどうか確認してください。", "client", "host-not-found", "", "", "" },
  { "The host 'smtp.example.com' could not be found. Please verify that you have entered the server name correctly.", "client", "host-not-found", "", "", "" },
  { "The server could not be found. (Account: 'mail', SMTP Server: 'smtp.example.com', Error Number: 0x800CCC0D)", "client", "host-not-found", "", "", "" },
  /* 2-7: the server refused a recipient */
  { "550 <hanako@example.jp> User unknown", "smtp", "user-unknown", "userunknown", "550", "" },
  { "550 5.1.2 <hanako@example.jpp> Host unknown (Name server: example.jpp: host not found)", "smtp", "host-unknown", "hostunknown", "550", "" },
  { "553 <hanako@example,co.jp> Invalid route address", "smtp", "invalid-route", "userunknown", "553", "hanako@example.co.jp" },
  { "553 <hanako@example.jp> Relaying denied", "smtp", "relaying-denied", "norelaying", "553", "" },
  { "553 5.7.1 <hanako@example.jp>... Relay Operation rejected", "smtp", "relaying-denied", "norelaying", "553", "" },
  { "553 <hanako@example,.co.jp> Illegal comma in host name part", "smtp", "comma-in-host", "hostunknown", "553", "hanako@example.co.jp" },
  { "553 <ｈａｎａｋｏ@example.jp> Address contains invalid control characters", "smtp", "invalid-characters", "userunknown", "553", "hanako@example.jp" },
  /* the client's headline quoting the reply: the reply decides */
  { "The message could not be sent because one of the recipients was rejected by the server. "
    "The rejected e-mail address was 'hanako@example.jp'. Server Response: '550 <hanako@example.jp> User unknown', "
    "Port: 25, Secure(SSL): No, Server Error: 550, Error Number: 0x800CCC79", "client", "user-unknown", "userunknown", "550", "" },
  { "受信者の 1 人がサーバーによって拒否されたため、メッセージを送信できませんでした。", "client", "recipient-rejected", "", "", "" },
  { "The message could not be sent because one of the recipients was rejected by the server.", "client", "recipient-rejected", "", "", "" },
  { "The server rejected one of the recipient addresses.", "client", "recipient-rejected", "", "", "" },
  { "An error occurred while sending mail. Please check the message recipient \"hanako@example.jp\" and try again.", "client", "recipient-rejected", "", "", "" },
  { "The message could not be sent because the sender's e-mail address was rejected by the server.", "client", "sender-rejected", "", "", "" },
  { "送信者の電子メール アドレスがサーバーによって拒否されたため、メッセージを送信できませんでした。", "client", "sender-rejected", "", "", "" },
  /* 8-10: receiving */
  { "-ERR [AUTH] Password supplied for \"xxxxxx\" is incorrect.", "pop3", "pop3-auth", "", "AUTH", "" },
  { "-ERR [IN-USE] /var/spool/pop/z/.xxxxxx.pop lock busy! Is another session active?", "pop3", "pop3-in-use", "", "IN-USE", "" },
  { "-ERR /var/spool/pop/z/.xxxxxx.pop lock busy! Is another session active?", "pop3", "pop3-in-use", "", "", "" },
  { "サーバーにログオンできませんでした。パスワードが拒否されました。", "client", "password-rejected", "", "", "" },
  { "Your e-mail server rejected your login. Verify your user name and password. Error Number: 0x800CCC92", "client", "password-rejected", "", "", "" },
  { "Sending of password did not succeed. Mail server pop.example.com responded: Authentication failed.", "client", "password-rejected", "", "", "" },
  { "The IMAP server \"imap.example.com\" rejected the password for user \"hanako\".", "client", "password-rejected", "", "", "" },
  { "Unable to logon to the server using Secure Password Authentication.", "client", "secure-password-auth", "", "", "" },
  { "セキュリティで保護されたパスワード認証を使用してサーバーにログオンできません。", "client", "secure-password-auth", "", "", "" },
  /* 11, 12 */
  { "503 Polite people say HELO first", "smtp", "helo-first", "syntaxerror", "503", "" },
  { "From: Mail Delivery Subsystem <MAILER-DAEMON@example.jp>", "bounce", "bounce-mail", "", "", "" },
  { "Postmaster", "bounce", "bounce-mail", "", "", "" },
  { "552 <hanako@example.jp>... MAILBOX is FULL", "smtp", "mailbox-full", "mailboxfull", "552", "" },
  /* timeouts */
  { "The connection to the server has timed out. Error Number: 0x800CCC19", "client", "connection-timeout", "", "", "" },
  /* A server's reply that uses a mail program's words is still the
   * server's: "contact postmaster", "could not be found", "timed out". */
  { "550 5.7.1 Message rejected as spam; contact postmaster@example.jp for details", "smtp", "smtp-reply", "spamdetected", "550", "" },
  { "550 5.1.2 Host or domain name could not be found", "smtp", "smtp-reply", "hostunknown", "550", "" },
  { "421 4.4.2 Connection timed out", "smtp", "smtp-reply", "expired", "421", "" },
  /* Report texts pasted whole: a sentence that names an address is no
   * bare address. */
  { "Your message did not reach some or all of the intended recipients. The following recipient(s) cannot be reached: hanako@example.jp on 2024/03/05 10:22 The e-mail account does not exist at the organization this message was sent to.", "bounce", "user-unknown", "userunknown", "", "" },
  { "Delivery has failed to these recipients or groups: hanako@example.jp The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.", "bounce", "user-unknown", "userunknown", "", "" },
  { "Please send it to hanako@example.jp tomorrow", "sentence", "unrecognized", "", "", "" },
  /* A mail program quoting the server: the quoted reply decides, not the
   * program's words around it ("internal error"). */
  { "Your outgoing (SMTP) e-mail server has reported an internal error. The server responded: 554 5.7.1 Message rejected", "smtp", "smtp-reply", "rejected", "554", "" },
  { "Login to server pop.example.jp with username hanako failed.", "client", "password-rejected", "", "", "" },
  /* Gmail's bounce headline, en and ja, also under the sender's name */
  { "Address not found. Your message wasn't delivered to hanako@example.jp because the address couldn't be found, or is unable to receive mail.", "bounce", "user-unknown", "userunknown", "", "" },
  { "Domain not found. Your message wasn't delivered to hanako@example.jpp because the domain example.jpp couldn't be found.", "bounce", "host-unknown", "hostunknown", "", "" },
  { "Recipient inbox full. Your message couldn't be delivered to hanako@example.jp. Their inbox is full, or it's getting too much mail right now.", "bounce", "mailbox-full", "mailboxfull", "", "" },
  { "アドレスが見つかりませんでした メッセージは hanako@example.jp に配信されませんでした。", "bounce", "user-unknown", "userunknown", "", "" },
  { "Mail Delivery Subsystem <mailer-daemon@googlemail.com> Address not found", "bounce", "user-unknown", "userunknown", "", "" },
  /* ...but "が見つかりません" alone is no missing server */
  { "宛先のメールアドレスが見つかりませんでした", "bounce", "user-unknown", "userunknown", "", "" },
  /* A mail program that cannot connect (the server was found) */
  { "Cannot connect to the server. Error Number: 0x800CCC0E", "client", "cannot-connect", "", "", "" },
  { "サーバーに接続できません。アカウント: 'example', サーバー: 'pop.example.ne.jp', プロトコル: POP3, ポート: 110, エラー番号: 0x800CCC0E", "client", "cannot-connect", "", "", "" },
  { "Send/Receive error: 0x80042109: Outlook cannot connect to your outgoing (SMTP) e-mail server.", "client", "cannot-connect", "", "", "" },
  { "Cannot Get Mail. The connection to the server failed.", "client", "cannot-connect", "", "", "" },
  { "メールを受信できません。サーバへの接続に失敗しました。", "client", "cannot-connect", "", "", "" },
  /* Thunderbird (ja) and iPhone logins */
  { "ユーザー名 hanako でサーバー pop.example.jp へのログインに失敗しました。", "client", "password-rejected", "", "", "" },
  { "The user name or password for \"pop.example.jp\" is incorrect.", "client", "password-rejected", "", "", "" },
  { "\"pop.example.jp\" のユーザ名またはパスワードが正しくありません。", "client", "password-rejected", "", "", "" },
  /* POP3 and IMAP servers' own words for a refused login or a lock */
  { "-ERR Authentication failed.", "pop3", "pop3-auth", "", "", "" },
  { "-ERR invalid user or password", "pop3", "pop3-auth", "", "", "" },
  { "-ERR Mailbox locked by another session", "pop3", "pop3-in-use", "", "", "" },
  { "-ERR Unknown command", "pop3", "pop3-error", "", "", "" },
  { "a1 NO [ALERT] Application-specific password required (Failure)", "imap", "imap-login-failed", "", "ALERT", "" },
  /* Microsoft 365's report headline, en and ja */
  { "Your message to hanako@example.jp couldn't be delivered. hanako wasn't found at example.jp.", "bounce", "user-unknown", "userunknown", "", "" },
  { "hanako@example.jp への配信に失敗しました。hanako が example.jp で見つかりませんでした。", "bounce", "user-unknown", "userunknown", "", "" },
  { "450 4.1.8 <sender@example.com>: Sender address rejected: Domain not found", "smtp", "sender-rejected", "rejected", "450", "" },
  { "送信者のメール アドレスがサーバーにより拒否されたため、メッセージを送信できません。", "client", "sender-rejected", "", "", "" },
  { "サーバーへの接続がタイムアウトしました。", "client", "connection-timeout", "", "", "" },
  /* POP3 and IMAP response codes */
  { "-ERR [SYS/TEMP] try again later", "pop3", "pop3-sys-temp", "", "SYS/TEMP", "" },
  { "-ERR [SYS/PERM] account disabled", "pop3", "pop3-sys-perm", "", "SYS/PERM", "" },
  { "-ERR [LOGIN-DELAY] minimum time between logins is 300 seconds", "pop3", "pop3-login-delay", "", "LOGIN-DELAY", "" },
  { "-ERR unknown command", "pop3", "pop3-error", "", "", "" },
  { "a001 NO [AUTHENTICATIONFAILED] Authentication failed.", "imap", "imap-login-failed", "", "AUTHENTICATIONFAILED", "" },
  { "a002 NO [OVERQUOTA] Mailbox quota exceeded", "imap", "imap-over-quota", "", "OVERQUOTA", "" },
  { "a003 NO [UNAVAILABLE] Backend down", "imap", "imap-unavailable", "", "UNAVAILABLE", "" },
  { "* NO [INUSE] Mailbox in use", "imap", "imap-in-use", "", "INUSE", "" },
  { "a4 NO [PRIVACYREQUIRED] use TLS", "imap", "imap-privacy-required", "", "PRIVACYREQUIRED", "" },
  { "a5 NO [NONEXISTENT] No such mailbox", "imap", "imap-no-mailbox", "", "NONEXISTENT", "" },
  { "a6 NO [NOPERM] Access denied", "imap", "imap-no-permission", "", "NOPERM", "" },
  { "a7 BAD command unknown", "imap", "imap-error", "", "", "" },
  /* a multi-line reply with no phrase of ours: the classifier's reason */
  { "550-5.1.1 The email account that you tried to reach does not exist.\n550 5.1.1 Please try double-checking the recipient's email address.", "smtp", "smtp-reply", "userunknown", "550", "" },
  /* bare addresses */
  { "hanako@gmial.com", "address", "domain-typo", "", "", "hanako@gmail.com" },
  { "hanako@example.jp", "address", "address-ok", "", "", "" },
  /* Issue 14: every seed-facts text in its own words, then three
   * paraphrases each (other mail programs, languages, MTAs). */
  /* 1: host not found (Outlook Express ja, no spaces around the name) */
  { "ホスト'pop.example.jp'が見つかりません。サーバー名が正しいことを確認してください。", "client", "host-not-found", "", "", "" },
  { "ホスト 'smtp.example.jp' が見つかりませんでした。サーバー名が正しいかどうか確認してください。", "client", "host-not-found", "", "", "" },
  { "Failed to connect to server pop.example.jp.", "client", "host-not-found", "", "", "" },
  { "サーバー pop.example.jp との接続に失敗しました。", "client", "host-not-found", "", "", "" },
  { "An error occurred while sending mail: Outgoing server (SMTP) smtp.example.jp is unknown. The server may be incorrectly configured.", "client", "host-not-found", "", "", "" },
  { "メールの送信中にエラーが発生しました: 送信 (SMTP) サーバー smtp.example.jp が見つかりません。サーバーの設定に誤りがある可能性があります。送信 (SMTP) サーバーの設定が正しいか確認し、再度試してください。", "client", "host-not-found", "", "", "" },
  /* 2: user unknown */
  { "550 <address> User unknown", "smtp", "user-unknown", "userunknown", "550", "" },
  { "550 5.1.1 <hanako@example.jp>... User unknown", "smtp", "user-unknown", "userunknown", "550", "" },
  { "550 5.1.1 <hanako@example.jp>: Recipient address rejected: User unknown in local recipient table", "smtp", "user-unknown", "userunknown", "550", "" },
  { "受信者の 1 人がサーバーによって拒否されたため、メッセージを送信できませんでした。拒否された電子メール アドレス: 'hanako@example.jp'。サーバーの応答: '550 <hanako@example.jp> User unknown'、ポート: 25、エラー番号: 0x800CCC79", "client", "user-unknown", "userunknown", "550", "" },
  { "An error occurred while sending mail. The mail server responded:  \n550 5.1.1 <hanako@example.jp>: Recipient address rejected: User unknown in local recipient table.\n Please check the message recipient \"hanako@example.jp\" and try again.", "client", "user-unknown", "userunknown", "550", "" },
  /* 3: host unknown */
  { "550 <address> Host unknown", "smtp", "host-unknown", "hostunknown", "550", "" },
  { "Address not found. Your message wasn't delivered to hanako@example.jpp because the domain example.jpp couldn't be found. Check for typos or unnecessary spaces and try again.", "bounce", "host-unknown", "hostunknown", "", "" },
  { "Your message wasn't delivered to hanako@example.jpp because the domain example.jpp couldn't be found. Check for typos or unnecessary spaces and try again.", "bounce", "host-unknown", "hostunknown", "", "" },
  { "Your message wasn't delivered to hanako@example.jp because the address couldn't be found. Check for typos or unnecessary spaces and try again.", "bounce", "user-unknown", "userunknown", "", "" },
  { "450 4.1.2 <hanako@example.jpp>: Recipient address rejected: Domain not found", "smtp", "host-unknown", "hostunknown", "450", "" },
  { "The message could not be sent because one of the recipients was rejected by the server. The rejected e-mail address was 'hanako@example.jpp'. Subject 'Hello', Account: 'hanako', Server: 'smtp.example.jp', Protocol: SMTP, Server Response: '550 <hanako@example.jpp> Host unknown', Port: 25, Secure(SSL): No, Server Error: 550, Error Number: 0x800CCC79", "client", "host-unknown", "hostunknown", "550", "" },
  { "メールの送信中にエラーが発生しました。サーバーからの応答:\n550 5.1.2 <hanako@example.jpp>... Host unknown (Name server: example.jpp: host not found)\nメッセージの受信者 \"hanako@example.jpp\" を確認し、再度試してください。", "client", "host-unknown", "hostunknown", "550", "" },
  /* 4: invalid route address */
  { "553 <address> Invalid route address", "smtp", "invalid-route", "userunknown", "553", "" },
  { "553 5.1.3 <hanako@example,co.jp>... Invalid route address", "smtp", "invalid-route", "userunknown", "553", "hanako@example.co.jp" },
  { "The message could not be sent because one of the recipients was rejected by the server. Server Response: '553 <hanako@example,co.jp> Invalid route address', Error Number: 0x800CCC79", "client", "invalid-route", "userunknown", "553", "hanako@example.co.jp" },
  { "サーバーの応答: '553 <hanako@example,co.jp> Invalid route address'", "smtp", "invalid-route", "userunknown", "553", "hanako@example.co.jp" },
  { "An error occurred while sending mail. The mail server responded:  \n553 5.1.3 <hanako@example,co.jp>... Invalid route address.\n Please check the message recipient \"hanako@example,co.jp\" and try again.", "client", "invalid-route", "userunknown", "553", "hanako@example.co.jp" },
  /* 5: relaying denied */
  { "553 <address> Relaying denied", "smtp", "relaying-denied", "norelaying", "553", "" },
  { "554 5.7.1 <hanako@example.jp>: Relay access denied", "smtp", "relaying-denied", "norelaying", "554", "" },
  { "550 relay not permitted", "smtp", "relaying-denied", "norelaying", "550", "" },
  { "The message could not be sent because one of the recipients was rejected by the server. Server Response: '553 5.7.1 <hanako@example.jp>... Relaying denied'", "client", "relaying-denied", "norelaying", "553", "" },
  { "受信者の 1 人がサーバーによって拒否されたため、メッセージを送信できませんでした。拒否された電子メール アドレス: 'hanako@example.jp'。サーバーの応答: '553 5.7.1 <hanako@example.jp>... Relaying denied'、ポート: 25、エラー番号: 0x800CCC79", "client", "relaying-denied", "norelaying", "553", "" },
  { "メールの送信中にエラーが発生しました。サーバーからの応答:\n554 5.7.1 <hanako@example.jp>: Relay access denied\nメッセージの受信者 \"hanako@example.jp\" を確認し、再度試してください。", "client", "relaying-denied", "norelaying", "554", "" },
  { "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain", "smtp", "relaying-denied", "norelaying", "550", "" },
  /* 6: illegal comma */
  { "553 <address> Illegal comma in host name part", "smtp", "comma-in-host", "hostunknown", "553", "" },
  { "553 5.1.2 <hanako@example,.co.jp>... Illegal comma in host name part", "smtp", "comma-in-host", "hostunknown", "553", "hanako@example.co.jp" },
  { "サーバーの応答: '553 <hanako@example,.co.jp> Illegal comma in host name part'", "smtp", "comma-in-host", "hostunknown", "553", "hanako@example.co.jp" },
  { "Server Response: '553 <hanako@example,.co.jp> Illegal comma in host name part'", "smtp", "comma-in-host", "hostunknown", "553", "hanako@example.co.jp" },
  { "An error occurred while sending mail. The mail server responded:  \n553 5.1.2 <hanako@example,.co.jp>... Illegal comma in host name part.\n Please check the message recipient \"hanako@example,.co.jp\" and try again.", "client", "comma-in-host", "hostunknown", "553", "hanako@example.co.jp" },
  /* 7: control characters */
  { "553 <address> Address contains invalid control characters", "smtp", "invalid-characters", "userunknown", "553", "" },
  { "553 5.1.3 <ｈａｎａｋｏ@example.jp>... Address contains invalid control characters", "smtp", "invalid-characters", "userunknown", "553", "hanako@example.jp" },
  { "サーバーの応答: '553 <ｈａｎａｋｏ@example.jp> Address contains invalid control characters'", "smtp", "invalid-characters", "userunknown", "553", "hanako@example.jp" },
  { "Server Response: '553 <ｈａｎａｋｏ@example.jp> Address contains invalid control characters'", "smtp", "invalid-characters", "userunknown", "553", "hanako@example.jp" },
  { "メールの送信中にエラーが発生しました。サーバーからの応答:\n553 5.1.3 <ｈａｎａｋｏ@example.jp>... Address contains invalid control characters\nメッセージの受信者 \"ｈａｎａｋｏ@example.jp\" を確認し、再度試してください。", "client", "invalid-characters", "userunknown", "553", "hanako@example.jp" },
  /* 8: password supplied is incorrect */
  { "-ERR [AUTH] Password supplied for \"xxxxxx\" is incorrect", "pop3", "pop3-auth", "", "AUTH", "" },
  { "-ERR [AUTH] Authentication failed.", "pop3", "pop3-auth", "", "AUTH", "" },
  { "Login to server pop.example.jp with username hanako failed.", "client", "password-rejected", "", "", "" },
  { "サーバーにログオンできませんでした。パスワードが拒否されました。アカウント: 'hanako', サーバー: 'pop.example.jp', プロトコル: POP3, サーバーの応答: '-ERR [AUTH] Password supplied for \"hanako\" is incorrect.', エラー番号: 0x800CCC90", "client", "pop3-auth", "", "AUTH", "" },
  { "Sending of password for user hanako did not succeed.", "client", "password-rejected", "", "", "" },
  { "ユーザー hanako のパスワードを送信できませんでした。", "client", "password-rejected", "", "", "" },
  { "Sending of password for user hanako did not succeed. Mail server pop.example.jp responded: -ERR [AUTH] Password supplied for \"hanako\" is incorrect.", "client", "pop3-auth", "", "AUTH", "" },
  { "ユーザー hanako のパスワードを送信できませんでした。メールサーバー pop.example.jp からの応答: -ERR [AUTH] Authentication failed.", "client", "pop3-auth", "", "AUTH", "" },
  /* 9: lock busy */
  { "-ERR [IN-USE] /var/spool/pop/z/.xxxxxx.pop lock busy! Is another session active?", "pop3", "pop3-in-use", "", "IN-USE", "" },
  { "-ERR [IN-USE] Mailbox is locked by another POP3 session.", "pop3", "pop3-in-use", "", "IN-USE", "" },
  { "-ERR [IN-USE] /var/spool/pop/z/.hanako.pop lock busy! Is another session active? (11)", "pop3", "pop3-in-use", "", "IN-USE", "" },
  { "-ERR Maildrop lock busy!  Is another session active?", "pop3", "pop3-in-use", "", "", "" },
  { "-ERR [IN-USE] Unable to lock maildrop", "pop3", "pop3-in-use", "", "IN-USE", "" },
  { "Mail server pop.example.jp responded: -ERR [IN-USE] Mailbox is locked by another POP3 session.", "pop3", "pop3-in-use", "", "IN-USE", "" },
  { "メールサーバー pop.example.jp からの応答: -ERR [IN-USE] Maildrop lock busy!  Is another session active?", "pop3", "pop3-in-use", "", "IN-USE", "" },
  { "サーバーの応答: '-ERR [IN-USE] /var/spool/pop/z/.hanako.pop lock busy! Is another session active? (11)'", "pop3", "pop3-in-use", "", "IN-USE", "" },
  /* 10: Secure Password Authentication */
  { "Unable to logon to the server using Secure Password Authentication. Account: 'hanako', Server: 'pop.example.jp', Protocol: POP3, Error Number: 0x800CCC18", "client", "secure-password-auth", "", "", "" },
  { "セキュリティで保護されたパスワード認証 (SPA) を使用してサーバーにログオンできません。", "client", "secure-password-auth", "", "", "" },
  { "セキュリティで保護されたパスワード認証を使用してサーバーにログオンできませんでした。アカウント: 'hanako'", "client", "secure-password-auth", "", "", "" },
  /* 11: HELO first (sendmail, Postfix, Exim, Haraka) */
  { "503 5.0.0 Polite people say HELO first", "smtp", "helo-first", "syntaxerror", "503", "" },
  { "503 5.5.1 Error: send HELO/EHLO first", "smtp", "helo-first", "syntaxerror", "503", "" },
  { "503 Error: send HELO/EHLO first", "smtp", "helo-first", "syntaxerror", "503", "" },
  { "503 5.5.1 HELO or EHLO required", "smtp", "helo-first", "syntaxerror", "503", "" },
  { "サーバーの応答: '503 5.0.0 Polite people say HELO first'", "smtp", "helo-first", "syntaxerror", "503", "" },
  { "An error occurred while sending mail: Outgoing server (SMTP) error. The server responded:  503 5.5.1 Error: send HELO/EHLO first.", "smtp", "helo-first", "syntaxerror", "503", "" },
  { "メールの送信中に送信 (SMTP) サーバーエラーが発生しました。サーバーからの応答: 503 5.5.1 Error: send HELO/EHLO first", "smtp", "helo-first", "syntaxerror", "503", "" },
  /* 12: mail from the delivery system */
  { "MAILER-DAEMON", "bounce", "bounce-mail", "", "", "" },
  { "Undelivered Mail Returned to Sender", "bounce", "bounce-mail", "", "", "" },
  { "Returned mail: see transcript for details", "bounce", "bounce-mail", "", "", "" },
  { "Mail delivery failed: returning message to sender", "bounce", "bounce-mail", "", "", "" },
  { "Mail Delivery System <Mailer-Daemon@example.jp>", "bounce", "bounce-mail", "", "", "" },
  { "Delivery Status Notification (Failure)", "bounce", "bounce-mail", "", "", "" },
  { "差出人: Mail Delivery Subsystem <mailer-daemon@googlemail.com> 件名: Delivery Status Notification (Failure)", "bounce", "bounce-mail", "", "", "" },
  { "552 5.2.2 <hanako@example.jp>: Quota exceeded (mailbox for user is full)", "smtp", "mailbox-full", "mailboxfull", "552", "" },
  /* SMTP replies whose text says "Bad" are SMTP, not IMAP */
  { "503 Bad sequence of commands", "smtp", "smtp-reply", "syntaxerror", "503", "" },
  { "554 Bad recipient", "smtp", "smtp-reply", "rejected", "554", "" },
  { "501 Bad address syntax", "smtp", "smtp-reply", "syntaxerror", "501", "" },
  { "503 5.5.1 Bad sequence of commands", "smtp", "smtp-reply", "syntaxerror", "503", "" },
  /* ...and IMAP's BAD is a tagged or untagged response word */
  { "* BAD Invalid command", "imap", "imap-error", "", "", "" },
  { "A0001 BAD Missing argument", "imap", "imap-error", "", "", "" },
  /* Sentences that name an address: the address is read, not corrected */
  { "taro@example.jpに届きませんでした", "sentence", "unrecognized", "", "", "" },
  { "taro@example.jp に届きませんでした", "sentence", "unrecognized", "", "", "" },
  { "山田さんのtaro@gmial.comに送れません", "sentence", "domain-typo", "", "", "taro@gmail.com" },
  { "I wrote to taro@example.jp yesterday", "sentence", "unrecognized", "", "", "" },
  /* ...bare addresses stay addresses */
  { "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ", "address", "fullwidth-characters", "", "", "taro@example.co.jp" },
  { "taro @ example.jp", "address", "space-in-address", "", "", "taro@example.jp" },
  { "taro@例え.jp", "address", "address-ok", "", "", "" },
  { "Taro Yamada <taro@gmial.com>", "sentence", "domain-typo", "", "", "taro@gmail.com" },
  /* Mail programs that cannot connect or lose the connection */
  { "Could not connect to server pop.example.jp; the connection was refused.", "client", "cannot-connect", "", "", "" },
  { "サーバー pop.example.jp に接続できません。接続が拒否されました。", "client", "cannot-connect", "", "", "" },
  { "The message could not be sent because connecting to Outgoing server (SMTP) smtp.example.jp failed.", "client", "cannot-connect", "", "", "" },
  { "Your server has unexpectedly terminated the connection. Possible causes for this include server problems, network problems, or a long period of inactivity. Account: 'hanako', Server: 'pop.example.jp', Protocol: POP3, Port: 110, Secure(SSL): No, Error Number: 0x800CCC0F", "client", "connection-interrupted", "", "", "" },
  { "Your server has unexpectedly terminated the connection. Possible causes for this include server problems, network problems, or a long period of inactivity.", "client", "connection-interrupted", "", "", "" },
  { "タスク 'hanako - 送信中' はエラー (0x800CCC0F) を報告しました: 'サーバーへの接続が中断されました。この問題が引き続き起こる場合は、サーバー管理者かインターネット サービス プロバイダ (ISP) に連絡してください。'", "client", "connection-interrupted", "", "", "" },
  { "サーバーへの接続が中断されました。エラー番号: 0x800CCC0F", "client", "connection-interrupted", "", "", "" },
  { "Connection to server imap.example.jp was interrupted.", "client", "connection-interrupted", "", "", "" },
  { "サーバー imap.example.jp との接続が中断されました。", "client", "connection-interrupted", "", "", "" },
  { "サーバー imap.example.jp との接続がリセットされました。", "client", "connection-interrupted", "", "", "" },
  { "Connection to server imap.example.jp timed out.", "client", "connection-timeout", "", "", "" },
  { "サーバー imap.example.jp との接続がタイムアウトになりました。", "client", "connection-timeout", "", "", "" },
  /* binary: no codes are read from it */
  { "\x01\x02\x03\x04\x05\x06" "550 5.1.1 <a@example.jp> User unknown\x07\x08", "binary", "not-text", "", "", "" },
  { "550 \x83\x86\x81\x5b\x83\x55\x95\x73\x96\xbe", "binary", "not-text", "", "", "" },
  /* bad input */
  { "", "unknown", "unrecognized", "", "", "" },
  { "hello world", "sentence", "unrecognized", "", "", "" },
};

/* A server's words quoted by the guidance ("503 ...", 「-ERR ...」) must
 * be words of @text: guidance never puts a reply in the server's mouth. */
static void
assert_quotes_only_text (const char *guidance, const char *text)
{
  static const char *const marks[][2] = { { "\"", "\"" }, { "「", "」" } };

  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    for (const char *p = guidance; (p = strstr (p, marks[m][0])) != NULL;)
      {
        const char *start = p + strlen (marks[m][0]);
        const char *end = strstr (start, marks[m][1]);
        g_autofree char *quoted = NULL;

        if (end == NULL)
          break;
        quoted = g_strndup (start, end - start);
        if ((g_ascii_isdigit (quoted[0]) && g_ascii_isdigit (quoted[1]) && g_ascii_isdigit (quoted[2])) ||
            g_str_has_prefix (quoted, "-ERR "))
          {
            g_test_message ("guidance quotes \"%s\"", quoted);
            g_assert_nonnull (strstr (text, quoted));
          }
        p = end + strlen (marks[m][1]);
      }
}

static void
test_explain (gconstpointer data)
{
  const ExplainCase *c = data;
  g_autoptr (ModoriExplanation) e = modori_explain (c->text, -1);
  ModoriReason reason = modori_explanation_get_reason (e);
  const char *code = modori_explanation_get_response_code (e)[0]
                       ? modori_explanation_get_response_code (e)
                       : modori_explanation_get_reply_code (e);

  g_assert_cmpstr (modori_explanation_get_case (e), ==, c->case_id);
  g_assert_cmpstr (modori_explanation_get_kind (e), ==, c->kind);
  g_assert_cmpstr (reason == MODORI_REASON_UNDEFINED ? "" : modori_reason_to_string (reason), ==, c->reason);
  g_assert_cmpstr (code, ==, c->code);
  g_assert_cmpstr (modori_explanation_get_suggestion (e), ==, c->suggestion);
  /* every case has its own guidance in both languages */
  for (int f = MODORI_GUIDANCE_TITLE; f <= MODORI_GUIDANCE_TODO; f++)
    {
      const char *ja = modori_explanation_get_guidance (e, "ja", f);
      const char *en = modori_explanation_get_guidance (e, "en", f);
      g_assert_nonnull (ja);
      g_assert_nonnull (en);
      g_assert_cmpstr (ja, !=, en);
      assert_quotes_only_text (ja, c->text);
      assert_quotes_only_text (en, c->text);
    }
  /* binary input has no codes read from it */
  if (strcmp (c->kind, "binary") == 0)
    {
      g_assert_cmpstr (modori_explanation_get_reply_code (e), ==, "");
      g_assert_cmpstr (modori_explanation_get_status_code (e), ==, "");
      g_assert_cmpstr (modori_explanation_get_address (e), ==, "");
    }
  /* a sentence's address is the address alone, never the sentence */
  if (strcmp (c->kind, "sentence") == 0 && strchr (c->text, '@'))
    {
      const char *address = modori_explanation_get_address (e);
      g_assert_cmpuint (strlen (address), >, 0);
      g_assert_nonnull (strstr (c->text, address));
      g_assert_null (strstr (address, "に"));
      g_assert_null (strchr (address, ' '));
    }
}

/* The seed cases whose guidance must say their specific point. */
static void
test_specific_guidance (void)
{
  static const struct { const char *text, *lang, *words; } cases[] = {
    { "-ERR [IN-USE] /var/spool/pop/z/.x.pop lock busy! Is another session active?", "en", "lock" },
    { "-ERR [IN-USE] /var/spool/pop/z/.x.pop lock busy! Is another session active?", "ja", "ロック" },
    { "The host 'smtp.example.com' could not be found.", "en", "security software" },
    { "The host 'smtp.example.com' could not be found.", "en", "mistyped" },
    { "The host 'smtp.example.com' could not be found.", "en", "connected" },
    { "Unable to logon to the server using Secure Password Authentication.", "en", "turn off" },
    { "Unable to logon to the server using Secure Password Authentication.", "ja", "チェックを外して" },
    { "503 Polite people say HELO first", "en", "mail program" },
    { "553 <a@example.jp> Relaying denied", "ja", "回線" },
    { "553 <a@example,co.jp> Invalid route address", "en", "comma" },
    { "Mail Delivery Subsystem", "en", "mailbox is full" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ModoriExplanation) e = modori_explain (cases[i].text, -1);
      g_autofree char *all = g_strconcat (modori_explanation_get_guidance (e, cases[i].lang, MODORI_GUIDANCE_WHAT), " ",
                                          modori_explanation_get_guidance (e, cases[i].lang, MODORI_GUIDANCE_TODO), NULL);
      g_test_message ("%s (%s): %s", cases[i].text, cases[i].lang, all);
      g_assert_nonnull (strstr (all, cases[i].words));
    }
}

/* Every field has a name, in JSON's order, and the name gives what the
 * typed getter gives. */
static void
test_fields (void)
{
  g_autoptr(ModoriExplanation) e = modori_explain ("550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown", -1);
  const char *const *names = modori_explanation_field_names ();
  g_autofree char *json = modori_explanation_to_json (e, "en", FALSE);
  guint n = 0;

  for (; names[n]; n++)
    g_assert_nonnull (modori_explanation_get_field (e, "en", names[n]));
  g_assert_cmpuint (n, ==, 13);
  g_assert_cmpstr (modori_explanation_get_field (e, "en", "kind"), ==, modori_explanation_get_kind (e));
  g_assert_cmpstr (modori_explanation_get_field (e, "en", "case"), ==, modori_explanation_get_case (e));
  g_assert_cmpstr (modori_explanation_get_field (e, "en", "reason"), ==, "userunknown");
  g_assert_cmpstr (modori_explanation_get_field (e, "en", "replycode"), ==, "550");
  g_assert_cmpstr (modori_explanation_get_field (e, "en", "statuscode"), ==, "5.1.1");
  g_assert_cmpstr (modori_explanation_get_field (e, "ja", "title"), ==,
                   modori_explanation_get_guidance (e, "ja", MODORI_GUIDANCE_TITLE));
  g_assert_null (modori_explanation_get_field (e, "en", "nosuchfield"));
  g_assert_true (g_str_has_prefix (json, "{\"kind\":\"smtp\",\"case\":"));
  g_assert_nonnull (strstr (json, "\"reason\":\"userunknown\",\"replycode\":\"550\",\"statuscode\":\"5.1.1\""));
}

static void
test_bad_input (void)
{
  static const char binary[] = "\0\x01\xff\xfe-ERR\0\x80";
  gsize big = 1024 * 1024;
  g_autofree char *line = g_malloc (big + 1);
  g_autoptr (ModoriExplanation) e = NULL;
  g_autoptr (ModoriExplanation) b = NULL;
  g_autoptr (ModoriExplanation) r = NULL;
  g_autofree char *json = NULL;

  e = modori_explain (binary, sizeof binary - 1);
  g_assert_cmpstr (modori_explanation_get_case (e), ==, "not-text");
  g_assert_cmpstr (modori_explanation_get_kind (e), ==, "binary");
  g_assert_cmpstr (modori_explanation_get_response_code (e), ==, "");
  g_assert_nonnull (strstr (modori_explanation_get_found (e), "binary"));
  {
    /* UTF-16 and an image header that hold a reply's digits */
    static const char utf16[] = "\xff\xfe" "5\0" "5\0" "0\0" " \0" "5\0" ".\0" "1\0" ".\0" "1\0";
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR550 5.1.1 <a@example.jp> User unknown";
    g_autoptr (ModoriExplanation) u = modori_explain (utf16, sizeof utf16 - 1);
    g_autoptr (ModoriExplanation) i = modori_explain (png, sizeof png - 1);
    g_assert_cmpstr (modori_explanation_get_kind (u), ==, "binary");
    g_assert_cmpstr (modori_explanation_get_reply_code (u), ==, "");
    g_assert_cmpstr (modori_explanation_get_kind (i), ==, "binary");
    g_assert_cmpstr (modori_explanation_get_reply_code (i), ==, "");
    g_assert_cmpstr (modori_explanation_get_status_code (i), ==, "");
  }
  json = modori_explanation_to_json (e, "en", FALSE);
  g_assert_true (g_utf8_validate (json, -1, NULL));

  memset (line, 'a', big);
  line[big] = '\0';
  b = modori_explain (line, big);
  g_assert_cmpstr (modori_explanation_get_case (b), ==, "unrecognized");
  g_assert_nonnull (strstr (modori_explanation_get_found (b), "1048576 bytes"));

  /* a reply at the end of a huge line is still found */
  memcpy (line + big - 40, " 550 <a@example.jp> User unknown       ", 39);
  r = modori_explain (line, big);
  g_assert_cmpstr (modori_explanation_get_case (r), ==, "user-unknown");
}

typedef struct {
  const char *address;
  guint flaws;
  const char *hint, *suggestion;
} DoctorCase;

static const DoctorCase doctor_cases[] = {
  { "taro@example.co.jp", 0, "", "" },
  { "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ", MODORI_ADDRESS_FLAW_FULLWIDTH, "fullwidth-characters", "taro@example.co.jp" },
  { "taro１２3@example.jp", MODORI_ADDRESS_FLAW_FULLWIDTH, "fullwidth-characters", "taro123@example.jp" },
  { "taro@example,co.jp", MODORI_ADDRESS_FLAW_COMMA_FOR_DOT, "comma-for-dot", "taro@example.co.jp" },
  { "taro,yamada@example.jp", MODORI_ADDRESS_FLAW_COMMA_FOR_DOT, "comma-for-dot", "taro.yamada@example.jp" },
  { "taro@example.jp,", MODORI_ADDRESS_FLAW_COMMA_IN_HOST, "comma-in-host", "taro@example.jp" },
  { "taro @ example.jp", MODORI_ADDRESS_FLAW_SPACE, "space-in-address", "taro@example.jp" },
  { "taro@example.jp\xe3\x80\x80", MODORI_ADDRESS_FLAW_FULLWIDTH | MODORI_ADDRESS_FLAW_SPACE, "fullwidth-characters", "taro@example.jp" },
  { "taro@example。co。jp", MODORI_ADDRESS_FLAW_JAPANESE_PUNCTUATION, "japanese-punctuation", "taro@example.co.jp" },
  { "taro@example、co.jp", MODORI_ADDRESS_FLAW_JAPANESE_PUNCTUATION, "japanese-punctuation", "taro@example.co.jp" },
  { "taro..yamada@example.jp", MODORI_ADDRESS_FLAW_DOTS, "misplaced-dots", "taro.yamada@example.jp" },
  { ".taro.@example.jp", MODORI_ADDRESS_FLAW_DOTS, "misplaced-dots", "taro@example.jp" },
  { "taro@example..jp", MODORI_ADDRESS_FLAW_DOTS, "misplaced-dots", "taro@example.jp" },
  { "taro@.example.jp.", MODORI_ADDRESS_FLAW_DOTS, "misplaced-dots", "taro@example.jp" },
  { "taro..@docomo.ne.jp", 0, "", "" },  /* real old carrier address */
  { "taro@example", MODORI_ADDRESS_FLAW_NO_TLD, "missing-tld", "" },
  { "taro@gmail", MODORI_ADDRESS_FLAW_NO_TLD, "missing-tld", "taro@gmail.com" },
  { "taro\xe2\x80\x8b@example.jp", MODORI_ADDRESS_FLAW_INVISIBLE, "invisible-characters", "taro@example.jp" },
  { "\xef\xbb\xbftaro@example.jp", MODORI_ADDRESS_FLAW_INVISIBLE, "invisible-characters", "taro@example.jp" },
  { "taro@example.jp\xe2\x80\x8f", MODORI_ADDRESS_FLAW_INVISIBLE, "invisible-characters", "taro@example.jp" },
  { "taro@exam\x01ple.jp", MODORI_ADDRESS_FLAW_INVISIBLE, "invisible-characters", "taro@example.jp" },
  { "taro@gmial.com", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@gmail.com" },
  { "taro@gmail.con", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@gmail.com" },
  { "taro@yahoo.co.jo", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@yahoo.co.jp" },
  { "taro@docomo.co.jp", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@docomo.ne.jp" },
  { "taro@ezweb.ne.jo", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@ezweb.ne.jp" },
  { "taro@softbnak.ne.jp", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@softbank.ne.jp" },
  { "taro@outlok.com", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@outlook.com" },
  { "taro@icloud.co", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@icloud.com" },
  { "taro@mail.com", 0, "", "" },   /* a real neighbour of gmail.com */
  { "taro@au.com", 0, "", "" },
  { "taro@GMAIL.COM", 0, "", "" },
  { "taro@例え.jp", 0, "", "" },    /* IDN: fine, see the ASCII form below */
  { "taro@exa_mple\xe2\x80\x8d.jp", MODORI_ADDRESS_FLAW_INVISIBLE, "invisible-characters", "taro@exa_mple.jp" },
  { "taroexample.jp", MODORI_ADDRESS_FLAW_NO_AT, "missing-at", "" },
  { "", MODORI_ADDRESS_FLAW_NO_AT, "missing-at", "" },
  { "ｔａｒｏ＠ｇｍｉａｌ．ｃｏｍ", MODORI_ADDRESS_FLAW_FULLWIDTH | MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "fullwidth-characters", "taro@gmail.com" },
  /* near misses: the same bytes swapped, bytes missing up to the limit
   * (2 for 12 bytes and more, else 1) and past it, ties, known domains */
  { "taro@hotmial.com", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@hotmail.com" },
  { "taro@sofbank.ne.j", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@softbank.ne.jp" },
  { "taro@gmail.comm", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "taro@gmail.com" },
  { "taro@gmail.commm", 0, "", "" },
  { "taro@gmali.con", 0, "", "" },       /* a swap and a substitution: 2 */
  { "taro@yahoo.ce.jp", 0, "", "" },     /* 1 from yahoo.co.jp and yahoo.ne.jp */
  { "taro@Ymail.Com", 0, "", "" },       /* known, though 1 from gmail.com */
  { "Taro@GMIAL.COM", MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo", "Taro@gmail.com" },
  { "taro@gmial,com", MODORI_ADDRESS_FLAW_COMMA_FOR_DOT | MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "comma-for-dot", "taro@gmail.com" },
  { "taro@ gmial.com", MODORI_ADDRESS_FLAW_SPACE | MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "space-in-address", "taro@gmail.com" },
  { "taro@gmail..com", MODORI_ADDRESS_FLAW_DOTS, "misplaced-dots", "taro@gmail.com" },
  { "..taro@docomo.ne.jp", 0, "", "" },
  { "taro@exam\x7fple.jp", MODORI_ADDRESS_FLAW_INVISIBLE, "invisible-characters", "taro@example.jp" },
  { "taro@gmäil.com", 0, "", "" },
};

static void
test_doctor (gconstpointer data)
{
  const DoctorCase *c = data;
  g_autoptr (ModoriAddressDiagnosis) d = modori_address_diagnose (c->address);

  g_assert_cmphex (modori_address_diagnosis_get_flaws (d), ==, c->flaws);
  g_assert_cmpstr (modori_address_diagnosis_get_hint (d), ==, c->hint);
  g_assert_cmpstr (modori_address_diagnosis_get_suggestion (d), ==, c->suggestion);
  if (c->hint[0])
    {
      g_assert_nonnull (modori_guidance_for_hint (c->hint, "ja", MODORI_GUIDANCE_WHAT));
      g_assert_nonnull (modori_guidance_for_hint (c->hint, "en", MODORI_GUIDANCE_TODO));
    }
}

static void
test_idna (void)
{
  g_autoptr (ModoriAddressDiagnosis) ok = modori_address_diagnose ("taro@例え.jp");
  g_autoptr (ModoriAddressDiagnosis) mixed = modori_address_diagnose ("taro@ＭＵＮＣＨＥＮ.de");
  g_autoptr (ModoriAddressDiagnosis) bad = modori_address_diagnose ("taro@xn--a.jp\xe2\x80\x8d");
  g_autoptr (ModoriAddressDiagnosis) bidi = modori_address_diagnose ("taro@\xd7\x90" "a.example");
  g_autoptr (ModoriAddressDiagnosis) mark = modori_address_diagnose ("taro@\xcc\x81" "example.jp");

  g_assert_cmpstr (modori_address_diagnosis_get_ascii (ok), ==, "taro@xn--r8jz45g.jp");
  g_assert_cmpstr (modori_address_diagnosis_get_ascii (mixed), ==, "taro@munchen.de");
  g_assert_cmpstr (modori_address_diagnosis_get_suggestion (mixed), ==, "taro@munchen.de");
  g_assert_true (modori_address_diagnosis_get_flaws (bad) & MODORI_ADDRESS_FLAW_INVISIBLE);
  g_assert_cmpuint (modori_address_diagnosis_get_flaws (bidi), ==, MODORI_ADDRESS_FLAW_BAD_IDN);
  g_assert_cmpstr (modori_address_diagnosis_get_hint (bidi), ==, "invalid-domain");
  g_assert_cmpstr (modori_address_diagnosis_get_ascii (bidi), ==, "");
  g_assert_cmpuint (modori_address_diagnosis_get_flaws (mark), ==, MODORI_ADDRESS_FLAW_BAD_IDN);
  {
    g_autoptr (ModoriAddressDiagnosis) near = modori_address_diagnose ("taro@gmäil.com");
    g_autoptr (ModoriAddressDiagnosis) upper = modori_address_diagnose ("Taro@Ymail.Com");
    g_autoptr (ModoriAddressDiagnosis) typo = modori_address_diagnose ("Taro@GMIAL.COM");
    g_autoptr (ModoriAddressDiagnosis) dotty = modori_address_diagnose ("..taro@docomo.ne.jp");
    g_autoptr (ModoriAddressDiagnosis) no_at = modori_address_diagnose ("ｔａｒｏ");

    g_assert_cmpstr (modori_address_diagnosis_get_ascii (near), ==, "taro@xn--gmil-moa.com");
    g_assert_cmpstr (modori_address_diagnosis_get_ascii (upper), ==, "Taro@ymail.com");
    g_assert_cmpstr (modori_address_diagnosis_get_ascii (typo), ==, "Taro@gmail.com");
    g_assert_cmpstr (modori_address_diagnosis_get_ascii (dotty), ==, "..taro@docomo.ne.jp");
    g_assert_cmpstr (modori_address_diagnosis_get_ascii (no_at), ==, "");
    g_assert_cmpstr (modori_address_diagnosis_get_suggestion (no_at), ==, "");
    g_assert_cmpuint (modori_address_diagnosis_get_flaws (no_at), ==,
                      MODORI_ADDRESS_FLAW_FULLWIDTH | MODORI_ADDRESS_FLAW_NO_AT);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (explain_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/explain/%02u-%s", i, explain_cases[i].case_id);
      g_test_add_data_func (path, &explain_cases[i], test_explain);
    }
  g_test_add_func ("/explain/specific-guidance", test_specific_guidance);
  g_test_add_func ("/explain/bad-input", test_bad_input);
  g_test_add_func ("/explain/fields", test_fields);
  for (guint i = 0; i < G_N_ELEMENTS (doctor_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/address/%02u-%s", i,
                                               doctor_cases[i].hint[0] ? doctor_cases[i].hint : "ok");
      g_test_add_data_func (path, &doctor_cases[i], test_doctor);
    }
  g_test_add_func ("/address/idna", test_idna);
  return g_test_run ();
}
