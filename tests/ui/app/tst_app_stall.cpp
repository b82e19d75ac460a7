// SPDX-License-Identifier: MIT
// How long the GUI event loop stalls while a 100,000-record job runs: the main window is shown
// (offscreen), a page is switched every two seconds, and a 5 ms timer records the gap between its
// ticks. The numbers are printed; timing never fails the test on a shared machine, but a job that
// does not complete, or a record that does not arrive in the store and the index, does.
#include "engine/EngineInternals.h"
#include "AppTestSupport.h"
#include "UiTestSupport.h"

#include "index/VectorIndex.h"
#include "shell/MainWindow.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace kms;

namespace {
constexpr qint64 kCases = 98'000;
constexpr qint64 kArticles = 2'000;
constexpr qint64 kRecords = kCases + kArticles;

// Nanoseconds this thread has waited on a run queue for a CPU (Linux schedstat); -1 if unknown.
qint64 runQueueWaitNs()
{
    QFile f(QStringLiteral("/proc/thread-self/schedstat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().simplified().split(' ');
    return fields.size() >= 2 ? fields[1].toLongLong() : -1;
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

// Gaps between the ticks of a 5 ms timer: each one is at least the interval, and anything the event
// loop did in between (painting, a page switch, delivering results) adds to it. On a shared machine
// much of a gap can be the GUI thread waiting for a CPU that other processes hold; the kernel counts
// that wait, so the meter also reports each gap without it: the stall our own code caused.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 waited = runQueueWaitNs();
            m_gapsMs.push_back(double(now - m_last) / 1e6);
            if (waited >= 0 && m_lastWait >= 0)
                m_ownMs.push_back(double(std::max<qint64>(0, (now - m_last) - (waited - m_lastWait))) / 1e6);
            m_last = now;
            m_lastWait = waited;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_ownMs.clear();
        m_clock.start();
        m_last = 0;
        m_lastWait = runQueueWaitNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    size_t ticks() const { return m_gapsMs.size(); }
    // Wall-clock gaps.
    double max() const { return m_gapsMs.empty() ? 0 : *std::max_element(m_gapsMs.begin(), m_gapsMs.end()); }
    double percentile(double p) const { return ::percentile(m_gapsMs, p); }
    qint64 over(double ms) const
    {
        return std::count_if(m_gapsMs.begin(), m_gapsMs.end(), [ms](double g) { return g > ms; });
    }
    // Gaps less the time spent waiting for a CPU (empty when the kernel does not say).
    bool hasOwn() const { return !m_ownMs.empty(); }
    double ownMax() const { return m_ownMs.empty() ? 0 : *std::max_element(m_ownMs.begin(), m_ownMs.end()); }
    double ownPercentile(double p) const { return ::percentile(m_ownMs, p); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastWait = -1;
    std::vector<double> m_gapsMs;
    std::vector<double> m_ownMs;
};
} // namespace

// CPU time of the calling thread: what our own code spent, whatever the machine's load.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The application, timing each event it delivers from the event loop (not the nested ones) in CPU
// time of the GUI thread, so the report can name the costliest one.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || !m_timing)
            return QApplication::notify(receiver, event);
        ++m_depth;
        const double cpu0 = threadCpuMs();
        const int type = int(event->type());
        // The receiver may be gone after delivery: its name is taken first.
        const char *cls = receiver->metaObject()->className();
        const QString name = receiver->objectName();
        const bool result = QApplication::notify(receiver, event);
        const double ms = threadCpuMs() - cpu0;
        --m_depth;
        if (ms > m_slowestMs) {
            m_slowestMs = ms;
            m_slowest = QStringLiteral("%1 \"%2\", event type %3").arg(QLatin1String(cls), name).arg(type);
        }
        return result;
    }
    void startTiming()
    {
        m_timing = true;
        m_slowestMs = 0;
        m_slowest.clear();
    }
    void stopTiming() { m_timing = false; }
    double slowestMs() const { return m_slowestMs; }
    QString slowest() const { return m_slowest; }

private:
    int m_depth = 0;
    bool m_timing = false;
    double m_slowestMs = 0;
    QString m_slowest;
};

TimedApplication *timedApp()
{
    return static_cast<TimedApplication *>(QCoreApplication::instance());
}

class TestAppStall : public QObject
{
    Q_OBJECT
private slots:
    void guiStaysResponsiveDuringALargeJob();
};

void TestAppStall::guiStaysResponsiveDuringALargeJob()
{
    QTemporaryDir dir;
    const QString corpus = dir.filePath(QStringLiteral("corpus.jsonl"));
    QElapsedTimer clock;
    clock.start();
    QString error;
    QVERIFY2(testui::writeCorpus(corpus, kCases, kArticles, &error), qPrintable(error));
    qInfo("generated %lld records in %.1f s", kRecords, double(clock.elapsed()) / 1000.0);

    ui::EngineHost host;
    ui::MainWindow window(&host);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(testui::openHost(host, dir.filePath(QStringLiteral("data")), &error));
    const QStringList pages = window.pageIds();
    QVERIFY(!pages.isEmpty());

    // Page switches now and then, like an operator looking around during the load.
    int next = 0;
    QTimer switcher;
    connect(&switcher, &QTimer::timeout, &window, [&] { window.showPage(pages[next++ % pages.size()]); });

    testui::JobEventSpy finished(&host, &JobEvent::isEnd);
    StallMeter meter;
    meter.start();
    timedApp()->startTiming();
    switcher.start(2000);
    clock.restart();
    qint64 jobId = 0;
    testui::submitJob(host, &window, corpus, &jobId);
    QVERIFY2(finished.wait(600'000), "the job finished within ten minutes");
    const double jobSeconds = double(clock.elapsed()) / 1000.0;
    QTest::qWait(1000); // the page refreshes that follow a job end are part of the measurement
    switcher.stop();
    meter.stop();
    timedApp()->stopTiming();

    qInfo("GUI event loop during the %lld-record job (%.1f s, %zu ticks of 5 ms, %d page switches): "
          "longest gap %.1f ms, p99 %.1f ms, p50 %.1f ms, gaps over 50 ms: %lld",
          kRecords, jobSeconds, meter.ticks(), next, meter.max(), meter.percentile(0.99), meter.percentile(0.5),
          meter.over(50));
    if (meter.hasOwn())
        qInfo("the same gaps less the GUI thread's wait for a CPU (machine load %.1f): longest %.1f ms, p99 %.1f ms",
              loadAverage(), meter.ownMax(), meter.ownPercentile(0.99));
    qInfo("costliest single event: %.1f ms of GUI-thread CPU (%s)", timedApp()->slowestMs(),
          qPrintable(timedApp()->slowest()));

    const JobInfo job = finished.at(0).job;
    QCOMPARE(job.id, jobId);
    QCOMPARE(job.status, JobStatus::Completed);
    QCOMPARE(job.counts.read, kRecords);
    QCOMPARE(job.counts.inserted, kRecords);
    QCOMPARE(job.counts.rejected, 0);
    struct Stored {
        qint64 records = -1;
        qint64 vectors = -1;
    };
    Stored stored;
    host.run(&window, [](Engine &e) { return Stored{e.counts().total(), internals(e).index().size()}; },
             [&stored](Stored s) { stored = s; });
    QTRY_VERIFY(stored.records >= 0);
    QCOMPARE(stored.records, kRecords);
    QCOMPARE(stored.vectors, kRecords);
    QVERIFY(meter.ticks() > 100);

    QSignalSpy closed(&host, &ui::EngineHost::closed);
    window.close();
    QVERIFY(closed.wait(60'000));
}

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    QTEST_SET_MAIN_SOURCE_PATH
    TestAppStall test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_app_stall.moc"
