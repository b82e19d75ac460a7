// SPDX-License-Identifier: MIT
#include "search/SearchEngine.h"

#include "embed/Embedder.h"
#include "index/VectorIndex.h"
#include "search/CommonTermCounts.h"
#include "search/Fusion.h"
#include "search/QueryExpansion.h"
#include "search/QueryParser.h"
#include "search/SearchLog.h"
#include "search/Snippet.h"
#include "storage/SearchQueries.h"
#include "storage/StorePool.h"
#include "text/Normalizer.h"

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace kms {

namespace {
// Above this many matching records a filtered vector query oversamples the HNSW index; at or below
// it, exact search over the matching records is both cheaper and complete.
constexpr qint64 kExactSearchLimit = 5000;
// Above it, up to kAmongLimit matching records may be scored exactly against the vectors the index
// holds instead (see vectorSearch for when).
constexpr double kAmongCostRatio = 35.0;
constexpr qint64 kAmongLimit = 100'000;
// A first round's share, times the records, estimates the matching ones within about a fifth (at
// a million: 5.8 % of 400 candidates for a value 4.7 % of the records hold, 9.2 % for 9.5 %).
constexpr double kAmongEstimateSlack = 1.25;

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

void mergeFilters(SearchFilters &into, const SearchFilters &from)
{
    if (from.collection)
        into.collection = from.collection;
    into.statuses += from.statuses;
    into.priorities += from.priorities;
    into.products += from.products;
    into.categories += from.categories;
    into.tags += from.tags;
    auto later = [](QDateTime &a, const QDateTime &b) { if (b.isValid() && (!a.isValid() || b > a)) a = b; };
    auto earlier = [](QDateTime &a, const QDateTime &b) { if (b.isValid() && (!a.isValid() || b < a)) a = b; };
    later(into.createdFrom, from.createdFrom);
    later(into.updatedFrom, from.updatedFrom);
    earlier(into.createdTo, from.createdTo);
    earlier(into.updatedTo, from.updatedTo);
}

} // namespace

SearchEngine::SearchEngine(Parts parts)
    : m_parts(std::move(parts)), m_commonCounts(std::make_unique<CommonTermCounts>())
{
}

SearchEngine::~SearchEngine() = default;

namespace {
// Nearest records to `query` that pass `filters`, best first, at most n.
struct VectorOutcome {
    QList<RankedId> hits;
    bool exact = false;
    QString error;
};

// Appends to out->hits, best first, the ranked records that pass the filters, checked a chunk at a
// time until n pass (or out->error is set).
void keepPassing(SearchQueries &db, const QList<VectorHit> &ranked, const SearchFilters &filters, qint64 excludeId,
                 int n, int wanted, const std::atomic<bool> *cancel, VectorOutcome *out)
{
    const qsizetype chunk = std::max(4 * wanted, 256);
    for (qsizetype from = 0; from < ranked.size() && out->hits.size() < n; from += chunk) {
        const qsizetype to = std::min(ranked.size(), from + chunk);
        QList<qint64> ids;
        for (qsizetype i = from; i < to; ++i)
            ids.append(ranked[i].id);
        QSet<qint64> pass;
        if (!db.passing(ids, filters, &pass)) {
            out->error = db.error();
            return;
        }
        for (qsizetype i = from; i < to; ++i)
            if (pass.contains(ranked[i].id) && ranked[i].id != excludeId && out->hits.size() < n)
                out->hits.append({ranked[i].id, ranked[i].similarity});
        if (isCancelled(cancel))
            return;
    }
}

VectorOutcome vectorSearch(Store &store, const VectorIndex &index, const QString &embedderId,
                           std::span<const float> query, int n, int ef, const SearchFilters &filters,
                           const QString &tagsNarrowing, qint64 excludeId, const std::atomic<bool> *cancel)
{
    VectorOutcome out;
    if (n <= 0)
        return out;
    const int wanted = n + (excludeId > 0 ? 1 : 0);
    if (filters.isEmpty()) {
        for (const VectorHit &h : index.search(query, wanted, ef))
            if (h.id != excludeId && out.hits.size() < n)
                out.hits.append({h.id, h.similarity});
        return out;
    }
    SearchQueries db(store);
    // Counted only as far as the choice below needs: a common status is not walked to its end.
    const qint64 matching = db.countMatching(filters, kExactSearchLimit + 1, tagsNarrowing);
    if (matching < 0) {
        out.error = db.error();
        return out;
    }
    if (matching == 0)
        return out;
    const int dim = index.dimension();
    if (matching <= kExactSearchLimit) {
        // Exact: every matching record's vector, scored directly. Complete by construction.
        out.exact = true;
        std::vector<std::pair<float, qint64>> scored;
        scored.reserve(size_t(matching));
        bool stopped = false;
        const bool ok = db.vectorsMatching(embedderId, filters, tagsNarrowing, [&](qint64 id, std::span<const float> v) {
            if (id == excludeId || v.size() != size_t(dim))
                return true;
            float dot = 0;
            for (int d = 0; d < dim; ++d)
                dot += v[size_t(d)] * query[size_t(d)];
            scored.emplace_back(dot, id);
            stopped = (scored.size() & 1023) == 0 && isCancelled(cancel);
            return !stopped;
        });
        if (!ok) {
            out.error = db.error();
            return out;
        }
        if (stopped)
            return out;
        const size_t top = std::min(scored.size(), size_t(n));
        std::partial_sort(scored.begin(), scored.begin() + qsizetype(top), scored.end(),
                          [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
        for (size_t i = 0; i < top; ++i)
            out.hits.append({scored[i].second, scored[i].first});
        return out;
    }
    // Oversample the index and keep what passes the filter; grow until k pass or the index is
    // exhausted, so a filtered query still returns k hits when k matching records exist.
    const qint64 live = index.size();
    qint64 fetch = std::max<qint64>(qint64(wanted) * 4, 64);
    // Exact scoring against the index's own vectors (VectorIndex::searchAmong) costs about 1 us a
    // matching record (listed, scored), oversampling about 35 us for each of the wanted / share
    // candidates it asks the graphs for (measured at a million): the first wins while matching <
    // 35 * wanted / share. The share is the first round's, and its share of the records estimates
    // how many match, so a common value is never listed. Tried once. A tag filter is listed by its
    // full-text narrowing alone (the exact check reads each record's row, 3 us): those records are
    // scored, then checked best first until n pass.
    bool triedAmong = !filters.tags.isEmpty() && tagsNarrowing.isEmpty();
    for (;;) {
        const QList<VectorHit> raw = index.search(query, int(std::min(fetch, live)), std::max(ef, int(std::min(fetch, live))));
        QList<qint64> ids;
        for (const VectorHit &h : raw)
            ids.append(h.id);
        QSet<qint64> pass;
        if (!db.passing(ids, filters, &pass)) {
            out.error = db.error();
            return out;
        }
        out.hits.clear();
        for (const VectorHit &h : raw)
            if (pass.contains(h.id) && h.id != excludeId && out.hits.size() < n)
                out.hits.append({h.id, h.similarity});
        if (out.hits.size() >= n || fetch >= live || isCancelled(cancel))
            return out;
        const double passed = double(pass.size()) / double(std::max<qsizetype>(1, raw.size()));
        const qint64 amongLimit =
            qint64(std::min(double(kAmongLimit), kAmongCostRatio * wanted / std::max(passed, 1e-9)));
        if (!triedAmong && amongLimit > kExactSearchLimit && passed * double(live) < kAmongEstimateSlack * double(amongLimit)) {
            triedAmong = true;
            const bool superset = !tagsNarrowing.isEmpty();
            std::vector<qint64> among;
            if (!(superset ? db.idsMatchingText(tagsNarrowing, amongLimit + 1, &among)
                           : db.idsMatching(filters, amongLimit + 1, &among))) {
                out.error = db.error();
                return out;
            }
            if (qint64(among.size()) <= amongLimit) {
                out.hits.clear();
                out.exact = true;
                const QList<VectorHit> ranked =
                    index.searchAmong(query, among, superset ? int(among.size()) : wanted, &out.error);
                if (superset)
                    keepPassing(db, ranked, filters, excludeId, n, wanted, cancel, &out);
                else
                    for (const VectorHit &h : ranked)
                        if (h.id != excludeId && out.hits.size() < n)
                            out.hits.append({h.id, h.similarity});
                return out;
            }
        }
        // Grow by what this round showed: with a share p of the nearest passing, about wanted / p
        // are needed (a quarter more for the spread); at least twice, at most four times as many
        // as before (larger single steps measured slower: one search over thousands of candidates
        // in every graph cost more than two smaller ones). A filter keeping a fifth of the records
        // now asks the graphs for 800 after the first 400 instead of 1,600.
        const qint64 needed = passed > 0 ? qint64(std::ceil(double(wanted) / passed * 1.25)) : fetch * 4;
        fetch = std::clamp(needed, fetch * 2, fetch * 4);
    }
}

// Pseudo-relevance feedback: moves the query vector towards the mean of the top keyword hits'
// vectors (Rocchio), so the vector side finds records like the ones BM25 is surest about instead of
// records that merely share the query's few words. Feedback vectors are normalised again after.
void addKeywordFeedback(Store &store, const QString &embedderId, const QList<RankedId> &keyword, int docs,
                        double weight, std::vector<float> &q)
{
    QList<qint64> ids;
    for (qsizetype i = 0; i < keyword.size() && i < docs; ++i)
        ids.append(keyword[i].id);
    const size_t dim = q.size();
    std::vector<float> mean(dim, 0.0f);
    int n = 0;
    SearchQueries(store).vectorsOf(embedderId, ids, [&](qint64, std::span<const float> v) {
        if (v.size() == dim) {
            for (size_t d = 0; d < dim; ++d)
                mean[d] += v[d];
            ++n;
        }
        return true;
    });
    if (n == 0)
        return;
    double norm = 0;
    for (size_t d = 0; d < dim; ++d) {
        q[d] += float(weight / n) * mean[d];
        norm += double(q[d]) * q[d];
    }
    if (norm > 0)
        for (float &x : q)
            x = float(x / std::sqrt(norm));
}

// The page's records, in the page's order, with snippets. Records deleted since the lists were
// made are skipped: a hit is never torn.
QList<SearchHit> hitDetails(Store &store, const QList<FusedId> &page, const QStringList &highlight,
                            const Normalizer &normalizer)
{
    QList<SearchHit> out;
    if (page.isEmpty())
        return out;
    QList<qint64> ids;
    for (const FusedId &f : page)
        ids.append(f.id);
    QHash<qint64, SearchHit> byId;
    for (const HitRow &row : SearchQueries(store).hitRows(ids)) {
        SearchHit h;
        h.id = row.id;
        h.collection = row.collection;
        h.externalId = row.externalId;
        h.title = row.title;
        const QString &body = row.body.isEmpty() ? row.resolution : row.body;
        // One line per hit: lists and terminals show it whole.
        h.snippet = makeSnippet(body.isEmpty() ? h.title : body, highlight, normalizer).simplified();
        h.status = row.status;
        h.priority = row.priority;
        h.product = row.product;
        h.category = row.category;
        h.updatedAt = row.updatedAt;
        byId.insert(h.id, h);
    }
    for (const FusedId &f : page) {
        auto it = byId.find(f.id);
        if (it == byId.end())
            continue;
        it->explanation = f.explanation;
        it->score = f.explanation.fused;
        out.append(*it);
    }
    return out;
}
} // namespace

QString SearchEngine::tagsNarrowing(const SearchFilters &filters) const
{
    // No index holds the tags themselves; without this a tag filter read every record's tags
    // (1.6 s at a million). The keyword side needs none: its matches are few and checked one by one.
    if (filters.tags.isEmpty() || !m_parts.normalizer)
        return {};
    return tagsMatch(filters.tags, *m_parts.normalizer);
}

SearchResult SearchEngine::search(const SearchQuery &query, const std::atomic<bool> *cancel)
{
    QElapsedTimer timer;
    timer.start();
    SearchResult result;
    const ParsedQuery parsed = parseQuery(query.text, *m_parts.normalizer);
    result.expandedQuery = parsed.expanded;
    if (query.mode != SearchMode::Keyword && m_parts.vectorBacklog)
        result.notEmbedded = std::max<qint64>(0, m_parts.vectorBacklog());
    SearchFilters filters = query.filters;
    mergeFilters(filters, parsed.filters);
    const int k = std::clamp(query.k, 1, 1000);
    const int offset = std::max(query.offset, 0);
    const int depth = std::max(offset + k, query.candidates);

    QString error;
    auto store = m_parts.stores->reader();

    QList<RankedId> keyword;
    if (query.mode != SearchMode::Vector && parsed.hasPositive()) {
        result.ftsQuery = parsed.toFtsMatch();
        bool cancelled = false;
        const auto hits = keywordSearch(*store, parsed, filters, query.mode == SearchMode::Keyword ? offset + k : depth,
                                        m_keywordOptions, cancel, &cancelled, &error, m_commonCounts.get());
        if (!error.isEmpty() && !cancelled)
            result.error = error;
        for (const KeywordHit &h : hits)
            keyword.append({h.id, h.bm25});
        result.keywordCandidates = int(keyword.size());
    }

    QStringList contentTokens = parsed.terms;
    for (const QStringList &p : parsed.phrases)
        contentTokens += p;
    for (const auto &ft : parsed.fieldTerms)
        contentTokens += ft.second;

    // Hybrid: the keyword side also searches the words its best hits are about.
    const QList<RankedId> queryKeyword = keyword;
    QHash<qint64, double> expansionScores;
    if (query.mode == SearchMode::Hybrid && query.expansionTerms > 0 && !keyword.isEmpty() && !isCancelled(cancel)) {
        ExpansionOptions eo;
        eo.docs = std::max(1, query.feedbackDocs);
        eo.terms = query.expansionTerms;
        result.expansionTerms = expansionTerms(*store, *m_parts.normalizer, keyword, contentTokens, eo);
        if (!result.expansionTerms.isEmpty()) {
            ParsedQuery expansion;
            expansion.terms = result.expansionTerms;
            bool cancelled = false;
            QString expansionError;
            QList<RankedId> extra;
            for (const KeywordHit &h : keywordSearch(*store, expansion, filters, depth, m_keywordOptions, cancel,
                                                     &cancelled, &expansionError, m_commonCounts.get())) {
                extra.append({h.id, h.bm25});
                expansionScores.insert(h.id, h.bm25);
            }
            keyword = withExpansion(keyword, extra, query.expansionWeight).mid(0, depth);
            result.keywordCandidates = int(keyword.size());
        }
    }

    QList<RankedId> vector;
    if (query.mode != SearchMode::Keyword && !contentTokens.isEmpty() && !isCancelled(cancel)) {
        const VectorSpace space = m_parts.vectors();
        std::vector<float> q(size_t(space.embedder->dimension()));
        // Marked as a query, so a model that wants a query prefix (E5, BGE) gets it.
        EmbedInput input;
        input.query = true;
        if (space.embedder->reads() == Embedder::Reads::Text)
            input.text = modelQueryText(query.text, *m_parts.normalizer);
        else
            input.tokens = contentTokens;
        const EmbedBatchResult embedded = space.embedder->embed(input, q, cancel);
        if (!embedded.allOk()) {
            // A remote embedder that is down costs the vector side of this search, not the search.
            if (result.error.isEmpty())
                result.error = QStringLiteral("the query could not be embedded (%1); keyword results only")
                                   .arg(embedded.message);
        } else {
            if (query.mode == SearchMode::Hybrid && query.feedbackDocs > 0 && !keyword.isEmpty())
                addKeywordFeedback(*store, space.embedder->id(), queryKeyword, query.feedbackDocs, query.feedbackWeight, q);
            const VectorOutcome v = vectorSearch(*store, *space.index, space.embedder->id(), q,
                                                 query.mode == SearchMode::Vector ? offset + k : depth, query.ef,
                                                 filters, tagsNarrowing(filters), 0, cancel);
            if (!v.error.isEmpty())
                result.error = v.error;
            vector = v.hits;
            result.exactVectorSearch = v.exact;
            result.vectorCandidates = int(vector.size());
        }
    }

    QList<FusedId> fused;
    switch (query.mode) {
    case SearchMode::Keyword: fused = fromKeyword(keyword); break;
    case SearchMode::Vector: fused = fromVector(vector); break;
    case SearchMode::Hybrid:
        fused = query.fusion == FusionMethod::Rrf ? fuseRrf(keyword, vector, query.rrfK, query.keywordWeight)
                                                  : fuseWeighted(keyword, vector, query.keywordWeight);
        break;
    }

    if (!expansionScores.isEmpty()) {
        // The explanation keeps BM25 for the query's own words; the expansion's share is its own.
        QHash<qint64, double> own;
        for (const RankedId &r : queryKeyword)
            own.insert(r.id, r.score);
        for (FusedId &f : fused) {
            f.explanation.bm25 = own.value(f.id);
            f.explanation.expansion = expansionScores.value(f.id);
        }
    }

    if (isCancelled(cancel)) {
        result.cancelled = true;
        return result;
    }
    result.hits = hitDetails(*store, fused.mid(offset, k), parsed.highlightTerms(), *m_parts.normalizer);
    result.latencyMs = double(timer.nsecsElapsed()) / 1e6;
    if (query.log && m_parts.log) {
        SearchLogEntry e;
        e.timestampMs = QDateTime::currentMSecsSinceEpoch();
        e.text = query.text.left(1000);
        e.mode = query.mode;
        e.filtersJson = filtersToJson(filters);
        e.hits = int(result.hits.size());
        e.latencyMs = result.latencyMs;
        m_parts.log->record(std::move(e));
    }
    return result;
}

SearchResult SearchEngine::similar(qint64 recordId, int k, const SearchFilters &filters, const std::atomic<bool> *cancel)
{
    QElapsedTimer timer;
    timer.start();
    SearchResult result;
    auto store = m_parts.stores->reader();
    const VectorSpace space = m_parts.vectors();
    const int dim = space.embedder->dimension();
    std::vector<float> q;
    SearchQueries(*store).vectorsOf(space.embedder->id(), {recordId}, [&](qint64, std::span<const float> v) {
        if (v.size() == size_t(dim))
            q.assign(v.begin(), v.end());
        return false;
    });
    if (q.empty()) {
        result.error = QStringLiteral("there is no record with id %1").arg(recordId);
        return result;
    }
    const VectorOutcome v = vectorSearch(*store, *space.index, space.embedder->id(), q, std::clamp(k, 1, 1000),
                                         0, filters, tagsNarrowing(filters), recordId, cancel);
    result.error = v.error;
    result.exactVectorSearch = v.exact;
    if (m_parts.vectorBacklog)
        result.notEmbedded = std::max<qint64>(0, m_parts.vectorBacklog());
    result.hits = hitDetails(*store, fromVector(v.hits), {}, *m_parts.normalizer);
    result.vectorCandidates = int(v.hits.size());
    result.latencyMs = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace kms
