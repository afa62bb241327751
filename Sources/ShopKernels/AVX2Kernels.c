// The kernels eight lanes wide, for x86-64 CPUs with AVX2 and FMA but not AVX-512F (Zen 1–3,
// Haswell to Comet Lake). The same operations in the same order as the AVX-512F variants and
// the Swift references, so the same bits (OutputNormaliserKernelTests, LogSumExpKernelTests).
#include "ShopKernels.h"
#include "KernelVariants.h"
#include <math.h>

// Every multiply and add is rounded on its own, as in the references; only the logits'
// explicit fused multiply-adds fuse.
#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2,fma")))

// ShopNeural's fastExp, eight lanes (see FastExp16.h).
AVX2 static inline __m256 fast_exp8(__m256 v) {
    __m256 x = _mm256_min_ps(_mm256_max_ps(v, _mm256_set1_ps(-87.0f)), _mm256_set1_ps(88.0f));
    __m256 t = _mm256_mul_ps(x, _mm256_set1_ps(1.4426950408889634f));
    const __m256 magic = _mm256_set1_ps(12582912.0f);
    __m256 shifted = _mm256_add_ps(t, magic);
    __m256 r = _mm256_sub_ps(shifted, magic);
    __m256 f = _mm256_sub_ps(t, r);
    __m256i n = _mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_castps_si256(magic));
    __m256 p = _mm256_set1_ps(1.525273380405984e-05f);
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.5403530393381606e-04f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.3333558146428443e-03f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(9.618129107628477e-03f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(5.550410866482158e-02f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(0.2402265069591007f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(0.6931471805599453f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.0f));
    __m256 scale = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(n, _mm256_set1_epi32(127)), 23));
    return _mm256_mul_ps(p, scale);
}

// ShopNeural's fastTanh (see LSTMCell.c), eight lanes, of two vectors at once: the two
// polynomial chains interleaved keep Zen 1's multiply and add pipes busy where one chain
// waits on its own latency (the cell at hidden 64: 1,130 → 1,010 TSC ticks a state in a C
// benchmark on Zen 1, best of 40, hot caches).
#define TANH_STEP(p, x2, k) p = _mm256_add_ps(_mm256_mul_ps(p, x2), _mm256_set1_ps(k))
AVX2 static inline void fast_tanh8_pair(__m256 va, __m256 vb, __m256 *ra, __m256 *rb) {
    const __m256 lo = _mm256_set1_ps(-7.90531110763549805f), hi = _mm256_set1_ps(7.90531110763549805f);
    __m256 xa = _mm256_min_ps(_mm256_max_ps(va, lo), hi), xb = _mm256_min_ps(_mm256_max_ps(vb, lo), hi);
    __m256 a2 = _mm256_mul_ps(xa, xa), b2 = _mm256_mul_ps(xb, xb);
    __m256 pa = _mm256_set1_ps(-2.76076847742355e-16f), pb = pa;
    __m256 qa = _mm256_set1_ps(1.19825839466702e-06f), qb = qa;
    TANH_STEP(pa, a2, 2.00018790482477e-13f); TANH_STEP(pb, b2, 2.00018790482477e-13f);
    TANH_STEP(qa, a2, 1.18534705686654e-04f); TANH_STEP(qb, b2, 1.18534705686654e-04f);
    TANH_STEP(pa, a2, -8.60467152213735e-11f); TANH_STEP(pb, b2, -8.60467152213735e-11f);
    TANH_STEP(qa, a2, 2.26843463243900e-03f); TANH_STEP(qb, b2, 2.26843463243900e-03f);
    TANH_STEP(pa, a2, 5.12229709037114e-08f); TANH_STEP(pb, b2, 5.12229709037114e-08f);
    TANH_STEP(qa, a2, 4.89352518554385e-03f); TANH_STEP(qb, b2, 4.89352518554385e-03f);
    TANH_STEP(pa, a2, 1.48572235717979e-05f); TANH_STEP(pb, b2, 1.48572235717979e-05f);
    TANH_STEP(pa, a2, 6.37261928875436e-04f); TANH_STEP(pb, b2, 6.37261928875436e-04f);
    TANH_STEP(pa, a2, 4.89352455891786e-03f); TANH_STEP(pb, b2, 4.89352455891786e-03f);
    *ra = _mm256_div_ps(_mm256_mul_ps(pa, xa), qa);
    *rb = _mm256_div_ps(_mm256_mul_ps(pb, xb), qb);
}
#undef TANH_STEP

// Lane i is on when i < left.
AVX2 static inline __m256i lanes_left8(long left) {
    int l = left < 0 ? 0 : (left > 8 ? 8 : (int)left);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(l), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

AVX2 static inline float max8(__m256 v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_shuffle_ps(m, m, 1));
    return _mm_cvtss_f32(m);
}

// The reference's eight running sums, paired as it pairs them; the tail (fewer than eight
// values, already exponentiated) is added to lane 0 in order.
static inline float pairwise_total(const float lanes_in[8], const float *tail, long rest) {
    float lanes[8];
    for (int i = 0; i < 8; i++) lanes[i] = lanes_in[i];
    for (long t = 0; t < rest; t++) lanes[0] += tail[t];
    return ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5])) + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7]));
}

AVX2 float shop_log_sum_exp_avx2(float *p, const float *bias, long n) {
    __m256 best8 = _mm256_set1_ps(-INFINITY);
    long k = 0;
    for (; k + 8 <= n; k += 8) {
        __m256 v = _mm256_add_ps(_mm256_loadu_ps(p + k), _mm256_loadu_ps(bias + k));
        _mm256_storeu_ps(p + k, v);
        best8 = _mm256_max_ps(best8, v);
    }
    float best = max8(best8);
    for (; k < n; k++) {
        p[k] += bias[k];
        if (p[k] > best) best = p[k];
    }
    const __m256 b8 = _mm256_set1_ps(best);
    __m256 s = _mm256_setzero_ps();
    for (k = 0; k + 8 <= n; k += 8) {
        __m256 e = fast_exp8(_mm256_sub_ps(_mm256_loadu_ps(p + k), b8));
        _mm256_storeu_ps(p + k, e);
        s = _mm256_add_ps(s, e);
    }
    long rest = n - k;
    if (rest > 0) {
        __m256i m = lanes_left8(rest);
        _mm256_maskstore_ps(p + k, m, fast_exp8(_mm256_sub_ps(_mm256_maskload_ps(p + k, m), b8)));
    }
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    return best + logf(pairwise_total(lanes, p + k, rest));
}

// As shop_log_sum_exp_avx2 without writing p: p + bias is recomputed (the same rounding).
AVX2 static float log_sum_exp_readonly8(const float *p, const float *bias, long n) {
    __m256 best8 = _mm256_set1_ps(-INFINITY);
    long j = 0;
    for (; j + 8 <= n; j += 8) best8 = _mm256_max_ps(best8, _mm256_add_ps(_mm256_loadu_ps(p + j), _mm256_loadu_ps(bias + j)));
    float best = max8(best8);
    for (; j < n; j++) {
        float x = p[j] + bias[j];
        if (x > best) best = x;
    }
    const __m256 b8 = _mm256_set1_ps(best);
    __m256 s = _mm256_setzero_ps();
    for (j = 0; j + 8 <= n; j += 8)
        s = _mm256_add_ps(s, fast_exp8(_mm256_sub_ps(_mm256_add_ps(_mm256_loadu_ps(p + j), _mm256_loadu_ps(bias + j)), b8)));
    float tail[8];
    long rest = n - j;
    if (rest > 0) {
        __m256i m = lanes_left8(rest);
        __m256 x = _mm256_add_ps(_mm256_maskload_ps(p + j, m), _mm256_maskload_ps(bias + j, m));
        _mm256_storeu_ps(tail, fast_exp8(_mm256_sub_ps(x, b8)));
    }
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    return best + logf(pairwise_total(lanes, tail, rest));
}

enum { TILE_ROWS = 4, TILE_VECTORS = 2, TILE_COLUMNS = 8 * TILE_VECTORS };

// Columns c ..< c + 16 of every row: 4 rows × 2 vectors of accumulators, each a fused
// multiply-add chain over k from zero. `full`: no column past v. On Zen 1, 4 × 2 beat 4 × 3,
// 6 × 2, 2 × 4 and 3 × 2 by 5–10% (k 64, v 1,340 and 3,331; a C benchmark, best of 5).
AVX2 __attribute__((always_inline))
static inline void column_tile(const float *h, long rows, long k, const float *wT, long v, long c, float *out, int full) {
    __m256i mask[TILE_VECTORS];
    for (int q = 0; q < TILE_VECTORS; q++) mask[q] = lanes_left8(v - c - 8 * q);
    for (long t = 0; t < rows; t += TILE_ROWS) {
        long n = rows - t < TILE_ROWS ? rows - t : TILE_ROWS;
        // Rows past the end repeat the last row; their results are not stored.
        const float *a[TILE_ROWS];
        for (int r = 0; r < TILE_ROWS; r++) a[r] = h + (t + (r < n ? r : n - 1)) * k;
        __m256 acc[TILE_ROWS][TILE_VECTORS];
        for (int r = 0; r < TILE_ROWS; r++)
            for (int q = 0; q < TILE_VECTORS; q++) acc[r][q] = _mm256_setzero_ps();
        for (long j = 0; j < k; j++) {
            const float *w = wT + j * v + c;
            __m256 b[TILE_VECTORS];
            for (int q = 0; q < TILE_VECTORS; q++) b[q] = full ? _mm256_loadu_ps(w + 8 * q) : _mm256_maskload_ps(w + 8 * q, mask[q]);
            for (int r = 0; r < TILE_ROWS; r++) {
                __m256 x = _mm256_broadcast_ss(a[r] + j);
                for (int q = 0; q < TILE_VECTORS; q++) acc[r][q] = _mm256_fmadd_ps(x, b[q], acc[r][q]);
            }
        }
        for (int r = 0; r < n; r++)
            for (int q = 0; q < TILE_VECTORS; q++) {
                float *o = out + (t + r) * v + c + 8 * q;
                if (full) _mm256_storeu_ps(o, acc[r][q]);
                else _mm256_maskstore_ps(o, mask[q], acc[r][q]);
            }
    }
}

// Columns outside, rows inside: a 16-column slice of wT (k × 64 bytes) stays in L1 while
// every row of the group uses it.
AVX2 static void group_logits8(const float *h, long rows, long k, const float *wT, long v, float *out) {
    long c = 0;
    for (; c + TILE_COLUMNS <= v; c += TILE_COLUMNS) column_tile(h, rows, k, wT, v, c, out, 1);
    if (c < v) column_tile(h, rows, k, wT, v, c, out, 0);
}

AVX2 void shop_output_logits_avx2(const float *h, long rows, long k, const float *wT, long v, float *out) {
    group_logits8(h, rows, k, wT, v, out);
}

AVX2 void shop_output_log_normalisers_avx2(const float *h, long rows, long k, const float *wT, const float *bias, long v,
                                           float *scratch, float *logZ) {
    const long group = SHOP_OUTPUT_GROUP_ROWS;
    for (long r = 0; r < rows; r += group) {
        long n = rows - r < group ? rows - r : group;
        group_logits8(h + r * k, n, k, wT, v, scratch);
        for (long i = 0; i < n; i++) logZ[r + i] = log_sum_exp_readonly8(scratch + i * v, bias, v);
    }
}

AVX2 void shop_lstm_cell_avx2(const float *product, const float *input, const float *bias, const float *cPrev,
                              float *c, float *h, long H) {
    // In blocks of up to 64 units: first each gate's activation over the block, two vectors
    // at a time (sigmoid(x) = 0.5 + 0.5 · tanh(0.5 · x)), then the new cell and hidden state.
    // All four gates of a unit at once spilled registers; one gate at a time alone was no
    // faster, the interleaved pairs are (see fast_tanh8_pair). The same operations on each
    // lane as before, so the same bits. H is a multiple of 16 (the caller checks).
    const __m256 half = _mm256_set1_ps(0.5f);
    float act[4 * 64];
    for (long start = 0; start < H; start += 64) {
        const long n = H - start < 64 ? H - start : 64;
        for (int gate = 0; gate < 4; gate++) {
            const long at = gate * H + start;
            for (long j = 0; j < n; j += 16) {
                __m256 xa = _mm256_add_ps(_mm256_add_ps(_mm256_loadu_ps(input + at + j), _mm256_loadu_ps(product + at + j)),
                                          _mm256_loadu_ps(bias + at + j));
                __m256 xb = _mm256_add_ps(_mm256_add_ps(_mm256_loadu_ps(input + at + j + 8), _mm256_loadu_ps(product + at + j + 8)),
                                          _mm256_loadu_ps(bias + at + j + 8));
                __m256 ya, yb;
                if (gate == 2) {
                    fast_tanh8_pair(xa, xb, &ya, &yb);
                } else {
                    fast_tanh8_pair(_mm256_mul_ps(half, xa), _mm256_mul_ps(half, xb), &ya, &yb);
                    ya = _mm256_add_ps(half, _mm256_mul_ps(half, ya));
                    yb = _mm256_add_ps(half, _mm256_mul_ps(half, yb));
                }
                _mm256_storeu_ps(act + gate * 64 + j, ya);
                _mm256_storeu_ps(act + gate * 64 + j + 8, yb);
            }
        }
        const float *i = act, *f = act + 64, *g = act + 128, *o = act + 192;
        for (long j = 0; j < n; j += 16) {
            __m256 ca = _mm256_add_ps(_mm256_mul_ps(_mm256_loadu_ps(f + j), _mm256_loadu_ps(cPrev + start + j)),
                                      _mm256_mul_ps(_mm256_loadu_ps(i + j), _mm256_loadu_ps(g + j)));
            __m256 cb = _mm256_add_ps(_mm256_mul_ps(_mm256_loadu_ps(f + j + 8), _mm256_loadu_ps(cPrev + start + j + 8)),
                                      _mm256_mul_ps(_mm256_loadu_ps(i + j + 8), _mm256_loadu_ps(g + j + 8)));
            _mm256_storeu_ps(c + start + j, ca);
            _mm256_storeu_ps(c + start + j + 8, cb);
            __m256 ta, tb;
            fast_tanh8_pair(ca, cb, &ta, &tb);
            _mm256_storeu_ps(h + start + j, _mm256_mul_ps(_mm256_loadu_ps(o + j), ta));
            _mm256_storeu_ps(h + start + j + 8, _mm256_mul_ps(_mm256_loadu_ps(o + j + 8), tb));
        }
    }
}

#endif
