// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/RecordPreparer.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>

namespace kms {

class Metrics;

// The bounded queue between the reader, the workers and the writer. The reader reserves a slot
// before it hands a batch to a worker (at most `capacity` batches in flight: the reader waits, which
// is the pipeline's backpressure); workers finish in any order, and the writer takes the batches in
// read order, so the store receives them in the order of the source. A slot is freed when the writer
// has committed its batch.
//
// It also carries the job's failure: the first fail() wins, and every wait returns. The cancel flag
// is the pipeline's; after setting it the pipeline calls wake().
class BatchQueue
{
public:
    BatchQueue(int capacity, const std::atomic<bool> *cancelled, Metrics *metrics = nullptr);
    BatchQueue(const BatchQueue &) = delete;
    BatchQueue &operator=(const BatchQueue &) = delete;

    // Reader: waits for a free slot; false when the job failed or was cancelled meanwhile.
    bool reserve();
    // Reader: no more batches will be reserved.
    void finishReading();
    // Worker: a prepared batch (of a reserved slot) is ready for the writer.
    void put(PreparedBatch &&batch);
    // Writer: the next batch in read order, waiting for it; nullopt when the job failed or was
    // cancelled, or when the reader is done and every batch has been taken.
    std::optional<PreparedBatch> takeNext();
    // Writer: the batch last taken is committed (or counted, in a dry run): its slot is free.
    void committed();

    void fail(const QString &why);
    bool failed() const;
    QString error() const;
    // Wakes every wait, to see the cancel flag.
    void wake();

    int inFlight() const;

private:
    bool stopped() const { return m_failed || (m_cancelled && m_cancelled->load()); }

    const int m_capacity;
    const std::atomic<bool> *m_cancelled;
    Metrics *m_metrics;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::map<qint64, PreparedBatch> m_ready; // prepared, waiting for their turn, by sequence
    qint64 m_nextToCommit = 0;
    int m_inFlight = 0;                      // reserved, not yet committed
    bool m_readerDone = false;
    bool m_failed = false;
    QString m_error;
};

} // namespace kms
