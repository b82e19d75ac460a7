// SPDX-License-Identifier: MIT
#pragma once

#include "search/RecordDetail.h"
#include "search/Snippet.h"
#include "search/SearchTypes.h"

#include <QColor>
#include <QString>

#include <optional>

namespace kms::ui {

// What the console knows about the search a hit came from, for its explanation.
struct DetailContext {
    SearchQuery query;          // mode, fusion settings and the text as typed
    QString similarLabel;       // set: the hit came from "more like this" of that record
    QString expandedQuery;
    QString ftsQuery;
    QStringList expansionTerms; // hybrid: words added from the top keyword hits
    int keywordCandidates = 0;
    int vectorCandidates = 0;
    bool exactVectorSearch = false;
    int rank = 0;               // 1-based over all pages

    // The context of the hit at `rank` in result r of query.
    static DetailContext of(const SearchQuery &query, const SearchResult &r, int rank);
};

// The stored record behind a hit, read in the background, with the query's matches located.
// The detail pane's document: the whole record (matches marked) and why it ranks where it does.
// detail == nullptr while the record is still loading. Every value from the store is escaped.
QString detailHtml(const SearchHit &hit, const DetailContext &context, const RecordDetail *detail,
                   const QColor &highlight);

// The explanation part alone (also used for tool tips).
QString explanationHtml(const SearchHit &hit, const DetailContext &context);

} // namespace kms::ui
