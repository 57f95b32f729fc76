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

#include "address-doctor.h"

struct _ModoriAddressDiagnosis {
  gint ref_count;
  guint flaws;
  const char *suggestion;   /* both in text: one block holds it all */
  const char *ascii;
  char text[];
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
 * forms and maps Japanese punctuation to dots. Returns the result, stored
 * in @copy (newly allocated) unless it is @address itself. */
static const char *
clean_characters (const char *address, char **copy, guint *flaws)
{
  g_autofree char *valid = NULL;
  const guchar *a = (const guchar *) address;
  GString *out;

  /* Nearly every address is printable ASCII alone, valid UTF-8 that the
   * loop below would keep byte for byte: no copy. */
  while (*a > 0x20 && *a < 0x7F)
    a++;
  if (*a == '\0')
    return address;
  valid = g_utf8_make_valid (address, -1);
  out = g_string_new (NULL);

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
  return *copy = g_string_free (out, FALSE);
}

/* Commas: between two letters or digits a mistyped dot; any other comma
 * in the domain is dropped. Works in place on @part, @length bytes and a
 * NUL (the result is never longer); returns the new length. */
static gsize
fix_commas (char *part, gsize length, gboolean is_domain, guint *flaws)
{
  g_autofree char *in = NULL;
  gsize n = 0;

  /* Nearly every part has none: nothing to change. */
  if (memchr (part, ',', length) == NULL)
    return length;
  in = g_strndup (part, length);
  for (gsize i = 0; i < length; i++)
    {
      char c = in[i];

      if (c != ',')
        part[n++] = c;
      else if (i > 0 && i + 1 < length &&
               g_ascii_isalnum (in[i - 1]) && g_ascii_isalnum (in[i + 1]))
        {
          *flaws |= MODORI_ADDRESS_FLAW_COMMA_FOR_DOT;
          part[n++] = '.';
        }
      else if (is_domain)
        *flaws |= MODORI_ADDRESS_FLAW_COMMA_IN_HOST;
      else
        part[n++] = c;
    }
  part[n] = '\0';
  return n;
}

/* Collapses runs of dots and trims dots at both ends, in place as
 * fix_commas(). Only dots are dropped, so the part changed if and only if
 * it got shorter. */
static gsize
fix_dots (char *part, gsize length, guint *flaws)
{
  gsize n = 0;

  /* Nearly every part has none of these: nothing to change. */
  if (length == 0 || (part[0] != '.' && part[length - 1] != '.' &&
                      strstr (part, "..") == NULL))
    return length;
  for (gsize i = 0; i < length; i++)
    {
      if (part[i] == '.' && (n == 0 || part[n - 1] == '.'))
        continue;
      part[n++] = part[i];
    }
  if (n > 0 && part[n - 1] == '.')
    n--;
  part[n] = '\0';
  if (n < length)
    *flaws |= MODORI_ADDRESS_FLAW_DOTS;
  return n;
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

/* The byte values of a string, as a set of 128 bits (any byte has one,
 * but those of a domain in ASCII have one each). */
typedef struct { guint64 bits[2]; } ByteSet;

static void
byte_set (const char *s, ByteSet *set)
{
  set->bits[0] = set->bits[1] = 0;
  for (const guchar *p = (const guchar *) s; *p; p++)
    set->bits[(*p >> 6) & 1] |= G_GUINT64_CONSTANT (1) << (*p & 63);
}

/* How many byte values of @a are not in @b, counted no further than
 * @stop. */
static guint
count_missing (const ByteSet *a, const ByteSet *b, guint stop)
{
  guint n = 0;

  for (guint w = 0; w < 2; w++)
    for (guint64 x = a->bits[w] & ~b->bits[w]; x != 0 && n < stop; n++)
      x &= x - 1;
  return n;
}

/* Whether edit_distance() of the strings of @a and @b exceeds @limit, by
 * a lower bound: a byte of one string whose value the other lacks can be
 * neither kept nor swapped (both pair it with an equal byte), so it is
 * deleted or substituted, one edit for each such byte. The distance is
 * thus at least the count of such values of either string. */
static gboolean
surely_further (const ByteSet *a, const ByteSet *b, guint limit)
{
  return count_missing (a, b, limit + 1) > limit || count_missing (b, a, limit + 1) > limit;
}

/* The known domains' lengths and byte sets, made once. */
typedef struct { gsize length; ByteSet bytes; } KnownShape;

static const KnownShape *
known_shapes (void)
{
  static KnownShape shapes[G_N_ELEMENTS (known_domains)];
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      for (guint i = 0; i < G_N_ELEMENTS (known_domains); i++)
        {
          shapes[i].length = strlen (known_domains[i]);
          byte_set (known_domains[i], &shapes[i].bytes);
        }
      g_once_init_leave (&made, 1);
    }
  return shapes;
}

/* The big domain @domain is a near miss of, or NULL. Ties give nothing:
 * a guess between two is no help. */
static const char *
near_known_domain (const char *domain)
{
  const KnownShape *shapes = known_shapes ();
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  gboolean tie = FALSE;
  gsize length = strlen (domain);
  ByteSet bytes;

  byte_set (domain, &bytes);
  for (guint i = 0; i < G_N_ELEMENTS (known_domains); i++)
    {
      const char *known = known_domains[i];
      gsize known_length = shapes[i].length;
      guint limit = known_length >= 12 ? 2 : 1;
      guint d;

      /* Every record's domain meets every known one: most are told
       * apart by their lengths (then they are not equal either) or by
       * their bytes, without the distance. */
      if ((length > known_length ? length - known_length : known_length - length) > limit)
        continue;
      if (length == known_length && memcmp (domain, known, length) == 0)
        return NULL;
      if (known_length < 7)  /* au.com, me.com: too many real neighbours */
        continue;
      if (surely_further (&bytes, &shapes[i].bytes, limit))
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

/* What the rules make of one address. */
typedef struct {
  guint flaws;
  char *work;                 /* the local part and the domain, each ending in NUL */
  const char *local;          /* in work */
  const char *domain;         /* in work, or a known domain */
  const char *ascii_domain;   /* domain, idna, a known domain, or NULL */
  char *idna;
} Findings;

static gboolean
is_dotty (const char *domain)
{
  for (guint i = 0; i < G_N_ELEMENTS (dotty_domains); i++)
    if (strcmp (domain, dotty_domains[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The domain's ASCII form, a missing top-level domain and near misses. */
static void
name_domain (Findings *f)
{
  const char *better;

  if (is_ascii (f->domain))
    f->ascii_domain = f->domain;
  else if ((f->ascii_domain = f->idna = domain_to_ascii (f->domain)) == NULL)
    f->flaws |= MODORI_ADDRESS_FLAW_BAD_IDN;
  if (f->ascii_domain == NULL)
    return;
  if (strchr (f->ascii_domain, '.') == NULL)
    {
      f->flaws |= MODORI_ADDRESS_FLAW_NO_TLD;
      better = domain_for_label (f->ascii_domain);
    }
  else if ((better = near_known_domain (f->ascii_domain)) != NULL)
    f->flaws |= MODORI_ADDRESS_FLAW_DOMAIN_TYPO;
  if (better)
    f->domain = f->ascii_domain = better;
}

/* Applies the rules to @address: fills @f, zeroed before and cleared
 * with findings_clear() after. */
static void
examine (const char *address, Findings *f)
{
  g_autofree char *copy = NULL;
  const char *clean = clean_characters (address, &copy, &f->flaws);
  const char *at = strrchr (clean, '@');
  gsize local_length, domain_length;
  char *domain;

  if (at == NULL)
    {
      f->flaws |= MODORI_ADDRESS_FLAW_NO_AT;
      return;
    }
  f->work = copy ? g_steal_pointer (&copy) : g_strdup (clean);
  local_length = at - clean;
  f->work[local_length] = '\0';
  domain = f->work + local_length + 1;
  domain_length = strlen (domain);
  for (gsize i = 0; i < domain_length; i++)
    if (g_ascii_isupper (domain[i]))
      domain[i] += 'a' - 'A';

  local_length = fix_commas (f->work, local_length, FALSE, &f->flaws);
  domain_length = fix_commas (domain, domain_length, TRUE, &f->flaws);
  fix_dots (domain, domain_length, &f->flaws);
  if (!is_dotty (domain))
    fix_dots (f->work, local_length, &f->flaws);
  f->local = f->work;
  f->domain = domain;
  name_domain (f);
}

static void
findings_clear (Findings *f)
{
  g_free (f->work);
  g_free (f->idna);
}

/* The corrected address (newly allocated), or NULL when nothing was
 * corrected or nothing sensible can be suggested. */
static char *
suggest (const Findings *f, const char *address)
{
  char *fixed;

  if (f->flaws == 0 || (f->flaws & MODORI_ADDRESS_FLAW_NO_AT) || f->local[0] == '\0' ||
      f->domain[0] == '\0' || strchr (f->domain, '.') == NULL)
    return NULL;
  fixed = g_strconcat (f->local, "@", f->domain, NULL);
  if (g_ascii_strcasecmp (fixed, address) == 0)
    g_clear_pointer (&fixed, g_free);
  return fixed;
}

ModoriAddressDiagnosis *
modori_address_diagnose (const char *address)
{
  Findings f = { 0, };
  g_autofree char *suggestion = NULL;
  gsize size;
  ModoriAddressDiagnosis *d;
  char *p;

  g_return_val_if_fail (address != NULL, NULL);
  examine (address, &f);
  suggestion = suggest (&f, address);
  size = (suggestion ? strlen (suggestion) : 0) + 1 +
         (f.ascii_domain ? strlen (f.local) + 1 + strlen (f.ascii_domain) : 0) + 1;
  d = g_malloc (sizeof *d + size);
  d->ref_count = 1;
  d->flaws = f.flaws;
  d->suggestion = d->text;
  p = g_stpcpy (d->text, suggestion ? suggestion : "");
  d->ascii = ++p;
  if (f.ascii_domain)
    {
      p = g_stpcpy (p, f.local);
      *p++ = '@';
      g_stpcpy (p, f.ascii_domain);
    }
  else
    *p = '\0';
  findings_clear (&f);
  return d;
}

char *
_modori_address_check (const char *address, guint *flaws)
{
  Findings f = { 0, };
  char *suggestion;

  examine (address, &f);
  suggestion = suggest (&f, address);
  *flaws = f.flaws;
  findings_clear (&f);
  return suggestion;
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
_modori_address_hint (guint flaws)
{
  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (flaws & hints[i].flaw)
      return hints[i].hint;
  return "";
}

const char *
modori_address_diagnosis_get_hint (const ModoriAddressDiagnosis *diagnosis)
{
  g_return_val_if_fail (diagnosis != NULL, "");
  return _modori_address_hint (diagnosis->flaws);
}
