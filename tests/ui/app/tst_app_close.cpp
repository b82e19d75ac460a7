// SPDX-License-Identifier: MIT
// Closing the main window while a job runs: it asks first (declining keeps everything running),
// then shuts down without a crash; every committed batch is in the store after reopening, and
// ingesting the same file again finishes the load.
#include "engine/EngineInternals.h"
#include "../../TestEngine.h"
#include "AppTestSupport.h"
#include "UiTestSupport.h"

#include "index/VectorIndex.h"
#include "shell/MainWindow.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kms;

class TestAppClose : public QObject
{
    Q_OBJECT
private slots:
    void closingDuringAJobLosesNoCommittedBatch();
};

void TestAppClose::closingDuringAJobLosesNoCommittedBatch()
{
    constexpr qint64 kRecords = 40'000;
    QTemporaryDir dir;
    const QString corpus = dir.filePath(QStringLiteral("corpus.jsonl"));
    const QString data = dir.filePath(QStringLiteral("data"));
    QString error;
    QVERIFY2(testui::writeCorpus(corpus, kRecords, 0, &error), qPrintable(error));

    qint64 jobId = 0;
    {
        ui::EngineHost host;
        ui::MainWindow window(&host);
        int asked = 0;
        bool answer = false;
        window.setQuitConfirmation([&](const QString &) {
            ++asked;
            return answer;
        });
        window.show();
        QVERIFY(testui::openHost(host, data, &error));
        window.showPage(QStringLiteral("health"));

        testui::submitJob(host, &window, corpus, &jobId, 500);
        QTRY_VERIFY_WITH_TIMEOUT(host.runningJob() && host.runningJob()->counts.inserted >= 2000, 120'000);
        QVERIFY(jobId > 0);

        // "No" keeps the window and the job.
        window.close();
        QCOMPARE(asked, 1);
        QVERIFY(window.isVisible());
        QVERIFY(host.isOpen());

        answer = true;
        QSignalSpy closed(&host, &ui::EngineHost::closed);
        window.close();
        QCOMPARE(asked, 2);
        QVERIFY(!window.isEnabled()); // closing: nothing to click while the engine shuts down
        QVERIFY(closed.wait(120'000));
        QTRY_VERIFY(!window.isVisible());
    }

    auto engine = testdata::openTestEngine(data, &error);
    QVERIFY2(engine, qPrintable(error));
    const std::optional<JobInfo> job = engine->job(jobId);
    QVERIFY(job);
    QCOMPARE(job->status, JobStatus::Cancelled);
    const qint64 stored = engine->counts().total();
    QVERIFY2(stored > 0 && stored < kRecords, qPrintable(QString::number(stored)));
    QCOMPARE(job->counts.inserted, stored);           // every committed batch, and only those
    QCOMPARE(internals(*engine).index().size(), stored);
    QVERIFY(engine->checkIntegrity({}, nullptr).ok());

    // The same file again finishes the load: the stored records are unchanged, the rest new.
    IngestOptions o;
    o.files = {corpus};
    o.batchSize = 500;
    const JobInfo again = engine->runJob(o);
    QCOMPARE(again.status, JobStatus::Completed);
    QCOMPARE(again.counts.unchanged, stored);
    QCOMPARE(again.counts.inserted, kRecords - stored);
    QCOMPARE(engine->counts().total(), kRecords);
    QCOMPARE(internals(*engine).index().size(), kRecords);
}

QTEST_MAIN(TestAppClose)
#include "tst_app_close.moc"
