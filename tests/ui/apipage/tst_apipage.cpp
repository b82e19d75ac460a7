// SPDX-License-Identifier: MIT
// The API page over a real engine: the server it starts answers real HTTP requests on 127.0.0.1
// while the test's GUI thread is blocked in the client (so it serves off the GUI thread), also
// while an ingestion job runs; a token created on the page works at once and stops working when
// revoked there; the requests show in the table; a port in use is a clear error; the setting
// persists and the server starts again with the next engine.
#include "../../TestData.h"
#include "UiTestSupport.h"

#include "apipage/ApiPage.h"
#include "apipage/ApiService.h"
#include "apipage/RequestTableModel.h"
#include "apipage/TokenPanel.h"
#include "appsettings/AppSettings.h"
#include "host/EngineHost.h"
#include "shell/MainWindow.h"

#include <httplib.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace kms;
using namespace kms::ui;

namespace {

template<typename T> T *child(QWidget *root, const char *name)
{
    return root->findChild<T *>(QLatin1String(name));
}

// A port nobody listens on right now (the kernel's pick for port 0, released again).
int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// The rows of the recent-requests table as "METHOD PATH STATUS TOKEN CLIENT".
QStringList requestRows(const RequestTableModel *m)
{
    QStringList rows;
    for (int r = 0; r < m->rowCount(); ++r) {
        QStringList cells;
        for (int c : {RequestTableModel::Method, RequestTableModel::Path, RequestTableModel::Status,
                      RequestTableModel::Token, RequestTableModel::Client})
            cells << m->index(r, c).data().toString();
        rows << cells.join(u' ');
    }
    return rows;
}

} // namespace

class TestApiPage : public QObject
{
    Q_OBJECT
private slots:
    void servesTokensAndRequests();
    void portInUseIsAClearError();
    void pageIsInTheWindow();

private:
    QTemporaryDir m_dir;
};

void TestApiPage::servesTokensAndRequests()
{
    AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
    const QString data = m_dir.filePath(QStringLiteral("data"));
    const int port = freePort();
    QVERIFY(port > 0);
    std::string secret;
    {
        EngineHost host;
        QString error;
        QVERIFY2(testui::openHost(host, data, &error), qPrintable(error));
        ApiPage page(&host, &settings);
        page.resize(1100, 820);
        page.show();
        auto *enabled = child<QCheckBox>(&page, "apiEnabled");
        auto *status = child<QLabel>(&page, "apiStatus");
        QVERIFY(enabled->isEnabled());
        QVERIFY(!enabled->isChecked());

        // A bad address is refused with a message, and nothing starts.
        child<QLineEdit>(&page, "apiAddress")->setText(QStringLiteral("my server"));
        enabled->click();
        QVERIFY(!enabled->isChecked());
        QVERIFY2(status->text().contains(QStringLiteral("“my server”")), qPrintable(status->text()));
        QVERIFY(!page.service()->isRunning());

        child<QLineEdit>(&page, "apiAddress")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(&page, "apiPort")->setValue(port);
        enabled->click();
        QVERIFY2(page.service()->isRunning(), qPrintable(status->text()));
        QVERIFY(enabled->isChecked());
        const QString url = QStringLiteral("http://127.0.0.1:%1/api/v1").arg(port);
        QVERIFY2(status->text().contains(url), qPrintable(status->text()));
        QVERIFY(!child<QSpinBox>(&page, "apiPort")->isEnabled()); // fixed while serving
        QCOMPARE(settings.apiEnabled(), true);
        QCOMPARE(settings.apiPort(), port);

        // A write token, created on the page and shown once.
        TokenPanel *tokens = page.tokens();
        tokens->confirm = [](QWidget *, const QString &, const QString &) { return true; };
        QSignalSpy created(tokens, &TokenPanel::tokenCreated);
        QTest::keyClicks(child<QLineEdit>(&page, "tokenName"), QStringLiteral("helpdesk-sync"));
        child<QComboBox>(&page, "tokenScope")->setCurrentIndex(1); // write
        QTest::mouseClick(child<QPushButton>(&page, "createToken"), Qt::LeftButton);
        QVERIFY(created.wait(30000));
        secret = tokens->shownSecret().toStdString();
        QVERIFY(QString::fromStdString(secret).startsWith(QLatin1String("kms_")));
        QTest::mouseClick(child<QPushButton>(&page, "copySecret"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text().toStdString(), secret);
        auto *tokenTable = child<QTableView>(&page, "tokenTable");
        QTRY_COMPARE_WITH_TIMEOUT(tokenTable->model()->rowCount(), 1, 30000); // the list reloaded
        QCOMPARE(tokenTable->model()->index(0, 0).data().toString(), QStringLiteral("helpdesk-sync"));
        QCOMPARE(tokenTable->model()->index(0, 1).data().toString(), QStringLiteral("write"));

        // Real HTTP with it. The client blocks this (the GUI) thread: the answers come from the
        // server's own threads.
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(30, 0);
        const httplib::Headers auth{{"Authorization", "Bearer " + secret}};
        auto res = client.Post("/api/v1/cases", auth,
                               R"({"external_id":"API-1","title":"Printer offline after the update","body":"The printer shows offline."})",
                               "application/json");
        QVERIFY(res);
        QCOMPARE(res->status, 201);
        // While an ingestion job runs (or has just finished: either way the API answers).
        const QString file = m_dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 2000));
        testui::JobEventSpy ended(&host, &JobEvent::isEnd);
        host.run(&page, [file](Engine &e) {
            IngestOptions o;
            o.files = {file};
            return e.submitJob(o);
        }, [](qint64) {});
        QTRY_VERIFY_WITH_TIMEOUT(host.runningJob().has_value() || ended.count() > 0, 30000);
        res = client.Post("/api/v1/search/keyword", auth, R"({"query":"printer offline"})", "application/json");
        QVERIFY(res);
        QCOMPARE(res->status, 200);
        QVERIFY(res->body.find("API-1") != std::string::npos);
        res = client.Get("/api/v1/health");
        QVERIFY(res);
        QCOMPARE(res->status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(ended.count() > 0, 120000);

        // The table shows them: method, path, status, token name (never the token), client.
        QTRY_VERIFY_WITH_TIMEOUT(requestRows(page.requests()).size() >= 3, 10000);
        const QStringList rows = requestRows(page.requests());
        QVERIFY2(rows.contains(QStringLiteral("POST /api/v1/search/keyword 200 helpdesk-sync 127.0.0.1")), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(QStringLiteral("POST /api/v1/cases 201 helpdesk-sync 127.0.0.1")), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(QStringLiteral("GET /api/v1/health 200 – 127.0.0.1")), qPrintable(rows.join(u'\n')));
        QVERIFY(!rows.join(u' ').contains(QString::fromStdString(secret)));
        QVERIFY(page.requests()->index(0, RequestTableModel::Time).data().toString().size() == 8); // HH:mm:ss
        // The token list follows its use.
        QTRY_VERIFY_WITH_TIMEOUT(tokenTable->model()->index(0, 3).data().toString() != QLatin1String("never"), 10000);

        const QString shots = qEnvironmentVariable("KMS_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QVERIFY(QDir().mkpath(shots));
            QTest::qWait(300);
            QVERIFY(page.grab().save(QDir(shots).filePath(QStringLiteral("api.png"))));
        }

        // Revoked on the page: refused at once.
        tokenTable->selectRow(0);
        QVERIFY(child<QPushButton>(&page, "revokeToken")->isEnabled());
        QTest::mouseClick(child<QPushButton>(&page, "revokeToken"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tokenTable->model()->index(0, 4).data().toString().startsWith(QLatin1String("revoked")), 30000);
        QVERIFY(!child<QPushButton>(&page, "revokeToken")->isEnabled());
        res = client.Get("/api/v1/jobs", auth);
        QVERIFY(res);
        QCOMPARE(res->status, 401);

        // Closing the engine stops the server first, and leaves the setting on.
        QVERIFY(testui::closeHost(host));
        QVERIFY(!page.service()->isRunning());
        QVERIFY(!httplib::Client("127.0.0.1", port).Get("/api/v1/health"));
        QCOMPARE(settings.apiEnabled(), true);
    }

    // The next launch: the server starts with the engine, on the saved port.
    EngineHost again;
    ApiPage page(&again, &settings);
    QString error;
    QVERIFY2(testui::openHost(again, data, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(page.service()->isRunning(), 10000);
    auto res = httplib::Client("127.0.0.1", port).Get("/api/v1/health");
    QVERIFY(res);
    QCOMPARE(res->status, 200);
    // Switched off on the page: stopped, and off for the next launch too.
    child<QCheckBox>(&page, "apiEnabled")->click();
    QVERIFY(!page.service()->isRunning());
    QCOMPARE(settings.apiEnabled(), false);
    QVERIFY(!httplib::Client("127.0.0.1", port).Get("/api/v1/health"));
    QVERIFY(testui::closeHost(again));
}

void TestApiPage::portInUseIsAClearError()
{
    AppSettings settings(m_dir.filePath(QStringLiteral("busy.ini")));
    QTcpServer other; // another program on the port
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    EngineHost host;
    QString error;
    QVERIFY2(testui::openHost(host, m_dir.filePath(QStringLiteral("busy")), &error), qPrintable(error));
    ApiPage page(&host, &settings);
    child<QSpinBox>(&page, "apiPort")->setValue(other.serverPort());
    child<QCheckBox>(&page, "apiEnabled")->click();
    QVERIFY(!page.service()->isRunning());
    QVERIFY(!child<QCheckBox>(&page, "apiEnabled")->isChecked());
    const QString status = child<QLabel>(&page, "apiStatus")->text();
    QVERIFY2(status.contains(QStringLiteral("port %1 on 127.0.0.1 is already in use").arg(other.serverPort())), qPrintable(status));
    QCOMPARE(settings.apiEnabled(), false);
    QVERIFY(testui::closeHost(host));
}

void TestApiPage::pageIsInTheWindow()
{
    EngineHost host;
    MainWindow window(&host);
    QVERIFY(window.pageIds().contains(QStringLiteral("api")));
    QVERIFY(window.showPage(QStringLiteral("api")));
    QVERIFY(qobject_cast<ApiPage *>(window.page(QStringLiteral("api"))));
}

QTEST_MAIN(TestApiPage)
#include "tst_apipage.moc"
