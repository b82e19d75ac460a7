// SPDX-License-Identifier: MIT
// Records, full-text rows, embeddings and the change watermark.
#include "storage/Store.h"
#include "storage/StoreSql.h"
#include "storage/TextCodec.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kms {

namespace {

QByteArray tagsJson(const QStringList &tags)
{
    if (tags.isEmpty())
        return {};
    return QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact);
}

QString describe(const Record &r)
{
    return QStringLiteral("record '%1' (%2)").arg(r.externalId, collectionName(r.collection));
}

// A record's long texts as stored: compressed where the collection has a dictionary and that
// saves space, else empty (the text is stored as it is).
struct PackedTexts {
    QByteArray body, resolution, extra;
};

PackedTexts packTexts(TextCodec &codec, const Record &r, const QByteArray &extra)
{
    const int collection = int(r.collection);
    if (!codec.compresses(collection))
        return {};
    return {codec.pack(collection, r.body.toUtf8()), codec.pack(collection, r.resolution.toUtf8()),
            codec.pack(collection, extra)};
}

// Binds ?3..?17 of insertRecord / updateRecord (same numbering in both statements). The JSON
// and packed buffers are bound without copying, so they belong to the caller until the step.
void bindRecordColumns(sql::Query &q, const RecordWrite &w, const QByteArray &tags, const QByteArray &extra,
                       const PackedTexts &packed, qint64 seq, qint64 now)
{
    const Record &r = w.record;
    q.bindTextOrNull(3, r.title);
    packed.body.isEmpty() ? q.bindTextOrNull(4, r.body) : q.bindBlob(4, packed.body);
    packed.resolution.isEmpty() ? q.bindTextOrNull(5, r.resolution) : q.bindBlob(5, packed.resolution);
    q.bindTextOrNull(6, r.status)
        .bindTextOrNull(7, r.priority)
        .bindTextOrNull(8, r.product)
        .bindTextOrNull(9, r.category)
        .bindUtf8OrNull(10, tags)
        .bindTime(11, r.createdAt)
        .bindTime(12, r.updatedAt);
    packed.extra.isEmpty() ? q.bindUtf8OrNull(13, extra) : q.bindBlob(13, packed.extra);
    q.bind(14, sql::toDb(w.contentHash))
        .bind(15, sql::toDb(w.textHash))
        .bind(16, seq)
        .bind(17, now);
}

} // namespace

QByteArray sql::extraJson(const QJsonObject &extra)
{
    if (extra.isEmpty())
        return {};
    return QJsonDocument(extra).toJson(QJsonDocument::Compact);
}

// Columns as selected by selectRecordById / selectRecordByKey (kRecordColumns).
StoredRecord sql::readRecord(const sql::Query &q)
{
    StoredRecord s;
    s.id = q.int64(0);
    Record &r = s.record;
    r.collection = q.int64(1) == int(Collection::Knowledge) ? Collection::Knowledge : Collection::Cases;
    r.externalId = q.text(2);
    r.title = q.text(3);
    r.body = q.text(4);
    r.resolution = q.text(5);
    r.status = q.text(6);
    r.priority = q.text(7);
    r.product = q.text(8);
    r.category = q.text(9);
    if (!q.isNull(10)) {
        const QJsonArray tags = QJsonDocument::fromJson(q.utf8(10)).array();
        r.tags.reserve(tags.size());
        for (const QJsonValue &t : tags)
            r.tags << t.toString();
    }
    r.createdAt = q.time(11);
    r.updatedAt = q.time(12);
    if (!q.isNull(13))
        r.extra = QJsonDocument::fromJson(q.utf8(13)).object();
    s.contentHash = sql::fromDb(q.int64(14));
    s.textHash = sql::fromDb(q.int64(15));
    s.seq = q.int64(16);
    return s;
}

// ---- lookups for the pipeline -----------------------------------------------------------------------
// One reused single-row statement inside one read transaction. Measured as fast as IN lists of
// 500 parameters (~0.5 M lookups/s both, bench_storage lookupStrategies) and simpler.

QHash<QString, ExistingRecord> Store::existing(Collection c, const QStringList &externalIds)
{
    QHash<QString, ExistingRecord> found;
    if (externalIds.isEmpty() || !beginRead())
        return found;
    found.reserve(externalIds.size());
    for (const QString &externalId : externalIds) {
        sql::Query q(m_stmts->findRecord);
        q.bind(1, int(c)).bindText(2, externalId);
        const int rc = q.step();
        if (rc == SQLITE_ROW) {
            found.insert(externalId, {q.int64(0), sql::fromDb(q.int64(1))});
        } else if (rc != SQLITE_DONE) {
            sqlFail(QStringLiteral("looking up record '%1'").arg(externalId), rc);
            break;
        }
    }
    endRead();
    return found;
}

QHash<quint64, std::vector<float>> Store::embeddings(const QList<quint64> &textHashes)
{
    QHash<quint64, std::vector<float>> found;
    const int key = activeKey();
    if (key == 0 || textHashes.isEmpty() || !beginRead())
        return found;
    found.reserve(textHashes.size());
    for (const quint64 hash : textHashes) {
        sql::Query q(m_stmts->selectEmbedding);
        q.bind(1, key).bind(2, sql::toDb(hash));
        const int rc = q.step();
        if (rc == SQLITE_ROW) {
            const std::span<const float> v = q.vector(0);
            found.insert(hash, std::vector<float>(v.begin(), v.end()));
        } else if (rc != SQLITE_DONE) {
            sqlFail(QStringLiteral("looking up embedding %1").arg(hash), rc);
            break;
        }
    }
    endRead();
    return found;
}

// ---- the batch writer -------------------------------------------------------------------------------

std::optional<BatchOutcome> Store::writeBatch(const BatchWrite &batch, std::span<const qint64> resolvedRejects)
{
    if (!loadTextDictionaries())
        return std::nullopt;
    const QHash<int, QByteArray> trained = trainTextDictionaries(batch);
    BatchOutcome outcome;
    const bool ok = writeTransaction([&] {
        if (const int rc = storeTextDictionaries(trained); rc != SQLITE_OK)
            return rc;
        return writeBatchOnce(batch, resolvedRejects, &outcome);
    });
    if (!ok) {
        // The codec may hold a dictionary whose row was rolled back: read them again next time.
        if (!trained.isEmpty())
            forgetTextDictionaries();
        return std::nullopt;
    }
    return outcome;
}

int Store::writeBatchOnce(const BatchWrite &batch, std::span<const qint64> resolvedRejects, BatchOutcome *out)
{
    *out = BatchOutcome{}; // a busy retry starts over
    const int key = m_activeEmbedderKey;
    qint64 seq = 0;
    {
        sql::Query q(m_stmts->bumpSeq);
        const int rc = q.step();
        if (rc != SQLITE_ROW)
            return sqlFail(QStringLiteral("writeBatch: cannot advance the change sequence"), rc);
        seq = q.int64(0);
    }
    out->seq = seq;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<quint64> replacedTextHashes;
    out->indexChanges.reserve(batch.records.size());

    for (const RecordWrite &w : batch.records) {
        qint64 id = 0;
        quint64 oldTextHash = 0;
        bool exists = false;
        {
            sql::Query q(m_stmts->findRecord);
            q.bind(1, int(w.record.collection)).bindText(2, w.record.externalId);
            const int rc = q.step();
            if (rc == SQLITE_ROW) {
                exists = true;
                id = q.int64(0);
                if (sql::fromDb(q.int64(1)) == w.contentHash) {
                    ++out->unchanged;
                    continue;
                }
                oldTextHash = sql::fromDb(q.int64(2));
            } else if (rc != SQLITE_DONE) {
                return sqlFail(QStringLiteral("writeBatch: looking up %1").arg(describe(w.record)), rc);
            }
        }
        const QByteArray tags = tagsJson(w.record.tags);
        const QByteArray extra = sql::extraJson(w.record.extra);
        const PackedTexts packed = packTexts(*m_codec, w.record, extra);
        if (exists) {
            // Before the row changes: a table without a copy reads the terms to remove from it.
            if (const int rc = forgetFullText(id); rc != SQLITE_OK)
                return rc;
            sql::Query q(m_stmts->updateRecord);
            q.bind(1, id);
            bindRecordColumns(q, w, tags, extra, packed, seq, now);
            const int rc = q.step();
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("writeBatch: updating %1").arg(describe(w.record)), rc);
            if (oldTextHash != w.textHash)
                replacedTextHashes.push_back(oldTextHash);
            ++out->updated;
        } else {
            sql::Query q(m_stmts->insertRecord);
            q.bind(1, int(w.record.collection)).bindText(2, w.record.externalId);
            bindRecordColumns(q, w, tags, extra, packed, seq, now);
            const int rc = q.step();
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("writeBatch: inserting %1").arg(describe(w.record)), rc);
            id = sqlite3_last_insert_rowid(m_db);
            ++out->inserted;
        }
        {
            sql::Query q(m_stmts->insertFts);
            q.bind(1, id)
                .bindTextOrNull(2, w.titleText)
                .bindTextOrNull(3, w.bodyText)
                .bindTextOrNull(4, w.resolutionText)
                .bindTextOrNull(5, w.tagsText);
            const int rc = q.step();
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("writeBatch: full-text row of %1").arg(describe(w.record)), rc);
        }
        if (!w.vector.empty()) {
            if (key == 0)
                return fail(QStringLiteral("writeBatch: %1 has a vector but the store has no active "
                                           "embedder (setActiveEmbedder first)").arg(describe(w.record)));
            // Every written vector, not only vectorIsNew ones: a worker may have taken it from the
            // memory cache after this writer deleted the table row as an orphan. An existing row
            // makes this a cheap index probe.
            sql::Query q(m_stmts->insertEmbedding);
            q.bind(1, key).bind(2, sql::toDb(w.textHash)).bindVector(3, w.vector);
            const int rc = q.step();
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("writeBatch: embedding of %1").arg(describe(w.record)), rc);
        }
        out->indexChanges.push_back({id, w.vector});
    }

    // A batch that stored no record change (all unchanged, only rejects) gives the sequence back:
    // the watermark says "the store changed", and an index saved at it must not look behind.
    if (out->inserted + out->updated == 0) {
        sql::Query q(m_stmts->upsertMeta);
        q.bindText(1, QStringLiteral("seq")).bindText(2, QString::number(seq - 1));
        const int rc = q.step();
        if (rc != SQLITE_DONE)
            return sqlFail(QStringLiteral("writeBatch: cannot restore the change sequence"), rc);
        out->seq = seq - 1;
    }

    // After the whole batch, so a text that one record left and another took up is kept.
    for (const quint64 hash : replacedTextHashes) {
        sql::Query q(m_stmts->deleteOrphanEmbedding);
        q.bind(1, sql::toDb(hash));
        const int rc = q.step();
        if (rc != SQLITE_DONE)
            return sqlFail(QStringLiteral("writeBatch: removing the orphaned embedding %1").arg(hash), rc);
    }

    // The job first: a batch for a job that does not exist fails with that, not a foreign key.
    out->rejected = int(batch.rejects.size());
    out->adjusted = int(batch.adjusted);
    if (batch.jobId) {
        sql::Query q(m_stmts->addJobCounts);
        q.bind(1, batch.jobId)
            .bind(2, batch.readSoFar)
            .bind(3, qint64(out->inserted))
            .bind(4, qint64(out->updated))
            .bind(5, qint64(out->unchanged))
            .bind(6, qint64(out->rejected))
            .bind(7, batch.adjusted);
        const int rc = q.step();
        if (rc != SQLITE_DONE)
            return sqlFail(QStringLiteral("writeBatch: updating the counts of job %1").arg(batch.jobId), rc);
        if (sqlite3_changes(m_db) == 0)
            return fail(QStringLiteral("writeBatch: job %1 does not exist").arg(batch.jobId));
    }

    for (const RejectInfo &r : batch.rejects) {
        sql::Query q(m_stmts->insertReject);
        const qint64 jobId = batch.jobId ? batch.jobId : r.jobId;
        if (jobId)
            q.bind(1, jobId);
        else
            q.bindNull(1);
        q.bindTextOrNull(2, r.source)
            .bind(3, r.recordNumber)
            .bind(4, r.line)
            .bindTextOrNull(5, r.field)
            .bindText(6, r.reason)
            .bindTextOrNull(7, r.rawData)
            .bind(8, now);
        const int rc = q.step();
        if (rc != SQLITE_DONE)
            return sqlFail(QStringLiteral("writeBatch: storing the reject of record %1 in %2")
                               .arg(r.recordNumber).arg(r.source), rc);
    }
    // A retried record (one record, no job of its own, one reject) counts as its reject's job would
    // have counted it; any other batch only takes its resolved rejects out of their jobs' counts.
    const bool retried = batch.jobId == 0 && batch.records.size() == 1 && resolvedRejects.size() == 1;
    for (const qint64 rejectId : resolvedRejects) {
        {
            sql::Query q(m_stmts->resolveRejectCounts);
            q.bind(1, rejectId)
                .bind(2, retried ? qint64(out->inserted) : 0)
                .bind(3, retried ? qint64(out->updated) : 0)
                .bind(4, retried ? qint64(out->unchanged) : 0);
            const int rc = q.step();
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("writeBatch: taking the fixed reject %1 out of its job's counts")
                                   .arg(rejectId), rc);
        }
        sql::Query q(m_stmts->deleteReject);
        q.bind(1, rejectId);
        const int rc = q.step();
        if (rc != SQLITE_DONE)
            return sqlFail(QStringLiteral("writeBatch: removing the fixed reject %1").arg(rejectId), rc);
        if (sqlite3_changes(m_db) == 0)
            return fail(QStringLiteral("writeBatch: reject %1 does not exist (already fixed?)").arg(rejectId));
    }
    return SQLITE_OK;
}

// ---- single records -----------------------------------------------------------------------------------

std::optional<StoredRecord> Store::record(qint64 id)
{
    sql::Query q(m_stmts->selectRecordById);
    q.bind(1, id);
    const int rc = q.step();
    if (rc == SQLITE_ROW)
        return sql::readRecord(q);
    if (rc == SQLITE_DONE)
        fail(QStringLiteral("record id %1 does not exist").arg(id));
    else
        sqlFail(QStringLiteral("reading record id %1").arg(id), rc);
    return std::nullopt;
}

std::optional<StoredRecord> Store::record(Collection c, const QString &externalId)
{
    sql::Query q(m_stmts->selectRecordByKey);
    q.bind(1, int(c)).bindText(2, externalId);
    const int rc = q.step();
    if (rc == SQLITE_ROW)
        return sql::readRecord(q);
    if (rc == SQLITE_DONE)
        fail(QStringLiteral("record '%1' does not exist in %2").arg(externalId, collectionName(c)));
    else
        sqlFail(QStringLiteral("reading record '%1'").arg(externalId), rc);
    return std::nullopt;
}

bool Store::deleteRecord(qint64 id)
{
    return writeTransaction([&]() -> int {
        quint64 textHash = 0;
        {
            sql::Query q(m_stmts->textHashOf);
            q.bind(1, id);
            const int rc = q.step();
            if (rc == SQLITE_DONE)
                return fail(QStringLiteral("deleteRecord: record id %1 does not exist").arg(id));
            if (rc != SQLITE_ROW)
                return sqlFail(QStringLiteral("deleteRecord: reading record id %1").arg(id), rc);
            textHash = sql::fromDb(q.int64(0));
        }
        auto run = [&](const sql::Statement &s, qint64 value, const char *what) {
            sql::Query q(s);
            q.bind(1, value);
            const int rc = q.step();
            return rc == SQLITE_DONE
                       ? SQLITE_OK
                       : sqlFail(QStringLiteral("deleteRecord %1: %2").arg(id).arg(QLatin1String(what)), rc);
        };
        int rc = forgetFullText(id);
        if (rc == SQLITE_OK)
            rc = run(m_stmts->deleteRecord, id, "record row");
        if (rc == SQLITE_OK)
            rc = run(m_stmts->deleteOrphanEmbedding, sql::toDb(textHash), "orphaned embedding");
        if (rc != SQLITE_OK)
            return rc;
        sql::Query bump(m_stmts->bumpSeq);
        rc = bump.step();
        if (rc != SQLITE_ROW)
            return sqlFail(QStringLiteral("deleteRecord %1: advancing the change sequence").arg(id), rc);
        sql::Query tomb(m_stmts->insertTombstone);
        tomb.bind(1, id).bind(2, bump.int64(0));
        rc = tomb.step();
        return rc == SQLITE_DONE ? SQLITE_OK : sqlFail(QStringLiteral("deleteRecord %1: tombstone").arg(id), rc);
    });
}

StoreCounts Store::counts()
{
    StoreCounts c;
    sqlite3_stmt *stmt = nullptr;
    const char *sqlText = "SELECT (SELECT count(*) FROM records WHERE collection = 0),"
                          " (SELECT count(*) FROM records WHERE collection = 1),"
                          " (SELECT count(*) FROM embeddings), (SELECT count(*) FROM jobs),"
                          " (SELECT count(*) FROM rejects)";
    if (sqlite3_prepare_v2(m_db, sqlText, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        c.cases = sqlite3_column_int64(stmt, 0);
        c.knowledge = sqlite3_column_int64(stmt, 1);
        c.embeddings = sqlite3_column_int64(stmt, 2);
        c.jobs = sqlite3_column_int64(stmt, 3);
        c.rejects = sqlite3_column_int64(stmt, 4);
    } else {
        sqlFail(QStringLiteral("counting rows of %1").arg(m_path), SQLITE_ERROR);
    }
    sqlite3_finalize(stmt);
    return c;
}

bool Store::forEachVector(qint64 afterSeq, const std::function<bool(qint64, std::span<const float>)> &fn)
{
    const int key = activeKey();
    if (key == 0)
        return true; // no embedder yet: no vectors
    // One snapshot for the whole walk, so a concurrent writer cannot make it skip or repeat rows.
    // Inside the caller's snapshot (beginSnapshot) the walk reads that one, so the caller's counts
    // and watermark describe exactly the vectors walked.
    const bool ownSnapshot = sqlite3_get_autocommit(m_db) != 0;
    if (ownSnapshot && !beginRead())
        return false;
    bool ok = true;
    {
        sql::Query q(m_stmts->vectorsAfter);
        q.bind(1, key).bind(2, afterSeq);
        int rc;
        while ((rc = q.step()) == SQLITE_ROW) {
            if (!fn(q.int64(0), q.vector(1)))
                break;
        }
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            sqlFail(QStringLiteral("reading vectors from %1").arg(m_path), rc);
            ok = false;
        }
    }
    if (ownSnapshot)
        endRead();
    return ok;
}

QList<qint64> Store::deletedSince(qint64 afterSeq)
{
    QList<qint64> ids;
    sql::Query q(m_stmts->deletedSince);
    q.bind(1, afterSeq);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        ids << q.int64(0);
    if (rc != SQLITE_DONE)
        sqlFail(QStringLiteral("reading tombstones from %1").arg(m_path), rc);
    return ids;
}

} // namespace kms
