// Shared by the kernels that exponentiate; x86-64 with AVX-512F only.
#ifndef SHOP_FAST_EXP16_H
#define SHOP_FAST_EXP16_H
#include <immintrin.h>

// The reference rounds every multiply and add on its own.
#pragma clang fp contract(off)

// ShopNeural's fastExp, sixteen lanes: clamp, 2^(x·log2 e) as an integer power built in the
// exponent bits times a degree-7 polynomial of the fraction (Horner, multiply then add).
__attribute__((target("avx512f")))
static inline __m512 shop_fast_exp16(__m512 v) {
    __m512 x = _mm512_min_ps(_mm512_max_ps(v, _mm512_set1_ps(-87.0f)), _mm512_set1_ps(88.0f));
    __m512 t = _mm512_mul_ps(x, _mm512_set1_ps(1.4426950408889634f));
    const __m512 magic = _mm512_set1_ps(12582912.0f);
    __m512 shifted = _mm512_add_ps(t, magic);
    __m512 r = _mm512_sub_ps(shifted, magic);
    __m512 f = _mm512_sub_ps(t, r);
    __m512i n = _mm512_sub_epi32(_mm512_castps_si512(shifted), _mm512_castps_si512(magic));
    __m512 p = _mm512_set1_ps(1.525273380405984e-05f);
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(1.5403530393381606e-04f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(1.3333558146428443e-03f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(9.618129107628477e-03f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(5.550410866482158e-02f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(0.2402265069591007f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(0.6931471805599453f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(1.0f));
    __m512 scale = _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(n, _mm512_set1_epi32(127)), 23));
    return _mm512_mul_ps(p, scale);
}

#endif
