// SPDX-License-Identifier: MIT
// Vectors in 8 bits: what the store reads back, the older float32 and half-precision blobs still
// read, and converting them in resumable batches.
#include "StoreTestData.h"

#include "storage/Store.h"
#include "storage/StoreConnection.h"
#include "storage/VectorBlob.h"

#include "half/Half.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>

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

// Rewrites stored vectors in the form older versions wrote: float32, or half precision
// (2 bytes per dimension and a format byte 1).
QByteArray float32Blob(const std::vector<float> &v)
{
    return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size() * sizeof(float)));
}

QByteArray halfBlob(const std::vector<float> &v)
{
    QByteArray out(qsizetype(2 * v.size() + 1), '\x01');
    half::narrow(v, out.data());
    return out;
}

bool storeAs(Store &store, const QHash<quint64, std::vector<float>> &vectors,
             QByteArray (*form)(const std::vector<float> &))
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(connectionOf(store), "UPDATE embeddings SET vector = ?2 WHERE text_hash = ?1", -1, &stmt,
                           nullptr) != SQLITE_OK)
        return false;
    bool ok = true;
    for (auto it = vectors.cbegin(); it != vectors.cend(); ++it) {
        sqlite3_bind_int64(stmt, 1, qint64(it.key()));
        const QByteArray blob = form(it.value());
        sqlite3_bind_blob(stmt, 2, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
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
        // Unit vectors: a byte per dimension, every component within half a step of largest / 127.
        QRandomGenerator rng(11);
        std::vector<float> v(384);
        double norm = 0;
        for (float &x : v) {
            x = float(rng.generateDouble() * 2 - 1);
            norm += double(x) * x;
        }
        for (float &x : v)
            x = float(x / std::sqrt(norm));
        float largest = 0;
        for (const float x : v)
            largest = std::max(largest, std::abs(x));
        const QByteArray blob = vectorblob::encode(v);
        QCOMPARE(blob.size(), qsizetype(v.size() + 5));
        QCOMPARE(vectorblob::formOf(blob.constData(), int(blob.size())), vectorblob::Form::Int8);
        std::vector<float> scratch;
        const auto back = vectorblob::decode(blob.constData(), int(blob.size()), &scratch);
        QCOMPARE(back.size(), v.size());
        double dot = 0, norm2 = 0;
        for (size_t i = 0; i < v.size(); ++i) {
            QVERIFY(std::abs(back[i] - v[i]) <= largest / 127 / 2 * 1.001f);
            dot += double(back[i]) * v[i];
            norm2 += double(back[i]) * back[i];
        }
        QVERIFY(dot / std::sqrt(norm2) > 0.9999);

        // An odd dimension (padded to keep the length odd), large values, and all zeros.
        const std::vector<float> big{1.0f, 70000.0f, -3.0f};
        const QByteArray three = vectorblob::encode(big);
        QCOMPARE(three.size(), qsizetype(3 + 6));
        QCOMPARE(vectorblob::formOf(three.constData(), int(three.size())), vectorblob::Form::Int8);
        const auto bigBack = vectorblob::decode(three.constData(), int(three.size()), &scratch);
        QCOMPARE(bigBack.size(), size_t(3));
        QVERIFY(std::abs(bigBack[1] - 70000.0f) < 0.01f);
        QVERIFY(std::abs(bigBack[2] + 3.0f) <= 70000.0f / 127 / 2);
        const std::vector<float> zeros(4, 0.0f);
        const QByteArray none = vectorblob::encode(zeros);
        const auto zeroBack = vectorblob::decode(none.constData(), int(none.size()), &scratch);
        QCOMPARE(std::vector<float>(zeroBack.begin(), zeroBack.end()), zeros);

        // What is not finite stays float32, read back exactly and without a copy.
        const std::vector<float> odd{1.0f, std::numeric_limits<float>::infinity(), -3.0f};
        const QByteArray wide = vectorblob::encode(odd);
        QCOMPARE(wide.size(), qsizetype(3 * sizeof(float)));
        scratch.clear();
        const auto same = vectorblob::decode(wide.constData(), int(wide.size()), &scratch);
        QCOMPARE(std::vector<float>(same.begin(), same.end()), odd);
        QVERIFY(scratch.empty());
        QVERIFY(static_cast<const void *>(same.data()) == static_cast<const void *>(wide.constData()));
        QVERIFY(vectorblob::decode(nullptr, 0, &scratch).empty());

        // Half-precision blobs of the versions before are still read.
        const QByteArray older = halfBlob({1.0f, -2.0f, 0.5f});
        QCOMPARE(vectorblob::formOf(older.constData(), int(older.size())), vectorblob::Form::Half);
        const auto halfBack = vectorblob::decode(older.constData(), int(older.size()), &scratch);
        QCOMPARE(std::vector<float>(halfBack.begin(), halfBack.end()), (std::vector<float>{1.0f, -2.0f, 0.5f}));
    }

    // A store written by older versions: its float32 and half-precision vectors are read as they
    // are, converted in batches that a cancel stops and the next run continues, and read alike.
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
        QCOMPARE(scalar(*store, "SELECT count(*) FROM embeddings WHERE length(vector) = 13"), 23);
        const auto written = store->embeddings(hashes);
        QCOMPARE(written.size(), 23);
        for (quint64 h : std::as_const(hashes))
            QCOMPARE(written.value(h), vectorFor(h)); // exactly: the test vectors fit 8 bits

        // 20 as float32 (first versions), 3 in half precision (the versions between).
        QHash<quint64, std::vector<float>> asFloat32 = written, asHalf;
        for (int i = 0; i < 3; ++i)
            asHalf.insert(hashes[i], asFloat32.take(hashes[i]));
        QVERIFY(storeAs(*store, asFloat32, float32Blob));
        QVERIFY(storeAs(*store, asHalf, halfBlob));
        QCOMPARE(scalar(*store, "SELECT count(*) FROM embeddings WHERE length(vector) = 32"), 20);
        QCOMPARE(scalar(*store, "SELECT count(*) FROM embeddings WHERE length(vector) = 17"), 3);
        QCOMPARE(store->embeddings(hashes).value(hashes[5]), written.value(hashes[5]));

        // Stopped after the second batch of 5: 10 converted, kept.
        std::atomic<bool> cancel{false};
        QList<QPair<qint64, qint64>> steps;
        QCOMPARE(store->compactVectors(5, [&](qint64 done, qint64 total) {
            steps.append({done, total});
            if (done >= 10)
                cancel = true;
        }, &cancel), qint64(-2));
        QCOMPARE(steps, (QList<QPair<qint64, qint64>>{{0, 23}, {5, 23}, {10, 23}}));
        QCOMPARE(scalar(*store, "SELECT count(*) FROM embeddings WHERE length(vector) = 13"), 10);

        // The next run converts the other 13 and nothing twice.
        steps.clear();
        cancel = false;
        QCOMPARE(store->compactVectors(5, [&](qint64 done, qint64 total) { steps.append({done, total}); }, &cancel),
                 qint64(13));
        QCOMPARE(steps.first(), (QPair<qint64, qint64>{0, 13}));
        QCOMPARE(steps.last(), (QPair<qint64, qint64>{13, 13}));
        QCOMPARE(scalar(*store, "SELECT count(*) FROM embeddings WHERE length(vector) = 13"), 23);
        // Exactly what was written: the half-precision forms of these multiples of 1/127 round
        // back to the same bytes.
        QCOMPARE(store->embeddings(hashes), written);
        QCOMPARE(store->compactVectors(5, {}, nullptr), qint64(0));

        QVERIFY2(store->vacuum(), qPrintable(store->lastError()));
        QCOMPARE(store->embeddings(hashes), written);
        QCOMPARE(store->counts().embeddings, 23);
    }
};

QTEST_GUILESS_MAIN(TestStorageVectors)
#include "tst_storage_vectors.moc"
