/* modori.h: the one header users include.
 *
 * libmodori reads bounce mail (delivery status notifications) and says,
 * for each recipient that failed, what happened and what to do.
 *
 * Threads: the library keeps no mutable global state. A ModoriAnalyzer,
 * once configured, is read-only and may be shared by threads; a
 * ModoriReport or ModoriRecord belongs to one thread at a time (records
 * are immutable, so after modori_record_ref() they may be read anywhere).
 * The guidance catalog is loaded once, thread-safely.
 *
 * Memory: _new and _ref return a reference the caller owns; _get_ lends
 * a pointer owned by the object it came from; every public type has a
 * g_autoptr cleanup function.
 *
 * Bindings: every public type is a boxed GType (MODORI_TYPE_RECORD, ...;
 * copying one takes a reference) and every enum a GEnum or GFlags
 * (modori-enum-types.h), described by Modori-0.gir for GObject
 * introspection.
 */
#ifndef MODORI_H
#define MODORI_H

#define MODORI_INSIDE
#include <modori/modori-types.h>
#include <modori/modori-version.h>
#include <modori/modori-error.h>
#include <modori/modori-reason.h>
#include <modori/modori-record.h>
#include <modori/modori-report.h>
#include <modori/modori-analyzer.h>
#include <modori/modori-guidance.h>
#include <modori/modori-source.h>
#include <modori/modori-address.h>
#include <modori/modori-explain.h>
#include <modori/modori-enum-types.h>
#undef MODORI_INSIDE

#endif /* MODORI_H */
