// SPDX-License-Identifier: MIT
// Index maintenance on an open engine: the integrity check finds what is wrong (and only that),
// reports progress and stops when cancelled; rebuild and check keep jobs from starting meanwhile.
#include "../TestData.h"
#include "../TestEngine.h"

#include "engine/Engine.h"
#include "engine/EngineInternals.h"
#include "index/VectorIndex.h"
#include "storage/DataDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <thread>

using namespace kms;

namespace {
qint64 ingest(Engine &engine, const QString &file)
{
    IngestOptions o;
    o.files = {file};
    o.batchSize = 100;
    return engine.runJob(o).counts.inserted;
}

const IntegrityFinding *finding(const IntegrityReport &r, IntegrityPhase phase)
{
    for (const IntegrityFinding &f : r.findings) {
        if (f.phase == phase)
            return &f;
    }
    return nullptr;
}

QString describe(const IntegrityReport &r)
{
    return QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact));
}

qint64 keywordHits(Engine &engine, const QString &text)
{
    SearchQuery q;
    q.text = text;
    q.mode = SearchMode::Keyword;
    q.k = 1000;
    q.log = false;
    return engine.search(q).hits.size();
}

bool execSql(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK
              && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok)
        qWarning("%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return ok;
}
} // namespace

class TestEngineMaintenance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void healthyStorePassesEveryCheck();
    void damageIsReported_data();
    void damageIsReported();
    void cancelStopsTheCheck();
    void maintenanceHoldsJobsUntilDone();
    void maintenanceIsRefusedWhileAJobRuns();
    void termListChangeReindexesTheStore();
    void olderStoreIsCompactedToAnIndexWithoutCopy();

private:
    QTemporaryDir m_files;
};

void TestEngineMaintenance::healthyStorePassesEveryCheck()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("a.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 3000));
    auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")));
    QVERIFY(engine);
    QCOMPARE(ingest(*engine, file), 3000);

    QList<IntegrityProgress> steps;
    const IntegrityReport report = engine->checkIntegrity([&](const IntegrityProgress &p) { steps.append(p); }, nullptr);
    QVERIFY2(report.ok(), qPrintable(describe(report)));
    QVERIFY(report.finished);
    QCOMPARE(report.findings.size(), kIntegrityPhaseCount);
    QCOMPARE(report.records, 3000);
    QCOMPARE(report.vectorsChecked, 3000);
    QCOMPARE(report.missingFromIndex, 0);
    QCOMPARE(report.extraInIndex, 0);
    QCOMPARE(report.recordsWithoutVector, 0);
    QCOMPARE(finding(report, IntegrityPhase::Database)->message, QStringLiteral("ok"));

    // Phases in order; the vector phase counts up to the record count.
    int lastPhase = -1;
    qint64 lastDone = 0;
    for (const IntegrityProgress &p : steps) {
        QVERIFY(int(p.phase) >= lastPhase);
        lastPhase = int(p.phase);
        if (p.phase == IntegrityPhase::VectorIndex && p.total > 0) {
            QCOMPARE(p.total, 3000);
            QVERIFY(p.done >= lastDone);
            lastDone = p.done;
        }
    }
    QCOMPARE(lastPhase, int(IntegrityPhase::IndexFile));
    QCOMPARE(lastDone, 3000);

    // Health shows the index file's size next to its verification.
    const QJsonObject index = engine->health(true)[QStringLiteral("components")][QStringLiteral("vector_index")].toObject();
    QCOMPARE(index[QStringLiteral("file_bytes")].toInteger(), QFileInfo(internals(*engine).dataDirectory().indexPath()).size());
    QVERIFY(index[QStringLiteral("file_bytes")].toInteger() > 0);
}

void TestEngineMaintenance::damageIsReported_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("phase");
    QTest::newRow("vector missing from the index") << "index-entry" << int(IntegrityPhase::VectorIndex);
    QTest::newRow("index file corrupt") << "index-file" << int(IntegrityPhase::IndexFile);
    QTest::newRow("full-text row lost") << "fts" << int(IntegrityPhase::FullText);
}

void TestEngineMaintenance::damageIsReported()
{
    QFETCH(QString, damage);
    QFETCH(int, phase);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString file = dir.filePath(QStringLiteral("a.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 800));
    {
        auto engine = testdata::openTestEngine(data);
        QVERIFY(engine);
        QCOMPARE(ingest(*engine, file), 800);
    }
    if (damage == QLatin1String("fts")) {
        // The full-text row of one record goes, behind FTS5's back (its row-size shadow table).
        QVERIFY(execSql(DataDirectory(data).databasePath(),
                        "DELETE FROM records_fts_docsize WHERE id = (SELECT min(id) FROM records)"));
    }
    auto engine = testdata::openTestEngine(data);
    QVERIFY(engine);
    if (damage == QLatin1String("index-entry")) {
        const qint64 id = internals(*engine).withReader([](Store &s) { return s.record(Collection::Cases, QStringLiteral("CASE-7"))->id; });
        QVERIFY(internals(*engine).index().remove(id));
    } else if (damage == QLatin1String("index-file")) {
        // The running index is fine; the file the next start would load is not.
        QFile f(internals(*engine).dataDirectory().indexPath());
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() - 500);
        char c = 0;
        QVERIFY(f.getChar(&c));
        f.seek(f.size() - 500);
        QVERIFY(f.putChar(char(c ^ 0x5a)));
    }

    const IntegrityReport report = engine->checkIntegrity({}, nullptr);
    QVERIFY(report.finished);
    QVERIFY2(!report.ok(), qPrintable(describe(report)));
    QCOMPARE(report.problemCount(), 1); // only the damaged part is reported
    const IntegrityFinding *bad = finding(report, IntegrityPhase(phase));
    QVERIFY(bad);
    QVERIFY2(!bad->ok, qPrintable(bad->message));
    QVERIFY(!bad->message.isEmpty());
    if (damage == QLatin1String("index-entry")) {
        QCOMPARE(report.missingFromIndex, 1);
        QVERIFY2(bad->message.contains(QStringLiteral("1 stored vectors are missing")), qPrintable(bad->message));

        // A rebuild from the database repairs it.
        QString error;
        QVERIFY2(engine->rebuildIndex({}, nullptr, &error), qPrintable(error));
        QVERIFY2(engine->checkIntegrity({}, nullptr).ok(), "clean after the rebuild");
    }
}

void TestEngineMaintenance::cancelStopsTheCheck()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("a.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 3000));
    auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")));
    QVERIFY(engine);
    QCOMPARE(ingest(*engine, file), 3000);

    std::atomic<bool> cancel{true};
    IntegrityReport report = engine->checkIntegrity({}, &cancel);
    QVERIFY(report.cancelled);
    QVERIFY(!report.finished);
    QVERIFY(!report.ok());
    QVERIFY(report.findings.isEmpty());

    // Cancelled halfway through the vectors: no verdict on them.
    cancel = false;
    report = engine->checkIntegrity([&](const IntegrityProgress &p) {
        if (p.phase == IntegrityPhase::VectorIndex && p.done >= 1024)
            cancel = true;
    }, &cancel);
    QVERIFY(report.cancelled);
    QVERIFY(!report.finished);
    QCOMPARE(report.findings.size(), 2); // database and full text ran
    QVERIFY(report.vectorsChecked < 3000);

    // The engine is fine afterwards: a job runs and the check passes.
    const QString more = dir.filePath(QStringLiteral("b.jsonl"));
    QVERIFY(testdata::writeCases(more, 3000, 3100));
    QCOMPARE(ingest(*engine, more), 100);
    QVERIFY(engine->checkIntegrity({}, nullptr).ok());
}

void TestEngineMaintenance::maintenanceHoldsJobsUntilDone()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.jsonl"));
    const QString b = dir.filePath(QStringLiteral("b.jsonl"));
    QVERIFY(testdata::writeCases(a, 0, 2000));
    QVERIFY(testdata::writeCases(b, 2000, 2500));
    auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")));
    QVERIFY(engine);
    QCOMPARE(ingest(*engine, a), 2000);

    // A job queued while the rebuild runs waits for it, then runs into the new index.
    std::atomic<bool> inRebuild{false};
    std::atomic<bool> release{false};
    bool rebuilt = false;
    QString error;
    std::thread rebuild([&] {
        rebuilt = engine->rebuildIndex([&](qint64, qint64) {
            inRebuild = true;
            while (!release.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }, nullptr, &error);
    });
    QTRY_VERIFY(inRebuild.load());
    IngestOptions o;
    o.files = {b};
    const qint64 jobId = engine->submitJob(o);
    QVERIFY(jobId > 0);
    QTest::qWait(300);
    QCOMPARE(engine->job(jobId)->status, JobStatus::Queued);
    QVERIFY(!engine->runningJobProgress());
    release = true;
    rebuild.join();
    QVERIFY2(rebuilt, qPrintable(error));
    engine->waitForJobs();
    QCOMPARE(engine->job(jobId)->status, JobStatus::Completed);
    QCOMPARE(engine->counts().total(), 2500);
    QCOMPARE(internals(*engine).index().size(), 2500);
    QVERIFY(engine->checkIntegrity({}, nullptr).ok());
}

void TestEngineMaintenance::maintenanceIsRefusedWhileAJobRuns()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("a.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 20000));
    auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")));
    QVERIFY(engine);
    IngestOptions o;
    o.files = {file};
    o.batchSize = 200;
    const qint64 jobId = engine->submitJob(o);
    QTRY_VERIFY_WITH_TIMEOUT(engine->runningJobProgress().has_value(), 30000);
    QVERIFY(engine->pauseJob(jobId)); // keeps it running for as long as the test needs

    QString error;
    QVERIFY(!engine->rebuildIndex({}, nullptr, &error));
    QVERIFY2(error.contains(QStringLiteral("job is running")), qPrintable(error));
    const IntegrityReport report = engine->checkIntegrity({}, nullptr);
    QVERIFY(!report.finished);
    QVERIFY2(report.error.contains(QStringLiteral("job is running")), qPrintable(report.error));

    // Whoever hears that the job ended may start maintenance right away.
    std::atomic<int> heldWhenFinished{-1};
    const auto subscription = engine->subscribeJobEvents([&](const JobEvent &e) {
        if (e.isEnd())
            heldWhenFinished = internals(*engine).scheduler().hold() ? 1 : 0; // the hold ends with the statement
    });
    QVERIFY(engine->resumeJob(jobId));
    engine->waitForJobs();
    QCOMPARE(engine->job(jobId)->status, JobStatus::Completed);
    QCOMPARE(internals(*engine).index().size(), 20000);
    QCOMPARE(heldWhenFinished.load(), 1);
}

// The full-text index keeps no copy of its text, so its terms must be the ones the current term
// list gives: a changed terms.txt re-indexes the store at the next start, after which records
// change and go without a term left behind.
void TestEngineMaintenance::termListChangeReindexesTheStore()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString file = dir.filePath(QStringLiteral("a.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 300));
    {
        auto engine = testdata::openTestEngine(data);
        QVERIFY(engine);
        QCOMPARE(ingest(*engine, file), 300);
        QCOMPARE(keywordHits(*engine, QStringLiteral("zorblax")), 0);
        QCOMPARE(keywordHits(*engine, QStringLiteral("customer")), 300);
    }
    QVERIFY(testdata::writeText(QDir(data).filePath(QStringLiteral("terms.txt")), "customer => zorblax\n"));
    auto engine = testdata::openTestEngine(data);
    QVERIFY(engine);
    // Indexed records now hold the new term, and the query's own word is mapped to it as well.
    QCOMPARE(keywordHits(*engine, QStringLiteral("zorblax")), 300);
    QCOMPARE(keywordHits(*engine, QStringLiteral("customer")), 300);
    // Changes and deletions under the new list.
    QVERIFY(testdata::writeCases(file, 0, 300, QStringLiteral(" Quuxwidget involved.")));
    IngestOptions o;
    o.files = {file};
    o.batchSize = 100;
    QCOMPARE(engine->runJob(o).counts.updated, 300);
    const qint64 id = internals(*engine).withReader([](Store &s) { return s.record(Collection::Cases, QStringLiteral("CASE-7"))->id; });
    QString error;
    QVERIFY2(engine->deleteRecord(id, &error), qPrintable(error));
    QCOMPARE(keywordHits(*engine, QStringLiteral("quuxwidget")), 299);
    QCOMPARE(keywordHits(*engine, QStringLiteral("zorblax")), 299);
    const IntegrityReport report = engine->checkIntegrity({}, nullptr);
    QVERIFY2(report.ok(), qPrintable(describe(report)));
}

// A store an older version made keeps a copy of every text in FTS5: it works as it is, and
// compactFullText() rebuilds its index without the copy.
void TestEngineMaintenance::olderStoreIsCompactedToAnIndexWithoutCopy()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString file = dir.filePath(QStringLiteral("a.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 400));
    {
        auto engine = testdata::openTestEngine(data);
        QVERIFY(engine);
        QCOMPARE(ingest(*engine, file), 400);
    }
    // The layout of before: the same terms in a table with its own copy of the text (one record
    // indexed under an older term list, so its kept terms are not what the current list gives).
    QVERIFY(execSql(DataDirectory(data).databasePath(),
                    "CREATE VIRTUAL TABLE old_fts USING fts5 (title, body, resolution, tags,"
                    " tokenize = \"porter unicode61 remove_diacritics 2 tokenchars '_.'\");"
                    "INSERT INTO old_fts (rowid, title, body, resolution, tags) SELECT id, lower(title), lower(body),"
                    " lower(resolution), NULL FROM records;"
                    "UPDATE old_fts SET title = 'legacy wording' WHERE rowid = (SELECT min(id) FROM records);"
                    "DROP TABLE records_fts; ALTER TABLE old_fts RENAME TO records_fts;"
                    "DELETE FROM meta WHERE key = 'fts_form';"));
    auto engine = testdata::openTestEngine(data);
    QVERIFY(engine);
    QVERIFY(internals(*engine).withReader([](Store &s) { return s.fullTextKeepsCopy(); }));
    auto keepsCopy = [&] {
        return engine->health(false)[QStringLiteral("components")][QStringLiteral("database")]
            [QStringLiteral("fulltext_keeps_text_copy")];
    };
    QCOMPARE(keepsCopy(), QJsonValue(true));
    QCOMPARE(keywordHits(*engine, QStringLiteral("legacy")), 1);
    QCOMPARE(keywordHits(*engine, QStringLiteral("customer")), 400); // in the bodies

    qint64 records = 0, reformed = 0;
    QList<qint64> done;
    QString error;
    QVERIFY2(engine->compactFullText([&](qint64 n, qint64) { done << n; }, nullptr, &records, &reformed, &error),
             qPrintable(error));
    QCOMPARE(records, 400);
    QVERIFY2(reformed >= 1, qPrintable(QString::number(reformed))); // every one here: lower() is not the form
    QCOMPARE(done.last(), 400);
    QVERIFY(!internals(*engine).withReader([](Store &s) { return s.fullTextKeepsCopy(); }));
    QCOMPARE(keepsCopy(), QJsonValue(false));
    QCOMPARE(keywordHits(*engine, QStringLiteral("legacy")), 0);
    QCOMPARE(keywordHits(*engine, QStringLiteral("customer")), 400);
    QCOMPARE(keywordHits(*engine, QStringLiteral("ora-12154")), 100);
    // A second run has nothing to do.
    QVERIFY(engine->compactFullText({}, nullptr, &records, &reformed, &error));
    QCOMPARE(records, 0);
    const qint64 id = internals(*engine).withReader([](Store &s) { return s.record(Collection::Cases, QStringLiteral("CASE-9"))->id; });
    QVERIFY2(engine->deleteRecord(id, &error), qPrintable(error));
    const IntegrityReport report = engine->checkIntegrity({}, nullptr);
    QVERIFY2(report.ok(), qPrintable(describe(report)));
}

QTEST_GUILESS_MAIN(TestEngineMaintenance)
#include "tst_engine_maintenance.moc"
