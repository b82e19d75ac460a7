// SPDX-License-Identifier: MIT
#include "metrics/Histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace kms {

int Histogram::bucketOf(quint64 micros)
{
    if (micros < kSubBuckets)
        return int(micros);
    // Exponent = position of the top bit; the next 3 bits pick the sub-bucket.
    const int exp = 63 - std::countl_zero(micros);
    const int sub = int((micros >> (exp - 3)) & (kSubBuckets - 1));
    const int b = (exp - 2) * kSubBuckets + sub;
    return std::min(b, kBuckets - 1);
}

quint64 Histogram::bucketUpperBound(int bucket)
{
    if (bucket < kSubBuckets)
        return quint64(bucket);
    const int exp = bucket / kSubBuckets + 2;
    const int sub = bucket % kSubBuckets;
    return ((quint64(kSubBuckets + sub + 1)) << (exp - 3)) - 1;
}

void Histogram::record(qint64 micros)
{
    const quint64 v = micros < 0 ? 0 : quint64(micros);
    m_counts[size_t(bucketOf(v))].fetch_add(1, std::memory_order_relaxed);
    m_total.fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(v, std::memory_order_relaxed);
    quint64 prev = m_max.load(std::memory_order_relaxed);
    while (v > prev && !m_max.compare_exchange_weak(prev, v, std::memory_order_relaxed)) {
    }
}

Histogram::Snapshot Histogram::snapshot() const
{
    Snapshot s;
    for (int i = 0; i < kBuckets; ++i)
        s.counts[size_t(i)] = m_counts[size_t(i)].load(std::memory_order_relaxed);
    s.total = m_total.load(std::memory_order_relaxed);
    s.sumMicros = m_sum.load(std::memory_order_relaxed);
    s.maxMicros = m_max.load(std::memory_order_relaxed);
    return s;
}

Histogram::Snapshot Histogram::takeSnapshot()
{
    Snapshot s;
    for (int i = 0; i < kBuckets; ++i)
        s.counts[size_t(i)] = m_counts[size_t(i)].exchange(0, std::memory_order_relaxed);
    s.total = m_total.exchange(0, std::memory_order_relaxed);
    s.sumMicros = m_sum.exchange(0, std::memory_order_relaxed);
    s.maxMicros = m_max.exchange(0, std::memory_order_relaxed);
    return s;
}

double Histogram::Snapshot::percentile(double p) const
{
    quint64 n = 0;
    for (quint64 c : counts)
        n += c;
    if (n == 0)
        return 0.0;
    const auto rank = quint64(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(n)));
    quint64 seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += counts[size_t(i)];
        if (seen >= std::max<quint64>(rank, 1))
            return double(std::min(bucketUpperBound(i), maxMicros ? maxMicros : bucketUpperBound(i)));
    }
    return double(maxMicros);
}

void Histogram::Snapshot::merge(const Snapshot &other)
{
    for (int i = 0; i < kBuckets; ++i)
        counts[size_t(i)] += other.counts[size_t(i)];
    total += other.total;
    sumMicros += other.sumMicros;
    maxMicros = std::max(maxMicros, other.maxMicros);
}

} // namespace kms
