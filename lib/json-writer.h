/* json-writer.h: the little JSON the library writes. */
#ifndef MODORI_JSON_WRITER_H
#define MODORI_JSON_WRITER_H

#include <glib.h>

/* Appends @text as a JSON string literal. Invalid UTF-8 bytes become
 * U+FFFD, so the output is always valid JSON. */
void _modori_json_append_string (GString *out, const char *text);

#endif
