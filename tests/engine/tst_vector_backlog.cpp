// SPDX-License-Identifier: MIT
// Records never wait for vectors: an embedder outage in the middle of a job stores every record
// (keyword-searchable at once), the records without a vector form the vector backlog, and the
// background worker fills it when the embedder works again, retrying with backoff meanwhile.
#include "engine/EngineInternals.h"
#include "../FailingEmbedder.h"
#include "../TestData.h"
#include "../TestEngine.h"

#include "engine/Engine.h"
#include "engine/VectorBacklog.h"
#include "index/VectorIndex.h"
#include "ingest/IngestOptions.h"
#include "storage/StorePool.h"
#include "text/Normalizer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kms;

namespace {
// The marker as the embedder sees it: a matching-form token.
QString markerToken()
{
    return Normalizer().tokens(QStringLiteral("quokka")).value(0);
}

QStringList externalIds(const SearchResult &r)
{
    QStringList ids;
    for (const SearchHit &h : r.hits)
        ids << h.externalId;
    return ids;
}

// A store holding `n` records without a vector (as a job leaves them during an outage).
std::unique_ptr<StorePool> storeWithBacklog(const Embedder &embedder, int n, int sharedText = 0)
{
    QString error;
    auto stores = StorePool::open(QStringLiteral(":memory:"), &error);
    if (!stores || !stores->writer()->setActiveEmbedder(embedder.id()))
        return nullptr;
    const Normalizer normalizer;
    BatchWrite batch;
    for (int i = 0; i < n; ++i) {
        Record r;
        r.collection = Collection::Cases;
        r.externalId = QStringLiteral("C-%1").arg(i);
        r.title = i < sharedText ? QStringLiteral("VPN drops every hour") : QStringLiteral("Printer %1 jams quokka").arg(i);
        r.body = QStringLiteral("details");
        RecordWrite w = RecordPreparer::prepareOne(r, normalizer, embedder, nullptr);
        w.vector.clear(); // the embedder "failed"
        w.vectorIsNew = false;
        batch.records.push_back(w);
    }
    if (!stores->writer()->writeBatch(batch))
        return nullptr;
    return stores;
}
} // namespace

class TestVectorBacklog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // 60 records in one job, the middle 20 carry a word the embedder fails on (an outage that hits
    // part of the job): the job completes, all 60 are stored and keyword-searchable, 20 wait in the
    // backlog; when the embedder works again the worker fills them and vector search finds them.
    void outageInTheMiddleOfAJobLosesNothing()
    {
        QTemporaryDir dir;
        const QString before = dir.filePath(QStringLiteral("a.jsonl"));
        const QString during = dir.filePath(QStringLiteral("b.jsonl"));
        const QString after = dir.filePath(QStringLiteral("c.jsonl"));
        QVERIFY(testdata::writeCases(before, 0, 20));
        QVERIFY(testdata::writeCases(during, 20, 40, QStringLiteral(" quokka")));
        QVERIFY(testdata::writeCases(after, 40, 60));

        auto embedder = std::make_shared<testdata::FailingEmbedder>();
        embedder->setFailingMarker(markerToken());
        Engine::Options o;
        o.dataDirectory = dir.filePath(QStringLiteral("data"));
        o.logToFile = false;
        o.embedder = embedder;
        QString error;
        auto engine = Engine::open(o, &error);
        QVERIFY2(engine, qPrintable(error));

        IngestOptions io;
        io.files = {before, during, after};
        io.batchSize = 10;
        const JobInfo job = engine->runJob(io);
        QCOMPARE(job.status, JobStatus::Completed);
        QVERIFY(job.error.isEmpty());
        QCOMPARE(job.counts.inserted, qint64(60));
        QCOMPARE(job.counts.rejected, qint64(0));
        QCOMPARE(engine->counts().total(), qint64(60));
        QCOMPARE(engine->vectorBacklog(), qint64(20));
        QCOMPARE(internals(*engine).index().size(), qint64(40));

        SearchQuery keyword;
        keyword.text = QStringLiteral("quokka");
        keyword.mode = SearchMode::Keyword;
        keyword.k = 100;
        const SearchResult found = engine->search(keyword);
        QCOMPARE(found.hits.size(), 20);
        QCOMPARE(found.notEmbedded, qint64(0)); // a keyword search misses nothing

        const QJsonObject health = engine->health(false);
        const QJsonObject components = health[QStringLiteral("components")].toObject();
        QCOMPARE(components[QStringLiteral("embedder")][QStringLiteral("vector_backlog")].toInteger(), qint64(20));
        QCOMPARE(components[QStringLiteral("vector_index")][QStringLiteral("count_matches_database")].toBool(), true);
        QCOMPARE(health[QStringLiteral("status")].toString(), QStringLiteral("degraded"));
        // Known and being filled: the integrity check counts them but does not call them a fault.
        const IntegrityReport integrity = engine->checkIntegrity({}, nullptr);
        QVERIFY2(integrity.ok(), qPrintable(QJsonDocument(integrity.toJson()).toJson()));
        QCOMPARE(integrity.recordsWithoutVector, qint64(20));
        QCOMPARE(integrity.vectorBacklog, qint64(20));

        // Vector and hybrid searches say what they cannot see (the worker's count, kept fresh).
        SearchQuery vector;
        vector.text = testdata::caseObject(25)[QStringLiteral("title")].toString();
        vector.mode = SearchMode::Vector;
        QTRY_COMPARE(engine->search(vector).notEmbedded, qint64(20));

        // The embedder recovers: the worker fills the backlog on its next try.
        embedder->setFailingMarker({});
        engine->retryVectorBacklog();
        QTRY_COMPARE_WITH_TIMEOUT(engine->vectorBacklog(), qint64(0), 20000);
        QTRY_COMPARE(internals(*engine).index().size(), qint64(60));
        QTRY_COMPARE(engine->search(vector).notEmbedded, qint64(0));
        for (int i = 20; i < 40; ++i) {
            const auto id = internals(*engine).withReader([&](Store &s) {
                const auto r = s.record(Collection::Cases, QStringLiteral("CASE-%1").arg(i));
                return r ? r->id : qint64(0);
            });
            QVERIFY(internals(*engine).index().contains(id));
        }
        vector.k = 10;
        QVERIFY2(externalIds(engine->search(vector)).contains(QStringLiteral("CASE-25")),
                 qPrintable(externalIds(engine->search(vector)).join(u' ')));
        const QJsonObject healed = engine->health(false);
        QCOMPARE(healed[QStringLiteral("components")][QStringLiteral("embedder")][QStringLiteral("vector_backlog")].toInteger(),
                 qint64(0));

        // Reopened: the saved index holds the filled vectors too.
        engine.reset();
        engine = Engine::open(o, &error);
        QVERIFY2(engine, qPrintable(error));
        QCOMPARE(internals(*engine).index().size(), qint64(60));
        QCOMPARE(engine->vectorBacklog(), qint64(0));
        QVERIFY(engine->indexOpenReport().action != IndexOpenReport::Action::Rebuilt);
    }

    // A page: distinct texts embedded once, every record of a filled text indexed, the failed ones
    // left in the backlog; the index hears of the filled records with the page's change sequence.
    void aPageFillsWhatTheEmbedderGives()
    {
        testdata::FailingEmbedder embedder;
        auto stores = storeWithBacklog(embedder, 5, 2); // two records share one text
        QVERIFY(stores);
        QCOMPARE(stores->reader()->vectorBacklogCount(), qint64(5));
        const qint64 watermark = stores->reader()->watermark();

        const Normalizer normalizer;
        std::vector<BatchOutcome> indexed;
        VectorBacklog::Settings s;
        s.stores = stores.get();
        s.normalizer = &normalizer;
        s.embedder = [&] { return std::shared_ptr<const Embedder>(&embedder, [](const Embedder *) {}); };
        s.index = [&](const BatchOutcome &o) { indexed.push_back(o); };
        VectorBacklog backlog(s);

        embedder.setFailingMarker(markerToken()); // the three "quokka" records fail
        const int callsBefore = embedder.calls();
        VectorBacklog::Pass pass = backlog.fillPage();
        QCOMPARE(pass.read, qint64(5));
        QCOMPARE(pass.filled, qint64(2));
        QCOMPARE(pass.failed, qint64(3));
        QVERIFY(pass.error.contains(QStringLiteral("503")));
        QCOMPARE(embedder.calls() - callsBefore, 1); // one call for the page's four distinct texts
        QCOMPARE(backlog.recount(), qint64(3));
        QCOMPARE(indexed.size(), size_t(1));
        QCOMPARE(indexed[0].indexChanges.size(), size_t(2));
        QVERIFY(indexed[0].seq > watermark);
        for (const IndexChange &c : indexed[0].indexChanges)
            QCOMPARE(int(c.vector.size()), embedder.dimension());

        embedder.setFailingMarker({});
        pass = backlog.fillPage(); // the walk goes on from the last record, then starts over
        if (pass.read == 0)
            pass = backlog.fillPage();
        QVERIFY(pass.ok());
        QCOMPARE(backlog.recount(), qint64(0));
        QCOMPARE(stores->reader()->counts().embeddings, qint64(4));
    }

    // An embedder that refuses every call: the worker backs off, doubling, instead of spinning.
    void aPermanentFailureDoesNotSpin()
    {
        testdata::FailingEmbedder embedder;
        auto stores = storeWithBacklog(embedder, 3);
        QVERIFY(stores);
        embedder.setDown(true, EmbedFailure::Permanent);
        const Normalizer normalizer;
        VectorBacklog::Settings s;
        s.stores = stores.get();
        s.normalizer = &normalizer;
        s.embedder = [&] { return std::shared_ptr<const Embedder>(&embedder, [](const Embedder *) {}); };
        s.firstRetry = std::chrono::milliseconds(20);
        s.maxRetry = std::chrono::milliseconds(60'000);
        VectorBacklog backlog(s);
        backlog.start();

        QTRY_VERIFY(backlog.status().failuresInARow >= 4); // 20 + 40 + 80 ms of waiting
        VectorBacklogStatus st = backlog.status();
        QCOMPARE(st.retryInMs, qint64(20) << (st.failuresInARow - 1));
        QVERIFY2(st.lastError.contains(QStringLiteral("401")), qPrintable(st.lastError));
        QCOMPARE(st.pending, qint64(3));
        // Growing waits: over the next half second at most a few more calls, never a busy loop.
        const int calls = embedder.calls();
        QTest::qWait(500);
        QVERIFY2(embedder.calls() - calls <= 3, qPrintable(QString::number(embedder.calls() - calls)));
        st = backlog.status();
        QVERIFY(st.retryInMs >= 160);
        QCOMPARE(st.retryInMs, qint64(20) << (st.failuresInARow - 1));
        QCOMPARE(st.attempts, qint64(st.failuresInARow));

        // New failures from a job only recount; they do not cut the backoff short (at most the
        // retry that was due anyway happens meanwhile).
        const int before = embedder.calls();
        for (int i = 0; i < 20; ++i)
            backlog.wake();
        QTest::qWait(50);
        QVERIFY(embedder.calls() - before <= 1);

        // Fixed: a retry now fills everything and ends the backoff.
        embedder.setDown(false);
        backlog.retryNow();
        QTRY_COMPARE(backlog.status().pending, qint64(0));
        QCOMPARE(backlog.status().failuresInARow, 0);
        QCOMPARE(backlog.status().retryInMs, qint64(0));
        QCOMPARE(backlog.status().filled, qint64(3));
        backlog.stop();
    }
};

QTEST_GUILESS_MAIN(TestVectorBacklog)
#include "tst_vector_backlog.moc"
