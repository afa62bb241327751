#include "ShopKernels.h"
#include "KernelVariants.h"
#include <math.h>

#if defined(__x86_64__)

static int detected_level(void) {
    // Benign race: every thread computes the same value.
    static int level = -1;
    if (level < 0) {
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx512f")) level = SHOP_KERNELS_AVX512;
        else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) level = SHOP_KERNELS_AVX2;
        else level = SHOP_KERNELS_NONE;
    }
    return level;
}

static int level_limit = SHOP_KERNELS_AVX512;

int shop_kernel_level(void) {
    int level = detected_level();
    return level < level_limit ? level : level_limit;
}

int shop_kernels_limit(int width) {
    level_limit = width >= 16 ? SHOP_KERNELS_AVX512 : SHOP_KERNELS_AVX2;
    return shop_kernel_width();
}

int shop_log_sum_exp_available(void) { return shop_kernel_level() != SHOP_KERNELS_NONE; }

int shop_kernel_width(void) {
    switch (shop_kernel_level()) {
    case SHOP_KERNELS_AVX512: return 16;
    case SHOP_KERNELS_AVX2: return 8;
    default: return 0;
    }
}

float shop_log_sum_exp(float *p, const float *bias, long n) {
    return shop_kernel_level() == SHOP_KERNELS_AVX512 ? shop_log_sum_exp_avx512(p, bias, n) : shop_log_sum_exp_avx2(p, bias, n);
}

void shop_output_logits(const float *h, long rows, long k, const float *wT, long v, float *out) {
    if (shop_kernel_level() == SHOP_KERNELS_AVX512) shop_output_logits_avx512(h, rows, k, wT, v, out);
    else shop_output_logits_avx2(h, rows, k, wT, v, out);
}

void shop_output_log_normalisers(const float *h, long rows, long k, const float *wT, const float *bias, long v,
                                 float *scratch, float *logZ) {
    if (shop_kernel_level() == SHOP_KERNELS_AVX512) shop_output_log_normalisers_avx512(h, rows, k, wT, bias, v, scratch, logZ);
    else shop_output_log_normalisers_avx2(h, rows, k, wT, bias, v, scratch, logZ);
}

void shop_lstm_cell(const float *product, const float *input, const float *bias, const float *cPrev,
                    float *c, float *h, long H) {
    if (shop_kernel_level() == SHOP_KERNELS_AVX512) shop_lstm_cell_avx512(product, input, bias, cPrev, c, h, H);
    else shop_lstm_cell_avx2(product, input, bias, cPrev, c, h, H);
}

#else

int shop_kernel_level(void) { return SHOP_KERNELS_NONE; }
int shop_log_sum_exp_available(void) { return 0; }
int shop_kernel_width(void) { return 0; }
int shop_kernels_limit(int width) { (void)width; return 0; }

float shop_log_sum_exp(float *p, const float *bias, long n) {
    (void)p; (void)bias; (void)n;
    return NAN;
}

void shop_output_logits(const float *h, long rows, long k, const float *wT, long v, float *out) {
    (void)h; (void)rows; (void)k; (void)wT; (void)v; (void)out;
}

void shop_output_log_normalisers(const float *h, long rows, long k, const float *wT, const float *bias, long v,
                                 float *scratch, float *logZ) {
    (void)h; (void)k; (void)wT; (void)bias; (void)v; (void)scratch;
    for (long r = 0; r < rows; r++) logZ[r] = NAN;
}

void shop_lstm_cell(const float *product, const float *input, const float *bias, const float *cPrev,
                    float *c, float *h, long H) {
    (void)product; (void)input; (void)bias; (void)cPrev; (void)c; (void)h; (void)H;
}

#endif
