// SPDX-License-Identifier: MIT
// The dashboard, the status bar and the job notification over a real engine: charts take points
// while a job runs, tiles count what it stored, the window selector reads the persisted history
// (also after a restart), job markers, the running job in the status bar, a notification at the end.
#include "../../TestData.h"
#include "UiTestSupport.h"

#include "dashboard/DashboardPage.h"
#include "dashboard/MetricChart.h"
#include "dashboard/StatTile.h"
#include "host/EngineHost.h"
#include "metrics/Metrics.h"
#include "shell/JobNotifier.h"
#include "shell/MainWindow.h"
#include "shell/StatusPanel.h"
#include "synth/CorpusWriter.h"
#include "widgets/Format.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace kms;

namespace {

// Queues a job the way the ingestion page does: through the host, off the GUI thread.
qint64 submitJob(ui::EngineHost &host, const IngestOptions &options)
{
    QObject context;
    qint64 id = -1;
    host.run(&context, [options](Engine &e) { return e.submitJob(options); },
             [&id](qint64 v) { id = v; });
    return QTest::qWaitFor([&id] { return id >= 0; }, 30000) ? id : -1;
}

IngestOptions optionsFor(const QString &file, int batchSize = 100)
{
    IngestOptions o;
    o.files = {file};
    o.batchSize = batchSize;
    return o;
}

// Cases 0..n-1 followed by `bad` records without an id (rejected).
QString writeCasesFile(const QTemporaryDir &dir, const QString &name, int n, int bad = 0)
{
    const QString file = dir.filePath(name);
    if (!testdata::writeCases(file, 0, n))
        return {};
    QFile f(file);
    if (!f.open(QIODevice::Append))
        return {};
    for (int i = 0; i < bad; ++i)
        f.write(QStringLiteral("{\"title\": \"no id %1\", \"description\": \"text\"}\n").arg(i).toUtf8());
    return file;
}

bool anyAbove(const QList<QPointF> &points, double value, qint64 beforeMs = std::numeric_limits<qint64>::max())
{
    for (const QPointF &p : points)
        if (p.y() > value && p.x() < double(beforeMs))
            return true;
    return false;
}

ui::MetricChart *chartOf(const ui::DashboardPage &page, const char *name)
{
    return page.findChild<ui::MetricChart *>(QLatin1String(name));
}

ui::StatTile *tileOf(const ui::DashboardPage &page, const char *name)
{
    return page.findChild<ui::StatTile *>(QLatin1String(name));
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void chartsTakePointsWhileAJobRuns();
    void tilesAndMarkersAfterAJob();
    void windowSelectorReadsThePersistedHistory();
    void dayWindowStaysLight();
    void statusBarShowsTheRunningJobAndHealth();
    void statusBarSaysTheIndexLoadsThenHealthyOnceItIs();
    void notificationWhenAJobEndsOrFails();
    void screenshot();
};

void TestDashboard::chartsTakePointsWhileAJobRuns()
{
    QTemporaryDir dir;
    const QString file = writeCasesFile(dir, QStringLiteral("cases.jsonl"), 3000, 300);
    ui::EngineHost host;
    ui::DashboardPage page(&host);
    page.resize(1200, 800);
    page.show();
    QVERIFY(!page.isEnabled()); // nothing to show before the engine is open
    QSignalSpy history(&page, &ui::DashboardPage::historyLoaded);
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    QTRY_VERIFY(page.isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!history.isEmpty(), 10000);

    auto *throughput = chartOf(page, "throughputChart");
    QVERIFY(throughput);
    const QString rate = metricName(MetricId::IngestRate);
    testui::JobEventSpy finished(&host, &JobEvent::isEnd);
    QVERIFY(submitJob(host, optionsFor(file)) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    // The second(s) in which the batches committed reach the chart within a tick or two.
    QTRY_VERIFY_WITH_TIMEOUT(anyAbove(throughput->points(rate), 0), 15000);
    QVERIFY(throughput->valueText() != QStringLiteral("—"));
    QTRY_VERIFY_WITH_TIMEOUT(anyAbove(throughput->points(metricName(MetricId::IngestRate10)), 0), 5000);

    auto *latency = chartOf(page, "latencyChart");
    QVERIFY(anyAbove(latency->points(stageMetricName(Stage::Write, false)), 0));
    QVERIFY(anyAbove(latency->points(stageMetricName(Stage::Embed, true)), 0));
    // 300 of 3300 records were rejected: the 60-second error rate is about 9 %.
    auto *errors = chartOf(page, "errorChart");
    QTRY_VERIFY_WITH_TIMEOUT(anyAbove(errors->points(metricName(MetricId::ErrorRate)), 5.0), 5000);
    QVERIFY(errors->latestValue(metricName(MetricId::ErrorRate)) < 10.0);
    for (const char *name : {"cacheChart", "queueChart", "cpuChart"}) {
        auto *chart = chartOf(page, name);
        QVERIFY2(chart && chart->pointCount(chart->metricNames().first()) > 0, name);
    }
    QVERIFY(chartOf(page, "cacheChart")->latestValue(metricName(MetricId::CacheHitRate)) <= 100.0);

    // Live points keep coming about once a second, without the page asking.
    const qint64 end = throughput->windowEndMs();
    QTRY_VERIFY_WITH_TIMEOUT(throughput->windowEndMs() > end, 5000);
    QVERIFY(testui::closeHost(host));
}

void TestDashboard::tilesAndMarkersAfterAJob()
{
    QTemporaryDir dir;
    const QString file = writeCasesFile(dir, QStringLiteral("cases.jsonl"), 1500);
    ui::EngineHost host;
    ui::DashboardPage page(&host);
    page.show();
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    auto *cases = tileOf(page, "casesTile");
    auto *lastJob = tileOf(page, "lastJobTile");
    QVERIFY(cases && lastJob);
    QTRY_COMPARE(cases->value(), ui::format::count(0));
    QCOMPARE(lastJob->value(), QStringLiteral("None"));

    testui::JobEventSpy finished(&host, &JobEvent::isEnd);
    const qint64 id = submitJob(host, optionsFor(file));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    // The tiles refresh when the job ends, before the next timer tick (every 5 s).
    QTRY_COMPARE_WITH_TIMEOUT(cases->value(), ui::format::count(1500), 4000);
    QCOMPARE(tileOf(page, "articlesTile")->value(), ui::format::count(0));
    QCOMPARE(tileOf(page, "indexTile")->value(), ui::format::count(1500));
    QVERIFY(tileOf(page, "indexTile")->detail().contains(QLatin1String("B"))); // a file size
    QCOMPARE(lastJob->value(), QStringLiteral("Completed"));
    QVERIFY2(lastJob->detail().startsWith(QStringLiteral("#%1 ").arg(id)), qPrintable(lastJob->detail()));
    QVERIFY(lastJob->detail().contains(ui::format::count(1500)));
    QVERIFY(!tileOf(page, "dataDirTile")->value().isEmpty());
    QTRY_VERIFY(tileOf(page, "processTile")->value() != QStringLiteral("—"));
    // The embedder: which one, its size, and that no record waits for a vector.
    QCOMPARE(tileOf(page, "embedderTile")->value(), QStringLiteral("Built in · 256 d"));
    QCOMPARE(tileOf(page, "embedderTile")->detail(), QStringLiteral("no backlog"));
    QVERIFY(tileOf(page, "embedderTile")->toolTip().startsWith(QStringLiteral("hash-v1:")));

    // One start and one end line on the throughput chart, in each window.
    auto *throughput = chartOf(page, "throughputChart");
    QCOMPARE(throughput->markerCount(), 2);
    QSignalSpy history(&page, &ui::DashboardPage::historyLoaded);
    QTest::mouseClick(page.findChild<QToolButton *>(QStringLiteral("window24h")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!history.isEmpty(), 10000);
    QTRY_COMPARE(throughput->markerCount(), 2);
    QVERIFY(testui::closeHost(host));
}

void TestDashboard::windowSelectorReadsThePersistedHistory()
{
    QTemporaryDir dir;
    const QString file = writeCasesFile(dir, QStringLiteral("cases.jsonl"), 3000);
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString rate = metricName(MetricId::IngestRate);
    {
        ui::EngineHost host;
        QVERIFY(testui::openHost(host, data));
        testui::JobEventSpy finished(&host, &JobEvent::isEnd);
        QVERIFY(submitJob(host, optionsFor(file)) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QTest::qWait(1500); // the job's last second is sampled
        QVERIFY(testui::closeHost(host)); // the sampler writes what it holds
    }
    const qint64 reopened = QDateTime::currentMSecsSinceEpoch();

    // Another engine instance on the same directory: the page shows what the first one measured.
    ui::EngineHost host;
    ui::DashboardPage page(&host);
    page.resize(1200, 800);
    page.show();
    QSignalSpy history(&page, &ui::DashboardPage::historyLoaded);
    QVERIFY(testui::openHost(host, data));
    QTRY_VERIFY_WITH_TIMEOUT(!history.isEmpty(), 10000);
    auto *throughput = chartOf(page, "throughputChart");
    QCOMPARE(page.chartWindow(), ui::ChartWindow::FiveMinutes);
    QVERIFY(anyAbove(throughput->points(rate), 0, reopened));
    QVERIFY(anyAbove(chartOf(page, "latencyChart")->points(stageMetricName(Stage::Write, true)), 0, reopened));

    struct Step {
        const char *button;
        ui::ChartWindow window;
    };
    for (const Step step : {Step{"window1h", ui::ChartWindow::OneHour}, Step{"window24h", ui::ChartWindow::OneDay},
                            Step{"window5m", ui::ChartWindow::FiveMinutes}}) {
        auto *button = page.findChild<QToolButton *>(QLatin1String(step.button));
        QVERIFY(button);
        history.clear();
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!history.isEmpty(), 10000);
        QCOMPARE(page.chartWindow(), step.window);
        QVERIFY(button->isChecked());
        QVERIFY2(anyAbove(throughput->points(rate), 0, reopened), step.button);
        // Longer windows fold the seconds into wider buckets: fewer points, not more.
        // Longer windows fold the seconds into wider buckets: every point is on the bucket grid.
        const qint64 width = ui::windowSpec(step.window).bucketMs;
        for (const QPointF &p : throughput->points(rate))
            QVERIFY2(qint64(p.x()) % width == 0, step.button);
    }
    QVERIFY(testui::closeHost(host));
}

// A busy day is tens of thousands of samples a metric; the 24 h charts draw one point per two
// minutes of it, and a live second over such a window stays cheap on the GUI thread.
void TestDashboard::dayWindowStaysLight()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    const QString rate = metricName(MetricId::IngestRate);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QString error;
        auto store = Store::open(QDir(data).filePath(QStringLiteral("kms.sqlite")), Store::Mode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(error));
        // Every metric of every chart, every ten seconds on the two-minute grid, as a saw tooth
        // 0, 10, .., 50 that repeats each minute.
        QList<MetricSample> samples;
        const qint64 first = bucketStart(now - 24 * 3600'000, 120'000) + 120'000;
        for (const auto &[name, value] : namedValues(MetricsPoint{}))
            for (qint64 t = first; t < now; t += 10'000)
                samples.append({t, name, double(((t - first) / 1000) % 60)});
        QVERIFY(store->appendMetrics(samples));
    }
    ui::EngineHost host;
    ui::DashboardPage page(&host);
    page.resize(1200, 800);
    page.show();
    QSignalSpy history(&page, &ui::DashboardPage::historyLoaded);
    QVERIFY(testui::openHost(host, data));
    QTRY_VERIFY_WITH_TIMEOUT(!history.isEmpty(), 10000);
    auto *throughput = chartOf(page, "throughputChart");
    QVERIFY(throughput->pointCount(rate) >= 29 && throughput->pointCount(rate) <= 32);

    history.clear();
    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(page.findChild<QToolButton *>(QStringLiteral("window24h")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!history.isEmpty(), 20000);
    qInfo("24 h window: %d points a metric, loaded in %lld ms", int(throughput->pointCount(rate)), timer.elapsed());
    QVERIFY(throughput->pointCount(rate) >= 715 && throughput->pointCount(rate) <= 725);
    // Each point is the mean of its two minutes: two whole ramps.
    const QList<QPointF> points = throughput->points(rate);
    QCOMPARE(points[points.size() / 2].y(), 25.0);
    QCOMPARE(chartOf(page, "latencyChart")->pointCount(stageMetricName(Stage::Index, true)), throughput->pointCount(rate));

    // Live seconds update and repaint every chart on the GUI thread; over a day the lines are
    // redrawn every ten seconds, so twelve seconds include one full redraw.
    qint64 slowest = 0;
    const qint64 drawnUntil = throughput->windowEndMs();
    for (int i = 1; i <= 12; ++i) {
        MetricsPoint point;
        point.timestampMs = QDateTime::currentMSecsSinceEpoch() + i * 1000;
        point.recordsPerSecond = 100;
        QElapsedTimer tick;
        tick.start();
        emit host.metricsTick(point);
        page.repaint();
        slowest = std::max(slowest, tick.elapsed());
    }
    qInfo("live second over a full 24 h window, update and repaint: slowest %lld ms", slowest);
    QVERIFY(throughput->windowEndMs() > drawnUntil);
    QVERIFY(slowest < 200);
    QVERIFY(testui::closeHost(host));
}

void TestDashboard::statusBarShowsTheRunningJobAndHealth()
{
    QTemporaryDir dir;
    const QString file = writeCasesFile(dir, QStringLiteral("cases.jsonl"), 6000);
    ui::EngineHost host;
    ui::MainWindow window(&host);
    window.show();
    auto *panel = window.findChild<ui::StatusPanel *>(QStringLiteral("statusPanel"));
    QVERIFY(panel);
    QCOMPARE(panel->jobText(), QStringLiteral("No job running"));
    QSignalSpy health(panel, &ui::StatusPanel::healthChecked);
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    QTRY_VERIFY_WITH_TIMEOUT(!health.isEmpty(), 10000);
    QCOMPARE(health.last().at(0).toString(), QStringLiteral("healthy"));
    QCOMPARE(panel->healthText(), QStringLiteral("Store: healthy"));
    // The data-directory label keeps showing where the store is.
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("openState"))->text(), dir.filePath(QStringLiteral("data")));

    // What the status bar says while batches arrive (read right after the panel has updated).
    QStringList seen;
    connect(&host, &ui::EngineHost::jobChanged, panel, [&seen, panel](const JobEvent &e) {
        if (e.kind == JobEventKind::Progress)
            seen << panel->jobText();
    });
    testui::JobEventSpy finished(&host, &JobEvent::isEnd);
    health.clear();
    const qint64 id = submitJob(host, optionsFor(file, 50));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(!seen.isEmpty());
    const QString prefix = QStringLiteral("Job #%1: ").arg(id);
    QVERIFY2(seen.first().startsWith(prefix), qPrintable(seen.first()));
    QVERIFY2(seen.first().contains(QLatin1String("rec/s")), qPrintable(seen.first()));
    // Rate and time left come with every batch.
    QVERIFY2(!seen.last().contains(QLatin1String(" at 0 rec/s")), qPrintable(seen.last()));
    QVERIFY2(seen.last().contains(QLatin1String(" left")), qPrintable(seen.last()));
    QCOMPARE(panel->jobText(), QStringLiteral("No job running"));
    QTRY_VERIFY_WITH_TIMEOUT(!health.isEmpty(), 10000); // checked again after the job
    QVERIFY(testui::closeHost(host));
}

void TestDashboard::statusBarSaysTheIndexLoadsThenHealthyOnceItIs()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString file = writeCasesFile(dir, QStringLiteral("cases.jsonl"), 800);
    {
        ui::EngineHost host;
        QVERIFY(testui::openHost(host, data));
        testui::JobEventSpy finished(&host, &JobEvent::isEnd);
        QVERIFY(submitJob(host, optionsFor(file)) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(testui::closeHost(host)); // saves the index
    }
    // The index file becomes a FIFO: the background load waits on it for as long as the test likes.
    const QString indexPath = data + QStringLiteral("/vectors.kidx");
    QVERIFY(QFile::remove(indexPath));
    QCOMPARE(::mkfifo(QFile::encodeName(indexPath).constData(), 0600), 0);

    ui::EngineHost host;
    ui::MainWindow window(&host);
    // After the host: destroyed before it, so a failed check still lets the loader go (end of
    // file) and the host can close.
    struct Unblock {
        QString path;
        ~Unblock()
        {
            const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0)
                ::close(fd);
        }
    } unblock{indexPath};
    window.show();
    auto *panel = window.findChild<ui::StatusPanel *>(QStringLiteral("statusPanel"));
    QVERIFY(panel);
    QSignalSpy opened(&host, &ui::EngineHost::opened);
    Engine::Options o;
    o.dataDirectory = data;
    o.logToFile = false;
    o.startSampler = true; // the host notices the end of the load on its metrics poll
    o.indexLoading = Engine::Options::IndexLoading::InBackground;
    host.open(o);
    QVERIFY(opened.wait(60000));
    QVERIFY(opened.at(0).at(0).toBool());
    QVERIFY(host.isIndexLoading());
    // Degraded only for want of the index: the bar says what is going on.
    QTRY_COMPARE_WITH_TIMEOUT(panel->healthText(), QStringLiteral("Store: vector index loading"), 10000);

    // Not an index: the loader rebuilds it from the store. The bar follows within seconds, not at
    // the next 30 s check.
    const int fd = ::open(QFile::encodeName(indexPath).constData(), O_WRONLY);
    QVERIFY(fd >= 0);
    QCOMPARE(::write(fd, "not an index", 12), ssize_t(12));
    ::close(fd);
    QTRY_VERIFY2_WITH_TIMEOUT(!host.isIndexLoading(), qPrintable(panel->healthText()), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->healthText(), QStringLiteral("Store: healthy"), 10000);
    QVERIFY(testui::closeHost(host));
}

void TestDashboard::notificationWhenAJobEndsOrFails()
{
    QTemporaryDir dir;
    const QString file = writeCasesFile(dir, QStringLiteral("cases.jsonl"), 500, 2);
    ui::EngineHost host;
    ui::MainWindow window(&host);
    window.show();
    auto *notifier = window.findChild<ui::JobNotifier *>(QStringLiteral("jobNotifier"));
    QVERIFY(notifier);
    QSignalSpy notified(notifier, &ui::JobNotifier::notified);
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));

    const qint64 id = submitJob(host, optionsFor(file));
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, 60000);
    QCOMPARE(notified.last().at(0).toString(), QStringLiteral("Job #%1 completed").arg(id));
    const QString message = notified.last().at(1).toString();
    QVERIFY2(message.contains(QLatin1String("502 read: 500 new, 0 changed, 0 unchanged, 2 rejected")), qPrintable(message));
    // Offscreen there is no tray: the status bar says it.
    QCOMPARE(notified.last().at(2).toBool(), false);
    QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Job #%1 completed: ").arg(id)));

    const qint64 failing = submitJob(host, optionsFor(dir.filePath(QStringLiteral("missing.jsonl"))));
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 2, 60000);
    QCOMPARE(notified.last().at(0).toString(), QStringLiteral("Job #%1 failed").arg(failing));
    QVERIFY(!notified.last().at(1).toString().isEmpty());
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("failed")));
    QVERIFY(testui::closeHost(host));
}

// Not a check: with KMS_SCREENSHOT_DIR set (run under Xvfb), a 20,000-record corpus is loaded in
// four jobs spread over the five-minute window, then a quarter of it again with changed dates
// (updates the embedding cache answers) and a small file with rejects; the dashboard is saved as
// dashboard.png, mid-load as dashboard-running.png and over the hour as dashboard-1h.png.
void TestDashboard::screenshot()
{
    const QString out = qEnvironmentVariable("KMS_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set KMS_SCREENSHOT_DIR to take the dashboard screenshot");
    QTemporaryDir dir;
    SynthOptions synth;
    synth.cases = 18000;
    synth.articles = 2000;
    const QString corpus = dir.filePath(QStringLiteral("corpus.jsonl"));
    QString error;
    QVERIFY2(writeSyntheticCorpus(synth, corpus, &error), qPrintable(error));
    QFile in(corpus);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = in.readAll().split('\n');
    QStringList parts;
    for (int part = 0; part < 4; ++part) {
        QByteArray text;
        for (int i = part * 5000; i < (part + 1) * 5000 && i < lines.size(); ++i)
            text += lines[i] + '\n';
        parts << dir.filePath(QStringLiteral("part%1.jsonl").arg(part + 1));
        QVERIFY(testdata::writeText(parts.last(), text));
    }
    QByteArray changed;
    static const QRegularExpression updatedAt(QStringLiteral("\"updated_at\":\"[^\"]*\""));
    for (int i = 0; i < 5000; ++i)
        changed += QString::fromUtf8(lines[i]).replace(updatedAt, QStringLiteral("\"updated_at\":\"2025-01-01T00:00:00Z\"")).toUtf8() + '\n';
    const QString updates = dir.filePath(QStringLiteral("updates.jsonl"));
    QVERIFY(testdata::writeText(updates, changed));
    const QString rejects = writeCasesFile(dir, QStringLiteral("small.jsonl"), 2000, 150);

    ui::EngineHost host;
    ui::MainWindow window(&host);
    window.resize(1280, 820);
    window.show();
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data"))));
    testui::JobEventSpy finished(&host, &JobEvent::isEnd);
    const QStringList files = parts + QStringList{updates, rejects};
    for (int i = 0; i < files.size(); ++i) {
        QTest::qWait(i == 0 ? 15000 : 25000);
        QVERIFY(submitJob(host, optionsFor(files[i], 250)) > 0);
        if (i == 1) {
            QTest::qWait(3000);
            QVERIFY(window.grab().save(QDir(out).filePath(QStringLiteral("dashboard-running.png"))));
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), i + 1, 300000);
    }
    QTest::qWait(20000);
    QVERIFY(window.grab().save(QDir(out).filePath(QStringLiteral("dashboard.png"))));
    auto *page = window.findChild<ui::DashboardPage *>(QStringLiteral("dashboard"));
    QSignalSpy history(page, &ui::DashboardPage::historyLoaded);
    QTest::mouseClick(page->findChild<QToolButton *>(QStringLiteral("window1h")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!history.isEmpty(), 10000);
    QTest::qWait(500);
    QVERIFY(window.grab().save(QDir(out).filePath(QStringLiteral("dashboard-1h.png"))));
    QVERIFY(testui::closeHost(host));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
