// SPDX-License-Identifier: MIT
#include "half/Half.h"

#include <cstring>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define KMS_HAVE_F16C_PATH 1
#endif

namespace kms::half {

// Round to nearest, ties to even, as the hardware conversion does.
uint16_t toHalf(float value)
{
    uint32_t f;
    std::memcpy(&f, &value, sizeof f);
    const uint32_t sign = (f >> 16) & 0x8000u;
    f &= 0x7fffffffu;
    if (f >= 0x47800000u) // beyond the largest half (or infinite / NaN)
        return uint16_t(sign | (f > 0x7f800000u ? 0x7e00u : 0x7c00u));
    if (f >= 0x38800000u) { // normal half range
        const uint32_t mantissaOdd = (f >> 13) & 1u;
        f += 0xc8000fffu + mantissaOdd; // rebias the exponent, round
        return uint16_t(sign | (f >> 13));
    }
    if (f < 0x33000001u) // rounds to zero
        return uint16_t(sign);
    // Subnormal half: shift the mantissa (with its implicit bit) into place, rounding to even.
    const int exponent = int(f >> 23);
    const uint32_t mantissa = (f & 0x7fffffu) | 0x800000u;
    const int shift = 126 - exponent;
    const uint32_t half = mantissa >> shift;
    const uint32_t rest = mantissa & ((1u << shift) - 1);
    const uint32_t midpoint = 1u << (shift - 1);
    const uint32_t rounded = half + ((rest > midpoint || (rest == midpoint && (half & 1u))) ? 1u : 0u);
    return uint16_t(sign | rounded);
}

float fromHalf(uint16_t h)
{
    const uint32_t sign = uint32_t(h & 0x8000u) << 16;
    const uint32_t exponent = (h >> 10) & 0x1fu;
    uint32_t mantissa = h & 0x3ffu;
    uint32_t f;
    if (exponent == 0) {
        if (mantissa == 0) {
            f = sign;
        } else { // subnormal: normalise
            int e = -1;
            do {
                ++e;
                mantissa <<= 1;
            } while ((mantissa & 0x400u) == 0);
            f = sign | (uint32_t(112 - e) << 23) | ((mantissa & 0x3ffu) << 13);
        }
    } else if (exponent == 31) {
        f = sign | 0x7f800000u | (mantissa << 13);
    } else {
        f = sign | ((exponent + 112) << 23) | (mantissa << 13);
    }
    float out;
    std::memcpy(&out, &f, sizeof out);
    return out;
}

const float *table()
{
    static const std::vector<float> all = [] {
        std::vector<float> t(65536);
        for (size_t h = 0; h < t.size(); ++h)
            t[h] = fromHalf(uint16_t(h));
        return t;
    }();
    return all.data();
}

namespace {

#ifdef KMS_HAVE_F16C_PATH
// Target attributes, not a whole-file -mf16c: the compiler may use these instructions here only,
// and this runs only where the CPU has them.
__attribute__((target("f16c,avx"))) void widenF16c(const unsigned char *in, size_t n, float *out)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + 2 * i));
        _mm256_storeu_ps(out + i, _mm256_cvtph_ps(h));
    }
    for (; i < n; ++i) {
        uint16_t h;
        std::memcpy(&h, in + 2 * i, sizeof h);
        out[i] = _cvtsh_ss(h);
    }
}
#endif

bool detectF16c()
{
#ifdef KMS_HAVE_F16C_PATH
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx") && __builtin_cpu_supports("f16c");
#else
    return false;
#endif
}

} // namespace

bool hasF16c()
{
    static const bool f16c = detectF16c();
    return f16c;
}

void widen(const void *halves, size_t n, float *out)
{
    const auto *in = static_cast<const unsigned char *>(halves);
#ifdef KMS_HAVE_F16C_PATH
    if (hasF16c()) {
        widenF16c(in, n, out);
        return;
    }
#endif
    for (size_t i = 0; i < n; ++i) {
        uint16_t h;
        std::memcpy(&h, in + 2 * i, sizeof h);
        out[i] = fromHalf(h);
    }
}

void narrow(std::span<const float> in, void *out)
{
    auto *bytes = static_cast<unsigned char *>(out);
    for (size_t i = 0; i < in.size(); ++i) {
        const uint16_t h = toHalf(in[i]);
        std::memcpy(bytes + 2 * i, &h, sizeof h);
    }
}

} // namespace kms::half
