// SPDX-License-Identifier: MIT
#include "index/PayloadStream.h"
#include "index/IndexFile.h"
#include "index/CosineDistance.h"
#include "index/VectorIndex.h"
#include "half/Half.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <random>
#include <set>
#include <thread>
#include <vector>

using namespace kms;

namespace {

const QString kEmbedder = QStringLiteral("hash-v1");
// Where a one-segment index's graph starts in its payload (version 3): after the u32 segment count
// and the u64 size of the segment.
constexpr int kFirstGraph = 12;

// Points of a Gaussian mixture: unit-length centres plus isotropic noise of about `spread` length.
std::vector<float> mixture(size_t n, int dim, int centres, float spread, quint32 seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> c(size_t(centres) * size_t(dim));
    for (int i = 0; i < centres; ++i) {
        float norm = 0;
        for (int j = 0; j < dim; ++j) {
            float &v = c[size_t(i) * size_t(dim) + size_t(j)];
            v = normal(rng);
            norm += v * v;
        }
        for (int j = 0; j < dim; ++j)
            c[size_t(i) * size_t(dim) + size_t(j)] /= std::sqrt(norm);
    }
    std::uniform_int_distribution<int> pick(0, centres - 1);
    const float noise = spread / std::sqrt(float(dim));
    std::vector<float> out(n * size_t(dim));
    for (size_t i = 0; i < n; ++i) {
        const float *centre = c.data() + size_t(pick(rng)) * size_t(dim);
        for (int j = 0; j < dim; ++j)
            out[i * size_t(dim) + size_t(j)] = centre[j] + noise * normal(rng);
    }
    return out;
}

std::vector<float> randomVectors(size_t n, int dim, quint32 seed) { return mixture(n, dim, 1, 50.0f, seed); }

std::span<const float> row(const std::vector<float> &v, int dim, size_t i)
{
    return std::span<const float>(v).subspan(i * size_t(dim), size_t(dim));
}

std::vector<float> unit(std::vector<float> v)
{
    double norm = 0;
    for (float x : v)
        norm += double(x) * double(x);
    for (float &x : v)
        x = float(double(x) / std::sqrt(norm));
    return v;
}

std::vector<uint16_t> halves(std::span<const float> v)
{
    std::vector<uint16_t> out(v.size());
    half::narrow(v, out.data());
    return out;
}

std::vector<qint64> iota(size_t n, qint64 first = 0)
{
    std::vector<qint64> ids(n);
    for (size_t i = 0; i < n; ++i)
        ids[i] = first + qint64(i);
    return ids;
}

bool wellFormed(const QList<VectorHit> &hits)
{
    std::set<qint64> seen;
    for (qsizetype i = 0; i < hits.size(); ++i) {
        if (!seen.insert(hits[i].id).second)
            return false;
        if (i > 0 && hits[i].similarity > hits[i - 1].similarity + 1e-6f)
            return false;
    }
    return true;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Writes an index file with valid checksums around `payload`: what a hostile or foreign file that
// passes the envelope checks looks like.
bool writeWithPayload(const QString &path, const IndexFileHeader &header, const QByteArray &payload, QString *error)
{
    return writeIndexFile(path, header, quint64(payload.size()),
                          [&payload](PayloadSink &sink, QString *) { return sink.write(payload.constData(), payload.size()); },
                          error);
}

// The fields of a version 1 header (the layout is version 2's; IndexFile.h), which checkIndexFile
// does not parse for a file of another version.
IndexFileHeader oldHeader(const QByteArray &file)
{
    const char *p = file.constData();
    IndexFileHeader h;
    h.formatVersion = qFromLittleEndian<quint32>(p + 8);
    h.dimension = qFromLittleEndian<quint32>(p + 16);
    h.liveCount = qFromLittleEndian<quint64>(p + 20);
    h.elementCount = qFromLittleEndian<quint64>(p + 28);
    const quint32 idLength = qFromLittleEndian<quint32>(p + 36);
    h.embedderId = QString::fromUtf8(p + 40, qsizetype(idLength));
    const char *rest = p + 40 + idLength;
    h.watermark = qFromLittleEndian<qint64>(rest);
    h.params = HnswParams{int(qFromLittleEndian<quint32>(rest + 8)), int(qFromLittleEndian<quint32>(rest + 12)),
                          int(qFromLittleEndian<quint32>(rest + 16))};
    return h;
}

// The payload of a version 1 file (hnswlib's layout with float32 vectors) with each vector narrowed
// to half precision and the layout fields moved to match: what version 2 writes for the same graph.
// Offsets are those of HnswPayload.h's fixed part.
QByteArray halfPayload(const QByteArray &oldPayload, size_t dim, std::vector<float> *vectors = nullptr)
{
    const char *p = oldPayload.constData();
    const auto field = [p](int offset) { return size_t(qFromLittleEndian<quint64>(p + offset)); };
    const size_t count = field(16), oldSize = field(24), labelOffset = field(32), dataOffset = field(40);
    constexpr int kFixed = 96;
    const size_t newLabelOffset = dataOffset + 2 * dim, newSize = newLabelOffset + 8;
    QByteArray out = oldPayload.left(kFixed);
    qToLittleEndian<quint64>(quint64(newSize), out.data() + 24);
    qToLittleEndian<quint64>(quint64(newLabelOffset), out.data() + 32);
    std::vector<float> v(dim);
    std::vector<char> h(2 * dim);
    for (size_t i = 0; i < count; ++i) {
        const char *element = p + kFixed + i * oldSize;
        std::memcpy(v.data(), element + dataOffset, dim * sizeof(float));
        half::narrow(v, h.data());
        out.append(element, qsizetype(dataOffset));
        out.append(h.data(), qsizetype(h.size()));
        out.append(element + labelOffset, 8);
        if (vectors)
            vectors->insert(vectors->end(), v.begin(), v.end());
    }
    out.append(oldPayload.mid(qsizetype(kFixed + count * oldSize)));
    return out;
}

// A version 1 file at `from` rewritten as version 2 at `to`, keeping every other field.
bool convertToHalf(const QString &from, const QString &to, std::vector<float> *vectors = nullptr)
{
    const QByteArray old = readAll(from);
    if (old.size() < 16 || qFromLittleEndian<quint32>(old.constData() + 8) != 1)
        return false;
    IndexFileHeader header = oldHeader(old);
    header.formatVersion = 2; // one graph as the whole payload, which version 3 still reads
    const QByteArray payload = halfPayload(old.mid(qFromLittleEndian<quint32>(old.constData() + 12)),
                                           header.dimension, vectors);
    QString error;
    return writeWithPayload(to, header, payload, &error);
}

// The folder holds nothing but `expected` (no temp or partial files left behind).
QStringList leftovers(const QString &dir, const QStringList &expected)
{
    QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &e : expected)
        names.removeAll(e);
    return names;
}

} // namespace

class TestIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Every distance kernel this CPU runs agrees with the plain C++ reference for every length
    // (tails included), on random halves and on unit vectors as the index holds them.
    void distanceKernelsMatchReference()
    {
        std::mt19937 rng(5);
        std::uniform_real_distribution<float> u(-1.0f, 1.0f);
        const std::vector<DistanceKernel> kernels = availableHalfCosineDistances();
        QVERIFY(!kernels.empty());
        QCOMPARE(QByteArray(bestHalfCosineDistance().name), QByteArray(kernels.back().name));
        for (const DistanceKernel &kernel : kernels) {
            for (size_t dim : {1u, 3u, 4u, 7u, 8u, 9u, 15u, 16u, 17u, 24u, 31u, 64u, 255u, 256u, 300u, 384u}) {
                for (int round = 0; round < 20; ++round) {
                    std::vector<float> a(dim), b(dim);
                    for (size_t i = 0; i < dim; ++i) {
                        a[i] = u(rng);
                        b[i] = u(rng);
                    }
                    if (round % 2 == 1) { // unit length, as stored
                        a = unit(a);
                        b = unit(b);
                    }
                    const std::vector<uint16_t> ha = halves(a), hb = halves(b);
                    const float expected = halfCosineDistanceReference(ha.data(), hb.data(), &dim);
                    const float got = kernel.function(ha.data(), hb.data(), &dim);
                    // float sums of dim products, each within an ulp or so of the double one
                    QVERIFY2(std::abs(expected - got) <= 1e-6f * float(dim) + 1e-6f,
                             qPrintable(QStringLiteral("%1, dim %2: %3 vs %4").arg(QLatin1String(kernel.name))
                                            .arg(dim).arg(got).arg(expected)));
                }
            }
            // Identical unit vectors are at distance ~0, opposite ones at ~2.
            std::vector<float> v(256);
            for (float &x : v)
                x = u(rng);
            const std::vector<uint16_t> h = halves(unit(v));
            std::vector<uint16_t> minus(h);
            for (uint16_t &x : minus)
                x ^= 0x8000u;
            const size_t dim = 256;
            QVERIFY(std::abs(kernel.function(h.data(), h.data(), &dim)) < 1e-3f);
            QVERIFY(std::abs(kernel.function(h.data(), minus.data(), &dim) - 2.0f) < 1e-3f);
            qInfo("distance kernel %s agrees with the reference", kernel.name);
        }
    }

    void selfMatchIsTopOne_data()
    {
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("count");
        QTest::newRow("d8 x 60") << 8 << 60;
        QTest::newRow("d64 x 800") << 64 << 800;
        QTest::newRow("d256 x 400") << 256 << 400;
    }
    void selfMatchIsTopOne()
    {
        QFETCH(int, dim);
        QFETCH(int, count);
        const auto data = randomVectors(size_t(count), dim, 7);
        VectorIndex index(dim, kEmbedder, HnswParams{});
        for (int i = 0; i < count; ++i) {
            QString error;
            QVERIFY2(index.add(1000 + i, row(data, dim, size_t(i)), &error), qPrintable(error));
        }
        QCOMPARE(index.size(), qint64(count));
        for (int i = 0; i < count; ++i) {
            const auto hits = index.search(row(data, dim, size_t(i)), 3);
            QVERIFY(!hits.isEmpty());
            QCOMPARE(hits.first().id, qint64(1000 + i));
            QVERIFY(std::abs(hits.first().similarity - 1.0f) < 1e-3f); // half precision
            QVERIFY(wellFormed(hits));
        }
    }

    void shortListWhenKExceedsSize()
    {
        const int dim = 16;
        const auto data = randomVectors(5, dim, 11);
        VectorIndex index(dim, kEmbedder, HnswParams{});
        QVERIFY(index.addBatch(iota(5), data, 2));
        QString error;
        auto hits = index.search(row(data, dim, 0), 10, 0, &error);
        QCOMPARE(hits.size(), 5);
        QVERIFY(error.isEmpty());
        QVERIFY(wellFormed(hits));
        hits = index.search(row(data, dim, 0), 1000000, 2);
        QCOMPARE(hits.size(), 5);
        QVERIFY(index.remove(1));
        QVERIFY(index.remove(3));
        hits = index.search(row(data, dim, 0), 10);
        QCOMPARE(hits.size(), 3);
        for (const auto &h : hits)
            QVERIFY(h.id != 1 && h.id != 3);
    }

    void zeroKAndEmptyIndex()
    {
        const int dim = 16;
        const auto data = randomVectors(3, dim, 12);
        VectorIndex index(dim, kEmbedder, HnswParams{}, 4);
        QCOMPARE(index.size(), qint64(0));
        QString error;
        QVERIFY(index.search(row(data, dim, 0), 10, 0, &error).isEmpty());
        QVERIFY(error.isEmpty());
        QVERIFY(!index.contains(0));
        QVERIFY(!index.remove(0));
        QVERIFY(index.addBatch({}, {}, 2)); // an empty batch is fine
        QVERIFY(index.add(0, row(data, dim, 0)));
        QVERIFY(index.search(row(data, dim, 0), 0).isEmpty());
        QVERIFY(index.search(row(data, dim, 0), -3).isEmpty());
        QCOMPARE(index.search(row(data, dim, 1), 1).size(), 1);
        QVERIFY(index.remove(0));
        QVERIFY(index.search(row(data, dim, 0), 5).isEmpty()); // only a deleted vector left
        QCOMPARE(index.size(), qint64(0));
    }

    void refusesUnusableVectors_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<float>("fill"); // value of every component
        QTest::addColumn<QString>("expected");
        QTest::newRow("too short") << 15 << 1.0f << "has 15 values, the index expects 16";
        QTest::newRow("too long") << 17 << 1.0f << "has 17 values, the index expects 16";
        QTest::newRow("empty") << 0 << 1.0f << "has 0 values";
        QTest::newRow("zero") << 16 << 0.0f << "zero length";
        QTest::newRow("nan") << 16 << std::nanf("") << "non-finite";
        QTest::newRow("inf") << 16 << INFINITY << "non-finite";
    }
    void refusesUnusableVectors()
    {
        QFETCH(int, length);
        QFETCH(float, fill);
        QFETCH(QString, expected);
        const int dim = 16;
        const auto good = randomVectors(2, dim, 13);
        VectorIndex index(dim, kEmbedder, HnswParams{});
        QVERIFY(index.add(1, row(good, dim, 0)));
        const std::vector<float> bad(size_t(length), fill);
        QString error;
        QVERIFY(!index.add(42, bad, &error));
        QVERIFY2(error.contains(expected) && error.contains(QLatin1String("id 42")), qPrintable(error));
        QVERIFY(!index.contains(42));

        // A batch with one bad vector adds nothing at all.
        if (length == dim) {
            std::vector<float> batch(good);
            batch.insert(batch.end(), bad.begin(), bad.end());
            error.clear();
            QVERIFY(!index.addBatch(std::vector<qint64>{7, 8, 9}, batch, 2, &error));
            QVERIFY2(error.contains(QLatin1String("id 9")), qPrintable(error));
            QVERIFY(!index.contains(7));
        } else {
            error.clear();
            QVERIFY(!index.addBatch(std::vector<qint64>{7, 8}, std::vector<float>(size_t(dim + length)), 2, &error));
            QVERIFY2(error.contains(QLatin1String("values for 2 ids")), qPrintable(error));
        }
        error.clear();
        QVERIFY(index.search(bad, 5, 0, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("query vector")), qPrintable(error));
        QCOMPARE(index.size(), qint64(1));
    }

    void removeThenReAdd()
    {
        const int dim = 24;
        const auto data = randomVectors(200, dim, 14);
        VectorIndex index(dim, kEmbedder, HnswParams{});
        QVERIFY(index.addBatch(iota(200), data, 1));
        QVERIFY(index.remove(7));
        QVERIFY(!index.contains(7));
        QVERIFY(!index.remove(7));      // already removed
        QVERIFY(!index.remove(123456)); // never there
        QCOMPARE(index.size(), qint64(199));
        for (const auto &h : index.search(row(data, dim, 7), 50, 100))
            QVERIFY(h.id != 7);
        QVERIFY(index.add(7, row(data, dim, 7)));
        QVERIFY(index.contains(7));
        QCOMPARE(index.size(), qint64(200));
        QCOMPARE(index.search(row(data, dim, 7), 1).first().id, qint64(7));
        // Replacing a live vector keeps the count and moves the label.
        QVERIFY(index.add(8, row(data, dim, 9)));
        QCOMPARE(index.size(), qint64(200));
        const auto hits = index.search(row(data, dim, 9), 2);
        QCOMPARE(hits.size(), 2);
        QVERIFY(hits[0].similarity > 0.999f && hits[1].similarity > 0.999f); // half precision
        // Removed again and revived through a batch, with a repeat whose last vector wins.
        QVERIFY(index.remove(7));
        std::vector<float> batch;
        for (size_t i : {size_t(3), size_t(100), size_t(7)})
            batch.insert(batch.end(), row(data, dim, i).begin(), row(data, dim, i).end());
        QVERIFY(index.addBatch(std::vector<qint64>{7, 500, 500}, batch, 2));
        QVERIFY(index.contains(7) && index.contains(500));
        QCOMPARE(index.size(), qint64(201));
        const auto top = index.search(row(data, dim, 7), 1);
        QCOMPARE(top.first().id, qint64(500)); // 500's last vector is data[7]
        const auto both = index.search(row(data, dim, 3), 2);
        QCOMPARE(both.size(), 2);
        QCOMPARE(std::set<qint64>({both[0].id, both[1].id}), std::set<qint64>({3, 7})); // 7 holds data[3] now
    }

    // What the benchmark's recall reference reads: each live vector once, normalised, in half
    // precision, under its id; a removed one is left out.
    void forEachVectorGivesTheLiveVectors()
    {
        const int dim = 16;
        const auto data = randomVectors(50, dim, 21);
        VectorIndex index(dim, kEmbedder, HnswParams{});
        QVERIFY(index.addBatch(iota(50), data, 1));
        QVERIFY(index.remove(4));
        std::set<qint64> seen;
        index.forEachVector([&](qint64 id, std::span<const float> v) {
            seen.insert(id);
            const auto original = row(data, dim, size_t(id));
            double norm = 0, dot = 0, n2 = 0;
            for (int d = 0; d < dim; ++d) {
                norm += double(original[size_t(d)]) * original[size_t(d)];
                dot += double(original[size_t(d)]) * v[size_t(d)];
                n2 += double(v[size_t(d)]) * v[size_t(d)];
            }
            const double cosine = dot / std::sqrt(norm);
            if (v.size() != size_t(dim) || std::abs(n2 - 1) > 1e-3 || cosine < 0.999)
                seen.insert(-id - 1); // makes the set differ below
            return true;
        });
        std::set<qint64> expected;
        for (qint64 id = 0; id < 50; ++id)
            if (id != 4)
                expected.insert(id);
        QCOMPARE(seen, expected);
        int calls = 0;
        index.forEachVector([&](qint64, std::span<const float>) { return ++calls < 3; });
        QCOMPARE(calls, 3);
    }

    // searchAmong scores exactly the given labels the index holds live, wherever they sit: across
    // segments, given out of order, moved by an update, removed, never added.
    void searchAmongScoresTheGivenLabelsExactly()
    {
        const int dim = 16;
        const auto data = randomVectors(700, dim, 41);
        VectorIndex index(dim, kEmbedder, HnswParams{}, 10);
        index.setSegmentSize(100);
        QVERIFY(index.addBatch(iota(500), std::span<const float>(data).first(500 * size_t(dim)), 2));
        QVERIFY(index.add(21, row(data, dim, 650))); // moved to the last segment
        QVERIFY(index.remove(150));
        QVERIFY(index.segmentCount() >= 5);

        std::vector<qint64> labels;
        for (qint64 id = 0; id < 600; id += 3)
            labels.push_back(id); // 150 is removed, 501..599 were never added
        std::reverse(labels.begin() + 40, labels.end());
        const std::set<qint64> given(labels.begin(), labels.end());

        const auto query = row(data, dim, 690);
        // Reference: the index's own vectors of the live given labels against the query as the
        // index rounds it, in double.
        const auto q = unit(std::vector<float>(query.begin(), query.end()));
        std::vector<float> roundedQuery(q.size());
        half::widen(halves(q).data(), q.size(), roundedQuery.data());
        std::vector<std::pair<double, qint64>> reference;
        index.forEachVector([&](qint64 id, std::span<const float> v) {
            if (given.count(id)) {
                double dot = 0;
                for (int d = 0; d < dim; ++d)
                    dot += double(v[size_t(d)]) * roundedQuery[size_t(d)];
                reference.emplace_back(-dot, id);
            }
            return true;
        });
        std::sort(reference.begin(), reference.end());
        QCOMPARE(reference.size(), size_t(166)); // 200 given: 167 added, one of them removed
        QString error;
        const QList<VectorHit> top = index.searchAmong(query, labels, 25, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(top.size(), 25);
        QVERIFY(wellFormed(top));
        for (qsizetype i = 0; i < top.size(); ++i) {
            QCOMPARE(top[i].id, reference[size_t(i)].second);
            QVERIFY(std::abs(double(top[i].similarity) + reference[size_t(i)].first) < 1e-3);
        }
        // Asked for more than there are: every live given label, once.
        const QList<VectorHit> all = index.searchAmong(query, labels, 1000, &error);
        QCOMPARE(size_t(all.size()), reference.size());
        QVERIFY(wellFormed(all));
        for (const VectorHit &h : all)
            QVERIFY(h.id != 150 && h.id < 500);
        // Label 21 is scored with its new vector: its own query finds it first.
        QCOMPARE(index.searchAmong(row(data, dim, 650), labels, 1).first().id, qint64(21));

        QVERIFY(index.searchAmong(query, {}, 10, &error).isEmpty());
        QVERIFY(index.searchAmong(query, labels, 0, &error).isEmpty());
        const std::vector<float> shortQuery(size_t(dim - 1), 1.0f);
        error.clear();
        QVERIFY(index.searchAmong(shortQuery, labels, 10, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void growsPastInitialCapacity()
    {
        const int dim = 16;
        const auto data = randomVectors(1500, dim, 15);
        VectorIndex index(dim, kEmbedder, HnswParams{}, 10);
        QCOMPARE(index.capacity(), size_t(10));
        for (size_t i = 0; i < 500; ++i)
            QVERIFY(index.add(qint64(i), row(data, dim, i)));
        QVERIFY(index.capacity() >= 500);
        const std::vector<qint64> ids = iota(1000, 500);
        QVERIFY(index.addBatch(ids, std::span<const float>(data).subspan(500 * size_t(dim)), 2));
        QVERIFY(index.capacity() >= 1500);
        QCOMPARE(index.size(), qint64(1500));
        for (size_t i = 0; i < 1500; i += 7)
            QCOMPARE(index.search(row(data, dim, i), 1).first().id, qint64(i));
    }

    // Small segments: vectors spread over several graphs, each still found, removed, updated and
    // revived in its own graph, and the whole survives a save and a load.
    void segmentsHoldTheVectorsBetweenThem()
    {
        const int dim = 16;
        const auto data = randomVectors(700, dim, 31);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vectors.kidx"));
        VectorIndex index(dim, kEmbedder, HnswParams{}, 10);
        index.setSegmentSize(100);
        QCOMPARE(index.segmentCount(), 1);
        // 50 one at a time, then a batch that crosses three segment boundaries, with a repeat of
        // an id first seen in the same batch (the last vector wins).
        for (size_t i = 0; i < 50; ++i)
            QVERIFY(index.add(qint64(i), row(data, dim, i)));
        std::vector<qint64> ids = iota(300, 50);
        std::vector<float> vectors(data.begin() + 50 * dim, data.begin() + 350 * dim);
        ids.push_back(120);
        vectors.insert(vectors.end(), data.begin() + 650 * dim, data.begin() + 651 * dim);
        QString error;
        QVERIFY2(index.addBatch(ids, vectors, 2, &error), qPrintable(error));
        QCOMPARE(index.segmentCount(), 4);
        QCOMPARE(index.size(), qint64(350));
        QVERIFY(index.capacity() >= 350);
        for (size_t i = 0; i < 350; ++i) {
            const size_t source = i == 120 ? 650 : i;
            const auto hits = index.search(row(data, dim, source), 5);
            QCOMPARE(hits.size(), 5);
            QVERIFY(wellFormed(hits));
            QCOMPARE(hits.first().id, qint64(i));
        }

        // Remove from the first and a middle segment, update one in the first, revive one.
        QVERIFY(index.remove(7));
        QVERIFY(index.remove(150));
        QVERIFY(!index.remove(150));
        QVERIFY(!index.contains(7));
        QCOMPARE(index.size(), qint64(348));
        QVERIFY(index.add(20, row(data, dim, 660)));
        QVERIFY(index.add(150, row(data, dim, 661)));
        QCOMPARE(index.size(), qint64(349));
        QCOMPARE(index.segmentCount(), 4); // both went into the last segment, which had room
        QCOMPARE(index.search(row(data, dim, 660), 1).first().id, qint64(20));
        QCOMPARE(index.search(row(data, dim, 661), 1).first().id, qint64(150));
        for (const VectorHit &hit : index.search(row(data, dim, 7), 50))
            QVERIFY(hit.id != 7);
        std::set<qint64> listed;
        index.forEachVector([&](qint64 id, std::span<const float>) { return listed.insert(id).second; });
        QCOMPARE(listed.size(), size_t(349));
        QVERIFY(!listed.count(7));

        QVERIFY2(index.save(path, 5, &error), qPrintable(error));
        auto loaded = VectorIndex::load(path, dim, kEmbedder, HnswParams{});
        QVERIFY2(loaded.status == IndexLoadStatus::Loaded, qPrintable(loaded.message));
        VectorIndex &again = *loaded.index;
        again.setSegmentSize(100);
        QCOMPARE(again.segmentCount(), 4);
        QCOMPARE(again.size(), qint64(349));
        QVERIFY(!again.contains(7));
        for (size_t i = 0; i < 350; i += 3) {
            if (i == 7 || i == 20 || i == 120 || i == 150)
                continue;
            QCOMPARE(again.search(row(data, dim, i), 1).first().id, qint64(i));
        }
        // The last segment (50 of 100) fills up, then a fifth starts.
        QVERIFY(again.addBatch(iota(300, 350), std::span<const float>(data).subspan(350 * size_t(dim), 300 * size_t(dim)), 2));
        QCOMPARE(again.segmentCount(), 7);
        QCOMPARE(again.size(), qint64(649));
        for (size_t i = 350; i < 650; i += 5)
            QCOMPARE(again.search(row(data, dim, i), 1).first().id, qint64(i));
    }

    // A vector rewritten far from where it was must be found again: an update in an older segment
    // is a new element of the last one (hnswlib's in-place update lost 7 of 20 rewritten records
    // in a graph of a million; it finds these at this size, so what this checks is the move:
    // found, listed once, counted once).
    void rewrittenVectorsAreFoundAgain()
    {
        // One thread throughout: the graphs, and so the outcome, are the same on every run.
        const int dim = 16;
        const size_t n = 30000, rewritten = 1000;
        const auto data = mixture(n + rewritten, dim, 400, 0.2f, 43);
        VectorIndex index(dim, kEmbedder, HnswParams{});
        index.setSegmentSize(15000);
        QVERIFY(index.addBatch(iota(n), std::span<const float>(data).first(n * size_t(dim)), 1));
        QCOMPARE(index.segmentCount(), 2);
        // Ids 0, 10, 20, ... of the first segment get the vectors of other points.
        std::vector<qint64> ids;
        for (size_t i = 0; i < rewritten; ++i)
            ids.push_back(qint64(i * 10));
        QVERIFY(index.addBatch(ids, std::span<const float>(data).subspan(n * size_t(dim)), 1));
        QCOMPARE(index.size(), qint64(n));
        QCOMPARE(index.segmentCount(), 3);
        int found = 0;
        for (size_t i = 0; i < rewritten; ++i) {
            const auto hits = index.search(row(data, dim, n + i), 1);
            found += !hits.isEmpty() && hits.first().id == ids[i] ? 1 : 0;
        }
        QCOMPARE(found, int(rewritten));
        int listed = 0;
        index.forEachVector([&](qint64 id, std::span<const float>) {
            listed += id % 10 == 0 && id < qint64(rewritten * 10) ? 1 : 0;
            return true;
        });
        QCOMPARE(listed, int(rewritten)); // each once, in its new place
    }

    // Past eight segments the next one may hold an eighth of those before it, so that the number of
    // graphs a search visits grows slowly with the index.
    void segmentsGrowWithTheIndex()
    {
        const int dim = 8;
        const size_t n = 3000;
        const auto data = randomVectors(n, dim, 37);
        VectorIndex index(dim, kEmbedder, HnswParams{});
        index.setSegmentSize(100);
        QVERIFY(index.addBatch(iota(n), data, 2));
        int expected = 0;
        for (size_t held = 0; held < n; ++expected)
            held += std::max<size_t>(100, held / 8);
        QCOMPARE(index.segmentCount(), expected);
        QVERIFY(expected < int(n / 100));
        QCOMPARE(index.size(), qint64(n));
    }

    // A version 3 payload whose segment count or sizes do not add up is refused, saying which.
    void refusesSegmentsThatDoNotFit_data()
    {
        QTest::addColumn<quint32>("count");
        QTest::addColumn<qint64>("sizeChange"); // added to the first segment's size
        QTest::addColumn<QString>("message");
        QTest::newRow("no segments") << quint32(0) << qint64(0) << QStringLiteral("claims 0 segments");
        QTest::newRow("more segments than bytes") << quint32(1u << 30) << qint64(0) << QStringLiteral("segments in");
        QTest::newRow("second segment missing") << quint32(2) << qint64(0) << QStringLiteral("segment 2 of 2 does not fit");
        QTest::newRow("segment past the end") << quint32(1) << qint64(1) << QStringLiteral("segment 1 of 1 does not fit");
        QTest::newRow("segment shorter than its graph") << quint32(1) << qint64(-1) << QStringLiteral("segment 1 of 1:");
    }

    void refusesSegmentsThatDoNotFit()
    {
        QFETCH(quint32, count);
        QFETCH(qint64, sizeChange);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vectors.kidx"));
        const auto data = randomVectors(40, 8, 41);
        {
            VectorIndex index(8, kEmbedder, HnswParams{});
            QVERIFY(index.addBatch(iota(40), data, 1));
            QVERIFY(index.save(path, 2, nullptr));
        }
        const IndexFileHeader header = checkIndexFile(path, 8, kEmbedder).header;
        QCOMPARE(header.formatVersion, kIndexFormatVersion);
        const QByteArray bytes = readAll(path);
        QByteArray payload = bytes.mid(qFromLittleEndian<quint32>(bytes.constData() + 12));
        QCOMPARE(qFromLittleEndian<quint32>(payload.constData()), quint32(1));
        qToLittleEndian<quint32>(count, payload.data());
        const quint64 size = qFromLittleEndian<quint64>(payload.constData() + 4);
        qToLittleEndian<quint64>(quint64(qint64(size) + sizeChange), payload.data() + 4);
        if (sizeChange < 0)
            payload.append('\0'); // the byte the segment no longer covers follows it
        QString error;
        QVERIFY2(writeWithPayload(path, header, payload, &error), qPrintable(error));
        const auto loaded = VectorIndex::load(path, 8, kEmbedder, HnswParams{});
        QVERIFY2(loaded.status == IndexLoadStatus::Corrupt,
                 qPrintable(indexLoadStatusName(loaded.status) + QStringLiteral(": ") + loaded.message));
        QVERIFY2(loaded.message.contains(message), qPrintable(loaded.message));
    }

    void addBatchOnTwoThreads()
    {
        const int dim = 32;
        const size_t n = 3000;
        const auto data = randomVectors(n, dim, 16);
        VectorIndex one(dim, kEmbedder, HnswParams{});
        VectorIndex two(dim, kEmbedder, HnswParams{});
        QString error;
        QVERIFY2(one.addBatch(iota(n), data, 1, &error), qPrintable(error));
        QVERIFY2(two.addBatch(iota(n), data, 2, &error), qPrintable(error));
        QCOMPARE(two.size(), one.size());
        QCOMPARE(two.size(), qint64(n));
        for (size_t i = 0; i < n; ++i) {
            QVERIFY(two.contains(qint64(i)));
            const auto hits = two.search(row(data, dim, i), 1);
            QCOMPARE(hits.size(), 1);
            QCOMPARE(hits.first().id, qint64(i));
        }
    }

    void saveLoadRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("vectors.kidx"));
        const int dim = 48;
        const size_t n = 2000;
        const auto data = mixture(n, dim, 20, 0.6f, 17);
        HnswParams params{12, 80, 50};
        VectorIndex index(dim, kEmbedder, params);
        QVERIFY(index.addBatch(iota(n), data, 2));
        for (qint64 id = 0; id < 2000; id += 20)
            QVERIFY(index.remove(id));
        QString error;
        QVERIFY2(index.save(path, 12345, &error), qPrintable(error));
        QCOMPARE(leftovers(dir.path(), {QStringLiteral("vectors.kidx")}), QStringList());

        const auto checked = VectorIndex::verify(path, dim, kEmbedder);
        QCOMPARE(checked.status, IndexLoadStatus::Loaded);
        QCOMPARE(checked.watermark, qint64(12345));
        QVERIFY(!checked.index);

        auto loaded = VectorIndex::load(path, dim, kEmbedder, HnswParams{16, 100, 70});
        QVERIFY2(loaded.status == IndexLoadStatus::Loaded, qPrintable(loaded.message));
        QVERIFY(loaded.index);
        QCOMPARE(leftovers(dir.path(), {QStringLiteral("vectors.kidx")}), QStringList());
        VectorIndex &copy = *loaded.index;
        QCOMPARE(loaded.watermark, qint64(12345));
        QCOMPARE(copy.size(), index.size());
        QCOMPARE(copy.size(), qint64(1900));
        QCOMPARE(copy.params(), (HnswParams{12, 80, 70})); // graph parameters from the file
        QCOMPARE(copy.dimension(), dim);
        QCOMPARE(copy.embedderId(), kEmbedder);
        for (qint64 id = 0; id < 2000; ++id)
            QCOMPARE(copy.contains(id), id % 20 != 0);
        for (size_t q = 0; q < n; q += 37) {
            const auto a = index.search(row(data, dim, q), 10, 50);
            const auto b = copy.search(row(data, dim, q), 10, 50);
            QCOMPARE(b.size(), a.size());
            for (qsizetype i = 0; i < a.size(); ++i) {
                QCOMPARE(b[i].id, a[i].id);
                QCOMPARE(b[i].similarity, a[i].similarity);
                QVERIFY(b[i].id % 20 != 0);
            }
        }
        // The loaded index keeps working: revive a deleted label, grow, save again.
        QVERIFY(copy.add(40, row(data, dim, 40)));
        const auto more = mixture(3000, dim, 20, 0.6f, 18);
        QVERIFY(copy.addBatch(iota(3000, 10000), more, 2));
        QCOMPARE(copy.size(), qint64(1900 + 1 + 3000));
        QVERIFY(copy.save(path, 99, &error));
        auto again = VectorIndex::load(path, dim, kEmbedder, HnswParams{});
        QCOMPARE(again.status, IndexLoadStatus::Loaded);
        QCOMPARE(again.index->size(), qint64(4901));
        QCOMPARE(again.watermark, qint64(99));
        QVERIFY(again.index->contains(40) && !again.index->contains(60));
    }

    void loadRejectsBadFiles_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<qint64>("where"); // meaning depends on the damage
        QTest::addColumn<int>("expected");
        const int truncated = int(IndexLoadStatus::Truncated);
        const int corrupt = int(IndexLoadStatus::Corrupt);
        QTest::newRow("missing") << "missing" << qint64(0) << int(IndexLoadStatus::Missing);
        QTest::newRow("empty file") << "cut" << qint64(0) << truncated;
        QTest::newRow("cut in magic") << "cut" << qint64(5) << truncated;
        QTest::newRow("cut in version") << "cut" << qint64(10) << truncated;
        QTest::newRow("cut in embedder id") << "cut" << qint64(40) << truncated;
        QTest::newRow("cut before header checksum") << "cut" << qint64(-1) << truncated; // header end - 1
        QTest::newRow("cut at payload start") << "cut" << qint64(-2) << truncated;
        QTest::newRow("cut mid payload") << "cut" << qint64(-3) << truncated;
        QTest::newRow("cut last byte") << "cut" << qint64(-4) << truncated;
        QTest::newRow("flip magic") << "flip" << qint64(0) << corrupt;
        QTest::newRow("flip dimension") << "flip" << qint64(16) << corrupt;
        QTest::newRow("flip live count") << "flip" << qint64(21) << corrupt;
        QTest::newRow("flip embedder length") << "flip" << qint64(38) << corrupt;
        QTest::newRow("flip embedder id") << "flip" << qint64(41) << corrupt;
        QTest::newRow("flip header size") << "flip" << qint64(13) << corrupt;
        QTest::newRow("flip header checksum") << "flip" << qint64(-1) << corrupt;
        QTest::newRow("flip payload start") << "flip" << qint64(-2) << corrupt;
        QTest::newRow("flip mid payload") << "flip" << qint64(-3) << corrupt;
        QTest::newRow("flip last byte") << "flip" << qint64(-4) << corrupt;
        QTest::newRow("trailing garbage") << "append" << qint64(3) << corrupt;
        QTest::newRow("not an index") << "text" << qint64(0) << corrupt;
        QTest::newRow("foreign embedder") << "embedder" << qint64(0) << int(IndexLoadStatus::Foreign);
        QTest::newRow("foreign dimension") << "dimension" << qint64(0) << int(IndexLoadStatus::Foreign);
        QTest::newRow("older version") << "version" << qint64(1) << int(IndexLoadStatus::VersionMismatch);
        QTest::newRow("newer version") << "version" << qint64(kIndexFormatVersion + 1) << int(IndexLoadStatus::VersionMismatch);
        QTest::newRow("checksummed junk payload") << "junk" << qint64(0) << corrupt;
    }
    void loadRejectsBadFiles()
    {
        QFETCH(QString, damage);
        QFETCH(qint64, where);
        QFETCH(int, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("vectors.kidx"));
        const int dim = 16;
        {
            const QString embedder = damage == QLatin1String("embedder") ? QStringLiteral("minilm-v2") : kEmbedder;
            const int builtDim = damage == QLatin1String("dimension") ? dim * 2 : dim;
            const auto built = randomVectors(300, builtDim, 19);
            VectorIndex index(builtDim, embedder, HnswParams{});
            QVERIFY(index.addBatch(iota(300), built, 2));
            QVERIFY(index.remove(5));
            QString error;
            QVERIFY2(index.save(path, 77, &error), qPrintable(error));
        }
        QByteArray bytes = readAll(path);
        const qint64 headerSize = qFromLittleEndian<quint32>(bytes.constData() + 12);
        const qint64 size = bytes.size();
        const qint64 positions[] = {headerSize - 1, headerSize, headerSize + (size - headerSize) / 2, size - 1};
        const qint64 at = where < 0 ? positions[-where - 1] : where;
        if (damage == QLatin1String("missing")) {
            QFile::remove(path);
        } else if (damage == QLatin1String("cut")) {
            writeAll(path, bytes.left(at));
        } else if (damage == QLatin1String("flip")) {
            bytes[at] = char(bytes[at] ^ 0x10);
            writeAll(path, bytes);
        } else if (damage == QLatin1String("append")) {
            writeAll(path, bytes + QByteArray(int(where), 'x'));
        } else if (damage == QLatin1String("text")) {
            writeAll(path, QByteArrayLiteral("id,title\n1,printer jams on tray 2\n"));
        } else if (damage == QLatin1String("version") || damage == QLatin1String("junk")) {
            // A well-formed header with valid checksums around it, as another build would write.
            IndexFileHeader h;
            h.formatVersion = damage == QLatin1String("version") ? quint32(where) : kIndexFormatVersion;
            h.dimension = quint32(dim);
            h.liveCount = 299;
            h.elementCount = 300;
            h.embedderId = kEmbedder;
            h.watermark = 77;
            QByteArray payload = bytes.mid(headerSize);
            if (damage == QLatin1String("junk"))
                payload = QByteArray(int(payload.size()), '\x7f');
            QString error;
            QVERIFY2(writeWithPayload(path, h, payload, &error), qPrintable(error));
            if (damage == QLatin1String("version")) {
                const QByteArray forged = readAll(path);
                QCOMPARE(qFromLittleEndian<quint32>(forged.constData() + 8), quint32(where));
            }
        }

        const auto loaded = VectorIndex::load(path, dim, kEmbedder, HnswParams{});
        QVERIFY2(int(loaded.status) == expected,
                 qPrintable(indexLoadStatusName(loaded.status) + QStringLiteral(": ") + loaded.message));
        QVERIFY(!loaded.index);
        QCOMPARE(loaded.watermark, qint64(0));
        QVERIFY2(loaded.message.contains(path), qPrintable(loaded.message));
        // verify() checks the envelope only; hnswlib's own refusal shows on load.
        const auto verified = VectorIndex::verify(path, dim, kEmbedder);
        if (damage == QLatin1String("junk")) {
            QCOMPARE(verified.status, IndexLoadStatus::Loaded);
        } else {
            QCOMPARE(int(verified.status), expected);
            QCOMPARE(verified.message, loaded.message);
        }
        if (damage == QLatin1String("cut") && at > headerSize)
            QVERIFY2(loaded.message.contains(QStringLiteral("%1 of %2 payload bytes present")
                                                 .arg(at - headerSize).arg(size - headerSize)),
                     qPrintable(loaded.message));
        const QStringList expectedFiles = damage == QLatin1String("missing") ? QStringList()
                                                                             : QStringList{QStringLiteral("vectors.kidx")};
        QCOMPARE(leftovers(dir.path(), expectedFiles), QStringList());
    }

    // A file of the float32 format (version 1, written by an earlier build): refused as another
    // version, which the engine answers by rebuilding from the store (tests/engine).
    void refusesTheFloat32Format()
    {
        const QString golden = QStringLiteral(KMS_INDEX_TEST_DATA "/hash-v1-50.kidx");
        const QString embedder = QStringLiteral("hash-v1:d=256,w=1-2,c=3-5,wu=1,wb=0.7,wc=0.35");
        for (const auto &result : {VectorIndex::load(golden, 256, embedder, HnswParams{}),
                                   VectorIndex::verify(golden, 256, embedder)}) {
            QCOMPARE(result.status, IndexLoadStatus::VersionMismatch);
            QVERIFY(!result.index);
            QVERIFY2(result.message.contains(QLatin1String("version 1")), qPrintable(result.message));
        }
    }

    // The same file with only its vectors narrowed (what this build would have written for that
    // graph, which hnswlib's own saveIndex made): it loads, finds each vector, and saving it again
    // gives the very same payload bytes, so the layout is still hnswlib's.
    void readsAndWritesHnswlibsOwnLayout()
    {
        QTemporaryDir dir;
        const QString converted = dir.filePath(QStringLiteral("converted.kidx"));
        std::vector<float> vectors;
        QVERIFY(convertToHalf(QStringLiteral(KMS_INDEX_TEST_DATA "/hash-v1-50.kidx"), converted, &vectors));
        const QString embedder = QStringLiteral("hash-v1:d=256,w=1-2,c=3-5,wu=1,wb=0.7,wc=0.35");
        const auto loaded = VectorIndex::load(converted, 256, embedder, HnswParams{});
        QVERIFY2(loaded.status == IndexLoadStatus::Loaded, qPrintable(loaded.message));
        QCOMPARE(loaded.index->size(), qint64(50));
        for (qint64 id = 1; id <= 50; ++id)
            QVERIFY(loaded.index->contains(id));
        QCOMPARE(vectors.size(), size_t(50 * 256));
        for (size_t i = 0; i < 50; ++i) {
            const auto hits = loaded.index->search(row(vectors, 256, i), 1);
            QCOMPARE(hits.size(), 1);
            QVERIFY(hits.first().similarity > 0.999f);
        }

        const QString again = dir.filePath(QStringLiteral("vectors.kidx"));
        QString error;
        QVERIFY2(loaded.index->save(again, loaded.watermark, &error), qPrintable(error));
        const QByteArray before = readAll(converted);
        const QByteArray after = readAll(again);
        const qint64 headerBefore = qFromLittleEndian<quint32>(before.constData() + 12);
        const qint64 headerAfter = qFromLittleEndian<quint32>(after.constData() + 12);
        // Version 3 wraps the graph as a segment: a count of one and its size, then the same bytes.
        const QByteArray graph = before.mid(headerBefore);
        QCOMPARE(qFromLittleEndian<quint32>(after.constData() + headerAfter), quint32(1));
        QCOMPARE(qFromLittleEndian<quint64>(after.constData() + headerAfter + 4), quint64(graph.size()));
        QVERIFY(graph == after.mid(headerAfter + kFirstGraph));
        QCOMPARE(leftovers(dir.path(), {QStringLiteral("converted.kidx"), QStringLiteral("vectors.kidx")}), QStringList());
    }

    // fuzz_index_file's finding: checksums and layout all consistent, but a link in the graph names
    // an element that does not exist. hnswlib follows links unchecked, so the first search read
    // outside the graph (ASan SEGV). The file must be refused at load instead.
    void refusesLinksToMissingElements()
    {
        // The fuzzer's file is of the float32 format; its graph is what matters, so it is narrowed.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fuzz_bad_link.kidx"));
        QVERIFY(convertToHalf(QStringLiteral(KMS_INDEX_TEST_DATA "/fuzz_bad_link.kidx"), path));
        const auto loaded = VectorIndex::load(path, 4, QStringLiteral("fuzz-4"), HnswParams{});
        QCOMPARE(loaded.status, IndexLoadStatus::Corrupt);
        QVERIFY(!loaded.index);
        QVERIFY2(loaded.message.contains(QLatin1String("links to an element that does not exist"))
                     || loaded.message.contains(QLatin1String("entry point")),
                 qPrintable(loaded.message));
    }

    // fuzz_index_file's second finding: a header (checksum intact) claiming 2^40 elements made load
    // allocate for all of them before reading the payload. The payload bounds the count now, so
    // the file is refused for the mismatch, not for lack of memory.
    void refusesElementCountsThePayloadCannotHold()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vectors.kidx"));
        const auto data = randomVectors(10, 8, 5);
        VectorIndex index(8, kEmbedder, HnswParams{});
        for (qint64 id = 0; id < 10; ++id)
            QVERIFY(index.add(id + 1, std::span<const float>(data.data() + id * 8, 8)));
        QString error;
        QVERIFY2(index.save(path, 3, &error), qPrintable(error));
        IndexFileHeader header = checkIndexFile(path, 8, kEmbedder).header;
        header.elementCount = quint64(1) << 40;
        header.liveCount = quint64(1) << 40;
        QByteArray bytes = readAll(path);
        const QByteArray forged = encodeIndexHeader(header);
        bytes.replace(0, forged.size(), forged);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size());
        f.close();
        const auto loaded = VectorIndex::load(path, 8, kEmbedder, HnswParams{});
        QCOMPARE(loaded.status, IndexLoadStatus::Corrupt);
        QVERIFY2(loaded.message.contains(QLatin1String("header says")), qPrintable(loaded.message));
    }

    // fuzz_index_file's last finding: checksums, layout and every link valid, but the payload's M
    // larger than the room of an upper-level list (maxM). hnswlib links each new element to up to M
    // neighbours, so the first add after such a load wrote past the list (ASan heap overflow in
    // mutuallyConnectNewElement). hnswlib only ever writes maxM = M, maxM0 = 2 M, efConstruction >= M.
    void refusesLinkSizesHnswlibNeverWrites_data()
    {
        QTest::addColumn<int>("offset");   // of the size_t field in hnswlib's payload layout
        QTest::addColumn<int>("factor");   // the field's new value, as a multiple of the saved M
        QTest::newRow("M above maxM") << 72 << 2;
        QTest::newRow("maxM above M") << 56 << 2;
        QTest::newRow("maxM0 not 2 M") << 64 << 3;
        QTest::newRow("efConstruction below M") << 88 << 0;
    }

    void refusesLinkSizesHnswlibNeverWrites()
    {
        QFETCH(int, offset);
        QFETCH(int, factor);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vectors.kidx"));
        const auto data = randomVectors(200, 8, 23);
        const HnswParams params{};
        {
            VectorIndex index(8, kEmbedder, params);
            QVERIFY(index.addBatch(iota(200), data, 1));
            QVERIFY(index.save(path, 9, nullptr));
        }
        const IndexFileHeader header = checkIndexFile(path, 8, kEmbedder).header;
        const QByteArray bytes = readAll(path);
        QByteArray payload = bytes.mid(qFromLittleEndian<quint32>(bytes.constData() + 12));
        QCOMPARE(qFromLittleEndian<quint64>(payload.constData() + kFirstGraph + 72), quint64(params.M));
        qToLittleEndian<quint64>(quint64(params.M) * quint64(factor), payload.data() + kFirstGraph + offset);
        QString error;
        QVERIFY2(writeWithPayload(path, header, payload, &error), qPrintable(error));
        const auto loaded = VectorIndex::load(path, 8, kEmbedder, params);
        QVERIFY2(loaded.status == IndexLoadStatus::Corrupt,
                 qPrintable(indexLoadStatusName(loaded.status) + QStringLiteral(": ") + loaded.message));
        QVERIFY2(loaded.message.contains(QLatin1String("link sizes")), qPrintable(loaded.message));
    }

    void addsAfterLoadingGraphWithFullUpperLists()
    {
        // With M = 2 most upper-level lists are full, the case where hnswlib's SSE search prefetches
        // one id past a list (the loader leaves a spare zeroed id there): adding after a load must
        // link into those lists and still find what it added.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vectors.kidx"));
        const HnswParams params{2, 8, 16};
        const auto data = randomVectors(400, 8, 29);
        {
            VectorIndex index(8, kEmbedder, params);
            QVERIFY(index.addBatch(iota(300), std::span<const float>(data).first(300 * 8), 1));
            QVERIFY(index.save(path, 1, nullptr));
        }
        auto loaded = VectorIndex::load(path, 8, kEmbedder, params);
        QCOMPARE(loaded.status, IndexLoadStatus::Loaded);
        for (qint64 id = 300; id < 400; ++id)
            QVERIFY(loaded.index->add(id, std::span<const float>(data).subspan(size_t(id) * 8, 8), nullptr));
        QCOMPARE(loaded.index->size(), qint64(400));
        QCOMPARE(loaded.index->search(std::span<const float>(data).subspan(350 * 8, 8), 1).front().id, qint64(350));
    }

    void refusesEmptyGraphWithATopLevel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vectors.kidx"));
        {
            VectorIndex index(8, kEmbedder, HnswParams{});
            QVERIFY(index.save(path, 0, nullptr));
        }
        QCOMPARE(VectorIndex::load(path, 8, kEmbedder, HnswParams{}).status, IndexLoadStatus::Loaded);
        const IndexFileHeader header = checkIndexFile(path, 8, kEmbedder).header;
        const QByteArray bytes = readAll(path);
        QByteArray payload = bytes.mid(qFromLittleEndian<quint32>(bytes.constData() + 12));
        QCOMPARE(qFromLittleEndian<quint64>(payload.constData() + kFirstGraph + 16), quint64(0)); // no elements
        QCOMPARE(qFromLittleEndian<qint32>(payload.constData() + kFirstGraph + 48), -1);           // no top level
        // What the fuzzer wrote: a top level and an entry point for a graph without elements, which
        // made the first add search the new element's own missing upper lists.
        qToLittleEndian<qint32>(2, payload.data() + kFirstGraph + 48);
        qToLittleEndian<quint32>(0, payload.data() + kFirstGraph + 52);
        QString error;
        QVERIFY2(writeWithPayload(path, header, payload, &error), qPrintable(error));
        const auto loaded = VectorIndex::load(path, 8, kEmbedder, HnswParams{});
        QVERIFY2(loaded.status == IndexLoadStatus::Corrupt,
                 qPrintable(indexLoadStatusName(loaded.status) + QStringLiteral(": ") + loaded.message));
        QVERIFY2(loaded.message.contains(QLatin1String("no elements")), qPrintable(loaded.message));
    }

    void leftoversOfInterruptedSavesAreFoundAndRemoved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vectors.kidx"));
        const auto data = randomVectors(20, 8, 21);
        VectorIndex index(8, kEmbedder, HnswParams{});
        QVERIFY(index.addBatch(iota(20), data, 1));
        QVERIFY(index.save(path, 3, nullptr));
        QCOMPARE(indexLeftovers(path), QStringList());
        // What a kill -9 leaves: this version's temporary file, and the copies older versions made.
        for (const char *name : {"vectors.kidx.tmp", ".vectors.kidx.payload-Ab12Cd", ".vectors.kidx.load-Xy34Zw"})
            writeAll(dir.filePath(QString::fromLatin1(name)), QByteArray(1000, 'x'));
        writeAll(dir.filePath(QStringLiteral("kms.sqlite")), QByteArrayLiteral("not ours to touch"));
        QCOMPARE(indexLeftovers(path).size(), 3);
        QCOMPARE(removeIndexLeftovers(path), 3);
        QCOMPARE(indexLeftovers(path), QStringList());
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("kms.sqlite"))));
        QCOMPARE(VectorIndex::load(path, 8, kEmbedder, HnswParams{}).status, IndexLoadStatus::Loaded);
    }

    void saveReportsUnwritableFolder()
    {
        const auto data = randomVectors(10, 8, 20);
        VectorIndex index(8, kEmbedder, HnswParams{});
        QVERIFY(index.addBatch(iota(10), data, 1));
        QString error;
        QVERIFY(!index.save(QStringLiteral("/nonexistent-kms-folder/vectors.kidx"), 1, &error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent-kms-folder")), qPrintable(error));
    }

    // Searches on four threads while one thread adds batches (on two threads of its own) and removes.
    // The checks are on results, never on timing; run the binary under ThreadSanitizer
    // (-DKMS_SANITIZE=thread) to check the locking itself.
    void searchesWhileWriting()
    {
        const int dim = 32;
        const size_t initial = 2000, extra = 2000, batch = 250, removals = 400;
        const auto data = randomVectors(initial + extra, dim, 21);
        VectorIndex index(dim, kEmbedder, HnswParams{}, 512);
        QVERIFY(index.addBatch(iota(initial), std::span<const float>(data).first(initial * size_t(dim)), 2));

        std::atomic<size_t> removedBefore{0}; // ids below this (of the initial ones) are removed
        std::atomic<bool> writerDone{false};
        std::atomic<int> badShapes{0}; // duplicate ids or more than k
        std::atomic<int> badIds{0};    // unknown or already removed
        std::atomic<int> badSizes{0};
        std::atomic<int> writerErrors{0};
        std::atomic<long> searches{0};

        auto searcher = [&](quint32 seed) {
            std::mt19937 rng(seed);
            std::uniform_int_distribution<size_t> pick(0, initial + extra - 1);
            int rounds = 0;
            do {
                const size_t removed = removedBefore.load(std::memory_order_acquire);
                const auto hits = index.search(row(data, dim, pick(rng)), 10);
                if (!wellFormed(hits) || hits.size() > 10)
                    ++badShapes;
                for (const auto &h : hits) {
                    if (h.id < 0 || size_t(h.id) >= initial + extra || size_t(h.id) < removed)
                        ++badIds;
                }
                // The size first: the capacity only grows, so read after it, it holds that size.
                const qint64 size = index.size();
                if (size < 0 || index.capacity() < size_t(size))
                    ++badSizes;
                ++searches;
                ++rounds;
            } while (!writerDone.load() || rounds < 20);
        };
        auto writer = [&] {
            size_t removed = 0;
            for (size_t start = initial; start < initial + extra; start += batch) {
                const std::vector<qint64> ids = iota(batch, qint64(start));
                if (!index.addBatch(ids, std::span<const float>(data).subspan(start * size_t(dim), batch * size_t(dim)), 2))
                    ++writerErrors;
                for (size_t r = 0; r < removals / (extra / batch); ++r, ++removed) {
                    if (!index.remove(qint64(removed)))
                        ++writerErrors;
                    removedBefore.store(removed + 1, std::memory_order_release);
                }
            }
            writerDone = true;
        };
        std::vector<std::thread> threads;
        for (quint32 t = 0; t < 4; ++t)
            threads.emplace_back(searcher, 100 + t);
        threads.emplace_back(writer);
        for (auto &t : threads)
            t.join();

        QCOMPARE(writerErrors.load(), 0);
        QCOMPARE(badShapes.load(), 0);
        QCOMPARE(badIds.load(), 0);
        QCOMPARE(badSizes.load(), 0);
        QVERIFY(searches.load() >= 80);
        QCOMPARE(index.size(), qint64(initial + extra - removals));
        for (size_t i = 0; i < initial + extra; ++i)
            QCOMPARE(index.contains(qint64(i)), i >= removals);
    }

    // The similarities the index reports, from vectors in half precision, are those of the float32
    // vectors within 5e-4, and a wide search finds the float32 top ten.
    void similaritiesMatchFloat32()
    {
        const int dim = 256;
        const size_t n = 3000, queries = 50, k = 10;
        const auto data = mixture(n + queries, dim, 30, 1.0f, 77);
        VectorIndex index(dim, kEmbedder, HnswParams{});
        QVERIFY(index.addBatch(iota(n), std::span<const float>(data).first(n * size_t(dim)), 2));
        size_t found = 0;
        double worst = 0;
        std::vector<std::pair<float, qint64>> scored(n);
        for (size_t q = n; q < n + queries; ++q) {
            const std::vector<float> qv = unit(std::vector<float>(row(data, dim, q).begin(), row(data, dim, q).end()));
            for (size_t i = 0; i < n; ++i) {
                const std::vector<float> v = unit(std::vector<float>(row(data, dim, i).begin(), row(data, dim, i).end()));
                double dot = 0;
                for (int j = 0; j < dim; ++j)
                    dot += double(qv[size_t(j)]) * double(v[size_t(j)]);
                scored[i] = {float(dot), qint64(i)};
            }
            const auto hits = index.search(qv, int(k), 400);
            QCOMPARE(hits.size(), qsizetype(k));
            std::vector<std::pair<float, qint64>> top(scored);
            std::partial_sort(top.begin(), top.begin() + k, top.end(), std::greater<>());
            for (const VectorHit &h : hits) {
                worst = std::max(worst, std::abs(double(h.similarity) - double(scored[size_t(h.id)].first)));
                for (size_t i = 0; i < k; ++i)
                    found += top[i].second == h.id ? 1 : 0;
            }
        }
        qInfo("largest similarity difference to float32: %.2g, top-10 agreement %.3f", worst,
              double(found) / double(queries * k));
        QVERIFY2(worst < 5e-4, qPrintable(QString::number(worst)));
        QVERIFY2(double(found) / double(queries * k) >= 0.97, qPrintable(QString::number(found)));
    }

    // The recall of the default parameters against exact search, on data shaped like embeddings:
    // 20,000 points around 200 centres in 256 dimensions.
    void recallAgainstBruteForce()
    {
#ifdef __SANITIZE_THREAD__
        QSKIP("recall is no threading check and takes minutes under ThreadSanitizer");
#endif
        const int dim = 256;
        const size_t n = 20000, queries = 200, k = 10;
        const auto data = mixture(n + queries, dim, 200, 1.0f, 2024);
        VectorIndex index(dim, kEmbedder, HnswParams{});
        QString error;
        QVERIFY2(index.addBatch(iota(n), std::span<const float>(data).first(n * size_t(dim)), 2, &error),
                 qPrintable(error));
        QCOMPARE(index.size(), qint64(n));

        std::vector<float> unit(data);
        for (size_t i = 0; i < n + queries; ++i) {
            float norm = 0;
            for (int j = 0; j < dim; ++j)
                norm += unit[i * size_t(dim) + size_t(j)] * unit[i * size_t(dim) + size_t(j)];
            for (int j = 0; j < dim; ++j)
                unit[i * size_t(dim) + size_t(j)] /= std::sqrt(norm);
        }
        size_t found = 0;
        std::vector<std::pair<float, qint64>> scored(n);
        for (size_t q = n; q < n + queries; ++q) {
            const float *qv = unit.data() + q * size_t(dim);
            for (size_t i = 0; i < n; ++i) {
                const float *v = unit.data() + i * size_t(dim);
                float dot = 0;
                for (int j = 0; j < dim; ++j)
                    dot += qv[j] * v[j];
                scored[i] = {-dot, qint64(i)};
            }
            std::partial_sort(scored.begin(), scored.begin() + k, scored.end());
            std::set<qint64> truth;
            for (size_t i = 0; i < k; ++i)
                truth.insert(scored[i].second);
            const auto hits = index.search(row(data, dim, q), int(k));
            QCOMPARE(hits.size(), qsizetype(k));
            for (const auto &h : hits)
                found += truth.count(h.id);
        }
        const double recall = double(found) / double(queries * k);
        qInfo("recall@10 at M=16 efConstruction=100 efSearch=64: %.4f", recall);
        QVERIFY2(recall >= 0.95, qPrintable(QString::number(recall)));
    }
};

QTEST_GUILESS_MAIN(TestIndex)
#include "tst_index.moc"
