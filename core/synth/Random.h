// SPDX-License-Identifier: MIT
#pragma once

#include <bit>
#include <cstdint>

namespace kms::synth {

// Our own generator and mappings: the standard distributions are implementation-defined, and the
// synthetic corpus must be byte-identical for a seed on every compiler and machine.

inline constexpr std::uint64_t splitMix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Seed of an independent stream: (corpus seed, stream tag, index) -> well-mixed 64 bits.
inline constexpr std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t tag, std::uint64_t index)
{
    std::uint64_t s = seed ^ (tag * 0xd1b54a32d192ed03ULL);
    splitMix64(s);
    s ^= index * 0x9e3779b97f4a7c15ULL;
    return splitMix64(s);
}

// xoshiro256** (Blackman & Vigna), seeded through splitmix64.
class Rng
{
public:
    explicit constexpr Rng(std::uint64_t seed)
    {
        for (auto &word : m_s)
            word = splitMix64(seed);
    }

    constexpr std::uint64_t next()
    {
        const std::uint64_t result = std::rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = std::rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, n) without modulo bias (Lemire's multiply-shift with rejection). n == 0 -> 0.
    constexpr std::uint32_t below(std::uint32_t n)
    {
        if (n == 0)
            return 0;
        std::uint64_t m = (next() >> 32) * std::uint64_t(n);
        auto low = std::uint32_t(m);
        if (low < n) {
            const std::uint32_t threshold = std::uint32_t(-n) % n;
            while (low < threshold) {
                m = (next() >> 32) * std::uint64_t(n);
                low = std::uint32_t(m);
            }
        }
        return std::uint32_t(m >> 32);
    }

    // Uniform in [lo, hi], both inclusive.
    constexpr int range(int lo, int hi) { return lo + int(below(std::uint32_t(hi - lo + 1))); }

    // true with probability percent/100 (integer, so no floating-point rounding differences).
    constexpr bool percent(int p) { return int(below(100)) < p; }

    // Index from integer weights (sum > 0).
    template <typename Weights>
    constexpr int weighted(const Weights &weights)
    {
        std::uint32_t total = 0;
        for (auto w : weights)
            total += std::uint32_t(w);
        std::uint32_t r = below(total);
        int i = 0;
        for (auto w : weights) {
            if (r < std::uint32_t(w))
                return i;
            r -= std::uint32_t(w);
            ++i;
        }
        return i - 1;
    }

private:
    std::uint64_t m_s[4] = {};
};

} // namespace kms::synth
