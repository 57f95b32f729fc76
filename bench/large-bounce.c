/* large-bounce.c: analysis time and peak memory for very large bounces,
 * against the target of issue #7 (under 0.5 s for a 15 MB bounce), and
 * for the largest hostile cases of tests/test-malformed.c. Each case is
 * built in memory and analyzed in a child process of its own
 * (modori_analyzer_analyze_data), so that its peak RSS is its own:
 *   build/bench/large-bounce [--size=MB] [--runs=N]
 * Prints, per case: input size, records, best-of-N seconds (wall clock
 * and CPU), MB/s, peak RSS and what the analysis added to it. No
 * thresholds: read them off. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <modori/modori.h>

#include "synthetic-dsn.h"

typedef GString *(*Builder) (gsize size);

/* An RFC 3464 bounce: @status is the delivery-status body, @original
 * (nullable) the returned message, @extra more bounce headers. */
static GString *
bounce (const char *extra, const char *status, const char *original)
{
  return synthetic_dsn (extra, status, NULL, original);
}

static const char one_recipient[] =
  "Final-Recipient: rfc822; nobody@example.net\nAction: failed\nStatus: 5.1.1\n"
  "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n";

static const char base64_line[] =
  "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n";

/* The returned original, carrying a base64 attachment of @size bytes. */
static GString *
with_attachment (gsize size)
{
  GString *original = g_string_new (
    "From: sender@example.com\nTo: nobody@example.net\nSubject: big\n"
    "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"I\"\n\n"
    "--I\nContent-Type: text/plain\n\nSee the attachment.\n"
    "--I\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n");
  GString *s;

  while (original->len < size)
    g_string_append (original, base64_line);
  g_string_append (original, "--I--\n");
  s = bounce ("", one_recipient, original->str);
  g_string_free (original, TRUE);
  return s;
}

/* One recipient whose Diagnostic-Code goes on for @size bytes of
 * continuation lines. */
static GString *
with_diagnostic (gsize size)
{
  GString *status = g_string_new ("Final-Recipient: rfc822; nobody@example.net\n"
                                  "Action: failed\nStatus: 5.1.1\n"
                                  "Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.net>:");
  GString *s;

  while (status->len < size)
    g_string_append (status, "\n  the recipient's mailbox was not found here, said the server");
  g_string_append_c (status, '\n');
  s = bounce ("", status->str, NULL);
  g_string_free (status, TRUE);
  return s;
}

/* As many recipient groups as fit in @size bytes (more than the limit). */
static GString *
with_recipients (gsize size)
{
  GString *status = g_string_new (NULL);
  GString *s;

  for (guint i = 0; status->len < size; i++)
    g_string_append_printf (status,
                            "Final-Recipient: rfc822; user%u@example.net\nAction: failed\n"
                            "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n\n", i);
  s = bounce ("", status->str, NULL);
  g_string_free (status, TRUE);
  return s;
}

/* The big cases of tests/test-malformed.c, the same shapes. */
static GString *
deep_nesting (gsize unused)
{
  GString *s = g_string_new ("From: MAILER-DAEMON@mx.example.org\nTo: a@example.com\n"
                             "Subject: deep\nMIME-Version: 1.0\n");

  for (int i = 0; i < 1000; i++)
    g_string_append_printf (s, "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i);
  g_string_append (s, "Content-Type: text/plain\n\nhello\n");
  for (int i = 999; i >= 0; i--)
    g_string_append_printf (s, "--b%d--\n", i);
  return s;
}

static GString *
huge_header (gsize unused)
{
  g_autofree char *line = g_strnfill (1024 * 1024, 'x');
  g_autofree char *extra = g_strdup_printf ("X-Huge: %s\n", line);

  return bounce (extra, one_recipient, NULL);
}

static GString *
hundred_thousand_recipients (gsize unused)
{
  GString *status = g_string_new (NULL);
  GString *s;

  for (int i = 0; i < 100000; i++)
    g_string_append_printf (status, "Final-Recipient: rfc822; user%d@example.net\n"
                                    "Action: failed\nStatus: 5.1.1\n\n", i);
  s = bounce ("", status->str, NULL);
  g_string_free (status, TRUE);
  return s;
}

static GString *
attachment_50mb (gsize unused)
{
  return with_attachment (50 * 1024 * 1024);
}

typedef struct {
  const char *name;
  Builder build;
  gboolean sized;   /* built to --size */
} Case;

static const Case cases[] = {
  { "dsn + returned original with attachment", with_attachment, TRUE },
  { "dsn, one huge diagnostic text", with_diagnostic, TRUE },
  { "dsn, many recipients", with_recipients, TRUE },
  { "malformed: 1,000-deep nesting", deep_nesting, FALSE },
  { "malformed: 1 MB header line", huge_header, FALSE },
  { "malformed: 100,000 recipients", hundred_thousand_recipients, FALSE },
  { "malformed: 50 MB attachment", attachment_50mb, FALSE },
};

/* The peak RSS in kB so far (VmHWM); with @reset, starts it again from
 * the current RSS (Linux's clear_refs "5"), so that the building of the
 * input does not count. Falls back to getrusage() elsewhere. */
static long
peak_rss_kb (gboolean reset)
{
  g_autofree char *status = NULL;
  struct rusage usage;
  const char *hwm;

  if (reset)
    {
      FILE *f = fopen ("/proc/self/clear_refs", "w");
      if (f)
        {
          fputs ("5", f);
          fclose (f);
        }
    }
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (hwm = strstr (status, "VmHWM:")) != NULL)
    return strtol (hwm + 6, NULL, 10);
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

typedef struct {
  double seconds;       /* the analysis alone */
  double cpu;           /* its CPU time: the figure on a busy machine */
  long base_rss_kb;     /* RSS before it: the process and the input */
  long max_rss_kb;      /* peak RSS during it */
  gsize input;
  guint records;
} Result;

/* In a child: builds the case, analyzes it, writes a Result to @fd. */
static void
child (const Case *c, gsize size, int fd)
{
  ModoriAnalyzer *analyzer = modori_analyzer_new ();
  GString *input = c->build (size);
  GError *error = NULL;
  ModoriReport *report;
  Result r = { 0 };
  gint64 start;
  double cpu;

  r.base_rss_kb = peak_rss_kb (TRUE);
  r.input = input->len;
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  report = modori_analyzer_analyze_data (analyzer, input->str, input->len, "bench", &error);
  r.cpu = cpu_seconds () - cpu;
  r.seconds = (g_get_monotonic_time () - start) / 1e6;
  if (report == NULL)
    g_error ("%s: %s", c->name, error->message);
  r.max_rss_kb = peak_rss_kb (FALSE);
  r.records = modori_report_get_n_records (report);
  if (write (fd, &r, sizeof r) != sizeof r)
    _exit (1);
  _exit (0);
}

static Result
run_case (const Case *c, gsize size)
{
  Result r;
  int fds[2], status;
  pid_t pid;

  if (pipe (fds) != 0)
    g_error ("pipe failed");
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      child (c, size, fds[1]);
    }
  close (fds[1]);
  if (pid < 0 || read (fds[0], &r, sizeof r) != sizeof r
      || waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s: the child failed", c->name);
  close (fds[0]);
  return r;
}

int
main (int argc, char **argv)
{
  gint size_mb = 15, runs = 3;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_INT, &size_mb, "size of the large bounces (default 15)", "MB" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "runs per case; the best is shown (default 3)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- time very large bounces");
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || size_mb < 1 || runs < 1)
    {
      fprintf (stderr, "large-bounce: %s\n", error ? error->message : "--size and --runs must be positive");
      return 2;
    }
  printf ("%-42s %9s %8s %9s %8s %8s %10s %10s\n", "case", "input MB", "records",
          "seconds", "cpu s", "MB/s", "peak RSS", "analysis");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result best = { 0 };

      for (int n = 0; n < runs; n++)
        {
          Result r = run_case (&cases[i], (gsize) size_mb * 1024 * 1024);
          if (n == 0 || r.seconds < best.seconds)
            best = r;
        }
      printf ("%-42s %9.1f %8u %9.3f %8.3f %8.1f %7ld MB %7ld MB%s\n", cases[i].name,
              best.input / 1048576.0, best.records, best.seconds, best.cpu,
              best.input / 1048576.0 / best.seconds, best.max_rss_kb / 1024,
              (best.max_rss_kb - best.base_rss_kb) / 1024,
              cases[i].sized ? (best.seconds < 0.5 ? "  (target < 0.5 s: met)" : "  (target < 0.5 s: MISSED)") : "");
    }
  printf ("peak RSS: of the whole process during the analysis, input included;\n"
          "analysis: peak RSS minus the RSS just before it.\n");
  return 0;
}
