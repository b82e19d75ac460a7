// SPDX-License-Identifier: MIT
#include "storage/StoreConnection.h"
#include "storage/BenchmarkStore.h"

#include "storage/StoreSql.h"

namespace kms {

namespace {
struct Connection {
    sqlite3 *db = nullptr;
    ~Connection() { sqlite3_close_v2(db); }
};
} // namespace

// Members go in reverse order: the statement is finalised before the connection closes.
struct BenchmarkStore::Impl {
    Connection connection;
    sql::Statement insert{"INSERT INTO records_fts(title, body, resolution, tags) VALUES(?1, ?2, ?3, ?4)"};
};

QStringList BenchmarkStore::sampleCaseTitles(Store &store, int n)
{
    QStringList out;
    sql::Statement st("SELECT title FROM records WHERE collection = 0 AND id % 331 = 7 LIMIT ?1");
    if (!st.prepare(connectionOf(store), nullptr, false))
        return out;
    sql::Query q(st);
    q.bind(1, n);
    while (q.step() == SQLITE_ROW)
        out.append(q.text(0));
    return out;
}

std::unique_ptr<BenchmarkStore> BenchmarkStore::createFullTextOnly(Store &like, const QString &path, QString *error)
{
    QString createSql;
    {
        sql::Statement st("SELECT sql FROM sqlite_master WHERE name = 'records_fts'");
        if (!st.prepare(connectionOf(like), error, false))
            return nullptr;
        sql::Query q(st);
        if (q.step() == SQLITE_ROW)
            createSql = q.text(0);
    }
    if (createSql.isEmpty()) {
        *error = QStringLiteral("the store has no full-text table");
        return nullptr;
    }
    std::unique_ptr<BenchmarkStore> out(new BenchmarkStore);
    out->m_impl = std::make_unique<Impl>();
    sqlite3 *&db = out->m_impl->connection.db;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK
        || sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr) != SQLITE_OK
        || sqlite3_exec(db, createSql.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK
        || !out->m_impl->insert.prepare(db, error, true)) {
        if (error && (error->isEmpty()))
            *error = QStringLiteral("cannot create %1: %2").arg(path, sql::errorOf(db));
        return nullptr;
    }
    return out;
}

BenchmarkStore::~BenchmarkStore() = default;

qint64 BenchmarkStore::insertFullText(std::span<const RecordWrite> records)
{
    sqlite3 *db = m_impl->connection.db;
    qint64 rows = 0;
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (const RecordWrite &w : records) {
        sql::Query q(m_impl->insert);
        q.bindText(1, w.titleText).bindText(2, w.bodyText).bindText(3, w.resolutionText).bindText(4, w.tagsText);
        if (q.step() == SQLITE_DONE)
            ++rows;
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    return rows;
}

} // namespace kms
