// SPDX-License-Identifier: MIT
// Vectors in half precision: what the store reads back, and converting the float32 vectors of an
// existing store in resumable batches. The conversion itself is tested in tests/half.
#include "StoreTestData.h"

#include "storage/Store.h"
#include "storage/StoreConnection.h"
#include "storage/VectorBlob.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>

using namespace kms;
using namespace kms::test;

namespace {

qint64 scalar(Store &store, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(connectionOf(store), sql, -1, &stmt, nullptr) != SQLITE_OK)
        return -1;
    const qint64 v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    return v;
}

// Rewrites every stored vector as a float32 blob, as versions before half precision wrote them.
bool storeAsFloat32(Store &store, const QHash<quint64, std::vector<float>> &vectors)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(connectionOf(store), "UPDATE embeddings SET vector = ?2 WHERE text_hash = ?1", -1, &stmt,
                           nullptr) != SQLITE_OK)
        return false;
    bool ok = true;
    for (auto it = vectors.cbegin(); it != vectors.cend(); ++it) {
        sqlite3_bind_int64(stmt, 1, qint64(it.key()));
        sqlite3_bind_blob(stmt, 2, it.value().data(), int(it.value().size() * sizeof(float)), SQLITE_TRANSIENT);
        ok = ok && sqlite3_step(stmt) == SQLITE_DONE && sqlite3_changes(connectionOf(store)) == 1;
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return ok;
}

} // namespace

class TestStorageVectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blobs()
    {
        // Unit vectors: half the bytes, every component within half precision's step.
        QRandomGenerator rng(11);
        std::vector<float> v(384);
        double norm = 0;
        for (float &x : v) {
            x = float(rng.generateDouble() * 2 - 1);
            norm += double(x) * x;
        }
        for (float &x : v)
            x = float(x / std::sqrt(norm));
        const QByteArray blob = vectorblob::encode(v);
        QCOMPARE(blob.size(), qsizetype(2 * v.size() + 1));
        QVERIFY(vectorblob::isHalf(int(blob.size())));
        std::vector<float> scratch;
        const auto back = vectorblob::decode(blob.constData(), int(blob.size()), &scratch);
        QCOMPARE(back.size(), v.size());
        double dot = 0;
        for (size_t i = 0; i < v.size(); ++i) {
            QVERIFY(std::abs(back[i] - v[i]) <= std::abs(v[i]) / 2048 + 1e-7);
            dot += double(back[i]) * v[i];
        }
        QVERIFY(std::abs(dot - 1) < 1e-3);

        // What half precision cannot hold stays float32, read back exactly and without a copy.
        const std::vector<float> big{1.0f, 70000.0f, -3.0f};
        const QByteArray wide = vectorblob::encode(big);
        QCOMPARE(wide.size(), qsizetype(3 * sizeof(float)));
        scratch.clear();
        const auto same = vectorblob::decode(wide.constData(), int(wide.size()), &scratch);
        QCOMPARE(std::vector<float>(same.begin(), same.end()), big);
        QVERIFY(scratch.empty());
        QVERIFY(static_cast<const void *>(same.data()) == static_cast<const void *>(wide.constData()));
        QVERIFY(vectorblob::decode(nullptr, 0, &scratch).empty());
    }

    // A store written by an older version: its float32 vectors are read as they are, converted in
    // batches that a cancel stops and the next run continues, and read alike afterwards.
    void compactConvertsInResumableBatches()
    {
        QTemporaryDir dir;
        QString error;
        auto store = Store::open(dir.filePath(QStringLiteral("v.sqlite")), Store::Mode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->setActiveEmbedder(QStringLiteral("hash-8")));
        BatchWrite batch;
        QList<quint64> hashes;
        for (int i = 0; i < 23; ++i) {
            auto w = makeWrite(Collection::Cases, QStringLiteral("C-%1").arg(i), QStringLiteral("title %1").arg(i),
                               QStringLiteral("body %1").arg(i));
            hashes << w.textHash;
            batch.records.push_back(std::move(w));
        }
        QVERIFY2(store->writeBatch(batch), qPrintable(store->lastError()));
        QCOMPARE(scalar(*store, "SELECT count(*) FROM embeddings WHERE length(vector) = 17"), 23);
        const auto written = store->embeddings(hashes);
        QCOMPARE(written.size(), 23);
        for (quint64 h : std::as_const(hashes))
            QCOMPARE(written.value(h), vectorFor(h)); // exactly: the test vectors fit half precision

        QVERIFY(storeAsFloat32(*store, written));
        QCOMPARE(scalar(*store, "SELECT count(*) FROM embeddings WHERE length(vector) = 32"), 23);
        QCOMPARE(store->embeddings(hashes), written);

        // Stopped after the second batch of 5: 10 converted, kept.
        std::atomic<bool> cancel{false};
        QList<QPair<qint64, qint64>> steps;
        QCOMPARE(store->compactVectors(5, [&](qint64 done, qint64 total) {
            steps.append({done, total});
            if (done >= 10)
                cancel = true;
        }, &cancel), qint64(-2));
        QCOMPARE(steps, (QList<QPair<qint64, qint64>>{{0, 23}, {5, 23}, {10, 23}}));
        QCOMPARE(scalar(*store, "SELECT count(*) FROM embeddings WHERE length(vector) = 17"), 10);
        QCOMPARE(store->embeddings(hashes), written);

        // The next run converts the other 13 and nothing twice.
        steps.clear();
        cancel = false;
        QCOMPARE(store->compactVectors(5, [&](qint64 done, qint64 total) { steps.append({done, total}); }, &cancel),
                 qint64(13));
        QCOMPARE(steps.first(), (QPair<qint64, qint64>{0, 13}));
        QCOMPARE(steps.last(), (QPair<qint64, qint64>{13, 13}));
        QCOMPARE(scalar(*store, "SELECT count(*) FROM embeddings WHERE length(vector) = 17"), 23);
        QCOMPARE(store->embeddings(hashes), written);
        QCOMPARE(store->compactVectors(5, {}, nullptr), qint64(0));

        QVERIFY2(store->vacuum(), qPrintable(store->lastError()));
        QCOMPARE(store->embeddings(hashes), written);
        QCOMPARE(store->counts().embeddings, 23);
    }
};

QTEST_GUILESS_MAIN(TestStorageVectors)
#include "tst_storage_vectors.moc"
