// SPDX-License-Identifier: MIT
// Screenshots of every page for the README, with real data: a generated corpus ingested through the
// scheduler, a second file with a few bad rows (their rejects show in the log), and an integrity
// check run from the health page. Runs only when KMS_SCREENSHOT_DIR names a folder; best under
// `xvfb-run -a` with QT_QPA_PLATFORM=xcb. KMS_SCREENSHOT_THEME=light or dark picks the theme.
#include "AppTestSupport.h"
#include "UiTestSupport.h"

#include "appsettings/Appearance.h"
#include "healthpage/MaintenancePanel.h"
#include "shell/MainWindow.h"

#include <QDir>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace kms;

class TestAppScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void everyPage();
};

void TestAppScreenshots::everyPage()
{
    const QString out = qEnvironmentVariable("KMS_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set KMS_SCREENSHOT_DIR to take screenshots");
    QVERIFY(QDir().mkpath(out));

    QTemporaryDir dir;
    const QString corpus = dir.filePath(QStringLiteral("export.jsonl"));
    QString error;
    QVERIFY2(testui::writeCorpus(corpus, 5000, 500, &error), qPrintable(error));
    // A nightly export with three broken rows (no id, an unknown record type, no text at all) that was
    // cut off in the middle of its last record.
    const QString broken = dir.filePath(QStringLiteral("tickets-2024-05-02.jsonl"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"id\":\"CS-9000001\",\"record_type\":\"case\",\"title\":\"VPN drops every 20 minutes\",\"body\":\"Since the "
            "update the tunnel drops.\"}\n"
            "{\"record_type\":\"case\",\"title\":\"Printer offline\",\"body\":\"The printer shows offline.\"}\n"
            "{\"id\":\"CS-9000003\",\"record_type\":\"memo\",\"title\":\"Lunch\",\"body\":\"Friday\"}\n"
            "{\"id\":\"CS-9000004\",\"record_type\":\"case\"}\n"
            "{\"id\":\"CS-9000005\",\"record_type\":\"case\",\"title\":\"Outlook crashes when");
    f.close();

    const QString theme = qEnvironmentVariable("KMS_SCREENSHOT_THEME");
    if (theme == QLatin1String("dark"))
        ui::appearance::applyTheme(ui::AppSettings::Theme::Dark);
    else if (theme == QLatin1String("light"))
        ui::appearance::applyTheme(ui::AppSettings::Theme::Light);

    ui::EngineHost host;
    ui::MainWindow window(&host);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // As the application opens it: with the log file in the data directory.
    QSignalSpy opened(&host, &ui::EngineHost::opened);
    Engine::Options options;
    options.dataDirectory = dir.filePath(QStringLiteral("data"));
    options.startSampler = true;
    // With a Redis where a worker runs (scripts: redis-server + kmsctl worker), the dashboard shows
    // its Workers tile and the health page its Workers card.
    if (qEnvironmentVariableIsSet("KMS_SCREENSHOT_REDIS")) {
        EngineConfig config;
        config.redisUrl = qEnvironmentVariable("KMS_SCREENSHOT_REDIS");
        options.config = config;
    }
    host.open(options);
    QVERIFY(opened.wait(60000));
    QVERIFY(opened.at(0).at(0).toBool());
    testui::JobEventSpy finished(&host, &JobEvent::isEnd);
    qint64 id = 0;
    testui::submitJob(host, &window, corpus, &id);
    QVERIFY(finished.wait(300000));
    testui::submitJob(host, &window, broken, &id);
    QVERIFY(finished.wait(300000));

    if (window.showPage(QStringLiteral("health"))) {
        auto *panel = window.findChild<ui::MaintenancePanel *>();
        QSignalSpy done(panel, &ui::MaintenancePanel::finished);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("integrityButton")), Qt::LeftButton);
        QVERIFY(done.wait(120000));
    }
    QTest::qWait(2500); // the metrics tick and the page refreshes land
    for (const QString &page : window.pageIds()) {
        QVERIFY(window.showPage(page));
        QTest::qWait(1200);
        const QString path = QDir(out).filePath(page + QStringLiteral(".png"));
        QVERIFY2(window.grab().save(path), qPrintable(path));
        qInfo("saved %s", qPrintable(path));
    }
    QVERIFY(testui::closeHost(host));
}

QTEST_MAIN(TestAppScreenshots)
#include "tst_app_screenshots.moc"
