// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/RecordPreparer.h"

#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace kms {

class Metrics;

// The reader stage: opens every source of a job and cuts them, one after the other, into raw
// batches of batchSize records numbered 0, 1, 2, ... over the whole job. Runs on the job's thread.
class BatchReader
{
public:
    struct Settings {
        QStringList files;
        std::optional<Collection> collection; // explicit: every record goes there
        QStringList mappings;                 // "field=column" overrides
        qint64 jobId = 0;                     // for the rejects it makes
        Metrics *metrics = nullptr;
    };

    explicit BatchReader(Settings settings);
    ~BatchReader();

    // Opens every source and settles its mapping before anything is read, so a typo in a path or a
    // --map flag fails the job with nothing stored. False with *error saying what and where.
    bool open(QString *error);
    qint64 totalBytes() const { return m_totalBytes; }

    struct Callbacks {
        // A source is about to be read.
        std::function<void(const QString &path)> fileStarted;
        // A batch was cut: records read so far by the job, bytes read so far over all files.
        std::function<void(qint64 readSoFar, qint64 bytesRead)> batchRead;
        // Takes the batch; false stops reading (cancelled or failed).
        std::function<bool(RawBatch &&batch)> deliver;
    };
    // Reads every source to its end (or until deliver() says stop). A source that stops early
    // (truncated, unreadable) keeps what came before, and the stop becomes a reject saying where.
    // False when deliver() stopped it.
    bool read(int batchSize, const Callbacks &callbacks);

private:
    struct Source;
    Settings m_settings;
    std::vector<Source> m_sources;
    qint64 m_totalBytes = 0;
};

} // namespace kms
