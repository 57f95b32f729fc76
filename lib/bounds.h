/* bounds.h: the limits on work per message, so that no stranger's mail
 * costs more than time linear in its size. Documented in README.md
 * ("Limits") and doc/modori.1 (LIMITS); each one of the analysis, when
 * hit, adds a warning to the report. */
#ifndef MODORI_BOUNDS_H
#define MODORI_BOUNDS_H

#include <gmime/gmime.h>

#include "mime-util.h"   /* MODORI_MAX_MIME_DEPTH: deeper parts are not read */

/* Records kept per message; a report naming more recipients is cut. */
#define MODORI_MAX_RECIPIENTS 10000

/* Bytes of one header field, folded lines included: the rest is cut
 * before the MIME parser reads it (header-limit.c). RFC 5322 lines are at
 * most 998 bytes; a field of 64 KiB is a thousand folded lines. */
#define MODORI_MAX_HEADER_BYTES (64 * 1024)

/* Bytes of the header fields of one header block (a message's, a MIME
 * part's), and of all the blocks of one message: further fields are
 * dropped before the parser reads them. Mail headers are a few KB; the
 * parser spends some 40 bytes of memory per byte of short fields. */
#define MODORI_MAX_HEADER_BLOCK_BYTES (256 * 1024)
#define MODORI_MAX_MESSAGE_HEADER_BYTES (2 * 1024 * 1024)

/* Bytes of one recipient's diagnostic; a longer one is cut at a character
 * boundary and ends in " [...]". Mail systems send far less: an SMTP reply
 * line is at most 512 bytes (RFC 5321, 4.5.3.1.5), and the longest
 * diagnostic of the test corpora, a multi-line reply, is 1.6 KB.
 * Records that share one long text each keep their own cut copy, so a
 * message's diagnostics take at most MODORI_MAX_RECIPIENTS times this. */
#define MODORI_MAX_DIAGNOSTIC_BYTES (8 * 1024)

/* Bytes of any other field of a record (the subject, an address, a host),
 * cut the same way; the origin, the caller's name for the input, is
 * kept whole. An address is at most 256 bytes (RFC 5321, 4.5.3.1.3). */
#define MODORI_MAX_FIELD_BYTES 1024

/* Bytes of text of all the records of one message. Past it, each further
 * record's fields are cut to MODORI_MAX_FIELD_BYTES_PAST_BUDGET: without
 * it, the shared subject and diagnostic of thousands of recipients would
 * cost their length once per recipient, and more as output. */
#define MODORI_MAX_MESSAGE_TEXT_BYTES (8 * 1024 * 1024)
#define MODORI_MAX_FIELD_BYTES_PAST_BUDGET 256

/* Limits on reading the inputs (source.c, reader.c). Each one, when hit,
 * is an error naming the input (and the message, in an mbox), and the
 * scan goes on with the next message or input. */

/* Bytes of one message as read (decompressed; in an mbox, without its
 * "From " line). A larger one is read past and dropped, so no more than
 * this and a block is held for a message. Mail systems return far less (Postfix
 * returns 50 KB of the original, Exim 100 KB) and providers take messages
 * up to 25-50 MB, base64 included. */
#define MODORI_MAX_MESSAGE_BYTES (64 * 1024 * 1024)

/* What one compressed input may decompress to: MODORI_MAX_EXPANSION_BASE
 * plus MODORI_MAX_EXPANSION bytes for each compressed byte read, so that
 * the time spent is linear in the file's size. Mail compresses far less
 * (20,000 bounces of one template: 44:1 with gzip, 91:1 with xz; one mbox
 * repeated 60 times: 387:1 with xz); xz of zeros gives about 7,000:1.
 * Memory is bounded by MODORI_MAX_MESSAGE_BYTES in any case. */
#define MODORI_MAX_EXPANSION 1000
#define MODORI_MAX_EXPANSION_BASE (256 * 1024 * 1024)

/* Memory the xz decoder may take: xz -9 needs 65 MiB (a 64 MiB
 * dictionary); only a hand-made file asks for more, and the dictionary
 * fills with what is decompressed. */
#define MODORI_MAX_XZ_MEMORY (128 * 1024 * 1024)

#ifdef MODORI_COMPILATION
#include "report-private.h"

/* Whether @message has a header over MODORI_MAX_HEADER_BYTES (one that
 * _modori_bounds_check_message() drops). */
gboolean _modori_bounds_has_long_header (GMimeMessage *message);

/* Warns about @message's oversized headers and about MIME nesting deeper
 * than MODORI_MAX_MIME_DEPTH; @name names the message. With @drop, which
 * only the analyzer's own copy may have (never the caller's message),
 * removes those headers too. */
void _modori_bounds_check_message (GMimeMessage *message, gboolean drop, const char *name, ModoriReport *report);

/* Cuts @records (of ModoriRecord*) to MODORI_MAX_RECIPIENTS, with a warning. */
void _modori_bounds_cap_records (GPtrArray *records, const char *name, ModoriReport *report);
#endif

#endif
