/* charset.h: turning bounce text into UTF-8 whatever it was written in. */
#ifndef MODORI_CHARSET_H
#define MODORI_CHARSET_H

#include <glib.h>

/* Converts @length bytes to valid UTF-8 (newly allocated): from @declared
 * when it is given and works; as is when the bytes already are UTF-8;
 * else from the charset ICU's detector finds (ISO-2022-JP, Shift_JIS,
 * EUC-JP, Latin-1, ...). Bytes nothing can convert become U+FFFD. */
char *_modori_charset_to_utf8 (const char *bytes, gsize length, const char *declared);

#endif
