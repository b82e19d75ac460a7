// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"
#include "engine/RecordEdits.h"
#include "ingest/JobScheduler.h"
#include "search/SearchEngine.h"
#include "search/SearchLog.h"
#include "storage/Store.h"

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
    QJsonObject health(bool detailed);
    // Runs f with the read connection, serialised with other queries.
    template<typename F> auto withReader(F &&f)
    {
        std::lock_guard guard(m_readerMutex);
        return f(*m_reader);
    }

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
    // The FTS5 expression for a browse query's text and tag; copies filters typed in the text.
    QString browseMatch(const BrowseQuery &query, BrowseQuery *effective) const;
    // Index changes the editor made, by record id with the change sequence they committed at: a
    // job's indexer must not apply an older change of the same record after them. Both with
    // m_directChangesMutex held (the indexer holds it across its check and its index update).
    void noteDirectIndexChange(qint64 id, qint64 seq);
    bool isSupersededIndexChange(qint64 id, qint64 seq) const;
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

    std::mutex m_directChangesMutex;
    QHash<qint64, qint64> m_directChanges; // record id -> seq (cleared when no job runs)

    std::thread m_sampler;
    std::mutex m_samplerMutex;
    std::condition_variable m_samplerCv;
    bool m_samplerStop = false;
};

} // namespace kms
