// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"
#include "distributed/DistributedEmbedder.h"
#include "distributed/WorkerRegistry.h"
#include "engine/EmbedderInfo.h"
#include "engine/RecordEdits.h"
#include "health/IntegrityCheck.h"
#include "ingest/JobEvents.h"
#include "metrics/Metrics.h"
#include "model/ApiToken.h"
#include "model/Browse.h"
#include "model/EngineStatus.h"
#include "model/Job.h"
#include "model/MetricBucket.h"
#include "model/StoreCounts.h"
#include "model/StoredRecord.h"
#include "model/SyncSchedule.h"
#include "search/RecordDetail.h"
#include "search/SearchLog.h"
#include "search/SearchTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace kms {

class DataDirectory;
class EmbeddingCache;
class Embedder;
class JobScheduler;
class Metrics;
class Normalizer;
class SearchEngine;
class Store;
class StorePool;
class VectorBacklog;
class VectorIndex;
struct HnswParams;
struct VectorSpace;

// How the vector index came to be at open: the file verified as is, caught up from the store, or
// rebuilt (and why).
struct IndexOpenReport {
    enum class Action { Verified, CaughtUp, Rebuilt } action = Action::Verified;
    QString message;
    qint64 added = 0;
    qint64 removed = 0;
};

// The outcome of retrying a rejected record with fixed text.
struct RejectRetryResult {
    bool ok = false;
    qint64 recordId = 0;      // the stored record, when ok
    QString externalId;
    Collection collection = Collection::Cases;
    bool unchanged = false;   // the fixed record equals the stored one (nothing written but the reject)
    QString field;            // the field still at fault, when known
    QString error;            // what is still wrong, e.g. "title: expected a string, got object"
};

// What one run of a scheduled sync did.
struct ScheduleRunResult {
    qint64 scheduleId = 0;
    qint64 jobId = 0;         // the queued job; 0 when nothing was queued
    QString note;             // why nothing was queued (still running, bad options, ...)
};

// One open data directory: the store (source of truth), the vector index derived from it, the
// embedder, cache, metrics and the job queue. The CLI, the GUI and the HTTP API all go through it,
// and only through its verbs, grouped by what an operator does: the data directory, search,
// queries, records, ingestion jobs, rejected records, scheduled syncs, maintenance and
// configuration. They take and return value types (core/model, search/SearchTypes.h); the services
// behind them are reachable only from core and tests (EngineInternals.h).
// Thread-safe: queries use the read pool; writes go through the store's one writer.
class Engine
{
public:
    struct Options {
        QString dataDirectory;            // resolved path (DataDirectory::resolve)
        std::optional<EngineConfig> config; // overrides the stored one (and is stored) when set
        bool logToFile = true;
        bool startSampler = false;        // per-second metrics + persisted history
        // Used instead of the embedder the configuration names (tests; providers the factory does
        // not build yet). Its id must match the store's vectors like a configured one.
        std::shared_ptr<const Embedder> embedder;
        // When another live process holds the data directory's lock, open a read-only view instead
        // of failing (the read commands): nothing is written (no migration, job recovery, stored
        // configuration, index save, search log, metrics or log file), the vector index is the
        // owner's saved file caught up in memory, or absent (keyword search only, status() says
        // why). Writing verbs fail with "database ... is open read-only".
        bool readOnlyBesideOwner = false;
        // When the vector index is read from its file (or caught up / rebuilt). AtOpen: before
        // open() returns. OnFirstUse: by the first verb that needs vectors (a vector or hybrid
        // search, similar(), ingestion, an edit, maintenance, health), on its thread, so commands
        // that need none (counts, jobs, rejects, browsing) never read the file. InBackground: on a
        // thread of its own started by open(); until it is ready vector and hybrid searches answer
        // keyword-only with a note, similar() says the index is loading, status() and health()
        // report it as loading, and verbs that must change the index wait for it.
        enum class IndexLoading { AtOpen, OnFirstUse, InBackground };
        IndexLoading indexLoading = IndexLoading::AtOpen;
        // Timeouts and chunk size of distributed jobs (the defaults suit real workers; tests shorten).
        DistributedEmbedder::Settings distributed;
    };

    static std::unique_ptr<Engine> open(const Options &options, QString *error);
    ~Engine(); // cancels a running job at a batch boundary, saves the index, releases the lock

    // ---- the open data directory ----
    // explicitPath (--data-dir) wins over KMS_DATA_DIR, which wins over the platform default.
    static QString resolveDataDirectory(const QString &explicitPath = {});
    // Paths, index size and embedder: cheap, no query.
    EngineStatus status() const;
    // A copy: applyConfig() may change it from another thread.
    EngineConfig config() const;
    EmbedderInfo embedderInfo() const;
    // Where trained embedder models live: <data directory>/models.
    QString modelDirectory() const;
    // The one road of job state to every front end: queued, started, progress (batches, pause,
    // resume), finished / failed / cancelled, of queued jobs and of runJob() alike. Callbacks run
    // on the publishing (worker) thread; hand the event on, never block.
    [[nodiscard]] JobEventStream::Subscription subscribeJobEvents(JobEventStream::Callback callback)
    {
        return m_jobEvents.subscribe(std::move(callback));
    }
    // What loading the index found; empty (Verified, no message) while it is not loaded yet.
    IndexOpenReport indexOpenReport() const;
    // Loads the vector index now if it is not loaded yet, or waits for the background load.
    void waitForIndex() { currentIndex(); }
    // The background load (IndexLoading::InBackground) is still running. No I/O: the GUI thread
    // may ask.
    bool isIndexLoading() const;
    QStringList warnings() const { return m_warnings; }

    // ---- search (any thread) ----
    // Keyword, vector or hybrid search; *cancel stops it at its next check (an empty result).
    SearchResult search(const SearchQuery &query, const std::atomic<bool> *cancel = nullptr);
    // The k records nearest to a stored one, filtered.
    SearchResult similar(qint64 recordId, int k, const SearchFilters &filters = {},
                         const std::atomic<bool> *cancel = nullptr);
    // A stored record with the words of queryText marked in its long fields (detail panes).
    RecordDetail recordDetail(qint64 id, const QString &queryText);
    // The id of the record with this external id in either collection; 0 when none.
    qint64 recordIdOf(const QString &externalId);
    // Search analytics from the search log.
    QList<SearchLogEntry> recentSearches(int limit);          // newest first
    QList<QueryCount> topQueries(int limit, qint64 sinceMs = 0);
    QList<QueryCount> zeroResultQueries(int limit, qint64 sinceMs = 0);
    QList<LatencySummary> searchLatency(qint64 sinceMs = 0);  // one row per mode that has queries

    // ---- queries (any thread) ----
    StoreCounts counts();
    QList<JobInfo> jobs(int limit = 100);
    std::optional<JobInfo> job(qint64 id);
    QList<RejectInfo> rejects(qint64 jobId, int limit = 1000, int offset = 0);
    QList<MetricSample> metricHistory(const QString &name, qint64 fromMs, qint64 toMs);
    // Several metrics over [fromMs, toMs] in buckets of widthMs (charts). The sampler persists every
    // ten seconds; the seconds since then come from memory, so a chart loaded now has no gap.
    QHash<QString, QList<MetricBucket>> metricSeries(const QStringList &names, qint64 fromMs, qint64 toMs,
                                                     qint64 widthMs);
    QJsonObject health(bool detailed);
    // The newest one-second metrics sample (throughput, cache, latency, system).
    MetricsPoint latestMetrics() const;
    // The engine's counters, gauges and stage latency histograms in the Prometheus text format
    // (version 0.0.4), plus the store's record counts and the vector backlog.
    QByteArray prometheusMetrics();
    // ---- vector backlog (EngineBacklog.cpp) ----
    // Records stored without a vector because the embedder failed: keyword search finds them, vector
    // search not yet. A background worker fills them in, retrying with backoff. Counted now; -1 on error.
    qint64 vectorBacklog();
    // Retries the backlog now instead of at the end of its backoff (the embedder was fixed).
    void retryVectorBacklog();

    // ---- records: the data browser (any thread) ----
    // BrowseQuery::text and tag go through the search module's parser and normaliser, so the words
    // match as they do in a keyword search; field filters typed in the text (status:open) apply too.
    BrowseResult browse(const BrowseQuery &query, int limit);
    // `total` is the count browse() gave (it picks the query plan); -1 if unknown.
    BrowsePage browsePage(const BrowseQuery &query, qint64 offset, int limit, qint64 total = -1);
    BrowseFacets browseFacets(Collection c);
    // Every matching id in order, and the rows of a slice of them (paging a snapshot by position).
    BrowseIds browseIds(const BrowseQuery &query);
    BrowsePage browseRows(const QList<qint64> &ids);
    // The standard status / priority values of a collection plus those already stored.
    AllowedValues allowedValues(Collection c);
    std::optional<StoredRecord> record(qint64 id, QString *error = nullptr);
    // Creates (id 0) or replaces (the record with that id: collection and external id cannot
    // change) one record: normalise, validate (RecordSaveResult::problems name the fields), embed,
    // write row + full-text row + vector in one transaction, and put the vector in the HNSW index
    // before returning, so every search mode finds the new text at once. Created records get
    // created/updated = now, edits updated = now; Record::extra of an edit is kept when empty.
    // Serialised with ingestion jobs by the writer lock.
    RecordSaveResult saveRecord(const Record &record, qint64 id = 0);
    // Removes the record, its full-text row and its vector (markDelete in HNSW): no search mode
    // finds it afterwards.
    bool deleteRecord(qint64 id, QString *error = nullptr);
    // Writes every record the query matches, in its order, to path (.csv, .jsonl or .json: the
    // layout `kmsctl generate` writes and every reader imports, so an export can be re-imported).
    // Streams from its own read connection in one snapshot; the file appears only when complete.
    ExportResult exportRecords(const BrowseQuery &query, const QString &path, ExportProgress *progress = nullptr);

    // ---- ingestion jobs ----
    // Queues a job and returns its id (0 and *error when its row cannot be written).
    qint64 submitJob(const IngestOptions &options, QString *error = nullptr);
    bool cancelJob(qint64 jobId);   // queued: removed and marked cancelled; running: stops it
    bool pauseJob(qint64 jobId);
    bool resumeJob(qint64 jobId);
    // The job is waiting in the queue or running.
    bool isJobActive(qint64 jobId) const;
    // The running queued job's progress, if one runs.
    std::optional<JobProgress> runningJobProgress() const;
    // Blocks until no queued job is waiting or running (CLI). Not for the GUI thread.
    void waitForJobs();
    // Runs a job synchronously on the calling thread (CLI); the scheduler is for queued jobs.
    JobInfo runJob(const IngestOptions &options, const std::function<void(IngestPipeline &)> &started = {});
    // Classifies the records of the files (new / changed / unchanged / invalid) without writing.
    // `started` gets the pipeline before it runs: to cancel it or read its progress meanwhile.
    JobProgress dryRun(const IngestOptions &options, const std::function<void(IngestPipeline &)> &started = {});

    // ---- REST API tokens (EngineTokens.cpp) ----
    // A new bearer token: 32 random bytes, hex, behind "kms_". Only its SHA-256 is stored, so the
    // token is in the answer this once and never again. Names: 1-64 of A-Z a-z 0-9 . _ -
    std::optional<ApiTokenCreated> createApiToken(const QString &name, ApiTokenScope scope, QString *error);
    QList<ApiToken> apiTokens();
    bool revokeApiToken(const QString &name, QString *error);
    // The token in force that the presented one hashes to; nullopt for unknown or revoked ones.
    // Notes its use (at most once a minute per token, so requests do not queue on the writer).
    std::optional<ApiToken> verifyApiToken(const QByteArray &presented);

    // ---- rejected records (EngineRetry.cpp) ----
    // Ingests the fixed text of a rejected record, spelled in its source's format (a CSV row under
    // the source file's header, or one JSON object), with the mapping and collection of the job that
    // rejected it. On success the record is stored and indexed and the reject removed, in one
    // transaction; otherwise the reject stays and the result says what is still wrong.
    RejectRetryResult retryReject(qint64 rejectId, const QString &fixedText);

    // ---- scheduled syncs (EngineSchedules.cpp) ----
    QList<SyncSchedule> schedules();
    std::optional<SyncSchedule> schedule(qint64 id);
    // A new schedule for the source; the first run is firstRun, or one interval from now.
    qint64 addSchedule(const QString &name, const IngestOptions &source, int intervalMinutes, QString *error,
                       const QDateTime &firstRun = {});
    bool updateSchedule(const SyncSchedule &schedule, QString *error);
    bool removeSchedule(qint64 id, QString *error);
    // Queues a job for every due schedule whose previous job is not still queued or running, and
    // moves its next run to the first slot after now (missed runs collapse into this one).
    QList<ScheduleRunResult> runDueSchedules(const QDateTime &now);
    // Queues the schedule's job now, whatever its next run (same rule for a job still active).
    ScheduleRunResult runSchedule(qint64 id, const QDateTime &now);

    // ---- index maintenance and configuration (EngineMaintenance.cpp) ----
    bool saveIndex(QString *error = nullptr);
    // Rebuilds the index from the store (cancel sets *cancel). Progress callback gets (done, total).
    // Refused while a job runs; queued jobs wait until it is done. Reads through its own connection,
    // so queries go on meanwhile; searches use the current index until the new one replaces it.
    bool rebuildIndex(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                      QString *error);
    // Applies a new configuration and stores it. An invalid one is refused whole, with a message
    // naming the key. What it takes depends on what changed (configChange()): efSearch, cache
    // size, ingestion and housekeeping values apply at once; HNSW M / efConstruction rebuild the
    // index; an embedder parameter re-embeds every record into new vectors and builds their index.
    // Rebuild and re-embed run on the calling thread (progress gets (done, total)) while searches
    // keep using the current vectors and index, and queued ingestion jobs wait; they are refused
    // while a job runs. Cancelled (or failed), the current vectors, index and embedder stay, as
    // does the stored configuration's embedder/HNSW part; the at-once values are applied anyway.
    bool applyConfig(const EngineConfig &next, const std::function<void(qint64, qint64)> &progress,
                     const std::atomic<bool> *cancel, QString *error);
    // ---- LSA embedder (EngineLsa.cpp) ----
    // Trains an LSA model of `rank` dimensions on every stored record (streamed through a read
    // connection of its own), saves it in modelDirectory() and switches the embedder to it through
    // applyConfig()'s re-embed: searches use the current vectors until the swap. progress gets the
    // stage ("reading records", "training: sketching", "re-embedding") and its done / total.
    // Cancelled or failed at any point, the current embedder, vectors and index stay and the new
    // model file is removed; on success older model files are removed.
    bool trainLsa(int rank, const std::function<void(const QString &, qint64, qint64)> &progress,
                  const std::atomic<bool> *cancel, QString *error);
    // ---- choosing an embedder (EngineEmbedder.cpp) ----
    // Makes the embedder `candidate` asks for (nothing active changes) and embeds sample sentences:
    // its dimension, the latency, and whether paraphrases come out closer than unrelated texts.
    EmbedderTestResult testEmbedder(const EngineConfig &candidate) const;
    // Records, characters and estimated tokens of the store's text, and what embedding it all would
    // cost at `candidate`'s price per 1M tokens (the openai provider; 0 for the others).
    EmbeddingEstimate embeddingEstimate(const EngineConfig &candidate);
    EmbeddingEstimate embeddingEstimate() { return embeddingEstimate(config()); }
    // Re-embeds every record with the current configuration's embedder into fresh vectors and
    // index (as applyConfig() does for an embedder change; searches use the current ones until
    // the swap). For an embedder whose model or server changed behind the same settings.
    bool reembed(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                 QString *error);
    // Makes the store smaller: vectors older versions kept in float32 or half precision are
    // rewritten in 8 bits in batches (progress: converted, to convert; a stop keeps what is done and the
    // next run goes on), then, with `vacuum`, the freed pages go back to the disk. Waits for no job:
    // fails while one runs. Searches keep working throughout.
    bool compact(bool vacuum, const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                 QString *error);
    // Compresses the record texts stored plain (Store::compactTexts) in batches: a stop keeps what
    // is done and the next run goes on. *records: rows compressed. Fails while a job runs.
    bool compactTexts(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                      qint64 *records, QString *error);
    // Rebuilds the full-text index without a copy of its text (stores of older versions keep one,
    // a quarter of the database), in batches: a stop keeps what is done and the next run goes on.
    // Searches use the old index until the last batch. Nothing to do (true, *records 0) when the
    // index is already so. *reformed: records whose kept terms were not what the current term list
    // gives (indexed before it changed). Fails while a job runs.
    bool compactFullText(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                         qint64 *records, qint64 *reformed, QString *error);
    // Stops a running rebuild or re-embed at its next check (shutdown).
    void cancelMaintenance() { m_maintenanceCancel = true; }
    bool isMaintenanceRunning() const { return m_maintenanceRunning.load(); }
    // Checks the SQLite pages, the full-text index, every stored vector against the live index and
    // the index file (health/IntegrityCheck.h). Refused while a job runs (report.error); queued jobs
    // wait until it is done. Cancel at the next step through *cancel.
    IntegrityReport checkIntegrity(const std::function<void(const IntegrityProgress &)> &progress,
                                   const std::atomic<bool> *cancel);

    // ---- distributed embedding (EngineWorkers.cpp) ----
    // The embedding workers registered in the Redis the redisUrl setting names, with the store's
    // embedder id as published there: nullopt with *error when no URL is set or Redis cannot be
    // reached. Blocks for at most the connect timeout (2 s): call it off the GUI thread.
    std::optional<QList<WorkerInfo>> distributedWorkers(QString *error) const;

private:
    friend class EngineInternals; // core/engine/EngineInternals.h: the services, for core and tests
    Engine() = default;
    std::shared_ptr<const Embedder> currentEmbedder() const;
    // Both load the index first when it is not loaded yet (or wait for the background load).
    std::shared_ptr<VectorIndex> currentIndex();
    VectorSpace vectorSpace(); // embedder and index from one snapshot
    // Reads the index (openIndex / openIndexReadOnly) and publishes it; on the loading thread.
    void loadIndex();
    // Why vector search cannot run now ("still loading", a read-only view without an index, a
    // failed load); empty when it can. wait: load the index first instead of reporting "loading".
    QString vectorUnavailable(bool wait);
    // Runs f with a read connection of the pool (defined in EngineInternals.h).
    template<typename F> auto withReader(F &&f);
    bool init(const Options &options, QString *error);
    // Both fill the OpenedIndex instead of members: they run on the loading thread, which
    // publishes the result under m_indexMutex.
    struct OpenedIndex {
        std::shared_ptr<VectorIndex> index;
        IndexOpenReport report;
        QString vectorNote;        // set when vector search is off (read-only view, failed load)
        qint64 savedWatermark = -1; // the file on disk is current at this watermark
    };
    // Gives the writer the normaliser's form and brings the full-text index under it
    // (EngineFullText.cpp): at once for an empty store and after a term list change.
    bool prepareFullText(QString *error);
    // Builds the indexes a load into an empty store left for its end when it stopped before
    // (Store::deferReadIndexes): a kill or power loss during an initial load.
    bool finishDeferredIndexes(QString *error);
    bool openIndex(OpenedIndex *out, QString *error);
    bool openIndexReadOnly(OpenedIndex *out, QString *error); // EngineReadOnly.cpp
    bool fillIndex(VectorIndex &index, qint64 afterSeq, const std::function<void(qint64, qint64)> &progress,
                   const std::atomic<bool> *cancel, qint64 *added, QString *error, Store *source = nullptr);
    // EngineMaintenance.cpp
    bool rebuildWith(const HnswParams &params, const std::function<void(qint64, qint64)> &progress,
                     const std::atomic<bool> *cancel, QString *error);
    bool reembedWith(const EngineConfig &next, const std::function<void(qint64, qint64)> &progress,
                     const std::atomic<bool> *cancel, QString *error);
    void storeConfig(const EngineConfig &config);
    bool cancelled(const std::atomic<bool> *cancel) const;
    std::unique_ptr<IngestPipeline> makePipeline(const IngestOptions &options, qint64 jobId);
    void samplerLoop();
    ScheduleRunResult runScheduleLocked(SyncSchedule s, const QDateTime &now); // under m_scheduleMutex
    // The FTS5 expression for a browse query's text and tag; copies filters typed in the text.
    QString browseMatch(const BrowseQuery &query, BrowseQuery *effective) const;
    // Index changes the editor made, by record id with the change sequence they committed at: a
    // job's indexer must not apply an older change of the same record after them. Both with
    // m_directChangesMutex held (the indexer holds it across its check and its index update).
    void noteDirectIndexChange(qint64 id, qint64 seq);
    bool isSupersededIndexChange(qint64 id, qint64 seq) const;
    void saveIndexAt(qint64 watermark);
    // Index saves are skipped while this is set: a load that failed left a stand-in behind.
    bool indexSaveAllowed() const;
    void startVectorBacklog(); // EngineBacklog.cpp
    // The IngestContext::distributed hook for a job with this configuration (EngineWorkers.cpp).
    std::function<std::shared_ptr<const Embedder>(bool, QString *)> distributedHook(const EngineConfig &config) const;

    EngineConfig m_config;
    mutable std::mutex m_configMutex;
    DistributedEmbedder::Settings m_distributedSettings;
    bool m_readOnly = false;  // a view beside the owner (Options::readOnlyBesideOwner)
    QString m_owner;          // who owns the data directory then
    QString m_vectorNote;     // why vector search is off (read-only view, failed load); under m_indexMutex
    std::unique_ptr<DataDirectory> m_dir;
    // The database's one writer and its read pool (StorePool.h); every query goes through it.
    std::unique_ptr<StorePool> m_stores;
    std::shared_ptr<Normalizer> m_normalizer;
    std::unique_ptr<EmbeddingCache> m_cache;
    std::unique_ptr<Metrics> m_metrics;
    // Replaced whole (together when re-embedding) by applyConfig() / rebuildIndex(), under m_indexMutex.
    std::shared_ptr<const Embedder> m_embedder;
    std::shared_ptr<VectorIndex> m_index;
    mutable std::mutex m_indexMutex;
    // The index's load (Options::IndexLoading), under m_indexMutex; m_indexLoaded wakes the verbs
    // that wait for it. A failed load leaves an empty stand-in, a note and no saves.
    enum class IndexState { NotLoaded, Loading, Ready } m_indexState = IndexState::NotLoaded;
    Options::IndexLoading m_indexLoading = Options::IndexLoading::AtOpen;
    std::condition_variable m_indexLoaded;
    bool m_indexLoadFailed = false;
    qint64 m_indexLoadStartedMs = 0;
    std::atomic<bool> m_indexLoadCancel{false}; // the destructor stops a background catch-up
    std::thread m_indexLoader;
    std::mutex m_maintenanceMutex;            // one rebuild / re-embed at a time
    std::atomic<bool> m_maintenanceRunning{false};
    std::atomic<bool> m_maintenanceCancel{false};
    std::unique_ptr<SearchLog> m_searchLog;
    std::unique_ptr<SearchEngine> m_search;
    std::mutex m_indexSaveMutex;
    qint64 m_indexSavedWatermark = -1;
    IndexOpenReport m_indexReport;
    QStringList m_warnings;
    JobEventStream m_jobEvents; // before m_scheduler: it publishes until it is gone
    std::unique_ptr<JobScheduler> m_scheduler;
    std::mutex m_scheduleMutex; // one schedule run decision at a time: no job queued twice

    std::mutex m_directChangesMutex;
    QHash<qint64, qint64> m_directChanges; // record id -> seq (cleared when no job runs)

    std::unique_ptr<VectorBacklog> m_backlog; // fills records the embedder failed on

    std::mutex m_tokenUseMutex;
    QHash<qint64, qint64> m_tokenNotedAt; // token id -> when its last_used_at was last written (ms)

    std::thread m_sampler;
    std::mutex m_samplerMutex;
    std::condition_variable m_samplerCv;
    bool m_samplerStop = false;
};

} // namespace kms
