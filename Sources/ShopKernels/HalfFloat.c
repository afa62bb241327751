#include "ShopKernels.h"
#include <stdint.h>
#include <string.h>

// The exact IEEE conversion, read from little-endian bytes: the path for CPUs without F16C
// (and other byte orders), the reference the vector path is tested against.
static float half_to_float_scalar(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu, bits;
    if (exponent == 0) {
        if (mantissa == 0) {
            bits = sign;
        } else {
            // Subnormal: shift the mantissa up to a leading 1, lowering the exponent as it goes.
            uint32_t shifts = 0;
            while (!(mantissa & 0x400u)) { mantissa <<= 1; shifts++; }
            bits = sign | ((127u - 14u - shifts) << 23) | ((mantissa & 0x3ffu) << 13);
        }
    } else if (exponent == 31) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else {
        bits = sign | ((exponent + 112u) << 23) | (mantissa << 13);
    }
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

static void half_to_float_reference(const unsigned char *bytes, float *out, long n) {
    for (long i = 0; i < n; i++) out[i] = half_to_float_scalar((uint16_t)(bytes[2 * i] | bytes[2 * i + 1] << 8));
}

void shop_half_to_float_reference(const unsigned char *bytes, float *out, long n) { half_to_float_reference(bytes, out, n); }

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx,f16c")))
static void half_to_float_f16c(const unsigned char *bytes, float *out, long n) {
    long i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(out + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(bytes + 2 * i))));
    half_to_float_reference(bytes + 2 * i, out + i, n - i);
}

static int has_f16c(void) {
    // Benign race: every thread computes the same value.
    static int known = -1;
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx");
    }
    return known;
}

void shop_half_to_float(const unsigned char *bytes, float *out, long n) {
    if (has_f16c()) half_to_float_f16c(bytes, out, n);
    else half_to_float_reference(bytes, out, n);
}

#else

void shop_half_to_float(const unsigned char *bytes, float *out, long n) { half_to_float_reference(bytes, out, n); }

#endif
