/* address-doctor.c: spot typing mistakes in an address and suggest the
 * corrected one.
 *
 * Works in one pass over the characters (removing or mapping the odd
 * ones), then on the two parts: commas, dots, the domain's IDNA form and
 * near misses of the big mail domains. ICU answers the width, NFKC and
 * IDNA questions; its types stay in this file. */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uidna.h>

#include <modori/modori.h>

struct _ModoriAddressDiagnosis {
  gint ref_count;
  guint flaws;
  char *suggestion;
  char *ascii;
};

/* Big mail domains, most likely first: near misses of these are typos.
 * Real domains that lie close to one (mail.com, ymail.com, yahoo.ne.jp)
 * are listed too so that they are never "corrected". */
static const char *const known_domains[] = {
  "gmail.com", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "au.com",
  "softbank.ne.jp", "i.softbank.jp", "icloud.com", "outlook.com",
  "outlook.jp", "hotmail.com", "hotmail.co.jp", "live.jp", "live.com",
  "yahoo.com", "ymail.com", "yahoo.ne.jp", "googlemail.com", "me.com",
  "mac.com", "aol.com", "mail.com", "nifty.com", "biglobe.ne.jp",
  "ocn.ne.jp", "ymobile.ne.jp", "so-net.ne.jp", "msn.com",
};

/* Carriers whose old addresses really hold ".." or a dot before '@':
 * such local parts are real and must not be "fixed". */
static const char *const dotty_domains[] = { "docomo.ne.jp", "ezweb.ne.jp" };

/* Hints in order of importance: the first flaw found names the case. */
static const struct { ModoriAddressFlaw flaw; const char *hint; } hints[] = {
  { MODORI_ADDRESS_FLAW_FULLWIDTH, "fullwidth-characters" },
  { MODORI_ADDRESS_FLAW_JAPANESE_PUNCTUATION, "japanese-punctuation" },
  { MODORI_ADDRESS_FLAW_COMMA_FOR_DOT, "comma-for-dot" },
  { MODORI_ADDRESS_FLAW_COMMA_IN_HOST, "comma-in-host" },
  { MODORI_ADDRESS_FLAW_SPACE, "space-in-address" },
  { MODORI_ADDRESS_FLAW_INVISIBLE, "invisible-characters" },
  { MODORI_ADDRESS_FLAW_DOTS, "misplaced-dots" },
  { MODORI_ADDRESS_FLAW_NO_TLD, "missing-tld" },
  { MODORI_ADDRESS_FLAW_DOMAIN_TYPO, "domain-typo" },
  { MODORI_ADDRESS_FLAW_BAD_IDN, "invalid-domain" },
  { MODORI_ADDRESS_FLAW_NO_AT, "missing-at" },
};

static gboolean
is_invisible (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x180E ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0xFEFF;
}

/* Appends the NFKC form of one full-width character (＠ -> @). */
static void
append_narrow (GString *out, gunichar c)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfkc = unorm2_getNFKCInstance (&status);
  UChar src[2], dst[8];
  int32_t n_src = 0, n;

  if (c > 0xFFFF)
    {
      src[n_src++] = (UChar) (0xD7C0 + (c >> 10));
      src[n_src++] = (UChar) (0xDC00 | (c & 0x3FF));
    }
  else
    src[n_src++] = (UChar) c;
  n = U_SUCCESS (status) ? unorm2_normalize (nfkc, src, n_src, dst, G_N_ELEMENTS (dst), &status) : 0;
  if (U_FAILURE (status))
    {
      g_string_append_unichar (out, c);
      return;
    }
  for (int32_t i = 0; i < n; i++)
    g_string_append_unichar (out, dst[i]);  /* NFKC of U+FF01..FF5E is ASCII */
}

/* First pass: drops invisible characters and spaces, narrows full-width
 * forms and maps Japanese punctuation to dots. */
static char *
clean_characters (const char *address, guint *flaws)
{
  g_autofree char *valid = g_utf8_make_valid (address, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Printable ASCII, nearly every character of an address, is narrow,
       * visible and no space: kept as it is without asking ICU. */
      if (c > 0x20 && c < 0x7F)
        {
          g_string_append_c (out, (char) c);
          continue;
        }
      if (c == 0x3002 || c == 0xFF61 || c == 0x3001 || c == 0xFF64)
        {
          *flaws |= MODORI_ADDRESS_FLAW_JAPANESE_PUNCTUATION;
          c = '.';
        }
      else if (u_getIntPropertyValue ((UChar32) c, UCHAR_EAST_ASIAN_WIDTH) == U_EA_FULLWIDTH)
        {
          GString *narrow = g_string_new (NULL);

          *flaws |= MODORI_ADDRESS_FLAW_FULLWIDTH;
          append_narrow (narrow, c);
          if (narrow->len == 1 && g_ascii_isspace (narrow->str[0]))
            *flaws |= MODORI_ADDRESS_FLAW_SPACE;
          else
            g_string_append_len (out, narrow->str, narrow->len);
          g_string_free (narrow, TRUE);
          continue;
        }
      if (c == ' ' || c == '\t' || g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        {
          *flaws |= MODORI_ADDRESS_FLAW_SPACE;
          continue;
        }
      if (is_invisible (c))
        {
          *flaws |= MODORI_ADDRESS_FLAW_INVISIBLE;
          continue;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Commas: between two letters or digits a mistyped dot; any other comma
 * in the domain is dropped. */
static void
fix_commas (GString *part, gboolean is_domain, guint *flaws)
{
  GString *out;

  /* Nearly every part has none: nothing to copy. */
  if (memchr (part->str, ',', part->len) == NULL)
    return;
  out = g_string_sized_new (part->len);
  for (gsize i = 0; i < part->len; i++)
    {
      char c = part->str[i];

      if (c != ',')
        g_string_append_c (out, c);
      else if (i > 0 && i + 1 < part->len &&
               g_ascii_isalnum (part->str[i - 1]) && g_ascii_isalnum (part->str[i + 1]))
        {
          *flaws |= MODORI_ADDRESS_FLAW_COMMA_FOR_DOT;
          g_string_append_c (out, '.');
        }
      else if (is_domain)
        *flaws |= MODORI_ADDRESS_FLAW_COMMA_IN_HOST;
      else
        g_string_append_c (out, c);
    }
  g_string_assign (part, out->str);
  g_string_free (out, TRUE);
}

/* Collapses runs of dots and trims dots at both ends. */
static void
fix_dots (GString *part, guint *flaws)
{
  GString *out;

  /* Nearly every part has none of these: nothing to copy. */
  if (part->len == 0 || (part->str[0] != '.' && part->str[part->len - 1] != '.' &&
                         strstr (part->str, "..") == NULL))
    return;
  out = g_string_sized_new (part->len);
  for (gsize i = 0; i < part->len; i++)
    {
      if (part->str[i] == '.' && (out->len == 0 || out->str[out->len - 1] == '.'))
        continue;
      g_string_append_c (out, part->str[i]);
    }
  if (out->len > 0 && out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);
  if (strcmp (out->str, part->str) != 0)
    {
      *flaws |= MODORI_ADDRESS_FLAW_DOTS;
      g_string_assign (part, out->str);
    }
  g_string_free (out, TRUE);
}

/* Optimal string alignment distance (a swap of neighbours counts one),
 * given up as soon as it exceeds @limit. Both are short domain names.
 * Only the cells within @limit of the diagonal are computed: a cell
 * further off costs more than @limit, so it is taken as @limit + 1,
 * which keeps every distance up to @limit exact. */
static guint
edit_distance (const char *a, const char *b, guint limit)
{
  gsize la = strlen (a), lb = strlen (b);
  guint rows[3][64];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  guint over = limit + 1;

  if (la >= 63 || lb >= 63 || (la > lb ? la - lb : lb - la) > limit)
    return over;
  for (gsize j = 0; j <= MIN (lb, limit + 1); j++)
    prev[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      gsize low = i > limit ? i - limit : 1, high = MIN (lb, i + limit);
      guint best = over;

      cur[low - 1] = low == 1 ? i : over;
      for (gsize j = low; j <= high; j++)
        {
          guint cost = a[i - 1] != b[j - 1];
          guint d = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            d = MIN (d, prev2[j - 2] + 1);
          cur[j] = d;
          best = MIN (best, d);
        }
      cur[high + 1] = over;   /* the next row's first cell off the diagonal band */
      if (best > limit)
        return over;
      guint *t = prev2; prev2 = prev; prev = cur; cur = t;
    }
  return prev[lb];
}

/* The big domain @domain is a near miss of, or NULL. Ties give nothing:
 * a guess between two is no help. */
static const char *
near_known_domain (const char *domain)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  gboolean tie = FALSE;
  gsize length = strlen (domain);

  for (guint i = 0; i < G_N_ELEMENTS (known_domains); i++)
    {
      const char *known = known_domains[i];
      gsize known_length = strlen (known);
      guint limit = known_length >= 12 ? 2 : 1;
      guint d;

      if (strcmp (domain, known) == 0)
        return NULL;
      if (known_length < 7)  /* au.com, me.com: too many real neighbours */
        continue;
      /* Lengths further apart than the limit are further apart than it
       * (every record's domain meets every known one). */
      if ((length > known_length ? length - known_length : known_length - length) > limit)
        continue;
      d = edit_distance (domain, known, limit);
      if (d > limit)
        continue;
      if (d < best_distance)
        best = known, best_distance = d, tie = FALSE;
      else if (d == best_distance)
        tie = TRUE;
    }
  return tie ? NULL : best;
}

/* The big domain whose first label is @label ("gmail" -> gmail.com). */
static const char *
domain_for_label (const char *label)
{
  gsize n = strlen (label);

  for (guint i = 0; i < G_N_ELEMENTS (known_domains); i++)
    if (n > 1 && strncmp (known_domains[i], label, n) == 0 && known_domains[i][n] == '.')
      return known_domains[i];
  return NULL;
}

static gboolean
is_ascii (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

/* The IDNA ASCII form of @domain (UTS #46, nontransitional), or NULL. */
static char *
domain_to_ascii (const char *domain)
{
  UErrorCode status = U_ZERO_ERROR;
  UIDNA *idna = uidna_openUTS46 (UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI |
                                 UIDNA_CHECK_CONTEXTJ, &status);
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  char buffer[512];
  int32_t n;

  if (U_FAILURE (status))
    return NULL;
  n = uidna_nameToASCII_UTF8 (idna, domain, -1, buffer, sizeof buffer, &info, &status);
  uidna_close (idna);
  if (U_FAILURE (status) || info.errors != 0 || n <= 0 || n >= (int32_t) sizeof buffer)
    return NULL;
  buffer[n] = '\0';
  return g_strdup (buffer);
}

ModoriAddressDiagnosis *
modori_address_diagnose (const char *address)
{
  ModoriAddressDiagnosis *d;
  g_autofree char *clean = NULL;
  g_autofree char *ascii_domain = NULL;
  GString *local, *domain;
  const char *at;

  g_return_val_if_fail (address != NULL, NULL);
  d = g_new0 (ModoriAddressDiagnosis, 1);
  d->ref_count = 1;

  clean = clean_characters (address, &d->flaws);
  at = strrchr (clean, '@');
  if (at == NULL)
    {
      d->flaws |= MODORI_ADDRESS_FLAW_NO_AT;
      d->suggestion = g_strdup ("");
      d->ascii = g_strdup ("");
      return d;
    }
  local = g_string_new_len (clean, at - clean);
  domain = g_string_new (at + 1);
  for (gsize i = 0; i < domain->len; i++)
    domain->str[i] = g_ascii_tolower (domain->str[i]);

  fix_commas (local, FALSE, &d->flaws);
  fix_commas (domain, TRUE, &d->flaws);
  fix_dots (domain, &d->flaws);
  {
    gboolean dotty = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS (dotty_domains); i++)
      dotty |= strcmp (domain->str, dotty_domains[i]) == 0;
    if (!dotty)
      fix_dots (local, &d->flaws);
  }

  if (is_ascii (domain->str))
    ascii_domain = g_strdup (domain->str);
  else if ((ascii_domain = domain_to_ascii (domain->str)) == NULL)
    d->flaws |= MODORI_ADDRESS_FLAW_BAD_IDN;

  if (ascii_domain != NULL && strchr (ascii_domain, '.') == NULL)
    {
      const char *full = domain_for_label (ascii_domain);

      d->flaws |= MODORI_ADDRESS_FLAW_NO_TLD;
      if (full)
        {
          g_string_assign (domain, full);
          g_free (ascii_domain);
          ascii_domain = g_strdup (full);
        }
    }
  else if (ascii_domain != NULL)
    {
      const char *known = near_known_domain (ascii_domain);

      if (known)
        {
          d->flaws |= MODORI_ADDRESS_FLAW_DOMAIN_TYPO;
          g_string_assign (domain, known);
          g_free (ascii_domain);
          ascii_domain = g_strdup (known);
        }
    }

  {
    g_autofree char *fixed = g_strconcat (local->str, "@", domain->str, NULL);
    gboolean changed = g_ascii_strcasecmp (fixed, address) != 0;

    d->suggestion = (d->flaws != 0 && changed && local->len > 0 && domain->len > 0 &&
                     strchr (domain->str, '.'))
                      ? g_steal_pointer (&fixed) : g_strdup ("");
  }
  d->ascii = ascii_domain ? g_strconcat (local->str, "@", ascii_domain, NULL) : g_strdup ("");
  g_string_free (local, TRUE);
  g_string_free (domain, TRUE);
  return d;
}

ModoriAddressDiagnosis *
modori_address_diagnosis_ref (ModoriAddressDiagnosis *diagnosis)
{
  g_return_val_if_fail (diagnosis != NULL, NULL);
  g_atomic_int_inc (&diagnosis->ref_count);
  return diagnosis;
}

void
modori_address_diagnosis_unref (ModoriAddressDiagnosis *diagnosis)
{
  if (diagnosis == NULL || !g_atomic_int_dec_and_test (&diagnosis->ref_count))
    return;
  g_free (diagnosis->suggestion);
  g_free (diagnosis->ascii);
  g_free (diagnosis);
}

guint
modori_address_diagnosis_get_flaws (const ModoriAddressDiagnosis *diagnosis)
{
  g_return_val_if_fail (diagnosis != NULL, 0);
  return diagnosis->flaws;
}

const char *
modori_address_diagnosis_get_suggestion (const ModoriAddressDiagnosis *diagnosis)
{
  g_return_val_if_fail (diagnosis != NULL, "");
  return diagnosis->suggestion;
}

const char *
modori_address_diagnosis_get_ascii (const ModoriAddressDiagnosis *diagnosis)
{
  g_return_val_if_fail (diagnosis != NULL, "");
  return diagnosis->ascii;
}

const char *
modori_address_flaw_to_hint (ModoriAddressFlaw flaw)
{
  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (hints[i].flaw == flaw)
      return hints[i].hint;
  return NULL;
}

const char *
modori_address_diagnosis_get_hint (const ModoriAddressDiagnosis *diagnosis)
{
  g_return_val_if_fail (diagnosis != NULL, "");
  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (diagnosis->flaws & hints[i].flaw)
      return hints[i].hint;
  return "";
}
