// SPDX-License-Identifier: MIT
// The search verbs of the facade: the three modes, "more like this", a record with its matches
// marked, and the search log's analytics.
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "search/QueryParser.h"
#include "search/SearchEngine.h"
#include "search/Snippet.h"

namespace kms {

SearchResult Engine::search(const SearchQuery &query, const std::atomic<bool> *cancel)
{
    // Without a usable index (still loading in the background, a read-only view without one, a
    // failed load) a vector or hybrid search answers by keyword and says so, rather than waiting
    // for seconds or fusing with an empty vector side. Loaded on first use, it loads here.
    if (query.mode != SearchMode::Keyword) {
        const QString note = vectorUnavailable(m_indexLoading != Options::IndexLoading::InBackground);
        if (!note.isEmpty()) {
            SearchQuery keyword = query;
            keyword.mode = SearchMode::Keyword;
            SearchResult r = m_search->search(keyword, cancel);
            r.note = note + QStringLiteral("; keyword results only");
            return r;
        }
    }
    return m_search->search(query, cancel);
}

SearchResult Engine::similar(qint64 recordId, int k, const SearchFilters &filters, const std::atomic<bool> *cancel)
{
    const QString note = vectorUnavailable(m_indexLoading != Options::IndexLoading::InBackground);
    if (!note.isEmpty()) {
        SearchResult r;
        r.error = QStringLiteral("more like this is not available: ") + note;
        return r;
    }
    return m_search->similar(recordId, k, filters, cancel);
}

RecordDetail Engine::recordDetail(qint64 id, const QString &queryText)
{
    RecordDetail d;
    d.record = record(id, &d.error);
    if (d.record && !queryText.trimmed().isEmpty()) {
        const QStringList terms = parseQuery(queryText, *m_normalizer).highlightTerms();
        const Record &r = d.record->record;
        d.titleMatches = matchedWords(r.title, terms, *m_normalizer);
        d.bodyMatches = matchedWords(r.body, terms, *m_normalizer);
        d.resolutionMatches = matchedWords(r.resolution, terms, *m_normalizer);
    }
    return d;
}

qint64 Engine::recordIdOf(const QString &externalId)
{
    return withReader([&](Store &s) -> qint64 {
        for (Collection c : {Collection::Cases, Collection::Knowledge})
            if (auto r = s.record(c, externalId))
                return r->id;
        return 0;
    });
}

QList<SearchLogEntry> Engine::recentSearches(int limit)
{
    return m_searchLog->recent(limit);
}

QList<QueryCount> Engine::topQueries(int limit, qint64 sinceMs)
{
    return m_searchLog->topQueries(limit, sinceMs);
}

QList<QueryCount> Engine::zeroResultQueries(int limit, qint64 sinceMs)
{
    return m_searchLog->zeroResultQueries(limit, sinceMs);
}

QList<LatencySummary> Engine::searchLatency(qint64 sinceMs)
{
    return m_searchLog->latency(sinceMs);
}

} // namespace kms
