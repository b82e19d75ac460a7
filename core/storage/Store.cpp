// SPDX-License-Identifier: MIT
// Connection, pragmas, migrations, transactions, meta and maintenance. Records live in
// StoreRecords.cpp, jobs/rejects/metrics in StoreJobs.cpp.
#include "storage/Store.h"
#include "storage/StoreSql.h"
#include "storage/TextCodec.h"

#include <QDir>
#include <QFile>
#include <QThread>

#include <algorithm>

#include <mutex>
#include <utility>

// The schema files are in an object library linked into a static archive: referencing its
// initialiser keeps the linker from dropping it.
static void initKmsResources()
{
    Q_INIT_RESOURCE(kms_core_resources);
}

namespace kms {

namespace {

constexpr int kBusyRetries = 4;          // on top of busy_timeout's own waiting
constexpr int kBusyBackoffMs = 50;       // doubles per attempt
const QString kSchemaDir = QStringLiteral(":/kms/schema");

struct Migration {
    int version = 0;
    QString path;
};

// NNNN_name.sql files in version order. Gaps or duplicates make the list empty (a build error
// worth refusing to run with rather than half-migrating).
const std::vector<Migration> &migrations()
{
    static std::vector<Migration> list;
    static std::once_flag once;
    std::call_once(once, [] {
        initKmsResources();
        const QStringList names = QDir(kSchemaDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        for (const QString &name : names) {
            bool ok = false;
            const int version = name.left(4).toInt(&ok);
            if (!ok || name.size() < 6 || name.at(4) != u'_') {
                list.clear();
                return;
            }
            list.push_back({version, kSchemaDir + u'/' + name});
        }
        for (size_t i = 0; i < list.size(); ++i) {
            if (list[i].version != int(i) + 1) {
                list.clear();
                return;
            }
        }
    });
    return list;
}

bool isBusy(int rc)
{
    const int primary = rc & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

} // namespace

Store::~Store()
{
    m_stmts.reset(); // statements must be finalised before the connection closes
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
    m_codec.reset(); // kms_text() refers to it: only after the connection is gone
}

std::unique_ptr<Store> Store::open(const QString &path, Mode mode, QString *error)
{
    std::unique_ptr<Store> store(new Store);
    store->m_path = path;
    store->m_mode = mode;
    if (!store->openConnection()) {
        if (error)
            *error = store->m_lastError;
        return nullptr;
    }
    return store;
}

int Store::latestSchemaVersion()
{
    const auto &list = migrations();
    return list.empty() ? 0 : list.back().version;
}

namespace {
int pragmaValue(sqlite3 *db, const char *pragma)
{
    sqlite3_stmt *stmt = nullptr;
    int value = -1;
    if (sqlite3_prepare_v2(db, pragma, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}
} // namespace

int Store::schemaVersion() const
{
    return pragmaValue(m_db, "PRAGMA user_version");
}

int Store::pageSize() const
{
    return pragmaValue(m_db, "PRAGMA page_size");
}

bool Store::openConnection()
{
    const bool readOnly = m_mode == Mode::ReadOnly;
    // NOMUTEX: a Store belongs to one thread at a time, so SQLite's own locking would be waste.
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                      | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(m_path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        m_lastError = QStringLiteral("cannot open database %1: %2")
                          .arg(m_path, m_db ? sql::errorOf(m_db) : QString::fromUtf8(sqlite3_errstr(rc)));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        return false;
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Every connection can read the search log's grouped queries, rank full-text matches, fold
    // filter values' case and read compressed record texts.
    m_codec = std::make_unique<TextCodec>();
    if (!sql::registerQueryKeyFunction(m_db) || !sql::registerRankFunction(m_db) || !sql::registerFoldFunction(m_db)
        || !sql::registerTextFunction(m_db, m_codec.get())) {
        m_lastError = QStringLiteral("cannot open database %1: %2").arg(m_path, sql::errorOf(m_db));
        return false;
    }
    if (!applyPragmas())
        return false;
    if (!migrate())
        return false;

    m_stmts = std::make_unique<Statements>();
    QString error;
    if (!m_stmts->prepareAll(m_db, &error)) {
        m_lastError = QStringLiteral("database %1 does not match schema version %2: %3")
                          .arg(m_path).arg(latestSchemaVersion()).arg(error);
        return false;
    }
    const QString embedder = activeEmbedder();
    if (!embedder.isEmpty())
        m_activeEmbedderKey = embedderKey(embedder);
    return true;
}

bool Store::applyPragmas()
{
    if (m_mode == Mode::ReadWrite) {
        // A new database gets 16 KiB pages (an existing one keeps its own: SQLite only applies
        // this before the first table exists). A record of about 1.5 KB left a fifth of each
        // 4 KiB page of `records` empty (dbstat at a million records); in 16 KiB pages that
        // waste is a few per cent, and the b-trees are a level less deep.
        if (!exec("PRAGMA page_size=16384")) {
            m_lastError = QStringLiteral("cannot open database %1: %2").arg(m_path, m_lastError);
            return false;
        }
        // journal_mode is the first statement that reads the file, so a file that is not a
        // database fails here with SQLite's "file is not a database".
        sqlite3_stmt *stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_db, "PRAGMA journal_mode=WAL", -1, &stmt, nullptr);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(stmt);
        QString journal;
        if (rc == SQLITE_ROW)
            journal = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        if (rc != SQLITE_ROW) {
            m_lastError = QStringLiteral("cannot open database %1: %2").arg(m_path, sql::errorOf(m_db));
            return false;
        }
        // In-memory databases cannot use WAL and report "memory"; anything else is an error.
        if (journal != u"wal" && journal != u"memory") {
            m_lastError = QStringLiteral("cannot switch database %1 to WAL mode (journal mode is %2)")
                              .arg(m_path, journal);
            return false;
        }
    }
    // NORMAL in WAL mode: a committed transaction survives a process crash (only a power loss
    // can lose the last ones), at a fraction of FULL's fsync cost.
    static const char *const kPragmas = "PRAGMA synchronous=NORMAL;"
                                        "PRAGMA foreign_keys=ON;"
                                        "PRAGMA busy_timeout=5000;"
                                        "PRAGMA temp_store=MEMORY;"
                                        "PRAGMA cache_size=-32768;"; // 32 MiB
    // Checkpoint every ~200 MB of WAL instead of SQLite's 4 MB: hot FTS and index pages are then
    // copied back once per many batches (40 MB measured ~1.5x faster bulk ingestion than 4 MB, see
    // bench_storage; 200 MB another 12-20 % at a million records, where a batch's pages lie spread
    // over a 5 GB file). The writer's own page cache is larger than a reader's for the same reason.
    static const char *const kWriterPragmas = "PRAGMA cache_size=-262144;PRAGMA journal_size_limit=67108864;";
    if (!exec(kPragmas) || (m_mode == Mode::ReadWrite && !exec(kWriterPragmas))) {
        m_lastError = QStringLiteral("cannot open database %1: %2").arg(m_path, m_lastError);
        return false;
    }
    if (m_mode == Mode::ReadWrite) {
        // The checkpoint interval is counted in pages: the same ~200 MB whatever their size.
        constexpr qint64 kCheckpointBytes = 200'000'000;
        const qint64 pages = std::max<qint64>(1000, kCheckpointBytes / std::max(1, pageSize()));
        const QByteArray pragma = QByteArray("PRAGMA wal_autocheckpoint=") + QByteArray::number(pages);
        if (!exec(pragma.constData())) {
            m_lastError = QStringLiteral("cannot open database %1: %2").arg(m_path, m_lastError);
            return false;
        }
    }
    return true;
}

bool Store::migrate()
{
    const int current = schemaVersion();
    if (current < 0) {
        m_lastError = QStringLiteral("cannot open database %1: %2").arg(m_path, sql::errorOf(m_db));
        return false;
    }
    const int latest = latestSchemaVersion();
    if (latest == 0) {
        m_lastError = QStringLiteral("no schema migrations found under %1 (resources not linked?)").arg(kSchemaDir);
        return false;
    }
    if (current > latest) {
        m_lastError = QStringLiteral("database %1 has schema version %2, newer than the %3 this program "
                                     "knows; open it with a newer version of KMS Admin")
                          .arg(m_path).arg(current).arg(latest);
        return false;
    }
    if (current == latest)
        return true;
    if (m_mode == Mode::ReadOnly) {
        m_lastError = QStringLiteral("database %1 has schema version %2 but %3 is needed; open it "
                                     "read-write once to migrate it")
                          .arg(m_path).arg(current).arg(latest);
        return false;
    }

    // All pending migrations in one transaction: a failure leaves the previous version intact.
    if (!exec("BEGIN IMMEDIATE")) {
        m_lastError = QStringLiteral("cannot migrate database %1: %2").arg(m_path, m_lastError);
        return false;
    }
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        QFile file(m.path);
        if (!file.open(QIODevice::ReadOnly)) {
            exec("ROLLBACK");
            m_lastError = QStringLiteral("cannot read migration %1: %2").arg(m.path, file.errorString());
            return false;
        }
        const QByteArray script = file.readAll();
        if (!exec(script.constData())) {
            const QString why = m_lastError;
            exec("ROLLBACK");
            m_lastError = QStringLiteral("migration %1 failed on %2: %3").arg(m.path, m_path, why);
            return false;
        }
    }
    const QByteArray setVersion = "PRAGMA user_version=" + QByteArray::number(latest);
    if (!exec(setVersion.constData()) || !exec("COMMIT")) {
        const QString why = m_lastError;
        exec("ROLLBACK");
        m_lastError = QStringLiteral("cannot migrate database %1: %2").arg(m_path, why);
        return false;
    }
    return true;
}

bool Store::exec(const char *sqlText)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sqlText, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    m_lastError = message ? QString::fromUtf8(message) : sql::errorOf(m_db);
    sqlite3_free(message);
    return false;
}

int Store::fail(const QString &message, int rc)
{
    m_lastError = message;
    return rc == SQLITE_OK ? SQLITE_ERROR : rc;
}

int Store::sqlFail(const QString &context, int rc)
{
    return fail(QStringLiteral("%1: %2").arg(context, sql::errorOf(m_db)), rc);
}

bool Store::writeTransaction(const std::function<int()> &body)
{
    if (m_mode == Mode::ReadOnly) {
        m_lastError = QStringLiteral("database %1 is open read-only").arg(m_path);
        return false;
    }
    for (int attempt = 0;; ++attempt) {
        int rc = sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            sqlFail(QStringLiteral("cannot start a write transaction on %1").arg(m_path), rc);
        } else {
            rc = body();
            if (rc == SQLITE_OK) {
                rc = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
                if (rc == SQLITE_OK)
                    return true;
                sqlFail(QStringLiteral("commit on %1 failed").arg(m_path), rc);
            }
            // After some errors SQLite has already rolled back; a second ROLLBACK is harmless.
            if (!sqlite3_get_autocommit(m_db))
                sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        if (!isBusy(rc) || attempt >= kBusyRetries)
            return false;
        QThread::msleep(kBusyBackoffMs << attempt);
    }
}

bool Store::beginRead()
{
    if (sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    sqlFail(QStringLiteral("cannot start a read transaction on %1").arg(m_path), SQLITE_ERROR);
    return false;
}

void Store::endRead()
{
    sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
}

// ---- embedders ------------------------------------------------------------------------------------

int Store::embedderKey(const QString &embedderId)
{
    if (embedderId.isEmpty()) {
        fail(QStringLiteral("embedder id is empty"));
        return 0;
    }
    {
        sql::Query q(m_stmts->selectEmbedder);
        q.bindText(1, embedderId);
        const int rc = q.step();
        if (rc == SQLITE_ROW)
            return int(q.int64(0));
        if (rc != SQLITE_DONE) {
            sqlFail(QStringLiteral("looking up embedder %1").arg(embedderId), rc);
            return 0;
        }
    }
    if (m_mode == Mode::ReadOnly) {
        fail(QStringLiteral("embedder %1 is not registered in %2").arg(embedderId, m_path));
        return 0;
    }
    sql::Query q(m_stmts->insertEmbedder);
    q.bindText(1, embedderId);
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("registering embedder %1").arg(embedderId), rc);
        return 0;
    }
    return int(sqlite3_last_insert_rowid(m_db));
}

QString Store::activeEmbedder() const
{
    return meta(QStringLiteral("embedder"));
}

bool Store::setActiveEmbedder(const QString &embedderId)
{
    int key = 0;
    const bool ok = writeTransaction([&] {
        key = embedderKey(embedderId);
        if (key == 0)
            return SQLITE_ERROR;
        return setMeta(QStringLiteral("embedder"), embedderId) ? SQLITE_OK : SQLITE_ERROR;
    });
    if (ok)
        m_activeEmbedderKey = key;
    return ok;
}

int Store::activeKey()
{
    if (m_mode == Mode::ReadOnly) {
        const QString embedder = activeEmbedder();
        m_activeEmbedderKey = embedder.isEmpty() ? 0 : embedderKey(embedder);
    }
    return m_activeEmbedderKey;
}

// ---- meta, maintenance ------------------------------------------------------------------------------

QString Store::meta(const QString &key) const
{
    sql::Query q(m_stmts->selectMeta);
    q.bindText(1, key);
    return q.step() == SQLITE_ROW ? q.text(0) : QString();
}

bool Store::setMeta(const QString &key, const QString &value)
{
    sql::Query q(m_stmts->upsertMeta);
    q.bindText(1, key).bindText(2, value);
    const int rc = q.step();
    if (rc == SQLITE_DONE)
        return true;
    sqlFail(QStringLiteral("cannot set meta %1").arg(key), rc);
    return false;
}

bool Store::removeMeta(const QString &key)
{
    sql::Query q(m_stmts->deleteMeta);
    q.bindText(1, key);
    const int rc = q.step();
    if (rc == SQLITE_DONE)
        return true;
    sqlFail(QStringLiteral("cannot remove meta %1").arg(key), rc);
    return false;
}

qint64 Store::watermark()
{
    return meta(QStringLiteral("seq")).toLongLong();
}

namespace {
QString checkResult(sqlite3 *db, const char *pragma)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, pragma, -1, &stmt, nullptr) != SQLITE_OK)
        return sql::errorOf(db);
    QStringList lines;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        lines << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return sql::errorOf(db);
    return lines.join(u'\n');
}
} // namespace

QString Store::quickCheck()
{
    return checkResult(m_db, "PRAGMA quick_check");
}

QString Store::integrityCheck()
{
    return checkResult(m_db, "PRAGMA integrity_check");
}

namespace {
// Runs one statement to its end, collecting the first column of its rows; the progress handler
// stops it when *cancel is set (SQLITE_INTERRUPT).
StoreCheck runCheck(sqlite3 *db, const char *statement, const std::atomic<bool> *cancel)
{
    StoreCheck result;
    if (cancel) {
        sqlite3_progress_handler(db, 10000, [](void *flag) -> int {
            return static_cast<const std::atomic<bool> *>(flag)->load() ? 1 : 0;
        }, const_cast<std::atomic<bool> *>(cancel));
    }
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, statement, -1, &stmt, nullptr);
    QStringList lines;
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            lines << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    }
    const QString error = sql::errorOf(db);
    sqlite3_finalize(stmt);
    if (cancel)
        sqlite3_progress_handler(db, 0, nullptr, nullptr);
    if (rc == SQLITE_INTERRUPT || (cancel && cancel->load())) {
        result.cancelled = true;
        result.message = QStringLiteral("cancelled");
    } else if (rc != SQLITE_DONE) {
        result.message = error;
    } else {
        result.message = lines.isEmpty() ? QStringLiteral("ok") : lines.join(u'\n');
        result.ok = result.message == QLatin1String("ok");
    }
    return result;
}
} // namespace

StoreCheck Store::checkIntegrity(const std::atomic<bool> *cancel)
{
    const StoreCheck pages = runCheck(m_db, "PRAGMA integrity_check", cancel);
    if (!pages.ok)
        return pages;
    return checkStoredTexts(m_db, *m_codec, cancel);
}

StoreCheck Store::checkFullText(const std::atomic<bool> *cancel)
{
    StoreCheck check = runCheck(m_db, "INSERT INTO records_fts (records_fts) VALUES ('integrity-check')", cancel);
    if (!check.ok)
        return check;
    // FTS5 checks its index against its own rows; whether every record has its row is ours to check.
    sqlite3_stmt *stmt = nullptr;
    qint64 gap = 0;
    int rc = sqlite3_prepare_v2(m_db, "SELECT (SELECT count(*) FROM records) - (SELECT count(*) FROM records_fts)",
                                -1, &stmt, nullptr);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
        gap = sqlite3_column_int64(stmt, 0);
    const QString error = sql::errorOf(m_db);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        return {false, false, error};
    check.ok = gap == 0;
    if (!check.ok)
        check.message = QStringLiteral("the full-text index has %1 rows %2 than the records table")
                            .arg(gap > 0 ? gap : -gap)
                            .arg(gap > 0 ? QStringLiteral("fewer") : QStringLiteral("more"));
    return check;
}

bool Store::checkpoint()
{
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    if (rc == SQLITE_OK)
        return true;
    sqlFail(QStringLiteral("checkpoint of %1 failed").arg(m_path), rc);
    return false;
}

} // namespace kms
