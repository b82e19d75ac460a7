// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <array>
#include <atomic>

namespace kms {

// Latency histogram in microseconds with log-linear buckets (8 per power of two, so a percentile
// is within ~9 % of the true value) from 1 µs to ~1 h. record() is lock-free and may be called from
// any thread; readers take a Snapshot.
class Histogram
{
public:
    static constexpr int kSubBuckets = 8;
    static constexpr int kBuckets = 32 * kSubBuckets;

    struct Snapshot {
        std::array<quint64, kBuckets> counts{};
        quint64 total = 0;
        quint64 sumMicros = 0;
        quint64 maxMicros = 0;

        // p in [0, 100]; 0 when empty. The upper bound of the bucket holding the p-th value.
        double percentile(double p) const;
        double meanMicros() const { return total ? double(sumMicros) / double(total) : 0.0; }
        void merge(const Snapshot &other);
    };

    void record(qint64 micros);
    Snapshot snapshot() const;
    // Snapshot and zero in one go (per-interval percentiles for the dashboard).
    Snapshot takeSnapshot();

    static int bucketOf(quint64 micros);
    static quint64 bucketUpperBound(int bucket);

private:
    std::array<std::atomic<quint64>, kBuckets> m_counts{};
    std::atomic<quint64> m_total{0};
    std::atomic<quint64> m_sum{0};
    std::atomic<quint64> m_max{0};
};

} // namespace kms
