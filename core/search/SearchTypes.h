// SPDX-License-Identifier: MIT
#pragma once

#include "model/Record.h"
#include "model/SearchFilters.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kms {

enum class SearchMode { Keyword, Vector, Hybrid };
enum class FusionMethod { Rrf, Weighted };
QString searchModeName(SearchMode m);
std::optional<SearchMode> searchModeFromName(QStringView n);
QString fusionMethodName(FusionMethod f);
std::optional<FusionMethod> fusionMethodFromName(QStringView n);

struct SearchQuery {
    QString text;
    SearchMode mode = SearchMode::Hybrid;
    SearchFilters filters;
    int k = 10;                  // hits per page
    int offset = 0;              // pagination
    // Weighted fusion, keyword share 0.8: chosen on NFCorpus dev (docs/performance.md): the built-in
    // hash embedder is lexical, so the keyword list deserves the larger say, and min-max scores
    // keep how much better the first hits are, which ranks (RRF) throw away.
    FusionMethod fusion = FusionMethod::Weighted;
    int rrfK = 60;
    double keywordWeight = 0.8;  // keyword share in either fusion; the vector share is 1 - it
    int ef = 0;                  // HNSW ef for this query; 0: the index default
    int candidates = 100;        // per list, before fusion
    // Hybrid: the vector query is moved towards the top keyword hits (pseudo-relevance feedback).
    int feedbackDocs = 10;       // how many keyword hits; 0 turns it off
    double feedbackWeight = 3.0; // their mean's weight against the query's own vector
    // Hybrid: words that weigh most in the top keyword hits are searched too (query expansion,
    // search/QueryExpansion.h), their BM25 added to the query's own at this weight. Off by
    // default: it lifted NFCorpus but cost hybrid its lead over keyword on support tickets
    // (docs/performance.md), and a default must not depend on the collection.
    int expansionTerms = 0;      // 0 turns it off
    double expansionWeight = 0.5;
    bool log = true;             // record in the search analytics
};

// Why a hit is where it is.
struct HitExplanation {
    int keywordRank = 0;         // 1-based rank in the keyword list; 0: not in it
    double bm25 = 0;             // FTS5 bm25 score as a positive number (higher is better)
    int vectorRank = 0;          // 1-based rank in the vector list; 0: not in it
    double similarity = 0;       // cosine similarity
    double expansion = 0;        // hybrid: bm25 of the expansion words (0: none matched)
    double fused = 0;            // the score the hit is sorted by
};

struct SearchHit {
    qint64 id = 0;
    Collection collection = Collection::Cases;
    QString externalId;
    QString title;
    QString snippet;             // matched terms wrapped in [[ and ]]
    QString status;
    QString priority;
    QString product;
    QString category;
    QDateTime updatedAt;
    double score = 0;
    HitExplanation explanation;
};

struct SearchResult {
    QList<SearchHit> hits;
    QString expandedQuery;       // the query after normalisation and dictionary expansion
    QString ftsQuery;            // the FTS5 MATCH expression that ran (keyword / hybrid)
    QStringList expansionTerms;  // hybrid: the words added from the top keyword hits
    int keywordCandidates = 0;
    int vectorCandidates = 0;
    bool exactVectorSearch = false; // a selective filter made exact search cheaper than HNSW
    // Vector and hybrid: records stored without a vector yet (the vector backlog), which the vector
    // side cannot find; keyword search finds them. 0 for keyword searches.
    qint64 notEmbedded = 0;
    double latencyMs = 0;
    bool cancelled = false;
    QString error;               // a clear message; never an FTS5 syntax error from user text
    // Something the reader should know that is not a failure, e.g. that a read-only view searched
    // by keyword only.
    QString note;
};

} // namespace kms
