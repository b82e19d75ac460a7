// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace kms {

// One stored sample of one metric.
struct MetricSample {
    qint64 timestampMs = 0;
    QString name;
    double value = 0;
};

// The samples of one metric that fall into one time bucket. Long chart windows draw one point per
// bucket instead of one per second, so a day of history stays a few hundred points.
struct MetricBucket {
    qint64 startMs = 0;   // a multiple of the bucket width
    qint64 lastMs = 0;    // the newest sample in it
    double mean = 0;
    double max = 0;
    qint64 samples = 0;
    bool operator==(const MetricBucket &) const = default;
};

// Start of the bucket of width widthMs (at least 1) that holds the timestamp ms.
qint64 bucketStart(qint64 ms, qint64 widthMs);

// Adds a sample to a series of buckets, oldest first: into the last bucket when it belongs there,
// as a new bucket otherwise. A sample not newer than the series' newest is ignored (it is already
// counted), so a live stream can be laid over a loaded history without counting a second twice.
// Returns whether the sample was taken.
bool addSample(QList<MetricBucket> &series, qint64 ms, double value, qint64 widthMs);

} // namespace kms
