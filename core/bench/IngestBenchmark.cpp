// SPDX-License-Identifier: MIT
#include "bench/IngestBenchmark.h"

#include "embed/Embedder.h"
#include "embed/EmbeddingCache.h"
#include "engine/Engine.h"
#include "engine/EngineInternals.h"
#include "index/VectorIndex.h"
#include "ingest/RecordPreparer.h"
#include "metrics/Metrics.h"
#include "readers/RecordReader.h"
#include "storage/BenchmarkStore.h"
#include "storage/Store.h"
#include "synth/CorpusWriter.h"
#include "text/Normalizer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>
#include <thread>

namespace kms {

namespace {
double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// Cuts a file into raw batches the way the pipeline does.
std::vector<RawBatch> readBatches(const QString &file, int batchSize, StageTiming *read)
{
    std::vector<RawBatch> batches;
    auto reader = RecordReader::create(file);
    QString error;
    if (!reader || !reader->open(&error))
        return batches;
    const QStringList columns = reader->columns();
    const Collection c = FieldMapping::guessCollection(columns);
    const FieldMapping mapping = FieldMapping::detect(columns, c);
    QElapsedTimer t;
    t.start();
    RawBatch batch;
    RawRecord raw;
    qint64 n = 0;
    while (reader->next(raw)) {
        batch.records.push_back(std::move(raw));
        raw = RawRecord{};
        ++n;
        if (int(batch.records.size()) == batchSize) {
            batch.sequence = qint64(batches.size());
            batch.mapping = mapping;
            batch.defaultCollection = c;
            batches.push_back(std::move(batch));
            batch = RawBatch{};
        }
    }
    if (!batch.records.empty()) {
        batch.sequence = qint64(batches.size());
        batch.mapping = mapping;
        batch.defaultCollection = c;
        batches.push_back(std::move(batch));
    }
    *read = {QStringLiteral("read + parse"), n, seconds(t), QStringLiteral("1 thread")};
    return batches;
}

// Runs fn(i) for i in [0, n) on `threads` threads.
template<typename F> void parallelFor(qint64 n, int threads, F fn)
{
    std::atomic<qint64> next{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (qint64 i = next++; i < n; i = next++)
                fn(i);
        });
    for (auto &th : pool)
        th.join();
}

StageTiming ftsAlone(BenchmarkStore *ftsOnly, const std::vector<PreparedBatch> &batches)
{
    StageTiming r{QStringLiteral("FTS5 insert alone"), 0, 0, QStringLiteral("same rows, same tokenizer, 1 thread")};
    if (!ftsOnly)
        return r;
    QElapsedTimer t;
    t.start();
    for (const PreparedBatch &b : batches)
        r.records += ftsOnly->insertFullText(b.write.records);
    r.seconds = seconds(t);
    return r;
}
// Recall@10 of the engine's index against exact search over the index's own vectors: the graph's
// recall, with no difference of precision in it (the store keeps its copy in 8 bits, which alone
// would move the reference's top 10 by about 0.01). The queries are those vectors with noise, so
// none is trivially its own nearest neighbour.
void measureRecall(Engine &engine, int queries, BenchmarkReport *report)
{
    EngineInternals parts(engine);
    const int dim = parts.embedder().dimension();
    std::vector<qint64> ids;
    std::vector<float> all;
    parts.index().forEachVector([&](qint64 id, std::span<const float> v) {
        ids.push_back(id);
        all.insert(all.end(), v.begin(), v.end());
        return true;
    });
    std::mt19937_64 rng(99);
    double recallSum = 0;
    double searchMicros = 0;
    const int nq = std::min<int>(queries, int(ids.size()));
    for (int q = 0; q < nq; ++q) {
        const size_t pick = size_t(rng() % ids.size());
        std::vector<float> query(all.begin() + qint64(pick) * dim, all.begin() + qint64(pick + 1) * dim);
        std::normal_distribution<float> noise(0.0f, 0.02f);
        double norm = 0;
        for (float &x : query) {
            x += noise(rng);
            norm += double(x) * x;
        }
        for (float &x : query)
            x = float(x / std::sqrt(norm));
        std::vector<std::pair<float, qint64>> exact(ids.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            float dot = 0;
            const float *v = all.data() + i * size_t(dim);
            for (int d = 0; d < dim; ++d)
                dot += v[d] * query[size_t(d)];
            exact[i] = {-dot, ids[i]};
        }
        std::partial_sort(exact.begin(), exact.begin() + std::min<qint64>(10, qint64(exact.size())), exact.end());
        QElapsedTimer st;
        st.start();
        const QList<VectorHit> hits = parts.index().search(query, 10);
        searchMicros += double(st.nsecsElapsed()) / 1000.0;
        int found = 0;
        const int k = int(std::min<size_t>(10, exact.size()));
        for (int i = 0; i < k; ++i)
            for (const VectorHit &h : hits)
                if (h.id == exact[size_t(i)].second) {
                    ++found;
                    break;
                }
        recallSum += double(found) / k;
    }
    report->recallAt10 = nq > 0 ? recallSum / nq : 0;
    report->recallQueries = nq;
    report->vectorSearchMeanMs = nq > 0 ? searchMicros / nq / 1000.0 : 0.0;
}
} // namespace

QList<ModeLatency> measureSearchLatency(Engine &engine, int queries)
{
    const QStringList queryTexts =
        internals(engine).withReader([&](Store &st) { return BenchmarkStore::sampleCaseTitles(st, queries); });
    QList<ModeLatency> out;
    for (SearchMode mode : {SearchMode::Keyword, SearchMode::Vector, SearchMode::Hybrid}) {
        std::vector<double> ms;
        for (const QString &text : queryTexts) {
            SearchQuery sq;
            sq.text = text;
            sq.mode = mode;
            sq.log = false;
            ms.push_back(engine.search(sq).latencyMs);
        }
        std::sort(ms.begin(), ms.end());
        auto pct = [&ms](double p) { return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, size_t(p / 100.0 * double(ms.size())))]; };
        out.append({mode, qint64(ms.size()), pct(50), pct(95), ms.empty() ? 0.0 : ms.back()});
    }
    return out;
}

BenchmarkReport runIngestBenchmark(const BenchmarkOptions &options, const std::function<void(const QString &)> &say)
{
    BenchmarkReport report;
    auto fail = [&report](BenchmarkReport::Failure f, const QString &error) {
        report.failure = f;
        report.error = error;
        return report;
    };
    SynthOptions so;
    so.cases = options.cases;
    so.articles = options.articles.value_or(so.cases / 50);
    so.seed = 7;
    report.cases = so.cases;
    report.articles = so.articles;
    if (so.cases + so.articles <= 0)
        return fail(BenchmarkReport::Failure::Input, QStringLiteral("nothing to do with 0 records"));

    QTemporaryDir tmp;
    const QString work = options.workDir.isEmpty() ? tmp.path() : options.workDir;
    QDir().mkpath(work);
    const QString corpus = QDir(work).filePath(QStringLiteral("corpus.jsonl"));
    QString error;
    say(QStringLiteral("generating %1 cases + %2 articles...").arg(so.cases).arg(so.articles));
    if (!writeSyntheticCorpus(so, corpus, &error))
        return fail(BenchmarkReport::Failure::Run, error);

    // ---- end to end, default settings ----
    say(QStringLiteral("ingesting end to end..."));
    Engine::Options eo;
    eo.dataDirectory = QDir(work).filePath(QStringLiteral("data"));
    eo.logToFile = false;
    EngineConfig config;
    if (options.hnswM)
        config.hnswM = *options.hnswM;
    if (options.efConstruction)
        config.hnswEfConstruction = *options.efConstruction;
    if (options.efSearch)
        config.hnswEfSearch = *options.efSearch;
    if (options.dimension)
        config.embeddingDimension = *options.dimension;
    eo.config = config;
    QDir(eo.dataDirectory).removeRecursively();
    auto engine = Engine::open(eo, &error);
    if (!engine)
        return fail(BenchmarkReport::Failure::Store, error);
    EngineInternals parts(*engine);
    IngestOptions io;
    io.files = {corpus};
    io.workers = options.workers;
    io.batchSize = options.batchSize;
    QElapsedTimer e2eTimer;
    e2eTimer.start();
    const JobInfo job = engine->runJob(io);
    report.endToEndSeconds = seconds(e2eTimer);
    if (job.status != JobStatus::Completed)
        return fail(BenchmarkReport::Failure::Run, QStringLiteral("the job did not complete: %1").arg(job.error));
    const qint64 records = job.counts.processed();
    report.records = records;
    const Tuning tuning = chooseTuning(IngestMode::Auto, records, QThread::idealThreadCount(),
                                       parts.embedder().isExpensive(), options.workers, options.batchSize);
    const int workers = tuning.workers;
    const int batchSize = tuning.batchSize;
    report.workers = workers;
    report.batchSize = batchSize;
    const Metrics &m = parts.metrics();
    for (int s = 0; s < int(Stage::Count); ++s)
        report.pipelineBusy.append({stageName(Stage(s)), double(m.stageBusyMicros(Stage(s))) / 1e6, m.stageRecords(Stage(s))});

    // ---- each heavy stage alone, same data, same parameters ----
    say(QStringLiteral("running the stages alone..."));
    StageTiming read;
    std::vector<RawBatch> raw = readBatches(corpus, batchSize, &read);

    EmbeddingCache freshCache(0); // no help from a warm cache: every record is embedded
    RecordPreparer::Context pc;
    pc.normalizer = &parts.normalizer();
    pc.embedder = &parts.embedder();
    pc.cache = &freshCache;
    pc.skipExisting = true;
    const RecordPreparer preparer(pc);
    std::vector<PreparedBatch> prepared(raw.size());
    QElapsedTimer t;
    t.start();
    parallelFor(qint64(raw.size()), workers, [&](qint64 i) {
        prepared[size_t(i)] = preparer.prepare(std::move(raw[size_t(i)]), nullptr);
    });
    const StageTiming prepare{QStringLiteral("validate + normalise + embed alone"), records, seconds(t),
                              QStringLiteral("%1 threads").arg(workers)};

    const QString alonePath = QDir(work).filePath(QStringLiteral("alone.sqlite"));
    const QString ftsPath = QDir(work).filePath(QStringLiteral("fts-alone.sqlite"));
    // Every measurement starts from empty files, also when the work folder is reused.
    for (const QString &p : {alonePath, ftsPath})
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(p + QLatin1String(suffix));
    StageTiming storeWrite{QStringLiteral("store write alone (rows+FTS5+vectors)"), 0, 0, QStringLiteral("1 thread, one transaction per batch")};
    std::unique_ptr<BenchmarkStore> ftsOnly;
    {
        auto store = Store::open(alonePath, Store::Mode::ReadWrite, &error);
        if (!store)
            return fail(BenchmarkReport::Failure::Run, error);
        store->setActiveEmbedder(parts.embedder().id());
        // The layout the engine gives a new store: a full-text index without a copy of the text.
        const Normalizer &normalizer = parts.normalizer();
        store->setMatchingForm([&normalizer](QStringView text) { return normalizer.matchingText(text); },
                               normalizer.formId());
        if (store->rebuildFullText(1000, {}, nullptr) < 0)
            return fail(BenchmarkReport::Failure::Run, store->lastError());
        ftsOnly = BenchmarkStore::createFullTextOnly(*store, ftsPath, &error);
        t.restart();
        for (const PreparedBatch &b : prepared) {
            BatchWrite w = b.write;
            w.jobId = 0;
            w.rejects.clear();
            if (auto o = store->writeBatch(w))
                storeWrite.records += o->inserted + o->updated + o->unchanged;
        }
        storeWrite.seconds = seconds(t);
    }
    const StageTiming fts = ftsAlone(ftsOnly.get(), prepared);
    ftsOnly.reset();

    const int dim = parts.embedder().dimension();
    const HnswParams params = parts.index().params();
    VectorIndex alone(dim, parts.embedder().id(), params, size_t(records));
    StageTiming hnsw{QStringLiteral("HNSW insert alone"), 0, 0,
                     QStringLiteral("M=%1 efC=%2, %3 threads").arg(params.M).arg(params.efConstruction).arg(workers)};
    t.restart();
    qint64 label = 1;
    for (const PreparedBatch &b : prepared) {
        std::vector<qint64> ids;
        std::vector<float> vectors;
        for (const RecordWrite &w : b.write.records) {
            ids.push_back(label++);
            vectors.insert(vectors.end(), w.vector.begin(), w.vector.end());
        }
        alone.addBatch(ids, vectors, workers);
        hnsw.records += qint64(ids.size());
    }
    hnsw.seconds = seconds(t);
    prepared.clear();

    say(QStringLiteral("measuring recall@10..."));
    measureRecall(*engine, options.queries, &report);

    say(QStringLiteral("measuring search latency..."));
    report.searchLatency = measureSearchLatency(*engine, options.queries);

    report.throughput = double(records) / report.endToEndSeconds;
    report.stagesAlone = {read, prepare, storeWrite, fts, hnsw};
    const StageTiming *slowest = &report.stagesAlone[0];
    for (const StageTiming &s : report.stagesAlone)
        if (s.name != fts.name && s.rate() < slowest->rate()) // FTS5 is part of the store write
            slowest = &s;
    report.slowestStage = slowest->name;
    report.ratioToSlowest = report.throughput / slowest->rate();
    report.embedderId = parts.embedder().id();
    report.hnswM = params.M;
    report.efConstruction = params.efConstruction;
    report.efSearch = params.efSearch;
    report.indexVectors = engine->status().indexVectors;
    return report;
}

} // namespace kms
