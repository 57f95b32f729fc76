/* classify-scaling.c: time to classify one record as its diagnostic text
 * grows from 100 bytes to 1 MB. The phrase matcher is one pass over the
 * text, so time per byte should stay flat. Prints one table; the ratios
 * come from this one run (machines are noisy: no thresholds here). */
#include <stdio.h>
#include <string.h>

#include "classify.h"

/* Filler that looks like server prose but matches no phrase until the
 * end, where the deciding phrase sits: the worst case for a scan. */
static char *
make_text (gsize size)
{
  static const char *const words[] = {
    "the", "remote", "server", "answered", "with", "a", "message", "about",
    "delivery", "of", "your", "mail", "to", "recipient", "please", "check",
  };
  GString *text = g_string_sized_new (size + 32);
  guint i = 0;

  g_string_append (text, "550 ");
  while (text->len < size - 20)
    {
      g_string_append (text, words[i++ % G_N_ELEMENTS (words)]);
      g_string_append_c (text, ' ');
    }
  g_string_append (text, "mailbox is full");
  return g_string_free (text, FALSE);
}

int
main (void)
{
  static const gsize sizes[] = { 100, 1000, 10000, 100000, 1000000 };
  double first_ns_per_byte = 0;

  printf ("%10s %10s %14s %12s %8s\n", "bytes", "runs", "us/record", "ns/byte", "ratio");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      char *text = make_text (sizes[s]);
      gsize length = strlen (text);
      guint runs = MAX (20, (guint) (20000000 / length));
      gint64 start, elapsed;
      double ns_per_byte;

      start = g_get_monotonic_time ();
      for (guint r = 0; r < runs; r++)
        {
          ModoriRecord *record = _modori_record_new ();
          _modori_record_set (record, FIELD_ACTION, "failed");
          _modori_record_set (record, FIELD_DIAGNOSTICCODE, text);
          _modori_classify (record);
          if (record->reason != MODORI_REASON_MAILBOX_FULL)
            g_error ("classified %s, not mailboxfull", modori_reason_to_string (record->reason));
          modori_record_unref (record);
        }
      elapsed = g_get_monotonic_time () - start;
      ns_per_byte = elapsed * 1000.0 / runs / length;
      if (s == 0)
        first_ns_per_byte = ns_per_byte;
      printf ("%10zu %10u %14.2f %12.3f %8.2f\n", length, runs, (double) elapsed / runs,
              ns_per_byte, ns_per_byte / first_ns_per_byte);
      g_free (text);
    }
  return 0;
}
