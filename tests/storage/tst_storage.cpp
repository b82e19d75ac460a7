// SPDX-License-Identifier: MIT
#include "StoreTestData.h"
#include "storage/Store.h"
#include "storage/StoreConnection.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>

using namespace kms;
using namespace kms::test;

class TestStorage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

    std::unique_ptr<Store> openFile(const QString &name, Store::Mode mode = Store::Mode::ReadWrite)
    {
        QString error;
        auto store = Store::open(m_dir.filePath(name), mode, &error);
        if (!store)
            qWarning("open failed: %s", qPrintable(error));
        return store;
    }

    BatchOutcome write(std::vector<RecordWrite> records, qint64 jobId = 0)
    {
        BatchWrite batch;
        batch.jobId = jobId;
        batch.records = std::move(records);
        const auto outcome = m_store->writeBatch(batch);
        if (!outcome)
            qWarning("writeBatch failed: %s", qPrintable(m_store->lastError()));
        return outcome.value_or(BatchOutcome{-1, -1, -1, -1, -1, -1, {}});
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_store = Store::open(QStringLiteral(":memory:"), Store::Mode::ReadWrite, &error);
        QVERIFY2(m_store, qPrintable(error));
        QVERIFY2(m_store->setActiveEmbedder(QStringLiteral("hash-8")), qPrintable(m_store->lastError()));
    }
    void cleanup() { m_store.reset(); }

    void migrationsFreshAndReopen()
    {
        QVERIFY(Store::latestSchemaVersion() >= 1);
        {
            auto store = openFile(QStringLiteral("m.sqlite"));
            QVERIFY(store);
            QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion());
            QCOMPARE(store->watermark(), 0);
            QCOMPARE(scalar(connectionOf(*store), "SELECT count(*) FROM sqlite_master WHERE name IN "
                                             "('records','records_fts','embeddings','jobs','rejects','metrics',"
                                             "'tombstones','meta','embedders','api_tokens','api_tokens_active_name')"), 11);
            QCOMPARE(scalar(connectionOf(*store), "PRAGMA foreign_keys"), 1);
            QVERIFY(store->setMeta(QStringLiteral("k"), QStringLiteral("v")));
        }
        auto again = openFile(QStringLiteral("m.sqlite"));
        QVERIFY(again);
        QCOMPARE(again->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(again->meta(QStringLiteral("k")), QStringLiteral("v")); // reopening migrates nothing
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(sqlite3_prepare_v2(connectionOf(*again), "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))), QByteArray("wal"));
        sqlite3_finalize(stmt);
    }

    // A new store is made of 16 KiB pages; one made with 4 KiB pages by an older version keeps
    // them (SQLite cannot change a WAL database's page size in place). Both checkpoint after about
    // 200 MB of WAL, whatever their page size.
    void pageSizeOfNewAndOlderStores()
    {
        {
            auto store = openFile(QStringLiteral("p16.sqlite"));
            QVERIFY(store);
            QCOMPARE(store->pageSize(), 16384);
            QCOMPARE(scalar(connectionOf(*store), "PRAGMA wal_autocheckpoint"), 200'000'000 / 16384);
        }
        const QString older = m_dir.filePath(QStringLiteral("p4.sqlite"));
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(older.toUtf8().constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, "PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE t (x)", nullptr,
                                  nullptr, nullptr), SQLITE_OK);
            sqlite3_close(db);
        }
        auto store = openFile(QStringLiteral("p4.sqlite"));
        QVERIFY(store);
        QCOMPARE(store->pageSize(), 4096);
        QCOMPARE(scalar(connectionOf(*store), "PRAGMA wal_autocheckpoint"), 200'000'000 / 4096);
        QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion());
        QVERIFY(store->setActiveEmbedder("e"));
        QVERIFY(store->writeBatch(BatchWrite{0, {makeWrite(Collection::Cases, "A", "x", "y")}, {}, 0}));
        QCOMPARE(store->integrityCheck(), QStringLiteral("ok"));
    }

    // A store written before the full-text index split words at hyphens (schema 3) keeps its
    // rows and gains the split on open: "fi" now matches "wi-fi", and "wi-fi" still does.
    void hyphenSplitMigratesOldIndex()
    {
        qint64 idB = 0;
        {
            auto store = openFile(QStringLiteral("v2.sqlite"));
            QVERIFY(store);
            QVERIFY(store->setActiveEmbedder(QStringLiteral("hash-8")));
            std::swap(store, m_store);
            auto b = makeWrite(Collection::Cases, "B", "Wi-Fi drops", "roaming between access points");
            idB = write({b}).indexChanges[0].id;
            std::swap(store, m_store);
            // Back to the version-3 index: hyphens inside tokens.
            QCOMPARE(sqlite3_exec(connectionOf(*store), "DROP TABLE records_fts; CREATE VIRTUAL TABLE records_fts USING fts5 (title, body, "
                                "resolution, tags, tokenize = \"porter unicode61 remove_diacritics 2 "
                                "tokenchars '-_.'\"); INSERT INTO records_fts (rowid, title, body, resolution, tags) "
                                "VALUES (1, 'wi-fi drops', 'roaming between access points', '', '');"
                                "ALTER TABLE jobs DROP COLUMN adjusted; DROP TABLE text_dictionaries; PRAGMA user_version=3;", nullptr, nullptr, nullptr), SQLITE_OK);
            QVERIFY(ftsMatch(*store, "fi").isEmpty());
        }
        auto store = openFile(QStringLiteral("v2.sqlite"));
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(ftsMatch(*store, "fi"), QList<qint64>{idB});
        QCOMPARE(ftsMatch(*store, "\"wi-fi\""), QList<qint64>{idB});
        QCOMPARE(ftsMatch(*store, "roam"), QList<qint64>{idB});
    }

    void newerSchemaIsRefused()
    {
        {
            auto store = openFile(QStringLiteral("new.sqlite"));
            QVERIFY(store);
            const QByteArray sql = "PRAGMA user_version=" + QByteArray::number(Store::latestSchemaVersion() + 1);
            QCOMPARE(sqlite3_exec(connectionOf(*store), sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        }
        for (auto mode : {Store::Mode::ReadWrite, Store::Mode::ReadOnly}) {
            QString error;
            QVERIFY(!Store::open(m_dir.filePath(QStringLiteral("new.sqlite")), mode, &error));
            QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
        }
    }

    void upsertCounts()
    {
        auto a = makeWrite(Collection::Cases, "A", "Printer jam", "Paper stuck in tray two");
        auto b = makeWrite(Collection::Cases, "B", "VPN drops", "Tunnel disconnects hourly");
        auto k = makeWrite(Collection::Knowledge, "A", "Clearing jams", "Open the rear door");
        BatchOutcome first = write({a, b, k});
        QCOMPARE(first.inserted, 3);
        QCOMPARE(first.updated, 0);
        QCOMPARE(first.unchanged, 0);
        QCOMPARE(first.indexChanges.size(), size_t(3));
        QCOMPARE(first.seq, 1);

        auto b2 = makeWrite(Collection::Cases, "B", "VPN drops", "Tunnel disconnects every hour");
        auto c = makeWrite(Collection::Cases, "C", "Outlook slow", "Search index rebuild");
        BatchOutcome second = write({a, b2, k, c});
        QCOMPARE(second.inserted, 1);
        QCOMPARE(second.updated, 1);
        QCOMPARE(second.unchanged, 2);
        QCOMPARE(second.seq, 2);
        QCOMPARE(m_store->watermark(), 2);
        QCOMPARE(second.indexChanges.size(), size_t(2));
        QCOMPARE(second.indexChanges[0].id, first.indexChanges[1].id); // B kept its id
        QCOMPARE(second.indexChanges[0].vector, b2.vector);

        const StoreCounts counts = m_store->counts();
        QCOMPARE(counts.cases, 3);
        QCOMPARE(counts.knowledge, 1);
        QCOMPARE(counts.total(), 4);

        const auto existing = m_store->existing(Collection::Cases, {"A", "B", "missing"});
        QCOMPARE(existing.size(), 2);
        QCOMPARE(existing.value("B").id, first.indexChanges[1].id);
        QCOMPARE(existing.value("B").contentHash, b2.contentHash);
        QVERIFY(!existing.contains("missing"));
    }

    void existingLookupsManyIds()
    {
        std::vector<RecordWrite> writes;
        QStringList ids;
        for (int i = 0; i < 1200; ++i) {
            const QString id = QStringLiteral("R-%1").arg(i);
            writes.push_back(makeWrite(Collection::Cases, id, "t" + id, "b" + id));
            ids << id << QStringLiteral("absent-%1").arg(i);
        }
        QCOMPARE(write(writes).inserted, 1200);
        const auto found = m_store->existing(Collection::Cases, ids);
        QCOMPARE(found.size(), 1200);
        QCOMPARE(found.value("R-777").contentHash, writes[777].contentHash);
        QVERIFY(m_store->existing(Collection::Knowledge, ids).isEmpty());
    }

    void ftsFollowsWrites()
    {
        auto a = makeWrite(Collection::Cases, "A", "Printer jam", "paper stuck in tray");
        auto b = makeWrite(Collection::Cases, "B", "Wi-Fi drops", "roaming between access points");
        const BatchOutcome out = write({a, b});
        const qint64 idA = out.indexChanges[0].id, idB = out.indexChanges[1].id;
        QCOMPARE(ftsMatch(*m_store, "printer"), QList<qint64>{idA});
        // The index splits at hyphens: the quoted word is the phrase "wi fi" and matches it.
        QCOMPARE(ftsMatch(*m_store, "\"wi-fi\""), QList<qint64>{idB});
        QCOMPARE(ftsMatch(*m_store, "fi"), QList<qint64>{idB});
        QCOMPARE(ftsMatch(*m_store, "roam"), QList<qint64>{idB});  // porter stemming

        auto a2 = makeWrite(Collection::Cases, "A", "Scanner error", "lamp failure");
        QCOMPARE(write({a2}).updated, 1);
        QVERIFY(ftsMatch(*m_store, "printer").isEmpty());
        QCOMPARE(ftsMatch(*m_store, "scanner"), QList<qint64>{idA});

        QVERIFY(m_store->deleteRecord(idB));
        QVERIFY(ftsMatch(*m_store, "roaming").isEmpty());
        QCOMPARE(scalar(connectionOf(*m_store), "SELECT count(*) FROM records_fts"), 1);
    }

    void recordRoundTrip()
    {
        RecordWrite w = makeWrite(Collection::Cases, "CASE-1", "Login fails", "SSO loop", "open");
        w.record.resolution = QStringLiteral("Cleared cookies");
        w.record.priority = QStringLiteral("high");
        w.record.product = QStringLiteral("Portal");
        w.record.tags = {QStringLiteral("sso"), QStringLiteral("browser, chrome"), QStringLiteral("ünïcode")};
        w.record.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
        w.record.updatedAt = QDateTime(QDate(2024, 2, 29), QTime(13, 45, 1, 500), Qt::UTC);
        w.record.extra = {{"customer", "ACME"}, {"seats", 42}, {"flags", QJsonArray{true, "x"}}};
        const qint64 id = write({w}).indexChanges.at(0).id;

        const auto byId = m_store->record(id);
        QVERIFY(byId);
        QCOMPARE(byId->record, w.record);
        QCOMPARE(byId->record.tags, w.record.tags);
        QCOMPARE(byId->record.extra.value("seats").toInt(), 42);
        QCOMPARE(byId->record.updatedAt, w.record.updatedAt);
        QCOMPARE(byId->contentHash, w.contentHash);
        QCOMPARE(byId->textHash, w.textHash);
        QCOMPARE(byId->seq, m_store->watermark());
        const auto byKey = m_store->record(Collection::Cases, "CASE-1");
        QVERIFY(byKey);
        QCOMPARE(byKey->id, id);
        QCOMPARE(byKey->record, w.record);

        const RecordWrite bare = makeWrite(Collection::Knowledge, "KB-1", "Only a title", {});
        const auto stored = m_store->record(write({bare}).indexChanges.at(0).id);
        QVERIFY(stored);
        QCOMPARE(stored->record, bare.record);
        QVERIFY(!stored->record.createdAt.isValid());
        QVERIFY(stored->record.tags.isEmpty());

        QVERIFY(!m_store->record(987654));
        QVERIFY(m_store->lastError().contains("987654"));
        QVERIFY(!m_store->record(Collection::Knowledge, "CASE-1"));
    }

    void embeddingsAreSharedAndOrphansRemoved()
    {
        // Same text in two records (the hash is over title + body only): one stored vector.
        auto a = makeWrite(Collection::Cases, "A", "Reset password", "Use the portal", "open");
        auto b = makeWrite(Collection::Cases, "B", "Reset password", "Use the portal", "closed");
        QCOMPARE(a.textHash, b.textHash);
        write({a, b});
        QCOMPARE(m_store->counts().embeddings, 1);
        const auto found = m_store->embeddings({a.textHash, 12345});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.value(a.textHash), a.vector);

        // A moves to new text: the shared vector stays because B still uses it.
        auto a2 = makeWrite(Collection::Cases, "A", "Reset MFA", "Call the helpdesk");
        write({a2});
        QCOMPARE(m_store->counts().embeddings, 2);
        // B moves too: now nothing references the old text and its vector is really deleted.
        auto b2 = makeWrite(Collection::Cases, "B", "Unlock account", "Wait 15 minutes");
        write({b2});
        QCOMPARE(m_store->counts().embeddings, 2);
        QVERIFY(m_store->embeddings({a.textHash}).isEmpty());

        // Within one batch, a text one record leaves and another takes up keeps its vector.
        auto c = makeWrite(Collection::Cases, "C", "Reset MFA", "Call the helpdesk");
        c.vectorIsNew = false;
        auto a3 = makeWrite(Collection::Cases, "A", "Printer", "Offline");
        write({a3, c});
        QCOMPARE(m_store->embeddings({a2.textHash}).value(a2.textHash), a2.vector);
    }

    void deleteLeavesTombstone()
    {
        auto a = makeWrite(Collection::Cases, "A", "Disk full", "Clean temp");
        auto b = makeWrite(Collection::Cases, "B", "Fan noise", "Replace fan");
        const BatchOutcome out = write({a, b});
        const qint64 before = m_store->watermark();
        QVERIFY(m_store->deleteRecord(out.indexChanges[0].id));
        QCOMPARE(m_store->watermark(), before + 1);
        QVERIFY(!m_store->record(out.indexChanges[0].id));
        QCOMPARE(m_store->deletedSince(before), QList<qint64>{out.indexChanges[0].id});
        QVERIFY(m_store->deletedSince(before + 1).isEmpty());
        QCOMPARE(m_store->counts().embeddings, 1);
        QVERIFY(!m_store->deleteRecord(out.indexChanges[0].id));
        QVERIFY2(m_store->lastError().contains("does not exist"), qPrintable(m_store->lastError()));
        // Ids are never reused, so tombstones stay unambiguous.
        QVERIFY(write({a}).indexChanges.at(0).id > out.indexChanges[1].id);
    }

    void failedBatchStoresNothing()
    {
        JobInfo job;
        job.source = QStringLiteral("cases.csv");
        job.status = JobStatus::Running;
        const qint64 jobId = m_store->createJob(job);
        QVERIFY(jobId > 0);
        write({makeWrite(Collection::Cases, "OLD", "Existing", "row")}, jobId);
        const StoreCounts before = m_store->counts();
        const qint64 seqBefore = m_store->watermark();

        BatchWrite batch;
        batch.jobId = jobId;
        batch.readSoFar = 50;
        batch.records = {makeWrite(Collection::Cases, "N1", "New one", "text"),
                         makeWrite(Collection::Cases, "OLD", "Changed", "row"),
                         makeWrite(Collection::Cases, "", "No id", "violates the CHECK")};
        batch.rejects.push_back({0, 0, "cases.csv", 7, 8, "title", "too long", "raw"});
        QVERIFY(!m_store->writeBatch(batch));
        QVERIFY2(m_store->lastError().contains("CHECK"), qPrintable(m_store->lastError()));

        const StoreCounts after = m_store->counts();
        QCOMPARE(after.cases, before.cases);
        QCOMPARE(after.embeddings, before.embeddings);
        QCOMPARE(after.rejects, 0);
        QCOMPARE(m_store->watermark(), seqBefore);
        QCOMPARE(m_store->record(Collection::Cases, "OLD")->record.title, QStringLiteral("Existing"));
        QVERIFY(ftsMatch(*m_store, "changed").isEmpty());
        const JobCounts counts = m_store->job(jobId)->counts;
        QCOMPARE(counts.inserted, 1);
        QCOMPARE(counts.updated, 0);
        QCOMPARE(counts.batchesCommitted, 1);
        QCOMPARE(counts.read, 0);

        batch.records.pop_back();
        const auto ok = m_store->writeBatch(batch);
        QVERIFY2(ok, qPrintable(m_store->lastError()));
        QCOMPARE(ok->rejected, 1);
        const JobCounts done = m_store->job(jobId)->counts;
        QCOMPARE(done, (JobCounts{50, 2, 1, 0, 1, 0, 2}));

        batch.jobId = 999; // a batch for a job that does not exist is refused whole
        QVERIFY(!m_store->writeBatch(batch));
        QVERIFY(m_store->lastError().contains("999"));
    }

    void vectorWithoutEmbedderIsRefused()
    {
        auto bare = Store::open(QStringLiteral(":memory:"), Store::Mode::ReadWrite, nullptr);
        QVERIFY(bare && bare->activeEmbedder().isEmpty());
        BatchWrite batch;
        batch.records = {makeWrite(Collection::Cases, "A", "x", "y")};
        QVERIFY(!bare->writeBatch(batch));
        QVERIFY(bare->lastError().contains("embedder"));
        QCOMPARE(bare->counts().cases, 0);
    }

    void activeEmbedderPersists()
    {
        {
            auto store = openFile(QStringLiteral("e.sqlite"));
            QVERIFY(store->activeEmbedder().isEmpty());
            QVERIFY(store->setActiveEmbedder("hash-256"));
            QCOMPARE(store->embedderKey("hash-256"), store->embedderKey("hash-256"));
            QVERIFY(store->embedderKey("other") != store->embedderKey("hash-256"));
            BatchWrite batch;
            batch.records = {makeWrite(Collection::Cases, "A", "x", "y")};
            QVERIFY(store->writeBatch(batch));
            QVERIFY(!store->setActiveEmbedder(QString()));
        }
        auto store = openFile(QStringLiteral("e.sqlite"));
        QCOMPARE(store->activeEmbedder(), QStringLiteral("hash-256"));
        int n = 0;
        QVERIFY(store->forEachVector(0, [&](qint64, std::span<const float>) { return ++n, true; }));
        QCOMPARE(n, 1);
        // Switching embedders hides the old vectors until the records are embedded again.
        QVERIFY(store->setActiveEmbedder("other"));
        n = 0;
        QVERIFY(store->forEachVector(0, [&](qint64, std::span<const float>) { return ++n, true; }));
        QCOMPARE(n, 0);
    }

    void forEachVectorAfterWatermark()
    {
        auto a = makeWrite(Collection::Cases, "A", "one", "1");
        auto b = makeWrite(Collection::Cases, "B", "two", "2");
        const BatchOutcome first = write({a, b});
        auto a2 = makeWrite(Collection::Cases, "A", "one again", "1");
        auto c = makeWrite(Collection::Knowledge, "C", "three", "3");
        write({c, a2});

        QList<qint64> ids;
        std::vector<float> lastVector;
        QVERIFY(m_store->forEachVector(first.seq, [&](qint64 id, std::span<const float> v) {
            ids << id;
            lastVector.assign(v.begin(), v.end());
            return true;
        }));
        QCOMPARE(ids, (QList<qint64>{first.indexChanges[0].id, first.indexChanges[1].id + 1}));
        QCOMPARE(lastVector, c.vector);

        ids.clear();
        QVERIFY(m_store->forEachVector(0, [&](qint64 id, std::span<const float>) { ids << id; return ids.size() < 2; }));
        QCOMPARE(ids.size(), 2); // the callback stopped the walk
    }

    void jobRoundTrip()
    {
        JobInfo job;
        job.source = QStringLiteral("/data/a.csv;/data/b.jsonl");
        job.optionsJson = QStringLiteral("{\"batch\":500}");
        job.status = JobStatus::Queued;
        job.priority = JobPriority::High;
        job.id = m_store->createJob(job);
        QVERIFY(job.id > 0);
        job.status = JobStatus::Completed;
        job.counts = {100, 90, 5, 3, 2, 1};
        job.startedAt = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
        job.finishedAt = QDateTime::fromMSecsSinceEpoch(5000, Qt::UTC);
        job.recordsPerSecond = 12345.5;
        job.error = QStringLiteral("none");
        QVERIFY(m_store->updateJob(job));
        const auto back = m_store->job(job.id);
        QVERIFY(back);
        QCOMPARE(back->source, job.source);
        QCOMPARE(back->optionsJson, job.optionsJson);
        QCOMPARE(back->status, job.status);
        QCOMPARE(back->priority, job.priority);
        QCOMPARE(back->counts, job.counts);
        QCOMPARE(back->startedAt, job.startedAt);
        QCOMPARE(back->finishedAt, job.finishedAt);
        QCOMPARE(back->recordsPerSecond, job.recordsPerSecond);
        QCOMPARE(back->error, job.error);

        const qint64 second = m_store->createJob(job);
        const QList<JobInfo> all = m_store->jobs();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().id, second); // newest first
        QCOMPARE(m_store->jobs(1).size(), 1);
        job.id = 424242;
        QVERIFY(!m_store->updateJob(job));
    }

    void rejectRoundTrip()
    {
        const qint64 jobId = m_store->createJob(JobInfo{});
        BatchWrite batch;
        batch.jobId = jobId;
        batch.rejects.push_back({0, 0, "a.csv", 3, 4, "external_id", "missing id", "\"\",x,y"});
        batch.rejects.push_back({0, 0, "a.csv", 9, 12, {}, "unterminated quote", "\"abc"});
        QVERIFY(m_store->writeBatch(batch));
        QVERIFY(m_store->writeBatch(BatchWrite{0, {}, {{0, 0, "b.json", 1, 0, "", "not JSON", "{"}}, 0}));

        const QList<RejectInfo> ofJob = m_store->rejects(jobId);
        QCOMPARE(ofJob.size(), 2);
        QCOMPARE(ofJob[0].jobId, jobId);
        QCOMPARE(ofJob[0].source, QStringLiteral("a.csv"));
        QCOMPARE(ofJob[0].recordNumber, 3);
        QCOMPARE(ofJob[0].line, 4);
        QCOMPARE(ofJob[0].field, QStringLiteral("external_id"));
        QCOMPARE(ofJob[0].reason, QStringLiteral("missing id"));
        QCOMPARE(ofJob[0].rawData, QStringLiteral("\"\",x,y"));
        QCOMPARE(m_store->rejects(0).size(), 3);
        QCOMPARE(m_store->rejects(0, 1, 2).at(0).source, QStringLiteral("b.json"));
        QCOMPARE(m_store->job(jobId)->counts.rejected, 2);

        QVERIFY(m_store->deleteReject(ofJob[0].id));
        QVERIFY(!m_store->deleteReject(ofJob[0].id));
        QCOMPARE(m_store->rejects(jobId).size(), 1);
    }

    void markInterruptedJobs_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("after");      // the status a crash leaves it in
        QTest::addColumn<QString>("error");  // how its error starts ("" : untouched)
        // A queued job of a dead process never runs: cancelled, saying why, not "queued" for ever.
        QTest::newRow("queued") << int(JobStatus::Queued) << int(JobStatus::Cancelled) << "not run: the process stopped";
        QTest::newRow("running") << int(JobStatus::Running) << int(JobStatus::Failed) << "interrupted";
        QTest::newRow("paused") << int(JobStatus::Paused) << int(JobStatus::Failed) << "interrupted";
        QTest::newRow("completed") << int(JobStatus::Completed) << int(JobStatus::Completed) << "";
        QTest::newRow("cancelled") << int(JobStatus::Cancelled) << int(JobStatus::Cancelled) << "";
    }
    void markInterruptedJobs()
    {
        QFETCH(int, status);
        QFETCH(int, after);
        QFETCH(QString, error);
        const bool marked = !error.isEmpty();
        JobInfo job;
        job.status = JobStatus(status);
        const qint64 id = m_store->createJob(job);
        QCOMPARE(m_store->markInterruptedJobs(), marked ? 1 : 0);
        const auto back = m_store->job(id);
        QCOMPARE(back->status, JobStatus(after));
        if (marked)
            QVERIFY2(back->error.startsWith(error), qPrintable(back->error));
        else
            QVERIFY(back->error.isEmpty());
        QCOMPARE(back->finishedAt.isValid(), marked);
        QCOMPARE(m_store->markInterruptedJobs(), 0);
    }

    void metricsHistory()
    {
        QList<MetricSample> samples;
        for (int i = 0; i < 10; ++i) {
            samples.push_back({1000 + i * 100, "ingest.rate", double(i) * 1.5});
            samples.push_back({1000 + i * 100, "cpu", 50.0});
        }
        QVERIFY(m_store->appendMetrics(samples));
        const auto range = m_store->metrics("ingest.rate", 1200, 1500);
        QCOMPARE(range.size(), 4);
        QCOMPARE(range.first().timestampMs, 1200);
        QCOMPARE(range.first().value, 3.0);
        QCOMPARE(range.first().name, QStringLiteral("ingest.rate"));
        QCOMPARE(m_store->metrics("cpu", 0, 99999).size(), 10);
        QVERIFY(m_store->pruneMetrics(1500));
        QCOMPARE(m_store->metrics("ingest.rate", 0, 99999).size(), 5);
        QCOMPARE(m_store->metrics("ingest.rate", 0, 99999).first().timestampMs, 1500);
    }

    // Long chart windows read one bucket per interval: mean, max, count and the newest sample's time.
    void metricBucketsAggregate()
    {
        QList<MetricSample> samples;
        for (int i = 0; i < 10; ++i)
            samples.push_back({1000 + i * 250, "rate", double(i)}); // 1000 .. 3250
        samples.push_back({1500, "other", 42.0});
        QVERIFY(m_store->appendMetrics(samples));
        const auto series = m_store->metricBuckets({"rate", "other", "absent"}, 1000, 3000, 1000);
        QCOMPARE(series.size(), 3);
        QVERIFY(series.value("absent").isEmpty());
        QCOMPARE(series.value("other"), (QList<MetricBucket>{{1000, 1500, 42.0, 42.0, 1}}));
        const QList<MetricBucket> rate = series.value("rate");
        QCOMPARE(rate.size(), 3);
        // 1000,1250,1500,1750 -> 0..3; 2000..2750 -> 4..7; 3000 -> 8 (3250 is past toMs).
        QCOMPARE(rate[0], (MetricBucket{1000, 1750, 1.5, 3.0, 4}));
        QCOMPARE(rate[1], (MetricBucket{2000, 2750, 5.5, 7.0, 4}));
        QCOMPARE(rate[2], (MetricBucket{3000, 3000, 8.0, 8.0, 1}));
        // Width 1 keeps every sample.
        QCOMPARE(m_store->metricBuckets({"rate"}, 0, 99999, 1).value("rate").size(), 10);
    }

    void maintenance()
    {
        auto store = openFile(QStringLiteral("c.sqlite"));
        QVERIFY(store->setActiveEmbedder("e"));
        QVERIFY(store->writeBatch(BatchWrite{0, {makeWrite(Collection::Cases, "A", "x", "y")}, {}, 0}));
        QCOMPARE(store->quickCheck(), QStringLiteral("ok"));
        QCOMPARE(store->integrityCheck(), QStringLiteral("ok"));
        QVERIFY(store->checkpoint());
        QCOMPARE(QFileInfo(m_dir.filePath("c.sqlite-wal")).size(), 0); // TRUNCATE empties the WAL
    }

    // A load into an empty store drops the indexes only reading uses and builds them at its end:
    // they come back exactly as the migrations made them, also when a build stopped half-way, and
    // the ones the load itself reads stay all along.
    void deferredIndexesComeBackAsTheyWere()
    {
        auto indexes = [&](Store &store) {
            QStringList out;
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(connectionOf(store),
                                   "SELECT name || ': ' || ifnull(sql, '') FROM sqlite_master WHERE type = 'index'"
                                   " AND tbl_name = 'records' ORDER BY name", -1, &stmt, nullptr) != SQLITE_OK)
                return QStringList{QStringLiteral("prepare failed")};
            while (sqlite3_step(stmt) == SQLITE_ROW)
                out << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            sqlite3_finalize(stmt);
            return out;
        };
        auto store = openFile(QStringLiteral("deferred.sqlite"));
        QVERIFY(store);
        QVERIFY(store->setActiveEmbedder("e"));
        const QStringList before = indexes(*store);
        QVERIFY(before.size() >= 10);
        QVERIFY(!store->readIndexesDeferred());
        QCOMPARE(store->buildDeferredIndexes({}), 0); // nothing deferred: nothing to do

        QVERIFY2(store->deferReadIndexes(), qPrintable(store->lastError()));
        QVERIFY(store->readIndexesDeferred());
        const QStringList during = indexes(*store);
        for (const char *kept : {"records_seq", "records_text_hash", "sqlite_autoindex_records_1"})
            QVERIFY2(std::any_of(during.begin(), during.end(), [&](const QString &i) { return i.startsWith(QLatin1String(kept)); }),
                     kept);
        for (const QString &index : during)
            QVERIFY2(!index.startsWith(QLatin1String("records_browse_")) && !index.startsWith(QLatin1String("records_collection_status"))
                         && !index.startsWith(QLatin1String("records_updated_at")),
                     qPrintable(index));
        const int deferred = int(before.size() - during.size());
        QCOMPARE(deferred, 9);
        // Records still go in (and out) with the indexes away.
        QVERIFY(store->writeBatch(BatchWrite{0, {makeWrite(Collection::Cases, "A", "Printer jams", "tray two", "open"),
                                                 makeWrite(Collection::Cases, "B", "VPN drops", "every hour", "new")},
                                             {}, 0}));
        // Deferring again (a second load before the first built them) loses no definition.
        QVERIFY2(store->deferReadIndexes(), qPrintable(store->lastError()));

        // A build that stopped after some: the next one goes on from there.
        QVERIFY(sqlite3_exec(connectionOf(*store), before.filter(QStringLiteral("records_browse_title: ")).value(0)
                                 .section(QStringLiteral(": "), 1).toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK);
        QList<std::pair<int, int>> steps;
        QCOMPARE(store->buildDeferredIndexes([&](int done, int total) { steps.append({done, total}); }), deferred);
        QCOMPARE(steps.size(), deferred + 1);
        QCOMPARE(steps.first(), std::make_pair(0, deferred));
        QCOMPARE(steps.last(), std::make_pair(deferred, deferred));
        QCOMPARE(indexes(*store), before);
        QVERIFY(!store->readIndexesDeferred());
        QCOMPARE(store->integrityCheck(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
