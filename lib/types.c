/* types.c: the GTypes of the public types, so that bindings (GObject
 * introspection: Python, JavaScript, ...) can hold them. Each is a boxed
 * type whose copy takes a reference, as GLib's GBytes and json-glib's
 * JsonNode do; the enums are registered by the generated
 * modori-enum-types.c. */
#include <modori/modori.h>

G_DEFINE_BOXED_TYPE (ModoriAnalyzer, modori_analyzer, modori_analyzer_ref, modori_analyzer_unref)
G_DEFINE_BOXED_TYPE (ModoriReport, modori_report, modori_report_ref, modori_report_unref)
G_DEFINE_BOXED_TYPE (ModoriRecord, modori_record, modori_record_ref, modori_record_unref)
G_DEFINE_BOXED_TYPE (ModoriExplanation, modori_explanation, modori_explanation_ref, modori_explanation_unref)
G_DEFINE_BOXED_TYPE (ModoriAddressDiagnosis, modori_address_diagnosis,
                     modori_address_diagnosis_ref, modori_address_diagnosis_unref)
G_DEFINE_BOXED_TYPE (ModoriSource, modori_source, modori_source_ref, modori_source_free)
G_DEFINE_BOXED_TYPE (ModoriSourceMessage, modori_source_message,
                     modori_source_message_ref, modori_source_message_free)

/* The source and its messages live in g_atomic_rc_box memory
 * (lib/source.c): their _free drops a reference. */
ModoriSource *
modori_source_ref (ModoriSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return g_atomic_rc_box_acquire (source);
}

ModoriSourceMessage *
modori_source_message_ref (ModoriSourceMessage *message)
{
  g_return_val_if_fail (message != NULL, NULL);
  return g_atomic_rc_box_acquire (message);
}
