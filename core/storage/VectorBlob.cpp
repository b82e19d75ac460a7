// SPDX-License-Identifier: MIT
#include "storage/VectorBlob.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define KMS_HAVE_F16C_PATH 1
#endif

namespace kms::vectorblob {

namespace {

constexpr char kHalfFormat = 1;
constexpr float kHalfMax = 65504.0f;

} // namespace

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

namespace {

#ifdef KMS_HAVE_F16C_PATH
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

bool hasF16c()
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx") && __builtin_cpu_supports("f16c");
}
#endif

void widen(const unsigned char *in, size_t n, float *out)
{
#ifdef KMS_HAVE_F16C_PATH
    static const bool f16c = hasF16c();
    if (f16c) {
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

} // namespace

QByteArray encode(std::span<const float> v)
{
    for (const float x : v)
        if (!std::isfinite(x) || std::abs(x) > kHalfMax)
            return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size_bytes()));
    QByteArray out(qsizetype(2 * v.size() + 1), Qt::Uninitialized);
    char *p = out.data();
    for (size_t i = 0; i < v.size(); ++i) {
        const uint16_t h = toHalf(v[i]);
        std::memcpy(p + 2 * i, &h, sizeof h);
    }
    p[2 * v.size()] = kHalfFormat;
    return out;
}

std::span<const float> decode(const void *blob, int bytes, std::vector<float> *scratch)
{
    if (!blob || bytes <= 0)
        return {};
    if (!isHalf(bytes))
        return {static_cast<const float *>(blob), size_t(bytes) / sizeof(float)};
    const size_t n = size_t(bytes - 1) / 2;
    scratch->resize(n);
    widen(static_cast<const unsigned char *>(blob), n, scratch->data());
    return {scratch->data(), n};
}

} // namespace kms::vectorblob
