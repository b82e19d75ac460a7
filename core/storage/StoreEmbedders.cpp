// SPDX-License-Identifier: MIT
// Changing the embedder of a store: the new vectors are written beside the active ones and the
// switch is one transaction, so nothing a reader sees is ever half re-embedded.
#include "storage/Store.h"
#include "storage/StoreSql.h"

namespace kms {

bool Store::recordPage(qint64 afterSeq, qint64 afterId, int limit, std::vector<StoredRecord> *out)
{
    out->clear();
    sql::Statement stmt(
        "SELECT id, collection, external_id, title, kms_text(body), kms_text(resolution), status, priority, product,"
        " category, tags, created_at, updated_at, kms_text(extra), content_hash, text_hash, seq FROM records"
        " WHERE id > ?2 AND seq > ?1 ORDER BY id LIMIT ?3");
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return false;
    }
    sql::Query q(stmt);
    q.bind(1, afterSeq).bind(2, afterId).bind(3, limit);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        out->push_back(sql::readRecord(q));
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("reading records from %1").arg(m_path), rc);
        return false;
    }
    return true;
}

bool Store::putEmbeddings(const QString &embedderId, int dimension, std::span<const quint64> textHashes,
                          std::span<const float> vectors, bool replace)
{
    if (dimension <= 0 || vectors.size() != textHashes.size() * size_t(dimension)) {
        fail(QStringLiteral("putEmbeddings: %1 vectors of dimension %2 do not fill %3 floats")
                 .arg(textHashes.size()).arg(dimension).arg(vectors.size()));
        return false;
    }
    return writeTransaction([&] {
        const int key = embedderKey(embedderId);
        if (key == 0)
            return int(SQLITE_ERROR);
        for (size_t i = 0; i < textHashes.size(); ++i) {
            sql::Query q(replace ? m_stmts->replaceEmbedding : m_stmts->insertEmbedding);
            q.bind(1, key).bind(2, sql::toDb(textHashes[i]))
                .bindVector(3, vectors.subspan(i * size_t(dimension), size_t(dimension)));
            const int rc = q.step();
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("putEmbeddings: vector %1").arg(textHashes[i]), rc);
        }
        return int(SQLITE_OK);
    });
}

bool Store::activateEmbedder(const QString &embedderId, const QHash<QString, QString> &metaValues,
                             std::span<const std::pair<qint64, quint64>> textHashes)
{
    int key = 0;
    const bool ok = writeTransaction([&] {
        key = embedderKey(embedderId);
        if (key == 0)
            return int(SQLITE_ERROR);
        if (!textHashes.empty()) {
            sql::Statement stmt("UPDATE records SET text_hash = ?2 WHERE id = ?1");
            QString error;
            if (!stmt.prepare(m_db, &error))
                return fail(error);
            for (const auto &[id, hash] : textHashes) {
                sql::Query q(stmt);
                q.bind(1, id).bind(2, sql::toDb(hash));
                if (const int rc = q.step(); rc != SQLITE_DONE)
                    return sqlFail(QStringLiteral("activateEmbedder: text hash of record %1").arg(id), rc);
            }
        }
        if (!setMeta(QStringLiteral("embedder"), embedderId))
            return int(SQLITE_ERROR);
        for (auto it = metaValues.cbegin(); it != metaValues.cend(); ++it) {
            if (!setMeta(it.key(), it.value()))
                return int(SQLITE_ERROR);
        }
        return int(SQLITE_OK);
    });
    if (ok)
        m_activeEmbedderKey = key;
    return ok;
}

bool Store::textVolume(qint64 *records, qint64 *characters)
{
    sql::Statement stmt("SELECT count(*), coalesce(sum(coalesce(length(title), 0) + coalesce(length(kms_text(body)), 0)"
                        " + coalesce(length(kms_text(resolution)), 0) + coalesce(length(tags), 0)), 0) FROM records");
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return false;
    }
    sql::Query q(stmt);
    const int rc = q.step();
    if (rc != SQLITE_ROW) {
        sqlFail(QStringLiteral("counting the text of %1").arg(m_path), rc);
        return false;
    }
    *records = q.int64(0);
    *characters = q.int64(1);
    return true;
}

namespace {
// Runs one DELETE with an optional text parameter; returns the rows deleted or -1.
qint64 deleteRows(sqlite3 *db, const char *sqlText, const QString *param, QString *error)
{
    sql::Statement stmt(sqlText);
    if (!stmt.prepare(db, error))
        return -1;
    sql::Query q(stmt);
    if (param)
        q.bindText(1, *param);
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        *error = sql::errorOf(db);
        return -1;
    }
    return sqlite3_changes64(db);
}
} // namespace

qint64 Store::deleteEmbeddings(const QString &embedderId)
{
    qint64 deleted = -1;
    QString error;
    const bool ok = writeTransaction([&] {
        deleted = deleteRows(m_db,
                             "DELETE FROM embeddings WHERE embedder_id = (SELECT id FROM embedders WHERE name = ?1)",
                             &embedderId, &error);
        return deleted < 0 ? fail(QStringLiteral("deleting the vectors of %1: %2").arg(embedderId, error))
                           : int(SQLITE_OK);
    });
    return ok ? deleted : -1;
}

qint64 Store::deleteUnusedEmbeddings()
{
    const QString active = activeEmbedder();
    qint64 deleted = -1;
    QString error;
    const bool ok = writeTransaction([&] {
        deleted = deleteRows(m_db,
                             "DELETE FROM embeddings WHERE embedder_id IS NOT (SELECT id FROM embedders WHERE name = ?1)"
                             " OR NOT EXISTS (SELECT 1 FROM records r WHERE r.text_hash = embeddings.text_hash)",
                             &active, &error);
        return deleted < 0 ? fail(QStringLiteral("deleting unused vectors: %1").arg(error)) : int(SQLITE_OK);
    });
    return ok ? deleted : -1;
}

} // namespace kms
