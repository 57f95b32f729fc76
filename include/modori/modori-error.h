/* modori-error.h: the MODORI_ERROR GError domain. */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_ERROR_H
#define MODORI_ERROR_H

#include <modori/modori-types.h>

G_BEGIN_DECLS

/**
 * MODORI_ERROR:
 *
 * The error domain of modori: errors are #ModoriError values.
 */
#define MODORI_ERROR (modori_error_quark ())

/**
 * ModoriError:
 * @MODORI_ERROR_IO: the input could not be read (missing file, directory, I/O error).
 * @MODORI_ERROR_INVALID_INPUT: the input is not a mail message at all
 *   (empty, binary, unparseable).
 *
 * Errors are for inputs that cannot be analyzed. "Not a bounce" is a result,
 * not an error: such a message gives a report with no records.
 */
typedef enum {
  MODORI_ERROR_IO,
  MODORI_ERROR_INVALID_INPUT,
} ModoriError;

/**
 * modori_error_quark:
 *
 * The error domain of modori's #GError, %MODORI_ERROR.
 *
 * Returns: the #GQuark of %MODORI_ERROR
 */
MODORI_PUBLIC GQuark modori_error_quark (void);

G_END_DECLS

#endif /* MODORI_ERROR_H */
