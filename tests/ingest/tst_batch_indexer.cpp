// SPDX-License-Identifier: MIT
// The indexer stage: committed vectors into HNSW in commit order on a thread of its own, removals,
// edits that outdate a batch, the periodic save, and the writer held back when it lags.
#include "ingest/BatchIndexer.h"
#include "index/VectorIndex.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace kms;

namespace {
constexpr int kDim = 4;

std::vector<float> unit(int axis)
{
    std::vector<float> v(kDim, 0.0f);
    v[size_t(axis % kDim)] = 1.0f;
    v[size_t((axis + 1) % kDim)] = 0.1f * float(axis + 1);
    return v;
}

BatchOutcome outcome(qint64 seq, std::initializer_list<std::pair<qint64, int>> changes)
{
    BatchOutcome o;
    o.seq = seq;
    for (const auto &[id, axis] : changes)
        o.indexChanges.push_back({id, axis < 0 ? std::vector<float>{} : unit(axis)});
    return o;
}
} // namespace

class TestBatchIndexer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addsAndRemovesInCommitOrder()
    {
        VectorIndex index(kDim, QStringLiteral("test"), HnswParams{});
        BatchIndexer::Settings s;
        s.index = &index;
        BatchIndexer indexer(s);
        indexer.start();
        indexer.push(outcome(1, {{1, 0}, {2, 1}}));
        indexer.push(outcome(2, {{1, -1}, {3, 2}})); // record 1 lost its vector
        indexer.finish();
        QVERIFY(!index.contains(1));
        QVERIFY(index.contains(2));
        QVERIFY(index.contains(3));
        QCOMPARE(index.size(), qint64(2));
    }

    // A change already outdated by an edit is skipped; the others of the batch go in.
    void skipsChangesAnEditOutdated()
    {
        VectorIndex index(kDim, QStringLiteral("test"), HnswParams{});
        std::mutex gate;
        QList<QPair<qint64, qint64>> asked;
        BatchIndexer::Settings s;
        s.index = &index;
        s.gate = &gate;
        s.superseded = [&](qint64 id, qint64 seq) {
            asked.append({id, seq});
            return id == 2;
        };
        BatchIndexer indexer(s);
        indexer.apply(outcome(5, {{1, 0}, {2, 1}}));
        QVERIFY(index.contains(1));
        QVERIFY(!index.contains(2));
        QCOMPARE(asked, (QList<QPair<qint64, qint64>>{{1, 5}, {2, 5}}));
    }

    // Every change applied is reported with the gate held (the vector backlog notes them like edits).
    void reportsEveryAppliedChangeUnderTheGate()
    {
        VectorIndex index(kDim, QStringLiteral("test"), HnswParams{});
        std::mutex gate;
        QList<QPair<qint64, qint64>> applied;
        bool gateHeld = true;
        BatchIndexer::Settings s;
        s.index = &index;
        s.gate = &gate;
        s.superseded = [](qint64 id, qint64) { return id == 3; };
        s.applied = [&](qint64 id, qint64 seq) {
            applied.append({id, seq});
            // Asked from another thread: try_lock by the owning thread would be undefined.
            std::thread probe([&] {
                if (gate.try_lock()) {
                    gateHeld = false;
                    gate.unlock();
                }
            });
            probe.join();
        };
        BatchIndexer indexer(s);
        indexer.apply(outcome(7, {{1, 0}, {2, -1}, {3, 1}}));
        QCOMPARE(applied, (QList<QPair<qint64, qint64>>{{1, 7}, {2, 7}}));
        QVERIFY(gateHeld);
    }

    // With the interval passed, the index is saved at the batch's watermark.
    void savesAtTheBatchWatermark()
    {
        VectorIndex index(kDim, QStringLiteral("test"), HnswParams{});
        QList<qint64> saved;
        BatchIndexer::Settings s;
        s.index = &index;
        s.checkpointSeconds = 0;
        s.checkpoint = [&](qint64 watermark) { saved << watermark; };
        BatchIndexer indexer(s);
        QTest::qWait(5); // more than 0 s since the last save
        indexer.apply(outcome(9, {{1, 0}}));
        QCOMPARE(saved, (QList<qint64>{9}));
    }

    // A lagging index holds the writer back: push() waits while queueLimit batches are waiting.
    void aLaggingIndexHoldsTheWriterBack()
    {
        VectorIndex index(kDim, QStringLiteral("test"), HnswParams{});
        std::mutex gate;
        BatchIndexer::Settings s;
        s.index = &index;
        s.gate = &gate;
        s.queueLimit = 2;
        BatchIndexer indexer(s);
        std::unique_lock hold(gate); // the index is busy (an edit holds it)
        indexer.start();
        indexer.push(outcome(1, {{1, 0}}));
        QTest::qWait(20); // the indexer has taken batch 1 and waits at the gate
        indexer.push(outcome(2, {{2, 1}}));
        indexer.push(outcome(3, {{3, 2}}));
        std::atomic<bool> pushed{false};
        std::thread writer([&] {
            indexer.push(outcome(4, {{4, 3}}));
            pushed = true;
        });
        QTest::qWait(20);
        QVERIFY(!pushed.load());
        hold.unlock();
        writer.join();
        QVERIFY(pushed.load());
        indexer.finish();
        QCOMPARE(index.size(), qint64(4));
    }
};

QTEST_GUILESS_MAIN(TestBatchIndexer)
#include "tst_batch_indexer.moc"
