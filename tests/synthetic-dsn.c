/* synthetic-dsn.c: see synthetic-dsn.h. */
#include "synthetic-dsn.h"

GString *
synthetic_dsn (const char *extra_headers, const char *status,
               const char *charset, const char *original)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s,
    "From: MAILER-DAEMON@mx.example.org\n"
    "To: sender@example.com\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Date: Mon, 2 Sep 2024 10:00:00 +0000\n"
    "%s"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain%s%s\n"
    "\n"
    "Delivery failed.\n"
    "\n"
    "--B\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mx.example.org\n"
    "\n"
    "%s\n",
    extra_headers, charset ? "; charset=" : "", charset ? charset : "", status);
  if (original)
    g_string_append_printf (s, "--B\nContent-Type: message/rfc822\n\n%s", original);
  g_string_append (s, "--B--\n");
  return s;
}
