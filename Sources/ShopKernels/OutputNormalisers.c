#include "ShopKernels.h"
#include "KernelVariants.h"
#include <math.h>

// The logits must be OpenBLAS sgemm's bits: a fused multiply-add chain over k, in order,
// from zero (checked against it in OutputNormaliserKernelTests). Nothing else may be fused.
#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>
#include "FastExp16.h"

enum { GROUP = SHOP_OUTPUT_GROUP_ROWS, TILE_ROWS = 4, TILE_VECTORS = 4 };

static inline long min_long(long a, long b) { return a < b ? a : b; }

static inline __mmask16 lanes_left(long left) {
    if (left >= 16) return (__mmask16)0xFFFF;
    if (left <= 0) return 0;
    return (__mmask16)((1u << left) - 1u);
}

// A group's logits, 4 rows × 64 columns at a time. Columns outside, rows inside: the
// 64-column slice of wT (k × 256 bytes) stays in L1 while every row of the group uses it,
// instead of all of wT streaming from L2 for every 4 rows.
__attribute__((target("avx512f")))
static void group_logits(const float *h, long rows, long k, const float *wT, long v, float *out) {
    for (long c = 0; c < v; c += 16 * TILE_VECTORS) {
        __mmask16 mask[TILE_VECTORS];
        for (int q = 0; q < TILE_VECTORS; q++) mask[q] = lanes_left(v - c - 16 * q);
        for (long t = 0; t < rows; t += TILE_ROWS) {
            long n = min_long(TILE_ROWS, rows - t);
            // Rows past the group's end repeat its last row; their results are not stored.
            const float *a[TILE_ROWS];
            for (int r = 0; r < TILE_ROWS; r++) a[r] = h + (t + min_long(r, n - 1)) * k;
            __m512 acc[TILE_ROWS][TILE_VECTORS];
            for (int r = 0; r < TILE_ROWS; r++)
                for (int q = 0; q < TILE_VECTORS; q++) acc[r][q] = _mm512_setzero_ps();
            for (long j = 0; j < k; j++) {
                const float *w = wT + j * v + c;
                __m512 b[TILE_VECTORS];
                for (int q = 0; q < TILE_VECTORS; q++) b[q] = _mm512_maskz_loadu_ps(mask[q], w + 16 * q);
                for (int r = 0; r < TILE_ROWS; r++) {
                    __m512 x = _mm512_set1_ps(a[r][j]);
                    for (int q = 0; q < TILE_VECTORS; q++) acc[r][q] = _mm512_fmadd_ps(x, b[q], acc[r][q]);
                }
            }
            for (int r = 0; r < n; r++)
                for (int q = 0; q < TILE_VECTORS; q++) _mm512_mask_storeu_ps(out + (t + r) * v + c + 16 * q, mask[q], acc[r][q]);
        }
    }
}

// `shop_log_sum_exp`'s result without writing p: the maximum of p + bias, then p + bias
// recomputed (the same rounding), exponentiated and summed straight into the reference's
// eight running lanes (16 values: first half, then second half, as lanes j and j + 8 add),
// one pass instead of two and no stores.
__attribute__((target("avx512f")))
static float log_sum_exp_readonly(const float *p, const float *bias, long n) {
    __m512 best16 = _mm512_set1_ps(-INFINITY);
    long j = 0;
    for (; j + 16 <= n; j += 16) best16 = _mm512_max_ps(best16, _mm512_add_ps(_mm512_loadu_ps(p + j), _mm512_loadu_ps(bias + j)));
    float best = _mm512_reduce_max_ps(best16);
    for (; j < n; j++) {
        float x = p[j] + bias[j];
        if (x > best) best = x;
    }
    const __m512 b16 = _mm512_set1_ps(best);
    __m256 s = _mm256_setzero_ps();
    for (j = 0; j + 16 <= n; j += 16) {
        __m512 e = shop_fast_exp16(_mm512_sub_ps(_mm512_add_ps(_mm512_loadu_ps(p + j), _mm512_loadu_ps(bias + j)), b16));
        s = _mm256_add_ps(s, _mm512_castps512_ps256(e));
        s = _mm256_add_ps(s, _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(e), 1)));
    }
    float tail[16];
    long rest = n - j;
    if (rest > 0) {
        __mmask16 m = (__mmask16)((1u << rest) - 1u);
        __m512 x = _mm512_add_ps(_mm512_maskz_loadu_ps(m, p + j), _mm512_maskz_loadu_ps(m, bias + j));
        _mm512_storeu_ps(tail, shop_fast_exp16(_mm512_sub_ps(x, b16)));
    }
    long t = 0;
    if (rest >= 8) { s = _mm256_add_ps(s, _mm256_loadu_ps(tail)); t = 8; }
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    for (; t < rest; t++) lanes[0] += tail[t];
    float total = ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5])) + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7]));
    return best + logf(total);
}

__attribute__((target("avx512f")))
void shop_output_logits_avx512(const float *h, long rows, long k, const float *wT, long v, float *out) {
    group_logits(h, rows, k, wT, v, out);
}

__attribute__((target("avx512f")))
void shop_output_log_normalisers_avx512(const float *h, long rows, long k, const float *wT, const float *bias, long v,
                                 float *scratch, float *logZ) {
    for (long r = 0; r < rows; r += GROUP) {
        long n = min_long(GROUP, rows - r);
        group_logits(h + r * k, n, k, wT, v, scratch);
        for (long i = 0; i < n; i++) logZ[r + i] = log_sum_exp_readonly(scratch + i * v, bias, v);
    }
}

#endif
