/* modori-analyzer.h: turns messages into reports. */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_ANALYZER_H
#define MODORI_ANALYZER_H

#include <gmime/gmime.h>
#include <modori/modori-types.h>
#include <modori/modori-report.h>
#include <modori/modori-source.h>

G_BEGIN_DECLS

/**
 * ModoriAnalyzer:
 *
 * Holds the analysis options. Configure it with the setters, then analyze:
 * from then on it is read-only and may be shared by any number of threads
 * (do not call a setter while another thread analyzes with it).
 * Reference-counted.
 */
typedef struct _ModoriAnalyzer ModoriAnalyzer;

/**
 * MODORI_TYPE_ANALYZER:
 *
 * The #GType of #ModoriAnalyzer, a boxed type.
 */
#define MODORI_TYPE_ANALYZER (modori_analyzer_get_type ())
MODORI_PUBLIC GType modori_analyzer_get_type (void) G_GNUC_CONST;

/**
 * modori_analyzer_new:
 *
 * Makes an analyzer with the default options. Initializes GMime and
 * builds the tables analysis reads on first use (once per process,
 * thread-safe): a program that forks workers after making an analyzer
 * shares those tables with them.
 *
 * Returns: (transfer full): a new analyzer
 */
MODORI_PUBLIC ModoriAnalyzer *modori_analyzer_new (void);

/**
 * modori_analyzer_ref: (skip)
 * @analyzer: a #ModoriAnalyzer
 *
 * Takes one more reference to @analyzer.
 *
 * Returns: (transfer full): @analyzer
 */
MODORI_PUBLIC ModoriAnalyzer *modori_analyzer_ref (ModoriAnalyzer *analyzer);

/**
 * modori_analyzer_unref: (skip)
 * @analyzer: (nullable): a #ModoriAnalyzer
 *
 * Drops one reference to @analyzer; frees it at zero.
 */
MODORI_PUBLIC void modori_analyzer_unref (ModoriAnalyzer *analyzer);

/**
 * modori_analyzer_set_include_delivered:
 * @analyzer: a #ModoriAnalyzer
 * @include: whether to report them
 *
 * Also report recipients that a DSN says were delivered, relayed or
 * expanded (reason "delivered"). Off by default.
 */
MODORI_PUBLIC void modori_analyzer_set_include_delivered (ModoriAnalyzer *analyzer,
                                                          gboolean        include);

/**
 * modori_analyzer_set_include_vacation:
 * @analyzer: a #ModoriAnalyzer
 * @include: whether to report them
 *
 * Also report automatic replies such as out-of-office notices (reason
 * "vacation"). Off by default.
 */
MODORI_PUBLIC void modori_analyzer_set_include_vacation (ModoriAnalyzer *analyzer,
                                                         gboolean        include);

/**
 * modori_analyzer_analyze_file:
 * @analyzer: a #ModoriAnalyzer
 * @path: (type filename): a file holding one message, or an mbox (it starts with "From ")
 * @error: set with %MODORI_ERROR_IO when @path cannot be read, or
 *   %MODORI_ERROR_INVALID_INPUT when it holds no mail message at all
 *
 * Reads @path as a #ModoriSource reads a file: an mbox is split (">From "
 * lines unquoted), a gzip- or xz-compressed file is decompressed, and the
 * source's limits apply. Record origins are @path, or "@path#N" for
 * message N of an mbox. In an mbox, a message that cannot be read or
 * holds no mail message is a warning of the report, and the next one is
 * read.
 *
 * Returns: (transfer full) (nullable): the report, %NULL on error.
 */
MODORI_PUBLIC ModoriReport *modori_analyzer_analyze_file (ModoriAnalyzer *analyzer,
                                                          const char     *path,
                                                          GError        **error);

/**
 * modori_analyzer_analyze_data:
 * @analyzer: a #ModoriAnalyzer
 * @data: (array length=length) (element-type guint8): the raw message (or
 *   mbox), not copied
 * @length: the length of @data in bytes
 * @origin: (nullable): what record origins should say, e.g. "-" for stdin
 * @error: set as by modori_analyzer_analyze_file()
 *
 * Like modori_analyzer_analyze_file() on bytes in memory (an mbox is
 * split, compressed bytes are decompressed). For a message that a
 * #ModoriSource gave, use modori_analyzer_analyze_source_message(): it is
 * not looked at again for an mbox.
 *
 * Returns: (transfer full) (nullable): the report, %NULL on error.
 */
MODORI_PUBLIC ModoriReport *modori_analyzer_analyze_data (ModoriAnalyzer *analyzer,
                                                          const char     *data,
                                                          gsize           length,
                                                          const char     *origin,
                                                          GError        **error);

/**
 * modori_analyzer_analyze_message:
 * @analyzer: a #ModoriAnalyzer
 * @message: (transfer none): a message parsed by the caller; not modified
 * @origin: (nullable): what record origins should say
 *
 * Never fails: a message that is not a bounce gives an empty report.
 *
 * Returns: (transfer full): the report
 */
MODORI_PUBLIC ModoriReport *modori_analyzer_analyze_message (ModoriAnalyzer *analyzer,
                                                             GMimeMessage   *message,
                                                             const char     *origin);

/**
 * modori_analyzer_analyze_source_message:
 * @message: (transfer none): a message that a #ModoriSource gave
 * @error: set with %MODORI_ERROR_INVALID_INPUT when it is empty or holds
 *   no mail message; the error message starts with its origin
 *
 * Analyzes exactly @message, as one message (the source has split its
 * mbox). Record origins are modori_source_message_get_origin().
 *
 * Returns: (transfer full) (nullable): the report, %NULL on error.
 */
MODORI_PUBLIC ModoriReport *modori_analyzer_analyze_source_message (ModoriAnalyzer            *analyzer,
                                                                    const ModoriSourceMessage *message,
                                                                    GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModoriAnalyzer, modori_analyzer_unref)

G_END_DECLS

#endif /* MODORI_ANALYZER_H */
