// SPDX-License-Identifier: MIT
#pragma once

#include "storage/Store.h"

#include <QElapsedTimer>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace kms {

class Metrics;
class VectorIndex;

// The indexer stage: a thread of its own that puts the vectors of committed batches into the HNSW
// index (and takes out those of records whose vector went), in commit order. The writer hands it
// each batch it committed; when the indexer lags by `queueLimit` batches the writer waits, so a slow
// index holds the whole pipeline back instead of queueing vectors without bound.
//
// The index is derived from the store: a batch the index refuses is logged, not fatal (the index is
// caught up from the store when it is next opened).
class BatchIndexer
{
public:
    struct Settings {
        VectorIndex *index = nullptr;
        int threads = 1;           // for HNSW inserts
        Metrics *metrics = nullptr;
        int queueLimit = 4;        // committed batches waiting before push() waits
        // See IngestContext: the gate an editor holds while it changes the index, a test for index
        // changes already outdated by the editor, and the periodic index save.
        std::mutex *gate = nullptr;
        std::function<bool(qint64 id, qint64 seq)> superseded;
        std::function<void(qint64 watermark)> checkpoint;
        int checkpointSeconds = 300;
        // Called with the gate held for every change put into (or taken out of) the index: the
        // vector backlog notes its changes like an edit, so a job's older batch cannot undo them.
        std::function<void(qint64 id, qint64 seq)> applied;
    };

    explicit BatchIndexer(Settings settings);
    ~BatchIndexer(); // finish()

    void start();
    // Queues a committed batch; waits while queueLimit batches are waiting.
    void push(BatchOutcome &&outcome);
    // No more batches: indexes those still queued and joins the thread.
    void finish();

    // One batch, on the calling thread (what the thread does with each batch).
    void apply(const BatchOutcome &outcome);

private:
    void loop();

    Settings m_settings;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<BatchOutcome> m_queue;
    bool m_closed = false;
    std::thread m_thread;
    QElapsedTimer m_sinceSave;
};

} // namespace kms
