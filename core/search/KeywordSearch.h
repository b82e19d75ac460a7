// SPDX-License-Identifier: MIT
#pragma once

#include "search/QueryParser.h"

#include <QList>
#include <QString>

#include <atomic>

namespace kms {

class Store;

struct KeywordHit {
    qint64 id = 0;
    double bm25 = 0; // positive, higher is better
};

// FTS5 BM25 over the matching-form columns with field weights (title above body), filters applied
// in the same statement. Runs on the caller's read connection; a set cancel flag interrupts the
// statement (sqlite3_progress_handler) and returns what is known (usually nothing) with
// *cancelled = true.
struct KeywordSearchOptions {
    double titleWeight = 3.0;
    double bodyWeight = 1.0;
    double resolutionWeight = 1.0;
    double tagsWeight = 1.5;
    // First try the records that have every positive part (cheap: FTS5 intersects the lists and
    // scores few rows); fall back to any part (OR) only when that finds fewer than `limit`.
    bool allTermsFirst = true;
};

QList<KeywordHit> keywordSearch(Store &reader, const ParsedQuery &query, const SearchFilters &filters,
                                int limit, const KeywordSearchOptions &options,
                                const std::atomic<bool> *cancel, bool *cancelled, QString *error);

// Number of records the FTS expression matches (for the explanation and analytics), bounded by
// `cap` so a common word does not cost a full count.
int keywordMatchCount(Store &reader, const ParsedQuery &query, int cap);

} // namespace kms
