/* header-limit.h: a stream that cuts header blocks to the limits of
 * bounds.h before the MIME parser reads them.
 *
 * GMime keeps every header field as objects of several copies of its
 * text: 9 MB of short fields took 390 MB. Bounds checked on the parsed
 * message come too late, so the bytes are cut on their way to the parser.
 * The filter follows the structure as far as the parser reads headers
 * from it: the message's own header block, each MIME part's (the lines
 * after a line starting "--"), and an attached message's (after a header
 * block declaring message/rfc822 or message/global). One message: an
 * mbox is split before (source.c).
 *
 * On the way it also renames an attached message's media type (same
 * length: MODORI_LAZY_MESSAGE_TYPE, mime-util.h), so that GMime keeps the
 * message as bytes and the library parses of it only what it asks for.
 * A rename must touch only what GMime reads as a header block, not a
 * text that looks like one (a bounce quoting a MIME message): for it the
 * filter follows the boundaries the multiparts declare, as GMime tells
 * them, and renames only in the message's header block, a part's after a
 * real boundary, and an attached message's after such a part's. */
#ifndef MODORI_HEADER_LIMIT_H
#define MODORI_HEADER_LIMIT_H

#include <gmime/gmime.h>

G_BEGIN_DECLS

/* Declared by hand: GMime defines no g_autoptr cleanup for GMimeStream,
 * which G_DECLARE_FINAL_TYPE needs. */
typedef struct _ModoriHeaderLimit ModoriHeaderLimit;
typedef struct {
  GMimeStreamClass parent_class;
} ModoriHeaderLimitClass;

GType _modori_header_limit_get_type (void) G_GNUC_CONST;
#define MODORI_TYPE_HEADER_LIMIT (_modori_header_limit_get_type ())
#define MODORI_HEADER_LIMIT(object) \
  (G_TYPE_CHECK_INSTANCE_CAST ((object), MODORI_TYPE_HEADER_LIMIT, ModoriHeaderLimit))

/* A stream of @source (one message) with its header blocks cut to the
 * limits. It reads forward only. */
GMimeStream *_modori_header_limit_new (GMimeStream *source);

/* A parser of @source through such a stream, set for it (the stream is
 * not persistent); *@limit, if not NULL, is the stream, owned by the
 * parser, for its warnings. */
GMimeParser *_modori_header_limit_parser_new (GMimeStream *source, ModoriHeaderLimit **limit);

/* Moves the stream's warnings (what it cut) to @warnings (of char *), in
 * the order they arose. */
void _modori_header_limit_take_warnings (ModoriHeaderLimit *self, GPtrArray *warnings);

G_END_DECLS

#endif
