#ifndef SHOPNLP_CBLAS_SHIM_H
#define SHOPNLP_CBLAS_SHIM_H
#include <cblas.h>
/* OpenBLAS's own: joins the worker threads it starts when it loads (they are started again
   if a call ever asks for more than one thread). Exported by libopenblas, not in cblas.h. */
int blas_thread_shutdown_(void);
#endif
