// SPDX-License-Identifier: MIT
#pragma once

// Internal to kms_storage: thin RAII helpers over the sqlite3 C API and the prepared statements
// a Store keeps for its whole life.

#include "storage/Store.h"
#include "storage/VectorBlob.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <sqlite3.h>

#include <array>
#include <span>
#include <utility>
#include <vector>

namespace kms::sql {

// 64-bit hashes live in INTEGER columns as their two's-complement bit pattern.
inline qint64 toDb(quint64 h) { return static_cast<qint64>(h); }
inline quint64 fromDb(qint64 v) { return static_cast<quint64>(v); }

inline QString errorOf(sqlite3 *db) { return QString::fromUtf8(sqlite3_errmsg(db)); }

// A statement finalised with its owner: either one of a Store's long-lived statements (a literal,
// prepared once at open) or one built at run time around filters or id lists (owns its text,
// prepared for a single use).
class Statement
{
public:
    explicit Statement(const char *sql) : m_sql(sql) {}
    explicit Statement(const QString &sql) : m_owned(sql.toUtf8()), m_sql(m_owned.constData()) {}
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // persistent: kept for the Store's life, so SQLite may place it outside its lookaside memory.
    bool prepare(sqlite3 *db, QString *error, bool persistent = true)
    {
        const unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0;
        if (sqlite3_prepare_v3(db, m_sql, -1, flags, &m_stmt, nullptr) == SQLITE_OK)
            return true;
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        if (error)
            *error = QStringLiteral("cannot prepare \"%1\": %2").arg(QString::fromUtf8(m_sql), errorOf(db));
        return false;
    }
    bool ok() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }

private:
    QByteArray m_owned; // before m_sql: m_sql may point into it
    const char *m_sql;
    sqlite3_stmt *m_stmt = nullptr;
};

// One use of a prepared statement: bind, step, read columns. Resets on scope exit so the
// statement is ready for the next use and releases its read snapshot.
class Query
{
public:
    explicit Query(const Statement &s) : m_stmt(s.get()) {}
    ~Query()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;

    // Texts and blobs are bound SQLITE_STATIC: callers keep them alive until the last step().
    Query &bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); return *this; }
    Query &bind(int i, int v) { sqlite3_bind_int(m_stmt, i, v); return *this; }
    Query &bind(int i, double v) { sqlite3_bind_double(m_stmt, i, v); return *this; }
    Query &bindText(int i, const QString &v)
    {
        sqlite3_bind_text16(m_stmt, i, v.utf16(), int(v.size() * sizeof(char16_t)), SQLITE_STATIC);
        return *this;
    }
    // Empty text is stored as NULL: the model does not distinguish the two.
    Query &bindTextOrNull(int i, const QString &v)
    {
        return v.isEmpty() ? bindNull(i) : bindText(i, v);
    }
    Query &bindUtf8OrNull(int i, const QByteArray &v)
    {
        if (v.isEmpty())
            return bindNull(i);
        sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_STATIC);
        return *this;
    }
    Query &bindTime(int i, const QDateTime &t)
    {
        return t.isValid() ? bind(i, t.toMSecsSinceEpoch()) : bindNull(i);
    }
    // In the stored form (VectorBlob.h), copied: the encoded blob is a temporary.
    Query &bindVector(int i, std::span<const float> v)
    {
        const QByteArray blob = vectorblob::encode(v);
        sqlite3_bind_blob(m_stmt, i, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Query &bindNull(int i) { sqlite3_bind_null(m_stmt, i); return *this; }
    // Not copied: the bytes belong to the caller until the step.
    Query &bindBlob(int i, const QByteArray &v)
    {
        sqlite3_bind_blob(m_stmt, i, v.constData(), int(v.size()), SQLITE_STATIC);
        return *this;
    }
    // Run-time parameters (filters): QString values as text, anything else as an integer, from
    // index `first` on. Copied, so the list may be a temporary. Returns the next free index.
    int bindAll(int first, const QVariantList &values)
    {
        int i = first;
        for (const QVariant &v : values) {
            if (v.typeId() == QMetaType::QString) {
                const QString text = v.toString();
                sqlite3_bind_text16(m_stmt, i, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_int64(m_stmt, i, v.toLongLong());
            }
            ++i;
        }
        return i;
    }
    Query &bindTextCopy(int i, const QString &v)
    {
        sqlite3_bind_text16(m_stmt, i, v.utf16(), int(v.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
        return *this;
    }

    int step() { return sqlite3_step(m_stmt); }
    // SQLite's message for the last failed step, from the statement's connection.
    QString error() const { return errorOf(sqlite3_db_handle(m_stmt)); }

    int int32(int c) const { return sqlite3_column_int(m_stmt, c); }
    qint64 int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    double real(int c) const { return sqlite3_column_double(m_stmt, c); }
    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    int type(int c) const { return sqlite3_column_type(m_stmt, c); }
    QString text(int c) const
    {
        const auto *p = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, c));
        return p ? QString::fromUtf16(p, sqlite3_column_bytes16(m_stmt, c) / 2) : QString();
    }
    QByteArray utf8(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, c)) : QByteArray();
    }
    QByteArray blob(int c) const
    {
        const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, c));
        return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, c)) : QByteArray();
    }
    QDateTime time(int c) const
    {
        return isNull(c) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(int64(c), Qt::UTC);
    }
    // A stored vector, valid until the next step() or vector() call on this query.
    std::span<const float> vector(int c) const
    {
        const void *p = sqlite3_column_blob(m_stmt, c);
        return vectorblob::decode(p, sqlite3_column_bytes(m_stmt, c), &m_widened);
    }

private:
    sqlite3_stmt *m_stmt;
    mutable std::vector<float> m_widened;
};

// Registers kms_query_key(text), the key search-log queries are grouped by, on a connection.
bool registerQueryKeyFunction(sqlite3 *db);

// Registers the FTS5 ranking function kms_bm25() on a connection (FtsRanking.cpp says what it takes).
bool registerRankFunction(sqlite3 *db);

// Registers kms_fold(text), the Unicode case folding search filters compare with (FilterSql.cpp).
bool registerFoldFunction(sqlite3 *db);

// Ids for an IN (...) list. Integers only, so the text cannot carry anything but numbers.
inline QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

// The columns of a whole record, in the order readRecord() expects (table alias r).
inline constexpr const char *kRecordColumns =
    "r.id, r.collection, r.external_id, r.title, kms_text(r.body), kms_text(r.resolution), r.status, r.priority,"
    " r.product, r.category, r.tags, r.created_at, r.updated_at, kms_text(r.extra), r.content_hash, r.text_hash, r.seq";
StoredRecord readRecord(const Query &q);
// The extra fields as stored: compact JSON, {} (NULL) when there are none.
QByteArray extraJson(const QJsonObject &extra);

} // namespace kms::sql

namespace kms {

// Every statement a Store reuses. Prepared together at open so a schema mismatch shows up there.
struct Store::Statements
{
    // records
    sql::Statement findRecord{"SELECT id, content_hash, text_hash FROM records WHERE collection = ?1 AND external_id = ?2"};
    sql::Statement insertRecord{
        "INSERT INTO records (collection, external_id, title, body, resolution, status, priority, product,"
        " category, tags, created_at, updated_at, extra, content_hash, text_hash, seq, ingested_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"};
    sql::Statement updateRecord{
        "UPDATE records SET title = ?3, body = ?4, resolution = ?5, status = ?6, priority = ?7,"
        " product = ?8, category = ?9, tags = ?10, created_at = ?11, updated_at = ?12, extra = ?13,"
        " content_hash = ?14, text_hash = ?15, seq = ?16, ingested_at = ?17 WHERE id = ?1"};
    sql::Statement selectRecordById{
        "SELECT id, collection, external_id, title, kms_text(body), kms_text(resolution), status, priority, product, category,"
        " tags, created_at, updated_at, kms_text(extra), content_hash, text_hash, seq FROM records WHERE id = ?1"};
    sql::Statement selectRecordByKey{
        "SELECT id, collection, external_id, title, kms_text(body), kms_text(resolution), status, priority, product, category,"
        " tags, created_at, updated_at, kms_text(extra), content_hash, text_hash, seq FROM records"
        " WHERE collection = ?1 AND external_id = ?2"};
    sql::Statement textHashOf{"SELECT text_hash FROM records WHERE id = ?1"};
    sql::Statement deleteRecord{"DELETE FROM records WHERE id = ?1"};
    sql::Statement insertTombstone{"INSERT INTO tombstones (record_id, seq) VALUES (?1, ?2)"};
    sql::Statement deletedSince{"SELECT record_id FROM tombstones WHERE seq > ?1 ORDER BY seq, record_id"};

    // full-text
    sql::Statement insertFts{"INSERT INTO records_fts (rowid, title, body, resolution, tags) VALUES (?1, ?2, ?3, ?4, ?5)"};
    sql::Statement deleteFts{"DELETE FROM records_fts WHERE rowid = ?1"};
    // A table without a copy of its text forgets a row only when told the terms it was given.
    sql::Statement forgetFts{"INSERT INTO records_fts (records_fts, rowid, title, body, resolution, tags)"
                             " VALUES ('delete', ?1, ?2, ?3, ?4, ?5)"};
    sql::Statement indexedFieldsOf{"SELECT title, kms_text(body), kms_text(resolution), tags FROM records WHERE id = ?1"};

    // embeddings
    sql::Statement insertEmbedding{"INSERT OR IGNORE INTO embeddings (embedder_id, text_hash, vector) VALUES (?1, ?2, ?3)"};
    sql::Statement replaceEmbedding{"INSERT OR REPLACE INTO embeddings (embedder_id, text_hash, vector) VALUES (?1, ?2, ?3)"};
    sql::Statement selectEmbedding{"SELECT vector FROM embeddings WHERE embedder_id = ?1 AND text_hash = ?2"};
    sql::Statement deleteOrphanEmbedding{
        "DELETE FROM embeddings WHERE text_hash = ?1"
        " AND NOT EXISTS (SELECT 1 FROM records WHERE text_hash = ?1)"};
    sql::Statement vectorsAfter{
        "SELECT r.id, e.vector FROM records r JOIN embeddings e"
        " ON e.embedder_id = ?1 AND e.text_hash = r.text_hash WHERE r.seq > ?2 ORDER BY r.id"};
    sql::Statement selectEmbedder{"SELECT id FROM embedders WHERE name = ?1"};
    sql::Statement insertEmbedder{"INSERT INTO embedders (name) VALUES (?1)"};

    // meta
    sql::Statement selectMeta{"SELECT value FROM meta WHERE key = ?1"};
    sql::Statement upsertMeta{"INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value"};
    sql::Statement deleteMeta{"DELETE FROM meta WHERE key = ?1"};
    sql::Statement bumpSeq{"UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq' RETURNING CAST(value AS INTEGER)"};

    // jobs, rejects
    sql::Statement insertJob{
        "INSERT INTO jobs (source, options, status, priority, read, inserted, updated, unchanged, rejected,"
        " batches, started_at, finished_at, records_per_second, error, adjusted, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"};
    sql::Statement updateJob{
        "UPDATE jobs SET source = ?2, options = ?3, status = ?4, priority = ?5, read = ?6, inserted = ?7,"
        " updated = ?8, unchanged = ?9, rejected = ?10, batches = ?11, started_at = ?12, finished_at = ?13,"
        " records_per_second = ?14, error = ?15, adjusted = ?16 WHERE id = ?1"};
    sql::Statement addJobCounts{
        "UPDATE jobs SET read = max(read, ?2), inserted = inserted + ?3, updated = updated + ?4,"
        " unchanged = unchanged + ?5, rejected = rejected + ?6, adjusted = adjusted + ?7, batches = batches + 1"
        " WHERE id = ?1"};
    sql::Statement selectJob{
        "SELECT id, source, options, status, priority, read, inserted, updated, unchanged, rejected, batches,"
        " started_at, finished_at, records_per_second, error, adjusted FROM jobs WHERE id = ?1"};
    sql::Statement selectJobs{
        "SELECT id, source, options, status, priority, read, inserted, updated, unchanged, rejected, batches,"
        " started_at, finished_at, records_per_second, error, adjusted FROM jobs ORDER BY id DESC LIMIT ?1"};
    sql::Statement insertReject{
        "INSERT INTO rejects (job_id, source, record_number, line, field, reason, raw_data, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"};
    sql::Statement selectRejects{
        "SELECT id, job_id, source, record_number, line, field, reason, raw_data FROM rejects"
        " WHERE ?1 = 0 OR job_id = ?1 ORDER BY id LIMIT ?2 OFFSET ?3"};
    sql::Statement deleteReject{"DELETE FROM rejects WHERE id = ?1"};
    // A fixed reject leaves its job's rejected count; the fixed record's outcome (?2 inserted,
    // ?3 updated, ?4 unchanged) joins the job's counts, so they still add up to what it read.
    sql::Statement resolveRejectCounts{
        "UPDATE jobs SET rejected = max(rejected - 1, 0), inserted = inserted + ?2, updated = updated + ?3,"
        " unchanged = unchanged + ?4 WHERE id = (SELECT job_id FROM rejects WHERE id = ?1)"};

    // metrics
    sql::Statement insertMetric{"INSERT INTO metrics (ts, name, value) VALUES (?1, ?2, ?3)"};
    sql::Statement selectMetrics{"SELECT ts, value FROM metrics WHERE name = ?1 AND ts >= ?2 AND ts <= ?3 ORDER BY ts"};
    // Timestamps are positive, so integer division is the floor of bucketStart().
    sql::Statement selectMetricBuckets{
        "SELECT ts / ?4 AS b, max(ts), avg(value), max(value), count(*) FROM metrics"
        " WHERE name = ?1 AND ts >= ?2 AND ts <= ?3 GROUP BY b ORDER BY b"};

    bool prepareAll(sqlite3 *db, QString *error)
    {
        for (sql::Statement *s : all())
            if (!s->prepare(db, error))
                return false;
        return true;
    }

private:
    std::array<sql::Statement *, 36> all()
    {
        return {&findRecord, &insertRecord, &updateRecord, &selectRecordById, &selectRecordByKey,
                &textHashOf, &deleteRecord, &insertTombstone, &deletedSince, &insertFts,
                &deleteFts, &forgetFts, &indexedFieldsOf, &insertEmbedding, &replaceEmbedding, &selectEmbedding, &deleteOrphanEmbedding, &vectorsAfter,
                &selectEmbedder, &insertEmbedder, &selectMeta, &upsertMeta, &deleteMeta, &bumpSeq, &insertJob,
                &updateJob, &addJobCounts, &selectJob, &selectJobs, &insertReject, &selectRejects,
                &deleteReject, &resolveRejectCounts, &insertMetric, &selectMetrics, &selectMetricBuckets};
    }
};

} // namespace kms
