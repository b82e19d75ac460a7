// SPDX-License-Identifier: MIT
// Opt-in throughput measurements of the store (KMS_BENCHMARK=1); numbers go to docs/performance.md.
// Skipped in normal test runs: they take seconds and timings are never asserted.
#include "StoreTestData.h"
#include "storage/Store.h"
#include "storage/StoreConnection.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <random>

#include <time.h>

using namespace kms;
using namespace kms::test;

namespace {

constexpr int kBatches = 40;
constexpr int kBatchSize = 500;
constexpr int kDim = 256;

// Support-ticket-like text: ~1 KB of words drawn from a Zipf-ish vocabulary, so FTS5 sees a
// realistic mix of frequent and rare terms.
class TextGenerator
{
public:
    TextGenerator()
    {
        static const char *const syllables[] = {"ka", "lo", "mi", "net", "ser", "vpn", "dis", "pro", "tor",
                                                "ex", "con", "fig", "ra", "tu", "print", "log", "in", "ver"};
        for (int i = 0; i < 5000; ++i) {
            QString word;
            for (int n = i, parts = 0; parts < 2 + i % 3; ++parts, n /= 18)
                word += QLatin1String(syllables[n % 18]);
            m_words << word + QString::number(i % 7);
        }
    }
    QString text(int chars)
    {
        QString s;
        s.reserve(chars + 16);
        while (s.size() < chars) {
            // Squaring a uniform draw favours low indices: frequent words stay frequent.
            const double u = m_uniform(m_rng);
            s += m_words[int(u * u * double(m_words.size() - 1))];
            s += u' ';
        }
        return s;
    }

private:
    QStringList m_words;
    std::mt19937 m_rng{42};
    std::uniform_real_distribution<double> m_uniform{0.0, 1.0};
};

// CPU time of this process: on a shared machine wall time also counts other processes' work.
double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

std::vector<RecordWrite> makeBatch(TextGenerator &gen, int batch, int revision)
{
    std::vector<RecordWrite> writes;
    writes.reserve(kBatchSize);
    for (int i = 0; i < kBatchSize; ++i) {
        const QString id = QStringLiteral("CASE-%1").arg(batch * kBatchSize + i);
        RecordWrite w = makeWrite(Collection::Cases, id, gen.text(60) + QString::number(revision),
                                  gen.text(700), QStringLiteral("open"));
        w.record.resolution = gen.text(250);
        w.record.priority = QStringLiteral("high");
        w.record.product = QStringLiteral("Portal");
        w.record.tags = {QStringLiteral("sso"), QStringLiteral("login")};
        w.resolutionText = w.record.resolution;
        w.tagsText = QStringLiteral("sso login");
        w.vector = std::vector<float>(kDim, float(i) / kBatchSize);
        writes.push_back(std::move(w));
    }
    return writes;
}

} // namespace

class BenchStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("KMS_BENCHMARK"))
            QSKIP("set KMS_BENCHMARK=1 to run the storage benchmarks");
    }

    void writeBatches()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("bench.sqlite")), Store::Mode::ReadWrite, nullptr);
        QVERIFY(store && store->setActiveEmbedder(QStringLiteral("bench-256")));
        TextGenerator gen;
        std::vector<std::vector<RecordWrite>> batches;
        for (int b = 0; b < kBatches; ++b)
            batches.push_back(makeBatch(gen, b, 0));

        auto run = [&](const char *what, const std::vector<std::vector<RecordWrite>> &input) {
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = processCpuSeconds();
            for (const auto &records : input) {
                BatchWrite batch;
                batch.records = records;
                if (!store->writeBatch(batch))
                    qFatal("writeBatch: %s", qPrintable(store->lastError()));
            }
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            const double cpu = processCpuSeconds() - cpuStart;
            qInfo("%-10s %d rows in %.3f s: %.0f rows/s wall, %.0f rows/s of CPU time", what,
                  kBatches * kBatchSize, seconds, kBatches * kBatchSize / seconds, kBatches * kBatchSize / cpu);
        };
        run("insert", batches);
        run("unchanged", batches);
        std::vector<std::vector<RecordWrite>> changed;
        for (int b = 0; b < kBatches; ++b)
            changed.push_back(makeBatch(gen, b, 1));
        run("update", changed);
        QCOMPARE(store->counts().cases, kBatches * kBatchSize);
    }

    // existing(): one reused single-row statement versus IN lists of 500 parameters.
    void lookupStrategies()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("lookup.sqlite")), Store::Mode::ReadWrite, nullptr);
        QVERIFY(store && store->setActiveEmbedder(QStringLiteral("e")));
        constexpr int kRows = 50'000;
        QStringList ids;
        for (int b = 0; b < kRows / kBatchSize; ++b) {
            BatchWrite batch;
            for (int i = 0; i < kBatchSize; ++i) {
                const QString id = QStringLiteral("K-%1").arg(b * kBatchSize + i);
                ids << id;
                batch.records.push_back(makeWrite(Collection::Cases, id, id, id));
            }
            QVERIFY(store->writeBatch(batch));
        }

        QElapsedTimer timer;
        timer.start();
        qsizetype found = 0;
        for (qsizetype i = 0; i < ids.size(); i += kBatchSize)
            found += store->existing(Collection::Cases, ids.mid(i, kBatchSize)).size();
        const double single = double(timer.nsecsElapsed()) / 1e9;
        QCOMPARE(found, kRows);

        QByteArray sql = "SELECT external_id, id, content_hash FROM records WHERE collection = 0 AND external_id IN (?";
        for (int i = 1; i < kBatchSize; ++i)
            sql += ",?";
        sql += ")";
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(sqlite3_prepare_v3(connectionOf(*store), sql.constData(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr),
                 SQLITE_OK);
        timer.restart();
        found = 0;
        for (qsizetype i = 0; i < ids.size(); i += kBatchSize) {
            QHash<QString, ExistingRecord> chunk;
            for (int p = 0; p < kBatchSize; ++p) {
                const QString &id = ids.at(i + p);
                sqlite3_bind_text16(stmt, p + 1, id.utf16(), int(id.size() * 2), SQLITE_STATIC);
            }
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                chunk.insert(QString::fromUtf16(static_cast<const char16_t *>(sqlite3_column_text16(stmt, 0))),
                             {sqlite3_column_int64(stmt, 1), quint64(sqlite3_column_int64(stmt, 2))});
            }
            sqlite3_reset(stmt);
            found += chunk.size();
        }
        const double chunked = double(timer.nsecsElapsed()) / 1e9;
        sqlite3_finalize(stmt);
        QCOMPARE(found, kRows);
        qInfo("existing() of %d ids: single-row statement %.0f lookups/s, IN lists of %d %.0f lookups/s", kRows,
              kRows / single, kBatchSize, kRows / chunked);
    }
};

QTEST_GUILESS_MAIN(BenchStorage)
#include "bench_storage.moc"
