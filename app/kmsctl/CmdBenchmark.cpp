// SPDX-License-Identifier: MIT
// kmsctl benchmark: end-to-end ingestion of a generated corpus next to each heavy stage run alone
// on the same data, plus HNSW recall@10 against exact search (core/bench runs it; this prints it).
// Numbers for docs/performance.md. --api: the REST API soak on the data directory as it is.
// --soak: a million-record load and a re-sync while searches run, in a folder of its own.
#include "Command.h"

#include "bench/ApiSoak.h"
#include "bench/IngestBenchmark.h"
#include "bench/IngestSoak.h"
#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace kms::cli {

namespace {
QJsonArray latencyJson(const QList<ModeLatency> &latency)
{
    QJsonArray a;
    for (const ModeLatency &l : latency)
        a.append(QJsonObject{{QStringLiteral("mode"), searchModeName(l.mode)},
                             {QStringLiteral("queries"), l.queries},
                             {QStringLiteral("p50_ms"), l.p50Ms}, {QStringLiteral("p95_ms"), l.p95Ms},
                             {QStringLiteral("max_ms"), l.maxMs}});
    return a;
}

void printLatency(const QList<ModeLatency> &latency)
{
    for (const ModeLatency &l : latency)
        out(QStringLiteral("  %1 p50 %2 ms  p95 %3 ms  max %4 ms  (%5 queries)")
                .arg(searchModeName(l.mode), -8).arg(l.p50Ms, 0, 'f', 2).arg(l.p95Ms, 0, 'f', 2)
                .arg(l.maxMs, 0, 'f', 1).arg(l.queries));
}

// benchmark --search-only: latency per mode on the data directory as it is.
int searchOnly(const Context &ctx, int queries)
{
    auto engine = openEngine(ctx, false, false, true); // latency of a ready index, not of its load
    if (!engine)
        return StoreUnavailable;
    const StoreCounts counts = engine->counts();
    // One untimed pass warms the page cache and the index, as a running application has them.
    measureSearchLatency(*engine, std::min(queries, 50));
    const QList<ModeLatency> latency = measureSearchLatency(*engine, queries);
    if (ctx.json) {
        printJson(QJsonObject{{QStringLiteral("records"), counts.total()},
                              {QStringLiteral("search_latency"), latencyJson(latency)}});
        return Ok;
    }
    out(QStringLiteral("search latency on %1 records (case titles as queries):").arg(counts.total()));
    printLatency(latency);
    return Ok;
}
QString mib(qint64 bytes)
{
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QJsonArray apiLatencyJson(const QList<ApiLatency> &rows)
{
    QJsonArray a;
    for (const ApiLatency &l : rows)
        a.append(QJsonObject{{QStringLiteral("kind"), l.kind}, {QStringLiteral("requests"), l.requests},
                             {QStringLiteral("errors"), l.errors}, {QStringLiteral("p50_ms"), l.p50Ms},
                             {QStringLiteral("p95_ms"), l.p95Ms}, {QStringLiteral("p99_ms"), l.p99Ms},
                             {QStringLiteral("max_ms"), l.maxMs}});
    return a;
}

void printApiLatency(const QList<ApiLatency> &rows)
{
    out(QStringLiteral("  %1 %2 %3 %4 %5 %6 %7").arg(QStringLiteral("kind"), -22).arg(QStringLiteral("requests"), 9)
            .arg(QStringLiteral("errors"), 7).arg(QStringLiteral("p50 ms"), 9).arg(QStringLiteral("p95 ms"), 9)
            .arg(QStringLiteral("p99 ms"), 9).arg(QStringLiteral("max ms"), 9));
    for (const ApiLatency &l : rows)
        out(QStringLiteral("  %1 %2 %3 %4 %5 %6 %7").arg(l.kind, -22).arg(l.requests, 9).arg(l.errors, 7)
                .arg(l.p50Ms, 9, 'f', 2).arg(l.p95Ms, 9, 'f', 2).arg(l.p99Ms, 9, 'f', 2).arg(l.maxMs, 9, 'f', 1));
}

// benchmark --api: the REST API soak on the data directory as it is.
int apiSoak(const Context &ctx, const ApiSoakOptions &options)
{
    auto engine = openEngine(ctx, false, false, true); // latency of a ready index, not of its load
    if (!engine)
        return StoreUnavailable;
    const ApiSoakReport r = runApiSoak(*engine, options, [&ctx](const QString &s) {
        if (!ctx.json && !ctx.quiet)
            err(s);
    });
    if (!r.error.isEmpty()) {
        err(QStringLiteral("kmsctl benchmark --api: %1").arg(r.error));
        return Failed;
    }
    if (ctx.json) {
        QJsonArray errors;
        for (const QString &e : r.firstErrors)
            errors.append(e);
        printJson(QJsonObject{
            {QStringLiteral("records"), r.records}, {QStringLiteral("clients"), r.clients},
            {QStringLiteral("server_threads"), r.serverThreads}, {QStringLiteral("requests"), r.requests},
            {QStringLiteral("errors"), r.errors}, {QStringLiteral("first_errors"), errors},
            {QStringLiteral("seconds"), r.seconds}, {QStringLiteral("requests_per_second"), r.requestsPerSecond},
            {QStringLiteral("stopped_by_time"), r.stoppedByTime}, {QStringLiteral("latency"), apiLatencyJson(r.kinds)},
            {QStringLiteral("rss_bytes"), QJsonObject{{QStringLiteral("before"), r.rssBeforeBytes},
                                                      {QStringLiteral("warm"), r.rssWarmBytes},
                                                      {QStringLiteral("peak"), r.rssPeakBytes},
                                                      {QStringLiteral("end"), r.rssEndBytes},
                                                      {QStringLiteral("after"), r.rssAfterBytes}}},
            {QStringLiteral("search_over_http"), apiLatencyJson(r.searchOverHttp)},
            {QStringLiteral("search_in_process"), apiLatencyJson(r.searchInProcess)}});
        return r.errors == 0 ? Ok : Failed;
    }
    out(QStringLiteral("store              %1 records").arg(r.records));
    out(QStringLiteral("requests           %1 from %2 clients, %3 server threads, in %4 s%5")
            .arg(r.requests).arg(r.clients).arg(r.serverThreads).arg(r.seconds, 0, 'f', 1)
            .arg(r.stoppedByTime ? QStringLiteral(" (stopped by --max-seconds)") : QString()));
    out(QStringLiteral("throughput         %1 requests/s").arg(r.requestsPerSecond, 0, 'f', 0));
    out(QStringLiteral("errors             %1").arg(r.errors));
    for (const QString &e : r.firstErrors)
        out(QStringLiteral("  %1").arg(e));
    out(QStringLiteral("latency per kind under the mix:"));
    printApiLatency(r.kinds);
    out(QStringLiteral("RSS                before %1, after 10 % warm-up %2, peak %3, at the end %4, server stopped %5")
            .arg(mib(r.rssBeforeBytes), mib(r.rssWarmBytes), mib(r.rssPeakBytes), mib(r.rssEndBytes), mib(r.rssAfterBytes)));
    out(QStringLiteral("the same searches one at a time, over HTTP:"));
    printApiLatency(r.searchOverHttp);
    out(QStringLiteral("and in-process (Engine::search):"));
    printApiLatency(r.searchInProcess);
    return r.errors == 0 ? Ok : Failed;
}

QJsonArray soakLatencyJson(const QList<SoakLatency> &rows)
{
    QJsonArray a;
    for (const SoakLatency &l : rows)
        a.append(QJsonObject{{QStringLiteral("mode"), l.mode}, {QStringLiteral("searches"), l.searches},
                             {QStringLiteral("p50_ms"), l.p50Ms}, {QStringLiteral("p95_ms"), l.p95Ms},
                             {QStringLiteral("max_ms"), l.maxMs}});
    return a;
}

QJsonObject countsJson(const JobCounts &c)
{
    return {{QStringLiteral("inserted"), c.inserted}, {QStringLiteral("updated"), c.updated},
            {QStringLiteral("unchanged"), c.unchanged}, {QStringLiteral("rejected"), c.rejected}};
}

// benchmark --soak: a fresh store in the work folder, loaded and re-synced while searches run.
int ingestSoak(const Context &ctx, const SoakOptions &options)
{
    const SoakReport r = runIngestSoak(options, [&ctx](const QString &s) {
        if (!ctx.json && !ctx.quiet)
            err(s);
    });
    const bool countsEqual = r.storedRecords == r.inputRecords && r.indexVectors == r.inputRecords;
    const bool passed = r.error.isEmpty() && countsEqual && r.integrityOk;
    if (ctx.json) {
        QJsonArray phases, slices, rss, problems;
        for (const SoakPhase &p : r.phases)
            phases.append(QJsonObject{{QStringLiteral("phase"), p.name}, {QStringLiteral("seconds"), p.seconds},
                                      {QStringLiteral("records_per_second"), p.recordsPerSecond},
                                      {QStringLiteral("counts"), countsJson(p.counts)},
                                      {QStringLiteral("search_latency"), soakLatencyJson(p.latency)}});
        for (const SoakSlice &s : r.slices)
            slices.append(QJsonObject{{QStringLiteral("from"), s.fromRecords}, {QStringLiteral("to"), s.toRecords},
                                      {QStringLiteral("seconds"), s.seconds}, {QStringLiteral("records_per_second"), s.recordsPerSecond},
                                      {QStringLiteral("searches"), s.searches}, {QStringLiteral("search_p95_ms"), s.searchP95Ms},
                                      {QStringLiteral("rss_peak_bytes"), s.rssPeakBytes}});
        for (const auto &[at, bytes] : r.rss)
            rss.append(QJsonArray{at, bytes});
        for (const QString &p : r.integrityProblems)
            problems.append(p);
        printJson(QJsonObject{
            {QStringLiteral("error"), r.error}, {QStringLiteral("input_records"), r.inputRecords},
            {QStringLiteral("changed_records"), r.changedRecords}, {QStringLiteral("corpus_bytes"), r.corpusBytes},
            {QStringLiteral("phases"), phases}, {QStringLiteral("slices"), slices},
            {QStringLiteral("rss"), rss}, {QStringLiteral("rss_peak_bytes"), r.rssPeakBytes},
            {QStringLiteral("stored_records"), r.storedRecords}, {QStringLiteral("index_vectors"), r.indexVectors},
            {QStringLiteral("integrity_ok"), r.integrityOk}, {QStringLiteral("missing_from_index"), r.missingFromIndex},
            {QStringLiteral("extra_in_index"), r.extraInIndex}, {QStringLiteral("records_without_vector"), r.recordsWithoutVector},
            {QStringLiteral("integrity_problems"), problems}, {QStringLiteral("integrity_seconds"), r.integritySeconds},
            {QStringLiteral("data_directory_bytes"), r.dataDirectoryBytes}, {QStringLiteral("passed"), passed}});
        return passed ? Ok : Failed;
    }
    if (!r.error.isEmpty())
        err(QStringLiteral("kmsctl benchmark --soak: %1").arg(r.error));
    out(QStringLiteral("input              %1 records (%2 of the corpus file), %3 changed for the re-sync")
            .arg(r.inputRecords).arg(mib(qint64(r.corpusBytes))).arg(r.changedRecords));
    for (const SoakPhase &p : r.phases) {
        out(QStringLiteral("%1 %2 s, %3 rec/s: %4 inserted, %5 updated, %6 unchanged, %7 rejected")
                .arg(p.name, -18).arg(p.seconds, 0, 'f', 1).arg(p.recordsPerSecond, 0, 'f', 0).arg(p.counts.inserted)
                .arg(p.counts.updated).arg(p.counts.unchanged).arg(p.counts.rejected));
        for (const SoakLatency &l : p.latency)
            out(QStringLiteral("  search %1 p50 %2 ms  p95 %3 ms  max %4 ms  (%5 searches)").arg(l.mode, -8)
                    .arg(l.p50Ms, 0, 'f', 2).arg(l.p95Ms, 0, 'f', 2).arg(l.maxMs, 0, 'f', 1).arg(l.searches));
    }
    out(QStringLiteral("the load per slice:"));
    out(QStringLiteral("  %1 %2 %3 %4 %5").arg(QStringLiteral("records"), -20).arg(QStringLiteral("rec/s"), 8)
            .arg(QStringLiteral("searches"), 9).arg(QStringLiteral("p95 ms"), 8).arg(QStringLiteral("RSS peak"), 12));
    for (const SoakSlice &s : r.slices)
        out(QStringLiteral("  %1 %2 %3 %4 %5").arg(QStringLiteral("%1-%2").arg(s.fromRecords).arg(s.toRecords), -20)
                .arg(s.recordsPerSecond, 8, 'f', 0).arg(s.searches, 9).arg(s.searchP95Ms, 8, 'f', 1).arg(mib(s.rssPeakBytes), 12));
    out(QStringLiteral("RSS peak           %1").arg(mib(r.rssPeakBytes)));
    if (!r.error.isEmpty())
        return Failed;
    out(QStringLiteral("at the end         %1 records stored, %2 vectors in the index (input %3): %4")
            .arg(r.storedRecords).arg(r.indexVectors).arg(r.inputRecords)
            .arg(countsEqual ? QStringLiteral("equal") : QStringLiteral("NOT EQUAL")));
    out(QStringLiteral("integrity check    %1 in %2 s (missing from index %3, extra %4, without vector %5)")
            .arg(r.integrityOk ? QStringLiteral("ok") : QStringLiteral("FAILED")).arg(r.integritySeconds, 0, 'f', 1)
            .arg(r.missingFromIndex).arg(r.extraInIndex).arg(r.recordsWithoutVector));
    for (const QString &p : r.integrityProblems)
        out(QStringLiteral("  %1").arg(p));
    out(QStringLiteral("data directory     %1").arg(mib(r.dataDirectoryBytes)));
    return passed ? Ok : Failed;
}
} // namespace

namespace {

// benchmark opens stores of its own (or, with --search-only, the data directory) as it goes.
class BenchmarkCommand : public OptionCommand {
public:
    BenchmarkCommand()
        : OptionCommand("benchmark", "[--cases N] | --search-only | --api [--requests N --clients N] | --soak [--cases N --changed-percent P]",
                        "ingestion speed per stage, HNSW recall, search latency, REST API and ingestion soaks")
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
        parser.addOption({QStringLiteral("api"), QStringLiteral("The REST API soak instead, on the data directory (--data-dir) as it is: a mix of "
                                                                "searches, reads, lists, health, metrics and a few writes over HTTP on 127.0.0.1 "
                                                                "(the cases it writes are deleted again).")});
        parser.addOption({QStringLiteral("soak"), QStringLiteral("The ingestion soak instead: generates --cases (default 950000) and --articles (default 50000), "
                                                                 "loads them into a fresh store in --work-dir while one thread searches without pause, then "
                                                                 "re-syncs the file with --changed-percent of the records changed; RSS over time, the rate and "
                                                                 "search p95 per slice, counts and the integrity check at the end.")});
        parser.addOption({QStringLiteral("changed-percent"), QStringLiteral("--soak: records changed for the re-sync (default 5)."), QStringLiteral("p"), QStringLiteral("5")});
        parser.addOption({QStringLiteral("slice"), QStringLiteral("--soak: records per row of the slice table (default 100000)."), QStringLiteral("n"), QStringLiteral("100000")});
        parser.addOption({QStringLiteral("requests"), QStringLiteral("--api: requests in all (default 20000)."), QStringLiteral("n"), QStringLiteral("20000")});
        parser.addOption({QStringLiteral("clients"), QStringLiteral("--api: concurrent clients (default 8)."), QStringLiteral("n"), QStringLiteral("8")});
        parser.addOption({QStringLiteral("server-threads"), QStringLiteral("--api: server threads (default: as many as clients)."), QStringLiteral("n")});
        parser.addOption({QStringLiteral("max-seconds"), QStringLiteral("--api: stop sending after this long (default 600)."), QStringLiteral("s"), QStringLiteral("600")});
    }
    int check(const QCommandLineParser &parser) override
    {
        if (parser.isSet(QStringLiteral("soak")))
            return checkSoak(parser);
        if (!parser.isSet(QStringLiteral("api")))
            return Ok;
        auto number = [&](const char *name, int min, int max, int *value) {
            bool ok = false;
            const QString text = parser.value(QLatin1String(name));
            *value = text.toInt(&ok);
            if (!ok || *value < min || *value > max) {
                err(QStringLiteral("%1: --%2 '%3' is not a whole number from %4 to %5").arg(invokedAs(), QLatin1String(name), text).arg(min).arg(max));
                return false;
            }
            return true;
        };
        if (!number("requests", 1, 10'000'000, &m_api.requests) || !number("clients", 1, 256, &m_api.clients)
            || !number("max-seconds", 1, 86'400, &m_api.maxSeconds))
            return Usage;
        m_api.serverThreads = m_api.clients;
        if (parser.isSet(QStringLiteral("server-threads")) && !number("server-threads", 1, 256, &m_api.serverThreads))
            return Usage;
        m_api.comparisonQueries = std::max(1, parser.value(QStringLiteral("queries")).toInt());
        return Ok;
    }
    int run(const Context &ctx, const QCommandLineParser &parser) override;

private:
    int checkSoak(const QCommandLineParser &parser)
    {
        // --cases and --articles keep the soak's own defaults (a million) when not given.
        auto count = [&](const char *name, qint64 min, qint64 max, qint64 *value) {
            const QString key = QLatin1String(name);
            if (!parser.isSet(key) && (key == QLatin1String("cases") || key == QLatin1String("articles")))
                return true;
            bool ok = false;
            const QString text = parser.value(key);
            *value = text.toLongLong(&ok);
            if (!ok || *value < min || *value > max) {
                err(QStringLiteral("%1: --%2 '%3' is not a whole number from %4 to %5").arg(invokedAs(), key, text).arg(min).arg(max));
                return false;
            }
            return true;
        };
        qint64 percent = m_soak.changedPercent;
        if (!count("cases", 0, 100'000'000, &m_soak.cases) || !count("articles", 0, 100'000'000, &m_soak.articles)
            || !count("changed-percent", 0, 100, &percent) || !count("slice", 1, 100'000'000, &m_soak.sliceRecords))
            return Usage;
        m_soak.changedPercent = int(percent);
        if (m_soak.cases + m_soak.articles == 0) {
            err(QStringLiteral("%1: --soak needs at least one record (--cases, --articles)").arg(invokedAs()));
            return Usage;
        }
        m_soak.workDir = parser.value(QStringLiteral("work-dir"));
        return Ok;
    }

    ApiSoakOptions m_api;
    SoakOptions m_soak;
};

int BenchmarkCommand::run(const Context &ctx, const QCommandLineParser &parser)
{
    const int queries = std::max(1, parser.value(QStringLiteral("queries")).toInt());
    if (parser.isSet(QStringLiteral("search-only")))
        return searchOnly(ctx, queries);
    if (parser.isSet(QStringLiteral("api")))
        return apiSoak(ctx, m_api);
    if (parser.isSet(QStringLiteral("soak")))
        return ingestSoak(ctx, m_soak);
    BenchmarkOptions o;
    o.cases = parser.value(QStringLiteral("cases")).toLongLong();
    if (parser.isSet(QStringLiteral("articles")))
        o.articles = parser.value(QStringLiteral("articles")).toLongLong();
    o.workers = parser.value(QStringLiteral("workers")).toInt();
    o.batchSize = parser.value(QStringLiteral("batch-size")).toInt();
    o.queries = queries;
    auto optionalInt = [&parser](const char *name) -> std::optional<int> {
        const QString key = QLatin1String(name);
        return parser.isSet(key) ? std::optional<int>(parser.value(key).toInt()) : std::nullopt;
    };
    o.hnswM = optionalInt("hnsw-m");
    o.efConstruction = optionalInt("ef-construction");
    o.efSearch = optionalInt("ef-search");
    o.dimension = optionalInt("dimension");
    o.workDir = parser.value(QStringLiteral("work-dir"));

    const BenchmarkReport r = runIngestBenchmark(o, [&ctx](const QString &s) {
        if (!ctx.json && !ctx.quiet)
            err(s);
    });
    switch (r.failure) {
    case BenchmarkReport::Failure::None: break;
    case BenchmarkReport::Failure::Input: err(QStringLiteral("kmsctl benchmark: %1").arg(r.error)); return Usage;
    case BenchmarkReport::Failure::Store: err(QStringLiteral("kmsctl benchmark: %1").arg(r.error)); return StoreUnavailable;
    case BenchmarkReport::Failure::Run: err(QStringLiteral("kmsctl benchmark: %1").arg(r.error)); return Failed;
    }

    QJsonArray stageJson;
    for (const StageTiming &s : r.stagesAlone)
        stageJson.append(QJsonObject{{QStringLiteral("stage"), s.name}, {QStringLiteral("records"), s.records},
                                     {QStringLiteral("seconds"), s.seconds}, {QStringLiteral("records_per_second"), s.rate()},
                                     {QStringLiteral("note"), s.note}});
    QJsonArray inPipeline;
    for (const StageBusy &b : r.pipelineBusy)
        inPipeline.append(QJsonObject{{QStringLiteral("stage"), b.stage},
                                      {QStringLiteral("busy_seconds"), b.busySeconds},
                                      {QStringLiteral("records"), b.records}});
    if (ctx.json) {
        printJson(QJsonObject{
            {QStringLiteral("records"), r.records},
            {QStringLiteral("cases"), r.cases},
            {QStringLiteral("articles"), r.articles},
            {QStringLiteral("workers"), r.workers},
            {QStringLiteral("batch_size"), r.batchSize},
            {QStringLiteral("embedder"), r.embedderId},
            {QStringLiteral("hnsw"), QJsonObject{{QStringLiteral("M"), r.hnswM}, {QStringLiteral("ef_construction"), r.efConstruction},
                                                 {QStringLiteral("ef_search"), r.efSearch}}},
            {QStringLiteral("end_to_end_seconds"), r.endToEndSeconds},
            {QStringLiteral("throughput_per_second"), r.throughput},
            {QStringLiteral("pipeline_stage_busy"), inPipeline},
            {QStringLiteral("stages_alone"), stageJson},
            {QStringLiteral("slowest_stage"), r.slowestStage},
            {QStringLiteral("ratio_to_slowest_stage"), r.ratioToSlowest},
            {QStringLiteral("recall_at_10"), r.recallAt10},
            {QStringLiteral("vector_search_mean_ms"), r.vectorSearchMeanMs},
            {QStringLiteral("index_vectors"), r.indexVectors},
            {QStringLiteral("search_latency"), latencyJson(r.searchLatency)}});
        return Ok;
    }
    out(QStringLiteral("records            %1 (%2 cases, %3 articles), %4 workers, batch %5")
            .arg(humanCount(double(r.records))).arg(r.cases).arg(r.articles).arg(r.workers).arg(r.batchSize));
    out(QStringLiteral("end to end         %1 rec/s (%2 s)").arg(humanCount(r.throughput)).arg(r.endToEndSeconds, 0, 'f', 2));
    out(QStringLiteral("stage busy time in the pipeline (summed over threads):"));
    for (const StageBusy &b : r.pipelineBusy)
        out(QStringLiteral("  %1 %2 s").arg(b.stage, -12).arg(b.busySeconds, 0, 'f', 2));
    out(QStringLiteral("stages alone on the same data:"));
    for (const StageTiming &s : r.stagesAlone)
        out(QStringLiteral("  %1 %2 rec/s  (%3)").arg(s.name, -40).arg(humanCount(s.rate()), 10).arg(s.note));
    out(QStringLiteral("slowest stage      %1; end to end is %2 % of it").arg(r.slowestStage).arg(r.ratioToSlowest * 100, 0, 'f', 0));
    out(QStringLiteral("HNSW recall@10     %1 at ef=%2 (%3 queries, mean %4 ms)")
            .arg(r.recallAt10, 0, 'f', 3).arg(r.efSearch).arg(r.recallQueries).arg(r.vectorSearchMeanMs, 0, 'f', 3));
    out(QStringLiteral("search latency on the loaded store (case titles as queries):"));
    printLatency(r.searchLatency);
    return Ok;
}

} // namespace

std::unique_ptr<Command> makeBenchmarkCommand()
{
    return std::make_unique<BenchmarkCommand>();
}

} // namespace kms::cli
