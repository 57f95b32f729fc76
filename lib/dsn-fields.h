/* dsn-fields.h: the RFC 3464 / RFC 6533 field syntax.
 *
 * A delivery-status body is groups of "Name: value" fields separated by
 * blank lines: one per-message group, then one group per recipient. */
#ifndef MODORI_DSN_FIELDS_H
#define MODORI_DSN_FIELDS_H

#include <glib.h>

typedef struct {
  char *name;    /* as written */
  char *value;   /* unfolded: whitespace runs are one space, trimmed */
} DsnField;

typedef struct {
  GPtrArray *fields;   /* of DsnField*, in order */
} DsnGroup;

/* The groups read at most: the per-message group and one recipient more
 * than a report keeps, so that the cut is still seen and warned about. */
#define DSN_MAX_GROUPS (MODORI_MAX_RECIPIENTS + 2)

/* Splits @text (any line ends: LF, CRLF or CR) into groups, at most
 * DSN_MAX_GROUPS. Lines that are neither a field nor a continuation are
 * skipped. Returns an array of DsnGroup* that frees them; never NULL. */
GPtrArray *_modori_dsn_parse_groups (const char *text, gsize length);

/* The value of the first field named @name (case-insensitive), or NULL. */
const char *_modori_dsn_group_lookup (const DsnGroup *group, const char *name);

/* Splits "type; value" (RFC 3464 address-type / diagnostic-type /
 * mta-name-type). Returns the value part, newly allocated and trimmed; puts
 * the type, upper-cased, in @type if not NULL ("" when there is none). */
char *_modori_dsn_split_type (const char *field_value, char **type);

/* Removes RFC 5322 comments "(...)" (nesting, quoted-pairs) and trims. */
char *_modori_dsn_strip_comments (const char *value);

#endif
