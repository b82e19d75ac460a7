// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>

namespace kms {

// A token bucket per caller: `ratePerSecond` requests on average, bursts up to `burst`. take()
// answers how long to wait (0 = go ahead), which becomes the 429's Retry-After.
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(double ratePerSecond, double burst);

    // 0 when a request may go now (and counts it), else the seconds until one may (at least 1).
    int take(const QString &key, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point last;
    };
    const double m_rate;
    const double m_burst;
    std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace kms
