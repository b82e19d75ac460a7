// SPDX-License-Identifier: MIT
#include "ingest/IngestPipeline.h"

#include "ingest/BatchIndexer.h"
#include "ingest/BatchQueue.h"
#include "ingest/BatchReader.h"
#include "ingest/BatchWriter.h"
#include "ingest/JobEvents.h"
#include "ingest/PrepareWorkers.h"

#include "log/Log.h"
#include "storage/StorePool.h"

#include <algorithm>

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

#include <spdlog/spdlog.h>

#include <thread>

namespace kms {

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
    std::lock_guard guard(m_queueMutex);
    if (m_queue)
        m_queue->wake();
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

double JobProgress::fraction() const
{
    if (totalBytes <= 0 || counts.read <= 0)
        return 0.0;
    const double read = std::min(1.0, double(bytesRead) / double(totalBytes));
    const double committed = std::min(1.0, double(counts.processed()) / double(counts.read));
    return read * committed;
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

void IngestPipeline::fail(const QString &error)
{
    {
        std::lock_guard guard(m_progressMutex);
        m_progress.status = JobStatus::Failed;
        m_progress.error = error;
    }
    persist(JobStatus::Failed, error);
}

void IngestPipeline::persist(JobStatus status, const QString &error)
{
    const JobProgress p = progress();
    m_info.status = status;
    m_info.counts = p.counts;
    m_info.finishedAt = status == JobStatus::Running ? QDateTime() : QDateTime::currentDateTimeUtc();
    m_info.recordsPerSecond = p.recordsPerSecond;
    m_info.error = error;
    if (!m_options.dryRun && m_jobId > 0)
        m_ctx.stores->writer()->updateJob(m_info);
}

// The writer thread: takes the prepared batches in read order, commits each (BatchWriter), hands
// the committed vectors to the indexer and reports progress per batch.
void IngestPipeline::writeBatches(BatchQueue &queue, BatchIndexer *indexer)
{
    BatchWriter writer(m_ctx.stores, m_ctx.metrics, m_options.dryRun);
    while (std::optional<PreparedBatch> batch = queue.takeNext()) {
        if (!waitWhilePaused())
            break;
        QString error;
        std::optional<BatchWriter::Result> written = writer.write(*batch, &error);
        if (!written) {
            queue.fail(error);
            break;
        }
        if (indexer && written->outcome)
            indexer->push(std::move(*written->outcome));
        if (batch->vectorsMissing > 0 && !m_options.dryRun)
            noteVectorsMissing(*batch);
        {
            std::lock_guard guard(m_progressMutex);
            JobCounts &c = m_progress.counts;
            c.inserted += written->counts.inserted;
            c.updated += written->counts.updated;
            c.unchanged += written->counts.unchanged;
            c.rejected += written->counts.rejected;
            c.adjusted += written->counts.adjusted;
            c.batchesCommitted += 1;
        }
        // With elapsed time, rate and ETA filled in: the GUI's status bar shows them per batch.
        const JobProgress snapshot = progress();
        queue.committed();
        if (m_onBatch)
            m_onBatch(snapshot);
        publish(JobEventKind::Progress, snapshot);
    }
}

JobInfo IngestPipeline::run()
{
    auto logger = log::get("kms.core.ingest");
    m_info = jobRowFor(m_options, m_jobId, JobStatus::Running);
    m_info.startedAt = QDateTime::currentDateTimeUtc();
    m_startedAt = m_info.startedAt;

    // Reader: every source opened and mapped before anything is written.
    BatchReader reader({m_options.files, m_options.collection, m_options.mappings, m_jobId, m_ctx.metrics});
    QString openError;
    if (!reader.open(&openError)) {
        // Nothing was read: the row says the job did not start (no start time, the reason first)
        // rather than looking like a run that failed on its way.
        m_info.startedAt = QDateTime();
        m_startedAt = QDateTime();
        fail(QStringLiteral("did not start: ") + openError);
        return m_info;
    }
    const qint64 estimate = m_options.mode == IngestMode::Auto || m_options.mode == IngestMode::Distributed
                                ? estimateRecordCount(m_options.files)
                                : 0;
    Tuning tuning = chooseTuning(m_options.mode, estimate, QThread::idealThreadCount(), embedderIsExpensive(),
                                 m_options.workers, m_options.batchSize);
    if (!m_options.dryRun && !chooseEmbedding(&tuning))
        return m_info;
    const bool deferIndexes = m_options.initialLoad && !m_options.dryRun && deferReadIndexes();
    {
        std::lock_guard guard(m_progressMutex);
        m_progress.status = m_paused.load() ? JobStatus::Paused : JobStatus::Running;
        m_progress.totalBytes = reader.totalBytes();
        m_progress.tuning = tuning;
    }
    logger->info("job {}: {}", m_jobId, tuning.reason.toStdString());
    persist(JobStatus::Running, {});
    publish(JobEventKind::Started, progress());

    // Bounded queue: the reader waits when `workers * 2` batches are in flight.
    BatchQueue queue(tuning.workers * 2, &m_cancelled, m_ctx.metrics);
    {
        std::lock_guard guard(m_queueMutex);
        m_queue = &queue;
    }
    // Workers: validate, normalise, embed.
    RecordPreparer::Context pctx;
    pctx.normalizer = m_ctx.normalizer;
    pctx.embedder = m_distributed ? m_distributed.get() : m_ctx.embedder;
    pctx.cache = m_ctx.cache;
    pctx.metrics = m_ctx.metrics;
    pctx.limits = m_ctx.limits;
    pctx.jobId = m_jobId;
    pctx.dryRun = m_options.dryRun;
    pctx.skipExisting = m_options.initialLoad;
    const RecordPreparer preparer(pctx);
    PrepareWorkers workers(preparer, queue, {tuning.workers, m_ctx.stores, m_options.initialLoad, m_ctx.metrics});
    // Indexer: committed vectors into HNSW (not in a dry run, which commits nothing).
    std::unique_ptr<BatchIndexer> indexer;
    if (!m_options.dryRun) {
        BatchIndexer::Settings is;
        is.index = m_ctx.index;
        is.threads = tuning.workers;
        is.metrics = m_ctx.metrics;
        is.gate = m_ctx.indexGate;
        is.superseded = m_ctx.indexChangeSuperseded;
        is.checkpoint = m_ctx.indexCheckpoint;
        is.checkpointSeconds = m_ctx.saveIntervalSeconds;
        indexer = std::make_unique<BatchIndexer>(std::move(is));
    }
    {
        std::lock_guard guard(m_progressMutex);
        m_clock.start();
    }
    // Writer: one transaction per batch, in read order.
    std::thread writer([&] { writeBatches(queue, indexer.get()); });
    if (indexer)
        indexer->start();

    BatchReader::Callbacks read;
    read.fileStarted = [&](const QString &path) {
        std::lock_guard guard(m_progressMutex);
        m_progress.currentFile = path;
    };
    read.batchRead = [&](qint64 readSoFar, qint64 bytesRead) {
        std::lock_guard guard(m_progressMutex);
        m_progress.counts.read = readSoFar;
        m_progress.bytesRead = bytesRead;
    };
    read.deliver = [&](RawBatch &&batch) {
        if (!waitWhilePaused() || !queue.reserve())
            return false;
        workers.submit(std::move(batch));
        return true;
    };
    reader.read(tuning.batchSize, read);

    queue.finishReading();
    workers.waitForDone();
    queue.wake();
    writer.join();
    if (indexer)
        indexer->finish();
    {
        std::lock_guard guard(m_queueMutex);
        m_queue = nullptr;
    }
    QString error = queue.failed() ? queue.error() : QString();
    // Also after a failure or a cancel: the browser needs them for what was committed.
    if (deferIndexes && !buildDeferredIndexes() && error.isEmpty())
        error = m_ctx.stores->writer()->lastError();
    finish(error, !error.isEmpty());
    return m_info;
}

// A load into an empty store leaves the indexes only reading uses to its end (Store::
// deferReadIndexes): measured at a million records, building them once costs far less than
// keeping them record by record. False when the store is not empty or they could not be dropped
// (the load then keeps them as any job does).
bool IngestPipeline::deferReadIndexes()
{
    auto writer = m_ctx.stores->writer();
    if (writer->watermark() != 0)
        return false;
    if (!writer->deferReadIndexes()) {
        log::get("kms.core.ingest")->warn("job {}: keeping the browse indexes during the load: {}", m_jobId,
                                          writer->lastError().toStdString());
        return false;
    }
    return true;
}

bool IngestPipeline::buildDeferredIndexes()
{
    auto logger = log::get("kms.core.ingest");
    auto writer = m_ctx.stores->writer();
    QElapsedTimer clock;
    clock.start();
    const int built = writer->buildDeferredIndexes([&](int done, int total) {
        {
            std::lock_guard guard(m_progressMutex);
            m_progress.phase = QStringLiteral("building the browse indexes (%1 of %2 done)").arg(done).arg(total);
        }
        publish(JobEventKind::Progress, progress());
    });
    {
        std::lock_guard guard(m_progressMutex);
        m_progress.phase.clear();
    }
    if (built < 0) {
        logger->error("job {}: {} (built at the next start)", m_jobId, writer->lastError().toStdString());
        return false;
    }
    logger->info("job {}: built {} browse indexes in {:.1f} s", m_jobId, built, double(clock.elapsed()) / 1000.0);
    return true;
}

bool IngestPipeline::embedderIsExpensive() const
{
    return m_ctx.embedder && m_ctx.embedder->isExpensive();
}

// Distributed mode, or auto with a slow embedder: the embedder that sends batches to workers.
// Explicit distributed without a Redis URL is a setup mistake and stops the job; an unreachable
// Redis is not: the job embeds locally (it never waits on workers that are not there).
bool IngestPipeline::chooseEmbedding(Tuning *tuning)
{
    auto logger = log::get("kms.core.ingest");
    const bool explicitMode = m_options.mode == IngestMode::Distributed;
    const bool autoCandidate = m_options.mode == IngestMode::Auto && embedderIsExpensive()
                               && m_ctx.distributed;
    if (!explicitMode && !autoCandidate)
        return true;
    if (!m_ctx.distributed) {
        m_info.startedAt = QDateTime();
        m_startedAt = QDateTime();
        fail(QStringLiteral("did not start: the distributed mode needs a Redis URL where the workers meet (the "
                            "redisUrl setting: kmsctl workers --set-redis URL)"));
        return false;
    }
    QString why;
    m_distributed = m_ctx.distributed(!explicitMode, &why);
    if (m_distributed) {
        tuning->mode = IngestMode::Distributed;
        tuning->reason += QStringLiteral("; embedding through Redis workers");
    } else if (explicitMode) {
        tuning->reason += QStringLiteral("; embedding locally: %1").arg(why);
        logger->warn("job {}: distributed mode embeds locally: {}", m_jobId, why.toStdString());
    }
    return true;
}

void IngestPipeline::noteVectorsMissing(const PreparedBatch &batch)
{
    // The batch is stored; its records without a vector wait in the vector backlog. Said once per
    // job (an outage fails every batch), with the total at the end.
    if (m_vectorsMissing == 0)
        log::get("kms.core.ingest")
            ->warn("job {}: batch {}: {} records stored without a vector ({}); they wait in the vector "
                   "backlog until the embedder works again",
                   m_jobId, batch.sequence + 1, batch.vectorsMissing, batch.embedError.toStdString());
    m_vectorsMissing += batch.vectorsMissing;
    if (m_ctx.vectorsMissing)
        m_ctx.vectorsMissing(batch.vectorsMissing);
}

void IngestPipeline::finish(const QString &error, bool failed)
{
    const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
    JobStatus final = failed ? JobStatus::Failed : JobStatus::Completed;
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
    if (m_ctx.indexCheckpoint && !m_options.dryRun)
        m_ctx.indexCheckpoint(m_ctx.stores->writer()->watermark());
    persist(final, error);
    log::get("kms.core.ingest")->info("job {} {}: {} read, {} inserted, {} updated, {} unchanged, {} rejected in {:.1f} s",
                   m_jobId, jobStatusName(final).toStdString(), m_info.counts.read, m_info.counts.inserted,
                   m_info.counts.updated, m_info.counts.unchanged, m_info.counts.rejected, elapsed);
    if (m_vectorsMissing > 0)
        log::get("kms.core.ingest")->warn("job {}: {} records stored without a vector wait in the vector backlog",
                                          m_jobId, m_vectorsMissing);
}

} // namespace kms
