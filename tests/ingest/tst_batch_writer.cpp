// SPDX-License-Identifier: MIT
// The writer stage: one batch, one transaction through the store's writer; a dry run only counts.
#include "ingest/BatchWriter.h"
#include "storage/StorePool.h"

#include <QTest>

using namespace kms;

namespace {
RecordWrite recordWrite(const QString &externalId, const QString &title, quint64 hash)
{
    RecordWrite w;
    w.record.collection = Collection::Cases;
    w.record.externalId = externalId;
    w.record.title = title;
    w.titleText = title.toLower();
    w.contentHash = hash;
    w.textHash = hash;
    w.vector = {1.0f, float(hash % 7), 0.5f, 0.25f};
    w.vectorIsNew = true;
    return w;
}

PreparedBatch twoRecordsAndAReject(qint64 jobId)
{
    PreparedBatch b;
    b.sequence = 3;
    b.write.jobId = jobId;
    b.write.records.push_back(recordWrite(QStringLiteral("C-1"), QStringLiteral("VPN drops"), 11));
    b.write.records.push_back(recordWrite(QStringLiteral("C-2"), QStringLiteral("Printer jams"), 12));
    RejectInfo r;
    r.jobId = jobId;
    r.recordNumber = 3;
    r.reason = QStringLiteral("title: expected a string");
    b.write.rejects.push_back(r);
    return b;
}
} // namespace

class TestBatchWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commitsABatchAndReportsWhatItDid()
    {
        QString error;
        auto stores = StorePool::open(QStringLiteral(":memory:"), &error);
        QVERIFY2(stores, qPrintable(error));
        QVERIFY(stores->writer()->setActiveEmbedder(QStringLiteral("test-d4")));
        BatchWriter writer(stores.get(), nullptr, false);

        auto first = writer.write(twoRecordsAndAReject(0), &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->counts.inserted, qint64(2));
        QCOMPARE(first->counts.rejected, qint64(1));
        QVERIFY(first->outcome.has_value());
        QCOMPARE(first->outcome->indexChanges.size(), size_t(2));
        QCOMPARE(stores->reader()->counts().cases, qint64(2));
        QCOMPARE(stores->reader()->counts().embeddings, qint64(2));

        // The same batch again: nothing to write, nothing for the index.
        auto second = writer.write(twoRecordsAndAReject(0), &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->counts.unchanged, qint64(2));
        QCOMPARE(second->counts.inserted, qint64(0));
        QVERIFY(second->outcome->indexChanges.empty());
        QCOMPARE(second->outcome->seq, first->outcome->seq); // nothing changed: the watermark stays
    }

    // A refused batch is not stored at all, and the error names the batch (1-based) and the cause.
    void aRefusedBatchStoresNothing()
    {
        QString error;
        auto stores = StorePool::open(QStringLiteral(":memory:"), &error);
        QVERIFY(stores);
        QVERIFY(stores->writer()->setActiveEmbedder(QStringLiteral("test-d4")));
        BatchWriter writer(stores.get(), nullptr, false);
        QVERIFY(!writer.write(twoRecordsAndAReject(999), &error));
        QVERIFY2(error.startsWith(QStringLiteral("writing batch 4 failed: ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("job 999 does not exist")), qPrintable(error));
        QCOMPARE(stores->reader()->counts().total(), qint64(0));
    }

    void dryRunCountsTheClassification()
    {
        BatchWriter writer(nullptr, nullptr, true);
        PreparedBatch b = twoRecordsAndAReject(0);
        b.newRecords = 1;
        b.changedRecords = 1;
        b.unchangedRecords = 5;
        QString error;
        auto r = writer.write(b, &error);
        QVERIFY(r);
        QCOMPARE(r->counts.inserted, qint64(1));
        QCOMPARE(r->counts.updated, qint64(1));
        QCOMPARE(r->counts.unchanged, qint64(5));
        QCOMPARE(r->counts.rejected, qint64(1));
        QVERIFY(!r->outcome.has_value());
    }
};

QTEST_GUILESS_MAIN(TestBatchWriter)
#include "tst_batch_writer.moc"
