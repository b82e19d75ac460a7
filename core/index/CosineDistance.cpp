// SPDX-License-Identifier: MIT
#include "index/CosineDistance.h"

#include "half/Half.h"

#include <cstdint>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define KMS_X86 1
#endif

namespace kms {

float halfCosineDistanceReference(const void *a, const void *b, const void *dim)
{
    const auto *x = static_cast<const uint16_t *>(a);
    const auto *y = static_cast<const uint16_t *>(b);
    const size_t n = *static_cast<const size_t *>(dim);
    double dot = 0;
    for (size_t i = 0; i < n; ++i)
        dot += double(half::fromHalf(x[i])) * double(half::fromHalf(y[i]));
    return float(1.0 - dot);
}

namespace {

// Portable: one lookup per value in the 256 KiB table of all halves (it stays in L2 while a search
// runs), four partial sums so the additions do not wait on each other.
float halfCosineDistanceTable(const void *a, const void *b, const void *dim)
{
    const auto *x = static_cast<const uint16_t *>(a);
    const auto *y = static_cast<const uint16_t *>(b);
    const size_t n = *static_cast<const size_t *>(dim);
    const float *t = half::table();
    float s[4] = {0, 0, 0, 0};
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (size_t j = 0; j < 4; ++j)
            s[j] += t[x[i + j]] * t[y[i + j]];
    for (; i < n; ++i)
        s[0] += t[x[i]] * t[y[i]];
    return 1.0f - ((s[0] + s[1]) + (s[2] + s[3]));
}

#ifdef KMS_X86
#define KMS_F16C_FMA __attribute__((target("avx,f16c,fma")))

// Eight halves (16 bytes, any alignment) widened to floats.
KMS_F16C_FMA inline __m256 load8(const unsigned char *p)
{
    return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)));
}

KMS_F16C_FMA float halfCosineDistanceF16c(const void *a, const void *b, const void *dim)
{
    const auto *x = static_cast<const unsigned char *>(a);
    const auto *y = static_cast<const unsigned char *>(b);
    const size_t n = *static_cast<const size_t *>(dim);
    // Two accumulators hide the FMA latency; 16 values (32 bytes of each vector) per round.
    __m256 s0 = _mm256_setzero_ps();
    __m256 s1 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        s0 = _mm256_fmadd_ps(load8(x + 2 * i), load8(y + 2 * i), s0);
        s1 = _mm256_fmadd_ps(load8(x + 2 * i + 16), load8(y + 2 * i + 16), s1);
    }
    if (i + 8 <= n) {
        s0 = _mm256_fmadd_ps(load8(x + 2 * i), load8(y + 2 * i), s0);
        i += 8;
    }
    const __m256 s = _mm256_add_ps(s0, s1);
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_shuffle_ps(h, h, 1));
    float dot = _mm_cvtss_f32(h);
    const auto *xs = static_cast<const uint16_t *>(a);
    const auto *ys = static_cast<const uint16_t *>(b);
    for (; i < n; ++i)
        dot += _cvtsh_ss(xs[i]) * _cvtsh_ss(ys[i]);
    return 1.0f - dot;
}

bool hasF16cFma()
{
    __builtin_cpu_init();
    return half::hasF16c() && __builtin_cpu_supports("fma");
}
#endif

} // namespace

std::vector<DistanceKernel> availableHalfCosineDistances()
{
    std::vector<DistanceKernel> kernels{{"table", halfCosineDistanceTable}};
#ifdef KMS_X86
    if (hasF16cFma())
        kernels.push_back({"f16c+fma", halfCosineDistanceF16c});
#endif
    return kernels;
}

DistanceKernel bestHalfCosineDistance()
{
    static const DistanceKernel best = availableHalfCosineDistances().back();
    return best;
}

} // namespace kms
