/* modori-source.h: the messages of a batch of inputs, one at a time. */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_SOURCE_H
#define MODORI_SOURCE_H

#include <glib.h>
#include <modori/modori-types.h>

G_BEGIN_DECLS

/**
 * ModoriSource:
 *
 * Iterates over the messages of some inputs: message files, mboxes
 * (mboxo and mboxrd: ">From " lines are unquoted), Maildirs, directory
 * trees (walked in name order, hidden entries and Maildir tmp/ skipped),
 * and "-" for standard input; any of them may be gzip- or xz-compressed
 * (recognized by content). Files are read as streams: only the current
 * message is held in memory, and no more than 64 MiB of it. An mbox
 * whose first 4 KiB have a CR and no LF is split on lone CRs (old
 * Macintosh line ends). One thread at a time. Reference-counted:
 * modori_source_free() drops the caller's reference.
 */
typedef struct _ModoriSource ModoriSource;

/**
 * MODORI_TYPE_SOURCE:
 *
 * The #GType of #ModoriSource, a boxed type.
 */
#define MODORI_TYPE_SOURCE (modori_source_get_type ())
MODORI_PUBLIC GType modori_source_get_type (void) G_GNUC_CONST;

/**
 * ModoriSourceMessage:
 *
 * One message taken from a source: its raw bytes and where it was found.
 * Reference-counted: modori_source_message_free() drops the caller's
 * reference.
 */
typedef struct _ModoriSourceMessage ModoriSourceMessage;

/**
 * MODORI_TYPE_SOURCE_MESSAGE:
 *
 * The #GType of #ModoriSourceMessage, a boxed type.
 */
#define MODORI_TYPE_SOURCE_MESSAGE (modori_source_message_get_type ())
MODORI_PUBLIC GType modori_source_message_get_type (void) G_GNUC_CONST;

/**
 * modori_source_new:
 * @paths: (array zero-terminated=1) (element-type filename): files,
 *   directories, or "-"
 *
 * Directories are listed and regular files' sizes taken now; files are
 * opened as they are reached and read up to that size, so that mail
 * delivered or appended meanwhile is left for the next scan (and
 * processes that share a source made before fork() see the same
 * messages). Never fails: an input that cannot be read, and a directory
 * entry that cannot be examined (no search permission, a path longer
 * than PATH_MAX, a dangling symbolic link), is reported by
 * modori_source_next() when its turn comes.
 *
 * Returns: (transfer full): a new source.
 */
MODORI_PUBLIC ModoriSource *modori_source_new (const char *const *paths);

/**
 * modori_source_new_like:
 * @source: a #ModoriSource
 *
 * Makes a source over @source's listing, at its start, whatever @source
 * has read: the same files in the same order, each read up to the size
 * it had when @source was made. For readers in threads that share the
 * inputs, each analyzing its own messages (see modori_source_skip()): a
 * Maildir delivered into meanwhile is numbered alike by all. Standard
 * input and pipes are read by whichever source reaches them first: give
 * such inputs to one source only.
 *
 * Returns: (transfer full): a new source.
 */
MODORI_PUBLIC ModoriSource *modori_source_new_like (const ModoriSource *source);

/**
 * modori_source_ref: (skip)
 * @source: a #ModoriSource
 *
 * Takes one more reference to @source (the same iterator, not a copy).
 *
 * Returns: (transfer full): @source
 */
MODORI_PUBLIC ModoriSource *modori_source_ref (ModoriSource *source);

/**
 * modori_source_free: (skip)
 * @source: (nullable): a #ModoriSource
 *
 * Drops the caller's reference to @source; with the last one, closes
 * the current input and frees @source.
 */
MODORI_PUBLIC void modori_source_free (ModoriSource *source);

/**
 * modori_source_next:
 * @source: a #ModoriSource
 * @error: set when an input or a message cannot be read; the message
 *   names the file, and the message number and byte offset when known
 *
 * The limits, each an error of its own after which the next call goes
 * on: a message larger than 64 MiB (as read, decompressed) is read past
 * and not kept, and the next message is read; a compressed file that
 * decompresses to more than 256 MiB plus 1,000 times the compressed
 * bytes read, or an xz file that needs more than 128 MiB to decompress,
 * is not read further. A file that ends before the size it had when
 * listed (it was cut meanwhile) is an error for the message that reached
 * its end: that message may be cut and is not returned.
 *
 * Returns: (transfer full) (nullable): the next message; %NULL with
 *   @error set for a failure (call again to go on with what follows),
 *   %NULL without error at the end.
 */
MODORI_PUBLIC ModoriSourceMessage *modori_source_next (ModoriSource *source,
                                                       GError      **error);

/**
 * modori_source_skip:
 * @source: a #ModoriSource
 *
 * Takes the step modori_source_next() would take (past one message, or
 * one failure) without keeping the message: a file of one message is
 * not read beyond its first bytes, an mbox message is not copied, and
 * no error is reported. For readers that share the inputs (processes
 * that forked after modori_source_new(), or threads that each read a
 * modori_source_new_like() copy), each analyzing its own messages: every
 * reader's next-or-skip sequence numbers the same messages alike.
 *
 * Returns: %FALSE at the end of the inputs.
 */
MODORI_PUBLIC gboolean modori_source_skip (ModoriSource *source);

/**
 * modori_source_get_bytes_read:
 * @source: a #ModoriSource
 *
 * How far the source has read, for progress reports.
 *
 * Returns: bytes of the inputs read so far (compressed bytes for a
 *   compressed file)
 */
MODORI_PUBLIC guint64 modori_source_get_bytes_read (const ModoriSource *source);

/**
 * modori_source_get_bytes_total:
 * @source: a #ModoriSource
 *
 * How much the source has to read, for progress reports.
 *
 * Returns: the size of all input files; 0 when unknown (standard input,
 *   pipes)
 */
MODORI_PUBLIC guint64 modori_source_get_bytes_total (const ModoriSource *source);

/**
 * modori_source_message_ref: (skip)
 * @message: a #ModoriSourceMessage
 *
 * Takes one more reference to @message.
 *
 * Returns: (transfer full): @message
 */
MODORI_PUBLIC ModoriSourceMessage *modori_source_message_ref (ModoriSourceMessage *message);

/**
 * modori_source_message_free: (skip)
 * @message: (nullable): a #ModoriSourceMessage
 *
 * Drops the caller's reference to @message; frees it with the last one.
 */
MODORI_PUBLIC void modori_source_message_free (ModoriSourceMessage *message);

/**
 * modori_source_message_get_data:
 * @message: a #ModoriSourceMessage
 * @length: (out) (optional): where to store the length in bytes
 *
 * The raw message, without an mbox "From " line, unquoted.
 *
 * Returns: (transfer none) (array length=length) (element-type guint8):
 *   the bytes, owned by @message
 */
MODORI_PUBLIC const char *modori_source_message_get_data (const ModoriSourceMessage *message,
                                                          gsize                     *length);

/**
 * modori_source_message_get_path:
 * @message: a #ModoriSourceMessage
 *
 * The input the message came from.
 *
 * Returns: (transfer none) (type filename): the file it came from ("-"
 *   for standard input)
 */
MODORI_PUBLIC const char *modori_source_message_get_path (const ModoriSourceMessage *message);

/**
 * modori_source_message_get_number:
 * @message: a #ModoriSourceMessage
 *
 * Where the message is in its mbox.
 *
 * Returns: its number in an mbox (from 1); 0 for a file of one message
 */
MODORI_PUBLIC guint modori_source_message_get_number (const ModoriSourceMessage *message);

/**
 * modori_source_message_get_offset:
 * @message: a #ModoriSourceMessage
 *
 * Where the message starts in its file.
 *
 * Returns: where it starts in the (decompressed) file, in bytes
 */
MODORI_PUBLIC guint64 modori_source_message_get_offset (const ModoriSourceMessage *message);

/**
 * modori_source_message_get_origin:
 * @message: a #ModoriSourceMessage
 *
 * What the records of the message should give as their origin.
 *
 * Returns: (transfer none): what its records' origin should say: PATH,
 *   or PATH#N in an mbox
 */
MODORI_PUBLIC const char *modori_source_message_get_origin (const ModoriSourceMessage *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModoriSource, modori_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModoriSourceMessage, modori_source_message_free)

G_END_DECLS

#endif /* MODORI_SOURCE_H */
