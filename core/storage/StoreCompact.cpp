// SPDX-License-Identifier: MIT
// Making an existing store smaller: vectors to 8 bits, free pages back to the disk.
#include "storage/Store.h"
#include "storage/StoreSql.h"

namespace kms {

namespace {
constexpr QLatin1StringView kOlderVector{"(length(vector) % 2 = 0 OR substr(vector, -1, 1) = x'01')"};
} // namespace

qint64 Store::compactVectors(int batch, const std::function<void(qint64, qint64)> &progress,
                             const std::atomic<bool> *cancel)
{
    // Float32 blobs have an even length, half-precision ones an odd one ending in format 1, 8-bit
    // ones an odd one ending in 2 or 3 (VectorBlob.h).
    sql::Statement count(QStringLiteral("SELECT count(*) FROM embeddings WHERE %1").arg(kOlderVector));
    sql::Statement page(QStringLiteral("SELECT id, vector FROM embeddings WHERE id > ?1 AND %1 ORDER BY id LIMIT ?2")
                            .arg(kOlderVector));
    sql::Statement update("UPDATE embeddings SET vector = ?2 WHERE id = ?1");
    QString error;
    if (!count.prepare(m_db, &error, false) || !page.prepare(m_db, &error, false)
        || !update.prepare(m_db, &error, false)) {
        fail(QStringLiteral("compacting vectors: %1").arg(error));
        return -1;
    }
    qint64 total = 0;
    {
        sql::Query q(count);
        const int rc = q.step();
        if (rc != SQLITE_ROW) {
            sqlFail(QStringLiteral("compacting vectors: counting them"), rc);
            return -1;
        }
        total = q.int64(0);
    }
    qint64 done = 0, afterId = 0;
    bool more = total > 0;
    if (progress)
        progress(0, total);
    while (more) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return -2;
        // Set only once the batch is committed: a busy retry runs the body again from afterId.
        int rows = 0;
        qint64 lastId = afterId;
        const bool ok = writeTransaction([&] {
            std::vector<std::pair<qint64, std::vector<float>>> read;
            {
                sql::Query q(page);
                q.bind(1, afterId).bind(2, batch);
                int rc;
                while ((rc = q.step()) == SQLITE_ROW) {
                    const std::span<const float> v = q.vector(1);
                    read.emplace_back(q.int64(0), std::vector<float>(v.begin(), v.end()));
                }
                if (rc != SQLITE_DONE)
                    return sqlFail(QStringLiteral("compacting vectors: reading them"), rc);
            }
            for (const auto &[id, vector] : read) {
                sql::Query q(update);
                q.bind(1, id).bindVector(2, vector);
                const int rc = q.step();
                if (rc != SQLITE_DONE)
                    return sqlFail(QStringLiteral("compacting vectors: vector %1").arg(id), rc);
                lastId = id;
            }
            rows = int(read.size());
            return int(SQLITE_OK);
        });
        if (!ok)
            return -1;
        afterId = lastId;
        done += rows;
        more = rows == batch;
        if (progress)
            progress(done, total);
    }
    return done;
}

bool Store::vacuum()
{
    // VACUUM copies the database into a temporary one: in a file, not in memory (this connection's
    // temp_store), or a large store would need its size in RAM.
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, "PRAGMA temp_store=FILE; VACUUM", nullptr, nullptr, &message);
    sqlite3_exec(m_db, "PRAGMA temp_store=MEMORY", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        fail(QStringLiteral("VACUUM of %1 failed: %2").arg(m_path, QString::fromUtf8(message ? message : "")));
        sqlite3_free(message);
        return false;
    }
    // Running the checkpoint now keeps the WAL from holding a second copy of the whole file.
    sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    return true;
}

} // namespace kms
