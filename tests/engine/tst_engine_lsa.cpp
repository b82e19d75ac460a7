// SPDX-License-Identifier: MIT
// Switching the engine to the LSA embedder: training, the swap, cancelling, restarting.
#include "engine/EngineInternals.h"
#include "../TestData.h"
#include "../TestEngine.h"

#include "embed/Embedder.h"
#include "index/VectorIndex.h"
#include "search/SearchEngine.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace kms;

namespace {

constexpr int kRecords = 1500;

struct Loaded {
    QTemporaryDir dir;
    std::unique_ptr<Engine> engine;
    QString dataDir() const { return dir.filePath(QStringLiteral("data")); }
};

bool load(Loaded &l)
{
    const QString file = l.dir.filePath(QStringLiteral("cases.jsonl"));
    if (!testdata::writeCases(file, 0, kRecords))
        return false;
    l.engine = testdata::openTestEngine(l.dataDir());
    if (!l.engine)
        return false;
    IngestOptions o;
    o.files = {file};
    return l.engine->runJob(o).counts.inserted == kRecords;
}

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

QStringList modelFiles(const Engine &e)
{
    return QDir(e.modelDirectory()).entryList({QStringLiteral("*.lsa")}, QDir::Files);
}

} // namespace

class TestEngineLsa : public QObject
{
    Q_OBJECT

private slots:
    void trainingSwitchesTheEmbedderAndSurvivesARestart()
    {
        Loaded l;
        QVERIFY(load(l));
        QStringList stages;
        QString error;
        QVERIFY2(l.engine->trainLsa(32, [&](const QString &stage, qint64, qint64) {
            if (stages.isEmpty() || stages.last() != stage)
                stages.append(stage);
        }, nullptr, &error), qPrintable(error));
        QCOMPARE(stages.first(), QStringLiteral("reading records"));
        QCOMPARE(stages.last(), QStringLiteral("re-embedding"));
        const QString id = l.engine->embedderInfo().id;
        QVERIFY2(id.startsWith(QStringLiteral("lsa-v1:k=32,")), qPrintable(id));
        QCOMPARE(internals(*l.engine).embedder().dimension(), 32);
        QCOMPARE(l.engine->config().embedderProvider, QStringLiteral("lsa"));
        QCOMPARE(modelFiles(*l.engine), QStringList{l.engine->config().lsaModel});
        QCOMPARE(l.engine->counts().embeddings, qint64(kRecords));
        QCOMPARE(l.engine->embedderInfo().kind, QStringLiteral("lsa-v1"));
        // Vector search works with the new vectors (the title's own record ranks first or near).
        SearchQuery q;
        q.text = testdata::caseObject(7)[QStringLiteral("title")].toString();
        q.mode = SearchMode::Vector;
        q.k = 20;
        q.log = false;
        const SearchResult r = l.engine->search(q);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.hits.size(), 20);

        // Training again on the same records gives the same model: nothing changes.
        QVERIFY2(l.engine->trainLsa(32, {}, nullptr, &error), qPrintable(error));
        QCOMPARE(l.engine->embedderInfo().id, id);

        l.engine.reset();
        l.engine = testdata::openTestEngine(l.dataDir());
        QVERIFY(l.engine);
        QCOMPARE(l.engine->embedderInfo().id, id);

        // Back to hash through the same re-embed path; the model file stays until the next training.
        EngineConfig next = l.engine->config();
        next.embedderProvider = QStringLiteral("hash");
        QVERIFY2(l.engine->applyConfig(next, {}, nullptr, &error), qPrintable(error));
        QVERIFY(l.engine->embedderInfo().id.startsWith(QStringLiteral("hash-v1:")));
        QCOMPARE(topVectorHit(*l.engine, 1234), QStringLiteral("CASE-1234"));
    }

    void cancelledTrainingKeepsTheOldEmbedder_data()
    {
        QTest::addColumn<QString>("cancelAt");
        QTest::newRow("reading") << QStringLiteral("reading records");
        QTest::newRow("training") << QStringLiteral("training: power iteration");
        QTest::newRow("re-embedding") << QStringLiteral("re-embedding");
    }
    void cancelledTrainingKeepsTheOldEmbedder()
    {
        QFETCH(QString, cancelAt);
        Loaded l;
        QVERIFY(load(l));
        const QString oldId = l.engine->embedderInfo().id;
        const auto indexBefore = internals(*l.engine).currentIndex();
        const qint64 vectorsBefore = l.engine->counts().embeddings;
        std::atomic<bool> cancel{false};
        QString error;
        QVERIFY(!l.engine->trainLsa(32, [&](const QString &stage, qint64, qint64) {
            if (stage == cancelAt)
                cancel = true;
        }, &cancel, &error));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
        QCOMPARE(l.engine->embedderInfo().id, oldId);
        QCOMPARE(internals(*l.engine).currentIndex(), indexBefore);
        QCOMPARE(l.engine->config().embedderProvider, QStringLiteral("hash"));
        QCOMPARE(l.engine->counts().embeddings, vectorsBefore);
        QCOMPARE(topVectorHit(*l.engine, 1234), QStringLiteral("CASE-1234"));
        QVERIFY(modelFiles(*l.engine).isEmpty());
        l.engine.reset();
        l.engine = testdata::openTestEngine(l.dataDir());
        QVERIFY(l.engine);
        QCOMPARE(l.engine->embedderInfo().id, oldId);
    }

    void corruptModelFileRefusesToOpen()
    {
        Loaded l;
        QVERIFY(load(l));
        QString error;
        QVERIFY2(l.engine->trainLsa(16, {}, nullptr, &error), qPrintable(error));
        const QString path = QDir(l.engine->modelDirectory()).filePath(l.engine->config().lsaModel);
        l.engine.reset();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() - 64));
        f.close();
        QString openError;
        QVERIFY(!testdata::openTestEngine(l.dataDir(), &openError));
        QVERIFY2(openError.contains(path) && openError.contains(QStringLiteral("checksum")), qPrintable(openError));
    }
};

QTEST_GUILESS_MAIN(TestEngineLsa)
#include "tst_engine_lsa.moc"
