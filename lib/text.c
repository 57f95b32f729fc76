/* text.c: small single-pass text scanners. */
#include <string.h>

#include "matcher.h"
#include "text.h"

char *
_modori_text_collapse_space_max (const char *text, gsize max, gboolean *cut)
{
  gsize length = strnlen (text, max);
  char *out = g_malloc (length + 1);
  char *w = out;
  const char *p = text, *end = text + length;

  /* Runs of non-space bytes are copied whole: engines call this once per
   * recipient on the text they share, up to tens of KB each time. */
  while (p < end)
    {
      const char *run = p;

      while (p < end && !g_ascii_isspace (*p))
        p++;
      if (p > run)
        {
          if (w > out)
            *w++ = ' ';
          memcpy (w, run, p - run);
          w += p - run;
        }
      while (p < end && g_ascii_isspace (*p))
        p++;
    }
  *w = '\0';
  if (cut)
    *cut = text[length] != '\0';
  return out;
}

char *
_modori_text_collapse_space (const char *text)
{
  return _modori_text_collapse_space_max (text, G_MAXSIZE, NULL);
}

/* g_ascii_tolower() and g_ascii_toupper() without the call, for the
 * inner loops. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static inline char
ascii_upper (char c)
{
  return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
}

/* Sixteen bytes, compared at once (GCC's generic vectors: SSE2 on x86-64,
 * plain code where there is nothing better). */
typedef guchar Bytes16 __attribute__ ((vector_size (16)));

/* The first matching byte of @bits (the lanes of a Bytes16 compare, as
 * read into a guint64: 0xff in each lane that matched), from the
 * lowest address. */
static inline guint
first_lane (guint64 bits)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  return (guint) __builtin_ctzll (bits) / 8;
#else
  return (guint) __builtin_clzll (bits) / 8;
#endif
}

/* Whether the @n bytes at @p are those at @q, ASCII case aside: what
 * g_ascii_strncasecmp() says, without the call, where neither has a NUL
 * in them. */
static inline gboolean
equal_nocase (const guchar *p, const char *q, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (ascii_lower (p[i]) != ascii_lower (q[i]))
      return FALSE;
  return TRUE;
}

/* _modori_text_find_nocase_len() of the @n bytes of @needle. */
static const char *
find_nocase (const char *haystack, gsize length, const char *needle, gsize n)
{
  const guchar *h = (const guchar *) haystack;
  guchar lower0, fold0, lower1, fold1;
  gsize i = 0;

  if (n == 0)
    return haystack;
  if (length < n)
    return NULL;
  if (n == 1)
    {
      for (; i < length; i++)
        if (ascii_lower (h[i]) == ascii_lower (needle[0]))
          return haystack + i;
      return NULL;
    }
  /* A byte is a letter's either case when it is the lower one with 0x20
   * set (the two differ in that bit alone), any other byte when equal. */
  lower0 = (guchar) ascii_lower (needle[0]), fold0 = g_ascii_isalpha (needle[0]) ? 0x20 : 0;
  lower1 = (guchar) ascii_lower (needle[1]), fold1 = g_ascii_isalpha (needle[1]) ? 0x20 : 0;
  /* This runs over every byte of every bounce, many times, mostly for
   * needles whose first letter is common: sixteen places at a time are
   * tested for the needle's first two bytes in either case, and only
   * where both are found, lane by lane, is the rest compared. A place is
   * a start when the needle fits before the end (no later one does when
   * a place does not); a block reads one byte past its last place, so
   * blocks stop before that byte would be past the end. */
  for (; i + 16 < length; i += 16)
    {
      Bytes16 at, next, hit;
      guint64 halves[2];

      memcpy (&at, h + i, 16);
      memcpy (&next, h + i + 1, 16);
      hit = (Bytes16) ((at | fold0) == lower0) & (Bytes16) ((next | fold1) == lower1);
      memcpy (halves, &hit, sizeof halves);
      if ((halves[0] | halves[1]) == 0)
        continue;
      for (guint half = 0; half < 2; half++)
        for (guint64 bits = halves[half]; bits != 0;)
          {
            guint lane = first_lane (bits);
            gsize j = i + half * 8 + lane;

            if (j + n > length)
              return NULL;
            if (equal_nocase (h + j + 2, needle + 2, n - 2))
              return haystack + j;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
            bits &= ~((guint64) 0xff << (lane * 8));
#else
            bits &= ~((guint64) 0xff << (56 - lane * 8));
#endif
          }
    }
  for (; i + n <= length; i++)
    if ((guchar) ascii_lower (h[i]) == lower0 && (guchar) ascii_lower (h[i + 1]) == lower1 &&
        equal_nocase (h + i + 2, needle + 2, n - 2))
      return haystack + i;
  return NULL;
}

const char *
_modori_text_find_nocase_len (const char *haystack, gsize length, const char *needle)
{
  return find_nocase (haystack, length, needle, strlen (needle));
}

const char *
_modori_text_find_nocase (const char *haystack, const char *needle)
{
  /* One byte: strpbrk() finds it in one pass, with no strlen(). */
  if (needle[0] != '\0' && needle[1] == '\0')
    {
      const char first[] = { ascii_lower (*needle), ascii_upper (*needle), '\0' };
      return strpbrk (haystack, first);
    }
  return _modori_text_find_nocase_len (haystack, strlen (haystack), needle);
}

/* Length of a run of 1 to @max digits at @p, or 0. */
static int
digits (const char *p, int max)
{
  int n = 0;

  while (n <= max && g_ascii_isdigit (p[n]))
    n++;
  return (n >= 1 && n <= max) ? n : 0;
}

/* Length of a status code starting exactly at @p, or 0. */
static int
status_code_at (const char *p)
{
  int s, d;

  if (p[0] != '2' && p[0] != '4' && p[0] != '5')
    return 0;
  if (p[1] != '.' || !(s = digits (p + 2, 3)) || p[2 + s] != '.')
    return 0;
  if (!(d = digits (p + 3 + s, 3)))
    return 0;
  return 3 + s + d;
}

gboolean
_modori_text_find_reply_status_code (const char *text, char *code)
{
  /* Only a '4' or a '5' can start one: strpbrk() leaps to those. */
  for (const char *p = text; (p = strpbrk (p, "45")) != NULL; p++)
    {
      const char *q = p + 4;
      int n;

      if ((p > text && g_ascii_isalnum (p[-1])) || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) ||
          (p[3] != ' ' && p[3] != '-'))
        continue;
      if (*q == '\'' || *q == '"')
        q++;
      if (q[0] != p[0] || (n = status_code_at (q)) == 0 || (q[n] == '.' && g_ascii_isdigit (q[n + 1])))
        continue;
      memcpy (code, q, n);
      code[n] = '\0';
      return TRUE;
    }
  return FALSE;
}

gboolean
_modori_text_is_status_code (const char *code)
{
  int n = code ? status_code_at (code) : 0;

  return n > 0 && code[n] == '\0';
}

gboolean
_modori_text_find_status_code (const char *text, char *code)
{
  /* status_code_at() finds none but at a '2', a '4' or a '5'. */
  for (const char *p = text; (p = strpbrk (p, "245")) != NULL; p++)
    {
      int n;

      if (p > text && (g_ascii_isdigit (p[-1]) || p[-1] == '.'))
        continue;
      n = status_code_at (p);
      if (n == 0)
        continue;
      /* "5.1.1.1" or "192.0.2.1"-like: part of a longer dotted number. */
      if (p[n] == '.' && g_ascii_isdigit (p[n + 1]))
        continue;
      memcpy (code, p, n);
      code[n] = '\0';
      return TRUE;
    }
  return FALSE;
}

/* RFC 5321 4.2: the second digit is 0 to 5; "571" is no reply code. */
static gboolean
reply_code_at (const char *p, char *code)
{
  if ((p[0] == '2' || p[0] == '4' || p[0] == '5') &&
      p[1] >= '0' && p[1] <= '5' && g_ascii_isdigit (p[2]) &&
      !g_ascii_isdigit (p[3]) && p[3] != '.')
    {
      memcpy (code, p, 3);
      code[3] = '\0';
      return TRUE;
    }
  return FALSE;
}

static const char *const reply_leads[] = {
  "said:", "refused to talk to me:",            /* Postfix's SMTP client */
  "server responded:", "server response:",       /* mail programs quoting the server */
};

/* A reply code standing alone: not part of a number, a version, a time
 * or a list ("1.550", "10:55", "550,"), followed by a space, a hyphen,
 * a quote or the end of the line. */
static gboolean
standalone_reply_code_at (const char *text, const char *p, char *code)
{
  if (p[0] < '2' || p[0] > '5' || p[1] < '0' || p[1] > '5' || !g_ascii_isdigit (p[2]))
    return FALSE;
  if (p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '.' || p[-1] == ':' || p[-1] == ','))
    return FALSE;
  if (p[3] != '\0' && p[3] != ' ' && p[3] != '-' && p[3] != '\r' && p[3] != '\n' && p[3] != '\'')
    return FALSE;
  memcpy (code, p, 3);
  code[3] = '\0';
  return TRUE;
}

/* The reply code right after the first of reply_leads[] that has one
 * (in the order of the table, then of the text), as a search of each in
 * turn finds it, in one pass: each lead ends in its only ':', so its
 * occurrences end at colons (none overlaps another of the same lead),
 * and only the leads above the best found so far are tried at each. */
static gboolean
find_lead_reply_code (const char *text, char *code)
{
  guint best = G_N_ELEMENTS (reply_leads);

  for (const char *colon = strchr (text, ':'); colon && best > 0; colon = strchr (colon + 1, ':'))
    for (guint i = 0; i < best; i++)
      {
        gsize n = strlen (reply_leads[i]);
        const char *q = colon + 1;

        if ((gsize) (q - text) < n || !equal_nocase ((const guchar *) q - n, reply_leads[i], n - 1))
          continue;
        while (g_ascii_isspace (*q))
          q++;
        if (reply_code_at (q, code))
          best = i;
      }
  return best < G_N_ELEMENTS (reply_leads);
}

gboolean
_modori_text_find_reply_code (const char *text, char *code)
{
  return _modori_text_scan_reply_code (text, FALSE, code);
}

gboolean
_modori_text_scan_reply_code (const char *text, gboolean anywhere, char *code)
{
  const char *p = text;
  char start_code[4] = "";

  while (g_ascii_isspace (*p))
    p++;
  /* A 2xx at the start is a greeting or an acceptance quoted before the
   * failure ("220-mx ... 421 4.2.1 ..."): look on for the error. */
  if (reply_code_at (p, start_code) && start_code[0] != '2')
    {
      memcpy (code, start_code, 4);
      return TRUE;
    }

  /* Postfix: "host X said: 550 ...", "host X refused to talk to me: 421 ...". */
  if (find_lead_reply_code (text, code))
    return TRUE;

  /* Anywhere: an error reply code directly followed by a status code of
   * its class, "421 4.2.1", or quoted by a relay, "550-'5.2.2 ...'". */
  for (p = text; (p = strpbrk (p, "45")) != NULL; p++)
    {
      const char *q = p + 4;

      if ((p > text && g_ascii_isalnum (p[-1])) || !reply_code_at (p, code) || (p[3] != ' ' && p[3] != '-'))
        continue;
      if (*q == '\'' || *q == '"')
        {
          /* "550-'...'": a relay quoting the remote reply (Amazon SES). */
          if (p[3] == '-')
            return TRUE;
          q++;
        }
      if (q[0] == p[0] && q[1] == '.' && g_ascii_isdigit (q[2]))
        return TRUE;
    }
  /* A text that is not a bounce's diagnostic (a message pasted into
   * `explain`): the first code that stands alone. */
  if (anywhere && start_code[0] == '\0')
    for (p = text; *p; p++)
      if (standalone_reply_code_at (text, p, code))
        return TRUE;
  /* No error found after all: the 2xx is the reply (a success notice). */
  memcpy (code, start_code, 4);
  return start_code[0] != '\0';
}

/* Known SMTP commands, longest spellings first so "EHLO" is not read as "HELO". */
static const struct {
  const char *word;
  const char *command;
} commands[] = {
  { "end of data", "DATA" },
  { "rcpt to", "RCPT" },
  { "mail from", "MAIL" },
  { "rcpt", "RCPT" },
  { "mail", "MAIL" },
  { "data", "DATA" },
  { "bdat", "BDAT" },
  { "ehlo", "EHLO" },
  { "helo", "HELO" },
  { "starttls", "STARTTLS" },
  { "auth", "AUTH" },
  { "connect", "CONN" },
  { "initial connection", "CONN" },
  { "greeting", "CONN" },
};

static const char *
command_at (const char *p)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      gsize n = strlen (commands[i].word);
      if (g_ascii_strncasecmp (p, commands[i].word, n) == 0 &&
          !g_ascii_isalnum (p[n]))
        return commands[i].command;
    }
  return NULL;
}

/* Sentences in which MTAs name the stage that failed, from their source. */
static const struct { const char *words, *command; } stage_sentences[] = {
  { "refused to talk to me", "CONN" },          /* Postfix smtp_proto.c: the greeting was a refusal */
  { "but greeting failed", "CONN" },            /* qmail-remote.c */
  { "wasn't able to establish an smtp connection", "CONN" },   /* qmail-remote.c */
  { "but my name was rejected", "HELO" },       /* qmail-remote.c */
  { "but sender was rejected", "MAIL" },        /* qmail-remote.c */
  { "does not like recipient", "RCPT" },        /* qmail-remote.c */
  { "failed on data command", "DATA" },         /* qmail-remote.c */
  { "failed after i sent the message", "DATA" },   /* qmail-remote.c */
  { "did not like our connect", "CONN" },       /* dma net.c */
  { "did not like our mail from", "MAIL" },     /* dma net.c */
  { "did not like our rcpt to", "RCPT" },       /* dma net.c */
  { "did not like our final data", "DATA" },    /* dma net.c */
  { "did not like our data", "DATA" },          /* dma net.c */
  { "some recipients failed", "RCPT" },         /* Haraka outbound/hmail.js */
};

/* A connect(2) failure, as MTAs report it when no command was sent:
 * the errno texts (Postfix smtp_connect.c "connect to %s[%s]:%d: %m",
 * Sendmail's "Connection refused by %s", Exim's "Connection timed out"),
 * Gmail's "did not accept our requests to connect". */
static const char *const connect_failures[] = {
  "connection refused", "connection timed out", "no route to host", "network is unreachable",
  "did not accept our requests to connect", NULL
};

static const Matcher *
stage_matcher (void)
{
  static gsize once = 0;
  static Matcher *sentences;

  if (g_once_init_enter (&once))
    {
      const char *patterns[G_N_ELEMENTS (stage_sentences)];
      for (guint i = 0; i < G_N_ELEMENTS (stage_sentences); i++)
        patterns[i] = stage_sentences[i].words;
      sentences = _modori_matcher_new (patterns, G_N_ELEMENTS (stage_sentences));
      g_once_init_leave (&once, 1);
    }
  return sentences;
}

void
_modori_text_prepare (void)
{
  stage_matcher ();
}

/* What comes before the command in a sentence that names it. */
static const char *const command_leads[] = { "in reply to ", "after ", "while sending " };

const char *
_modori_text_find_command (const char *text)
{
  gsize length;
  int sentence;

  if ((sentence = _modori_matcher_first (stage_matcher (), text)) >= 0)
    return stage_sentences[sentence].command;
  length = strlen (text);
  for (guint i = 0; i < G_N_ELEMENTS (command_leads); i++)
    {
      gsize n = strlen (command_leads[i]);
      for (const char *p = text; (p = find_nocase (p, text + length - p, command_leads[i], n)) != NULL; p += n)
        {
          const char *command = command_at (p + n);
          if (command)
            return command;
        }
    }
  return NULL;
}

/* Where @phrase (words between single spaces) ends if it starts at @p,
 * in the text up to @end as _modori_text_collapse_space() would copy it:
 * a space of @phrase is a whole run of white space with more text after
 * it (the copy has one space between two words, none at its ends), any
 * other byte is itself, ASCII case aside. NULL where it is not. */
static const char *
collapsed_phrase_end (const char *p, const char *end, const char *phrase)
{
  for (; *phrase; phrase++)
    if (*phrase == ' ')
      {
        if (p == end || !g_ascii_isspace (*p))
          return NULL;
        while (p < end && g_ascii_isspace (*p))
          p++;
        if (p == end)
          return NULL;
      }
    else if (p == end || ascii_lower (*p) != ascii_lower (*phrase))
      return NULL;
    else
      p++;
  return p;
}

/* command_at() of the collapsed copy, at the byte @p up to @end: what
 * follows a word in the copy is the byte after it here, or a space or
 * the end where that is white space or @end, alphanumeric in both or in
 * neither. */
static const char *
collapsed_command_at (const char *p, const char *end)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *after = collapsed_phrase_end (p, end, commands[i].word);

      if (after && (after == end || !g_ascii_isalnum (*after)))
        return commands[i].command;
    }
  return NULL;
}

const char *
_modori_text_find_command_collapsed (const char *text)
{
  const char *end = text + strlen (text);
  int sentence;

  /* The matcher reads each run of its white space (which has '\v' too)
   * as one space, or none beside a CJK character, by the bytes around the
   * run. The copy's runs lie within those runs, with the same bytes
   * around, so it reads the copy alike but for a run at the start or the
   * end, which the copy drops: no sentence starts or ends with a space,
   * so the same sentences are found. */
  if ((sentence = _modori_matcher_first (stage_matcher (), text)) >= 0)
    return stage_sentences[sentence].command;
  /* A lead starts with a letter: each place it starts in the copy is a
   * byte here, in the same order, found by its first word. The copy's
   * search, which goes on after each lead, found every one too: no lead
   * ends with a start of itself, so none overlaps the one before. */
  for (guint i = 0; i < G_N_ELEMENTS (command_leads); i++)
    {
      gsize first = strcspn (command_leads[i], " ");

      for (const char *p = text; (p = find_nocase (p, end - p, command_leads[i], first)) != NULL; p++)
        {
          const char *after = collapsed_phrase_end (p, end, command_leads[i]), *command;

          if (after && (command = collapsed_command_at (after, end)) != NULL)
            return command;
        }
    }
  return NULL;
}

gboolean
_modori_text_names_connect_failure (const char *diagnostic)
{
  char code[4];

  return !_modori_text_find_reply_code (diagnostic, code) && _modori_text_says_connect_failure (diagnostic);
}

gboolean
_modori_text_says_connect_failure (const char *diagnostic)
{
  gsize length = strlen (diagnostic);

  for (guint i = 0; connect_failures[i]; i++)
    if (_modori_text_find_nocase_len (diagnostic, length, connect_failures[i]))
      return TRUE;
  return FALSE;
}

/* The command word of a sent transcript line: "MAIL From:" is MAIL, and
 * the lone "." that ends the message text is DATA. */
static const char *
transcript_command_at (const char *p)
{
  static const char *const words[] = { "MAIL", "RCPT", "DATA", "BDAT", "EHLO", "HELO", "STARTTLS", "AUTH" };

  if (p[0] == '.' && (p[1] == '\0' || p[1] == '\n' || p[1] == '\r'))
    return "DATA";
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strncasecmp (p, words[i], strlen (words[i])) == 0 &&
        !g_ascii_isalpha (p[strlen (words[i])]))
      return words[i];
  return NULL;
}

/* Whether "--" is in the @n bytes at @p. */
static gboolean
has_double_dash (const char *p, gsize n)
{
  for (const char *dash = memchr (p, '-', n); dash; dash = memchr (dash + 1, '-', p + n - dash - 1))
    if (dash + 1 < p + n && dash[1] == '-')
      return TRUE;
  return FALSE;
}

/* Whether @line (of @length bytes) is a line of an SMTP transcript:
 * sent (">>> MAIL From:..." in Sendmail and Courier, "TIME: --> MAIL
 * From:..." in MDaemon) or received ("<<< 550 ...", "TIME: <-- 550 ...").
 * Sets @sent and @rest (the command or reply after the marker). */
static gboolean
transcript_line (const char *line, gsize length, gboolean *sent, const char **rest)
{
  if (length > 4 && (line[0] == '>' || line[0] == '<') &&
      (strncmp (line, ">>> ", 4) == 0 || strncmp (line, "<<< ", 4) == 0))
    {
      *sent = line[0] == '>';
      *rest = line + 4;
      return TRUE;
    }
  /* MDaemon: the arrow after a time stamp, within the first bytes (an
   * arrow at i < 48 has its "--" in the first 50: most lines, with none
   * there, are passed over at once). */
  if (!has_double_dash (line, MIN (length, 50)))
    return FALSE;
  for (gsize i = 1; i + 4 < length && i < 48; i++)
    if (line[i - 1] == ' ' && (line[i] == '-' || line[i] == '<') &&
        (strncmp (line + i, "--> ", 4) == 0 || strncmp (line + i, "<-- ", 4) == 0))
      {
        *sent = line[i] == '-';
        *rest = line + i + 4;
        return TRUE;
      }
  return FALSE;
}

const char *
_modori_text_find_transcript_command (const char *text, const char *recipient)
{
  const char *current = NULL, *rest;
  gboolean other_recipient = FALSE, sent;

  /* Each line's end is found once: the next line starts after it. */
  for (const char *line = text, *eol; line && *line; line = eol ? eol + 1 : NULL)
    {
      gsize length;

      eol = strchr (line, '\n');
      length = eol ? (gsize) (eol - line) : strlen (line);
      while (length > 0 && (*line == ' ' || *line == '\t'))
        line++, length--;
      if (!transcript_line (line, length, &sent, &rest))
        continue;
      length -= rest - line;
      if (sent)
        {
          current = transcript_command_at (rest);
          other_recipient = FALSE;
          if (current && strcmp (current, "RCPT") == 0 && recipient[0])
            {
              char *command = g_strndup (rest, length);
              other_recipient = _modori_text_find_nocase (command, recipient) == NULL;
              g_free (command);
            }
        }
      else if (length > 2 && (rest[0] == '4' || rest[0] == '5') && current && !other_recipient)
        {
          /* Sendmail pipelines RCPT and DATA and reads the RCPT replies
           * after sending DATA (usersmtp.c): a reply after ">>> DATA"
           * that names an address answered a RCPT, this recipient's or
           * another's. */
          if (strcmp (current, "DATA") == 0)
            {
              char *reply = g_strndup (rest, length);
              const char *open = strstr (reply, "<");
              gboolean names_address = open && strchr (open, '@') && strchr (open, '>');
              gboolean names_recipient = recipient[0] && _modori_text_find_nocase (reply, recipient);

              g_free (reply);
              if (names_address)
                {
                  if (names_recipient || recipient[0] == '\0')
                    return "RCPT";
                  continue;
                }
            }
          return current;
        }
      /* A permanent refusal before any command was sent, naming no
       * address: the greeting (Sendmail logs a later reply of the same
       * connection without its command, but that names its recipient). */
      else if (length > 2 && rest[0] == '5' && current == NULL &&
               !memchr (rest, '@', length))
        return "CONN";
    }
  return NULL;
}

/* Whether @line (spaces and a "<<< " skipped) continues the reply with
 * code @code; sets @rest to its text and @last when it is the last line. */
static gboolean
reply_continuation (const char *line, const char *code, const char **rest, gboolean *last)
{
  while (*line == ' ' || *line == '\t')
    line++;
  if (strncmp (line, "<<< ", 4) == 0)
    line += 4;
  if (strncmp (line, code, 3) != 0 || (line[3] != '-' && line[3] != ' '))
    return FALSE;
  *last = line[3] == ' ';
  *rest = line + 4;
  return TRUE;
}

char *
_modori_text_complete_reply (const char *text, const char *first_line)
{
  gsize first_length = strlen (first_line);
  char status[16];
  gsize status_length;

  if (text == NULL || first_length < 5 || !g_ascii_isdigit (first_line[0]) || !g_ascii_isdigit (first_line[1]) ||
      !g_ascii_isdigit (first_line[2]) || first_line[3] != '-')
    return NULL;
  /* "552-5.7.0 security issue": the status code is repeated on every
   * line; keep it once. */
  status_length = _modori_text_find_status_code (first_line, status) ? strlen (status) : 0;
  for (const char *p = strstr (text, first_line); p; p = strstr (p + 1, first_line))
    {
      const char *line = p + first_length, *rest;
      gboolean last = FALSE;
      GString *reply;

      /* The first line must end where @first_line does. */
      while (*line == ' ' || *line == '\t' || *line == '\r')
        line++;
      if (*line != '\n' || !reply_continuation (line + 1, first_line, &rest, &last))
        continue;
      reply = g_string_new (first_line);
      for (line++; !last && reply_continuation (line, first_line, &rest, &last);)
        {
          const char *eol = strchr (rest, '\n');
          gsize length = eol ? (gsize) (eol - rest) : strlen (rest);

          if (status_length > 0 && length >= status_length && strncmp (rest, status, status_length) == 0)
            rest += status_length, length -= status_length;
          g_string_append_c (reply, ' ');
          g_string_append_len (reply, rest, length);
          if (eol == NULL)
            break;
          line = eol + 1;
        }
      {
        char *collapsed = _modori_text_collapse_space (reply->str);
        g_string_free (reply, TRUE);
        return collapsed;
      }
    }
  return NULL;
}

/* The reply code of a continuation prefix at @p ("550-"), or 0. */
static int
continuation_code_at (const char *text, const char *p)
{
  if ((p > text && !g_ascii_isspace (p[-1])) || p[0] < '2' || p[0] > '5' ||
      !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != '-')
    return 0;
  return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

/* A multi-line SMTP reply quoted on one line, as Postfix, Exim and
 * Sendmail put it into a report ("550-5.7.27 ... didn't pass SPF
 * 550-5.7.27 authentication ... 550 5.7.27 visit ..."): the server's
 * words without the line prefixes (RFC 5321 section 4.2.1: "NNN-" on
 * every line but the last, "NNN " on the last), each prefix's repeated
 * status code with it, so that words broken across the server's lines
 * read as written. NULL when @text holds no continuation prefix. One
 * pass. */
char *
_modori_text_without_continuations (const char *text)
{
  GString *plain = NULL;
  int code = 0;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p;)
    {
      int here = continuation_code_at (text, p);
      gboolean last = FALSE;

      /* The last line's "550 5.7.27" after "550-" lines of the same code. */
      if (here == 0 && code != 0 && (p == text || g_ascii_isspace (p[-1])) && g_ascii_isdigit (p[0]) &&
          g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && p[3] == ' ' &&
          (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0') == code)
        here = code, last = TRUE;
      if (here == 0)
        {
          /* No byte before the next '2' to '5' starts a prefix or a last
           * line (their codes start with one): all of them are copied (or
           * passed over) at once. */
          gsize n = 1 + strcspn (p + 1, "2345");

          if (plain)
            g_string_append_len (plain, p, n);
          p += n;
          continue;
        }
      if (plain == NULL)
        plain = g_string_new_len (text, p - text);
      code = last ? 0 : here;
      p += 4;
      if (status_code_at (p) > 0)
        {
          p += status_code_at (p);
          while (*p == ' ' || *p == '\t')
            p++;
        }
    }
  return plain ? g_string_free (plain, FALSE) : NULL;
}

static gboolean
is_host_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_';
}

char *
_modori_text_find_recipient_line (const char *text, const char *recipient)
{
  gsize length = strlen (recipient);

  if (text == NULL || length == 0)
    return NULL;
  for (const char *line = text; line && *line; line = strchr (line, '\n'), line = line ? line + 1 : NULL)
    {
      const char *rest;

      if (line[0] != '<' || g_ascii_strncasecmp (line + 1, recipient, length) != 0 ||
          strncmp (line + 1 + length, ">... ", 5) != 0)
        continue;
      rest = line + 1 + length + 5;
      {
        gsize n = strcspn (rest, "\r\n");
        char *found = g_strndup (rest, n);
        g_strstrip (found);
        if (found[0])
          return found;
        g_free (found);
      }
    }
  return NULL;
}

char *
_modori_text_find_missing_domain (const char *text)
{
  static const char phrase[] = " does not exist";

  for (const char *p = text; (p = _modori_text_find_nocase (p, phrase)) != NULL; p += strlen (phrase))
    {
      const char *end = p, *start;
      gboolean letter = FALSE, dot = FALSE;

      if (end > text && end[-1] == '>')
        end--;
      start = end;
      while (start > text && is_host_char (start[-1]))
        start--;
      if (start > text && start[-1] == '<')
        ;
      else if (start > text && !g_ascii_isspace (start[-1]) && start[-1] != ':')
        continue;   /* part of an address or a path */
      for (const char *q = start; q < end; q++)
        {
          letter |= g_ascii_isalpha (*q);
          dot |= *q == '.';
        }
      if (letter && dot && end - start > 3 && start[0] != '.' && end[-1] != '.')
        return g_ascii_strdown (start, end - start);
    }
  return NULL;
}

char *
_modori_text_find_remote_host (const char *text)
{
  for (const char *p = text; (p = _modori_text_find_nocase (p, "host ")) != NULL; p += 5)
    {
      const char *start = p + 5, *q = start;

      if (p > text && g_ascii_isalnum (p[-1]))
        continue;
      while (is_host_char (*q))
        q++;
      if (q == start || memchr (start, '.', q - start) == NULL)
        continue;
      if (*q == '[' || g_ascii_strncasecmp (q, " said", 5) == 0)
        return g_ascii_strdown (start, q - start);
    }
  return NULL;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* @domain in lower case, newly allocated: an ASCII one (nearly every
 * one) without g_utf8_strdown()'s Unicode tables, to the same bytes. */
static char *
domain_down (const char *domain)
{
  return is_ascii (domain) ? g_ascii_strdown (domain, -1) : g_utf8_strdown (domain, -1);
}

char *
_modori_address_clean (const char *raw)
{
  const char *start, *end, *at;
  char *address, *domain;

  if (raw == NULL)
    return g_strdup ("");

  /* Prefer what is inside <...>; otherwise the word holding the '@'. */
  start = strchr (raw, '<');
  if (start && (end = strchr (start + 1, '>')) != NULL)
    start++;
  else
    {
      at = strchr (raw, '@');
      if (at == NULL)
        {
          char *bare = _modori_text_collapse_space (raw);
          if (strchr (bare, ' '))
            {
              g_free (bare);
              return g_strdup ("");
            }
          return bare;
        }
      start = at;
      while (start > raw && !g_ascii_isspace (start[-1]) && start[-1] != '(' && start[-1] != ':')
        start--;
      end = at;
      while (*end && !g_ascii_isspace (*end) && *end != ')' && *end != '>')
        end++;
    }

  address = g_strstrip (g_strndup (start, end - start));
  /* Quotes around the whole address are typing noise. */
  if (address[0] == '\'' || address[0] == '"')
    {
      gsize n = strlen (address);
      if (n >= 2 && address[n - 1] == address[0])
        {
          memmove (address, address + 1, n - 2);
          address[n - 2] = '\0';
        }
    }
  at = strrchr (address, '@');
  if (at && is_ascii (at + 1))
    {
      /* In place: the bytes g_ascii_strdown() would give, with no copy. */
      for (char *p = address + (at - address) + 1; *p; p++)
        *p = ascii_lower (*p);
    }
  else if (at)
    {
      domain = g_utf8_strdown (at + 1, -1);
      address[at - address + 1] = '\0';
      {
        char *joined = g_strconcat (address, domain, NULL);
        g_free (address);
        address = joined;
      }
      g_free (domain);
    }
  return address;
}

char *
_modori_address_domain (const char *address)
{
  const char *at = address ? strrchr (address, '@') : NULL;

  return at ? domain_down (at + 1) : g_strdup ("");
}
