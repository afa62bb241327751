#ifndef SHOPNLP_CLIBXML2_SHIM_H
#define SHOPNLP_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes ICU's headers,
// which clash with the ICU that Foundation bundles. We never touch the ICU-only fields
// of xmlCharEncodingHandler (only pointers to it), so hiding them is safe.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#endif
