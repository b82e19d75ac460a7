// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/IngestOptions.h"
#include "ingest/RecordPreparer.h"
#include "model/Job.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace kms {

class BatchIndexer;
class BatchQueue;
class Embedder;
class JobEventStream;
enum class JobEventKind : int;
class EmbeddingCache;
class Metrics;
class StorePool;
class Normalizer;
class Store;
class VectorIndex;

// A snapshot of a running (or finished) job for progress bars, the GUI and the API.
struct JobProgress {
    qint64 jobId = 0;
    JobStatus status = JobStatus::Queued;
    JobCounts counts;          // committed (dry run: classified)
    qint64 bytesRead = 0;      // over all files of the job
    qint64 totalBytes = 0;
    double elapsedSeconds = 0;
    double recordsPerSecond = 0;
    double etaSeconds = -1;    // -1: unknown
    QString currentFile;
    QString phase;             // what the job does after its records, e.g. building indexes; empty
    Tuning tuning;
    QString error;
    // How much of the job is committed. The reader runs ahead of the commits (by up to the queue's
    // batches, and all of a small file at once), so the bytes read are scaled by the share of the
    // read records that are committed: a bar and an ETA that follow what is stored, not what is read.
    double fraction() const;
};

// Everything a job needs from the engine. The store's one writer is shared with the engine (and
// the search log): every use of it goes through StorePool::writer(); workers read from its pool.
struct IngestContext {
    StorePool *stores = nullptr;
    VectorIndex *index = nullptr;
    const Normalizer *normalizer = nullptr;
    const Embedder *embedder = nullptr;
    EmbeddingCache *cache = nullptr;
    Metrics *metrics = nullptr;
    ValidationLimits limits;
    // Called from the index thread with the watermark it has reached; the engine saves the index
    // file at most every saveIntervalSeconds during a long job.
    std::function<void(qint64 watermark)> indexCheckpoint;
    // True when the record's index change committed at seq is outdated by a newer one already in
    // the index (an edit made while this batch waited for the indexer): then it is skipped. Called
    // with indexGate held, which the engine also holds while it changes the index for an edit, so
    // no edit falls between the check and the index update.
    std::function<bool(qint64 id, qint64 seq)> indexChangeSuperseded;
    std::mutex *indexGate = nullptr;
    int saveIntervalSeconds = 300;
    // Called from the writer thread after a batch committed records without a vector (their
    // embedding failed): the engine's vector backlog worker fills them in.
    std::function<void(qint64 missing)> vectorsMissing;
    // Where the job's Started and Progress events go (not for dry runs). Its end is published by
    // whoever ran it, once it is really over (the queue may start maintenance from that event).
    const JobEventStream *events = nullptr;
    // Distributed embedding, set by the engine when a Redis URL is configured (unset otherwise):
    // makes the embedder a job uses to send its batches to workers (core/distributed), or returns
    // null with *why when Redis cannot be reached or, with onlyWithWorkers (mode auto), when no
    // worker with the store's embedder is running.
    std::function<std::shared_ptr<const Embedder>(bool onlyWithWorkers, QString *why)> distributed;
};

// Runs one ingestion job as five stages, each a unit of its own:
//   BatchReader (this thread) -> BatchQueue (bounded, in flight) -> PrepareWorkers (thread pool,
//   RecordPreparer) -> BatchWriter (writer thread, in read order, one transaction per batch)
//   -> BatchIndexer (index thread, the committed vectors into HNSW).
// Backpressure: the reader stops when `workers * 2` batches are in flight; the writer stops handing
// work to the index when it lags by more than a few batches. pause() holds the reader and the
// writer between batches; cancel() stops reading and drops batches not yet committed, so the store
// only ever holds whole batches.
class IngestPipeline
{
public:
    IngestPipeline(IngestContext context, IngestOptions options, qint64 jobId);
    ~IngestPipeline();

    // Blocking; returns the final job state (already persisted unless a dry run).
    JobInfo run();

    void pause();
    void resume();
    void cancel();
    bool isPaused() const { return m_paused.load(); }

    JobProgress progress() const;
    // Called (from the writer thread) after every committed batch. Keep it quick.
    void setBatchCommittedCallback(std::function<void(const JobProgress &)> fn) { m_onBatch = std::move(fn); }

private:
    void writeBatches(BatchQueue &queue, BatchIndexer *indexer); // the writer thread
    bool chooseEmbedding(Tuning *tuning);            // false: the job failed before it started
    bool embedderIsExpensive() const;
    bool deferReadIndexes();
    bool buildDeferredIndexes();                     // false: failed (lastError of the writer)
    void fail(const QString &error);                 // before any stage ran
    void finish(const QString &error, bool failed);  // after every stage stopped
    void persist(JobStatus status, const QString &error);
    void noteVectorsMissing(const PreparedBatch &batch); // writer thread
    bool waitWhilePaused() const; // false when cancelled
    void setStatus(JobStatus st);
    void publish(JobEventKind kind, const JobProgress &snapshot) const;

    IngestContext m_ctx;
    IngestOptions m_options;
    qint64 m_jobId;
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_cancelled{false};
    mutable std::mutex m_pauseMutex;
    mutable std::condition_variable m_pauseCv;
    mutable std::mutex m_progressMutex;
    JobProgress m_progress;
    QDateTime m_startedAt;
    QElapsedTimer m_clock;             // started when reading starts
    JobInfo m_info;                    // the job row as run() persists it
    qint64 m_vectorsMissing = 0;       // records committed without a vector (writer thread)
    std::mutex m_queueMutex;           // guards m_queue for cancel() from other threads
    BatchQueue *m_queue = nullptr;
    std::function<void(const JobProgress &)> m_onBatch;
    std::shared_ptr<const Embedder> m_distributed; // the job's distributed embedder, when it uses one
};

} // namespace kms
