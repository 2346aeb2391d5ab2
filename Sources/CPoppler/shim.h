#ifndef COOPLEX_CPOPPLER_SHIM_H
#define COOPLEX_CPOPPLER_SHIM_H

/* Headers and types only: nothing in Cooplex calls poppler-glib or GLib directly. The
   functions below are looked up at run time, the first time a PDF is opened
   (Sources/Extraction/PDF/PopplerLibrary.swift), so a process that never reads a PDF
   never loads poppler, cairo, NSS, X11 and the rest of poppler's dependencies. */

#include <dlfcn.h>
#include <stddef.h>
#include <glib.h>
#include <glib-object.h>
#include <poppler.h>

/* Every function Cooplex calls, as a table of pointers. Each field has exactly the type of
   the function it holds: `__typeof__` reads the declaration without referencing the symbol
   (no link-time dependency), and a mismatch between a field and its function cannot
   compile. `_Nonnull`: a table is only ever handed out fully bound. */
#define COOPLEX_POPPLER_FUNCTIONS(X)                                                         \
    X(g_free)                                                                                \
    X(g_error_free)                                                                          \
    X(g_bytes_new)                                                                           \
    X(g_bytes_unref)                                                                         \
    X(g_object_unref)                                                                        \
    X(g_date_time_format)                                                                    \
    X(g_date_time_unref)                                                                     \
    X(poppler_error_quark)                                                                   \
    X(poppler_document_new_from_bytes)                                                       \
    X(poppler_document_get_n_pages)                                                          \
    X(poppler_document_get_page)                                                             \
    X(poppler_document_get_title)                                                            \
    X(poppler_document_get_author)                                                           \
    X(poppler_document_get_subject)                                                          \
    X(poppler_document_get_keywords)                                                         \
    X(poppler_document_get_creator)                                                          \
    X(poppler_document_get_producer)                                                         \
    X(poppler_document_get_creation_date_time)                                               \
    X(poppler_page_get_size)                                                                 \
    X(poppler_page_get_text)                                                                 \
    X(poppler_page_get_text_layout)

#define COOPLEX_POPPLER_FIELD(name) __typeof__(&name) _Nonnull name;
typedef struct CooplexPopplerAPI {
    COOPLEX_POPPLER_FUNCTIONS(COOPLEX_POPPLER_FIELD)
} CooplexPopplerAPI;
#undef COOPLEX_POPPLER_FIELD

/* Fills `api` with the functions found through `handle` (a dlopen handle of
   libpoppler-glib: dlsym also searches its dependencies, where the GLib functions live).
   Returns NULL when every function was found, else the name of the first one missing
   (then `api` is partly written and must not be used). */
static inline const char *_Nullable cooplex_poppler_bind(void *_Nonnull handle, CooplexPopplerAPI *_Nonnull api) {
#define COOPLEX_POPPLER_BIND(name)                                                           \
    {                                                                                        \
        void *symbol = dlsym(handle, #name);                                                 \
        if (symbol == NULL) { return #name; }                                                \
        api->name = (__typeof__(&name))symbol;                                               \
    }
    COOPLEX_POPPLER_FUNCTIONS(COOPLEX_POPPLER_BIND)
#undef COOPLEX_POPPLER_BIND
    return NULL;
}

#endif
