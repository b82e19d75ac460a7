// SPDX-License-Identifier: MIT
// The worker stage: raw batches prepared on a thread pool, into the queue in any order, out of it
// in read order; a batch that throws fails the job with the reason.
#include "../TestData.h"

#include "embed/HashEmbedder.h"
#include "ingest/BatchQueue.h"
#include "ingest/BatchReader.h"
#include "ingest/PrepareWorkers.h"
#include "text/Normalizer.h"

#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

using namespace kms;

namespace {
// An embedder whose every call throws, as a broken one might.
class ThrowingEmbedder final : public Embedder
{
public:
    QString id() const override { return QStringLiteral("throwing"); }
    int dimension() const override { return 8; }
    Reads reads() const override { return Reads::Tokens; }
    EmbedBatchResult embedBatch(std::span<const EmbedInput>, std::span<float>, const std::atomic<bool> *) const override
    {
        throw std::runtime_error("the model ran out of memory");
    }
};

// Reads the file in batches of batchSize, each through the queue and the workers.
bool feed(const QString &file, int batchSize, BatchQueue &queue, PrepareWorkers &workers)
{
    BatchReader reader({{file}, std::nullopt, {}, 0, nullptr});
    QString error;
    if (!reader.open(&error))
        return false;
    BatchReader::Callbacks cb;
    cb.deliver = [&](RawBatch &&batch) {
        if (!queue.reserve())
            return false;
        workers.submit(std::move(batch));
        return true;
    };
    reader.read(batchSize, cb);
    queue.finishReading();
    return true;
}
} // namespace

class TestPrepareWorkers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void preparesEveryBatchInReadOrder()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 23));
        const Normalizer normalizer;
        const HashEmbedder embedder;
        RecordPreparer::Context pctx;
        pctx.normalizer = &normalizer;
        pctx.embedder = &embedder;
        pctx.skipExisting = true;
        const RecordPreparer preparer(pctx);
        BatchQueue queue(4, nullptr);
        PrepareWorkers workers(preparer, queue, {3, nullptr, true, nullptr});

        std::vector<PreparedBatch> out;
        std::thread writer([&] {
            while (auto b = queue.takeNext()) {
                out.push_back(std::move(*b));
                queue.committed();
            }
        });
        QVERIFY(feed(file, 5, queue, workers));
        workers.waitForDone();
        queue.wake();
        writer.join();

        QVERIFY(!queue.failed());
        QCOMPARE(out.size(), size_t(5));
        int external = 0;
        for (size_t i = 0; i < out.size(); ++i) {
            QCOMPARE(out[i].sequence, qint64(i));
            QCOMPARE(out[i].newRecords, qint64(out[i].write.records.size()));
            for (const RecordWrite &w : out[i].write.records) {
                QCOMPARE(w.record.externalId, QStringLiteral("CASE-%1").arg(external++));
                QCOMPARE(int(w.vector.size()), embedder.dimension());
                QVERIFY(!w.titleText.isEmpty());
            }
        }
        QCOMPARE(external, 23);
    }

    void aThrowingBatchFailsTheJob()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 6));
        const Normalizer normalizer;
        const ThrowingEmbedder embedder;
        RecordPreparer::Context pctx;
        pctx.normalizer = &normalizer;
        pctx.embedder = &embedder;
        pctx.skipExisting = true;
        const RecordPreparer preparer(pctx);
        BatchQueue queue(2, nullptr);
        PrepareWorkers workers(preparer, queue, {2, nullptr, true, nullptr});
        feed(file, 2, queue, workers);
        workers.waitForDone();
        QVERIFY(queue.failed());
        QVERIFY2(queue.error().startsWith(QStringLiteral("preparing a batch failed: ")), qPrintable(queue.error()));
        QVERIFY2(queue.error().contains(QStringLiteral("out of memory")), qPrintable(queue.error()));
        QVERIFY(!queue.takeNext().has_value());
    }
};

QTEST_GUILESS_MAIN(TestPrepareWorkers)
#include "tst_prepare_workers.moc"
