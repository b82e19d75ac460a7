// SPDX-License-Identifier: MIT
// The vector backlog: records stored without a vector of the active embedder (its embedding failed
// while they were ingested or edited). Not a table but a query, so it is right by construction
// whatever changed the records or the embedder since; the UNIQUE (text_hash, embedder_id) index of
// the embeddings table makes each record's test one index probe.
#include "storage/Store.h"
#include "storage/StoreSql.h"

namespace kms {

namespace {
constexpr const char *kLacksVector =
    "NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.text_hash = r.text_hash AND e.embedder_id = ?1)";
} // namespace

qint64 Store::vectorBacklogCount()
{
    sql::Statement stmt(QStringLiteral("SELECT count(*) FROM records r WHERE %1").arg(QLatin1String(kLacksVector)));
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return -1;
    }
    sql::Query q(stmt);
    q.bind(1, activeKey());
    const int rc = q.step();
    if (rc != SQLITE_ROW) {
        sqlFail(QStringLiteral("counting the records without a vector in %1").arg(m_path), rc);
        return -1;
    }
    return q.int64(0);
}

bool Store::vectorBacklogPage(qint64 afterId, int limit, std::vector<StoredRecord> *out)
{
    out->clear();
    sql::Statement stmt(QStringLiteral("SELECT %1 FROM records r WHERE r.id > ?2 AND %2 ORDER BY r.id LIMIT ?3")
                            .arg(QLatin1String(sql::kRecordColumns), QLatin1String(kLacksVector)));
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return false;
    }
    sql::Query q(stmt);
    q.bind(1, activeKey()).bind(2, afterId).bind(3, qint64(limit));
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        out->push_back(sql::readRecord(q));
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("reading the records without a vector from %1").arg(m_path), rc);
        return false;
    }
    return true;
}

std::optional<BatchOutcome> Store::fillVectors(const QString &embedderId, int dimension,
                                               std::span<const quint64> textHashes, std::span<const float> vectors)
{
    if (dimension <= 0 || vectors.size() != textHashes.size() * size_t(dimension)) {
        fail(QStringLiteral("fillVectors: %1 vectors of dimension %2 do not fill %3 floats")
                 .arg(textHashes.size()).arg(dimension).arg(vectors.size()));
        return std::nullopt;
    }
    sql::Statement recordsOf("UPDATE records SET seq = ?1 WHERE text_hash = ?2 RETURNING id");
    QString error;
    if (!recordsOf.prepare(m_db, &error)) {
        fail(error);
        return std::nullopt;
    }
    BatchOutcome outcome;
    const bool ok = writeTransaction([&]() -> int {
        outcome = BatchOutcome{}; // a busy retry starts over
        // The vectors were made while no lock was held: the store may have switched embedders since.
        if (activeEmbedder() != embedderId)
            return fail(QStringLiteral("fillVectors: the store's embedder is now %1, not %2")
                            .arg(activeEmbedder(), embedderId));
        const int key = m_activeEmbedderKey;
        {
            sql::Query q(m_stmts->bumpSeq);
            const int rc = q.step();
            if (rc != SQLITE_ROW)
                return sqlFail(QStringLiteral("fillVectors: cannot advance the change sequence"), rc);
            outcome.seq = q.int64(0);
        }
        for (size_t i = 0; i < textHashes.size(); ++i) {
            const std::span<const float> v = vectors.subspan(i * size_t(dimension), size_t(dimension));
            // The records that still have this text get the new change sequence, so an index saved
            // before this commit is caught up with their vectors when it is next opened. A text no
            // record has any more (edited meanwhile) gets no vector.
            std::vector<qint64> ids;
            {
                sql::Query q(recordsOf);
                q.bind(1, outcome.seq).bind(2, sql::toDb(textHashes[i]));
                int rc;
                while ((rc = q.step()) == SQLITE_ROW)
                    ids.push_back(q.int64(0));
                if (rc != SQLITE_DONE)
                    return sqlFail(QStringLiteral("fillVectors: records of text %1").arg(textHashes[i]), rc);
            }
            if (ids.empty())
                continue;
            sql::Query q(m_stmts->insertEmbedding);
            q.bind(1, key).bind(2, sql::toDb(textHashes[i])).bindVector(3, v);
            const int rc = q.step();
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("fillVectors: vector of text %1").arg(textHashes[i]), rc);
            for (const qint64 id : ids)
                outcome.indexChanges.push_back({id, std::vector<float>(v.begin(), v.end())});
            outcome.updated += int(ids.size());
        }
        return int(SQLITE_OK);
    });
    if (!ok)
        return std::nullopt;
    return outcome;
}

} // namespace kms
