// SPDX-License-Identifier: MIT
// How the cost of an HNSW insert grows with the graph (opt-in: KMS_BENCHMARK=1; KMS_BENCH_RECORDS,
// default 1,000,000). The vectors are the built-in embedder's for generated support records (the
// ones `kmsctl generate --seed 7` writes), computed up front so that only the inserts are timed.
// They go into one VectorIndex (segments of KMS_BENCH_SEGMENT vectors when set, else the default;
// as many as the records makes one graph) in batches of 1,000 on two threads, as ingestion adds
// them. Printed: the rate per 100,000-record slice, then recall@10 at the default ef against exact
// search over the same float vectors, for queries made of case titles.
#include "embed/HashEmbedder.h"
#include "index/VectorIndex.h"
#include "ingest/RecordPreparer.h"
#include "synth/Generator.h"
#include "text/Normalizer.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <span>
#include <thread>

using namespace kms;

namespace {

// Scales v to unit length; false for the zero vector (left as it is).
bool normalise(std::span<float> v)
{
    double norm = 0;
    for (float x : v)
        norm += double(x) * x;
    if (norm <= 0)
        return false;
    const auto scale = float(1 / std::sqrt(norm));
    for (float &x : v)
        x *= scale;
    return true;
}

} // namespace

class BenchIndexGrowth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertRatePerSlice();
};

void BenchIndexGrowth::insertRatePerSlice()
{
    if (qEnvironmentVariableIntValue("KMS_BENCHMARK") != 1)
        QSKIP("set KMS_BENCHMARK=1 to run");
    const qint64 total = qEnvironmentVariableIsSet("KMS_BENCH_RECORDS")
        ? qEnvironmentVariable("KMS_BENCH_RECORDS").toLongLong() : 1'000'000;
    QVERIFY(total >= 1000);

    // Records in the generator's order (5 % articles first, as `generate` splits a million).
    SynthOptions options;
    options.articles = total / 20;
    options.cases = total - options.articles;
    options.seed = 7;
    Generator generator(options);
    std::vector<Record> records(static_cast<size_t>(total));
    QStringList queries;
    for (Record &r : records) {
        QVERIFY(generator.next(r));
        if (r.collection == Collection::Cases && queries.size() < 200 && (generator.produced() % 997) == 0)
            queries << r.title;
    }

    const Normalizer normalizer;
    const HashEmbedder embedder;
    const size_t dim = size_t(embedder.dimension());
    std::vector<float> vectors(size_t(total) * dim);
    QElapsedTimer t;
    t.start();
    {
        const int threads = 2;
        std::vector<std::thread> workers;
        for (int w = 0; w < threads; ++w) {
            workers.emplace_back([&, w] {
                for (size_t i = size_t(w); i < records.size(); i += threads) {
                    const auto text = RecordPreparer::embeddingText(normalizer, records[i], embedder.reads());
                    embedder.embedOne(text.input, std::span<float>(vectors.data() + i * dim, dim));
                }
            });
        }
        for (auto &w : workers)
            w.join();
    }
    records.clear();
    records.shrink_to_fit();
    qInfo("embedded %lld records in %.1f s", total, double(t.elapsed()) / 1000);

    VectorIndex index(int(dim), embedder.id(), HnswParams{}, 1024);
    if (qEnvironmentVariableIsSet("KMS_BENCH_SEGMENT"))
        index.setSegmentSize(size_t(qEnvironmentVariable("KMS_BENCH_SEGMENT").toLongLong()));
    const qint64 batch = 1000, slice = 100'000;
    QElapsedTimer whole;
    whole.start();
    t.restart();
    std::vector<qint64> ids(static_cast<size_t>(batch));
    for (qint64 start = 0; start < total; start += batch) {
        const qint64 n = std::min(batch, total - start);
        for (qint64 i = 0; i < n; ++i)
            ids[size_t(i)] = start + i + 1;
        QString error;
        QVERIFY2(index.addBatch(std::span<const qint64>(ids.data(), size_t(n)),
                                std::span<const float>(vectors.data() + size_t(start) * dim, size_t(n) * dim), 2,
                                &error),
                 qPrintable(error));
        if ((start + n) % slice == 0 || start + n == total) {
            const qint64 inSlice = (start + n) % slice == 0 ? slice : (start + n) % slice;
            qInfo("slice %7lld-%7lld  %8.0f inserts/s", start + n - inSlice, start + n,
                  double(inSlice) * 1000 / double(std::max<qint64>(t.elapsed(), 1)));
            t.restart();
        }
    }
    const qint64 wholeMs = std::max<qint64>(whole.elapsed(), 1);
    qInfo("all %lld inserts into %d segments: %.1f s, %.0f inserts/s", total, index.segmentCount(),
          double(wholeMs) / 1000, double(total) * 1000 / double(wholeMs));

    // Recall@10 against exact search over the same (normalised) float vectors.
    for (qint64 i = 0; i < total; ++i)
        normalise(std::span<float>(vectors.data() + size_t(i) * dim, dim));
    double found = 0, searchMs = 0;
    int asked = 0;
    for (const QString &title : queries) {
        EmbedInput input;
        input.tokens = normalizer.tokens(title);
        std::vector<float> q(dim);
        embedder.embedOne(input, q);
        if (!normalise(q))
            continue;
        std::vector<std::pair<float, qint64>> exact;
        exact.reserve(size_t(total));
        for (qint64 i = 0; i < total; ++i) {
            const float *v = vectors.data() + size_t(i) * dim;
            float dot = 0;
            for (size_t d = 0; d < dim; ++d)
                dot += q[d] * v[d];
            exact.emplace_back(-dot, i + 1);
        }
        std::partial_sort(exact.begin(), exact.begin() + 10, exact.end());
        QElapsedTimer s;
        s.start();
        const QList<VectorHit> hits = index.search(q, 10);
        searchMs += double(s.nsecsElapsed()) / 1e6;
        int same = 0;
        for (const VectorHit &h : hits)
            same += std::any_of(exact.begin(), exact.begin() + 10, [&](const auto &e) { return e.second == h.id; });
        found += same / 10.0;
        ++asked;
    }
    QVERIFY(asked > 0);
    qInfo("recall@10 %.3f at ef %d (%d queries, mean %.3f ms)", found / asked, index.params().efSearch, asked,
          searchMs / asked);
}

QTEST_GUILESS_MAIN(BenchIndexGrowth)
#include "bench_index_growth.moc"
