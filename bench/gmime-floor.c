/* gmime-floor.c: the least any GMime-based tool does with an mbox: parse
 * every message and walk every part. bench/batch-scan compares modori
 * with it. Prints the number of messages and parts. */
#include <fcntl.h>
#include <stdio.h>

#include <gmime/gmime.h>

static void
count_part (GMimeObject *parent, GMimeObject *part, gpointer data)
{
  (*(guint64 *) data)++;
}

int
main (int argc, char **argv)
{
  GMimeStream *stream;
  GMimeParser *parser;
  guint64 messages = 0, parts = 0;
  int fd;

  if (argc != 2 || (fd = open (argv[1], O_RDONLY)) < 0)
    {
      fprintf (stderr, "usage: gmime-floor MBOX\n");
      return 2;
    }
  g_mime_init ();
  stream = g_mime_stream_fs_new (fd);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MBOX);
  while (!g_mime_parser_eos (parser))
    {
      GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);
      if (message == NULL)
        break;
      messages++;
      g_mime_message_foreach (message, count_part, &parts);
      g_object_unref (message);
    }
  printf ("%" G_GUINT64_FORMAT " messages, %" G_GUINT64_FORMAT " parts\n", messages, parts);
  g_object_unref (parser);
  g_object_unref (stream);
  g_mime_shutdown ();
  return 0;
}
