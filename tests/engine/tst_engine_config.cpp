// SPDX-License-Identifier: MIT
// Changing the configuration of an open engine: values that apply at once, an index rebuilt for
// new HNSW parameters, a re-embed for new embedder parameters, refusals, and cancels that leave
// the engine as it was.
#include "../TestData.h"
#include "../TestEngine.h"

#include "embed/EmbeddingCache.h"
#include "embed/HashEmbedder.h"
#include "engine/Engine.h"
#include "engine/EngineInternals.h"
#include "index/VectorIndex.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace kms;

namespace {

constexpr int kRecords = 3000;

// A data directory with kRecords cases, ingested through the engine.
struct Loaded {
    QTemporaryDir dir;
    std::unique_ptr<Engine> engine;
    QString dataDir() const { return dir.filePath(QStringLiteral("data")); }
};

bool load(Loaded &l, int records = kRecords)
{
    const QString file = l.dir.filePath(QStringLiteral("cases.jsonl"));
    if (!testdata::writeCases(file, 0, records))
        return false;
    l.engine = testdata::openTestEngine(l.dataDir());
    if (!l.engine)
        return false;
    IngestOptions o;
    o.files = {file};
    return l.engine->runJob(o).counts.inserted == records;
}

// The external id of the best vector hit for the title of case i.
QString topVectorHit(Engine &engine, int i)
{
    SearchQuery q;
    q.text = testdata::caseObject(i)[QStringLiteral("title")].toString();
    q.mode = SearchMode::Vector;
    q.k = 3;
    q.log = false;
    const SearchResult r = engine.search(q);
    return r.hits.isEmpty() ? r.error : r.hits.first().externalId;
}

// The stored vector of a record under the active embedder.
std::vector<float> storedVector(Engine &engine, const QString &externalId)
{
    return internals(engine).withReader([&](Store &s) {
        const auto r = s.record(Collection::Cases, externalId);
        return r ? s.embeddings({r->textHash}).value(r->textHash) : std::vector<float>{};
    });
}

} // namespace

class TestEngineConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void changeKinds()
    {
        const EngineConfig base;
        EngineConfig c = base;
        QCOMPARE(configChange(base, c), ConfigChange::None);
        c.hnswEfSearch = 200;
        c.embeddingCacheEntries = 10;
        QCOMPARE(configChange(base, c), ConfigChange::Immediate);
        c.hnswEfConstruction = 100;
        QCOMPARE(configChange(base, c), ConfigChange::RebuildIndex);
        c.embeddingDimension = 128;
        QCOMPARE(configChange(base, c), ConfigChange::Reembed);
    }

    void efSearchAppliesAtOnceAndIsStored()
    {
        Loaded l;
        QVERIFY(load(l, 500));
        const auto indexBefore = internals(*l.engine).currentIndex();
        EngineConfig next = l.engine->config();
        next.hnswEfSearch = 321;
        next.embeddingCacheEntries = 1000;
        QString error;
        QVERIFY2(l.engine->applyConfig(next, {}, nullptr, &error), qPrintable(error));
        QCOMPARE(internals(*l.engine).currentIndex(), indexBefore); // no rebuild
        QCOMPARE(internals(*l.engine).index().params().efSearch, 321);
        QCOMPARE(internals(*l.engine).cache().capacity(), size_t(1000));
        QCOMPARE(l.engine->config(), next);
        l.engine.reset();

        l.engine = testdata::openTestEngine(l.dataDir());
        QVERIFY(l.engine);
        QCOMPARE(l.engine->config().hnswEfSearch, 321);
        QCOMPARE(internals(*l.engine).index().params().efSearch, 321);
    }

    void hnswChangeRebuildsAndSearchStillWorks()
    {
        Loaded l;
        QVERIFY(load(l));
        QCOMPARE(topVectorHit(*l.engine, 1234), QStringLiteral("CASE-1234"));
        const auto indexBefore = internals(*l.engine).currentIndex();
        EngineConfig next = l.engine->config();
        next.hnswM = 24;
        next.hnswEfConstruction = 80;
        qint64 lastDone = 0, lastTotal = 0;
        QString error;
        QVERIFY2(l.engine->applyConfig(next, [&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
        }, nullptr, &error), qPrintable(error));
        QCOMPARE(lastDone, qint64(kRecords));
        QCOMPARE(lastTotal, qint64(kRecords));
        QVERIFY(internals(*l.engine).currentIndex() != indexBefore);
        QCOMPARE(internals(*l.engine).index().params().M, 24);
        QCOMPARE(internals(*l.engine).index().params().efConstruction, 80);
        QCOMPARE(internals(*l.engine).index().size(), qint64(kRecords));
        QCOMPARE(topVectorHit(*l.engine, 1234), QStringLiteral("CASE-1234"));
        QVERIFY(!internals(*l.engine).scheduler().isHeld());
        l.engine.reset();

        // The new index was saved with the new parameters: the next open verifies it as is.
        l.engine = testdata::openTestEngine(l.dataDir());
        QVERIFY(l.engine);
        QCOMPARE(l.engine->indexOpenReport().action, IndexOpenReport::Action::Verified);
        QCOMPARE(internals(*l.engine).index().params().M, 24);
        QCOMPARE(topVectorHit(*l.engine, 77), QStringLiteral("CASE-77"));
    }

    void invalidConfigIsRefusedNamingTheKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("value");
        QTest::newRow("M too large") << "hnswM" << 500;
        QTest::newRow("efSearch too small") << "hnswEfSearch" << 1;
        QTest::newRow("dimension too small") << "embeddingDimension" << 8;
        QTest::newRow("batch below 50") << "batchSize" << 20;
        QTest::newRow("batch above 10000") << "batchSize" << 10'001;
        QTest::newRow("negative cache") << "embeddingCacheEntries" << -1;
    }

    void invalidConfigIsRefusedNamingTheKey()
    {
        QFETCH(QString, key);
        QFETCH(int, value);
        Loaded l;
        QVERIFY(load(l, 200));
        const EngineConfig before = l.engine->config();
        EngineConfig next = before;
        next.hnswEfSearch = 99; // a valid change beside the invalid one is not applied either
        QVERIFY(next.setValue(key, value));
        QCOMPARE(next.invalidKey(), key);
        QString error;
        QVERIFY(!l.engine->applyConfig(next, {}, nullptr, &error));
        QVERIFY2(error.contains(key), qPrintable(error));
        QCOMPARE(l.engine->config(), before);
        QCOMPARE(internals(*l.engine).index().params().efSearch, before.hnswEfSearch);
    }

    void cancelledRebuildKeepsTheOldIndex()
    {
        Loaded l;
        QVERIFY(load(l));
        const auto indexBefore = internals(*l.engine).currentIndex();
        const EngineConfig before = l.engine->config();
        EngineConfig next = before;
        next.hnswM = 8;
        next.hnswEfSearch = 90; // applies at once even though the rebuild is cancelled
        std::atomic<bool> cancel{false};
        QString error;
        QVERIFY(!l.engine->applyConfig(next, [&](qint64, qint64) { cancel = true; }, &cancel, &error));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
        QCOMPARE(internals(*l.engine).currentIndex(), indexBefore);
        QCOMPARE(internals(*l.engine).index().params().M, before.hnswM);
        QCOMPARE(l.engine->config().hnswM, before.hnswM);
        QCOMPARE(l.engine->config().hnswEfSearch, 90);
        QCOMPARE(topVectorHit(*l.engine, 42), QStringLiteral("CASE-42"));
        QVERIFY(!internals(*l.engine).scheduler().isHeld());
    }

    void embedderChangeReembedsEveryRecord()
    {
        Loaded l;
        QVERIFY(load(l));
        const QString oldId = l.engine->embedderInfo().id;
        const qint64 vectorsBefore = l.engine->counts().embeddings;
        EngineConfig next = l.engine->config();
        next.embeddingDimension = 128;
        QString error;
        qint64 lastDone = 0;
        QVERIFY2(l.engine->applyConfig(next, [&](qint64 done, qint64) { lastDone = done; }, nullptr, &error),
                 qPrintable(error));
        QCOMPARE(lastDone, qint64(kRecords));
        QCOMPARE(internals(*l.engine).embedder().dimension(), 128);
        QVERIFY(l.engine->embedderInfo().id != oldId);
        QCOMPARE(internals(*l.engine).index().dimension(), 128);
        QCOMPARE(internals(*l.engine).index().size(), qint64(kRecords));
        QCOMPARE(l.engine->embedderInfo().parameters.first().value.toInt(), 128);
        // The previous embedder's vectors are gone, one new vector per distinct text remains.
        QCOMPARE(l.engine->counts().embeddings, vectorsBefore);
        QCOMPARE(topVectorHit(*l.engine, 1234), QStringLiteral("CASE-1234"));
        SearchQuery hybrid;
        hybrid.text = QStringLiteral("Helix Gateway HTTP 502");
        hybrid.log = false;
        QVERIFY(!l.engine->search(hybrid).hits.isEmpty());
        l.engine.reset();

        // Stored embedder and configuration agree: the directory opens with the new vectors.
        QString openError;
        l.engine = testdata::openTestEngine(l.dataDir(), &openError);
        QVERIFY2(l.engine, qPrintable(openError));
        QCOMPARE(internals(*l.engine).embedder().dimension(), 128);
        QCOMPARE(l.engine->indexOpenReport().action, IndexOpenReport::Action::Verified);
        QCOMPARE(topVectorHit(*l.engine, 2222), QStringLiteral("CASE-2222"));

        // The stored vectors are exactly what ingesting with the new parameters gives.
        QTemporaryDir freshDir;
        auto fresh = testdata::openTestEngine(freshDir.path(), nullptr, next);
        QVERIFY(fresh);
        IngestOptions o;
        o.files = {l.dir.filePath(QStringLiteral("cases.jsonl"))};
        QCOMPARE(fresh->runJob(o).counts.inserted, kRecords);
        for (int i : {0, 5, 1234, kRecords - 1}) {
            const QString id = QStringLiteral("CASE-%1").arg(i);
            QCOMPARE(storedVector(*l.engine, id), storedVector(*fresh, id));
            QCOMPARE(storedVector(*l.engine, id).size(), size_t(128));
        }
    }

    void cancelledReembedKeepsTheOldVectors()
    {
        Loaded l;
        QVERIFY(load(l));
        const QString oldId = l.engine->embedderInfo().id;
        const auto indexBefore = internals(*l.engine).currentIndex();
        const qint64 vectorsBefore = l.engine->counts().embeddings;
        EngineConfig next = l.engine->config();
        next.embeddingDimension = 64;
        std::atomic<bool> cancel{false};
        QString error;
        // Cancelled after the first page: some new vectors exist by then and must go again.
        QVERIFY(!l.engine->applyConfig(next, [&](qint64, qint64) { cancel = true; }, &cancel, &error));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
        QCOMPARE(l.engine->embedderInfo().id, oldId);
        QCOMPARE(internals(*l.engine).currentIndex(), indexBefore);
        QCOMPARE(l.engine->config().embeddingDimension, 256);
        QCOMPARE(l.engine->counts().embeddings, vectorsBefore);
        QCOMPARE(topVectorHit(*l.engine, 1234), QStringLiteral("CASE-1234"));
        l.engine.reset();
        QString openError;
        l.engine = testdata::openTestEngine(l.dataDir(), &openError);
        QVERIFY2(l.engine, qPrintable(openError));
        QCOMPARE(l.engine->embedderInfo().id, oldId);
    }

    // Shutting down stops a running re-embed (EngineHost calls cancelMaintenance() from the GUI thread).
    void shutdownCancelsAReembed()
    {
        Loaded l;
        QVERIFY(load(l));
        const QString oldId = l.engine->embedderInfo().id;
        EngineConfig next = l.engine->config();
        next.embeddingDimension = 96;
        QString error;
        bool sawRunning = false;
        QVERIFY(!l.engine->applyConfig(next, [&](qint64, qint64) {
            sawRunning = l.engine->isMaintenanceRunning();
            std::thread([&] { l.engine->cancelMaintenance(); }).join();
        }, nullptr, &error));
        QVERIFY(sawRunning);
        QVERIFY(!l.engine->isMaintenanceRunning());
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
        QCOMPARE(l.engine->embedderInfo().id, oldId);
        l.engine.reset(); // closes normally
        l.engine = testdata::openTestEngine(l.dataDir());
        QVERIFY(l.engine);
        QCOMPARE(l.engine->embedderInfo().id, oldId);
    }

    // Records written while the re-embed walks the store are caught up before the switch.
    void recordsWrittenDuringAReembedAreCaughtUp()
    {
        Loaded l;
        QVERIFY(load(l));
        const QString more = l.dir.filePath(QStringLiteral("more.jsonl"));
        QVERIFY(testdata::writeCases(more, kRecords, kRecords + 500));
        EngineConfig next = l.engine->config();
        next.embeddingDimension = 192;
        bool wrote = false;
        QString error;
        QVERIFY2(l.engine->applyConfig(next, [&](qint64, qint64) {
            if (wrote)
                return;
            wrote = true;
            IngestOptions o;
            o.files = {more};
            QCOMPARE(l.engine->runJob(o).counts.inserted, 500);
        }, nullptr, &error), qPrintable(error));
        QVERIFY(wrote);
        QCOMPARE(internals(*l.engine).index().size(), qint64(kRecords + 500));
        QCOMPARE(internals(*l.engine).index().dimension(), 192);
        QCOMPARE(topVectorHit(*l.engine, kRecords + 321), QStringLiteral("CASE-%1").arg(kRecords + 321));
    }

    void structuralChangeIsRefusedWhileAJobRuns()
    {
        Loaded l;
        QVERIFY(load(l, 100));
        const QString big = l.dir.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(testdata::writeCases(big, 100, 60'000));
        IngestOptions o;
        o.files = {big};
        o.batchSize = 100;
        const qint64 job = l.engine->submitJob(o);
        QVERIFY(job > 0);
        QTRY_VERIFY_WITH_TIMEOUT(l.engine->runningJobProgress().has_value(), 30000);
        EngineConfig next = l.engine->config();
        next.hnswM = 12;
        QString error;
        QVERIFY(!l.engine->applyConfig(next, {}, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("ingestion job is running")), qPrintable(error));
        QCOMPARE(l.engine->config().hnswM, 16);
        // Values that apply at once are still accepted meanwhile.
        EngineConfig cheap = l.engine->config();
        cheap.hnswEfSearch = 150;
        QVERIFY2(l.engine->applyConfig(cheap, {}, nullptr, &error), qPrintable(error));
        l.engine->cancelJob(job);
        l.engine->waitForJobs();
    }
};

QTEST_GUILESS_MAIN(TestEngineConfig)
#include "tst_engine_config.moc"
