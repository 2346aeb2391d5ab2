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

#endif
