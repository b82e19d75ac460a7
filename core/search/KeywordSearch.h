// SPDX-License-Identifier: MIT
#pragma once

#include "search/QueryParser.h"
#include "storage/SearchQueries.h"

#include <QList>
#include <QString>

#include <atomic>

namespace kms {

class CommonTermCounts;
class Store;

// FTS5 BM25 over the matching-form columns with field weights (title above body), filters applied
// in the same statement. Runs on the caller's read connection; a set cancel flag interrupts the
// statement and returns what is known (usually nothing) with
// *cancelled = true.
struct KeywordSearchOptions {
    // Tuned on NFCorpus dev (nDCG@10 was flat between 1.5 and 4; 2 was best).
    double titleWeight = 2.0;
    double bodyWeight = 1.0;
    double resolutionWeight = 1.0;
    double tagsWeight = 1.5;
    // First try the records that have every positive part, falling back to any part (OR) when
    // that finds fewer than `limit`. Off by default: on generated tickets the AND pass rarely
    // fills a page of 100, so it mostly adds a statement, and it did not help NFCorpus.
    bool allTermsFirst = false;
    // FTS5 scores every row the expression matches (about a microsecond each), so a query with a
    // word in half the records costs ~50 ms at 100k records. At most about this many rows are
    // scored: the query's rarest parts are kept while their document counts fit the budget, the
    // commoner ones are dropped (their BM25 idf is small anyway); when even the rarest part is
    // commoner than that, the newest `scoreBudget` matches are ranked. 0: no limit.
    int scoreBudget = 6000;
};

// `kept`, if given, keeps the counts of common parts between searches (CommonTermCounts).
QList<KeywordHit> keywordSearch(Store &reader, const ParsedQuery &query, const SearchFilters &filters,
                                int limit, const KeywordSearchOptions &options,
                                const std::atomic<bool> *cancel, bool *cancelled, QString *error,
                                CommonTermCounts *kept = nullptr);

// Number of records the FTS expression matches (for the explanation and analytics), bounded by
// `cap` so a common word does not cost a full count.
int keywordMatchCount(Store &reader, const ParsedQuery &query, int cap);

} // namespace kms
