// SPDX-License-Identifier: MIT
#include "ingest/IngestPipeline.h"

#include "ingest/JobEvents.h"

#include "embed/Embedder.h"
#include "index/VectorIndex.h"
#include "ingest/SourcePreview.h"
#include "log/Log.h"
#include "metrics/Metrics.h"
#include "storage/StorePool.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThreadPool>

#include <spdlog/spdlog.h>

#include <deque>
#include <map>
#include <thread>

namespace kms {

namespace {
constexpr int kIndexQueueLimit = 4; // committed batches waiting for HNSW before the writer waits

} // namespace

struct IngestPipeline::Shared {
    std::mutex mutex;
    std::condition_variable cv;
    std::map<qint64, PreparedBatch> ready; // prepared, waiting for their turn, by sequence
    qint64 nextToCommit = 0;
    int inFlight = 0;                      // handed to workers, not yet committed or dropped
    bool readerDone = false;
    bool failed = false;
    QString error;

    std::deque<BatchOutcome> indexQueue;
    std::condition_variable indexCv;
    bool writerDone = false;

    void fail(const QString &why)
    {
        std::lock_guard guard(mutex);
        if (!failed) {
            failed = true;
            error = why;
        }
        cv.notify_all();
        indexCv.notify_all();
    }
};

IngestPipeline::IngestPipeline(IngestContext context, IngestOptions options, qint64 jobId)
    : m_ctx(std::move(context)), m_options(std::move(options)), m_jobId(jobId)
{
    m_progress.jobId = jobId;
}

IngestPipeline::~IngestPipeline() = default;

void IngestPipeline::pause()
{
    m_paused = true;
    setStatus(JobStatus::Paused);
}

void IngestPipeline::resume()
{
    {
        std::lock_guard guard(m_pauseMutex);
        m_paused = false;
    }
    m_pauseCv.notify_all();
    setStatus(JobStatus::Running);
}

void IngestPipeline::cancel()
{
    {
        std::lock_guard guard(m_pauseMutex);
        m_cancelled = true;
    }
    m_pauseCv.notify_all();
    std::lock_guard guard(m_sharedMutex);
    if (m_shared) {
        std::lock_guard lock(m_shared->mutex);
        m_shared->cv.notify_all();
        m_shared->indexCv.notify_all();
    }
}

bool IngestPipeline::waitWhilePaused() const
{
    std::unique_lock lock(m_pauseMutex);
    m_pauseCv.wait(lock, [this] { return !m_paused.load() || m_cancelled.load(); });
    return !m_cancelled.load();
}

void IngestPipeline::setStatus(JobStatus st)
{
    std::lock_guard guard(m_progressMutex);
    if (m_progress.status == JobStatus::Running || m_progress.status == JobStatus::Paused)
        m_progress.status = st;
}

void IngestPipeline::publish(JobEventKind kind, const JobProgress &snapshot) const
{
    if (!m_ctx.events || m_options.dryRun || m_jobId <= 0)
        return;
    JobEvent e;
    e.jobId = m_jobId;
    e.kind = kind;
    e.job = jobRowFor(m_options, m_jobId, snapshot.status);
    e.job.counts = snapshot.counts;
    e.job.startedAt = m_startedAt;
    e.job.recordsPerSecond = snapshot.recordsPerSecond;
    e.progress = snapshot;
    m_ctx.events->publish(e);
}

JobProgress IngestPipeline::progress() const
{
    std::lock_guard guard(m_progressMutex);
    JobProgress p = m_progress;
    if ((p.status == JobStatus::Running || p.status == JobStatus::Paused) && m_clock.isValid()) {
        p.elapsedSeconds = double(m_clock.nsecsElapsed()) / 1e9;
        p.recordsPerSecond = p.elapsedSeconds > 0 ? double(p.counts.processed()) / p.elapsedSeconds : 0;
        const double f = p.fraction();
        p.etaSeconds = f > 0.001 ? p.elapsedSeconds * (1.0 - f) / f : -1;
    }
    return p;
}

void IngestPipeline::runWriter(Shared &s)
{
    auto logger = log::get("kms.core.ingest");
    for (;;) {
        PreparedBatch batch;
        {
            std::unique_lock lock(s.mutex);
            s.cv.wait(lock, [&] {
                return s.failed || m_cancelled.load() || s.ready.count(s.nextToCommit)
                    || (s.readerDone && s.inFlight == 0);
            });
            if (s.failed || m_cancelled.load())
                break;
            auto it = s.ready.find(s.nextToCommit);
            if (it == s.ready.end())
                break; // reader done and nothing in flight
            batch = std::move(it->second);
            s.ready.erase(it);
        }
        if (!waitWhilePaused())
            break;

        qint64 ins = 0, upd = 0, unch = 0, rej = 0;
        if (m_options.dryRun) {
            ins = batch.newRecords;
            upd = batch.changedRecords;
            unch = batch.unchangedRecords;
            rej = qint64(batch.write.rejects.size());
        } else {
            QElapsedTimer t;
            t.start();
            std::optional<BatchOutcome> outcome;
            QString error;
            // The process has one writer, so a failure is not another connection holding the lock
            // (busy_timeout covers another process): it stops the job with the batch not written.
            {
                auto writer = m_ctx.stores->writer();
                outcome = writer->writeBatch(batch.write);
                if (!outcome)
                    error = writer->lastError();
            }
            if (!outcome) {
                s.fail(QStringLiteral("writing batch %1 failed: %2").arg(batch.sequence + 1).arg(error));
                break;
            }
            ins = outcome->inserted;
            upd = outcome->updated;
            unch = outcome->unchanged;
            rej = outcome->rejected;
            if (m_ctx.metrics)
                m_ctx.metrics->recordStage(Stage::Write, t.nsecsElapsed() / 1000,
                                           qint64(batch.write.records.size()));
            std::unique_lock lock(s.mutex);
            s.indexCv.wait(lock, [&] { return int(s.indexQueue.size()) < kIndexQueueLimit || s.failed; });
            s.indexQueue.push_back(std::move(*outcome));
            s.indexCv.notify_all();
        }
        if (m_ctx.metrics) {
            m_ctx.metrics->addCommitted(ins + upd + unch);
            m_ctx.metrics->addRejected(rej);
        }
        {
            std::lock_guard guard(m_progressMutex);
            JobCounts &c = m_progress.counts;
            c.inserted += ins;
            c.updated += upd;
            c.unchanged += unch;
            c.rejected += rej;
            c.batchesCommitted += 1;
        }
        // With elapsed time, rate and ETA filled in: the GUI's status bar shows them per batch.
        const JobProgress snapshot = progress();
        {
            std::lock_guard lock(s.mutex);
            ++s.nextToCommit;
            --s.inFlight;
            if (m_ctx.metrics)
                m_ctx.metrics->setQueueDepth(s.inFlight);
        }
        s.cv.notify_all();
        if (m_onBatch)
            m_onBatch(snapshot);
        publish(JobEventKind::Progress, snapshot);
    }
    std::lock_guard lock(s.mutex);
    s.writerDone = true;
    s.indexCv.notify_all();
}

void IngestPipeline::runIndexer(Shared &s)
{
    QElapsedTimer sinceSave;
    sinceSave.start();
    const int dim = m_ctx.embedder->dimension();
    const int threads = std::max(1, m_progress.tuning.workers);
    for (;;) {
        BatchOutcome outcome;
        {
            std::unique_lock lock(s.mutex);
            s.indexCv.wait(lock, [&] { return !s.indexQueue.empty() || s.writerDone || s.failed; });
            if (s.indexQueue.empty())
                break;
            outcome = std::move(s.indexQueue.front());
            s.indexQueue.pop_front();
            s.indexCv.notify_all();
        }
        QElapsedTimer t;
        t.start();
        std::unique_lock<std::mutex> gate;
        if (m_ctx.indexGate)
            gate = std::unique_lock(*m_ctx.indexGate);
        std::vector<qint64> ids;
        std::vector<float> vectors;
        ids.reserve(outcome.indexChanges.size());
        vectors.reserve(outcome.indexChanges.size() * size_t(dim));
        for (const IndexChange &c : outcome.indexChanges) {
            if (m_ctx.indexChangeSuperseded && m_ctx.indexChangeSuperseded(c.id, outcome.seq))
                continue;
            if (c.vector.empty()) {
                m_ctx.index->remove(c.id);
                continue;
            }
            ids.push_back(c.id);
            vectors.insert(vectors.end(), c.vector.begin(), c.vector.end());
        }
        QString error;
        if (!ids.empty() && !m_ctx.index->addBatch(ids, vectors, threads, &error)) {
            // The batch is committed; the index is derived and will be caught up from the store
            // when it is next opened. Report it, do not stop the job.
            log::get("kms.core.index")->error("adding batch to the vector index failed: {}", error.toStdString());
        }
        if (gate.owns_lock())
            gate.unlock();
        if (m_ctx.metrics)
            m_ctx.metrics->recordStage(Stage::Index, t.nsecsElapsed() / 1000, qint64(ids.size()));
        if (m_ctx.indexCheckpoint && sinceSave.elapsed() > qint64(m_ctx.saveIntervalSeconds) * 1000) {
            m_ctx.indexCheckpoint(outcome.seq);
            sinceSave.restart();
        }
    }
}

JobInfo IngestPipeline::run()
{
    auto logger = log::get("kms.core.ingest");
    JobInfo info = jobRowFor(m_options, m_jobId, JobStatus::Running);
    info.startedAt = QDateTime::currentDateTimeUtc();
    m_startedAt = info.startedAt;

    auto persist = [&](JobStatus status, const QString &error) {
        const JobProgress p = progress();
        info.status = status;
        info.counts = p.counts;
        info.finishedAt = status == JobStatus::Running ? QDateTime() : QDateTime::currentDateTimeUtc();
        info.recordsPerSecond = p.recordsPerSecond;
        info.error = error;
        if (!m_options.dryRun && m_jobId > 0) {
            m_ctx.stores->writer()->updateJob(info);
        }
    };

    // Open every source and settle its mapping before anything is written, so a typo in a path or
    // a --map flag fails the job with nothing stored.
    struct Source {
        std::unique_ptr<RecordReader> reader;
        FieldMapping mapping;
        Collection collection;
    };
    std::vector<Source> sources;
    qint64 totalBytes = 0;
    for (const QString &file : m_options.files) {
        Source src;
        src.reader = RecordReader::create(file);
        QString error;
        if (!src.reader) {
            error = QStringLiteral("%1: unsupported file type (use .csv, .tsv, .json, .jsonl, .ndjson, optionally .gz)").arg(file);
        } else if (!src.reader->open(&error)) {
            // error already says what and where
        }
        if (!error.isEmpty()) {
            {
                std::lock_guard guard(m_progressMutex);
                m_progress.status = JobStatus::Failed;
                m_progress.error = error;
            }
            persist(JobStatus::Failed, error);
            return info;
        }
        const QStringList columns = src.reader->columns();
        src.collection = m_options.collection.value_or(FieldMapping::guessCollection(columns));
        // An explicit collection means every record goes there, whatever a type column says.
        if (!mappingFor(columns, src.collection, m_options.collection.has_value(), m_options.mappings,
                        &src.mapping, &error)) {
            persist(JobStatus::Failed, error);
            std::lock_guard guard(m_progressMutex);
            m_progress.status = JobStatus::Failed;
            m_progress.error = error;
            return info;
        }
        logger->info("{}: {} as {}, mapping {}", file.toStdString(), columns.size(),
                     collectionName(src.collection).toStdString(), src.mapping.describe().toStdString());
        totalBytes += src.reader->totalBytes();
        sources.push_back(std::move(src));
    }

    const qint64 estimate = m_options.mode == IngestMode::Auto ? estimateRecordCount(m_options.files) : 0;
    const Tuning tuning = chooseTuning(m_options.mode, estimate, QThread::idealThreadCount(),
                                       m_options.workers, m_options.batchSize);
    {
        std::lock_guard guard(m_progressMutex);
        m_progress.status = m_paused.load() ? JobStatus::Paused : JobStatus::Running;
        m_progress.totalBytes = totalBytes;
        m_progress.tuning = tuning;
    }
    logger->info("job {}: {}", m_jobId, tuning.reason.toStdString());
    persist(JobStatus::Running, {});
    publish(JobEventKind::Started, progress());

    RecordPreparer::Context pctx;
    pctx.normalizer = m_ctx.normalizer;
    pctx.embedder = m_ctx.embedder;
    pctx.cache = m_ctx.cache;
    pctx.metrics = m_ctx.metrics;
    pctx.limits = m_ctx.limits;
    pctx.jobId = m_jobId;
    pctx.dryRun = m_options.dryRun;
    pctx.skipExisting = m_options.initialLoad;
    const RecordPreparer preparer(pctx);

    QThreadPool pool;
    pool.setMaxThreadCount(tuning.workers);
    Shared s;
    {
        std::lock_guard guard(m_sharedMutex);
        m_shared = &s;
    }
    {
        std::lock_guard guard(m_progressMutex);
        m_clock.start();
    }
    std::thread writer([&] { runWriter(s); });
    std::thread indexer;
    if (!m_options.dryRun)
        indexer = std::thread([&] { runIndexer(s); });

    const int maxInFlight = tuning.workers * 2;
    qint64 sequence = 0;
    qint64 readCount = 0;
    qint64 bytesBefore = 0; // bytes of the files already finished

    auto submit = [&](RawBatch &&batch) -> bool {
        {
            std::unique_lock lock(s.mutex);
            s.cv.wait(lock, [&] { return s.inFlight < maxInFlight || s.failed || m_cancelled.load(); });
            if (s.failed || m_cancelled.load())
                return false;
            ++s.inFlight;
            if (m_ctx.metrics)
                m_ctx.metrics->setQueueDepth(s.inFlight);
        }
        auto shared = std::make_shared<RawBatch>(std::move(batch));
        pool.start([&, shared] {
            if (m_ctx.metrics)
                m_ctx.metrics->addBusyWorkers(1);
            try {
                PreparedBatch prepared;
                if (m_options.initialLoad) {
                    prepared = preparer.prepare(std::move(*shared), nullptr);
                } else {
                    auto reader = m_ctx.stores->reader();
                    prepared = preparer.prepare(std::move(*shared), reader.get());
                }
                std::lock_guard lock(s.mutex);
                s.ready.emplace(prepared.sequence, std::move(prepared));
                s.cv.notify_all();
            } catch (const std::exception &e) {
                s.fail(QStringLiteral("preparing a batch failed: %1").arg(QString::fromUtf8(e.what())));
            }
            if (m_ctx.metrics)
                m_ctx.metrics->addBusyWorkers(-1);
        });
        return true;
    };

    bool stopped = false;
    for (Source &src : sources) {
        if (stopped)
            break;
        {
            std::lock_guard guard(m_progressMutex);
            m_progress.currentFile = src.reader->path();
        }
        RawBatch batch;
        auto startBatch = [&] {
            batch = RawBatch{};
            batch.sequence = sequence;
            batch.source = src.reader->path();
            batch.mapping = src.mapping;
            batch.defaultCollection = src.collection;
            batch.records.reserve(size_t(tuning.batchSize));
        };
        startBatch();
        QElapsedTimer readTimer;
        readTimer.start();
        RawRecord raw;
        for (;;) {
            const bool more = src.reader->next(raw);
            if (more) {
                batch.records.push_back(std::move(raw));
                raw = RawRecord{};
                ++readCount;
            }
            const bool full = int(batch.records.size()) >= tuning.batchSize;
            if (!more && !src.reader->fatalError().isEmpty()) {
                // The source stops here (truncated or unreadable): what came before is kept, the
                // stop itself is a reject that says where.
                RejectInfo r;
                r.jobId = m_jobId;
                r.source = src.reader->path();
                r.recordNumber = readCount + 1;
                r.reason = src.reader->fatalError();
                batch.extraRejects.push_back(r);
                logger->warn("{}", r.reason.toStdString());
            }
            if (full || (!more && (!batch.records.empty() || !batch.extraRejects.empty()))) {
                batch.readSoFar = readCount;
                if (m_ctx.metrics) {
                    m_ctx.metrics->addRead(qint64(batch.records.size()));
                    m_ctx.metrics->recordStage(Stage::Read, readTimer.nsecsElapsed() / 1000,
                                               qint64(batch.records.size()));
                }
                {
                    std::lock_guard guard(m_progressMutex);
                    m_progress.counts.read = readCount;
                    m_progress.bytesRead = bytesBefore + src.reader->bytesRead();
                }
                if (!waitWhilePaused() || !submit(std::move(batch))) {
                    stopped = true;
                    break;
                }
                ++sequence;
                startBatch();
                readTimer.restart();
            }
            if (!more)
                break;
        }
        bytesBefore += src.reader->totalBytes();
    }
    {
        std::lock_guard lock(s.mutex);
        s.readerDone = true;
    }
    s.cv.notify_all();
    pool.waitForDone();
    s.cv.notify_all();
    writer.join();
    if (indexer.joinable())
        indexer.join();
    {
        std::lock_guard guard(m_sharedMutex);
        m_shared = nullptr;
    }

    const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
    JobStatus final = JobStatus::Completed;
    QString error;
    {
        std::lock_guard lock(s.mutex);
        if (s.failed) {
            final = JobStatus::Failed;
            error = s.error;
        }
    }
    if (final == JobStatus::Completed && m_cancelled.load())
        final = JobStatus::Cancelled;
    {
        std::lock_guard guard(m_progressMutex);
        m_progress.status = final;
        m_progress.error = error;
        m_progress.elapsedSeconds = elapsed;
        m_progress.recordsPerSecond = elapsed > 0 ? double(m_progress.counts.processed()) / elapsed : 0;
        if (final == JobStatus::Completed)
            m_progress.bytesRead = m_progress.totalBytes;
        m_progress.etaSeconds = 0;
    }
    if (m_ctx.indexCheckpoint && !m_options.dryRun) {
        qint64 watermark = 0;
        watermark = m_ctx.stores->writer()->watermark();
        m_ctx.indexCheckpoint(watermark);
    }
    persist(final, error);
    logger->info("job {} {}: {} read, {} inserted, {} updated, {} unchanged, {} rejected in {:.1f} s",
                 m_jobId, jobStatusName(final).toStdString(), info.counts.read, info.counts.inserted,
                 info.counts.updated, info.counts.unchanged, info.counts.rejected, elapsed);
    return info;
}

} // namespace kms
