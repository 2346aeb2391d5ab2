#ifndef COOPLEX_CPOPPLER_SHIM_H
#define COOPLEX_CPOPPLER_SHIM_H

#include <glib.h>
#include <glib-object.h>
#include <poppler.h>
#include <cairo.h>
#include <cairo-pdf.h>

/* g_object_unref takes a gpointer; PopplerDocument and PopplerPage arrive in Swift as
   OpaquePointer. One typed entry point keeps the Swift side free of casts. */
static inline void cooplex_g_object_unref(void *object) {
    if (object != NULL) { g_object_unref(object); }
}

/* POPPLER_ERROR is a macro calling a function; Swift cannot import it. */
static inline GQuark cooplex_poppler_error_quark(void) {
    return POPPLER_ERROR;
}

/* g_free is fine from Swift, but a NULL-tolerant typed wrapper reads better. */
static inline void cooplex_g_free(void *memory) {
    if (memory != NULL) { g_free(memory); }
}

#endif
