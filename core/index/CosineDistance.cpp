// SPDX-License-Identifier: MIT
#include "index/CosineDistance.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define KMS_X86 1
#endif

namespace kms {

float cosineDistanceScalar(const void *a, const void *b, const void *dim)
{
    const auto *x = static_cast<const float *>(a);
    const auto *y = static_cast<const float *>(b);
    const size_t n = *static_cast<const size_t *>(dim);
    float dot = 0;
    for (size_t i = 0; i < n; ++i)
        dot += x[i] * y[i];
    return 1.0f - dot;
}

#ifdef KMS_X86
namespace {
__attribute__((target("avx2,fma"))) float cosineDistanceAvx2(const void *a, const void *b, const void *dim)
{
    const auto *x = static_cast<const float *>(a);
    const auto *y = static_cast<const float *>(b);
    const size_t n = *static_cast<const size_t *>(dim);
    // Two accumulators hide the FMA latency.
    __m256 s0 = _mm256_setzero_ps();
    __m256 s1 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        s0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), s0);
        s1 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 8), _mm256_loadu_ps(y + i + 8), s1);
    }
    __m256 s = _mm256_add_ps(s0, s1);
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_shuffle_ps(h, h, 1));
    float dot = _mm_cvtss_f32(h);
    for (; i < n; ++i)
        dot += x[i] * y[i];
    return 1.0f - dot;
}

float cosineDistanceSse(const void *a, const void *b, const void *dim)
{
    const auto *x = static_cast<const float *>(a);
    const auto *y = static_cast<const float *>(b);
    const size_t n = *static_cast<const size_t *>(dim);
    __m128 s0 = _mm_setzero_ps();
    __m128 s1 = _mm_setzero_ps();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        s0 = _mm_add_ps(s0, _mm_mul_ps(_mm_loadu_ps(x + i), _mm_loadu_ps(y + i)));
        s1 = _mm_add_ps(s1, _mm_mul_ps(_mm_loadu_ps(x + i + 4), _mm_loadu_ps(y + i + 4)));
    }
    __m128 h = _mm_add_ps(s0, s1);
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_shuffle_ps(h, h, 1));
    float dot = _mm_cvtss_f32(h);
    for (; i < n; ++i)
        dot += x[i] * y[i];
    return 1.0f - dot;
}

bool hasAvx2()
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
} // namespace

DistanceFunction bestCosineDistance()
{
    static const DistanceFunction best = hasAvx2() ? cosineDistanceAvx2 : cosineDistanceSse;
    return best;
}

const char *cosineDistanceKernelName()
{
    const DistanceFunction f = bestCosineDistance();
    return f == cosineDistanceScalar ? "scalar" : f == cosineDistanceSse ? "sse" : "avx2+fma";
}
#else
DistanceFunction bestCosineDistance() { return cosineDistanceScalar; }
const char *cosineDistanceKernelName() { return "scalar"; }
#endif

} // namespace kms
