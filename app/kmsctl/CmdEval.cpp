// SPDX-License-Identifier: MIT
// kmsctl eval: relevance of each search mode on a BEIR-layout test collection.
#include "CmdLsa.h"
#include "Command.h"
#include "ProviderOptions.h"

#include "embed/Embedder.h"
#include "engine/Engine.h"
#include "search/Evaluation.h"
#include "search/SearchTypes.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

namespace kms::cli {

namespace {

// eval loads the collection into a temporary store of its own: the data directory is not opened.
class EvalCommand : public OptionCommand {
public:
    EvalCommand()
        : OptionCommand("eval", "--corpus C --queries Q --qrels R [--mode M] [--embedder hash|lsa|openai|bert [options]]",
                        "nDCG@10, Recall@100, MRR@10 and latency on a BEIR collection")
    {
    }

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Relevance of each search mode on a BEIR-layout test collection, loaded into a temporary store.\n"
            "nDCG@10, Recall@100 and MRR@10 are averaged over every judged query (a query with no hit scores 0)."));
        parser.addOption({QStringLiteral("corpus"), QStringLiteral("corpus.jsonl[.gz] (_id, title, text)."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("queries"), QStringLiteral("queries.jsonl (_id, text)."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("qrels"), QStringLiteral("qrels TSV (query-id, corpus-id, score)."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("mode"), QStringLiteral("keyword, vector or hybrid (default: all three)."), QStringLiteral("m")});
        parser.addOption({QStringLiteral("embedder"),
                          QStringLiteral("hash (default); lsa: trained on the corpus, then re-embedded; openai or bert: "
                                         "described by the provider options below, as for kmsctl embedder set."),
                          QStringLiteral("provider"), QStringLiteral("hash")});
        addProviderOptions(parser, false);
        parser.addOption({QStringLiteral("lsa-rank"), QStringLiteral("With --embedder lsa: latent dimensions."), QStringLiteral("n"),
                          QStringLiteral("256")});
        parser.addOption({QStringLiteral("fusion"), QStringLiteral("Hybrid fusion: rrf or weighted (default: the search default)."), QStringLiteral("f")});
        parser.addOption({QStringLiteral("keyword-weight"), QStringLiteral("Hybrid keyword share 0..1 (default: the search default)."), QStringLiteral("w")});
        parser.addOption({QStringLiteral("rrf-k"), QStringLiteral("RRF constant."), QStringLiteral("n")});
        parser.addOption({QStringLiteral("feedback-docs"), QStringLiteral("Hybrid: keyword hits fed back into the vector query."), QStringLiteral("n")});
        parser.addOption({QStringLiteral("feedback-weight"), QStringLiteral("Hybrid: weight of that feedback."), QStringLiteral("w")});
        parser.addOption({QStringLiteral("expansion-terms"), QStringLiteral("Hybrid: words added from the top keyword hits (0: none)."), QStringLiteral("n")});
        parser.addOption({QStringLiteral("expansion-weight"), QStringLiteral("Hybrid: weight of their BM25 against the query's own."), QStringLiteral("w")});
    }
    int run(const Context &ctx, const QCommandLineParser &parser) override;
};

int EvalCommand::run(const Context &ctx, const QCommandLineParser &parser)
{
    for (const char *name : {"corpus", "queries", "qrels"})
        if (!parser.isSet(QLatin1String(name))) {
            err(QStringLiteral("kmsctl eval: --%1 is required").arg(QLatin1String(name)));
            return Usage;
        }
    QList<SearchMode> modes{SearchMode::Keyword, SearchMode::Vector, SearchMode::Hybrid};
    if (parser.isSet(QStringLiteral("mode"))) {
        const auto m = searchModeFromName(parser.value(QStringLiteral("mode")));
        if (!m) {
            err(QStringLiteral("kmsctl eval: --mode takes keyword|vector|hybrid"));
            return Usage;
        }
        modes = {*m};
    }
    QString error;
    QList<EvalQuery> queries;
    Qrels qrels;
    if (!loadBeirQueries(parser.value(QStringLiteral("queries")), &queries, &error)
        || !loadQrels(parser.value(QStringLiteral("qrels")), &qrels, &error)) {
        err(QStringLiteral("kmsctl eval: %1").arg(error));
        return Failed;
    }
    const QString provider = parser.value(QStringLiteral("embedder"));
    bool rankOk = false;
    const int lsaRank = parser.value(QStringLiteral("lsa-rank")).toInt(&rankOk);
    if (!rankOk || lsaRank < 16 || lsaRank > 1024) {
        err(QStringLiteral("kmsctl eval: --lsa-rank must be a whole number from 16 to 1024, got \"%1\"")
                .arg(parser.value(QStringLiteral("lsa-rank"))));
        return Usage;
    }
    if (!EngineConfig::providers().contains(provider)) {
        err(QStringLiteral("kmsctl eval: --embedder must be one of %1, got \"%2\"")
                .arg(EngineConfig::providers().join(QStringLiteral(", ")), provider));
        return Usage;
    }
    QTemporaryDir tmp;
    Engine::Options eo;
    eo.dataDirectory = tmp.path();
    eo.logToFile = false;
    auto engine = Engine::open(eo, &error);
    if (!engine) {
        err(QStringLiteral("kmsctl eval: %1").arg(error));
        return StoreUnavailable;
    }
    // A given embedder is set on the empty store, so the corpus is embedded once, by it. LSA learns
    // from the corpus, so it is trained after the load.
    if (provider != QLatin1String("lsa")) {
        EngineConfig wanted;
        if (!candidateFrom(parser, engine->config(), provider, &wanted, &error)) {
            err(QStringLiteral("kmsctl eval: %1").arg(error));
            return Usage;
        }
        const EmbedderTestResult tried = engine->testEmbedder(wanted);
        if (!tried.ok || !engine->applyConfig(wanted, {}, nullptr, &error)) {
            err(QStringLiteral("kmsctl eval: the embedder cannot be used: %1").arg(tried.ok ? error : tried.error));
            return Failed;
        }
    }
    IngestOptions io;
    io.files = {parser.value(QStringLiteral("corpus"))};
    io.collection = Collection::Knowledge;
    io.initialLoad = true;
    const JobInfo job = engine->runJob(io);
    if (job.status != JobStatus::Completed) {
        err(QStringLiteral("kmsctl eval: loading the corpus failed: %1").arg(job.error));
        return Failed;
    }
    if (!ctx.json && !ctx.quiet)
        out(QStringLiteral("corpus: %1 documents (%2 rejected); %3 judged queries")
                .arg(job.counts.inserted).arg(job.counts.rejected).arg(qrels.size()));
    if (const qint64 backlog = engine->vectorBacklog(); backlog > 0) {
        // Scores with records missing from the vector side would be the embedder's outage, not its quality.
        err(QStringLiteral("kmsctl eval: %1 documents got no vector from the embedder (%2)")
                .arg(backlog).arg(engine->embedderInfo().usage.lastError));
        return Failed;
    }
    if (provider == QLatin1String("lsa") && !useEmbedder(ctx, *engine, provider, lsaRank, &error)) {
        err(QStringLiteral("kmsctl eval: %1").arg(error));
        return Failed;
    }
    QJsonArray rows;
    for (SearchMode mode : modes) {
        const ModeScores s = evaluate(mode, queries, qrels, [&](const QString &text, double *latencyMs) {
            SearchQuery q;
            q.text = text;
            q.mode = mode;
            if (parser.isSet(QStringLiteral("fusion")))
                q.fusion = fusionMethodFromName(parser.value(QStringLiteral("fusion"))).value_or(q.fusion);
            if (parser.isSet(QStringLiteral("keyword-weight")))
                q.keywordWeight = std::clamp(parser.value(QStringLiteral("keyword-weight")).toDouble(), 0.0, 1.0);
            if (parser.isSet(QStringLiteral("rrf-k")))
                q.rrfK = std::max(1, parser.value(QStringLiteral("rrf-k")).toInt());
            if (parser.isSet(QStringLiteral("feedback-docs")))
                q.feedbackDocs = std::max(0, parser.value(QStringLiteral("feedback-docs")).toInt());
            if (parser.isSet(QStringLiteral("feedback-weight")))
                q.feedbackWeight = parser.value(QStringLiteral("feedback-weight")).toDouble();
            if (parser.isSet(QStringLiteral("expansion-terms")))
                q.expansionTerms = std::max(0, parser.value(QStringLiteral("expansion-terms")).toInt());
            if (parser.isSet(QStringLiteral("expansion-weight")))
                q.expansionWeight = std::max(0.0, parser.value(QStringLiteral("expansion-weight")).toDouble());
            q.k = 100;
            q.log = false;
            const SearchResult r = engine->search(q);
            *latencyMs = r.latencyMs;
            QStringList ids;
            for (const SearchHit &h : r.hits)
                ids.append(h.externalId);
            return ids;
        });
        rows.append(QJsonObject{{QStringLiteral("mode"), searchModeName(mode)}, {QStringLiteral("queries"), s.queries},
                                {QStringLiteral("ndcg@10"), s.ndcg10}, {QStringLiteral("recall@100"), s.recall100},
                                {QStringLiteral("mrr@10"), s.mrr10}, {QStringLiteral("p50_ms"), s.p50Ms},
                                {QStringLiteral("p95_ms"), s.p95Ms}});
        if (!ctx.json)
            out(QStringLiteral("%1  queries %2  nDCG@10 %3  Recall@100 %4  MRR@10 %5  p50 %6 ms  p95 %7 ms")
                    .arg(searchModeName(mode), -8).arg(s.queries).arg(s.ndcg10, 0, 'f', 4).arg(s.recall100, 0, 'f', 4)
                    .arg(s.mrr10, 0, 'f', 4).arg(s.p50Ms, 0, 'f', 2).arg(s.p95Ms, 0, 'f', 2));
    }
    if (ctx.json)
        printJson(QJsonObject{{QStringLiteral("documents"), job.counts.inserted},
                              {QStringLiteral("embedder"), engine->embedderInfo().id},
                              {QStringLiteral("averaging"), QStringLiteral("all judged queries; no hit scores 0")},
                              {QStringLiteral("modes"), rows}});
    return Ok;
}

} // namespace

std::unique_ptr<Command> makeEvalCommand()
{
    return std::make_unique<EvalCommand>();
}

} // namespace kms::cli
