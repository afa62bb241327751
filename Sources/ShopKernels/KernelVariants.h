// The kernels' per-instruction-set variants, chosen at run time by Dispatch.c. Each variant
// computes the same bits as every other: the same scalar operations in the same order in
// each lane (multiplies and adds rounded on their own, the logits a fused multiply-add
// chain from zero), so a blurb does not depend on which CPU wrote it.
#ifndef SHOP_KERNEL_VARIANTS_H
#define SHOP_KERNEL_VARIANTS_H

enum { SHOP_KERNELS_NONE = 0, SHOP_KERNELS_AVX2 = 1, SHOP_KERNELS_AVX512 = 2 };

/// The widest variant this CPU runs (cached after the first call).
int shop_kernel_level(void);

float shop_log_sum_exp_avx512(float *p, const float *bias, long n);
void shop_output_logits_avx512(const float *h, long rows, long k, const float *wT, long v, float *out);
void shop_output_log_normalisers_avx512(const float *h, long rows, long k, const float *wT, const float *bias, long v,
                                        float *scratch, float *logZ);
void shop_lstm_cell_avx512(const float *product, const float *input, const float *bias, const float *cPrev,
                           float *c, float *h, long H);

float shop_log_sum_exp_avx2(float *p, const float *bias, long n);
void shop_output_logits_avx2(const float *h, long rows, long k, const float *wT, long v, float *out);
void shop_output_log_normalisers_avx2(const float *h, long rows, long k, const float *wT, const float *bias, long v,
                                      float *scratch, float *logZ);
void shop_lstm_cell_avx2(const float *product, const float *input, const float *bias, const float *cPrev,
                         float *c, float *h, long H);

#endif
