// SPDX-License-Identifier: MIT
// kmsctl search / similar / search-log.
#include "Command.h"

#include "engine/Engine.h"
#include "search/SearchTypes.h"
#include "search/SearchLog.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kms::cli {

namespace {
QJsonObject hitJson(const SearchHit &h, bool explain)
{
    QJsonObject o{{QStringLiteral("id"), h.id},
                  {QStringLiteral("external_id"), h.externalId},
                  {QStringLiteral("collection"), collectionName(h.collection)},
                  {QStringLiteral("title"), h.title},
                  {QStringLiteral("snippet"), h.snippet},
                  {QStringLiteral("status"), h.status},
                  {QStringLiteral("priority"), h.priority},
                  {QStringLiteral("product"), h.product},
                  {QStringLiteral("category"), h.category},
                  {QStringLiteral("score"), h.score}};
    if (explain)
        o.insert(QStringLiteral("explanation"),
                 QJsonObject{{QStringLiteral("keyword_rank"), h.explanation.keywordRank},
                             {QStringLiteral("bm25"), h.explanation.bm25},
                             {QStringLiteral("expansion_bm25"), h.explanation.expansion},
                             {QStringLiteral("vector_rank"), h.explanation.vectorRank},
                             {QStringLiteral("similarity"), h.explanation.similarity},
                             {QStringLiteral("fused"), h.explanation.fused}});
    return o;
}

// Terminal output marks matches in bold; plain output keeps the [[ ]] markers.
QString shownSnippet(const QString &s)
{
    if (!stdoutIsTerminal())
        return s;
    QString out = s;
    out.replace(QStringLiteral("[["), QStringLiteral("\x1b[1m")).replace(QStringLiteral("]]"), QStringLiteral("\x1b[0m"));
    return out;
}

int printResult(const Context &ctx, const SearchResult &r, bool explain)
{
    if (ctx.json) {
        QJsonArray hits;
        for (const SearchHit &h : r.hits)
            hits.append(hitJson(h, explain));
        QJsonObject o{{QStringLiteral("hits"), hits},
                      {QStringLiteral("expanded_query"), r.expandedQuery},
                      {QStringLiteral("fts_query"), r.ftsQuery},
                      {QStringLiteral("expansion_terms"), QJsonArray::fromStringList(r.expansionTerms)},
                      {QStringLiteral("keyword_candidates"), r.keywordCandidates},
                      {QStringLiteral("vector_candidates"), r.vectorCandidates},
                      {QStringLiteral("exact_vector_search"), r.exactVectorSearch},
                      {QStringLiteral("not_embedded"), r.notEmbedded},
                      {QStringLiteral("latency_ms"), r.latencyMs}};
        if (!r.error.isEmpty())
            o.insert(QStringLiteral("error"), r.error);
        if (!r.note.isEmpty())
            o.insert(QStringLiteral("note"), r.note);
        printJson(o);
    } else {
        if (!r.expandedQuery.isEmpty())
            out(QStringLiteral("query: %1").arg(r.expandedQuery));
        if (explain && !r.expansionTerms.isEmpty())
            out(QStringLiteral("expanded with: %1").arg(r.expansionTerms.join(u' ')));
        int rank = 0;
        for (const SearchHit &h : r.hits) {
            out(QStringLiteral("%1. [%2] %3  %4  (%5%6)")
                    .arg(++rank).arg(collectionName(h.collection), h.externalId, h.title)
                    .arg(h.score, 0, 'g', 4)
                    .arg(h.status.isEmpty() ? QString() : QStringLiteral(", ") + h.status));
            out(QStringLiteral("   %1").arg(shownSnippet(h.snippet)));
            if (explain)
                out(QStringLiteral("   keyword rank %1 (bm25 %2, expansion %3), vector rank %4 (cosine %5), fused %6")
                        .arg(h.explanation.keywordRank).arg(h.explanation.bm25, 0, 'f', 3)
                        .arg(h.explanation.expansion, 0, 'f', 3)
                        .arg(h.explanation.vectorRank).arg(h.explanation.similarity, 0, 'f', 3)
                        .arg(h.explanation.fused, 0, 'g', 4));
        }
        out(QStringLiteral("%1 hits in %2 ms").arg(r.hits.size()).arg(r.latencyMs, 0, 'f', 1));
        if (!r.note.isEmpty())
            out(QStringLiteral("note: %1").arg(r.note));
        if (r.notEmbedded > 0)
            out(QStringLiteral("%1 records are not embedded yet (the embedder failed on them): the vector side "
                               "cannot find them until the backlog is filled; keyword search can")
                    .arg(r.notEmbedded));
    }
    if (!r.error.isEmpty()) {
        err(QStringLiteral("kmsctl: %1").arg(r.error));
        return Failed;
    }
    return Ok;
}

bool readFilters(const QCommandLineParser &parser, SearchFilters *filters)
{
    if (parser.isSet(QStringLiteral("collection"))) {
        const QString c = parser.value(QStringLiteral("collection"));
        if (c != QLatin1String("both") && c != QLatin1String("all")) {
            filters->collection = collectionFromName(c);
            if (!filters->collection) {
                err(QStringLiteral("kmsctl: unknown collection '%1' (use cases, knowledge or both)").arg(c));
                return false;
            }
        }
    }
    for (const QString &spec : parser.values(QStringLiteral("filter"))) {
        QString error;
        if (!filters->add(spec, &error)) {
            err(QStringLiteral("kmsctl: --filter %1: %2").arg(spec, error));
            return false;
        }
    }
    return true;
}

int intValue(const QCommandLineParser &parser, const char *name, int min, int max, bool *ok)
{
    bool parsed = false;
    const int v = parser.value(QLatin1String(name)).toInt(&parsed);
    if (!parsed || v < min || v > max) {
        err(QStringLiteral("kmsctl: --%1 must be a number from %2 to %3").arg(QLatin1String(name)).arg(min).arg(max));
        *ok = false;
    }
    return v;
}

class SearchCommand : public EngineCommand {
public:
    SearchCommand()
        : EngineCommand("search",
                        "TEXT [--mode keyword|vector|hybrid] [--collection C] [--filter k=v]... [-k N]\n"
                        "         [--fusion rrf|weighted] [--explain]",
                        "find cases and articles; matched words marked")
    {
    }

protected:
    bool readsOnly() const override { return true; }
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Searches cases and articles. Query syntax: words, \"a phrase\", prefix*, -excluded, title:word,\n"
            "status:open priority:high product:\"Orbit CRM\" ... Matched words are marked."));
        parser.addPositionalArgument(QStringLiteral("text"), QStringLiteral("The query."), QStringLiteral("TEXT"));
        parser.addOption({QStringLiteral("mode"), QStringLiteral("keyword, vector or hybrid (default)."), QStringLiteral("m"), QStringLiteral("hybrid")});
        parser.addOption({QStringLiteral("collection"), QStringLiteral("cases, knowledge or both (default)."), QStringLiteral("c")});
        parser.addOption({QStringLiteral("filter"), QStringLiteral("key=value, e.g. status=open, updated>=2024-01-01 (repeatable)."), QStringLiteral("spec")});
        parser.addOption({QStringLiteral("k"), QStringLiteral("Hits per page (default 10)."), QStringLiteral("n"), QStringLiteral("10")});
        parser.addOption({QStringLiteral("page"), QStringLiteral("Page number, from 1."), QStringLiteral("n"), QStringLiteral("1")});
        const SearchQuery defaults;
        parser.addOption({QStringLiteral("fusion"), QStringLiteral("rrf or weighted (default %1).").arg(fusionMethodName(defaults.fusion)),
                          QStringLiteral("f"), fusionMethodName(defaults.fusion)});
        parser.addOption({QStringLiteral("rrf-k"), QStringLiteral("RRF constant (default %1).").arg(defaults.rrfK),
                          QStringLiteral("n"), QString::number(defaults.rrfK)});
        parser.addOption({QStringLiteral("keyword-weight"),
                          QStringLiteral("Keyword share in the fusion, 0..1 (default %1).").arg(defaults.keywordWeight),
                          QStringLiteral("w"), QString::number(defaults.keywordWeight)});
        parser.addOption({QStringLiteral("expansion-terms"),
                          QStringLiteral("Hybrid: words added from the top keyword hits (default %1, 0: none).").arg(defaults.expansionTerms),
                          QStringLiteral("n"), QString::number(defaults.expansionTerms)});
        parser.addOption({QStringLiteral("ef"), QStringLiteral("HNSW ef for this query (default: the index's)."), QStringLiteral("n"), QStringLiteral("0")});
        parser.addOption({QStringLiteral("explain"), QStringLiteral("Show BM25 / vector ranks and scores of every hit.")});
    }
    int check(const QCommandLineParser &parser) override;
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;

private:
    SearchQuery m_query;
};

int SearchCommand::check(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().isEmpty()) {
        err(QStringLiteral("kmsctl search: no query text given"));
        return Usage;
    }
    SearchQuery &q = m_query;
    q = SearchQuery();
    q.text = parser.positionalArguments().join(QLatin1Char(' '));
    const auto mode = searchModeFromName(parser.value(QStringLiteral("mode")));
    const auto fusion = fusionMethodFromName(parser.value(QStringLiteral("fusion")));
    if (!mode || !fusion) {
        err(QStringLiteral("kmsctl search: --mode takes keyword|vector|hybrid and --fusion rrf|weighted"));
        return Usage;
    }
    q.mode = *mode;
    q.fusion = *fusion;
    bool ok = true;
    q.k = intValue(parser, "k", 1, 1000, &ok);
    const int page = intValue(parser, "page", 1, 100000, &ok);
    q.rrfK = intValue(parser, "rrf-k", 1, 10000, &ok);
    q.ef = intValue(parser, "ef", 0, 10000, &ok);
    q.expansionTerms = intValue(parser, "expansion-terms", 0, 50, &ok);
    bool wOk = false;
    q.keywordWeight = parser.value(QStringLiteral("keyword-weight")).toDouble(&wOk);
    if (!wOk || q.keywordWeight < 0 || q.keywordWeight > 1) {
        err(QStringLiteral("kmsctl search: --keyword-weight must be between 0 and 1"));
        ok = false;
    }
    if (!ok || !readFilters(parser, &q.filters))
        return Usage;
    q.offset = (page - 1) * q.k;
    return Ok;
}

int SearchCommand::runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine)
{
    return printResult(ctx, engine.search(m_query), parser.isSet(QStringLiteral("explain")));
}

class SimilarCommand : public EngineCommand {
public:
    SimilarCommand() : EngineCommand("similar", "ID", "more like this: the records nearest to a record") {}

protected:
    bool readsOnly() const override { return true; }
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("More like this: the records nearest to a stored record.\n"
                                                        "ID is the record's id or its external id (e.g. CS-0000042)."));
        parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Record id or external id."), QStringLiteral("ID"));
        parser.addOption({QStringLiteral("k"), QStringLiteral("How many (default 10)."), QStringLiteral("n"), QStringLiteral("10")});
        parser.addOption({QStringLiteral("collection"), QStringLiteral("cases, knowledge or both (default)."), QStringLiteral("c")});
        parser.addOption({QStringLiteral("filter"), QStringLiteral("key=value (repeatable)."), QStringLiteral("spec")});
    }
    int check(const QCommandLineParser &parser) override;
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;

private:
    int m_k = 10;
    SearchFilters m_filters;
};

int SimilarCommand::check(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1) {
        err(QStringLiteral("kmsctl similar: give exactly one record id"));
        return Usage;
    }
    bool ok = true;
    m_k = intValue(parser, "k", 1, 1000, &ok);
    m_filters = SearchFilters();
    if (!ok || !readFilters(parser, &m_filters))
        return Usage;
    return Ok;
}

int SimilarCommand::runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine)
{
    const QString idText = parser.positionalArguments().first();
    bool numeric = false;
    qint64 id = idText.toLongLong(&numeric);
    if (!numeric) {
        id = engine.recordIdOf(idText);
        if (id == 0) {
            err(QStringLiteral("kmsctl similar: there is no record '%1'").arg(idText));
            return Failed;
        }
    }
    return printResult(ctx, engine.similar(id, m_k, m_filters), true);
}

class SearchLogCommand : public EngineCommand {
public:
    SearchLogCommand()
        : EngineCommand("search-log", "[--top | --zero-results | --latency]", "search analytics")
    {
    }

protected:
    bool readsOnly() const override { return true; }
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Search analytics: recent queries, top queries, zero-result queries, latency."));
        parser.addOption({QStringLiteral("top"), QStringLiteral("Most frequent queries.")});
        parser.addOption({QStringLiteral("zero-results"), QStringLiteral("Queries that found nothing.")});
        parser.addOption({QStringLiteral("latency"), QStringLiteral("Latency percentiles per mode.")});
        parser.addOption({QStringLiteral("limit"), QStringLiteral("Rows (default 20)."), QStringLiteral("n"), QStringLiteral("20")});
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;
};

int SearchLogCommand::runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine)
{
    const int limit = std::max(1, parser.value(QStringLiteral("limit")).toInt());
        if (parser.isSet(QStringLiteral("latency"))) {
        QJsonArray a;
        for (const LatencySummary &l : engine.searchLatency()) {
            a.append(QJsonObject{{QStringLiteral("mode"), searchModeName(l.mode)}, {QStringLiteral("queries"), l.queries},
                                 {QStringLiteral("p50_ms"), l.p50Ms}, {QStringLiteral("p95_ms"), l.p95Ms},
                                 {QStringLiteral("p99_ms"), l.p99Ms}});
            if (!ctx.json)
                out(QStringLiteral("%1  %2 queries  p50 %3 ms  p95 %4 ms  p99 %5 ms")
                        .arg(searchModeName(l.mode), -8).arg(l.queries).arg(l.p50Ms, 0, 'f', 1)
                        .arg(l.p95Ms, 0, 'f', 1).arg(l.p99Ms, 0, 'f', 1));
        }
        if (ctx.json)
            printJson(a);
        return Ok;
    }
    if (parser.isSet(QStringLiteral("top")) || parser.isSet(QStringLiteral("zero-results"))) {
        const QList<QueryCount> rows = parser.isSet(QStringLiteral("top")) ? engine.topQueries(limit) : engine.zeroResultQueries(limit);
        QJsonArray a;
        for (const QueryCount &q : rows) {
            a.append(QJsonObject{{QStringLiteral("query"), q.text}, {QStringLiteral("count"), q.count},
                                 {QStringLiteral("mean_latency_ms"), q.meanLatencyMs},
                                 {QStringLiteral("last_seen"), q.lastSeen.toString(Qt::ISODate)}});
            if (!ctx.json)
                out(QStringLiteral("%1  %2  (%3 ms)").arg(q.count, 5).arg(q.text).arg(q.meanLatencyMs, 0, 'f', 1));
        }
        if (ctx.json)
            printJson(a);
        return Ok;
    }
    QJsonArray a;
    for (const SearchLogEntry &e : engine.recentSearches(limit)) {
        const QString when = QDateTime::fromMSecsSinceEpoch(e.timestampMs).toString(Qt::ISODate);
        a.append(QJsonObject{{QStringLiteral("time"), when}, {QStringLiteral("query"), e.text},
                             {QStringLiteral("mode"), searchModeName(e.mode)}, {QStringLiteral("filters"), e.filtersJson},
                             {QStringLiteral("hits"), e.hits}, {QStringLiteral("latency_ms"), e.latencyMs}});
        if (!ctx.json)
            out(QStringLiteral("%1  %2  %3 hits  %4 ms  %5").arg(when).arg(searchModeName(e.mode), -7).arg(e.hits, 4)
                    .arg(e.latencyMs, 6, 'f', 1).arg(e.text));
    }
    if (ctx.json)
        printJson(a);
    return Ok;
}

} // namespace

std::unique_ptr<Command> makeSearchCommand() { return std::make_unique<SearchCommand>(); }
std::unique_ptr<Command> makeSimilarCommand() { return std::make_unique<SimilarCommand>(); }
std::unique_ptr<Command> makeSearchLogCommand() { return std::make_unique<SearchLogCommand>(); }

} // namespace kms::cli
