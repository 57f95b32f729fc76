/* date.c: RFC 5322 dates to record timestamps, with the zone names GMime
 * does not know and an honest "-00:00" for a zone nobody knows.
 *
 * GMime 3.2 reads the date and time well, and the obsolete zone names of
 * RFC 5322, 4.3 (UT, GMT, EST ... PDT) in upper case only; any other
 * name, a name in lower case, a bare date without a zone and -0000 all
 * come out as +00:00, so "10:22:31 JST" was stored as 10:22:31 UTC, nine
 * hours late. Military letters get RFC 822's offsets, whose signs were
 * wrong. So GMime reads the date and time, and the zone is read here. */
#include <string.h>

#include <gmime/gmime.h>

#include "date.h"

/* Longest text read as a date: RFC 5322's date-time with a long comment. */
#define MAX_DATE_BYTES 256

/* Zone names and their offsets in minutes. Only a name that means one
 * offset wherever it is written: a wrong offset misplaces the time,
 * an unknown one only fails to place it. */
static const struct {
  const char *name;
  int minutes;
} zones[] = {
  /* RFC 5322, 4.3 (obs-zone). CST is -0600 as the RFC says, although
   * China Standard Time (+0800) is written CST too: Chinese mail states
   * "+0800 (CST)", and the number decides. */
  { "UT", 0 },
  { "GMT", 0 },
  { "EST", -5 * 60 },
  { "EDT", -4 * 60 },
  { "CST", -6 * 60 },
  { "CDT", -5 * 60 },
  { "MST", -7 * 60 },
  { "MDT", -6 * 60 },
  { "PST", -8 * 60 },
  { "PDT", -7 * 60 },
  /* ISO 8601's Zulu: the one military letter whose sign cannot be
   * wrong; the others are unknown (RFC 5322, 4.3). */
  { "Z", 0 },
  /* ITU and POSIX name for UT. */
  { "UTC", 0 },
  /* Japan and Korea, no daylight time since 1951 and 1988: JST is
   * common in Japanese mail (Sendmail and mail programs wrote it). */
  { "JST", 9 * 60 },
  { "KST", 9 * 60 },
  /* Central Europe, whose mail programs write these names. */
  { "CET", 1 * 60 },
  { "CEST", 2 * 60 },
};

/* Left out on purpose, read as unknown: IST (India +0530, Israel +0200,
 * Ireland +0100), BST (British Summer Time +0100, Bangladesh +0600),
 * AST (Atlantic -0400, Arabia +0300), MSK (+0400 in 2011-2014, +0300
 * before and since), and the military letters but Z. */

/* Reads a zone name: TRUE with *minutes if it is in zones[]. */
static gboolean
zone_by_name (const char *name, gsize length, int *minutes)
{
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    /* RFC 5234: quoted strings of the grammar match in any case. */
    if (strlen (zones[i].name) == length && g_ascii_strncasecmp (name, zones[i].name, length) == 0)
      {
        *minutes = zones[i].minutes;
        return TRUE;
      }
  return FALSE;
}

/* Reads "+hhmm" or "-hhmm" (also "+hh:mm", which some programs write):
 * TRUE with *minutes if it is a known offset. -0000 says the local zone
 * is unknown (RFC 5322, 3.3). */
static gboolean
zone_by_number (const char *token, gsize length, gboolean *is_number, int *minutes)
{
  char digits[4];
  gsize n = 0;
  int hours, mins;

  *is_number = FALSE;
  if (length < 2 || (token[0] != '+' && token[0] != '-'))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    {
      if (token[i] == ':' && i == 3)
        continue;
      if (!g_ascii_isdigit (token[i]) || n == 4)
        return FALSE;
      digits[n++] = token[i];
    }
  if (n != 4)
    return FALSE;
  *is_number = TRUE;
  hours = (digits[0] - '0') * 10 + (digits[1] - '0');
  mins = (digits[2] - '0') * 10 + (digits[3] - '0');
  if (hours > 23 || mins > 59 || (hours == 0 && mins == 0 && token[0] == '-'))
    return FALSE;
  *minutes = (token[0] == '-' ? -1 : 1) * (hours * 60 + mins);
  return TRUE;
}

/* The next token of @p: a run of text between white space, commas and
 * comments (skipped, nested as RFC 5322 allows). Returns its start, or
 * NULL at the end; *@length is its length. */
static const char *
next_token (const char **p, gsize *length)
{
  const char *s = *p, *start;

  for (;;)
    {
      while (g_ascii_isspace (*s) || *s == ',')
        s++;
      if (*s != '(')
        break;
      for (int depth = 0; *s != '\0'; s++)
        {
          if (*s == '\\' && s[1] != '\0')
            s++;
          else if (*s == '(')
            depth++;
          else if (*s == ')' && --depth == 0)
            {
              s++;
              break;
            }
        }
    }
  if (*s == '\0')
    return NULL;
  start = s;
  while (*s != '\0' && !g_ascii_isspace (*s) && *s != ',' && *s != '(')
    s++;
  *p = s;
  *length = s - start;
  return start;
}

/* The zone after the time of day: TRUE with *minutes if it is known. A
 * number decides over a name beside it ("JST +0900"), as GMime reads
 * it; else the first name. Numbers without a sign after the time are
 * its seconds or, in ctime's order, the year. */
static gboolean
find_zone (const char *date, int *minutes)
{
  const char *p = date, *token;
  gboolean after_time = FALSE, named = FALSE, by_name = FALSE;
  int name_minutes = 0;
  gsize length;

  while ((token = next_token (&p, &length)) != NULL)
    {
      gboolean is_number;

      if (!after_time)
        {
          after_time = memchr (token, ':', length) != NULL;
          continue;
        }
      if (strspn (token, "0123456789:") >= length)
        continue;
      if (zone_by_number (token, length, &is_number, minutes))
        return TRUE;
      if (is_number)
        return FALSE;
      if (!named)
        {
          named = TRUE;
          by_name = zone_by_name (token, length, &name_minutes);
        }
    }
  *minutes = name_minutes;
  return by_name;
}

/* Writes @value as @width digits, zero-padded, at @out; returns the end. */
static char *
put_digits (char *out, int value, int width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    out[i] = '0' + value % 10;
  return out + width;
}

/* @parsed's date and time as written, then the offset of @minutes or,
 * when @known is FALSE, "-00:00": what g_date_time_format() wrote with
 * "%Y-%m-%dT%H:%M:%S%:z" (the year, 1 to 9999, unpadded), without
 * printf, a second GDateTime and a GTimeZone per record. */
static char *
format_iso8601 (GDateTime *parsed, gboolean known, int minutes)
{
  char text[sizeof "9999-12-31T23:59:59+23:59"], *p = text;
  int year, month, day;

  g_date_time_get_ymd (parsed, &year, &month, &day);
  p = put_digits (p, year, year >= 1000 ? 4 : year >= 100 ? 3 : year >= 10 ? 2 : 1);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  *p++ = 'T';
  p = put_digits (p, g_date_time_get_hour (parsed), 2);
  *p++ = ':';
  p = put_digits (p, g_date_time_get_minute (parsed), 2);
  *p++ = ':';
  p = put_digits (p, g_date_time_get_second (parsed), 2);
  *p++ = known && minutes >= 0 ? '+' : '-';
  p = put_digits (p, ABS (minutes) / 60, 2);
  *p++ = ':';
  p = put_digits (p, ABS (minutes) % 60, 2);
  return g_strndup (text, p - text);
}

/* Whether @text may be a date with a time. GMime reads a date without a
 * time ("2024-08-21 08-12-55") as midnight UTC: an invented time is worse
 * than the next source of a date. A date is some 40 bytes: a longer text
 * is not one (and engines pass one text for many records). */
static gboolean
may_be_date (const char *text)
{
  return text != NULL && strnlen (text, MAX_DATE_BYTES + 1) <= MAX_DATE_BYTES && strchr (text, ':') != NULL;
}

/* @parsed, GMime's reading of @rfc5322_date, in ISO 8601. */
static char *
format_parsed (const char *rfc5322_date, GDateTime *parsed)
{
  gboolean known;
  int minutes;

  if (parsed == NULL)
    return NULL;
  /* GMime's result shows the time as written, in whatever zone it took. */
  known = find_zone (rfc5322_date, &minutes);
  return format_iso8601 (parsed, known, known ? minutes : 0);
}

char *
_modori_date_to_iso8601 (const char *rfc5322_date)
{
  g_autoptr (GDateTime) parsed = NULL;

  if (!may_be_date (rfc5322_date))
    return NULL;
  parsed = g_mime_utils_header_decode_date (rfc5322_date);
  return format_parsed (rfc5322_date, parsed);
}

char *
_modori_date_message_iso8601 (GMimeMessage *message)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  const char *date = g_mime_object_get_header (GMIME_OBJECT (message), "Date");
  g_autoptr (GDateTime) parsed = NULL;
  guint n_dates = 0;

  if (!may_be_date (date))
    return NULL;
  for (int i = 0; i < g_mime_header_list_get_count (headers); i++)
    n_dates += g_ascii_strcasecmp (g_mime_header_get_name (g_mime_header_list_get_header_at (headers, i)), "Date") == 0;
  /* GMime parsed the last Date field as it read the header
   * (gmime-message.c, process_header()): when it is the only one, its
   * reading is this one's. A GTimeZone made per parse costs more than
   * the parse. */
  if (n_dates == 1 && g_mime_message_get_date (message))
    parsed = g_date_time_ref (g_mime_message_get_date (message));
  else
    parsed = g_mime_utils_header_decode_date (date);
  return format_parsed (date, parsed);
}
