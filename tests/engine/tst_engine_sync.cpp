// SPDX-License-Identifier: MIT
// Scheduled syncs (the slot grid, the store, due runs through the engine, surviving a restart)
// and retrying a fixed rejected record.
#include "../TestData.h"
#include "../TestEngine.h"

#include "engine/Engine.h"
#include "engine/EngineInternals.h"
#include "index/VectorIndex.h"
#include "ingest/SourcePreview.h"
#include "storage/Store.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kms;

namespace {
const QDateTime kT0 = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);

IngestOptions optionsFor(const QString &file)
{
    IngestOptions o;
    o.files = {file};
    o.batchSize = 100;
    return o;
}
} // namespace

class TestEngineSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void nextSlotFollowsTheGrid_data()
    {
        QTest::addColumn<QDateTime>("anchor");
        QTest::addColumn<int>("interval");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("future anchor stays") << kT0.addSecs(600) << 30 << kT0 << kT0.addSecs(600);
        QTest::newRow("exactly due: one step") << kT0 << 30 << kT0 << kT0.addSecs(1800);
        QTest::newRow("just after the slot") << kT0 << 30 << kT0.addSecs(1) << kT0.addSecs(1800);
        QTest::newRow("three missed runs collapse") << kT0 << 30 << kT0.addSecs(3 * 1800 + 60) << kT0.addSecs(4 * 1800);
        QTest::newRow("missed a week") << kT0 << 60 << kT0.addDays(7).addSecs(59) << kT0.addDays(7).addSecs(3600);
        QTest::newRow("no anchor: one interval from now") << QDateTime() << 15 << kT0 << kT0.addSecs(900);
    }

    void nextSlotFollowsTheGrid()
    {
        QFETCH(QDateTime, anchor);
        QFETCH(int, interval);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, expected);
        QCOMPARE(nextSlotAfter(anchor, interval, now), expected);
        SyncSchedule s;
        s.intervalMinutes = interval;
        s.nextRunAt = anchor;
        QCOMPARE(isDue(s, now), anchor.isValid() && anchor <= now);
        s.enabled = false;
        QVERIFY(!isDue(s, now));
    }

    void storeKeepsSchedules()
    {
        QString error;
        auto store = Store::open(QStringLiteral(":memory:"), Store::Mode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(error));
        SyncSchedule s;
        s.name = QStringLiteral("Nightly tickets");
        IngestOptions o;
        o.files = {QStringLiteral("/exports/tickets.csv")};
        o.collection = Collection::Cases;
        o.mappings = {QStringLiteral("title=Subject")};
        s.options = o.toJson();
        s.intervalMinutes = 30;
        s.nextRunAt = kT0;
        const qint64 id = store->addSchedule(s);
        QVERIFY2(id > 0, qPrintable(store->lastError()));
        auto back = store->schedule(id);
        QVERIFY(back);
        QCOMPARE(back->name, s.name);
        QCOMPARE(back->files(), o.files);
        QCOMPARE(back->intervalMinutes, 30);
        QCOMPARE(back->nextRunAt, kT0);
        QVERIFY(!back->lastRunAt.isValid());
        QCOMPARE(back->lastJobId, 0);
        const auto options = IngestOptions::fromJson(back->options, &error);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->collection, std::optional<Collection>(Collection::Cases));
        QCOMPARE(options->mappings, o.mappings);

        back->enabled = false;
        back->lastRunAt = kT0;
        back->lastJobId = 7;
        back->nextRunAt = kT0.addSecs(1800);
        QVERIFY(store->updateSchedule(*back));
        QCOMPARE(*store->schedule(id), *back);

        SyncSchedule sooner = s;
        sooner.name = QStringLiteral("Articles");
        sooner.nextRunAt = kT0.addSecs(-60);
        const qint64 id2 = store->addSchedule(sooner);
        const QList<SyncSchedule> all = store->schedules();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().id, id2); // soonest first

        QVERIFY(store->removeSchedule(id));
        QVERIFY(!store->schedule(id));
        QVERIFY(!store->removeSchedule(id));
        QVERIFY(store->lastError().contains(QStringLiteral("does not exist")));
        SyncSchedule bad = s;
        bad.intervalMinutes = 0;
        QCOMPARE(store->addSchedule(bad), 0); // the CHECK constraint
    }

    void fixedRecordAndItsRejectGoTogether()
    {
        QString error;
        auto store = Store::open(QStringLiteral(":memory:"), Store::Mode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(error));
        BatchWrite bad;
        RejectInfo reject;
        reject.source = QStringLiteral("a.jsonl");
        reject.recordNumber = 1;
        reject.reason = QStringLiteral("expected a string, got object");
        bad.rejects.push_back(reject);
        QVERIFY(store->writeBatch(bad));
        const qint64 rejectId = store->rejects(0).first().id;
        QCOMPARE(store->reject(rejectId)->reason, reject.reason);

        BatchWrite fix;
        RecordWrite w;
        w.record.externalId = QStringLiteral("A-1");
        w.record.title = QStringLiteral("fixed");
        w.contentHash = 1;
        w.textHash = 2;
        fix.records.push_back(w);
        const qint64 missing = rejectId + 100;
        QVERIFY(!store->writeBatch(fix, std::span<const qint64>(&missing, 1))); // all or nothing
        QVERIFY(store->lastError().contains(QStringLiteral("does not exist")));
        QVERIFY(!store->record(Collection::Cases, QStringLiteral("A-1")));
        QVERIFY(store->writeBatch(fix, std::span<const qint64>(&rejectId, 1)));
        QVERIFY(store->record(Collection::Cases, QStringLiteral("A-1")));
        QVERIFY(store->rejects(0).isEmpty());
        QVERIFY(!store->reject(rejectId));
    }

    // A fixed reject leaves its job's rejected count, whatever batch fixes it: a retried record
    // (one record, no job of its own) moves to the count of its outcome, other batches only take
    // the reject out.
    void fixedRejectLeavesItsJobsRejectedCount()
    {
        QString error;
        auto store = Store::open(QStringLiteral(":memory:"), Store::Mode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->setActiveEmbedder(QStringLiteral("test")));
        JobInfo job;
        job.status = JobStatus::Completed;
        const qint64 jobId = store->createJob(job);
        BatchWrite bad;
        bad.jobId = jobId;
        bad.readSoFar = 3;
        for (int i = 1; i <= 3; ++i) {
            RejectInfo reject;
            reject.source = QStringLiteral("a.jsonl");
            reject.recordNumber = i;
            reject.reason = QStringLiteral("bad");
            bad.rejects.push_back(reject);
        }
        QVERIFY(store->writeBatch(bad));
        QCOMPARE(store->job(jobId)->counts.rejected, 3);
        const QList<RejectInfo> rejects = store->rejects(jobId);

        auto recordWrite = [](const QString &id, quint64 hash) {
            RecordWrite w;
            w.record.externalId = id;
            w.record.title = QStringLiteral("fixed");
            w.contentHash = hash;
            w.textHash = hash;
            w.vector = {1.0f, 0.0f};
            return w;
        };
        BatchWrite retry; // one retried record: rejected -> inserted
        retry.records.push_back(recordWrite(QStringLiteral("A-1"), 1));
        QVERIFY(store->writeBatch(retry, std::span<const qint64>(&rejects[0].id, 1)));
        JobCounts c = store->job(jobId)->counts;
        QCOMPARE(c.rejected, 2);
        QCOMPARE(c.inserted, 1);
        QCOMPARE(c.processed(), 3);

        BatchWrite again; // the same content retried for another reject: rejected -> unchanged
        again.records.push_back(recordWrite(QStringLiteral("A-1"), 1));
        QVERIFY(store->writeBatch(again, std::span<const qint64>(&rejects[1].id, 1)));
        c = store->job(jobId)->counts;
        QCOMPARE(c.rejected, 1);
        QCOMPARE(c.unchanged, 1);
        QCOMPARE(c.processed(), 3);

        JobInfo other;
        const qint64 otherJob = store->createJob(other);
        BatchWrite ofAJob; // a job's own batch that resolves a reject of another job
        ofAJob.jobId = otherJob;
        ofAJob.readSoFar = 1;
        ofAJob.records.push_back(recordWrite(QStringLiteral("A-3"), 3));
        QVERIFY(store->writeBatch(ofAJob, std::span<const qint64>(&rejects[2].id, 1)));
        c = store->job(jobId)->counts;
        QCOMPARE(c.rejected, 0);
        QCOMPARE(c.inserted, 1); // the record counts in the job that wrote it
        QCOMPARE(store->job(otherJob)->counts.inserted, 1);
    }

    // A batch that changes no record (all unchanged, only rejects) leaves the watermark where it
    // was: an index saved at it is still current, not "behind by one" at every re-sync.
    void batchesThatChangeNothingKeepTheWatermark()
    {
        QString error;
        auto store = Store::open(QStringLiteral(":memory:"), Store::Mode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->setActiveEmbedder(QStringLiteral("test")));
        BatchWrite b;
        RecordWrite w;
        w.record.externalId = QStringLiteral("A-1");
        w.record.title = QStringLiteral("one");
        w.contentHash = 1;
        w.textHash = 1;
        w.vector = {1.0f, 0.0f};
        b.records.push_back(w);
        const auto first = store->writeBatch(b);
        QVERIFY(first);
        QCOMPARE(first->inserted, 1);
        const qint64 watermark = store->watermark();
        QCOMPARE(first->seq, watermark);

        const auto same = store->writeBatch(b); // unchanged
        QVERIFY(same);
        QCOMPARE(same->unchanged, 1);
        QCOMPARE(same->seq, watermark);
        QCOMPARE(store->watermark(), watermark);

        BatchWrite onlyRejects;
        RejectInfo reject;
        reject.source = QStringLiteral("a.csv");
        reject.reason = QStringLiteral("bad");
        onlyRejects.rejects.push_back(reject);
        const auto rejected = store->writeBatch(onlyRejects);
        QVERIFY(rejected);
        QCOMPARE(rejected->seq, watermark);
        QCOMPARE(store->watermark(), watermark);
        QCOMPARE(store->rejects(0).size(), 1); // the batch itself was written

        b.records.front().contentHash = 2; // a real change advances it
        const auto changed = store->writeBatch(b);
        QVERIFY(changed);
        QCOMPARE(changed->updated, 1);
        QCOMPARE(store->watermark(), watermark + 1);
        QCOMPARE(changed->seq, watermark + 1);
        QCOMPARE(store->record(Collection::Cases, QStringLiteral("A-1"))->seq, watermark + 1);
    }

    void optionsRoundTripThroughJson()
    {
        IngestOptions o;
        o.files = {QStringLiteral("a.csv"), QStringLiteral("b.jsonl.gz")};
        o.collection = Collection::Knowledge;
        o.workers = 3;
        o.batchSize = 250;
        o.priority = JobPriority::Low;
        o.mode = IngestMode::Hybrid;
        o.mappings = {QStringLiteral("body=Text"), QStringLiteral("kind=")};
        const auto back = IngestOptions::fromJson(o.toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), o.toJson());
        QString error;
        QJsonObject bad = o.toJson();
        bad.insert(QStringLiteral("mode"), QStringLiteral("turbo"));
        QVERIFY(!IngestOptions::fromJson(bad, &error));
        QVERIFY(error.contains(QStringLiteral("turbo")));
    }

    void dueSchedulesRunOnceAndSurviveARestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 300));
        const QString data = dir.filePath(QStringLiteral("data"));
        qint64 id = 0;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            auto engine = testdata::openTestEngine(data);
            QVERIFY(engine);
            QString error;
            QCOMPARE(engine->addSchedule(QStringLiteral("x"), optionsFor(file), 0, &error), 0);
            QVERIFY(error.contains(QStringLiteral("interval")));
            QCOMPARE(engine->addSchedule(QStringLiteral("x"), optionsFor(dir.filePath(QStringLiteral("a.txt"))), 5, &error), 0);
            QVERIFY(error.contains(QStringLiteral("unsupported")));
            id = engine->addSchedule(QStringLiteral("Tickets"), optionsFor(file), 30, &error);
            QVERIFY2(id > 0, qPrintable(error));
            QCOMPARE(engine->schedule(id)->nextRunAt.secsTo(now.addSecs(1800)) <= 5, true);
            QVERIFY(engine->runDueSchedules(now).isEmpty()); // not due yet
            // The application was closed over three slots.
            SyncSchedule s = *engine->schedule(id);
            s.nextRunAt = now.addSecs(-3 * 1800 - 60);
            QVERIFY(engine->updateSchedule(s, &error));
        }
        auto engine = testdata::openTestEngine(data);
        QVERIFY(engine);
        const QList<SyncSchedule> list = engine->schedules();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().name, QStringLiteral("Tickets"));
        QCOMPARE(list.first().files(), QStringList{file});

        // A big paused job holds the queue, so the sync's job is certainly still queued below.
        const QString big = dir.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(testdata::writeCases(big, 1000, 21000));
        IngestOptions blockerOptions = optionsFor(big);
        blockerOptions.priority = JobPriority::High;
        const qint64 blocker = engine->submitJob(blockerOptions);
        QVERIFY(blocker > 0);
        QTRY_VERIFY(engine->pauseJob(blocker));

        const QList<ScheduleRunResult> runs = engine->runDueSchedules(now);
        QCOMPARE(runs.size(), 1); // the missed runs collapse into one
        const qint64 job = runs.first().jobId;
        QVERIFY2(job > 0, qPrintable(runs.first().note));
        const SyncSchedule after = *engine->schedule(id);
        QCOMPARE(after.lastJobId, job);
        QCOMPARE(after.lastRunAt, now);
        QVERIFY(after.nextRunAt > now);
        QVERIFY(after.nextRunAt <= now.addSecs(1800));
        QCOMPARE(list.first().nextRunAt.secsTo(after.nextRunAt) % 1800, 0); // on the grid
        QVERIFY(engine->runDueSchedules(now).isEmpty());

        // Run now while its job still waits: never queued twice.
        QVERIFY(engine->isJobActive(job));
        const ScheduleRunResult again = engine->runSchedule(id, now);
        QCOMPARE(again.jobId, 0);
        QVERIFY2(again.note.contains(QString::number(job)), qPrintable(again.note));
        QCOMPARE(engine->schedule(id)->lastJobId, job);

        QVERIFY(engine->cancelJob(blocker));
        engine->waitForJobs();
        QCOMPARE(engine->job(job)->status, JobStatus::Completed);
        QCOMPARE(engine->job(job)->counts.inserted, 300);

        // The next sync is incremental: unchanged records are skipped.
        const ScheduleRunResult next = engine->runSchedule(id, now.addSecs(1));
        QVERIFY2(next.jobId > 0, qPrintable(next.note));
        engine->waitForJobs();
        QCOMPARE(engine->job(next.jobId)->counts.unchanged, 300);
        QCOMPARE(engine->job(next.jobId)->counts.inserted, 0);

        QString error;
        QVERIFY(engine->removeSchedule(id, &error));
        QVERIFY(engine->schedules().isEmpty());

        // Closing with a sync still queued: its row says it did not run, not "queued" for ever.
        const qint64 holder = engine->submitJob(blockerOptions);
        QTRY_VERIFY(engine->pauseJob(holder));
        const qint64 waiting = engine->submitJob(optionsFor(file));
        engine.reset();
        engine = testdata::openTestEngine(data);
        QVERIFY(engine);
        QCOMPARE(engine->job(waiting)->status, JobStatus::Cancelled);
        QVERIFY(engine->job(waiting)->error.contains(QStringLiteral("not run")));
        QCOMPARE(engine->job(holder)->status, JobStatus::Cancelled);
    }

    void fixedRejectIsStoredAndTheRejectRemoved_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("stillBad");   // a fix that is still wrong
        QTest::addColumn<QString>("badField");
        QTest::addColumn<QString>("fixed");
        QTest::addColumn<QString>("twoRecords"); // what a retry of two records at once says
        QTest::newRow("csv") << QStringLiteral("cases.csv")
                             << QByteArray("id;title;description;priority\n"
                                           "C-1;VPN drops;Tunnel resets every hour;high\n"
                                           ";Printer jams;Tray 2 jams on A3;low\n")
                             << QStringLiteral(";Printer jams;Tray 2 jams on A3;low")
                             << QStringLiteral("external_id")
                             << QStringLiteral("C-2;Printer jams;Tray 2 jams on A3;low")
                             << QStringLiteral("the text holds more than one record");
        QTest::newRow("jsonl") << QStringLiteral("cases.jsonl")
                               << QByteArray("{\"id\":\"C-1\",\"title\":\"VPN drops\",\"priority\":\"high\"}\n"
                                             "{\"id\":\"C-2\",\"title\":{\"text\":\"Printer jams\"},\"priority\":\"low\"}\n")
                               << QStringLiteral("{\"id\":\"C-2\",\"title\":[\"Printer jams\"]}")
                               << QStringLiteral("title")
                               << QStringLiteral("{\n  \"id\": \"C-2\",\n  \"title\": \"Printer jams\",\n  \"priority\": \"low\"\n}")
                               << QStringLiteral("the record: line 2: unexpected data after the end");
    }

    void fixedRejectIsStoredAndTheRejectRemoved()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, stillBad);
        QFETCH(QString, badField);
        QFETCH(QString, fixed);
        QFETCH(QString, twoRecords);
        QTemporaryDir dir;
        const QString file = dir.filePath(name);
        QVERIFY(testdata::writeText(file, content));
        auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        IngestOptions o = optionsFor(file);
        o.collection = Collection::Cases;
        const JobInfo job = engine->runJob(o);
        QCOMPARE(job.counts.inserted, 1);
        QCOMPARE(job.counts.rejected, 1);
        const QList<RejectInfo> rejects = engine->rejects(job.id);
        QCOMPARE(rejects.size(), 1);
        const RejectInfo reject = rejects.first();
        QCOMPARE(reject.field, badField);
        QVERIFY(!reject.rawData.isEmpty());

        // Still wrong: nothing stored, the reject stays, the answer names the field.
        RejectRetryResult r = engine->retryReject(reject.id, stillBad);
        QVERIFY(!r.ok);
        QCOMPARE(r.field, badField);
        QVERIFY2(r.error.startsWith(badField), qPrintable(r.error));
        QCOMPARE(engine->rejects(job.id).size(), 1);
        r = engine->retryReject(reject.id, stillBad + QLatin1Char('\n') + stillBad);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(twoRecords), qPrintable(r.error));

        r = engine->retryReject(reject.id, fixed);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.externalId, QStringLiteral("C-2"));
        QCOMPARE(r.collection, Collection::Cases);
        QVERIFY(!r.unchanged);
        QVERIFY(engine->rejects(job.id).isEmpty());
        QCOMPARE(engine->counts().cases, 2);
        // The job's counts read as if the record had been right the first time: no longer
        // rejected, inserted instead, still adding up to what the job read.
        const JobInfo after = *engine->job(job.id);
        QCOMPARE(after.counts.rejected, 0);
        QCOMPARE(after.counts.inserted, 2);
        QCOMPARE(after.counts.processed(), job.counts.processed());
        QCOMPARE(after.counts.read, job.counts.read);
        QCOMPARE(after.status, job.status);
        const auto stored = internals(*engine).withReader([](Store &s) { return s.record(Collection::Cases, QStringLiteral("C-2")); });
        QVERIFY(stored);
        QCOMPARE(stored->id, r.recordId);
        QCOMPARE(stored->record.title, QStringLiteral("Printer jams"));
        QCOMPARE(stored->record.priority, QStringLiteral("low"));
        QCOMPARE(internals(*engine).index().size(), 2);

        // The reject is gone: a second retry says so.
        r = engine->retryReject(reject.id, fixed);
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QStringLiteral("does not exist")));
    }

    void retryNeedsTheCsvHeader()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("gone.csv"));
        QVERIFY(testdata::writeText(file, "id,title\n,no id\n"));
        auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")));
        QVERIFY(engine);
        const JobInfo job = engine->runJob(optionsFor(file));
        QCOMPARE(job.counts.rejected, 1);
        QVERIFY(QFile::remove(file));
        const RejectRetryResult r = engine->retryReject(engine->rejects(job.id).first().id, QStringLiteral("X-1,fixed"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(file) && r.error.contains(QStringLiteral("header")), qPrintable(r.error));
    }

    void previewShowsColumnsRowsAndDetectedMapping()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("tickets.csv"));
        QVERIFY(testdata::writeText(csv, "Ticket ID,Subject,Description,Severity\nT-1,VPN,drops,high\nT-2,Mail,bounces,low\n"));
        SourcePreview p = previewSource(csv, 10);
        QVERIFY2(p.ok(), qPrintable(p.error));
        QCOMPARE(p.columns, (QStringList{"Ticket ID", "Subject", "Description", "Severity"}));
        QCOMPARE(p.rows.size(), 2);
        QCOMPARE(p.estimatedRecords, 2);
        QCOMPARE(p.guessedCollection, Collection::Cases);
        QCOMPARE(p.detected.value(Field::ExternalId), QStringLiteral("Ticket ID"));
        QCOMPARE(p.detected.value(Field::Title), QStringLiteral("Subject"));
        QCOMPARE(p.detected.value(Field::Priority), QStringLiteral("Severity"));

        FieldMapping m;
        QString error;
        QVERIFY(mappingFor(p.columns, Collection::Cases, true, {QStringLiteral("title=Description")}, &m, &error));
        QCOMPARE(m.column(Field::Title), QStringLiteral("Description"));
        QVERIFY(!mappingFor(p.columns, Collection::Cases, true, {QStringLiteral("titel=Subject")}, &m, &error));
        QVERIFY(error.contains(QStringLiteral("titel")));

        p = previewSource(dir.filePath(QStringLiteral("missing.csv")));
        QVERIFY(!p.ok());
        QVERIFY(p.error.contains(QStringLiteral("missing.csv")));
        const QString txt = dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(testdata::writeText(txt, "hello"));
        QVERIFY(previewSource(txt).error.contains(QStringLiteral("unsupported")));
        const QString badJson = dir.filePath(QStringLiteral("bad.json"));
        QVERIFY(testdata::writeText(badJson, "\n\n  \"just a string\"\n"));
        p = previewSource(badJson);
        QVERIFY(!p.ok() || !p.stopError.isEmpty() || (!p.rows.isEmpty() && !p.rows.first().error.isEmpty()));
        const QString why = p.error + p.stopError + (p.rows.isEmpty() ? QString() : p.rows.first().error);
        QVERIFY2(why.contains(QStringLiteral("bad.json")) && why.contains(QStringLiteral("line 3")), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestEngineSync)
#include "tst_engine_sync.moc"
