// SPDX-License-Identifier: MIT
// The health page over a real engine: its cards show the store after an ingest, the rebuild runs
// with progress and keeps the count, the integrity check passes a good store and names the damage
// in a bad one. Buttons are clicked; results are read from the widgets.
#include "../../TestData.h"
#include "UiTestSupport.h"

#include "healthpage/HealthCard.h"
#include "healthpage/HealthPage.h"
#include "healthpage/HealthRows.h"
#include "healthpage/MaintenancePanel.h"
#include "host/EngineHost.h"
#include "storage/DataDirectory.h"
#include "widgets/Format.h"

#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace kms;

namespace {
constexpr int kRecords = 6000;
} // namespace

class TestHealthPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void waitsForTheEngineBeforeEnabling();
    void showsTheIndexCountEqualToTheStoredRecords();
    void rebuildRunsWithProgressAndKeepsTheCount();
    void rebuildCanBeCancelled();
    void integrityCheckPassesAGoodStore();
    void integrityCheckReportsADamagedIndexFile();
    void maintenanceWaitsForARunningJob();
    void fullTextCopyRowOnlyForAnOlderStore();

private:
    QPushButton *button(const char *name) const { return m_page->findChild<QPushButton *>(QLatin1String(name)); }
    QLabel *result() const { return m_page->findChild<QLabel *>(QStringLiteral("maintenanceResult")); }
    QString indexValue() const
    {
        return m_page->card(QStringLiteral("vector_index"))->value(QStringLiteral("vector_index.vectors"));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ui::EngineHost> m_host;
    std::unique_ptr<ui::HealthPage> m_page;
};

void TestHealthPage::initTestCase()
{
    QVERIFY(testdata::writeCases(m_dir.filePath(QStringLiteral("cases.jsonl")), 0, kRecords));
    m_host = std::make_unique<ui::EngineHost>();
    m_page = std::make_unique<ui::HealthPage>(m_host.get());
    m_page->resize(1100, 800);
    m_page->show();
    QVERIFY(!m_page->isEnabled()); // nothing to show before the engine is open
    QVERIFY(testui::openHost(*m_host, m_dir.filePath(QStringLiteral("data"))));
    QTRY_VERIFY(m_page->isEnabled());

    testui::JobEventSpy finished(m_host.get(), &JobEvent::isEnd);
    const QString file = m_dir.filePath(QStringLiteral("cases.jsonl"));
    m_host->run(m_page.get(), [file](Engine &e) {
        IngestOptions o;
        o.files = {file};
        return e.submitJob(o);
    }, [](qint64 id) { QVERIFY(id > 0); });
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.at(0).job.counts.inserted, kRecords);
}

void TestHealthPage::cleanupTestCase()
{
    m_page.reset();
    QVERIFY(testui::closeHost(*m_host));
}

void TestHealthPage::waitsForTheEngineBeforeEnabling()
{
    QTemporaryDir dir;
    ui::EngineHost host;
    ui::HealthPage page(&host);
    page.show();
    QVERIFY(!page.isEnabled());
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("integrityButton"))->isEnabled());
    QVERIFY(testui::openHost(host, dir.path()));
    QTRY_VERIFY(page.isEnabled());
    QTRY_VERIFY(page.findChild<QPushButton *>(QStringLiteral("integrityButton"))->isEnabled());
    // An empty store: no records, no vectors, and that is healthy.
    QTRY_COMPARE(page.card(QStringLiteral("vector_index"))->value(QStringLiteral("vector_index.vectors")),
                 QStringLiteral("0 — one per record"));
    QVERIFY(testui::closeHost(host));
}

void TestHealthPage::showsTheIndexCountEqualToTheStoredRecords()
{
    QSignalSpy refreshed(m_page.get(), &ui::HealthPage::refreshed);
    QTest::mouseClick(button("refreshButton"), Qt::LeftButton);
    QVERIFY(refreshed.wait(30000));
    QCOMPARE(indexValue(), QStringLiteral("%1 — one per record").arg(ui::format::count(kRecords)));
    auto *db = m_page->card(QStringLiteral("database"));
    QCOMPARE(db->value(QStringLiteral("database.records")), ui::format::count(kRecords));
    QCOMPARE(db->value(QStringLiteral("database.collections")), QStringLiteral("%1 · 0").arg(ui::format::count(kRecords)));
    QCOMPARE(db->value(QStringLiteral("database.quick_check")), QStringLiteral("passed"));
    QCOMPARE(m_page->card(QStringLiteral("vector_index"))->status(), QStringLiteral("healthy"));
    QCOMPARE(m_page->card(QStringLiteral("database"))->status(), QStringLiteral("healthy"));
    QCOMPARE(m_page->card(QStringLiteral("embedder"))->status(), QStringLiteral("healthy"));
    auto *embedder = m_page->card(QStringLiteral("embedder"));
    QCOMPARE(embedder->value(QStringLiteral("embedder.provider")), QStringLiteral("built in (hashed words)"));
    QCOMPARE(embedder->value(QStringLiteral("embedder.state")), QStringLiteral("runs"));
    QCOMPARE(embedder->value(QStringLiteral("embedder.backlog")), QStringLiteral("none"));
    QVERIFY(embedder->value(QStringLiteral("embedder.last_error")).isEmpty());
    QVERIFY(!m_page->card(QStringLiteral("disk"))->value(QStringLiteral("disk.free")).isEmpty());
    QVERIFY(!m_page->card(QStringLiteral("memory"))->value(QStringLiteral("memory.rss")).isEmpty());
    QVERIFY(m_page->card(QStringLiteral("vector_index"))->value(QStringLiteral("vector_index.file_status")).startsWith(QStringLiteral("verified")));
}

void TestHealthPage::rebuildRunsWithProgressAndKeepsTheCount()
{
    auto *bar = m_page->findChild<QProgressBar *>(QStringLiteral("maintenanceProgress"));
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    int maxSeen = 0;
    bool sawBusy = false;
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, [&] {
        if (bar->isVisible()) {
            sawBusy = true;
            if (bar->maximum() > 0)
                maxSeen = std::max(maxSeen, bar->value());
        }
    });
    sampler.start(5);
    QSignalSpy finished(m_page->maintenance(), &ui::MaintenancePanel::finished);
    QTest::mouseClick(button("rebuildButton"), Qt::LeftButton);
    QVERIFY(bar->isVisible());
    QVERIFY(button("cancelMaintenanceButton")->isEnabled());
    QVERIFY(!button("rebuildButton")->isEnabled()); // one maintenance task at a time
    QVERIFY(!button("integrityButton")->isEnabled());
    QVERIFY(finished.wait(120000));
    sampler.stop();
    QVERIFY(sawBusy);
    QVERIFY2(maxSeen > 0, "the bar counted vectors while the rebuild ran");
    QVERIFY(!bar->isVisible());
    QCOMPARE(result()->property("status").toString(), QStringLiteral("healthy"));
    QVERIFY2(result()->text().contains(QStringLiteral("%1 vectors").arg(ui::format::count(kRecords))), qPrintable(result()->text()));
    // The page refreshes after maintenance: the count stays.
    QTRY_COMPARE(indexValue(), QStringLiteral("%1 — one per record").arg(ui::format::count(kRecords)));
    QVERIFY(button("rebuildButton")->isEnabled());
}

void TestHealthPage::rebuildCanBeCancelled()
{
    QSignalSpy finished(m_page->maintenance(), &ui::MaintenancePanel::finished);
    QTest::mouseClick(button("rebuildButton"), Qt::LeftButton);
    QTest::mouseClick(button("cancelMaintenanceButton"), Qt::LeftButton);
    QVERIFY(!button("cancelMaintenanceButton")->isEnabled());
    QVERIFY(finished.wait(60000));
    QVERIFY2(result()->text().contains(QStringLiteral("cancelled")), qPrintable(result()->text()));
    QTRY_COMPARE(indexValue(), QStringLiteral("%1 — one per record").arg(ui::format::count(kRecords)));
}

void TestHealthPage::integrityCheckPassesAGoodStore()
{
    QSignalSpy finished(m_page->maintenance(), &ui::MaintenancePanel::finished);
    QTest::mouseClick(button("integrityButton"), Qt::LeftButton);
    QVERIFY(m_page->findChild<QProgressBar *>(QStringLiteral("maintenanceProgress"))->isVisible());
    QVERIFY(finished.wait(120000));
    QCOMPARE(result()->property("status").toString(), QStringLiteral("healthy"));
    QVERIFY2(result()->text().contains(QStringLiteral("No problems found")), qPrintable(result()->text()));
    QVERIFY(result()->text().contains(QStringLiteral("%1 vectors, all in the index").arg(kRecords)));
}

void TestHealthPage::integrityCheckReportsADamagedIndexFile()
{
    // The file the next start would load gets a flipped byte; the index in memory is fine.
    const QString path = DataDirectory(m_dir.filePath(QStringLiteral("data"))).indexPath();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        char c = 0;
        QVERIFY(f.getChar(&c));
        f.seek(f.size() / 2);
        QVERIFY(f.putChar(char(c ^ 0x21)));
    }
    QSignalSpy finished(m_page->maintenance(), &ui::MaintenancePanel::finished);
    QTest::mouseClick(button("integrityButton"), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(result()->property("status").toString(), QStringLiteral("unhealthy"));
    QVERIFY2(result()->text().contains(QStringLiteral("1 problem found")), qPrintable(result()->text()));
    QVERIFY2(result()->text().contains(QStringLiteral("Vector index file")), qPrintable(result()->text()));
    // The card says so too after the detailed refresh that follows maintenance.
    QTRY_COMPARE(m_page->card(QStringLiteral("vector_index"))->status(), QStringLiteral("degraded"));

    // A rebuild writes a good file again.
    QTest::mouseClick(button("rebuildButton"), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QTest::mouseClick(button("integrityButton"), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(result()->property("status").toString(), QStringLiteral("healthy"));
    QTRY_COMPARE(m_page->card(QStringLiteral("vector_index"))->status(), QStringLiteral("healthy"));
}

void TestHealthPage::maintenanceWaitsForARunningJob()
{
    const QString file = m_dir.filePath(QStringLiteral("more.jsonl"));
    QVERIFY(testdata::writeCases(file, kRecords, kRecords + 8000));
    testui::JobEventSpy progress(m_host.get(), &testui::JobEventSpy::isBatch);
    testui::JobEventSpy finished(m_host.get(), &JobEvent::isEnd);
    qint64 jobId = 0;
    m_host->run(m_page.get(), [file](Engine &e) {
        IngestOptions o;
        o.files = {file};
        o.batchSize = 200;
        return e.submitJob(o);
    }, [&jobId](qint64 id) { jobId = id; });
    QVERIFY(progress.wait(60000));
    QTRY_VERIFY(jobId > 0);
    // Held still so the buttons can be looked at while it runs.
    bool paused = false;
    m_host->run(m_page.get(), [jobId](Engine &e) { return e.pauseJob(jobId); }, [&paused](bool ok) { paused = ok; });
    QTRY_VERIFY(paused || !finished.isEmpty());
    if (paused) {
        QVERIFY(!button("integrityButton")->isEnabled());
        QVERIFY(!button("rebuildButton")->isEnabled());
        m_host->run(m_page.get(), [jobId](Engine &e) { return e.resumeJob(jobId); }, [](bool) {});
    }
    QVERIFY(finished.count() > 0 || finished.wait(120000));
    QTRY_VERIFY(button("integrityButton")->isEnabled());
    QTRY_COMPARE(indexValue(), QStringLiteral("%1 — one per record").arg(ui::format::count(kRecords + 8000)));
}

// The database card says when the full-text index still keeps its own copy of the text (a store
// of an older version) and what gives the space back; a current store has no such row.
void TestHealthPage::fullTextCopyRowOnlyForAnOlderStore()
{
    auto health = [](bool copy) {
        const QJsonObject db{{QStringLiteral("case_count"), 3}, {QStringLiteral("fulltext_keeps_text_copy"), copy}};
        return QJsonObject{{QStringLiteral("components"), QJsonObject{{QStringLiteral("database"), db}}}};
    };
    auto row = [](const QList<ui::HealthRow> &rows) {
        for (const ui::HealthRow &r : rows)
            if (r.key == QLatin1String("database.fulltext_copy"))
                return r.value;
        return QString();
    };
    QVERIFY(row(ui::healthRows(QStringLiteral("database"), health(false))).isEmpty());
    QVERIFY(row(ui::healthRows(QStringLiteral("database"), health(true))).contains(QStringLiteral("kmsctl compact")));
    // The running page's store is current.
    QVERIFY(m_page->card(QStringLiteral("database"))->value(QStringLiteral("database.fulltext_copy")).isEmpty());
}

QTEST_MAIN(TestHealthPage)
#include "tst_healthpage.moc"
