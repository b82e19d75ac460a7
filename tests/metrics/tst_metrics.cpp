// SPDX-License-Identifier: MIT
#include "metrics/Histogram.h"
#include "metrics/Metrics.h"
#include "metrics/SystemProbe.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace kms;

class TestMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bucketsAreMonotonicAndTight()
    {
        int previous = -1;
        for (quint64 v : {0ull, 1ull, 7ull, 8ull, 9ull, 100ull, 1000ull, 123456ull, 10'000'000ull}) {
            const int b = Histogram::bucketOf(v);
            QVERIFY(b >= previous);
            previous = b;
            const quint64 upper = Histogram::bucketUpperBound(b);
            QVERIFY2(upper >= v, qPrintable(QStringLiteral("%1 > %2").arg(v).arg(upper)));
            QVERIFY(double(upper) <= double(v) * 1.13 + 1); // within one sub-bucket
        }
    }

    void percentiles()
    {
        Histogram h;
        for (int i = 1; i <= 1000; ++i)
            h.record(i * 10); // 10 µs .. 10 ms, uniform
        const auto s = h.snapshot();
        QCOMPARE(s.total, quint64(1000));
        QVERIFY(qAbs(s.percentile(50) - 5000) <= 5000 * 0.13);
        QVERIFY(qAbs(s.percentile(95) - 9500) <= 9500 * 0.13);
        QCOMPARE(s.percentile(100), 10000.0);
        QCOMPARE(Histogram().snapshot().percentile(50), 0.0);
        QVERIFY(qAbs(s.meanMicros() - 5005) < 1);
    }

    void takeSnapshotResets()
    {
        Histogram h;
        h.record(5);
        QCOMPARE(h.takeSnapshot().total, quint64(1));
        QCOMPARE(h.snapshot().total, quint64(0));
    }

    void concurrentRecording()
    {
        Histogram h;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 10000; ++i)
                    h.record(i);
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(h.snapshot().total, quint64(40000));
    }

    void windowsAndRates()
    {
        Metrics m;
        qint64 now = 1'000'000;
        for (int s = 0; s < 10; ++s) {
            m.addCommitted(100);
            m.addCacheLookups(3, 1);
            m.tick(now += 1000);
        }
        MetricsPoint p = m.latest();
        QCOMPARE(p.recordsPerSecond, 100.0);
        QCOMPARE(p.recordsPerSecond10, 100.0);
        QCOMPARE(p.cacheHitRate, 0.75);
        m.addRejected(50);
        m.addCommitted(50);
        p = m.tick(now += 1000);
        QCOMPARE(p.recordsPerSecond, 50.0);
        QVERIFY(p.errorRate > 0.0);
        QCOMPARE(m.recent(5).size(), 5);
        QCOMPARE(m.recent(5).last().timestampMs, now);
        // Idle seconds bring the short window to zero while the long one remembers.
        for (int s = 0; s < 10; ++s)
            p = m.tick(now += 1000);
        QCOMPARE(p.recordsPerSecond10, 0.0);
        QVERIFY(p.recordsPerSecond60 > 0.0);
    }

    void stagePercentilesPerWindow()
    {
        Metrics m;
        for (int i = 0; i < 100; ++i)
            m.recordStage(Stage::Write, 2000, 200);
        const MetricsPoint p = m.tick(1);
        QVERIFY(p.stageP50Ms[size_t(Stage::Write)] >= 1.9 && p.stageP50Ms[size_t(Stage::Write)] <= 2.3);
        QCOMPARE(m.stageRecords(Stage::Write), 20000);
        QCOMPARE(m.stageBusyMicros(Stage::Write), 200000);
        QCOMPARE(stageName(Stage::Index), QStringLiteral("index"));
    }

    // The sampler's system readings travel with the point, so live readers (the GUI polls latest())
    // see the same values the history stores.
    void systemReadingsAreKeptWithThePoint()
    {
        Metrics m;
        m.tick(1000, {150.0, 2.5e8, 1.0e9});
        const MetricsPoint p = m.latest();
        QCOMPARE(p.cpuPercent, 150.0);
        QCOMPARE(p.rssBytes, 2.5e8);
        QCOMPARE(p.dataDirBytes, 1.0e9);
        QCOMPARE(m.recent(1).first().rssBytes, 2.5e8);
    }

    // Every value of a point has one distinct persisted name; a chart finds its value by that name.
    void namedValuesCoverThePoint()
    {
        MetricsPoint p;
        p.recordsPerSecond = 10;
        p.cacheHitRate = 0.25;
        p.rssBytes = 7;
        p.stageP95Ms[size_t(Stage::Embed)] = 3.5;
        const auto values = namedValues(p);
        QCOMPARE(values.size(), int(MetricId::Count) + 2 * int(Stage::Count));
        QHash<QString, double> byName;
        for (const auto &[name, value] : values)
            byName.insert(name, value);
        QCOMPARE(byName.size(), values.size());
        QCOMPARE(byName.value(QStringLiteral("ingest.rate")), 10.0);
        QCOMPARE(byName.value(metricName(MetricId::CacheHitRate)), 0.25);
        QCOMPARE(byName.value(QStringLiteral("process.rss")), 7.0);
        QCOMPARE(byName.value(QStringLiteral("stage.embed.p95_ms")), 3.5);
        QCOMPARE(stageMetricName(Stage::Embed, true), QStringLiteral("stage.embed.p95_ms"));
        QCOMPARE(stageMetricName(Stage::Write, false), QStringLiteral("stage.write.p50_ms"));
    }

    void systemProbe()
    {
        QVERIFY(SystemProbe::processRssBytes() > 0);
        QVERIFY(SystemProbe::totalMemoryBytes() > 0);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("x")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(5000, 'a'));
        f.close();
        QCOMPARE(SystemProbe::directoryBytes(dir.path()), 5000);
        QVERIFY(SystemProbe::diskFreeBytes(dir.path()) > 0);
        SystemProbe probe;
        probe.processCpuPercent();
        volatile double x = 0;
        for (int i = 0; i < 20'000'000; ++i)
            x = x + i;
        QVERIFY(probe.processCpuPercent() >= 0.0);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
