// SPDX-License-Identifier: MIT
#pragma once

#include "model/ApiToken.h"
#include "model/Browse.h"
#include "model/Job.h"
#include "model/MetricBucket.h"
#include "model/Record.h"
#include "model/StoreCounts.h"
#include "model/StoredRecord.h"
#include "model/SyncSchedule.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

struct sqlite3;

namespace kms {

class TextCodec;

// One record ready for the writer (produced by the ingestion workers).
struct RecordWrite {
    Record record;
    quint64 contentHash = 0;
    quint64 textHash = 0;
    // Matching-form text for the FTS5 columns.
    QString titleText, bodyText, resolutionText, tagsText;
    std::vector<float> vector;  // always set: the index needs it
    // Not yet in the embeddings table. Informational: the writer INSERT OR IGNOREs the vector of
    // every record it writes, because a vector taken from a memory cache may have been deleted as
    // an orphan by an earlier batch.
    bool vectorIsNew = false;
};

struct BatchWrite {
    qint64 jobId = 0;                   // 0: not part of a job (GUI edit, tests)
    std::vector<RecordWrite> records;
    std::vector<RejectInfo> rejects;
    qint64 readSoFar = 0;               // reader count to persist with the job counts
    qint64 adjusted = 0;                // records the input rules changed or flagged
};

struct IndexChange {
    qint64 id = 0;
    std::vector<float> vector;          // empty for a deletion
};

struct BatchOutcome {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    int rejected = 0;
    int adjusted = 0;
    qint64 seq = 0;                     // the watermark this batch committed
    std::vector<IndexChange> indexChanges; // inserted and updated records, for the vector index
};

struct ExistingRecord {
    qint64 id = 0;
    quint64 contentHash = 0;
};

// The outcome of one integrity check of the store.
struct StoreCheck {
    bool ok = false;
    bool cancelled = false; // stopped by the cancel flag before it finished
    QString message;        // "ok", or what SQLite found
};

// The SQLite store: the source of truth. WAL mode, versioned migrations (resources/schema/NNNN_*.sql),
// FTS5 over the matching-form text, vectors as float32 BLOBs tagged with their embedder.
// One Store object is one connection and belongs to one thread at a time. The process has one
// writable Store (the writer); readers open their own read-only Store on the same file.
// Errors never throw: calls return false / empty and lastError() says what failed.
class Store
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens (creating and migrating when ReadWrite) the database file. ":memory:" works for tests.
    static std::unique_ptr<Store> open(const QString &path, Mode mode, QString *error);

    QString lastError() const { return m_lastError; }
    QString path() const { return m_path; }
    int schemaVersion() const;
    static int latestSchemaVersion();
    int pageSize() const; // bytes: 16384 for a store this version made, 4096 for older ones

    // ---- embedder registry: the store is bound to one embedder id at a time --------------------
    // Returns the integer key of an embedder id string, registering it when new.
    int embedderKey(const QString &embedderId);
    // The embedder id the stored vectors were made with, or empty for an empty store.
    QString activeEmbedder() const;
    bool setActiveEmbedder(const QString &embedderId);

    // ---- ingestion -------------------------------------------------------------------------------
    // Stored id and content hash of the given external ids (missing ones are absent).
    QHash<QString, ExistingRecord> existing(Collection c, const QStringList &externalIds);
    // Stored vectors of the given text hashes for the active embedder (missing ones are absent).
    QHash<quint64, std::vector<float>> embeddings(const QList<quint64> &textHashes);
    // Writes a batch in ONE transaction: upserts by (collection, external id) skipping rows whose
    // content hash is unchanged, FTS rows, new embeddings, rejects, and the job's counters.
    // All or nothing: on failure nothing of the batch is stored. Retries SQLITE_BUSY with backoff.
    // resolvedRejects: rejects the batch fixes (a retried record), deleted in the same transaction,
    // so a fixed record and its reject never both exist or both vanish.
    std::optional<BatchOutcome> writeBatch(const BatchWrite &batch, std::span<const qint64> resolvedRejects = {});

    // ---- the vector backlog (StoreBacklog.cpp) -----------------------------------------------------
    // Records without a vector of the active embedder: their embedding failed (the embedder was
    // down) and a background worker fills them in. Keyword search finds them meanwhile.
    qint64 vectorBacklogCount();                 // -1 on error
    // Up to `limit` of them with id > afterId, in id order.
    bool vectorBacklogPage(qint64 afterId, int limit, std::vector<StoredRecord> *out);
    // In one transaction: stores the vectors (dimension floats each, back to back) of these texts
    // under embedderId, which must still be the active embedder, and gives every record with such
    // a text a new change sequence. The outcome lists those records and their vectors for the
    // index (`updated` counts them); texts no record has any more are skipped.
    std::optional<BatchOutcome> fillVectors(const QString &embedderId, int dimension,
                                            std::span<const quint64> textHashes, std::span<const float> vectors);

    // ---- records ---------------------------------------------------------------------------------
    std::optional<StoredRecord> record(qint64 id);
    std::optional<StoredRecord> record(Collection c, const QString &externalId);
    bool deleteRecord(qint64 id);        // also its FTS row; leaves a tombstone for the index
    StoreCounts counts();
    qint64 watermark();                  // last committed change sequence
    // Every live record's vector (active embedder) with seq > afterSeq, in id order, streamed from
    // one read snapshot; fn returns false to stop. fn must not call this Store.
    bool forEachVector(qint64 afterSeq, const std::function<bool(qint64 id, std::span<const float>)> &fn);
    // Ids deleted after afterSeq (tombstones), for catching the index up.
    QList<qint64> deletedSince(qint64 afterSeq);

    // ---- changing the embedder (StoreEmbedders.cpp) -------------------------------------------------
    // A re-embed writes the new embedder's vectors beside the active ones, then switches in one
    // transaction: until then every reader keeps using the old vectors.
    // Up to `limit` live records with seq > afterSeq and id > afterId, in id order: a walk in short
    // read transactions, so the WAL can be checkpointed while a long re-embed writes. False on error.
    bool recordPage(qint64 afterSeq, qint64 afterId, int limit, std::vector<StoredRecord> *out);
    // Rewrites vectors older versions stored (float32, half precision) in 8 bits (VectorBlob.h),
    // `batch` rows per transaction, so it can stop at any point (cancel, kill) and go on from there
    // the next time. progress(converted so far, to convert at the start) after each batch.
    // Returns the rows converted, or -1 on failure (lastError) and -2 when cancelled.
    qint64 compactVectors(int batch, const std::function<void(qint64, qint64)> &progress,
                          const std::atomic<bool> *cancel);
    // Compresses the long texts that rows keep as plain text (written by earlier versions, or
    // before their collection had a dictionary): trains a collection's dictionary on its stored
    // records first when it has none and enough text. Same batches, progress and returns as
    // compactVectors (rows compressed).
    qint64 compactTexts(int batch, const std::function<void(qint64, qint64)> &progress,
                        const std::atomic<bool> *cancel);
    // Gives the free pages back to the file system (VACUUM): needs about the database's size in
    // free disk space while it runs. False on failure (lastError).
    bool vacuum();
    // ---- the full-text index's layout and form (StoreFullTextForm.cpp) ---------------------------
    // The matching form of one field (the text module's Normalizer::matchingText): what the
    // full-text index holds of a record's title, body, resolution and tags (joined by spaces).
    using MatchingForm = std::function<QString(QStringView)>;
    // Stores of older versions keep a copy of every matching-form text inside FTS5 (a quarter of
    // a database). A rebuilt index keeps none (a contentless FTS5 table): changing or deleting a
    // record then takes its stored fields through the same form again to name the terms to
    // remove, so the form has an id (a fingerprint of the normaliser and its term list) and an
    // index made under another form must be rebuilt before a record may change.
    void setMatchingForm(MatchingForm form, const QString &formId);
    bool fullTextKeepsCopy();   // the older layout
    // True when the index keeps no copy and was made under the form set here.
    bool fullTextCurrent();
    // Rebuilds the full-text index from the records under the form set here, keeping no copy:
    // `batch` records per transaction into a new table, which replaces the old one in a last
    // transaction (until then searches use the old one). A stop (cancel, kill) keeps what is done
    // and the next call goes on from there, unless a record changed meanwhile. progress(records
    // done, records). *reformed: records whose kept copy differed from the form (indexed under an
    // older term list). Returns the records indexed, -1 on failure (lastError), -2 when cancelled.
    qint64 rebuildFullText(int batch, const std::function<void(qint64, qint64)> &progress,
                           const std::atomic<bool> *cancel, qint64 *reformed = nullptr);
    // Stores vectors (dimension floats each, back to back) for text hashes under an embedder that
    // need not be the active one; existing rows are kept, or replaced with `replace` (a re-embed
    // under the same id, whose model changed behind it). One transaction.
    bool putEmbeddings(const QString &embedderId, int dimension, std::span<const quint64> textHashes,
                       std::span<const float> vectors, bool replace = false);
    // Makes embedderId the active embedder and writes the meta values, in one transaction, with
    // the records' new text hashes (record id, hash): an embedder that reads another form of the
    // text (display text, not tokens) keys its vectors by the hash of what it read.
    bool activateEmbedder(const QString &embedderId, const QHash<QString, QString> &metaValues,
                          std::span<const std::pair<qint64, quint64>> textHashes = {});
    // Characters and records of every live record's embedding text estimate, for the cost of a
    // re-embed: title, body, resolution and tags lengths summed. False on error.
    bool textVolume(qint64 *records, qint64 *characters);
    // Deletes the vectors of one embedder; of every embedder but the active one plus vectors no
    // record points to. Return the rows deleted, -1 on error.
    qint64 deleteEmbeddings(const QString &embedderId);
    qint64 deleteUnusedEmbeddings();
    // ---- indexes a load into an empty store builds at its end (StoreDeferredIndexes.cpp) ---------
    // Each record a load writes lands on a random page of every index of the records table; the
    // nine only reading uses (the data browser's sorts and value lists, the status and update-time
    // lookups) took a quarter of a million-record load's time (docs/performance.md).
    // deferReadIndexes() drops them and keeps their definitions in meta, in one transaction.
    // While they are away the browser's queries let SQLite choose (slower, same answers).
    // buildDeferredIndexes() creates them again, one transaction each, so a stop (cancel, kill)
    // keeps those done and the next call (the engine's next start) goes on; progress(built, to
    // build) before each and after the last. Returns the indexes built, -1 on failure (lastError).
    bool deferReadIndexes();
    bool readIndexesDeferred() const;
    int buildDeferredIndexes(const std::function<void(int, int)> &progress);
    // ---- browsing (the data browser) ----------------------------------------------------------------
    // ftsMatch: an FTS5 MATCH expression standing for BrowseQuery::text and tag (the search module
    // makes it), empty for none. Counts and pages are exact for the query; `matching` is the count
    // when known (it picks the cheaper plan), -1 otherwise. Errors: -1 / BrowsePage::error.
    qint64 browseCount(const BrowseQuery &q, const QString &ftsMatch);
    BrowsePage browsePage(const BrowseQuery &q, const QString &ftsMatch, qint64 offset, int limit,
                          qint64 matching = -1);
    BrowseFacets browseFacets(Collection c);
    // The ids of all matching records in browse order (see BrowseIds).
    BrowseIds browseIds(const BrowseQuery &q, const QString &ftsMatch);
    // The rows of these records in this order; a deleted one comes back with exists = false.
    BrowsePage browseRows(const QList<qint64> &ids);
    // Every matching record, whole, in browse order; fn returns false to stop. One statement, so one
    // snapshot even while a job writes.
    bool forEachBrowsed(const BrowseQuery &q, const QString &ftsMatch, qint64 matching,
                        const std::function<bool(const StoredRecord &)> &fn);
    // The distinct Record::extra field names of the matching records (CSV export columns).
    QStringList browseExtraKeys(const BrowseQuery &q, const QString &ftsMatch);
    // The page query's plan (EXPLAIN QUERY PLAN details, one per line), for tests.
    QString explainBrowse(const BrowseQuery &q, const QString &ftsMatch, qint64 matching);
    // A read transaction around several calls, so they see one state of the database.
    bool beginSnapshot();
    void endSnapshot();
    // Rows an FTS5 expression matches (all collections); -1 on error.
    qint64 ftsMatchCount(const QString &ftsMatch);

    // ---- jobs and rejects --------------------------------------------------------------------------
    qint64 createJob(const JobInfo &job);                   // returns the new id, 0 on error
    bool updateJob(const JobInfo &job);                     // status, counts, times, error
    std::optional<JobInfo> job(qint64 id);
    QList<JobInfo> jobs(int limit = 100);                   // newest first
    QList<RejectInfo> rejects(qint64 jobId, int limit = 1000, int offset = 0); // jobId 0: all jobs
    std::optional<RejectInfo> reject(qint64 rejectId);
    bool deleteReject(qint64 rejectId);
    // Jobs a process that died left behind: 'running' or 'paused' ones are marked failed
    // ("interrupted"), 'queued' ones cancelled ("not run ... submit it again"). Returns how many.
    int markInterruptedJobs();

    // ---- scheduled syncs (StoreSchedules.cpp) ------------------------------------------------------
    QList<SyncSchedule> schedules();                 // soonest next run first
    std::optional<SyncSchedule> schedule(qint64 id);
    qint64 addSchedule(const SyncSchedule &s);       // returns the new id, 0 on error
    bool updateSchedule(const SyncSchedule &s);      // every column but id and created_at
    bool removeSchedule(qint64 id);

    // ---- REST API tokens (StoreTokens.cpp) --------------------------------------------------------
    // tokenHash: hex SHA-256 of the token; the token itself is never stored.
    qint64 addApiToken(const QString &name, ApiTokenScope scope, const QByteArray &tokenHash); // id, 0 on error
    QList<ApiToken> apiTokens();                      // in force first, then revoked; by name
    // The token in force with this hash, and the stored hash (for the caller's constant-time check).
    std::optional<ApiToken> activeApiToken(const QByteArray &tokenHash, QByteArray *storedHash);
    bool revokeApiToken(const QString &name);         // false + lastError() when none is in force
    bool touchApiToken(qint64 id, const QDateTime &usedAt);

    // ---- metrics history -------------------------------------------------------------------------
    bool appendMetrics(const QList<MetricSample> &samples);
    QList<MetricSample> metrics(const QString &name, qint64 fromMs, qint64 toMs);
    // Several metrics over [fromMs, toMs], each aggregated into buckets of widthMs, oldest first;
    // every name is a key of the result (an empty list when it has no samples there).
    QHash<QString, QList<MetricBucket>> metricBuckets(const QStringList &names, qint64 fromMs, qint64 toMs,
                                                      qint64 widthMs);
    bool pruneMetrics(qint64 olderThanMs);

    // ---- meta, maintenance -----------------------------------------------------------------------
    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);
    bool removeMeta(const QString &key);
    QString quickCheck();                // "ok" or SQLite's message
    QString integrityCheck();
    // PRAGMA integrity_check, then every compressed text decoded; stoppable through *cancel.
    StoreCheck checkIntegrity(const std::atomic<bool> *cancel);
    // FTS5's own integrity-check of the full-text index against its rows, and the full-text row
    // count against the records. FTS5 runs its check as a write statement: needs a writable
    // connection, and holds the write lock while it runs.
    StoreCheck checkFullText(const std::atomic<bool> *cancel);
    bool checkpoint();                   // WAL checkpoint (truncate)

private:
    // The raw connection, for core/storage's own files and the tests (storage/StoreConnection.h);
    // nothing else may reach SQLite (CTest storage_sqlite_confined).
    friend sqlite3 *connectionOf(const Store &store);
    friend class SearchQueries;  // the search module's reads (SearchQueries.h)
    friend class SearchLogTable; // the search analytics (SearchLogTable.h)
    Store() = default;
    bool exec(const char *sql);
    bool migrate();
    bool openConnection();
    bool applyPragmas();
    // The embedder key of the stored vectors; re-read on read-only connections, whose writer may
    // have switched embedders since they opened.
    int activeKey();
    // Runs body between BEGIN IMMEDIATE and COMMIT; rolls back when it returns anything but
    // SQLITE_OK and retries the whole transaction a few times when the database is busy.
    bool writeTransaction(const std::function<int()> &body);
    int writeBatchOnce(const BatchWrite &batch, std::span<const qint64> resolvedRejects, BatchOutcome *out);
    // Removes record id's terms from the full-text index (both layouts); inside a transaction,
    // before the record's row changes. Returns an SQLite code.
    int forgetFullText(qint64 id);
    // A deferred read transaction: one consistent snapshot for a run of single-row lookups.
    bool beginRead();
    void endRead();
    int fail(const QString &message, int rc = 1 /* SQLITE_ERROR */);
    int sqlFail(const QString &context, int rc); // message + sqlite3_errmsg

    sqlite3 *m_db = nullptr;
    QString m_path;
    QString m_lastError;
    Mode m_mode = Mode::ReadWrite;
    int m_activeEmbedderKey = 0;
    MatchingForm m_form;
    QString m_formId;
    std::optional<bool> m_ftsKeepsCopy; // read from the schema when first needed
    // Compresses and decodes long record texts (kms_text() on this connection); the dictionaries
    // new values use are read from the store at the first write.
    std::unique_ptr<TextCodec> m_codec;
    bool m_codecLoaded = false;
    bool loadTextDictionaries();
    void forgetTextDictionaries();
    // Trains a dictionary for each collection that has none on its stored records (compactTexts).
    bool trainFromStoredRecords();
    // Trains, outside the write transaction, a dictionary for each collection of the batch that
    // has none yet and offers enough text; returns them by collection.
    QHash<int, QByteArray> trainTextDictionaries(const BatchWrite &batch);
    int storeTextDictionaries(const QHash<int, QByteArray> &trained);
    struct Statements;
    std::unique_ptr<Statements> m_stmts; // prepared once, reused
};

} // namespace kms
