// SPDX-License-Identifier: MIT
#include "model/Job.h"
#include "model/MetricBucket.h"
#include "model/Record.h"

#include <QTest>

using namespace kms;

class TestModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void titleFromBody_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("title");
        QTest::newRow("first line") << "Printer  jams\nsecond line" << "Printer jams";
        QTest::newRow("blank lines first") << "\n   \n\tVPN drops\r\nmore" << "VPN drops";
        QTest::newRow("empty") << "  \n " << "";
        const QString words = QString(QStringLiteral("word ")).repeated(40); // 200 characters
        QTest::newRow("long at a word") << words << (QString(QStringLiteral("word ")).repeated(23) + QStringLiteral("word…"));
        QTest::newRow("one long word") << QString(300, u'x') << (QString(119, u'x') + QStringLiteral("…"));
    }
    void titleFromBody()
    {
        QFETCH(QString, body);
        QFETCH(QString, title);
        QCOMPARE(kms::titleFromBody(body), title);
        QVERIFY(kms::titleFromBody(body).size() <= 120);
    }

    void collectionNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("expected"); // -1: not a collection
        QTest::newRow("cases") << "cases" << int(Collection::Cases);
        QTest::newRow("ticket") << " Ticket " << int(Collection::Cases);
        QTest::newRow("knowledge") << "knowledge" << int(Collection::Knowledge);
        QTest::newRow("articles") << "ARTICLES" << int(Collection::Knowledge);
        QTest::newRow("empty") << "" << -1;
        QTest::newRow("other") << "cats" << -1;
    }
    void collectionNames()
    {
        QFETCH(QString, name);
        QFETCH(int, expected);
        const auto c = collectionFromName(name);
        QCOMPARE(c.has_value() ? int(*c) : -1, expected);
        if (c)
            QCOMPARE(collectionFromName(collectionName(*c)), c);
    }
    void metricBucketsTakeLiveSamples()
    {
        QCOMPARE(bucketStart(1999, 1000), 1000);
        QCOMPARE(bucketStart(2000, 1000), 2000);
        QCOMPARE(bucketStart(-1, 1000), -1000);
        QCOMPARE(bucketStart(5, 0), 5); // a width below 1 counts as 1

        QList<MetricBucket> series;
        QVERIFY(addSample(series, 1000, 2.0, 1000));
        QVERIFY(addSample(series, 1500, 4.0, 1000));
        QVERIFY(!addSample(series, 1500, 100.0, 1000)); // already counted
        QVERIFY(!addSample(series, 1200, 100.0, 1000)); // older than the newest
        QVERIFY(addSample(series, 2100, 1.0, 1000));
        QCOMPARE(series.size(), 2);
        QCOMPARE(series[0], (MetricBucket{1000, 1500, 3.0, 4.0, 2}));
        QCOMPARE(series[1], (MetricBucket{2000, 2100, 1.0, 1.0, 1}));
    }
    void enumNamesRoundTrip()
    {
        for (auto p : {JobPriority::Low, JobPriority::Normal, JobPriority::High})
            QCOMPARE(jobPriorityFromName(jobPriorityName(p)), p);
        for (auto s : {JobStatus::Queued, JobStatus::Running, JobStatus::Paused, JobStatus::Completed,
                       JobStatus::Failed, JobStatus::Cancelled})
            QCOMPARE(jobStatusFromName(jobStatusName(s)), s);
        for (auto m : {IngestMode::Auto, IngestMode::Async, IngestMode::Hybrid, IngestMode::Distributed})
            QCOMPARE(ingestModeFromName(ingestModeName(m)), m);
        QVERIFY(!jobPriorityFromName(u"urgent"));
        QCOMPARE(jobPriorityFromName(u"HIGH"), JobPriority::High);
    }
    void countsProcessed()
    {
        JobCounts c;
        c.inserted = 3; c.updated = 2; c.unchanged = 4; c.rejected = 1;
        QCOMPARE(c.processed(), 10);
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
