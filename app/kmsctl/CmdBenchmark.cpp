// SPDX-License-Identifier: MIT
// kmsctl benchmark: end-to-end ingestion of a generated corpus next to each heavy stage run alone
// on the same data, plus HNSW recall@10 against exact search. Numbers for docs/performance.md.
#include "Command.h"

#include "embed/EmbeddingCache.h"
#include "embed/HashEmbedder.h"
#include "engine/Engine.h"
#include "index/VectorIndex.h"
#include "ingest/RecordPreparer.h"
#include "metrics/Metrics.h"
#include "readers/RecordReader.h"
#include "search/SearchEngine.h"
#include "storage/BenchmarkStore.h"
#include "storage/Store.h"
#include "synth/CorpusWriter.h"
#include "text/Normalizer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

namespace kms::cli {

namespace {
struct StageResult {
    QString name;
    qint64 records = 0;
    double seconds = 0;
    QString note;
    double rate() const { return seconds > 0 ? double(records) / seconds : 0; }
};

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// Cuts a file into raw batches the way the pipeline does.
std::vector<RawBatch> readBatches(const QString &file, int batchSize, StageResult *read)
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

StageResult ftsAlone(BenchmarkStore *ftsOnly, const std::vector<PreparedBatch> &batches)
{
    StageResult r{QStringLiteral("FTS5 insert alone"), 0, 0, QStringLiteral("same rows, same tokenizer, 1 thread")};
    if (!ftsOnly)
        return r;
    QElapsedTimer t;
    t.start();
    for (const PreparedBatch &b : batches)
        r.records += ftsOnly->insertFullText(b.write.records);
    r.seconds = seconds(t);
    return r;
}
struct SearchLatency {
    QJsonArray json;
    QStringList lines;
};

// p50 / p95 / max per mode over case titles spread over the whole store: what an engineer pastes
// into the search box. Each mode runs the same queries.
SearchLatency measureSearchLatency(Engine &engine, int queries)
{
    QStringList queryTexts;
    engine.withReader([&](Store &st) {
        queryTexts = BenchmarkStore::sampleCaseTitles(st, queries);
        return 0;
    });
    SearchLatency out;
    for (SearchMode mode : {SearchMode::Keyword, SearchMode::Vector, SearchMode::Hybrid}) {
        std::vector<double> ms;
        for (const QString &text : queryTexts) {
            SearchQuery sq;
            sq.text = text;
            sq.mode = mode;
            sq.log = false;
            ms.push_back(engine.search().search(sq).latencyMs);
        }
        std::sort(ms.begin(), ms.end());
        auto pct = [&ms](double p) { return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, size_t(p / 100.0 * double(ms.size())))]; };
        out.json.append(QJsonObject{{QStringLiteral("mode"), searchModeName(mode)},
                                    {QStringLiteral("queries"), qint64(ms.size())},
                                    {QStringLiteral("p50_ms"), pct(50)}, {QStringLiteral("p95_ms"), pct(95)},
                                    {QStringLiteral("max_ms"), ms.empty() ? 0.0 : ms.back()}});
        out.lines.append(QStringLiteral("  %1 p50 %2 ms  p95 %3 ms  max %4 ms  (%5 queries)")
                             .arg(searchModeName(mode), -8).arg(pct(50), 0, 'f', 2).arg(pct(95), 0, 'f', 2)
                             .arg(ms.empty() ? 0.0 : ms.back(), 0, 'f', 1).arg(ms.size()));
    }
    return out;
}

// benchmark --search-only: latency per mode on the data directory as it is.
int searchOnly(const Context &ctx, int queries)
{
    auto engine = openEngine(ctx);
    if (!engine)
        return StoreUnavailable;
    const StoreCounts counts = engine->counts();
    // One untimed pass warms the page cache and the index, as a running application has them.
    measureSearchLatency(*engine, std::min(queries, 50));
    const SearchLatency latency = measureSearchLatency(*engine, queries);
    if (ctx.json) {
        printJson(QJsonObject{{QStringLiteral("records"), counts.total()},
                              {QStringLiteral("search_latency"), latency.json}});
        return Ok;
    }
    out(QStringLiteral("search latency on %1 records (case titles as queries):").arg(counts.total()));
    for (const QString &l : latency.lines)
        out(l);
    return Ok;
}
} // namespace

namespace {

// benchmark opens stores of its own (or, with --search-only, the data directory) as it goes.
class BenchmarkCommand : public OptionCommand {
public:
    BenchmarkCommand()
        : OptionCommand("benchmark", "[--cases N]", "end-to-end and per-stage ingestion speed, HNSW recall")
    {
    }

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Generates a corpus, ingests it end to end into a fresh data directory with the default settings,\n"
            "then runs each heavy stage alone on the same data, measures HNSW recall@10 against exact search and\nthe search latency per mode."));
        parser.addOption({QStringLiteral("cases"), QStringLiteral("Cases to generate (default 100000)."), QStringLiteral("n"), QStringLiteral("100000")});
        parser.addOption({QStringLiteral("articles"), QStringLiteral("Articles to generate (default cases/50)."), QStringLiteral("n")});
        parser.addOption({QStringLiteral("workers"), QStringLiteral("Worker threads (default: cores)."), QStringLiteral("n"), QStringLiteral("0")});
        parser.addOption({QStringLiteral("batch-size"), QStringLiteral("Batch size (default: from the mode)."), QStringLiteral("n"), QStringLiteral("0")});
        parser.addOption({QStringLiteral("queries"), QStringLiteral("Recall queries (default 200)."), QStringLiteral("n"), QStringLiteral("200")});
        parser.addOption({QStringLiteral("hnsw-m"), QStringLiteral("HNSW M (default: the engine default)."), QStringLiteral("n")});
        parser.addOption({QStringLiteral("ef-construction"), QStringLiteral("HNSW ef_construction."), QStringLiteral("n")});
        parser.addOption({QStringLiteral("ef-search"), QStringLiteral("HNSW ef_search."), QStringLiteral("n")});
        parser.addOption({QStringLiteral("dimension"), QStringLiteral("Embedding dimension (default 256)."), QStringLiteral("n")});
        parser.addOption({QStringLiteral("work-dir"), QStringLiteral("Folder for the corpus and stores (default: a temporary one, removed after)."), QStringLiteral("dir")});
        parser.addOption({QStringLiteral("search-only"), QStringLiteral("Only the search latency per mode, on the data directory (--data-dir) as it is; --queries sets how many.")});
    }
    int run(const Context &ctx, const QCommandLineParser &parser) override;
};

int BenchmarkCommand::run(const Context &ctx, const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("search-only")))
        return searchOnly(ctx, std::max(1, parser.value(QStringLiteral("queries")).toInt()));
    SynthOptions so;
    so.cases = parser.value(QStringLiteral("cases")).toLongLong();
    so.articles = parser.isSet(QStringLiteral("articles")) ? parser.value(QStringLiteral("articles")).toLongLong()
                                                           : so.cases / 50;
    so.seed = 7;
    const int workersOpt = parser.value(QStringLiteral("workers")).toInt();
    const int batchOpt = parser.value(QStringLiteral("batch-size")).toInt();
    const int queries = std::max(1, parser.value(QStringLiteral("queries")).toInt());
    if (so.cases + so.articles <= 0) {
        err(QStringLiteral("kmsctl benchmark: nothing to do with 0 records"));
        return Usage;
    }

    QTemporaryDir tmp;
    const QString work = parser.isSet(QStringLiteral("work-dir")) ? parser.value(QStringLiteral("work-dir")) : tmp.path();
    QDir().mkpath(work);
    const QString corpus = QDir(work).filePath(QStringLiteral("corpus.jsonl"));
    auto say = [&](const QString &s) {
        if (!ctx.json && !ctx.quiet)
            err(s);
    };
    QString error;
    say(QStringLiteral("generating %1 cases + %2 articles...").arg(so.cases).arg(so.articles));
    if (!writeSyntheticCorpus(so, corpus, &error)) {
        err(QStringLiteral("kmsctl benchmark: %1").arg(error));
        return Failed;
    }

    // ---- end to end, default settings ----
    say(QStringLiteral("ingesting end to end..."));
    Engine::Options eo;
    eo.dataDirectory = QDir(work).filePath(QStringLiteral("data"));
    eo.logToFile = false;
    EngineConfig config;
    if (parser.isSet(QStringLiteral("hnsw-m")))
        config.hnswM = parser.value(QStringLiteral("hnsw-m")).toInt();
    if (parser.isSet(QStringLiteral("ef-construction")))
        config.hnswEfConstruction = parser.value(QStringLiteral("ef-construction")).toInt();
    if (parser.isSet(QStringLiteral("ef-search")))
        config.hnswEfSearch = parser.value(QStringLiteral("ef-search")).toInt();
    if (parser.isSet(QStringLiteral("dimension")))
        config.embeddingDimension = parser.value(QStringLiteral("dimension")).toInt();
    eo.config = config;
    QDir(eo.dataDirectory).removeRecursively();
    auto engine = Engine::open(eo, &error);
    if (!engine) {
        err(QStringLiteral("kmsctl benchmark: %1").arg(error));
        return StoreUnavailable;
    }
    IngestOptions io;
    io.files = {corpus};
    io.workers = workersOpt;
    io.batchSize = batchOpt;
    Tuning tuning;
    QElapsedTimer e2eTimer;
    e2eTimer.start();
    const JobInfo job = engine->runJob(io, [&](IngestPipeline &p) { (void)p; });
    const double e2eSeconds = seconds(e2eTimer);
    if (job.status != JobStatus::Completed) {
        err(QStringLiteral("kmsctl benchmark: the job did not complete: %1").arg(job.error));
        return Failed;
    }
    const qint64 records = job.counts.processed();
    tuning = chooseTuning(IngestMode::Auto, records, QThread::idealThreadCount(), workersOpt, batchOpt);
    const int workers = tuning.workers;
    const int batchSize = tuning.batchSize;
    Metrics &m = engine->metrics();

    // ---- each heavy stage alone, same data, same parameters ----
    say(QStringLiteral("running the stages alone..."));
    StageResult read;
    std::vector<RawBatch> raw = readBatches(corpus, batchSize, &read);

    EmbeddingCache freshCache(0); // no help from a warm cache: every record is embedded
    RecordPreparer::Context pc;
    pc.normalizer = &engine->normalizer();
    pc.embedder = &engine->embedder();
    pc.cache = &freshCache;
    pc.skipExisting = true;
    const RecordPreparer preparer(pc);
    std::vector<PreparedBatch> prepared(raw.size());
    QElapsedTimer t;
    t.start();
    parallelFor(qint64(raw.size()), workers, [&](qint64 i) {
        prepared[size_t(i)] = preparer.prepare(std::move(raw[size_t(i)]), nullptr);
    });
    const StageResult prepare{QStringLiteral("validate + normalise + embed alone"), records, seconds(t),
                              QStringLiteral("%1 threads").arg(workers)};

    const QString alonePath = QDir(work).filePath(QStringLiteral("alone.sqlite"));
    const QString ftsPath = QDir(work).filePath(QStringLiteral("fts-alone.sqlite"));
    // Every measurement starts from empty files, also when --work-dir is reused.
    for (const QString &p : {alonePath, ftsPath})
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(p + QLatin1String(suffix));
    StageResult storeWrite{QStringLiteral("store write alone (rows+FTS5+vectors)"), 0, 0, QStringLiteral("1 thread, one transaction per batch")};
    std::unique_ptr<BenchmarkStore> ftsOnly;
    {
        auto store = Store::open(alonePath, Store::Mode::ReadWrite, &error);
        if (!store) {
            err(QStringLiteral("kmsctl benchmark: %1").arg(error));
            return Failed;
        }
        store->setActiveEmbedder(engine->embedder().id());
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
    const StageResult fts = ftsAlone(ftsOnly.get(), prepared);
    ftsOnly.reset();

    const int dim = engine->embedder().dimension();
    const HnswParams params = engine->index().params();
    VectorIndex alone(dim, engine->embedder().id(), params, size_t(records));
    StageResult hnsw{QStringLiteral("HNSW insert alone"), 0, 0,
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

    // ---- recall@10 of the engine's index against exact search ----
    say(QStringLiteral("measuring recall@10..."));
    std::vector<qint64> ids;
    std::vector<float> all;
    engine->withReader([&](Store &s) {
        return s.forEachVector(0, [&](qint64 id, std::span<const float> v) {
            ids.push_back(id);
            all.insert(all.end(), v.begin(), v.end());
            return true;
        });
    });
    std::mt19937_64 rng(99);
    double recallSum = 0;
    double searchMicros = 0;
    const int nq = std::min<int>(queries, int(ids.size()));
    for (int q = 0; q < nq; ++q) {
        const size_t pick = size_t(rng() % ids.size());
        // The query is a stored vector with noise, so it is not trivially its own nearest neighbour.
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
        const QList<VectorHit> hits = engine->index().search(query, 10);
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
    const double recall = nq > 0 ? recallSum / nq : 0;

    // ---- search latency per mode on the loaded store ----
    say(QStringLiteral("measuring search latency..."));
    const SearchLatency latency = measureSearchLatency(*engine, queries);
    const QJsonArray &latencyJson = latency.json;
    const QStringList &latencyLines = latency.lines;

    // ---- report ----
    const double e2eRate = double(records) / e2eSeconds;
    const QList<StageResult> stages{read, prepare, storeWrite, fts, hnsw};
    const StageResult *slowest = &stages[0];
    for (const StageResult &s : stages)
        if (s.name != fts.name && s.rate() < slowest->rate()) // FTS5 is part of the store write
            slowest = &s;
    const double ratio = e2eRate / slowest->rate();

    QJsonArray stageJson;
    for (const StageResult &s : stages)
        stageJson.append(QJsonObject{{QStringLiteral("stage"), s.name}, {QStringLiteral("records"), s.records},
                                     {QStringLiteral("seconds"), s.seconds}, {QStringLiteral("records_per_second"), s.rate()},
                                     {QStringLiteral("note"), s.note}});
    QJsonArray inPipeline;
    for (int s = 0; s < int(Stage::Count); ++s)
        inPipeline.append(QJsonObject{{QStringLiteral("stage"), stageName(Stage(s))},
                                      {QStringLiteral("busy_seconds"), double(m.stageBusyMicros(Stage(s))) / 1e6},
                                      {QStringLiteral("records"), m.stageRecords(Stage(s))}});
    const QJsonObject result{
        {QStringLiteral("records"), records},
        {QStringLiteral("cases"), so.cases},
        {QStringLiteral("articles"), so.articles},
        {QStringLiteral("workers"), workers},
        {QStringLiteral("batch_size"), batchSize},
        {QStringLiteral("embedder"), engine->embedder().id()},
        {QStringLiteral("hnsw"), QJsonObject{{QStringLiteral("M"), params.M}, {QStringLiteral("ef_construction"), params.efConstruction},
                                             {QStringLiteral("ef_search"), params.efSearch}}},
        {QStringLiteral("end_to_end_seconds"), e2eSeconds},
        {QStringLiteral("throughput_per_second"), e2eRate},
        {QStringLiteral("pipeline_stage_busy"), inPipeline},
        {QStringLiteral("stages_alone"), stageJson},
        {QStringLiteral("slowest_stage"), slowest->name},
        {QStringLiteral("ratio_to_slowest_stage"), ratio},
        {QStringLiteral("recall_at_10"), recall},
        {QStringLiteral("vector_search_mean_ms"), nq > 0 ? searchMicros / nq / 1000.0 : 0.0},
        {QStringLiteral("index_vectors"), engine->index().size()},
        {QStringLiteral("search_latency"), latencyJson}};
    if (ctx.json) {
        printJson(result);
        return Ok;
    }
    out(QStringLiteral("records            %1 (%2 cases, %3 articles), %4 workers, batch %5")
            .arg(humanCount(double(records))).arg(so.cases).arg(so.articles).arg(workers).arg(batchSize));
    out(QStringLiteral("end to end         %1 rec/s (%2 s)").arg(humanCount(e2eRate)).arg(e2eSeconds, 0, 'f', 2));
    out(QStringLiteral("stage busy time in the pipeline (summed over threads):"));
    for (int s = 0; s < int(Stage::Count); ++s)
        out(QStringLiteral("  %1 %2 s").arg(stageName(Stage(s)), -12).arg(double(m.stageBusyMicros(Stage(s))) / 1e6, 0, 'f', 2));
    out(QStringLiteral("stages alone on the same data:"));
    for (const StageResult &s : stages)
        out(QStringLiteral("  %1 %2 rec/s  (%3)").arg(s.name, -40).arg(humanCount(s.rate()), 10).arg(s.note));
    out(QStringLiteral("slowest stage      %1; end to end is %2 % of it").arg(slowest->name).arg(ratio * 100, 0, 'f', 0));
    out(QStringLiteral("HNSW recall@10     %1 at ef=%2 (%3 queries, mean %4 ms)")
            .arg(recall, 0, 'f', 3).arg(params.efSearch).arg(nq).arg(nq ? searchMicros / nq / 1000.0 : 0, 0, 'f', 3));
    out(QStringLiteral("search latency on the loaded store (case titles as queries):"));
    for (const QString &l : latencyLines)
        out(l);
    return Ok;
}

} // namespace

std::unique_ptr<Command> makeBenchmarkCommand()
{
    return std::make_unique<BenchmarkCommand>();
}

} // namespace kms::cli
