// SPDX-License-Identifier: MIT
#include "model/Job.h"
#include "model/Record.h"

#include <QTest>

using namespace kms;

class TestModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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
    void enumNamesRoundTrip()
    {
        for (auto p : {JobPriority::Low, JobPriority::Normal, JobPriority::High})
            QCOMPARE(jobPriorityFromName(jobPriorityName(p)), p);
        for (auto s : {JobStatus::Queued, JobStatus::Running, JobStatus::Paused, JobStatus::Completed,
                       JobStatus::Failed, JobStatus::Cancelled})
            QCOMPARE(jobStatusFromName(jobStatusName(s)), s);
        for (auto m : {IngestMode::Auto, IngestMode::Async, IngestMode::Hybrid})
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
