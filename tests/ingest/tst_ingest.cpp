// SPDX-License-Identifier: MIT
// The ingestion pipeline end to end through the engine: real files in, store + index out.
#include "../TestData.h"
#include "../TestEngine.h"

#include "embed/EmbeddingCache.h"
#include "engine/Engine.h"
#include "engine/EngineInternals.h"
#include "index/VectorIndex.h"
#include "ingest/IngestOptions.h"
#include "ingest/JobEvents.h"
#include "metrics/Metrics.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

using namespace kms;

namespace {
std::unique_ptr<Engine> openEngine(const QString &dir)
{
    return testdata::openTestEngine(dir);
}

IngestOptions optionsFor(const QString &file)
{
    IngestOptions o;
    o.files = {file};
    return o;
}
} // namespace

class TestIngest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The bar follows committed records: with the reader at 91 % of the bytes but only 60 of the
    // 100 records it read committed, the job is a bit over half done.
    void progressFollowsCommittedRecords()
    {
        JobProgress p;
        QCOMPARE(p.fraction(), 0.0);
        p.totalBytes = 1000;
        p.bytesRead = 910;
        p.counts.read = 100;
        p.counts.inserted = 50;
        p.counts.rejected = 10;
        QCOMPARE(p.fraction(), 0.91 * 0.6);
        p.bytesRead = 1000;
        p.counts.unchanged = 40;
        QCOMPARE(p.fraction(), 1.0);
    }

    void tuningFollowsTheModes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<qint64>("estimate");
        QTest::addColumn<int>("explicitWorkers");
        QTest::addColumn<int>("explicitBatch");
        QTest::addColumn<int>("expectedMode");
        QTest::addColumn<int>("expectedWorkers");
        QTest::addColumn<int>("expectedBatch");
        QTest::newRow("auto small") << int(IngestMode::Auto) << qint64(1000) << 0 << 0 << int(IngestMode::Async) << 2 << 200;
        QTest::newRow("auto medium") << int(IngestMode::Auto) << qint64(8000) << 0 << 0 << int(IngestMode::Hybrid) << 2 << 500;
        QTest::newRow("auto large") << int(IngestMode::Auto) << qint64(100000) << 0 << 0 << int(IngestMode::Hybrid) << 2 << 1000;
        QTest::newRow("auto just below a large load") << int(IngestMode::Auto) << qint64(199'999) << 0 << 0 << int(IngestMode::Hybrid) << 2 << 1000;
        QTest::newRow("auto large load") << int(IngestMode::Auto) << qint64(200'000) << 0 << 0 << int(IngestMode::Hybrid) << 2 << 5000;
        QTest::newRow("hybrid million") << int(IngestMode::Hybrid) << qint64(1'000'000) << 0 << 0 << int(IngestMode::Hybrid) << 2 << 5000;
        QTest::newRow("distributed million") << int(IngestMode::Distributed) << qint64(1'000'000) << 0 << 0 << int(IngestMode::Distributed) << 2 << 5000;
        QTest::newRow("async forced") << int(IngestMode::Async) << qint64(100000) << 0 << 0 << int(IngestMode::Async) << 2 << 200;
        QTest::newRow("async forced, million") << int(IngestMode::Async) << qint64(1'000'000) << 0 << 0 << int(IngestMode::Async) << 2 << 200;
        QTest::newRow("explicit wins") << int(IngestMode::Auto) << qint64(100) << 8 << 750 << int(IngestMode::Async) << 8 << 750;
        QTest::newRow("explicit below a large load's") << int(IngestMode::Auto) << qint64(1'000'000) << 0 << 1000 << int(IngestMode::Hybrid) << 2 << 1000;
        QTest::newRow("explicit large") << int(IngestMode::Hybrid) << qint64(100) << 0 << 8000 << int(IngestMode::Hybrid) << 2 << 8000;
        QTest::newRow("clamped") << int(IngestMode::Hybrid) << qint64(100) << 500 << 50000 << int(IngestMode::Hybrid) << 128 << 10000;
        QTest::newRow("clamped low") << int(IngestMode::Hybrid) << qint64(100) << 0 << 10 << int(IngestMode::Hybrid) << 2 << 50;
    }
    void tuningFollowsTheModes()
    {
        QFETCH(int, mode);
        QFETCH(qint64, estimate);
        QFETCH(int, explicitWorkers);
        QFETCH(int, explicitBatch);
        QFETCH(int, expectedMode);
        QFETCH(int, expectedWorkers);
        QFETCH(int, expectedBatch);
        const Tuning t = chooseTuning(IngestMode(mode), estimate, 2, false, explicitWorkers, explicitBatch);
        QCOMPARE(int(t.mode), expectedMode);
        QCOMPARE(t.workers, expectedWorkers);
        QCOMPARE(t.batchSize, expectedBatch);
        QVERIFY(!t.reason.isEmpty());
    }

    // Large batches only pay when the writer is the bottleneck; with a server or a transformer
    // embedding, a batch of 5,000 would only take minutes to show up.
    void expensiveEmbedderKeepsLargeLoadsInSmallerBatches()
    {
        QCOMPARE(chooseTuning(IngestMode::Auto, 1'000'000, 2, false, 0, 0).batchSize, 5000);
        QCOMPARE(chooseTuning(IngestMode::Auto, 1'000'000, 2, true, 0, 0).batchSize, 1000);
        QCOMPARE(chooseTuning(IngestMode::Distributed, 1'000'000, 2, true, 0, 0).batchSize, 1000);
        QCOMPARE(chooseTuning(IngestMode::Auto, 100'000, 2, true, 0, 0).batchSize, 1000);
        QCOMPARE(chooseTuning(IngestMode::Auto, 8000, 2, true, 0, 0).batchSize, 500);
        QCOMPARE(chooseTuning(IngestMode::Auto, 1'000'000, 2, true, 0, 5000).batchSize, 5000); // explicit wins
    }

    // The real NFCorpus articles, then the same file again: nothing re-embedded, nothing rewritten.
    void nfcorpusEndToEndAndIncrementalSync()
    {
        const QString corpus = QStringLiteral(KMS_SHARED_DATA_DIR "/nfcorpus/corpus.jsonl.gz");
        if (!QFileInfo::exists(corpus))
            QSKIP("shared NFCorpus data not present");
        QTemporaryDir dir;
        auto engine = openEngine(dir.path());
        QVERIFY(engine);
        IngestOptions o = optionsFor(corpus);
        o.collection = Collection::Knowledge;
        const JobInfo first = engine->runJob(o);
        QCOMPARE(first.status, JobStatus::Completed);
        QCOMPARE(first.counts.read, 3633);
        QCOMPARE(first.counts.inserted, 3633);
        QCOMPARE(first.counts.rejected, 0);
        QCOMPARE(engine->counts().knowledge, 3633);
        QCOMPARE(internals(*engine).index().size(), 3633);
        const auto stored = engine->job(first.id);
        QVERIFY(stored);
        QCOMPARE(stored->counts, first.counts);
        QCOMPARE(stored->status, JobStatus::Completed);

        const quint64 missesBefore = internals(*engine).cache().misses();
        const JobInfo again = engine->runJob(o);
        QCOMPARE(again.status, JobStatus::Completed);
        QCOMPARE(again.counts.unchanged, 3633);
        QCOMPARE(again.counts.inserted, 0);
        QCOMPARE(again.counts.updated, 0);
        QCOMPARE(internals(*engine).cache().misses(), missesBefore); // no embedding work at all
        QCOMPARE(internals(*engine).index().size(), 3633);
    }

    void upsertUpdatesChangedRecordsOnly()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.jsonl"));
        const QString b = dir.filePath(QStringLiteral("b.jsonl"));
        QVERIFY(testdata::writeCases(a, 0, 300));
        // b: the same 300 with 20 changed, plus 50 new
        QFile f(b);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 350; ++i) {
            const QJsonObject o = testdata::caseObject(i, i < 20 ? QStringLiteral(" Changed.") : QString());
            f.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + "\n");
        }
        f.close();
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        QCOMPARE(engine->runJob(optionsFor(a)).counts.inserted, 300);

        // A dry run classifies without writing.
        const JobProgress dry = engine->dryRun(optionsFor(b));
        QCOMPARE(dry.counts.inserted, 50);
        QCOMPARE(dry.counts.updated, 20);
        QCOMPARE(dry.counts.unchanged, 280);
        QCOMPARE(engine->counts().cases, 300);

        const JobInfo job = engine->runJob(optionsFor(b));
        QCOMPARE(job.counts.inserted, 50);
        QCOMPARE(job.counts.updated, 20);
        QCOMPARE(job.counts.unchanged, 280);
        QCOMPARE(engine->counts().cases, 350);
        QCOMPARE(internals(*engine).index().size(), 350);
    }

    void badRecordsAreRejectedWithReasonsAndTheRestIsStored()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mixed.jsonl"));
        QByteArray text;
        text += QJsonDocument(testdata::caseObject(1)).toJson(QJsonDocument::Compact) + "\n";
        text += "{\"id\": \"CASE-X\", \"title\": \"broken\n";                       // line 2: bad JSON
        text += "{\"title\": \"no id here\", \"description\": \"text\"}\n";            // line 3: no id
        text += "[1, 2, 3]\n";                                                          // line 4: not an object
        text += QJsonDocument(testdata::caseObject(2)).toJson(QJsonDocument::Compact) + "\n";
        QVERIFY(testdata::writeText(file, text));
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        QCOMPARE(engine->runJob(optionsFor(dir.filePath(QStringLiteral("nothing.jsonl")))).status, JobStatus::Failed);
        const JobInfo job = engine->runJob(optionsFor(file));
        QCOMPARE(job.status, JobStatus::Completed);
        QCOMPARE(job.counts.inserted, 2);
        QCOMPARE(job.counts.rejected, 3);
        const QList<RejectInfo> rejects = engine->rejects(job.id);
        QCOMPARE(rejects.size(), 3);
        QSet<qint64> lines;
        for (const RejectInfo &r : rejects) {
            lines.insert(r.line);
            QCOMPARE(r.source, file);
            QVERIFY2(!r.reason.isEmpty(), qPrintable(r.reason));
        }
        QCOMPARE(lines, (QSet<qint64>{2, 3, 4}));
        for (const RejectInfo &r : rejects)
            if (r.line == 3)
                QCOMPARE(r.field, QStringLiteral("external_id"));
    }

    // A job whose source cannot be opened did not start, and its row says so: no start time, no
    // counts, the reason behind "did not start", in the list as in the answer; queued or run.
    void jobThatCannotStartSaysSo()
    {
        QTemporaryDir dir;
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        const QString missing = dir.filePath(QStringLiteral("nothing.jsonl"));
        const JobInfo run = engine->runJob(optionsFor(missing));
        QCOMPARE(run.status, JobStatus::Failed);
        QVERIFY2(run.error.startsWith(QStringLiteral("did not start: ")) && run.error.contains(missing),
                 qPrintable(run.error));
        QVERIFY(!run.startedAt.isValid());
        const qint64 queuedId = engine->submitJob(optionsFor(missing));
        QVERIFY(queuedId > 0);
        engine->waitForJobs();
        for (const qint64 id : {run.id, queuedId}) {
            const JobInfo row = *engine->job(id);
            QCOMPARE(row.status, JobStatus::Failed);
            QVERIFY2(row.error.startsWith(QStringLiteral("did not start: ")), qPrintable(row.error));
            QVERIFY(!row.startedAt.isValid());
            QVERIFY(row.finishedAt.isValid());
            QCOMPARE(row.counts, JobCounts{});
        }
    }

    void cancelLeavesWholeBatchesOnly()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 20000));
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        IngestOptions o = optionsFor(file);
        o.batchSize = 100;
        std::atomic<int> batches{0};
        const JobInfo job = engine->runJob(o, [&](IngestPipeline &p) {
            p.setBatchCommittedCallback([&](const JobProgress &) {
                if (++batches == 3)
                    p.cancel();
            });
        });
        QCOMPARE(job.status, JobStatus::Cancelled);
        const qint64 stored = engine->counts().cases;
        QVERIFY(stored >= 300);
        QVERIFY(stored < 20000);
        QCOMPARE(stored % 100, 0);                 // whole batches
        QCOMPARE(job.counts.inserted, stored);     // what the job reports is what is there
        QCOMPARE(engine->job(job.id)->counts.inserted, stored);
        QCOMPARE(internals(*engine).index().size(), stored);
    }

    // The per-batch progress carries what a progress bar needs: elapsed time, rate and time left.
    void batchProgressCarriesRateAndEta()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 3000));
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        IngestOptions o = optionsFor(file);
        o.batchSize = 100;
        QList<JobProgress> seen;
        std::mutex mutex;
        engine->runJob(o, [&](IngestPipeline &p) {
            p.setBatchCommittedCallback([&](const JobProgress &progress) {
                std::lock_guard guard(mutex);
                seen.append(progress);
            });
        });
        QCOMPARE(seen.size(), 30);
        const JobProgress &last = seen.last();
        QCOMPARE(last.counts.inserted, 3000);
        QVERIFY(last.elapsedSeconds > 0);
        QVERIFY(last.recordsPerSecond > 0);
        QCOMPARE(last.recordsPerSecond, double(last.counts.processed()) / last.elapsedSeconds);
        QVERIFY(last.etaSeconds >= 0);
    }

    void pauseHoldsAndResumeFinishes()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 6000));
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        IngestOptions o = optionsFor(file);
        o.batchSize = 100;
        std::atomic<IngestPipeline *> pipeline{nullptr};
        JobInfo result;
        std::thread runner([&] {
            result = engine->runJob(o, [&](IngestPipeline &p) {
                p.pause(); // paused before the first batch is read
                pipeline = &p;
            });
        });
        QTRY_VERIFY(pipeline.load() != nullptr);
        QTest::qWait(300);
        QCOMPARE(pipeline.load()->progress().counts.batchesCommitted, 0);
        QCOMPARE(pipeline.load()->progress().status, JobStatus::Paused);
        pipeline.load()->resume();
        runner.join();
        QCOMPARE(result.status, JobStatus::Completed);
        QCOMPARE(result.counts.inserted, 6000);
    }

    void queuedJobsRunByPriority()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("blocker.jsonl"));
        QVERIFY(testdata::writeCases(blocker, 0, 2000));
        QStringList small;
        for (int i = 0; i < 3; ++i) {
            small << dir.filePath(QStringLiteral("s%1.jsonl").arg(i));
            QVERIFY(testdata::writeCases(small.last(), 10000 + i * 10, 10000 + i * 10 + 10));
        }
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        std::mutex m;
        QList<qint64> finished;
        const auto subscription = engine->subscribeJobEvents([&](const JobEvent &e) {
            std::lock_guard g(m);
            if (e.isEnd())
                finished.append(e.jobId);
        });
        IngestOptions first = optionsFor(blocker);
        first.batchSize = 100;
        const qint64 running = engine->submitJob(first);
        QTRY_VERIFY(engine->runningJobProgress().has_value());
        QVERIFY(engine->pauseJob(running)); // hold it while the others queue up
        IngestOptions low = optionsFor(small[0]);
        low.priority = JobPriority::Low;
        IngestOptions normal = optionsFor(small[1]);
        IngestOptions high = optionsFor(small[2]);
        high.priority = JobPriority::High;
        const qint64 l = engine->submitJob(low);
        const qint64 n = engine->submitJob(normal);
        const qint64 h = engine->submitJob(high);
        QCOMPARE(internals(*engine).scheduler().queuedJobs(), (QList<qint64>{h, n, l}));
        QVERIFY(engine->resumeJob(running));
        engine->waitForJobs();
        std::lock_guard g(m);
        QCOMPARE(finished, (QList<qint64>{running, h, n, l}));
        QCOMPARE(engine->counts().cases, 2030);
    }

    void queuedJobCanBeCancelled()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 3000));
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        IngestOptions o = optionsFor(file);
        o.batchSize = 100;
        const qint64 first = engine->submitJob(o);
        QTRY_VERIFY(engine->runningJobProgress().has_value());
        QVERIFY(engine->pauseJob(first));
        const qint64 second = engine->submitJob(o);
        QVERIFY(engine->cancelJob(second));
        QVERIFY(engine->resumeJob(first));
        engine->waitForJobs();
        QCOMPARE(engine->job(second)->status, JobStatus::Cancelled);
        QCOMPARE(engine->job(first)->status, JobStatus::Completed);
    }

    // Every front end follows jobs through the one event stream: each job's events come in the order
    // of its life, with the row and (while it runs) the progress snapshot.
    void jobEventsTellEachJobsLifeInOrder()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 3000));
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        std::mutex m;
        QList<JobEvent> events;
        auto subscription = engine->subscribeJobEvents([&](const JobEvent &e) {
            std::lock_guard g(m);
            events.append(e);
        });
        auto kindsOf = [&](qint64 id) {
            std::lock_guard g(m);
            QList<JobEventKind> kinds;
            for (const JobEvent &e : events)
                if (e.jobId == id)
                    kinds.append(e.kind);
            return kinds;
        };
        IngestOptions o = optionsFor(file);
        o.batchSize = 1000;
        const qint64 first = engine->submitJob(o);
        QTRY_VERIFY(kindsOf(first).contains(JobEventKind::Started));
        QVERIFY(engine->pauseJob(first));
        const qint64 second = engine->submitJob(o);
        QVERIFY(engine->cancelJob(second));
        QVERIFY(engine->resumeJob(first));
        engine->waitForJobs();

        const QList<JobEventKind> kinds = kindsOf(first);
        QVERIFY(kinds.size() >= 5);
        QCOMPARE(kinds.first(), JobEventKind::Queued);
        QCOMPARE(kinds.at(1), JobEventKind::Started);
        QVERIFY(kinds.contains(JobEventKind::Paused));
        QVERIFY(kinds.indexOf(JobEventKind::Resumed) > kinds.indexOf(JobEventKind::Paused));
        QCOMPARE(kinds.count(JobEventKind::Progress), 3); // one per committed batch
        QCOMPARE(kinds.last(), JobEventKind::Finished);
        QCOMPARE(kindsOf(second), (QList<JobEventKind>{JobEventKind::Queued, JobEventKind::Cancelled}));
        {
            std::lock_guard g(m);
            const auto end = std::find_if(events.begin(), events.end(), [&](const JobEvent &e) {
                return e.jobId == first && e.isEnd();
            });
            QVERIFY(end != events.end());
            QCOMPARE(end->job.counts.inserted, 3000);
            QCOMPARE(end->job.status, JobStatus::Completed);
            QCOMPARE(end->job.source, file);
            for (const JobEvent &e : events) {
                QCOMPARE(e.job.id, e.jobId);
                QCOMPARE(e.progress.has_value(), !e.isEnd() && e.kind != JobEventKind::Queued);
            }
        }

        // A synchronous job (the CLI's) reports through the same stream; an ended subscription hears nothing.
        const qsizetype before = events.size();
        const JobInfo rerun = engine->runJob(o);
        const QList<JobEventKind> rerunKinds = kindsOf(rerun.id);
        QCOMPARE(rerunKinds.first(), JobEventKind::Queued);
        QCOMPARE(rerunKinds.last(), JobEventKind::Finished);
        subscription.reset();
        engine->runJob(o);
        std::lock_guard g(m);
        QCOMPARE(events.size(), before + rerunKinds.size());
    }

    // A load into an empty store keeps the indexes only reading uses away while it writes
    // (Store::deferReadIndexes) and builds them at its end, saying so in its progress; also when
    // it is cancelled. Any other job keeps them all along.
    void initialLoadBuildsTheBrowseIndexesAtItsEnd_data()
    {
        QTest::addColumn<bool>("initialLoad");
        QTest::addColumn<bool>("cancel");
        QTest::newRow("initial load") << true << false;
        QTest::newRow("initial load, cancelled") << true << true;
        QTest::newRow("ingest") << false << false;
    }
    void initialLoadBuildsTheBrowseIndexesAtItsEnd()
    {
        QFETCH(bool, initialLoad);
        QFETCH(bool, cancel);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 3000));
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        auto deferred = [&] { return internals(*engine).withReader([](Store &s) { return s.readIndexesDeferred(); }); };
        std::mutex m;
        QStringList phases;
        auto subscription = engine->subscribeJobEvents([&](const JobEvent &e) {
            std::lock_guard g(m);
            if (e.progress && !e.progress->phase.isEmpty())
                phases.append(e.progress->phase);
        });
        IngestOptions o = optionsFor(file);
        o.initialLoad = initialLoad;
        o.batchSize = 500;
        std::atomic<int> batches{0}, deferredBatches{0};
        const JobInfo job = engine->runJob(o, [&](IngestPipeline &p) {
            p.setBatchCommittedCallback([&](const JobProgress &) {
                deferredBatches += deferred() ? 1 : 0;
                if (++batches == 2 && cancel)
                    p.cancel();
            });
        });
        QCOMPARE(job.status, cancel ? JobStatus::Cancelled : JobStatus::Completed);
        QCOMPARE(deferredBatches.load(), initialLoad ? batches.load() : 0);
        QVERIFY(!deferred());
        // The browser walks its index again, and finds every stored record in it.
        BrowseQuery q;
        q.sort = BrowseSort::Title;
        q.status = QStringLiteral("open");
        const QString plan = internals(*engine).withReader([&](Store &s) { return s.explainBrowse(q, {}, -1); });
        QVERIFY2(plan.contains(QLatin1String("records_browse_title")), qPrintable(plan));
        q.status.clear();
        QCOMPARE(engine->browse(q, 10).total, engine->counts().cases);
        std::lock_guard g(m);
        if (initialLoad) {
            QVERIFY(!phases.isEmpty());
            QCOMPARE(phases.first(), QStringLiteral("building the browse indexes (0 of 9 done)"));
            QCOMPARE(phases.last(), QStringLiteral("building the browse indexes (9 of 9 done)"));
        } else {
            QVERIFY(phases.isEmpty());
        }
    }

    // An initial load stopped before its end (a kill) left them away: the next start builds them.
    void nextStartBuildsIndexesAStoppedLoadLeft()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 500));
        const QString data = dir.filePath(QStringLiteral("data"));
        {
            auto engine = openEngine(data);
            QVERIFY(engine);
            QCOMPARE(engine->runJob(optionsFor(file)).status, JobStatus::Completed);
            QVERIFY(internals(*engine).withWriter([](Store &s) { return s.deferReadIndexes(); }));
        }
        auto engine = openEngine(data);
        QVERIFY(engine);
        QVERIFY(!internals(*engine).withReader([](Store &s) { return s.readIndexesDeferred(); }));
        BrowseQuery q;
        q.sort = BrowseSort::Updated;
        const QString plan = internals(*engine).withReader([&](Store &s) { return s.explainBrowse(q, {}, -1); });
        QVERIFY2(plan.contains(QLatin1String("records_browse_updated")), qPrintable(plan));
    }

    void metricsSeeEveryStage()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 1000));
        auto engine = openEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        QCOMPARE(engine->runJob(optionsFor(file)).counts.inserted, 1000);
        Metrics &m = internals(*engine).metrics();
        QCOMPARE(m.totalCommitted(), 1000);
        for (Stage s : {Stage::Read, Stage::Normalise, Stage::Embed, Stage::Write, Stage::Index})
            QVERIFY2(m.stageRecords(s) >= 1000, qPrintable(stageName(s)));
        const MetricsPoint p = m.tick(1000);
        QVERIFY(p.recordsPerSecond10 > 0);
    }
};

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
