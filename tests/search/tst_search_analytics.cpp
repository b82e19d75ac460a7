// SPDX-License-Identifier: MIT
#include "search/SearchLog.h"
#include "storage/StorePool.h"
#include "storage/Store.h"
#include "storage/StoreConnection.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <random>
#include <thread>
#include <vector>

using namespace kms;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000; // a fixed epoch, so windows and "last seen" are exact

SearchLogEntry entry(qint64 ts, const QString &text, SearchMode mode, int hits, double latencyMs,
                     const QString &filters = QStringLiteral("{}"))
{
    SearchLogEntry e;
    e.timestampMs = ts;
    e.text = text;
    e.mode = mode;
    e.filtersJson = filters;
    e.hits = hits;
    e.latencyMs = latencyMs;
    return e;
}

// 200 entries in ten-entry cycles. Position i % 10 decides the query:
//   0-3 "vpn error" in three spellings (80), 4-6 "printer jam" (60, position 6 finds nothing: 20),
//   7-8 "password reset" (40), 9 "no such thing" (20, always nothing).
// Latency is i % 10 + 1, so each query's mean is known: 2.5, 6, 8.5, 10.
void recordCycles(SearchLog &log, int count = 200)
{
    static const QString vpn[] = {QStringLiteral("VPN Error"), QStringLiteral(" vpn error "),
                                  QStringLiteral("vpn\tERROR")};
    for (int i = 0; i < count; ++i) {
        const int slot = i % 10;
        QString text;
        if (slot <= 3)
            text = vpn[i % 3];
        else if (slot <= 6)
            text = QStringLiteral("Printer jam");
        else if (slot <= 8)
            text = QStringLiteral("password reset");
        else
            text = QStringLiteral("no such thing");
        const int hits = (slot == 6 || slot == 9) ? 0 : 5;
        const SearchMode mode = i % 2 ? SearchMode::Keyword : SearchMode::Hybrid;
        log.record(entry(kT0 + i, text, mode, hits, slot + 1));
    }
}

std::unique_ptr<StorePool> openStores(const QString &path)
{
    QString error;
    auto stores = StorePool::open(path, &error);
    if (!stores)
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(error));
    return stores;
}

qint64 tableRows(const QString &path)
{
    QString error;
    auto store = Store::open(path, Store::Mode::ReadOnly, &error);
    if (!store)
        return -1;
    sqlite3_stmt *stmt = nullptr;
    qint64 n = -1;
    if (sqlite3_prepare_v2(connectionOf(*store), "SELECT count(*) FROM search_log", -1, &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

} // namespace

class TestSearchAnalytics : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("kms.sqlite")); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(dbPath());
        QFile::remove(dbPath() + QStringLiteral("-wal"));
        QFile::remove(dbPath() + QStringLiteral("-shm"));
    }

    void schemaHasTheTableAndIndexes()
    {
        QString error;
        auto store = Store::open(dbPath(), Store::Mode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(Store::latestSchemaVersion() >= 2);
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(sqlite3_prepare_v2(connectionOf(*store),
                                    "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master "
                                    "WHERE tbl_name = 'search_log' ORDER BY name)",
                                    -1, &stmt, nullptr),
                 SQLITE_OK);
        QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
        const QString names = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        QCOMPARE(names, QStringLiteral("search_log,search_log_text,search_log_ts"));
    }

    void topQueriesOrderAndCounts()
    {
        auto logStores = openStores(dbPath());
        SearchLog log(*logStores);
        recordCycles(log);
        QString error;
        QVERIFY2(log.flush(&error), qPrintable(error));
        QCOMPARE(tableRows(dbPath()), 200);

        const QList<QueryCount> top = log.topQueries(10);
        QCOMPARE(top.size(), 4);
        const QStringList texts = {QStringLiteral("vpn error"), QStringLiteral("printer jam"),
                                   QStringLiteral("password reset"), QStringLiteral("no such thing")};
        const qint64 counts[] = {80, 60, 40, 20};
        const double means[] = {2.5, 6, 8.5, 10};
        const qint64 last[] = {193, 196, 198, 199}; // the last i of each query's slots
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(top[i].text, texts[i]);
            QCOMPARE(top[i].count, counts[i]);
            QCOMPARE(top[i].meanLatencyMs, means[i]);
            QCOMPARE(top[i].lastSeen.toMSecsSinceEpoch(), kT0 + last[i]);
        }
        QCOMPARE(log.topQueries(2).size(), 2);
        QVERIFY(log.topQueries(0).isEmpty());

        // A window: i >= 150 leaves five cycles.
        const QList<QueryCount> late = log.topQueries(10, kT0 + 150);
        QCOMPARE(late.size(), 4);
        QCOMPARE(late[0].count, 20);
        QCOMPARE(late[3].count, 5);
        QVERIFY(log.lastError().isEmpty());
    }

    void caseInsensitiveGrouping_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("sameGroup");
        QTest::newRow("case") << "VPN Error" << "vpn error" << true;
        QTest::newRow("outer spaces") << "  vpn error\t" << "vpn error" << true;
        QTest::newRow("inner spaces") << "vpn   error" << "VPN error" << true;
        QTest::newRow("non-ascii case") << QStringLiteral("Ärger mit Drucker") << QStringLiteral("ärger MIT drucker")
                                        << true;
        QTest::newRow("plural differs") << "vpn error" << "vpn errors" << false;
        QTest::newRow("accent differs") << QStringLiteral("cafe") << QStringLiteral("café") << false;
    }
    void caseInsensitiveGrouping()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, sameGroup);
        auto logStores = openStores(dbPath());
        SearchLog log(*logStores);
        log.record(entry(kT0, a, SearchMode::Keyword, 1, 1));
        log.record(entry(kT0 + 1, b, SearchMode::Vector, 1, 3));
        QVERIFY(log.flush());
        const QList<QueryCount> top = log.topQueries(10);
        QCOMPARE(top.size(), sameGroup ? 1 : 2);
        if (sameGroup) {
            QCOMPARE(top[0].count, 2);
            QCOMPARE(top[0].meanLatencyMs, 2.0);
            QCOMPARE(top[0].text, b.simplified().toCaseFolded());
        }
    }

    void blankQueriesAreNotCounted()
    {
        auto logStores = openStores(dbPath());
        SearchLog log(*logStores);
        log.record(entry(kT0, QStringLiteral("   "), SearchMode::Keyword, 0, 1));
        log.record(entry(kT0, QString(), SearchMode::Keyword, 0, 1));
        log.record(entry(kT0, QStringLiteral("vpn"), SearchMode::Keyword, 0, 1));
        QVERIFY(log.flush());
        QCOMPARE(log.topQueries(10).size(), 1);
        QCOMPARE(log.zeroResultQueries(10).size(), 1);
        QCOMPARE(log.recent(10).size(), 3); // still logged
    }

    void zeroResultQueries()
    {
        auto logStores = openStores(dbPath());
        SearchLog log(*logStores);
        recordCycles(log);
        QVERIFY(log.flush());
        const QList<QueryCount> zero = log.zeroResultQueries(10);
        QCOMPARE(zero.size(), 2);
        // Both 20 times: the one seen last comes first.
        QCOMPARE(zero[0].text, QStringLiteral("no such thing"));
        QCOMPARE(zero[0].count, 20);
        QCOMPARE(zero[0].meanLatencyMs, 10.0);
        QCOMPARE(zero[0].lastSeen.toMSecsSinceEpoch(), kT0 + 199);
        QCOMPARE(zero[1].text, QStringLiteral("printer jam"));
        QCOMPARE(zero[1].count, 20);
        QCOMPARE(zero[1].meanLatencyMs, 7.0);
        QCOMPARE(log.zeroResultQueries(1).size(), 1);
        QCOMPARE(log.zeroResultQueries(10, kT0 + 197).size(), 1); // only i = 199 is left
    }

    void latencyPercentilesPerMode()
    {
        auto logStores = openStores(dbPath());
        SearchLog log(*logStores);
        // Keyword: 1..100 ms in a shuffled order; vector: 10, 20, ..., 200 ms; no hybrid searches.
        std::vector<int> order(100);
        for (int i = 0; i < 100; ++i)
            order[size_t(i)] = i + 1;
        std::shuffle(order.begin(), order.end(), std::mt19937(42));
        for (int i = 0; i < 100; ++i)
            log.record(entry(kT0 + i, QStringLiteral("q%1").arg(i), SearchMode::Keyword, 1, order[size_t(i)]));
        for (int i = 0; i < 20; ++i)
            log.record(entry(kT0 + i, QStringLiteral("v%1").arg(i), SearchMode::Vector, 1, 10.0 * (i + 1)));
        QVERIFY(log.flush());

        const QList<LatencySummary> rows = log.latency();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].mode, SearchMode::Keyword);
        QCOMPARE(rows[0].queries, 100);
        QCOMPARE(rows[0].p50Ms, 50.0);
        QCOMPARE(rows[0].p95Ms, 95.0);
        QCOMPARE(rows[0].p99Ms, 99.0);
        QCOMPARE(rows[1].mode, SearchMode::Vector);
        QCOMPARE(rows[1].queries, 20);
        QCOMPARE(rows[1].p50Ms, 100.0); // nearest rank: the 10th of 20
        QCOMPARE(rows[1].p95Ms, 190.0); // the 19th
        QCOMPARE(rows[1].p99Ms, 200.0); // the 20th

        // Since kT0 + 90: keyword entries 90..99 only, vector none.
        const QList<LatencySummary> late = log.latency(kT0 + 90);
        QCOMPARE(late.size(), 1);
        QCOMPARE(late[0].queries, 10);
        std::vector<int> tail(order.begin() + 90, order.end());
        std::sort(tail.begin(), tail.end());
        QCOMPARE(late[0].p50Ms, double(tail[4]));
        QCOMPARE(late[0].p99Ms, double(tail[9]));
    }

    void recentNewestFirstRoundTrip()
    {
        auto logStores = openStores(dbPath());
        SearchLog log(*logStores);
        log.record(entry(kT0, QStringLiteral("first"), SearchMode::Keyword, 3, 1.25));
        log.record(entry(kT0 + 5, QStringLiteral("Zweite Suche – ü"), SearchMode::Vector, 0, 2.5,
                         QStringLiteral("{\"status\":[\"open\"]}")));
        log.record(entry(kT0 + 9, QStringLiteral("third"), SearchMode::Hybrid, 7, 3.75, QString()));
        QVERIFY(log.flush());
        const QList<SearchLogEntry> recent = log.recent(2);
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent[0].text, QStringLiteral("third"));
        QCOMPARE(recent[0].mode, SearchMode::Hybrid);
        QCOMPARE(recent[0].filtersJson, QStringLiteral("{}")); // empty filters are stored as {}
        QCOMPARE(recent[0].hits, 7);
        QCOMPARE(recent[1].timestampMs, kT0 + 5);
        QCOMPARE(recent[1].text, QStringLiteral("Zweite Suche – ü"));
        QCOMPARE(recent[1].mode, SearchMode::Vector);
        QCOMPARE(recent[1].filtersJson, QStringLiteral("{\"status\":[\"open\"]}"));
        QCOMPARE(recent[1].hits, 0);
        QCOMPARE(recent[1].latencyMs, 2.5);
        QVERIFY(log.recent(0).isEmpty());
    }

    void filtersJsonRoundTrip()
    {
        SearchFilters f;
        QString error;
        for (const char *spec : {"collection=cases", "status=open,pending", "priority=high", "product=\"Orbit CRM\"",
                                 "category=Network", "tag=vpn", "updated>=2024-01-01", "updated<=2024-01-31",
                                 "created>2023-06-01T12:00:00Z"})
            QVERIFY2(f.add(QString::fromUtf8(spec), &error), qPrintable(error));
        const QString json = filtersToJson(f);
        const SearchFilters back = filtersFromJson(json);
        QCOMPARE(back.collection, f.collection);
        QCOMPARE(back.statuses, (QStringList{"open", "pending"}));
        QCOMPARE(back.products, QStringList{"Orbit CRM"});
        QCOMPARE(back.categories, f.categories);
        QCOMPARE(back.tags, f.tags);
        QCOMPARE(back.priorities, f.priorities);
        QCOMPARE(back.updatedFrom, f.updatedFrom);
        QCOMPARE(back.updatedTo, f.updatedTo); // the end of the day, to the millisecond
        QCOMPARE(back.createdFrom, f.createdFrom);
        QVERIFY(!back.createdTo.isValid());
        QCOMPARE(filtersToJson(back), json);
        QCOMPARE(filtersToJson({}), QStringLiteral("{}"));
        // A log from elsewhere: unknown keys, wrong types and bad dates are skipped, the rest kept.
        const SearchFilters odd = filtersFromJson(QStringLiteral(
            "{\"colour\":\"red\",\"status\":\"open\",\"tag\":[1,\"vpn\"],\"updated_from\":\"yesterday\"}"));
        QCOMPARE(odd.statuses, QStringList{"open"});
        QCOMPARE(odd.tags, QStringList{"vpn"});
        QVERIFY(!odd.updatedFrom.isValid());
        QVERIFY(filtersFromJson(QStringLiteral("not json")).isEmpty());
    }

    void zeroTimestampMeansNow()
    {
        auto logStores = openStores(dbPath());
        SearchLog log(*logStores);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        log.record(entry(0, QStringLiteral("now"), SearchMode::Keyword, 1, 1));
        QVERIFY(log.flush());
        const QList<SearchLogEntry> recent = log.recent(1);
        QCOMPARE(recent.size(), 1);
        QVERIFY(recent[0].timestampMs >= before);
    }

    void destructorFlushes()
    {
        {
            auto logStores = openStores(dbPath());
            SearchLog log(*logStores);
            recordCycles(log, 30);
        } // no flush(): the destructor writes the queue
        QCOMPARE(tableRows(dbPath()), 30);
        auto reopenedStores = openStores(dbPath());
        SearchLog reopened(*reopenedStores);
        QCOMPARE(reopened.recent(100).size(), 30);
        QCOMPARE(reopened.topQueries(1).value(0).count, 12); // "vpn error": slots 0-3 of three cycles
    }

    void backgroundThreadFlushes()
    {
        auto logStores = openStores(dbPath());
        SearchLog log(*logStores);
        log.record(entry(kT0, QStringLiteral("queued"), SearchMode::Keyword, 1, 1));
        // Written within about a second without anyone calling flush().
        QTRY_COMPARE_WITH_TIMEOUT(tableRows(dbPath()), 1, 10000);
        QCOMPARE(log.recent(5).size(), 1);
    }

    void recordFromFourThreads()
    {
        constexpr int kThreads = 4;
        constexpr int kPerThread = 500;
        auto logStores = openStores(dbPath());
        SearchLog log(*logStores);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&log, t] {
                for (int i = 0; i < kPerThread; ++i) {
                    log.record(entry(kT0 + i, QStringLiteral("thread %1").arg(t), SearchMode::Hybrid, i % 2, 1));
                    if (i % 100 == 99)
                        log.flush(); // flushes racing each other and the background thread
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QVERIFY(log.flush());
        QCOMPARE(tableRows(dbPath()), kThreads * kPerThread);
        const QList<QueryCount> top = log.topQueries(10);
        QCOMPARE(top.size(), kThreads);
        for (const QueryCount &q : top)
            QCOMPARE(q.count, kPerThread);
        QCOMPARE(log.zeroResultQueries(10).value(0).count, kPerThread / 2);
    }

    void inMemoryDatabase()
    {
        auto logStores = openStores(QStringLiteral(":memory:"));
        SearchLog log(*logStores);
        recordCycles(log, 20);
        QVERIFY(log.flush());
        QCOMPARE(log.topQueries(10).value(0).count, 8);
        QCOMPARE(log.recent(100).size(), 20);
    }
};

QTEST_GUILESS_MAIN(TestSearchAnalytics)
#include "tst_search_analytics.moc"
