/* batch-scan.c: builds a large mbox from testdata's samples (each copy
 * with its own addresses), then times, in one run, `modori -j 1`,
 * `modori -j 2` and gmime-floor (a bare GMime parse of the same file) and
 * prints messages/s, MB/s, peak RSS and the ratios. Run from the source
 * root:
 *   build/bench/batch-scan [--messages=N | --size=MB] [--rounds=N] [--keep]
 * The defaults make 10,000 messages; --size=1024 makes a 1 GB mbox.
 * No thresholds: machines are noisy; the targets are read off. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

typedef struct {
  double seconds;
  long max_rss_kb;      /* the largest process's, from wait4() */
  long tree_rss_kb;     /* the most all its processes held at once */
  long tree_pss_kb;     /* the same with shared pages split between them */
} Run;

typedef struct {
  pid_t root;
  gint done;
  long rss_kb, pss_kb;
} Sampler;

static long
rollup_field (const char *rollup, const char *name)
{
  const char *at = strstr (rollup, name);
  return at ? strtol (at + strlen (name), NULL, 10) : 0;
}

/* Adds the Rss and Pss of @pid and of its children (-j N's workers). */
static void
sample_tree (pid_t root, long *rss_kb, long *pss_kb)
{
  g_autoptr (GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  *rss_kb = *pss_kb = 0;
  while (proc && (name = g_dir_read_name (proc)))
    {
      g_autofree char *stat_path = g_strdup_printf ("/proc/%s/stat", name);
      g_autofree char *rollup_path = g_strdup_printf ("/proc/%s/smaps_rollup", name);
      g_autofree char *stat = NULL, *rollup = NULL;
      const char *after_name;
      long pid = strtol (name, NULL, 10), ppid;

      if (pid <= 0 || !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          (after_name = strrchr (stat, ')')) == NULL)
        continue;
      /* ") S PPID ..." */
      ppid = strtol (after_name + 4, NULL, 10);
      if ((pid != root && ppid != root) || !g_file_get_contents (rollup_path, &rollup, NULL, NULL))
        continue;
      *rss_kb += rollup_field (rollup, "\nRss:");
      *pss_kb += rollup_field (rollup, "\nPss:");
    }
}

static gpointer
sampler_thread (gpointer data)
{
  Sampler *sampler = data;

  while (!g_atomic_int_get (&sampler->done))
    {
      long rss_kb, pss_kb;

      sample_tree (sampler->root, &rss_kb, &pss_kb);
      sampler->rss_kb = MAX (sampler->rss_kb, rss_kb);
      sampler->pss_kb = MAX (sampler->pss_kb, pss_kb);
      g_usleep (10000);
    }
  return NULL;
}

/* Starts @argv with stdout to /dev/null. */
static pid_t
spawn (char **argv)
{
  pid_t pid;

  fflush (stdout);   /* or the child's freopen() prints it again */
  pid = fork ();
  if (pid == 0)
    {
      if (freopen ("/dev/null", "w", stdout) == NULL)
        _exit (127);
      execv (argv[0], argv);
      _exit (127);
    }
  return pid;
}

/* Two copies of @argv side by side: what this machine's two cores give
 * two independent processes, the ceiling for -j 2. The time until both
 * end. */
static double
run_side_by_side (char **argv)
{
  gint64 start = g_get_monotonic_time ();
  pid_t first = spawn (argv), second = spawn (argv);
  int status;

  if (first < 0 || second < 0 || waitpid (first, &status, 0) < 0 || waitpid (second, &status, 0) < 0)
    g_error ("%s failed", argv[0]);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Runs @argv with stdout to /dev/null; its time and peak memory. With
 * @sample, the memory of all its processes is sampled from /proc, which
 * slows them (reading smaps walks their page tables): timed runs do not
 * sample, a run of its own measures the memory. */
static Run
run (char **argv, gboolean sample)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid;
  Run result;
  Sampler sampler = { 0 };
  GThread *thread;

  pid = spawn (argv);
  sampler.root = pid;
  thread = sample ? g_thread_new ("sampler", sampler_thread, &sampler) : NULL;
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) > 2)
    g_error ("%s failed", argv[0]);
  result.seconds = (g_get_monotonic_time () - start) / 1e6;
  g_atomic_int_set (&sampler.done, TRUE);
  if (thread)
    g_thread_join (thread);
  result.max_rss_kb = usage.ru_maxrss;
  result.tree_rss_kb = MAX (sampler.rss_kb, usage.ru_maxrss);
  result.tree_pss_kb = sampler.pss_kb;
  return result;
}

static int
compare_seconds (const void *a, const void *b)
{
  const Run *x = a, *y = b;
  return (x->seconds > y->seconds) - (x->seconds < y->seconds);
}

/* The time of the median run; the memory of @sampled, a run of its own
 * (timed runs do not sample it), or the most any run used. */
static Run
median (Run *runs, int n, Run sampled)
{
  Run result;
  long rss = sampled.max_rss_kb;

  for (int i = 0; i < n; i++)
    rss = MAX (rss, runs[i].max_rss_kb);
  qsort (runs, n, sizeof *runs, compare_seconds);
  result = runs[n / 2];
  result.max_rss_kb = rss;
  result.tree_rss_kb = MAX (sampled.tree_rss_kb, rss);
  result.tree_pss_kb = sampled.tree_pss_kb;
  return result;
}

static GPtrArray *
load_samples (void)
{
  GPtrArray *samples = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) top = g_dir_open ("testdata", 0, NULL);
  const char *family;

  if (top == NULL)
    g_error ("run from the source root (testdata/ not found)");
  while ((family = g_dir_read_name (top)))
    {
      g_autofree char *dir = g_build_filename ("testdata", family, NULL);
      g_autoptr (GDir) files = g_dir_open (dir, 0, NULL);
      const char *name;

      while (files && (name = g_dir_read_name (files)))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          char *contents;

          if (g_str_has_suffix (name, ".eml") && g_file_get_contents (path, &contents, NULL, NULL))
            g_ptr_array_add (samples, contents);
        }
    }
  return samples;
}

/* Copy @copy of a sample: every "@example" domain becomes "@exampleN",
 * lines starting "From " are quoted as mboxrd does. */
static void
write_copy (FILE *out, const char *sample, guint copy)
{
  char suffix[16];
  const char *line = sample;

  g_snprintf (suffix, sizeof suffix, "%u", copy % 5000);
  fprintf (out, "From MAILER-DAEMON Tue Mar  5 10:22:31 2024\n");
  while (*line)
    {
      const char *end = strchr (line, '\n');
      gsize length = end ? (gsize) (end - line + 1) : strlen (line);
      const char *p = line, *hit;
      gsize i = 0;

      while (i < length && line[i] == '>')
        i++;
      if (length - i >= 5 && strncmp (line + i, "From ", 5) == 0)
        fputc ('>', out);
      while ((hit = g_strstr_len (p, line + length - p, "@example")) != NULL)
        {
          fwrite (p, 1, hit + 8 - p, out);
          fputs (suffix, out);
          p = hit + 8;
        }
      fwrite (p, 1, line + length - p, out);
      line += length;
    }
  if (line > sample && line[-1] != '\n')
    fputc ('\n', out);
  fputc ('\n', out);
}

int
main (int argc, char **argv)
{
  int messages = 10000, size_mb = 0, rounds = 3;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "messages", 'n', 0, G_OPTION_ARG_INT, &messages, "Messages in the mbox (default 10000)", "N" },
    { "size", 's', 0, G_OPTION_ARG_INT, &size_mb, "Make the mbox this many MB instead", "MB" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Run each this many times, interleaved; the median counts (default 3)", "N" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the mbox (its path is printed)", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- modori vs a bare GMime parse");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) samples = NULL;
  g_autofree char *dir = NULL, *mbox = NULL, *self_dir = NULL, *modori = NULL, *floor_bin = NULL;
  char *modori_j1[] = { NULL, "--quiet", "--format=jsonl", "-j", "1", NULL, NULL };
  char *modori_j2[] = { NULL, "--quiet", "--format=jsonl", "-j", "2", NULL, NULL };
  char *floor_argv[] = { NULL, NULL, NULL };
  guint64 bytes;
  guint n = 0;
  FILE *out;
  Run floor_run, j1, j2, pair;
  double mb;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  self_dir = g_path_get_dirname (argv[0]);
  modori = g_build_filename (self_dir, "..", "cli", "modori", NULL);
  floor_bin = g_build_filename (self_dir, "gmime-floor", NULL);
  samples = load_samples ();
  dir = g_dir_make_tmp ("modori-bench-XXXXXX", NULL);
  mbox = g_build_filename (dir, "bounces.mbox", NULL);
  out = fopen (mbox, "w");
  for (;;)
    {
      write_copy (out, g_ptr_array_index (samples, n % samples->len), n / samples->len);
      n++;
      if (size_mb > 0 ? ftell (out) >= (long) size_mb * 1024 * 1024 : n >= (guint) messages)
        break;
    }
  bytes = ftell (out);
  fclose (out);
  mb = bytes / 1048576.0;
  printf ("mbox: %u messages, %.1f MB (%u samples, %u processors)\n",
          n, mb, samples->len, g_get_num_processors ());

  floor_argv[0] = floor_bin; floor_argv[1] = mbox;
  modori_j1[0] = modori_j2[0] = modori;
  modori_j1[5] = modori_j2[5] = mbox;
  rounds = CLAMP (rounds, 1, 99);
  {
    Run floor_runs[100], j1_runs[100], j2_runs[100], pair_runs[100] = { { 0 } };

    /* Interleaved, so that a slow spell of the machine hits all three. */
    for (int i = 0; i < rounds; i++)
      {
        floor_runs[i] = run (floor_argv, FALSE);
        j1_runs[i] = run (modori_j1, FALSE);
        j2_runs[i] = run (modori_j2, FALSE);
        pair_runs[i].seconds = run_side_by_side (modori_j1);
      }
    /* One more run each, sampled, for the memory of all processes. */
    floor_runs[rounds] = run (floor_argv, TRUE);
    j1_runs[rounds] = run (modori_j1, TRUE);
    j2_runs[rounds] = run (modori_j2, TRUE);
    floor_run = median (floor_runs, rounds, floor_runs[rounds]);
    j1 = median (j1_runs, rounds, j1_runs[rounds]);
    j2 = median (j2_runs, rounds, j2_runs[rounds]);
    pair = median (pair_runs, rounds, pair_runs[rounds]);
  }

  printf ("median of %d rounds; memory: peak RSS of the largest process, and of all its processes\n"
          "together (RSS counts shared pages in each, PSS splits them)\n", rounds);
  printf ("%-12s %8s %8s %7s %9s %9s %9s\n", "", "seconds", "msg/s", "MB/s", "RSS MB", "all RSS", "all PSS");
#define ROW(name, r) printf ("%-12s %8.2f %8.0f %7.1f %9.1f %9.1f %9.1f\n", name, r.seconds, n / r.seconds, mb / r.seconds, \
                             r.max_rss_kb / 1024.0, r.tree_rss_kb / 1024.0, r.tree_pss_kb / 1024.0)
  ROW ("gmime-floor", floor_run);
  ROW ("modori -j 1", j1);
  ROW ("modori -j 2", j2);
  printf ("%-12s %8.2f %8.0f %7.1f   (two -j 1 processes side by side, both counted)\n", "2 x -j 1",
          pair.seconds, 2 * n / pair.seconds, 2 * mb / pair.seconds);
  printf ("ratios: -j 1 / gmime-floor = %.2f (target >= 0.85); -j 2 / -j 1 = %.2f (target >= 1.7 on 2 cores;\n"
          "        this machine gives two independent processes %.2f)\n",
          floor_run.seconds / j1.seconds, j1.seconds / j2.seconds, 2 * j1.seconds / pair.seconds);

  if (keep)
    printf ("kept %s\n", mbox);
  else
    {
      g_unlink (mbox);
      g_rmdir (dir);
    }
  return 0;
}
