// SPDX-License-Identifier: MIT
#include "model/MetricBucket.h"

#include <algorithm>

namespace kms {

qint64 bucketStart(qint64 ms, qint64 widthMs)
{
    widthMs = std::max<qint64>(widthMs, 1);
    // Floor division, so buckets before 1970 (tests use small timestamps) line up as well.
    qint64 q = ms / widthMs;
    if (ms % widthMs != 0 && ms < 0)
        --q;
    return q * widthMs;
}

bool addSample(QList<MetricBucket> &series, qint64 ms, double value, qint64 widthMs)
{
    if (!series.isEmpty() && ms <= series.last().lastMs)
        return false;
    const qint64 start = bucketStart(ms, widthMs);
    if (!series.isEmpty() && series.last().startMs == start) {
        MetricBucket &b = series.last();
        b.mean += (value - b.mean) / double(b.samples + 1);
        b.max = std::max(b.max, value);
        b.lastMs = ms;
        ++b.samples;
        return true;
    }
    series.append(MetricBucket{start, ms, value, value, 1});
    return true;
}

} // namespace kms
