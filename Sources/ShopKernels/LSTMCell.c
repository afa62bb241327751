#include "KernelVariants.h"
#include <math.h>

// ShopNeural's fastTanh and fastSigmoid and LSTM.step round every multiply and add on its own.
#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>

// ShopNeural's fastTanh, sixteen lanes: clamp, then Eigen's odd rational polynomial (Horner,
// multiply then add), p / q.
__attribute__((target("avx512f")))
static inline __m512 fast_tanh16(__m512 v) {
    __m512 x = _mm512_min_ps(_mm512_max_ps(v, _mm512_set1_ps(-7.90531110763549805f)), _mm512_set1_ps(7.90531110763549805f));
    __m512 x2 = _mm512_mul_ps(x, x);
    __m512 p = _mm512_set1_ps(-2.76076847742355e-16f);
    p = _mm512_add_ps(_mm512_mul_ps(p, x2), _mm512_set1_ps(2.00018790482477e-13f));
    p = _mm512_add_ps(_mm512_mul_ps(p, x2), _mm512_set1_ps(-8.60467152213735e-11f));
    p = _mm512_add_ps(_mm512_mul_ps(p, x2), _mm512_set1_ps(5.12229709037114e-08f));
    p = _mm512_add_ps(_mm512_mul_ps(p, x2), _mm512_set1_ps(1.48572235717979e-05f));
    p = _mm512_add_ps(_mm512_mul_ps(p, x2), _mm512_set1_ps(6.37261928875436e-04f));
    p = _mm512_add_ps(_mm512_mul_ps(p, x2), _mm512_set1_ps(4.89352455891786e-03f));
    p = _mm512_mul_ps(p, x);
    __m512 q = _mm512_set1_ps(1.19825839466702e-06f);
    q = _mm512_add_ps(_mm512_mul_ps(q, x2), _mm512_set1_ps(1.18534705686654e-04f));
    q = _mm512_add_ps(_mm512_mul_ps(q, x2), _mm512_set1_ps(2.26843463243900e-03f));
    q = _mm512_add_ps(_mm512_mul_ps(q, x2), _mm512_set1_ps(4.89352518554385e-03f));
    return _mm512_div_ps(p, q);
}

// 0.5 + 0.5 · tanh(0.5 · x)
__attribute__((target("avx512f")))
static inline __m512 fast_sigmoid16(__m512 x) {
    const __m512 half = _mm512_set1_ps(0.5f);
    return _mm512_add_ps(half, _mm512_mul_ps(half, fast_tanh16(_mm512_mul_ps(half, x))));
}

__attribute__((target("avx512f")))
void shop_lstm_cell_avx512(const float *product, const float *input, const float *bias, const float *cPrev,
                    float *c, float *h, long H) {
    // H is a multiple of 16 (checked by the caller): whole vectors, no tails.
    for (long j = 0; j < H; j += 16) {
        // The gates as the reference has them: (input + product), then + bias, activated.
        __m512 gi = _mm512_add_ps(_mm512_loadu_ps(input + j), _mm512_loadu_ps(product + j));
        __m512 gf = _mm512_add_ps(_mm512_loadu_ps(input + H + j), _mm512_loadu_ps(product + H + j));
        __m512 gg = _mm512_add_ps(_mm512_loadu_ps(input + 2 * H + j), _mm512_loadu_ps(product + 2 * H + j));
        __m512 go = _mm512_add_ps(_mm512_loadu_ps(input + 3 * H + j), _mm512_loadu_ps(product + 3 * H + j));
        __m512 i = fast_sigmoid16(_mm512_add_ps(gi, _mm512_loadu_ps(bias + j)));
        __m512 f = fast_sigmoid16(_mm512_add_ps(gf, _mm512_loadu_ps(bias + H + j)));
        __m512 g = fast_tanh16(_mm512_add_ps(gg, _mm512_loadu_ps(bias + 2 * H + j)));
        __m512 o = fast_sigmoid16(_mm512_add_ps(go, _mm512_loadu_ps(bias + 3 * H + j)));
        __m512 cn = _mm512_add_ps(_mm512_mul_ps(f, _mm512_loadu_ps(cPrev + j)), _mm512_mul_ps(i, g));
        _mm512_storeu_ps(c + j, cn);
        _mm512_storeu_ps(h + j, _mm512_mul_ps(o, fast_tanh16(cn)));
    }
}

#endif
