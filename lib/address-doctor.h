/* address-doctor.h: the address doctor for the library's own use. */
#ifndef MODORI_ADDRESS_DOCTOR_H
#define MODORI_ADDRESS_DOCTOR_H

#include <modori/modori.h>

/* What modori_address_diagnose() finds for @address, without building a
 * diagnosis: stores its flaws in @flaws and returns its suggestion (newly
 * allocated), or NULL where the diagnosis's would be "". */
char *_modori_address_check (const char *address, guint *flaws);

/* The hint of the main flaw among @flaws, or "" when there is none. */
const char *_modori_address_hint (guint flaws);

#endif
