// SPDX-License-Identifier: MIT
// The ingestion page's lower half over a real engine: rejects with their reasons, exported to CSV,
// fixed and retried; scheduled syncs that survive a restart; and (with KMS_SCREENSHOT_DIR set) a
// screenshot of the page with real data.
#include "engine/EngineInternals.h"
#include "IngestionTestSupport.h"

#include "index/VectorIndex.h"
#include "ingestion/RejectFixDialog.h"
#include "ingestion/RejectsModel.h"
#include "ingestion/SchedulesModel.h"
#include "ingestion/SchedulesPanel.h"
#include "ingestion/SourcePanel.h"
#include "shell/MainWindow.h"
#include "synth/CorpusWriter.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace kms;
using testui::child;
using testui::labelText;

namespace {
// Three good cases and two the pipeline refuses (no id on line 3, a title that is an object on 5).
QByteArray mixedCases()
{
    QByteArray text;
    text += QJsonDocument(testdata::caseObject(1)).toJson(QJsonDocument::Compact) + '\n';
    text += QJsonDocument(testdata::caseObject(2)).toJson(QJsonDocument::Compact) + '\n';
    text += "{\"title\": \"VPN drops every hour\", \"description\": \"no id here\"}\n";
    text += QJsonDocument(testdata::caseObject(3)).toJson(QJsonDocument::Compact) + '\n';
    text += "{\"id\": \"CASE-9\", \"title\": {\"en\": \"Printer jams\"}, \"description\": \"Tray 2\"}\n";
    return text;
}

// Runs the page's job on file to its end and selects it in the history.
qint64 runToEnd(ui::IngestionPage &page, const QString &file)
{
    if (!testui::addFilesByDialog(page, {file}))
        return 0;
    QTest::mouseClick(child<QPushButton>(page, "startButton"), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return page.runPanel()->currentJobId() > 0; }, 10000))
        return 0;
    const qint64 job = page.runPanel()->currentJobId();
    if (!QTest::qWaitFor([&] { return page.runPanel()->state() == ui::JobRunPanel::State::Idle; }, 60000))
        return 0;
    return job;
}
} // namespace

class TestIngestionRejects : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void rejectsShowTheReasonAndExportToCsv();
    void fixedRecordIsStoredAndItsRejectGoes();
    void scheduleSurvivesARestartAndShowsItsNextRun();
    void screenshot();
};

void TestIngestionRejects::rejectsShowTheReasonAndExportToCsv()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("mixed.jsonl"));
    QVERIFY(testdata::writeText(file, mixedCases()));
    ui::EngineHost host;
    ui::IngestionPage page(&host);
    page.show();
    testui::ModelTesters testers;
    testers.watchPage(page);
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    // The preview already says which records will be refused.
    QVERIFY(testui::addFilesByDialog(page, {file}));
    QVERIFY2(labelText(page, "sourceError").contains(QStringLiteral("2 of the first 5 records would be rejected")),
             qPrintable(labelText(page, "sourceError")));
    const qint64 job = runToEnd(page, file);
    QVERIFY(job > 0);

    auto *rejects = child<QTableView>(page, "rejectsTable");
    QTRY_COMPARE(rejects->model()->rowCount(), 2);
    QTRY_COMPARE(page.tabs()->tabText(1), QStringLiteral("Rejects (2)"));
    QStringList rows;
    for (int r = 0; r < 2; ++r) {
        QStringList cells;
        for (int c = 0; c < ui::RejectsModel::ColumnCount; ++c)
            cells << rejects->model()->index(r, c).data().toString();
        rows << cells.join(u'|');
    }
    QCOMPARE(rows.at(0), QStringLiteral("mixed.jsonl|3|3|external_id|required field is missing or empty"));
    QCOMPARE(rows.at(1), QStringLiteral("mixed.jsonl|5|5|title|expected a string, got object"));

    const QString out = dir.filePath(QStringLiteral("out/rejects.csv"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("out"))));
    QString suggested;
    page.dialogs().saveFile = [&](QWidget *, const QString &name) {
        suggested = name;
        return out;
    };
    QTest::mouseClick(child<QPushButton>(page, "exportRejectsButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(page, "rejectsStatus").startsWith(QStringLiteral("Exported 2")), 10000);
    QCOMPARE(suggested, QStringLiteral("job-%1-rejects.csv").arg(job));
    QFile csv(out);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QCOMPARE(lines.at(0), QByteArray("job,file,record,line,field,reason,raw\r"));
    QVERIFY(lines.at(1).startsWith(QByteArray::number(job) + ',' + file.toUtf8() + ",3,3,external_id,"
                                   "required field is missing or empty,\"{\"\"title\"\""));
    QVERIFY(lines.at(2).contains(",title,\"expected a string, got object\","));

    // A write that cannot happen says where and why.
    page.dialogs().saveFile = [&](QWidget *, const QString &) { return dir.filePath(QStringLiteral("no/such/dir/x.csv")); };
    QTest::mouseClick(child<QPushButton>(page, "exportRejectsButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(page, "rejectsStatus").startsWith(QStringLiteral("Export failed")), 10000);
    QVERIFY(labelText(page, "rejectsStatus").contains(QStringLiteral("no/such/dir/x.csv")));
    QVERIFY(testui::closeHost(host));
}

void TestIngestionRejects::fixedRecordIsStoredAndItsRejectGoes()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("mixed.jsonl"));
    QVERIFY(testdata::writeText(file, mixedCases()));
    ui::EngineHost host;
    ui::IngestionPage page(&host);
    page.show();
    testui::ModelTesters testers;
    testers.watchPage(page);
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    const qint64 job = runToEnd(page, file);
    QVERIFY(job > 0);
    auto *rejects = child<QTableView>(page, "rejectsTable");
    QTRY_COMPARE(rejects->model()->rowCount(), 2);
    page.tabs()->setCurrentIndex(1);

    rejects->selectRow(1); // record 5: the title is an object
    QTest::mouseClick(child<QPushButton>(page, "fixRejectButton"), Qt::LeftButton);
    ui::RejectFixDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<ui::RejectFixDialog *>()) && dialog->isVisible());
    QVERIFY(dialog->editor()->toPlainText().contains(QStringLiteral("Printer jams")));

    // Still wrong: the dialog stays and names the field.
    dialog->editor()->setPlainText(QStringLiteral("{\"id\": \"CASE-9\", \"title\": [\"Printer jams\"]}"));
    QTest::mouseClick(child<QPushButton>(*dialog, "retryButton"), Qt::LeftButton);
    QTRY_VERIFY(labelText(*dialog, "retryResult").startsWith(QStringLiteral("Still rejected: title:")));
    QVERIFY(dialog->isVisible());

    QPointer<ui::RejectFixDialog> alive(dialog);
    dialog->editor()->setPlainText(
        QStringLiteral("{\"id\": \"CASE-9\", \"title\": \"Printer jams\", \"description\": \"Tray 2\"}"));
    QTest::mouseClick(child<QPushButton>(*dialog, "retryButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), 10000); // accepted and deleted
    QTRY_COMPARE(rejects->model()->rowCount(), 1);
    QVERIFY(labelText(page, "rejectsStatus").contains(QStringLiteral("CASE-9")));
    const auto stored = testui::ask(host, [](Engine &e) {
        return internals(e).withReader([](Store &s) { return s.record(Collection::Cases, QStringLiteral("CASE-9")); });
    });
    QVERIFY(stored);
    QCOMPARE(stored->record.title, QStringLiteral("Printer jams"));
    QCOMPARE(testui::ask(host, [](Engine &e) { return internals(e).index().size(); }), 4);
    QVERIFY(testui::closeHost(host));
}

void TestIngestionRejects::scheduleSurvivesARestartAndShowsItsNextRun()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("sync.jsonl"));
    QVERIFY(testdata::writeCases(file, 0, 200));
    const QString data = dir.filePath(QStringLiteral("data"));
    {
        ui::EngineHost host;
        ui::IngestionPage page(&host);
        page.show();
        testui::ModelTesters testers;
        testers.watchPage(page);
        QVERIFY(testui::openHost(host, data));
        // Without files there is nothing to schedule, and the page says so.
        QTest::mouseClick(child<QPushButton>(page, "addScheduleButton"), Qt::LeftButton);
        QVERIFY(labelText(page, "scheduleMessage").contains(QStringLiteral("Choose the files")));
        QVERIFY(testui::addFilesByDialog(page, {file}));
        child<QLineEdit>(page, "scheduleName")->setText(QStringLiteral("Ticket export"));
        child<QSpinBox>(page, "scheduleInterval")->setValue(30);
        QTest::mouseClick(child<QPushButton>(page, "addScheduleButton"), Qt::LeftButton);
        auto *table = child<QTableView>(page, "schedulesTable");
        QTRY_COMPARE(table->model()->rowCount(), 1);
        const QString next = table->model()->index(0, ui::SchedulesModel::NextRunColumn).data().toString();
        QVERIFY2(next.contains(QStringLiteral("(in 29 min")) || next.contains(QStringLiteral("(in 30 min")), qPrintable(next));
        QCOMPARE(table->model()->index(0, ui::SchedulesModel::NameColumn).data().toString(), QStringLiteral("Ticket export"));
        QCOMPARE(table->model()->index(0, ui::SchedulesModel::IntervalColumn).data().toString(), QStringLiteral("every 30 min"));
        // The application is then closed for an hour: move the next run into the past.
        QVERIFY(testui::ask(host, [](Engine &e) {
            SyncSchedule s = e.schedules().first();
            s.nextRunAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
            return e.updateSchedule(s, nullptr);
        }));
        QVERIFY(testui::closeHost(host));
    }
    ui::EngineHost host;
    ui::IngestionPage page(&host);
    page.show();
    testui::ModelTesters testers;
    testers.watchPage(page);
    QVERIFY(testui::openHost(host, data));
    auto *table = child<QTableView>(page, "schedulesTable");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    // The missed run happens once, at start: its job shows up in the history and completes.
    QTRY_VERIFY_WITH_TIMEOUT(!page.historyModel()->jobs().isEmpty()
                                 && page.historyModel()->jobs().first().status == JobStatus::Completed, 30000);
    QCOMPARE(page.historyModel()->jobs().size(), 1);
    QCOMPARE(page.historyModel()->jobs().first().counts.inserted, 200);
    const qint64 job = page.historyModel()->jobs().first().id;
    QTRY_COMPARE(table->model()->index(0, ui::SchedulesModel::LastJobColumn).data().toString(),
                 QStringLiteral("job %1, completed").arg(job));
    const QString next = table->model()->index(0, ui::SchedulesModel::NextRunColumn).data().toString();
    QVERIFY2(next.contains(QStringLiteral("(in ")), qPrintable(next)); // the next slot on the grid

    // Run now queues another (incremental) sync; Remove takes the schedule away.
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>(page, "runScheduleButton"), Qt::LeftButton);
    QTRY_VERIFY(labelText(page, "scheduleMessage").startsWith(QStringLiteral("Queued job")));
    QTRY_VERIFY_WITH_TIMEOUT(page.historyModel()->jobs().size() == 2
                                 && page.historyModel()->jobs().first().status == JobStatus::Completed, 30000);
    QCOMPARE(page.historyModel()->jobs().first().counts.unchanged, 200);
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>(page, "removeScheduleButton"), Qt::LeftButton);
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QVERIFY(testui::closeHost(host));
}

void TestIngestionRejects::screenshot()
{
    const QString outDir = qEnvironmentVariable("KMS_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set KMS_SCREENSHOT_DIR to write docs/screenshots/ingestion.png");
    QTemporaryDir dir;
    const QString nightly = dir.filePath(QStringLiteral("tickets-nightly.jsonl"));
    const QString mixed = dir.filePath(QStringLiteral("tickets-mixed.jsonl"));
    const QString big = dir.filePath(QStringLiteral("support-export-2024-05.csv"));
    QVERIFY(testdata::writeCases(nightly, 0, 5000));
    QVERIFY(testdata::writeText(mixed, mixedCases()));
    SynthOptions synth; // what `kmsctl generate` writes: both collections, a record_type column
    synth.cases = 40000;
    synth.articles = 500;
    synth.seed = 7;
    QString error;
    QVERIFY2(writeSyntheticCorpus(synth, big, &error), qPrintable(error));
    ui::EngineHost host;
    ui::MainWindow window(&host);
    window.resize(1280, 820);
    window.show();
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    QVERIFY(window.showPage(QStringLiteral("ingestion")));
    auto *page = window.findChild<ui::IngestionPage *>(QStringLiteral("ingestion"));
    QVERIFY(page);
    QVERIFY(runToEnd(*page, nightly) > 0);
    page->sourcePanel()->clearFiles();
    QVERIFY(runToEnd(*page, mixed) > 0);
    page->sourcePanel()->clearFiles();
    QVERIFY(testui::ask(host, [nightly](Engine &e) {
        IngestOptions o;
        o.files = {nightly};
        return e.addSchedule(QStringLiteral("Nightly tickets"), o, 30, nullptr) > 0;
    }));
    QVERIFY(testui::addFilesByDialog(*page, {big}));
    child<QSpinBox>(*page, "batchSizeSpin")->setValue(100);
    QTest::mouseClick(child<QPushButton>(*page, "dryRunButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(*page, "dryRunResult").contains(QStringLiteral("nothing written")), 60000);
    QTest::mouseClick(child<QPushButton>(*page, "startButton"), Qt::LeftButton);
    auto *bar = child<QProgressBar>(*page, "progressBar");
    QTRY_VERIFY_WITH_TIMEOUT(page->runPanel()->state() == ui::JobRunPanel::State::Running
                                 && bar->value() > bar->maximum() / 3, 120000);
    QTest::mouseClick(child<QPushButton>(*page, "pauseButton"), Qt::LeftButton);
    QTRY_VERIFY2(page->runPanel()->state() == ui::JobRunPanel::State::Paused, qPrintable(labelText(*page, "progressLabel")));
    page->refreshHistory();
    QTest::qWait(1500);
    QVERIFY(QDir().mkpath(outDir));
    const QString path = QDir(outDir).filePath(QStringLiteral("ingestion.png"));
    QVERIFY2(window.width() <= 1280 && window.height() <= 820,
             qPrintable(QStringLiteral("%1x%2, minimum %3x%4").arg(window.width()).arg(window.height())
                            .arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
    QVERIFY(window.grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
    QTest::mouseClick(child<QPushButton>(*page, "cancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page->runPanel()->state(), ui::JobRunPanel::State::Idle, 30000);

    // The lower tabs too: the rejects of the mixed file with the fix dialog, and the syncs.
    page->historyView()->selectRow(1);
    page->tabs()->setCurrentIndex(1);
    auto *rejects = child<QTableView>(*page, "rejectsTable");
    QTRY_COMPARE(rejects->model()->rowCount(), 2);
    rejects->selectRow(1);
    QTest::mouseClick(child<QPushButton>(*page, "fixRejectButton"), Qt::LeftButton);
    ui::RejectFixDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<ui::RejectFixDialog *>()) && dialog->isVisible());
    QTest::qWait(300);
    QVERIFY(window.grab().save(QDir(outDir).filePath(QStringLiteral("ingestion-rejects.png"))));
    QVERIFY(dialog->grab().save(QDir(outDir).filePath(QStringLiteral("ingestion-fix-dialog.png"))));
    dialog->reject();
    page->tabs()->setCurrentIndex(2);
    QTRY_COMPARE(child<QTableView>(*page, "schedulesTable")->model()->rowCount(), 1);
    QTest::qWait(300);
    QVERIFY(window.grab().save(QDir(outDir).filePath(QStringLiteral("ingestion-sync.png"))));
    QSignalSpy closed(&host, &ui::EngineHost::closed);
    window.close();
    QVERIFY(closed.wait(30000));
}

QTEST_MAIN(TestIngestionRejects)
#include "tst_ingestion_rejects.moc"
