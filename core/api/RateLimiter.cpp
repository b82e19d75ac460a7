// SPDX-License-Identifier: MIT
#include "api/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace kms {

RateLimiter::RateLimiter(double ratePerSecond, double burst)
    : m_rate(std::max(ratePerSecond, 0.001))
    , m_burst(std::max(burst, 1.0))
{
}

int RateLimiter::take(const QString &key, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        // The table is keyed by token name or client address; forget idle ones now and then so a
        // scan of many addresses cannot grow it without bound.
        if (m_buckets.size() > 10'000)
            m_buckets.clear();
        it = m_buckets.insert(key, Bucket{m_burst, now});
    }
    Bucket &b = *it;
    const double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(m_burst, b.tokens + std::max(elapsed, 0.0) * m_rate);
    b.last = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - b.tokens) / m_rate)));
}

} // namespace kms
