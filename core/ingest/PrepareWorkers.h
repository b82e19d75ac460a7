// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/RecordPreparer.h"

#include <QThreadPool>

#include <atomic>

namespace kms {

class BatchQueue;
class Metrics;
class StorePool;

// The worker stage: a pool of threads that each turn a raw batch into a prepared one (validate,
// normalise, embed: RecordPreparer) and put it in the queue for the writer. A worker reads the
// store (unchanged records, stored vectors) on a read connection of its own, except in an initial
// load into an empty store, which has nothing to look up. A batch that throws fails the job.
class PrepareWorkers
{
public:
    struct Settings {
        int threads = 1;
        StorePool *stores = nullptr;   // may be null with skipExisting
        bool skipExisting = false;     // initial load: no reads
        Metrics *metrics = nullptr;
    };
    PrepareWorkers(const RecordPreparer &preparer, BatchQueue &queue, Settings settings);
    ~PrepareWorkers(); // waits for the batches handed over

    // Hands a batch (whose queue slot the caller has reserved) to the next free thread.
    void submit(RawBatch &&batch);
    void waitForDone();

private:
    void prepare(RawBatch &batch);

    const RecordPreparer &m_preparer;
    BatchQueue &m_queue;
    Settings m_settings;
    QThreadPool m_pool;
    // QThreadPool hands tasks over under its own QMutex, compiled into QtCore where ThreadSanitizer
    // cannot see it; atomics state the same ordering in our code (release on submit and at a task's
    // end, acquire at its start and after waitForDone), so TSan checks the batches' data instead of
    // reporting every hand-off. The one for the start is file-static (PrepareWorkers.cpp): a task
    // must acquire before it reads even its own captures. One uncontended atomic per batch.
    std::atomic<quint64> m_finished{0};
};

} // namespace kms
