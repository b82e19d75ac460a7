// SPDX-License-Identifier: MIT
// The ingestion page over a real engine: start a job and watch it finish, pause / resume /
// cancel, dry run, clear errors for bad files, and files dropped on the main window.
#include "engine/EngineInternals.h"
#include "IngestionTestSupport.h"
#include "../../FailingEmbedder.h"

#include "ingestion/JobOptionsPanel.h"
#include "ingestion/SourcePanel.h"
#include "shell/MainWindow.h"

#include <QComboBox>
#include <QListWidget>
#include <QMimeData>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace kms;
using testui::child;
using testui::labelText;

class TestIngestionPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void pageWaitsForTheEngine();
    void startedJobReachesTheEndAndTheHistory();
    void pauseHoldsResumeGoesOnCancelStops();
    void dryRunCountsWithoutWriting();
    void badFilesShowAClearError_data();
    void badFilesShowAClearError();
    void editedMappingIsUsed();
    void filesDroppedOnTheWindowGoToTheIngestionPage();
    void automaticBatchFollowsTheEmbedder();
};

void TestIngestionPage::pageWaitsForTheEngine()
{
    QTemporaryDir dir;
    ui::EngineHost host;
    ui::IngestionPage page(&host);
    QCOMPARE(page.objectName(), QStringLiteral("ingestion"));
    QVERIFY(!page.isEnabled()); // nothing works before the engine is open
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    QVERIFY(page.isEnabled());
    QVERIFY(!child<QPushButton>(page, "startButton")->isEnabled()); // no files yet
    QVERIFY(testui::closeHost(host));
    QVERIFY(!page.isEnabled());
}

void TestIngestionPage::startedJobReachesTheEndAndTheHistory()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 400));
    ui::EngineHost host;
    ui::IngestionPage page(&host);
    page.resize(1200, 800);
    page.show();
    testui::ModelTesters testers;
    testers.watchPage(page);
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    QVERIFY(testui::addFilesByDialog(page, {file}));

    // The preview: the first records, the detected mapping in the headers, every record fine.
    auto *preview = child<QTableView>(page, "previewTable");
    QCOMPARE(preview->model()->rowCount(), 50);
    QVERIFY(labelText(page, "previewInfo").contains(QStringLiteral("cases.jsonl")));
    QVERIFY(child<QLabel>(page, "sourceError")->isHidden());
    QStringList headers;
    for (int c = 0; c < preview->model()->columnCount(); ++c)
        headers << preview->model()->headerData(c, Qt::Horizontal).toString();
    QVERIFY2(headers.contains(QStringLiteral("id → external_id")), qPrintable(headers.join(u'|')));
    QVERIFY(headers.contains(QStringLiteral("description → body")));
    QCOMPARE(preview->model()->index(0, 0).data().toString(), QStringLiteral("ok"));
    QCOMPARE(child<QComboBox>(page, "map_title")->currentData().toString(), QStringLiteral("title"));
    QVERIFY2(labelText(page, "autoChoiceLabel").contains(QStringLiteral("400 records")),
             qPrintable(labelText(page, "autoChoiceLabel")));

    auto *bar = child<QProgressBar>(page, "progressBar");
    QCOMPARE(bar->value(), 0);
    QTest::mouseClick(child<QPushButton>(page, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.runPanel()->currentJobId() > 0, 10000);
    const qint64 job = page.runPanel()->currentJobId();
    QTRY_COMPARE_WITH_TIMEOUT(bar->value(), bar->maximum(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(page.runPanel()->state(), ui::JobRunPanel::State::Idle, 10000);
    QVERIFY2(labelText(page, "progressLabel").contains(QStringLiteral("completed")), qPrintable(labelText(page, "progressLabel")));

    QTRY_VERIFY(testui::historyJob(page, job) && testui::historyJob(page, job)->status == JobStatus::Completed);
    QCOMPARE(testui::historyJob(page, job)->counts.inserted, 400);
    const QModelIndex statusCell = page.historyModel()->index(testui::historyRowOf(page, job), ui::JobHistoryModel::StatusColumn);
    QCOMPARE(statusCell.data().toString(), QStringLiteral("completed"));
    QCOMPARE(testui::ask(host, [](Engine &e) { return e.counts().cases; }), 400);
    // The job just queued is selected, so its (empty) rejects are on show.
    QTRY_VERIFY(labelText(page, "rejectsTitle").contains(QStringLiteral("no rejected records")));
    QVERIFY(testui::closeHost(host));
}

void TestIngestionPage::pauseHoldsResumeGoesOnCancelStops()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("big.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 20000));
    ui::EngineHost host;
    ui::IngestionPage page(&host);
    testui::ModelTesters testers;
    testers.watchPage(page);
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    QVERIFY(testui::addFilesByDialog(page, {file}));
    // A dry run can be cancelled too; it stops where it is and says so.
    auto *dryRun = child<QPushButton>(page, "dryRunButton");
    QTest::mouseClick(dryRun, Qt::LeftButton);
    QCOMPARE(dryRun->text(), QStringLiteral("Cancel dry run"));
    QTest::mouseClick(dryRun, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(page, "dryRunResult").startsWith(QStringLiteral("Dry run cancelled after")), 30000);
    QCOMPARE(dryRun->text(), QStringLiteral("Dry run"));

    auto *batch = child<QSpinBox>(page, "batchSizeSpin");
    batch->setValue(50);
    QCOMPARE(page.optionsPanel()->options().batchSize, 50);
    QTest::mouseClick(child<QPushButton>(page, "startButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.runPanel()->state(), ui::JobRunPanel::State::Running, 30000);
    const qint64 job = page.runPanel()->currentJobId();
    auto committed = [&] {
        return testui::ask(host, [job](Engine &e) { return e.job(job)->counts.processed(); });
    };

    auto *pause = child<QPushButton>(page, "pauseButton");
    QVERIFY(pause->isEnabled());
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_COMPARE(page.runPanel()->state(), ui::JobRunPanel::State::Paused);
    QVERIFY(labelText(page, "progressLabel").contains(QStringLiteral("paused")));
    QVERIFY(child<QPushButton>(page, "resumeButton")->isEnabled());
    QVERIFY(!pause->isEnabled());
    QTest::qWait(400); // the batch in hand commits, then nothing moves
    const qint64 held = committed();
    QTest::qWait(700);
    QCOMPARE(committed(), held);
    QVERIFY(held < 20000);

    QTest::mouseClick(child<QPushButton>(page, "resumeButton"), Qt::LeftButton);
    QTRY_COMPARE(page.runPanel()->state(), ui::JobRunPanel::State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(committed() > held, 20000);

    QTest::mouseClick(child<QPushButton>(page, "cancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.runPanel()->state(), ui::JobRunPanel::State::Idle, 30000);
    QVERIFY2(labelText(page, "progressLabel").contains(QStringLiteral("cancelled")), qPrintable(labelText(page, "progressLabel")));
    QTRY_VERIFY(testui::historyJob(page, job) && testui::historyJob(page, job)->status == JobStatus::Cancelled);
    const qint64 stored = testui::ask(host, [](Engine &e) { return e.counts().cases; });
    QVERIFY(stored > 0 && stored < 20000);
    QCOMPARE(stored % 50, 0); // whole batches only
    QVERIFY(testui::closeHost(host));
}

void TestIngestionPage::dryRunCountsWithoutWriting()
{
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.jsonl"));
    QVERIFY(testdata::writeCases(first, 0, 100));
    // 50 unchanged, 50 changed, 30 new, 2 invalid.
    QByteArray text;
    for (int i = 0; i < 130; ++i)
        text += QJsonDocument(testdata::caseObject(i, i >= 50 && i < 100 ? QStringLiteral(" Edited.") : QString()))
                    .toJson(QJsonDocument::Compact) + '\n';
    text += "{\"title\": \"no id\"}\n{\"id\": \"CASE-X\", \"title\": [1]}\n";
    const QString second = dir.filePath(QStringLiteral("second.jsonl"));
    QVERIFY(testdata::writeText(second, text));

    ui::EngineHost host;
    ui::IngestionPage page(&host);
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    IngestOptions o;
    o.files = {first};
    QCOMPARE(testui::ask(host, [o](Engine &e) { return e.runJob(o).counts.inserted; }), 100);

    QVERIFY(testui::addFilesByDialog(page, {second}));
    QTest::mouseClick(child<QPushButton>(page, "dryRunButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(page, "dryRunResult").contains(QStringLiteral("nothing written")), 30000);
    QCOMPARE(labelText(page, "dryRunResult"),
             QStringLiteral("Dry run: 30 new, 50 changed, 50 unchanged, 2 invalid — nothing written"));
    QCOMPARE(testui::ask(host, [](Engine &e) { return e.counts().cases; }), 100);
    QCOMPARE(child<QPushButton>(page, "dryRunButton")->text(), QStringLiteral("Dry run"));
    QVERIFY(testui::closeHost(host));
}

void TestIngestionPage::badFilesShowAClearError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    QTest::addColumn<QStringList>("expected"); // all of these in the error
    QTest::newRow("missing") << QStringLiteral("gone.csv") << QByteArray()
                             << QStringList{"gone.csv", "no such file"};
    QTest::newRow("wrong format") << QStringLiteral("notes.txt") << QByteArray("hello")
                                  << QStringList{"notes.txt", "unsupported file type"};
    QTest::newRow("not json") << QStringLiteral("broken.json") << QByteArray("\n\n\"just a string\"")
                              << QStringList{"broken.json", "line 3"};
    QTest::newRow("empty csv") << QStringLiteral("empty.csv") << QByteArray("")
                               << QStringList{"empty.csv", "empty"};
    QTest::newRow("no id column") << QStringLiteral("noid.csv") << QByteArray("Subject,Text\nVPN,drops\n")
                                  << QStringList{"noid.csv", "external_id"};
    QTest::newRow("bad row") << QStringLiteral("rows.csv") << QByteArray("id,title\n1,ok\n2\n3,fine\n")
                             << QStringList{"line 3", "row has 1 fields, the header has 2"};
}

void TestIngestionPage::badFilesShowAClearError()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    const QString file = dir.filePath(name);
    if (!content.isEmpty() || name == u"empty.csv")
        QVERIFY(testdata::writeText(file, content));
    ui::EngineHost host;
    ui::IngestionPage page(&host);
    page.show();
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    page.dialogs().openFiles = [file](QWidget *) { return QStringList{file}; };
    QTest::mouseClick(child<QPushButton>(page, "addFilesButton"), Qt::LeftButton);
    auto *error = child<QLabel>(page, "sourceError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
    for (const QString &e : expected)
        QVERIFY2(error->text().contains(e, Qt::CaseInsensitive), qPrintable(error->text()));

    // Starting says why not, naming the file — except for a bad row, which only that row costs.
    QTest::mouseClick(child<QPushButton>(page, "startButton"), Qt::LeftButton);
    if (name == u"rows.csv") {
        QTRY_VERIFY_WITH_TIMEOUT(page.runPanel()->currentJobId() > 0, 10000);
    } else {
        const QString why = labelText(page, "progressLabel");
        QVERIFY2(why.startsWith(QStringLiteral("Cannot start: ")) && why.contains(expected.first()), qPrintable(why));
        QCOMPARE(page.runPanel()->currentJobId(), 0);
    }
    QVERIFY(testui::closeHost(host));
}

void TestIngestionPage::editedMappingIsUsed()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("tickets.csv"));
    QVERIFY(testdata::writeText(file, "Ref,Headline,Details\nT-1,VPN drops,Tunnel resets\nT-2,Mail bounces,550\n"));
    ui::EngineHost host;
    ui::IngestionPage page(&host);
    page.show();
    testui::ModelTesters testers;
    testers.watchPage(page);
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    page.dialogs().openFiles = [file](QWidget *) { return QStringList{file}; };
    QTest::mouseClick(child<QPushButton>(page, "addFilesButton"), Qt::LeftButton);
    auto *error = child<QLabel>(page, "sourceError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
    QVERIFY(error->text().contains(QStringLiteral("external_id")));
    auto *preview = child<QTableView>(page, "previewTable");
    QVERIFY(preview->model()->index(0, 0).data().toString().contains(QStringLiteral("external_id")));

    // "Ref" is no name detect() knows: the operator picks it.
    auto *idCombo = child<QComboBox>(page, "map_external_id");
    idCombo->setCurrentIndex(idCombo->findData(QStringLiteral("Ref")));
    emit idCombo->activated(idCombo->currentIndex());
    QTRY_VERIFY(error->isHidden());
    QCOMPARE(preview->model()->index(0, 0).data().toString(), QStringLiteral("ok"));
    QCOMPARE(page.sourcePanel()->mappingOverrides(), QStringList{QStringLiteral("external_id=Ref")});

    QTest::mouseClick(child<QPushButton>(page, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.runPanel()->currentJobId() > 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page.runPanel()->state(), ui::JobRunPanel::State::Idle, 30000);
    const auto stored = testui::ask(host, [](Engine &e) {
        return internals(e).withReader([](Store &s) { return s.record(Collection::Cases, QStringLiteral("T-2")); });
    });
    QVERIFY(stored);
    QCOMPARE(stored->record.title, QStringLiteral("Mail bounces"));
    QCOMPARE(stored->record.body, QStringLiteral("550"));
    QVERIFY(testui::closeHost(host));
}

void TestIngestionPage::filesDroppedOnTheWindowGoToTheIngestionPage()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("drop.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 10));
    ui::EngineHost host;
    ui::MainWindow window(&host);
    window.show();
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    QVERIFY(window.pageIds().contains(QStringLiteral("ingestion")));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file), QUrl(QStringLiteral("https://example.com/x.csv"))});
    QDragEnterEvent enter(QPoint(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(window.currentPageId(), QStringLiteral("ingestion"));
    auto *page = window.findChild<ui::IngestionPage *>(QStringLiteral("ingestion"));
    QVERIFY(page);
    QCOMPARE(page->sourcePanel()->files(), QStringList{file}); // the web link is no local file
    QTRY_VERIFY_WITH_TIMEOUT(labelText(*page, "previewInfo").contains(QStringLiteral("drop.jsonl")), 20000);

    QSignalSpy closed(&host, &ui::EngineHost::closed);
    window.close();
    QVERIFY(closed.wait(30000));
}

// A large load gets batches of 5,000 with the built-in embedder and keeps 1,000 with an expensive
// one (a server here): the page asks the engine, so what it shows is what the job will do.
void TestIngestionPage::automaticBatchFollowsTheEmbedder()
{
    for (const bool expensive : {false, true}) {
        QTemporaryDir dir;
        ui::EngineHost host;
        ui::IngestionPage page(&host);
        Engine::Options o;
        o.dataDirectory = dir.filePath(QStringLiteral("data"));
        o.logToFile = false;
        if (expensive)
            o.embedder = std::make_shared<testdata::FailingEmbedder>();
        QSignalSpy opened(&host, &ui::EngineHost::opened);
        host.open(o);
        QVERIFY(opened.wait(60000));
        QVERIFY(opened.at(0).at(0).toBool());

        auto *options = page.optionsPanel();
        options->setEstimate(1'000'000, true);
        const int expected = expensive ? 1000 : 5000;
        QTRY_COMPARE(options->tuning().batchSize, expected);
        QVERIFY2(labelText(page, "autoChoiceLabel").contains(QStringLiteral("batch %1").arg(expected)),
                 qPrintable(labelText(page, "autoChoiceLabel")));
        QVERIFY(testui::closeHost(host));
    }
}

QTEST_MAIN(TestIngestionPage)
#include "tst_ingestion.moc"
