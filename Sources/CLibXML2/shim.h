#ifndef COOPLEX_CLIBXML2_SHIM_H
#define COOPLEX_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers then pull in ICU's, which clash with
   Foundation's copy in a clean build ("'UErrorCode' has different definitions").
   We never touch the ICU-dependent fields, so hide them. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/entities.h>

/* xmlFree is a mutable global function pointer: Swift 6 refuses to call it directly. */
static inline void cooplex_xml_free(void *ptr) {
    if (ptr != NULL) { xmlFree(ptr); }
}

#endif
