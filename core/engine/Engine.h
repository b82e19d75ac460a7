// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"
#include "ingest/JobScheduler.h"
#include "search/SearchEngine.h"
#include "search/SearchLog.h"
#include "storage/Store.h"

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
class HashEmbedder;
class Metrics;
class Normalizer;
class VectorIndex;

// How the vector index came to be at open: the file verified as is, caught up from the store, or
// rebuilt (and why).
struct IndexOpenReport {
    enum class Action { Verified, CaughtUp, Rebuilt } action = Action::Verified;
    QString message;
    qint64 added = 0;
    qint64 removed = 0;
};

// One open data directory: the store (source of truth), the vector index derived from it, the
// embedder, cache, metrics and the job scheduler. The CLI, the GUI and the API all go through it.
// Thread-safe: queries use their own read connection; the writer connection is shared with the
// ingestion pipeline under a mutex.
class Engine
{
public:
    struct Options {
        QString dataDirectory;            // resolved path (DataDirectory::resolve)
        std::optional<EngineConfig> config; // overrides the stored one (and is stored) when set
        bool logToFile = true;
        bool startSampler = false;        // per-second metrics + persisted history
    };

    static std::unique_ptr<Engine> open(const Options &options, QString *error);
    ~Engine(); // cancels a running job at a batch boundary, saves the index, releases the lock

    // ---- parts ----
    const EngineConfig &config() const { return m_config; }
    const DataDirectory &dataDirectory() const { return *m_dir; }
    const Normalizer &normalizer() const { return *m_normalizer; }
    const HashEmbedder &embedder() const { return *m_embedder; }
    EmbeddingCache &cache() { return *m_cache; }
    Metrics &metrics() { return *m_metrics; }
    VectorIndex &index() { return *currentIndex(); }
    std::shared_ptr<VectorIndex> currentIndex() const;
    SearchEngine &search() { return *m_search; }
    SearchLog &searchLog() { return *m_searchLog; }
    JobScheduler &scheduler() { return *m_scheduler; }
    const IndexOpenReport &indexOpenReport() const { return m_indexReport; }
    QStringList warnings() const { return m_warnings; }

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
    // Runs f with the read connection, serialised with other queries.
    template<typename F> auto withReader(F &&f)
    {
        std::lock_guard guard(m_readerMutex);
        return f(*m_reader);
    }

    // ---- ingestion ----
    // Runs a job synchronously on the calling thread (CLI); the scheduler is for queued jobs.
    JobInfo runJob(const IngestOptions &options, const std::function<void(IngestPipeline &)> &started = {});
    // Classifies the records of the files (new / changed / unchanged / invalid) without writing.
    JobProgress dryRun(const IngestOptions &options);

    // ---- index maintenance ----
    bool saveIndex(QString *error = nullptr);
    // Rebuilds the index from the store (cancel sets *cancel). Progress callback gets (done, total).
    bool rebuildIndex(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                      QString *error);

private:
    Engine() = default;
    bool init(const Options &options, QString *error);
    bool openIndex(QString *error);
    bool fillIndex(VectorIndex &index, qint64 afterSeq, const std::function<void(qint64, qint64)> &progress,
                   const std::atomic<bool> *cancel, qint64 *added, QString *error);
    std::unique_ptr<IngestPipeline> makePipeline(const IngestOptions &options, qint64 jobId);
    void samplerLoop();
    void saveIndexAt(qint64 watermark);

    EngineConfig m_config;
    std::unique_ptr<DataDirectory> m_dir;
    std::unique_ptr<Store> m_writer;
    std::mutex m_writerMutex;
    std::unique_ptr<Store> m_reader;
    std::mutex m_readerMutex;
    std::shared_ptr<Normalizer> m_normalizer;
    std::unique_ptr<HashEmbedder> m_embedder;
    std::unique_ptr<EmbeddingCache> m_cache;
    std::unique_ptr<Metrics> m_metrics;
    std::shared_ptr<VectorIndex> m_index; // replaced whole by rebuildIndex(), under m_indexMutex
    mutable std::mutex m_indexMutex;
    std::unique_ptr<SearchLog> m_searchLog;
    std::unique_ptr<SearchEngine> m_search;
    std::mutex m_indexSaveMutex;
    qint64 m_indexSavedWatermark = -1;
    IndexOpenReport m_indexReport;
    QStringList m_warnings;
    std::unique_ptr<JobScheduler> m_scheduler;

    std::thread m_sampler;
    std::mutex m_samplerMutex;
    std::condition_variable m_samplerCv;
    bool m_samplerStop = false;
};

} // namespace kms
