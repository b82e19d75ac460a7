// SPDX-License-Identifier: MIT
// The engine as a whole: data-directory ownership, index recovery at open, health, and a child
// process killed with SIGKILL in the middle of a job.
#include "../TestData.h"
#include "../TestEngine.h"

#include "engine/Engine.h"
#include "engine/EngineInternals.h"
#include "index/IndexFile.h"
#include "index/VectorIndex.h"
#include "metrics/Metrics.h"
#include "storage/DataDirectory.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace kms;

namespace {
std::unique_ptr<Engine> openEngine(const QString &dir, QString *error = nullptr,
                                   std::optional<EngineConfig> config = std::nullopt)
{
    return testdata::openTestEngine(dir, error, config);
}

qint64 ingest(Engine &engine, const QString &file)
{
    IngestOptions o;
    o.files = {file};
    o.batchSize = 100;
    return engine.runJob(o).counts.inserted;
}

QString kmsctlPath()
{
    return QStringLiteral(KMS_TEST_BINARY_DIR "/app/kmsctl/kmsctl");
}
} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void secondOwnerIsRefusedWithTheHolderNamed()
    {
        QTemporaryDir dir;
        auto first = openEngine(dir.path());
        QVERIFY(first);
        QString error;
        auto second = openEngine(dir.path(), &error);
        QVERIFY(!second);
        QVERIFY2(error.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(error));
        first.reset();
        QVERIFY(openEngine(dir.path()));
    }

    // A read-only view beside the owner (another QLockFile of this process fails like one of
    // another process): it sees what the owner committed after its index file was saved, through
    // the file caught up in memory, refuses writes, and leaves the owner's files alone.
    void readOnlyViewBesideTheOwner()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QVERIFY(testdata::writeCases(dir.filePath(QStringLiteral("a.jsonl")), 0, 300));
        QVERIFY(testdata::writeCases(dir.filePath(QStringLiteral("b.jsonl")), 300, 400));
        {
            auto first = openEngine(data);
            QVERIFY(first);
            QCOMPARE(ingest(*first, dir.filePath(QStringLiteral("a.jsonl"))), 300);
        } // index file saved at exit
        auto owner = openEngine(data);
        QVERIFY(owner);
        QCOMPARE(ingest(*owner, dir.filePath(QStringLiteral("b.jsonl"))), 100); // saves the index at its end
        // Two edits after that save: the view catches the file up by them.
        Record added;
        added.collection = Collection::Cases;
        added.externalId = QStringLiteral("NEW-1");
        added.title = QStringLiteral("Quasar telescope mount drifts westward");
        added.body = QStringLiteral("The quasar telescope mount drifts westward during long exposures.");
        QVERIFY(owner->saveRecord(added).ok);
        QVERIFY(owner->deleteRecord(owner->recordIdOf(QStringLiteral("CASE-7"))));
        const QString indexPath = owner->status().indexPath;
        const QDateTime indexSaved = QFileInfo(indexPath).lastModified();

        QString error;
        QVERIFY(!openEngine(data, &error)); // an owner is still refused
        Engine::Options o;
        o.dataDirectory = data;
        o.logToFile = false;
        o.readOnlyBesideOwner = true;
        auto view = Engine::open(o, &error);
        QVERIFY2(view, qPrintable(error));
        QVERIFY(view->status().readOnlyBeside.contains(QString::number(QCoreApplication::applicationPid())));
        QVERIFY2(view->status().vectorSearchUnavailable.isEmpty(), qPrintable(view->status().vectorSearchUnavailable));
        QCOMPARE(view->counts().total(), 400);
        QCOMPARE(view->status().indexVectors, 400);
        QCOMPARE(view->indexOpenReport().action, IndexOpenReport::Action::CaughtUp);
        QCOMPARE(view->indexOpenReport().added, 1);
        QCOMPARE(view->indexOpenReport().removed, 1);
        SearchQuery q;
        q.text = QStringLiteral("quasar telescope mount drifts westward");
        q.mode = SearchMode::Vector;
        const SearchResult vectors = view->search(q);
        QVERIFY2(vectors.error.isEmpty() && vectors.note.isEmpty(), qPrintable(vectors.error + vectors.note));
        QVERIFY(!vectors.hits.isEmpty());
        QCOMPARE(vectors.hits.first().externalId, QStringLiteral("NEW-1")); // from the caught-up part
        q.text = testdata::caseObject(7).value(QStringLiteral("title")).toString();
        for (const SearchHit &h : view->search(q).hits)
            QVERIFY(h.externalId != QLatin1String("CASE-7")); // removed by the catch-up

        // Writes are refused by the read-only connection and change nothing.
        Record r;
        r.collection = Collection::Cases;
        r.externalId = QStringLiteral("VIEW-1");
        r.title = QStringLiteral("written by a reader");
        const RecordSaveResult saved = view->saveRecord(r);
        QVERIFY(!saved.ok);
        QVERIFY2(saved.error.contains(QStringLiteral("read-only")) || saved.error.contains(QStringLiteral("readonly")),
                 qPrintable(saved.error));
        QCOMPARE(owner->counts().total(), 400);
        // Searches are not logged, and closing the view saves no index.
        QVERIFY(owner->recentSearches(10).isEmpty());
        view.reset();
        QCOMPARE(QFileInfo(indexPath).lastModified(), indexSaved);

        // An index file the view cannot use: keyword search, with the reason in the result.
        QVERIFY(QFile::remove(indexPath));
        view = Engine::open(o, &error);
        QVERIFY2(view, qPrintable(error));
        QVERIFY(view->status().vectorSearchUnavailable.contains(QStringLiteral("not saved a vector index file")));
        q.text = QStringLiteral("quasar telescope mount drifts westward");
        const SearchResult keyword = view->search(q);
        QVERIFY(keyword.error.isEmpty());
        QVERIFY(keyword.note.contains(QStringLiteral("keyword results only")));
        QCOMPARE(keyword.vectorCandidates, 0);
        QVERIFY(!keyword.hits.isEmpty());
        QCOMPARE(keyword.hits.first().externalId, QStringLiteral("NEW-1"));
        QVERIFY(view->similar(1, 5).error.contains(QStringLiteral("not saved a vector index file")));
        const QJsonObject health = view->health(false);
        QCOMPARE(health.value(QStringLiteral("components")).toObject().value(QStringLiteral("vector_index")).toObject()
                     .value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        view.reset();
        QVERIFY(!QFile::exists(indexPath)); // the view did not save one either
    }

    // With nobody holding the directory, a reader opens it as its owner (as before): a
    // read-only view only exists beside an owner.
    void readerWithoutAnOwnerOwns()
    {
        QTemporaryDir dir;
        Engine::Options o;
        o.dataDirectory = dir.filePath(QStringLiteral("data"));
        o.logToFile = false;
        o.readOnlyBesideOwner = true;
        QString error;
        auto engine = Engine::open(o, &error);
        QVERIFY2(engine, qPrintable(error));
        QVERIFY(engine->status().readOnlyBeside.isEmpty());
        QVERIFY(!openEngine(dir.filePath(QStringLiteral("data")), &error));
    }

    void indexFileProblemsAreRepairedFromTheStore_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("expectedAction");
        QTest::newRow("missing") << "missing" << int(IndexOpenReport::Action::Rebuilt);
        QTest::newRow("truncated") << "truncated" << int(IndexOpenReport::Action::Rebuilt);
        QTest::newRow("truncated header") << "header" << int(IndexOpenReport::Action::Rebuilt);
        QTest::newRow("bit flip") << "flip" << int(IndexOpenReport::Action::Rebuilt);
        QTest::newRow("garbage") << "garbage" << int(IndexOpenReport::Action::Rebuilt);
        QTest::newRow("older format") << "version" << int(IndexOpenReport::Action::Rebuilt);
        QTest::newRow("stale") << "stale" << int(IndexOpenReport::Action::CaughtUp);
        QTest::newRow("intact") << "none" << int(IndexOpenReport::Action::Verified);
    }
    void indexFileProblemsAreRepairedFromTheStore()
    {
        QFETCH(QString, damage);
        QFETCH(int, expectedAction);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString a = dir.filePath(QStringLiteral("a.jsonl"));
        const QString b = dir.filePath(QStringLiteral("b.jsonl"));
        QVERIFY(testdata::writeCases(a, 0, 500));
        QVERIFY(testdata::writeCases(b, 500, 800));
        QString indexPath;
        {
            auto engine = openEngine(data);
            QVERIFY(engine);
            QCOMPARE(ingest(*engine, a), 500);
            indexPath = internals(*engine).dataDirectory().indexPath();
        }
        const QString saved = dir.filePath(QStringLiteral("saved.kidx"));
        QVERIFY(QFile::copy(indexPath, saved));
        if (damage == QLatin1String("stale")) {
            auto engine = openEngine(data);
            QVERIFY(engine);
            QCOMPARE(ingest(*engine, b), 300);
            engine.reset();
            QFile::remove(indexPath);
            QVERIFY(QFile::copy(saved, indexPath)); // the index as it was before the second job
        }
        QFile f(indexPath);
        const qint64 size = f.size();
        if (damage == QLatin1String("missing")) {
            QVERIFY(f.remove());
        } else if (damage == QLatin1String("truncated")) {
            QVERIFY(f.resize(size / 2));
        } else if (damage == QLatin1String("header")) {
            QVERIFY(f.resize(20));
        } else if (damage == QLatin1String("flip")) {
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(size - 1000);
            char c = 0;
            f.getChar(&c);
            f.seek(size - 1000);
            f.putChar(char(c ^ 0x10));
            f.close();
        } else if (damage == QLatin1String("garbage")) {
            QVERIFY(testdata::writeText(indexPath, QByteArray(4096, 'x')));
        } else if (damage == QLatin1String("version")) {
            // A sound file but for its format version: what the float32 builds (version 1) left.
            IndexFileHeader header = readIndexFileHeader(indexPath).header;
            QVERIFY(header.payloadSize > 0);
            header.formatVersion = 1;
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray bytes = f.readAll();
            f.close();
            const QByteArray forged = encodeIndexHeader(header);
            bytes.replace(0, forged.size(), forged);
            QVERIFY(testdata::writeText(indexPath, bytes));
            QCOMPARE(VectorIndex::verify(indexPath, 0, {}).status, IndexLoadStatus::VersionMismatch);
        }
        auto engine = openEngine(data);
        QVERIFY(engine);
        QCOMPARE(int(engine->indexOpenReport().action), expectedAction);
        if (damage == QLatin1String("version")) {
            QVERIFY2(engine->indexOpenReport().message.contains(QLatin1String("format version 1")),
                     qPrintable(engine->indexOpenReport().message));
            QCOMPARE(readIndexFileHeader(indexPath).header.formatVersion, kIndexFormatVersion); // rewritten
        }
        const qint64 total = engine->counts().total();
        QCOMPARE(internals(*engine).index().size(), total);
        QCOMPARE(total, damage == QLatin1String("stale") ? 800 : 500);
        const QJsonObject health = engine->health(true);
        const QJsonObject index = health[QStringLiteral("components")][QStringLiteral("vector_index")].toObject();
        QCOMPARE(index[QStringLiteral("count_matches_database")].toBool(), true);
        QCOMPARE(index[QStringLiteral("file_verified")].toBool(), true);
        QCOMPARE(index[QStringLiteral("segments")].toInt(), 1);
    }

    void otherEmbedderIsRefused()
    {
        QTemporaryDir dir;
        {
            auto engine = openEngine(dir.path());
            QVERIFY(engine);
        }
        EngineConfig other;
        other.embeddingDimension = 128;
        QString error;
        auto engine = openEngine(dir.path(), &error, other);
        QVERIFY(!engine);
        QVERIFY2(error.contains(QStringLiteral("embedder")), qPrintable(error));
        QVERIFY(openEngine(dir.path())); // the stored configuration still opens
    }

    void healthHasTheDocumentedShape()
    {
        QTemporaryDir dir;
        auto engine = openEngine(dir.path());
        QVERIFY(engine);
        const QJsonObject h = engine->health(true);
        QCOMPARE(h[QStringLiteral("status")].toString(), QStringLiteral("healthy"));
        for (const char *key : {"database", "vector_index", "embedder", "disk", "memory"})
            QVERIFY2(h[QStringLiteral("components")].toObject().contains(QLatin1String(key)), key);
        QVERIFY(h.contains(QStringLiteral("system")));
        QVERIFY(h.contains(QStringLiteral("performance")));
        QCOMPARE(h[QStringLiteral("components")][QStringLiteral("database")][QStringLiteral("quick_check")].toString(),
                 QStringLiteral("ok"));
    }

    // The per-second metrics are persisted, so the dashboard's history survives a restart.
    void metricsHistorySurvivesARestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 3000));
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        {
            Engine::Options o;
            o.dataDirectory = dir.filePath(QStringLiteral("data"));
            o.logToFile = false;
            o.startSampler = true;
            QString error;
            auto engine = Engine::open(o, &error);
            QVERIFY2(engine, qPrintable(error));
            QCOMPARE(ingest(*engine, file), 3000);
            // A few ticks while the job's records are still in the 10-second window.
            QTest::qWait(2500);
        } // closing flushes what the sampler has not written yet
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        const QList<MetricSample> rate = engine->metricHistory(QStringLiteral("ingest.rate10"), before,
                                                               QDateTime::currentMSecsSinceEpoch());
        QVERIFY(rate.size() >= 2);
        double peak = 0;
        for (const MetricSample &m : rate)
            peak = std::max(peak, m.value);
        QVERIFY(peak > 0);
        QVERIFY(!engine->metricHistory(QStringLiteral("stage.write.p95_ms"), before, QDateTime::currentMSecsSinceEpoch()).isEmpty());
    }

    // Charts read several metrics at once, bucketed; the seconds the sampler has not persisted yet
    // come from memory, and after a restart the persisted ones are still there.
    void metricSeriesJoinsPersistedAndRecentSeconds()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 2000));
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QStringList names{metricName(MetricId::IngestRate), metricName(MetricId::ProcessRss),
                                stageMetricName(Stage::Embed, true)};
        qint64 committed = 0;
        {
            Engine::Options o;
            o.dataDirectory = dir.filePath(QStringLiteral("data"));
            o.logToFile = false;
            o.startSampler = true;
            QString error;
            auto engine = Engine::open(o, &error);
            QVERIFY2(engine, qPrintable(error));
            const qint64 openedAt = QDateTime::currentMSecsSinceEpoch();
            QCOMPARE(ingest(*engine, file), 2000);
            QTest::qWait(3500);
            // The sampler writes every ten ticks: before the tenth nothing is in the table, so these
            // seconds can only come from memory. (A slow machine may have written some: then the
            // sum below checks that no second is counted twice.)
            if (QDateTime::currentMSecsSinceEpoch() - openedAt < 9000)
                QVERIFY(engine->metricHistory(names.first(), before, QDateTime::currentMSecsSinceEpoch()).isEmpty());
            const auto series = engine->metricSeries(names, before, QDateTime::currentMSecsSinceEpoch(), 1000);
            QCOMPARE(series.size(), 3);
            for (const QString &name : names)
                QVERIFY2(series.value(name).size() >= 3, qPrintable(name));
            for (const MetricBucket &b : series.value(names.first()))
                committed += qint64(b.mean * double(b.samples) + 0.5);
            QVERIFY(series.value(metricName(MetricId::ProcessRss)).last().mean > 0);
            // A wider bucket folds the same seconds into fewer points.
            const auto wide = engine->metricSeries(names, before, QDateTime::currentMSecsSinceEpoch(), 60'000);
            QVERIFY(wide.value(names.first()).size() <= 2);
        }
        // Every committed record was counted in exactly one second of ingest.rate.
        QCOMPARE(committed, 2000);
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        const auto series = engine->metricSeries(names, before, QDateTime::currentMSecsSinceEpoch(), 1000);
        qint64 persisted = 0;
        for (const MetricBucket &b : series.value(names.first()))
            persisted += qint64(b.mean * double(b.samples) + 0.5);
        QCOMPARE(persisted, 2000);
    }

    // A child kmsctl is killed with SIGKILL mid-job. Every batch it reported as committed must be
    // there, the job row's counts must equal the stored records, and the index must match.
    void killedMidIngestLosesNothingCommitted()
    {
        if (!QFileInfo::exists(kmsctlPath()))
            QSKIP("kmsctl not built");
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString file = dir.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 60000));
        QProcess child;
        child.setProgram(kmsctlPath());
        child.setArguments({QStringLiteral("--data-dir"), data, QStringLiteral("ingest"), file,
                            QStringLiteral("--events"), QStringLiteral("--batch-size"), QStringLiteral("200")});
        child.start();
        QVERIFY(child.waitForStarted());
        qint64 reported = 0;
        int events = 0;
        QByteArray buffer;
        while (events < 15 && child.state() == QProcess::Running) {
            child.waitForReadyRead(10000);
            buffer += child.readAllStandardOutput();
            qsizetype nl;
            while ((nl = buffer.indexOf('\n')) >= 0) {
                const QJsonObject e = QJsonDocument::fromJson(buffer.left(nl)).object();
                buffer.remove(0, nl + 1);
                if (e[QStringLiteral("event")].toString() == QLatin1String("batch")) {
                    reported = std::max<qint64>(reported, e[QStringLiteral("inserted")].toInteger());
                    ++events;
                }
            }
        }
        QVERIFY2(events >= 15, "the child finished before it could be killed");
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto engine = openEngine(data); // the stale lock of the dead process is taken over
        QVERIFY(engine);
        const qint64 stored = engine->counts().cases;
        QVERIFY2(stored >= reported, qPrintable(QStringLiteral("%1 stored < %2 reported").arg(stored).arg(reported)));
        QVERIFY(stored < 60000);
        QCOMPARE(stored % 200, 0); // whole batches only
        const QList<JobInfo> jobs = engine->jobs();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().status, JobStatus::Failed); // interrupted
        QCOMPARE(jobs.first().counts.inserted, stored);
        QCOMPARE(internals(*engine).index().size(), stored);
        QCOMPARE(engine->health(true)[QStringLiteral("status")].toString(), QStringLiteral("healthy"));

        // The interrupted load finishes by running it again: the rest is inserted, nothing twice.
        IngestOptions o;
        o.files = {file};
        const JobInfo rerun = engine->runJob(o);
        QCOMPARE(rerun.counts.unchanged, stored);
        QCOMPARE(rerun.counts.inserted, 60000 - stored);
        QCOMPARE(internals(*engine).index().size(), 60000);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
