// SPDX-License-Identifier: MIT
#pragma once

#include "search/Fusion.h"

#include <QList>
#include <QStringList>

namespace kms {

class Normalizer;
class Store;

// Relevance-model query expansion (RM3-like) for hybrid search: the words that weigh most in the
// best keyword hits, weighted by how sure BM25 is of each hit, and rare enough in the store to say
// something. Searching them finds records about the same thing that do not share the query's own
// words. Tuned on NFCorpus dev (docs/performance.md).
struct ExpansionOptions {
    int docs = 10;            // top keyword hits read
    int terms = 10;           // words kept
    int minSupport = 2;       // hits a word must appear in (fewer when fewer hits were read)
    int candidates = 30;      // words whose store frequency is looked up (one capped count each)
    int frequencyCap = 2000;  // words in this many records or more are not used (nor counted further)
};

// The expansion words, best first; none of queryTokens and no stop words. Reads the hits' fields
// on the caller's read connection and takes them to matching form with `normalizer` (the form
// the full-text index holds).
QStringList expansionTerms(Store &store, const Normalizer &normalizer, const QList<RankedId> &keyword,
                           const QStringList &queryTokens, const ExpansionOptions &options = {});

// Keyword scores with the expansion's added: each list max-normalised, the expansion's times
// `weight`. A record found only by the expansion enters with its share alone.
QList<RankedId> withExpansion(const QList<RankedId> &keyword, const QList<RankedId> &expansion, double weight);

} // namespace kms
