#ifndef CDRSDIFF_LIBXML2_SHIM_H
#define CDRSDIFF_LIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; Foundation ships a private ICU. A module seeing both fails
// with "'UErrorCode' has different definitions", and we never need libxml2's ICU encoders.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
// For tests, which check drsdiff's HTML pages with libxml2's HTML parser.
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

// xmlFree is a mutable global function pointer, which Swift 6 refuses to touch from any context.
static inline void cdrsdiff_xmlFree(void *pointer) {
    xmlFree(pointer);
}

#endif
