// SPDX-License-Identifier: MIT
#include "engine/Engine.h"

#include "distributed/RedisUrl.h"
#include "engine/EngineInternals.h"

#include "embed/EmbeddingCache.h"
#include "engine/EmbedderFactory.h"
#include "embed/HashEmbedder.h"
#include "engine/VectorBacklog.h"
#include "embed/LsaEmbedder.h"
#include "health/HealthCheck.h"
#include "index/IndexFile.h"
#include "index/VectorIndex.h"
#include "log/Log.h"
#include "metrics/Metrics.h"
#include "metrics/SystemProbe.h"
#include "storage/DataDirectory.h"
#include "text/Normalizer.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>

#include <spdlog/spdlog.h>

#include <optional>

namespace kms {

std::unique_ptr<Engine> Engine::open(const Options &options, QString *error)
{
    std::unique_ptr<Engine> e(new Engine);
    if (!e->init(options, error))
        return nullptr;
    return e;
}

bool Engine::init(const Options &options, QString *error)
{
    m_dir = std::make_unique<DataDirectory>(options.dataDirectory);
    m_distributedSettings = options.distributed;
    if (!m_dir->acquire(error)) {
        // Another live process owns the directory: a reader may still look, without writing.
        if (!options.readOnlyBesideOwner || m_dir->heldBy().isEmpty())
            return false;
        m_readOnly = true;
        m_owner = m_dir->heldBy();
        if (error)
            error->clear();
    }
    log::Options logOptions;
    // The log files belong to the owner; a read-only view logs to stderr only.
    if (options.logToFile && !m_readOnly)
        logOptions.directory = m_dir->logDirectory();
    QString logError;
    if (!log::init(logOptions, &logError))
        m_warnings.append(logError);
    auto logger = log::get("kms.core.engine");

    m_stores = m_readOnly ? StorePool::openReadOnly(m_dir->databasePath(), error)
                          : StorePool::open(m_dir->databasePath(), error);
    if (!m_stores) {
        if (m_readOnly && error)
            *error = QStringLiteral("data directory %1 is in use by %2 and its database cannot be read: %3")
                         .arg(m_dir->path(), m_owner, *error);
        return false;
    }
    // The owner's jobs are running, not interrupted: only an owner recovers what a dead one left.
    if (!m_readOnly) {
        if (const int n = m_stores->writer()->markInterruptedJobs(); n > 0)
            logger->warn("{} job(s) were interrupted by a previous process and are marked failed", n);
    }

    // Configuration: the stored one, unless the caller brings one (then it is stored).
    const QString stored = m_stores->writer()->meta(QStringLiteral("config"));
    if (options.config && !m_readOnly) {
        m_config = *options.config;
        if (!m_config.validate(error))
            return false;
    } else if (!stored.isEmpty()) {
        QString configError;
        m_config = EngineConfig::fromJson(QJsonDocument::fromJson(stored.toUtf8()).object(), &configError);
        if (!configError.isEmpty()) {
            m_warnings.append(QStringLiteral("stored configuration ignored: ") + configError);
            m_config = EngineConfig{};
        }
    }

    auto dictionary = std::make_shared<TermDictionary>(TermDictionary::builtIn());
    if (QFileInfo::exists(m_dir->userTermsPath())) {
        QString termsError;
        if (!dictionary->loadFile(m_dir->userTermsPath(), &termsError)) {
            m_warnings.append(termsError);
            logger->warn("{}", termsError.toStdString());
        }
    }
    m_normalizer = std::make_shared<Normalizer>(dictionary);
    if (!m_readOnly && (!prepareFullText(error) || !finishDeferredIndexes(error)))
        return false;
    if (options.embedder) {
        m_embedder = options.embedder;
    } else {
        bool standIn = false;
        QString why;
        m_embedder = makeEmbedderForOpen(m_config, modelDirectory(), &why, &standIn);
        if (!m_embedder) {
            if (error)
                *error = why;
            return false;
        }
        if (standIn) {
            const QString warning = QStringLiteral("the embedder cannot run (%1): keyword search works, new records "
                                                   "wait in the vector backlog until it can").arg(why);
            m_warnings.append(warning);
            logger->warn("{}", warning.toStdString());
        }
    }
    const QString active = m_stores->writer()->activeEmbedder();
    if (active.isEmpty()) {
        if (!m_readOnly)
            m_stores->writer()->setActiveEmbedder(m_embedder->id());
    } else if (active != m_embedder->id()) {
        if (error)
            *error = QStringLiteral("the vectors in %1 were made by embedder %2, but the configuration "
                                    "asks for %3; use the stored settings or start a new data directory")
                         .arg(m_dir->databasePath(), active, m_embedder->id());
        return false;
    }
    // Stored only once it is known to fit the stored vectors.
    if (!m_readOnly)
        m_stores->writer()->setMeta(QStringLiteral("config"),
                                    QString::fromUtf8(QJsonDocument(m_config.toJson()).toJson(QJsonDocument::Compact)));
    m_cache = std::make_unique<EmbeddingCache>(size_t(m_config.embeddingCacheEntries));
    m_metrics = std::make_unique<Metrics>();

    m_indexLoading = options.indexLoading;
    if (m_indexLoading == Options::IndexLoading::AtOpen) {
        // The load's own failure (a database error while catching up) fails the open, as before
        // loading could be deferred.
        OpenedIndex opened;
        if (!(m_readOnly ? openIndexReadOnly(&opened, error) : openIndex(&opened, error)))
            return false;
        m_index = std::move(opened.index);
        m_indexReport = std::move(opened.report);
        m_vectorNote = std::move(opened.vectorNote);
        m_indexSavedWatermark = opened.savedWatermark;
        m_indexState = IndexState::Ready;
    }

    m_searchLog = std::make_unique<SearchLog>(*m_stores);
    SearchEngine::Parts parts;
    parts.stores = m_stores.get();
    parts.vectors = [this] { return vectorSpace(); };
    parts.normalizer = m_normalizer.get();
    parts.log = m_readOnly ? nullptr : m_searchLog.get(); // a read-only view logs no searches
    // The worker's last count: a search must not scan the records to say how many lack a vector.
    parts.vectorBacklog = [this] { return m_backlog ? m_backlog->status().pending : 0; };
    m_search = std::make_unique<SearchEngine>(parts);

    m_scheduler = std::make_unique<JobScheduler>(
        [this](const IngestOptions &o, qint64 id) { return makePipeline(o, id); },
        [this](const JobInfo &job) {
            return m_stores->writer()->createJob(job);
        },
        [this](const JobInfo &job) {
            auto writerLock = m_stores->writer();
            writerLock->updateJob(job);
        },
        m_jobEvents);

    if (m_indexLoading == Options::IndexLoading::InBackground) {
        {
            std::lock_guard guard(m_indexMutex);
            m_indexState = IndexState::Loading;
            m_indexLoadStartedMs = QDateTime::currentMSecsSinceEpoch();
        }
        m_indexLoader = std::thread([this] { loadIndex(); });
    }
    if (m_readOnly)
        return true; // no background writers: the owner fills the backlog and keeps the history
    startVectorBacklog();
    if (options.startSampler)
        m_sampler = std::thread([this] { samplerLoop(); });
    return true;
}

Engine::~Engine()
{
    m_indexLoadCancel = true; // a background catch-up stops at its next batch; the file stays as it is
    if (m_indexLoader.joinable())
        m_indexLoader.join();
    m_scheduler.reset(); // cancels and joins a running job: whole batches only
    m_backlog.reset();   // finishes the page it fills
    if (m_sampler.joinable()) {
        {
            std::lock_guard guard(m_samplerMutex);
            m_samplerStop = true;
        }
        m_samplerCv.notify_all();
        m_sampler.join();
    }
    if (m_readOnly)
        return; // nothing to save: the index file and the database are the owner's
    if (indexSaveAllowed() && m_stores) {
        QString error;
        if (!saveIndex(&error))
            log::get("kms.core.index")->error("saving the vector index failed: {}", error.toStdString());
    }
    if (m_stores)
        m_stores->writer()->checkpoint();
    log::flush();
}

std::shared_ptr<VectorIndex> Engine::currentIndex()
{
    std::unique_lock lock(m_indexMutex);
    if (m_indexState == IndexState::NotLoaded) {
        // The first verb that needs vectors loads them, on its own thread; others wait below.
        m_indexState = IndexState::Loading;
        m_indexLoadStartedMs = QDateTime::currentMSecsSinceEpoch();
        lock.unlock();
        loadIndex();
        lock.lock();
    }
    m_indexLoaded.wait(lock, [this] { return m_indexState == IndexState::Ready; });
    return m_index;
}

void Engine::loadIndex()
{
    OpenedIndex opened;
    QString error;
    bool ok = false;
    try {
        ok = m_readOnly ? openIndexReadOnly(&opened, &error) : openIndex(&opened, &error);
    } catch (const std::exception &e) {
        error = QString::fromUtf8(e.what()); // never across the thread boundary
    }
    if (!ok) {
        // Verbs wait for an index and expect one: an empty stand-in, never saved over the file,
        // with a note that keeps searches keyword-only. The next open tries again.
        if (error.isEmpty())
            error = QStringLiteral("the load was stopped");
        const EngineConfig config = this->config();
        const std::shared_ptr<const Embedder> embedder = currentEmbedder();
        const HnswParams params{config.hnswM, config.hnswEfConstruction, config.hnswEfSearch};
        opened = {};
        opened.index = std::make_shared<VectorIndex>(embedder->dimension(), embedder->id(), params, 16);
        opened.vectorNote = QStringLiteral("the vector index could not be loaded (%1)").arg(error);
        opened.report.message = QStringLiteral("not loaded: %1").arg(error);
        if (!m_indexLoadCancel)
            log::get("kms.core.index")->error("{}", opened.vectorNote.toStdString());
    }
    {
        std::lock_guard guard(m_indexMutex);
        m_index = std::move(opened.index);
        m_indexReport = std::move(opened.report);
        m_vectorNote = std::move(opened.vectorNote);
        m_indexLoadFailed = !ok;
        m_indexState = IndexState::Ready;
    }
    {
        std::lock_guard guard(m_indexSaveMutex);
        if (ok)
            m_indexSavedWatermark = opened.savedWatermark;
    }
    m_indexLoaded.notify_all();
}

bool Engine::indexSaveAllowed() const
{
    std::lock_guard guard(m_indexMutex);
    return m_indexState == IndexState::Ready && m_index && !m_indexLoadFailed && !m_readOnly;
}

bool Engine::isIndexLoading() const
{
    std::lock_guard guard(m_indexMutex);
    return m_indexLoading == Options::IndexLoading::InBackground && m_indexState != IndexState::Ready;
}

IndexOpenReport Engine::indexOpenReport() const
{
    std::lock_guard guard(m_indexMutex);
    return m_indexReport;
}

QString Engine::vectorUnavailable(bool wait)
{
    if (wait)
        currentIndex();
    std::lock_guard guard(m_indexMutex);
    if (m_indexState != IndexState::Ready) {
        const qint64 seconds = (QDateTime::currentMSecsSinceEpoch() - m_indexLoadStartedMs) / 1000;
        return QStringLiteral("the vector index is still loading (%1 s so far)").arg(seconds);
    }
    return m_vectorNote;
}

std::shared_ptr<const Embedder> Engine::currentEmbedder() const
{
    std::lock_guard guard(m_indexMutex);
    return m_embedder;
}

VectorSpace Engine::vectorSpace()
{
    currentIndex();
    std::lock_guard guard(m_indexMutex);
    return {m_embedder, m_index};
}

EngineConfig Engine::config() const
{
    std::lock_guard guard(m_configMutex);
    return m_config;
}

QString Engine::resolveDataDirectory(const QString &explicitPath)
{
    return DataDirectory::resolve(explicitPath);
}

EngineStatus Engine::status() const
{
    // Never loads the index: the dashboard and `kmsctl stats` ask this on a store whose index may
    // take seconds to read.
    std::shared_ptr<const Embedder> embedder;
    std::shared_ptr<VectorIndex> index;
    EngineStatus s;
    {
        std::lock_guard guard(m_indexMutex);
        embedder = m_embedder;
        index = m_index;
        s.vectorSearchUnavailable = m_vectorNote;
        switch (m_indexState) {
        case IndexState::Ready: s.indexState = EngineStatus::IndexState::Ready; break;
        case IndexState::NotLoaded: s.indexState = EngineStatus::IndexState::NotLoaded; break;
        case IndexState::Loading:
            s.indexState = m_indexLoading == Options::IndexLoading::InBackground ? EngineStatus::IndexState::Loading
                                                                                   : EngineStatus::IndexState::NotLoaded;
            s.indexLoadingForMs = QDateTime::currentMSecsSinceEpoch() - m_indexLoadStartedMs;
            break;
        }
    }
    s.dataDirectory = m_dir->path();
    s.databasePath = m_dir->databasePath();
    s.indexPath = m_dir->indexPath();
    if (s.indexState == EngineStatus::IndexState::Ready) {
        s.indexVectors = index ? index->size() : 0;
    } else {
        // The count the saved file says it holds: one header read, the payload stays on disk.
        const IndexFileCheck header = readIndexFileHeader(m_dir->indexPath());
        s.indexVectors = header.status == IndexLoadStatus::Loaded ? qint64(header.header.liveCount) : 0;
    }
    s.embedderId = embedder->id();
    s.dimension = embedder->dimension();
    s.readOnlyBeside = m_owner;
    return s;
}

MetricsPoint Engine::latestMetrics() const
{
    return m_metrics->latest();
}

QString Engine::modelDirectory() const
{
    return m_dir->path() + QStringLiteral("/models");
}

// ---- index ----------------------------------------------------------------------------------------

bool Engine::fillIndex(VectorIndex &index, qint64 afterSeq, const std::function<void(qint64, qint64)> &progress,
                       const std::atomic<bool> *cancel, qint64 *added, QString *error, Store *source)
{
    // Without a source of its own the walk takes a connection of the read pool.
    std::optional<StorePool::Reader> reader;
    if (!source) {
        reader.emplace(m_stores->reader());
        source = reader->get();
    }
    const int dim = index.dimension();
    const int threads = config().effectiveWorkers();
    const qint64 total = source->counts().total();
    std::vector<qint64> ids;
    std::vector<float> vectors;
    bool ok = true;
    auto flush = [&] {
        if (ids.empty())
            return true;
        if (!index.addBatch(ids, vectors, threads, error))
            return false;
        *added += qint64(ids.size());
        ids.clear();
        vectors.clear();
        if (progress)
            progress(*added, total);
        return true;
    };
    const bool walked = source->forEachVector(afterSeq, [&](qint64 id, std::span<const float> v) {
        if (cancel && cancel->load())
            return false;
        if (int(v.size()) != dim)
            return true; // a vector of another shape cannot be indexed; health reports the count gap
        ids.push_back(id);
        vectors.insert(vectors.end(), v.begin(), v.end());
        if (ids.size() >= 2048 && !flush()) {
            ok = false;
            return false;
        }
        return true;
    });
    if (!walked && ok && !(cancel && cancel->load())) {
        if (error)
            *error = source->lastError();
        return false;
    }
    return ok && flush();
}

bool Engine::openIndex(OpenedIndex *out, QString *error)
{
    std::shared_ptr<VectorIndex> &index = out->index;
    IndexOpenReport &report = out->report;
    auto logger = log::get("kms.core.index");
    const EngineConfig config = this->config();
    const std::shared_ptr<const Embedder> embedder = currentEmbedder();
    const HnswParams params{config.hnswM, config.hnswEfConstruction, config.hnswEfSearch};
    // This process owns the data directory now: whatever a killed save or load left is garbage.
    if (const int removed = removeIndexLeftovers(m_dir->indexPath()); removed > 0)
        logger->info("removed {} file(s) left beside the index by an interrupted save or load", removed);
    auto loaded = VectorIndex::load(m_dir->indexPath(), embedder->dimension(), embedder->id(), params);

    // Watermark, counts, deletions and the vectors to catch up come from one read snapshot: with a
    // background load, edits may commit meanwhile (they wait for the index, then apply to it).
    auto reader = m_stores->reader();
    if (!reader->beginSnapshot()) {
        if (error)
            *error = reader->lastError();
        return false;
    }
    struct SnapshotEnd {
        Store *store;
        ~SnapshotEnd() { store->endSnapshot(); }
    } snapshotEnd{reader.get()};
    const qint64 dbWatermark = reader->watermark();
    // Records in the vector backlog have no vector yet, so the index holds none for them.
    const qint64 dbCount = reader->counts().total() - std::max<qint64>(0, reader->vectorBacklogCount());

    bool rebuild = loaded.status != IndexLoadStatus::Loaded;
    QString why = loaded.message;
    if (!rebuild && loaded.index->params().M != params.M) {
        rebuild = true;
        why = QStringLiteral("HNSW M changed from %1 to %2").arg(loaded.index->params().M).arg(params.M);
    }
    if (!rebuild && loaded.watermark > dbWatermark) {
        rebuild = true; // a file from the future belongs to another database
        why = QStringLiteral("index watermark %1 is ahead of the database (%2)").arg(loaded.watermark).arg(dbWatermark);
    }
    if (!rebuild) {
        index = std::move(loaded.index);
        index->setEfSearch(params.efSearch);
        if (loaded.watermark < dbWatermark) {
            // Deletes first: a rowid freed by a delete may come back for a new record.
            for (qint64 id : reader->deletedSince(loaded.watermark))
                report.removed += index->remove(id) ? 1 : 0;
        }
        if (loaded.watermark < dbWatermark
            && !fillIndex(*index, loaded.watermark, {}, &m_indexLoadCancel, &report.added, error, reader.get()))
            return false;
        if (m_indexLoadCancel)
            return false; // a partial catch-up must not be saved or used
        if (index->size() != dbCount) {
            rebuild = true;
            why = QStringLiteral("index holds %1 vectors after catching up, the database %2 records with a vector")
                      .arg(index->size()).arg(dbCount);
        } else if (loaded.watermark < dbWatermark) {
            report.action = IndexOpenReport::Action::CaughtUp;
            report.message = QStringLiteral("caught up from watermark %1 to %2 (+%3 vectors, -%4)")
                                        .arg(loaded.watermark).arg(dbWatermark)
                                        .arg(report.added).arg(report.removed);
        } else {
            report.message = QStringLiteral("verified, %1 vectors").arg(index->size());
            out->savedWatermark = loaded.watermark;
        }
    }
    if (rebuild) {
        report = {};
        report.action = IndexOpenReport::Action::Rebuilt;
        index = std::make_unique<VectorIndex>(embedder->dimension(), embedder->id(), params,
                                              size_t(std::max<qint64>(dbCount, 1024)));
        if (!fillIndex(*index, 0, {}, &m_indexLoadCancel, &report.added, error, reader.get()))
            return false;
        if (m_indexLoadCancel)
            return false;
        report.message = QStringLiteral("rebuilt from the database (%1 vectors): %2")
                                    .arg(report.added).arg(why);
    }
    if (report.action != IndexOpenReport::Action::Verified || loaded.status == IndexLoadStatus::Missing) {
        if (dbCount > 0 || loaded.status != IndexLoadStatus::Missing)
            logger->warn("vector index {}", report.message.toStdString());
        // Saved here, on the loading thread, before the index is published: nothing else uses it yet.
        QString saveError;
        if (index->save(m_dir->indexPath(), dbWatermark, &saveError))
            out->savedWatermark = dbWatermark;
        else
            logger->error("saving the vector index failed: {}", saveError.toStdString());
    } else {
        logger->info("vector index {}", report.message.toStdString());
    }
    return true;
}

void Engine::saveIndexAt(qint64 watermark)
{
    if (!indexSaveAllowed())
        return;
    std::lock_guard guard(m_indexSaveMutex);
    if (watermark == m_indexSavedWatermark)
        return;
    QString error;
    if (currentIndex()->save(m_dir->indexPath(), watermark, &error))
        m_indexSavedWatermark = watermark;
    else
        log::get("kms.core.index")->error("saving the vector index failed: {}", error.toStdString());
}

bool Engine::saveIndex(QString *error)
{
    qint64 watermark = 0;
    {
        auto writerLock = m_stores->writer();
        watermark = writerLock->watermark();
    }
    if (!indexSaveAllowed())
        return true; // nothing loaded (or a failed load's stand-in): the file on disk stays as it is
    std::lock_guard guard(m_indexSaveMutex);
    if (watermark == m_indexSavedWatermark)
        return true;
    if (!currentIndex()->save(m_dir->indexPath(), watermark, error))
        return false;
    m_indexSavedWatermark = watermark;
    return true;
}

// ---- ingestion --------------------------------------------------------------------------------------

std::unique_ptr<IngestPipeline> Engine::makePipeline(const IngestOptions &options, qint64 jobId)
{
    IngestContext ctx;
    ctx.stores = m_stores.get();
    // A pipeline keeps raw pointers: applyConfig() replaces index and embedder only while the
    // scheduler is held, i.e. while no pipeline exists.
    const EngineConfig config = this->config();
    ctx.index = currentIndex().get();
    ctx.normalizer = m_normalizer.get();
    ctx.embedder = currentEmbedder().get();
    ctx.cache = m_cache.get();
    ctx.metrics = m_metrics.get();
    ctx.saveIntervalSeconds = config.indexSaveIntervalSec;
    ctx.indexCheckpoint = [this](qint64 watermark) { saveIndexAt(watermark); };
    ctx.indexChangeSuperseded = [this](qint64 id, qint64 seq) { return isSupersededIndexChange(id, seq); };
    ctx.indexGate = &m_directChangesMutex;
    ctx.events = &m_jobEvents;
    ctx.vectorsMissing = [this](qint64) { m_backlog->wake(); };
    if (!config.redisUrl.isEmpty())
        ctx.distributed = distributedHook(config);
    IngestOptions o = options;
    if (o.workers == 0 && config.workers > 0)
        o.workers = config.workers;
    if (o.batchSize == 0 && config.batchSize > 0)
        o.batchSize = config.batchSize;
    return std::make_unique<IngestPipeline>(ctx, o, jobId);
}

JobInfo Engine::runJob(const IngestOptions &options, const std::function<void(IngestPipeline &)> &started)
{
    JobInfo job = jobRowFor(options);
    {
        auto writerLock = m_stores->writer();
        job.id = writerLock->createJob(job);
    }
    if (job.id <= 0) {
        job.status = JobStatus::Failed;
        job.error = QStringLiteral("cannot record the job: ") + m_stores->writer()->lastError();
        return job;
    }
    JobEvent queued;
    queued.jobId = job.id;
    queued.kind = JobEventKind::Queued;
    queued.job = job;
    m_jobEvents.publish(queued);
    auto pipeline = makePipeline(options, job.id);
    if (started)
        started(*pipeline);
    JobEvent end;
    end.job = pipeline->run();
    end.jobId = job.id;
    end.kind = jobEndKind(end.job.status);
    m_jobEvents.publish(end);
    return end.job;
}

JobProgress Engine::dryRun(const IngestOptions &options, const std::function<void(IngestPipeline &)> &started)
{
    IngestOptions o = options;
    o.dryRun = true;
    auto pipeline = makePipeline(o, 0);
    if (started)
        started(*pipeline);
    pipeline->run();
    return pipeline->progress();
}

// ---- queries ----------------------------------------------------------------------------------------

StoreCounts Engine::counts()
{
    return withReader([](Store &s) { return s.counts(); });
}

QList<JobInfo> Engine::jobs(int limit)
{
    return withReader([&](Store &s) { return s.jobs(limit); });
}

std::optional<JobInfo> Engine::job(qint64 id)
{
    return withReader([&](Store &s) { return s.job(id); });
}

QList<RejectInfo> Engine::rejects(qint64 jobId, int limit, int offset)
{
    return withReader([&](Store &s) { return s.rejects(jobId, limit, offset); });
}

QList<MetricSample> Engine::metricHistory(const QString &name, qint64 fromMs, qint64 toMs)
{
    return withReader([&](Store &s) { return s.metrics(name, fromMs, toMs); });
}

QHash<QString, QList<MetricBucket>> Engine::metricSeries(const QStringList &names, qint64 fromMs, qint64 toMs,
                                                         qint64 widthMs)
{
    auto series = withReader([&](Store &s) { return s.metricBuckets(names, fromMs, toMs, widthMs); });
    // Up to ten seconds (plus a failed write's worth) are not in the table yet; addSample skips the
    // seconds the table already has.
    const QList<MetricsPoint> recent = m_metrics->recent(120);
    for (const MetricsPoint &p : recent) {
        if (p.timestampMs < fromMs || p.timestampMs > toMs)
            continue;
        for (const auto &[name, value] : namedValues(p)) {
            auto it = series.find(name);
            if (it != series.end())
                addSample(*it, p.timestampMs, value, widthMs);
        }
    }
    return series;
}

QJsonObject Engine::health(bool detailed)
{
    // In the background mode a loading index is reported as such, not waited for: the health page
    // shows up at once. Otherwise the check loads the index it reports on.
    const QString vectorNote = vectorUnavailable(m_indexLoading != Options::IndexLoading::InBackground);
    VectorSpace space; // kept alive while the check reads it
    {
        std::lock_guard guard(m_indexMutex);
        space.embedder = m_embedder;
        if (m_indexState == IndexState::Ready)
            space.index = m_index;
    }
    QString indexMessage;
    {
        std::lock_guard indexGuard(m_indexMutex); // a rebuild rewrites the report
        indexMessage = m_indexReport.message;
    }
    // quick_check reads every page (seconds on a large store): on a connection of its own, before
    // a pooled reader is leased, so the check holds neither a pooled connection nor, when no read
    // connection can be opened, the writer (the pool's fallback), which would stall a running job.
    QString quickCheck;
    if (detailed) {
        QString openError;
        auto own = Store::open(m_dir->databasePath(), Store::Mode::ReadOnly, &openError);
        quickCheck = own ? own->quickCheck() : QStringLiteral("cannot open a connection for the check: ") + openError;
    }
    auto reader = m_stores->reader();
    HealthInputs in;
    in.quickCheck = quickCheck;
    in.store = reader.get();
    // A read-only view without a usable index reports why instead of its empty stand-in.
    in.index = vectorNote.isEmpty() ? space.index.get() : nullptr;
    in.readOnlyBeside = m_owner;
    in.indexUnavailable = vectorNote;
    in.embedder = space.embedder.get();
    in.embedderProvider = config().embedderProvider;
    in.embedderLastError = embedderInfo().usage.lastError;
    in.metrics = m_metrics.get();
    in.dataDirectory = m_dir->path();
    in.indexPath = m_dir->indexPath();
    in.indexLoadMessage = indexMessage;
    in.detailed = detailed;
    if (m_backlog) {
        const VectorBacklogStatus backlog = m_backlog->status();
        in.vectorBacklogError = backlog.lastError;
        in.vectorBacklogRetryMs = backlog.retryInMs;
    }
    if (const QString url = config().redisUrl; !url.isEmpty()) {
        RedisEndpoint endpoint;
        QString ignored;
        in.redisUrl = parseRedisUrl(url, &endpoint, &ignored) ? endpoint.display() : url.section(QLatin1Char('@'), -1);
        if (const auto workers = distributedWorkers(&in.workersError)) {
            for (const WorkerInfo &w : *workers)
                in.workers.append(workerJson(w));
        }
    }
    return checkHealth(in);
}

// ---- metrics sampler ----------------------------------------------------------------------------------

void Engine::samplerLoop()
{
    // History goes through the one writer, between a job's batches: ten seconds of samples at a time.
    SystemProbe probe;
    QList<MetricSample> pending;
    qint64 dirBytes = SystemProbe::directoryBytes(m_dir->path());
    int tick = 0;
    std::unique_lock lock(m_samplerMutex);
    while (!m_samplerStop) {
        m_samplerCv.wait_for(lock, std::chrono::seconds(1));
        if (m_samplerStop)
            break;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (++tick % 30 == 0)
            dirBytes = SystemProbe::directoryBytes(m_dir->path());
        const MetricsPoint p = m_metrics->tick(
            now, {probe.processCpuPercent(), double(SystemProbe::processRssBytes()), double(dirBytes)});
        const bool active = p.recordsPerSecond10 > 0 || p.queueDepth > 0;
        // Busy seconds are kept at full resolution; idle ones once a minute.
        if (active || tick % 60 == 0) {
            for (const auto &[name, value] : namedValues(p))
                pending.append({now, name, value});
        }
        if ((tick % 10 == 0) && !pending.isEmpty()) {
            lock.unlock();
            {
                auto writer = m_stores->writer();
                if (writer->appendMetrics(pending))
                    pending.clear();
                if (tick % 3600 == 0)
                    writer->pruneMetrics(now - qint64(config().metricsRetentionDays) * 86'400'000);
            }
            lock.lock();
        }
    }
    if (!pending.isEmpty())
        m_stores->writer()->appendMetrics(pending);
}

} // namespace kms
