#ifndef SHOPNLP_CBLAS_SHIM_H
#define SHOPNLP_CBLAS_SHIM_H
#include <cblas.h>
#endif
