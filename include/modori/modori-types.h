/* modori-types.h: export macro and common includes (GLib and GObject:
 * the public types are GTypes, for bindings). */
#if !defined(MODORI_INSIDE) && !defined(MODORI_COMPILATION)
#error "Only <modori/modori.h> can be included directly."
#endif

#ifndef MODORI_TYPES_H
#define MODORI_TYPES_H

#include <glib.h>
#include <glib-object.h>

#if defined(MODORI_COMPILATION) && defined(__GNUC__)
#define MODORI_PUBLIC __attribute__((visibility("default"))) extern
#else
#define MODORI_PUBLIC extern
#endif

#endif /* MODORI_TYPES_H */
