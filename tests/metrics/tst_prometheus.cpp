// SPDX-License-Identifier: MIT
// The Prometheus text format: checked line by line here, and by Prometheus's own promtool.
#include "metrics/Metrics.h"
#include "metrics/PrometheusText.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace kms;

class TestPrometheus : public QObject
{
    Q_OBJECT

private:
    static QByteArray sample()
    {
        Metrics m;
        m.addRead(120);
        m.addCommitted(100);
        m.addRejected(20);
        m.addCacheLookups(30, 70);
        for (qint64 micros : {300, 800, 2'000, 40'000, 40'000, 3'000'000})
            m.recordStage(Stage::Embed, micros, 500);
        m.recordStage(Stage::Write, 12'000, 500);
        m.tick(1000);
        PrometheusWriter out;
        writeMetrics(out, m);
        out.gauge(QStringLiteral("kms_test_label_escape"), QStringLiteral("A label with \"quotes\" and a \\ and\na newline."),
                  1, {{QStringLiteral("name"), QStringLiteral("say \"hi\"\\\n")}});
        return out.text();
    }

private slots:
    void familiesAndSamples()
    {
        const QByteArray text = sample();
        QVERIFY(text.contains("# TYPE kms_records_committed_total counter\nkms_records_committed_total 100\n"));
        QVERIFY(text.contains("# TYPE kms_stage_batch_seconds histogram\n"));
        // Each family's HELP and TYPE appear once even with several label sets.
        QCOMPARE(text.count("# TYPE kms_stage_batch_seconds "), 1);
        QCOMPARE(text.count("# TYPE kms_stage_records_total "), 1);
        // Cumulative buckets: 0.3 ms and 0.8 ms under 1 ms; 2 ms under 2.5 ms; 40 ms twice under 50 ms.
        QVERIFY(text.contains("kms_stage_batch_seconds_bucket{stage=\"embed\",le=\"0.001\"} 2\n"));
        QVERIFY(text.contains("kms_stage_batch_seconds_bucket{stage=\"embed\",le=\"0.0025\"} 3\n"));
        QVERIFY(text.contains("kms_stage_batch_seconds_bucket{stage=\"embed\",le=\"0.05\"} 5\n"));
        QVERIFY(text.contains("kms_embedding_cache_hit_ratio 0.3\n"));
        QVERIFY(text.contains("kms_stage_batch_seconds_bucket{stage=\"embed\",le=\"+Inf\"} 6\n"));
        QVERIFY(text.contains("kms_stage_batch_seconds_count{stage=\"embed\"} 6\n"));
        QVERIFY(text.contains("kms_stage_batch_seconds_sum{stage=\"embed\"} 3.0831"));
        QVERIFY(text.contains("name=\"say \\\"hi\\\"\\\\\\n\""));
        QVERIFY(text.endsWith('\n'));
    }

    void promtoolAcceptsIt()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QFAIL("promtool not found: install Debian's 'prometheus' package (scripts/install-deps.sh does)");
        QProcess p;
        p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(p.waitForStarted());
        p.write(sample());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30'000));
        const QByteArray said = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, said.constData());
        // promtool also lints: no complaints at all.
        QVERIFY2(said.trimmed().isEmpty(), said.constData());
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
