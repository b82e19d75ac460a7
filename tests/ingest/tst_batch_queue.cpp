// SPDX-License-Identifier: MIT
// The bounded queue between reader, workers and writer: read order out, backpressure in, and every
// wait ends on failure or cancel.
#include "ingest/BatchQueue.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace kms;

namespace {
PreparedBatch batch(qint64 sequence)
{
    PreparedBatch b;
    b.sequence = sequence;
    b.newRecords = sequence * 10;
    return b;
}
} // namespace

class TestBatchQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Workers finish in any order; the writer gets the batches in the order they were read.
    void handsBatchesOutInReadOrder()
    {
        BatchQueue q(4, nullptr);
        for (int i = 0; i < 3; ++i)
            QVERIFY(q.reserve());
        QCOMPARE(q.inFlight(), 3);
        q.put(batch(2));
        q.put(batch(0));
        q.put(batch(1));
        q.finishReading();
        for (qint64 expected = 0; expected < 3; ++expected) {
            auto b = q.takeNext();
            QVERIFY(b.has_value());
            QCOMPARE(b->sequence, expected);
            QCOMPARE(b->newRecords, expected * 10);
            q.committed();
        }
        QCOMPARE(q.inFlight(), 0);
        QVERIFY(!q.takeNext().has_value()); // reader done, nothing in flight: the end
        QVERIFY(!q.failed());
    }

    // The writer waits for the next batch in order even when a later one is ready.
    void writerWaitsForTheNextInOrder()
    {
        BatchQueue q(4, nullptr);
        QVERIFY(q.reserve());
        QVERIFY(q.reserve());
        q.put(batch(1));
        std::atomic<qint64> got{-1};
        std::thread writer([&] {
            if (auto b = q.takeNext())
                got = b->sequence;
        });
        QTest::qWait(20);
        QCOMPARE(got.load(), qint64(-1));
        q.put(batch(0));
        writer.join();
        QCOMPARE(got.load(), qint64(0));
    }

    // The reader waits while `capacity` batches are in flight, and goes on once one is committed.
    void reserveWaitsForAFreeSlot()
    {
        BatchQueue q(2, nullptr);
        QVERIFY(q.reserve());
        QVERIFY(q.reserve());
        std::atomic<bool> reserved{false};
        std::thread reader([&] { reserved = q.reserve(); });
        QTest::qWait(20);
        QVERIFY(!reserved.load());
        q.put(batch(0));
        QVERIFY(q.takeNext().has_value());
        q.committed();
        reader.join();
        QVERIFY(reserved.load());
        QCOMPARE(q.inFlight(), 2);
    }

    // A failure ends the reader's and the writer's waits; the first reason is kept.
    void failureEndsEveryWait()
    {
        BatchQueue q(1, nullptr);
        QVERIFY(q.reserve());
        std::atomic<int> reserveResult{-1};
        std::atomic<int> takeResult{-1};
        std::thread reader([&] { reserveResult = q.reserve() ? 1 : 0; });
        std::thread writer([&] { takeResult = q.takeNext().has_value() ? 1 : 0; });
        QTest::qWait(20);
        q.fail(QStringLiteral("writing batch 1 failed: disk full"));
        q.fail(QStringLiteral("a later problem"));
        reader.join();
        writer.join();
        QCOMPARE(reserveResult.load(), 0);
        QCOMPARE(takeResult.load(), 0);
        QVERIFY(q.failed());
        QCOMPARE(q.error(), QStringLiteral("writing batch 1 failed: disk full"));
    }

    // Cancel is the pipeline's flag; wake() makes the waits see it. Ready batches are dropped.
    void cancelEndsEveryWait()
    {
        std::atomic<bool> cancelled{false};
        BatchQueue q(1, &cancelled);
        QVERIFY(q.reserve());
        std::atomic<int> reserveResult{-1};
        std::thread reader([&] { reserveResult = q.reserve() ? 1 : 0; });
        QTest::qWait(20);
        cancelled = true;
        q.wake();
        reader.join();
        QCOMPARE(reserveResult.load(), 0);
        q.put(batch(0));
        QVERIFY(!q.takeNext().has_value());
        QVERIFY(!q.failed());
    }
};

QTEST_GUILESS_MAIN(TestBatchQueue)
#include "tst_batch_queue.moc"
