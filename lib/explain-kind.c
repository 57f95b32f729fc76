/* explain-kind.c: telling a reply, an address and prose apart by shape.
 *
 * Only the shape is read here: where the text starts (a reply code, a
 * POP3 status, an IMAP tag and status), whether it is one address token,
 * and whether it is text at all. The phrases are explain.c's business. */
#include <string.h>

#include "explain-kind.h"

gboolean
_modori_explain_is_binary (const char *text, gsize length)
{
  gsize bad = 0;
  const char *p = text, *end = text + length;

  if (memchr (text, '\0', length))
    return TRUE;
  while (p < end)
    {
      const char *valid_end;
      gunichar c;

      if (!g_utf8_validate (p, end - p, &valid_end))
        {
          /* count what was valid, then the one bad byte */
          for (const char *q = p; q < valid_end; q = g_utf8_next_char (q))
            if ((c = (guchar) *q) == 0x7f || (c < 0x20 && !strchr ("\t\n\r\f\v", c)))
              bad++;
          bad++;
          p = valid_end + 1;
          continue;
        }
      for (const char *q = p; q < end; q = g_utf8_next_char (q))
        if ((c = (guchar) *q) == 0x7f || (c < 0x20 && !strchr ("\t\n\r\f\v", c)))
          bad++;
      break;
    }
  return bad * 8 >= length && bad > 0;
}

/* "550 ", "550-", "550" at the end: RFC 5321 4.2's reply line, with a
 * code from 2xx to 5xx. */
static gboolean
is_smtp_reply (const char *p)
{
  return p[0] >= '2' && p[0] <= '5' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
         (p[3] == ' ' || p[3] == '-' || p[3] == '\0' || p[3] == '\r' || p[3] == '\n');
}

static gboolean
word_is (const char *p, const char *word)
{
  gsize n = strlen (word);

  return g_ascii_strncasecmp (p, word, n) == 0 && (p[n] == ' ' || p[n] == '\0' || p[n] == '\r' || p[n] == '\n');
}

/* RFC 9051's tag: ASTRING-CHARs but '+' (no space, control, "(){%*\"\\]"),
 * or "*" for an untagged response; then NO or BAD. */
static const char *
imap_status (const char *text)
{
  const char *p = text;

  if (*p == '*')
    p++;
  else
    while (*p && (guchar) *p < 0x80 && g_ascii_isgraph (*p) && !strchr ("(){%*\"\\]+", *p) && p - text < 64)
      p++;
  if (*p != ' ' || p == text)
    return NULL;
  p++;
  return word_is (p, "NO") || word_is (p, "BAD") ? p : NULL;
}

static gboolean
is_japanese (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA;
}

static gboolean
is_latin_or_digit (gunichar c)
{
  return g_unichar_isdigit (c) || g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN;
}

static gboolean
is_address_char (gunichar c)
{
  return c > ' ' && c != '<' && c != '>' && c != '"' && c != '\'' && c != '(' && c != ')' &&
         c != '[' && c != ']' && c != ';' && c != 0x3000;
}

char *
_modori_explain_find_address (const char *text)
{
  const char *at = strstr (text, "@");
  const char *wide_at = strstr (text, "\xef\xbc\xa0");
  const char *start, *end;

  /* One pass: the innermost "<...@...>" first closed, not one search
   * for '>' per '<' (a text of a million '<' would cost their square). */
  {
    const char *lt = NULL;
    gboolean has_at = FALSE;

    for (const char *p = text; *p; p++)
      if (*p == '<')
        lt = p, has_at = FALSE;
      else if (*p == '@' && lt)
        has_at = TRUE;
      else if (*p == '>' && lt)
        {
          if (has_at && p - lt < 512)
            return g_strndup (lt + 1, p - lt - 1);
          lt = NULL;
        }
  }
  if (at == NULL || (wide_at && wide_at < at))
    at = wide_at;
  if (at == NULL)
    return g_strdup ("");
  /* Japanese writes no space between an address and the words around
   * it: where Latin letters meet kana or kanji, the address ends. An
   * internationalized name in Japanese script ("例え.jp") is one script
   * throughout, so it is kept. */
  for (start = at; start > text;)
    {
      const char *prev = g_utf8_find_prev_char (text, start);
      gunichar c = prev ? g_utf8_get_char (prev) : 0;
      if (prev == NULL || !is_address_char (c) || at - prev > 256 ||
          (is_japanese (c) && start != at && is_latin_or_digit (g_utf8_get_char (start))))
        break;
      start = prev;
    }
  for (end = at; *end && end - at < 256; end = g_utf8_next_char (end))
    {
      gunichar c = g_utf8_get_char (end);
      if (!is_address_char (c))
        break;
      if (is_japanese (c) && end != at && is_latin_or_digit (g_utf8_get_char (g_utf8_find_prev_char (text, end))))
        break;
    }
  while (end > start && (end[-1] == '.' || end[-1] == ',' || end[-1] == ':'))
    end--;  /* sentence punctuation after the address */
  return g_strndup (start, end - start);
}

/* The whole of @text (trimmed) is one address: the address found is all
 * of it once the spaces someone typed into it are left out ("taro @
 * example.jp"). Words around an address make a sentence, whatever the
 * spaces; so does a display name ("Taro <taro@example.jp>"), which is
 * read as prose and its address still checked. */
static gboolean
is_bare_address (const char *text, gsize length)
{
  g_autofree char *squeezed = NULL;
  g_autofree char *address = NULL;
  const char *end = text + length;
  guint words = 0;
  gboolean in_word = FALSE;
  GString *s;

  if (length == 0 || length > 512 || memchr (text, '\n', length))
    return FALSE;
  for (const char *p = text; p < end; p++)
    {
      gboolean space = *p == ' ' || *p == '\t';
      words += !space && !in_word;
      in_word = !space;
    }
  if (words > 3)
    return FALSE;
  s = g_string_sized_new (length);
  for (const char *p = text; p < end; p++)
    if (*p != ' ' && *p != '\t')
      g_string_append_c (s, *p);
  squeezed = g_string_free (s, FALSE);
  address = _modori_explain_find_address (squeezed);
  return address[0] && strcmp (address, squeezed) == 0;
}

TextKind
_modori_explain_sniff (const char *text, const char **status)
{
  const char *start = text, *end = text + strlen (text);

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (start == end)
    return TEXT_EMPTY;
  if (is_smtp_reply (start))
    return TEXT_SMTP_REPLY;
  if (word_is (start, "-ERR"))
    return TEXT_POP3_REPLY;
  if ((*status = imap_status (start)) != NULL)
    return TEXT_IMAP_REPLY;
  if (is_bare_address (start, end - start))
    return TEXT_ADDRESS;
  return TEXT_PROSE;
}
