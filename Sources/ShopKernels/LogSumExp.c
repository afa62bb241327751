#include "KernelVariants.h"
#include <math.h>

// Bit-for-bit equality with the Swift reference needs every multiply and add rounded on its
// own: never let the compiler fuse them.
#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>
#include "FastExp16.h"

__attribute__((target("avx512f")))
float shop_log_sum_exp_avx512(float *p, const float *bias, long n) {
    // Pass 1: add the bias, keep the maximum (the maximum does not depend on order).
    __m512 best16 = _mm512_set1_ps(-INFINITY);
    long k = 0;
    for (; k + 16 <= n; k += 16) {
        __m512 v = _mm512_add_ps(_mm512_loadu_ps(p + k), _mm512_loadu_ps(bias + k));
        _mm512_storeu_ps(p + k, v);
        best16 = _mm512_max_ps(best16, v);
    }
    float best = _mm512_reduce_max_ps(best16);
    for (; k < n; k++) {
        p[k] += bias[k];
        if (p[k] > best) best = p[k];
    }
    // Pass 2: exponentials, sixteen at a time; the tail through a mask.
    const __m512 b16 = _mm512_set1_ps(best);
    for (k = 0; k + 16 <= n; k += 16) {
        _mm512_storeu_ps(p + k, shop_fast_exp16(_mm512_sub_ps(_mm512_loadu_ps(p + k), b16)));
    }
    if (k < n) {
        __mmask16 m = (__mmask16)((1u << (n - k)) - 1u);
        __m512 v = _mm512_maskz_loadu_ps(m, p + k);
        _mm512_mask_storeu_ps(p + k, m, shop_fast_exp16(_mm512_sub_ps(v, b16)));
    }
    // Pass 3: the reference's eight running sums (lane i adds p[j + i] for j = 0, 8, 16, …),
    // the tail into lane 0, then its fixed pairing.
    __m256 s = _mm256_setzero_ps();
    for (k = 0; k + 8 <= n; k += 8) s = _mm256_add_ps(s, _mm256_loadu_ps(p + k));
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    for (; k < n; k++) lanes[0] += p[k];
    float total = ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5])) + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7]));
    return best + logf(total);
}

#endif
