// SPDX-License-Identifier: MIT
#include "search/KeywordSearch.h"

#include "search/CommonTermCounts.h"
#include "storage/SearchQueries.h"
#include "storage/Store.h"

#include <algorithm>
#include <cmath>

namespace kms {

namespace {

using Outcome = SearchQueries::Outcome;

// Each part's matches, counted (matchFrequencies) or, for a common part, kept from an earlier search.
Outcome countParts(SearchQueries &db, const QStringList &parts, int budget, CommonTermCounts *kept,
                   const std::atomic<bool> *cancel, QList<MatchFrequency> *out)
{
    if (!kept)
        return db.matchFrequencies(parts, budget, out);
    const qint64 newest = db.newestRecordId();
    QStringList missing;
    QList<int> missingAt;
    out->clear();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const std::optional<MatchFrequency> f = kept->find(parts[i], budget, newest);
        out->append(f.value_or(MatchFrequency{}));
        if (!f) {
            missing << parts[i];
            missingAt << int(i);
        }
    }
    if (missing.isEmpty())
        return Outcome::Ok;
    QList<MatchFrequency> counted;
    if (const Outcome o = db.matchFrequencies(missing, budget, &counted, newest); o != Outcome::Ok)
        return o;
    // An interrupted count can be short: keep nothing from it.
    const bool complete = !(cancel && cancel->load(std::memory_order_relaxed)) && counted.size() == missing.size();
    for (qsizetype j = 0; j < counted.size() && j < missingAt.size(); ++j) {
        (*out)[missingAt[j]] = counted[j];
        if (complete)
            kept->keep(missing[j], budget, newest, counted[j]);
    }
    return Outcome::Ok;
}

Outcome search(SearchQueries &db, const ParsedQuery &query, const SearchFilters &where, int limit,
               const KeywordSearchOptions &options, CommonTermCounts *kept, const std::atomic<bool> *cancel,
               QList<KeywordHit> *hits)
{
    // A weight that is not a finite non-negative number falls back to its default.
    const KeywordSearchOptions d;
    auto valid = [](double w, double fallback) { return std::isfinite(w) && w >= 0 ? w : fallback; };
    const FtsWeights weights{valid(options.titleWeight, d.titleWeight), valid(options.bodyWeight, d.bodyWeight),
                             valid(options.resolutionWeight, d.resolutionWeight), valid(options.tagsWeight, d.tagsWeight)};
    const QStringList parts = query.ftsPositiveParts();
    const int budget = options.scoreBudget;
    if (budget <= 0) {
        // No budget: FTS5 counts every phrase's rows itself, exactly as bm25() does.
        if (options.allTermsFirst && parts.size() > 1) {
            const Outcome o = db.rankMatches(query.ftsMatchOf(parts, true), where, 0, limit, weights, {}, hits);
            if (o != Outcome::Ok || hits->size() >= limit)
                return o;
        }
        return db.rankMatches(query.ftsMatchOf(parts, false), where, 0, limit, weights, {}, hits);
    }

    QList<MatchFrequency> frequency;
    if (const Outcome o = countParts(db, parts, budget, kept, cancel, &frequency); o != Outcome::Ok)
        return o;
    // An interrupted count can come back as a short count rather than an error: a part would then
    // look unmatched and be skipped below.
    if (cancel && cancel->load(std::memory_order_relaxed))
        return Outcome::Cancelled;
    // Ranks the records matching the parts `indices` (all of them or any), each part's idf from
    // the frequency taken above, so FTS5 does not walk a common word's postings to count them.
    auto rank = [&](const QList<int> &indices, bool all, qint64 after) {
        QStringList match;
        QList<double> frequencies;
        for (int i : indices) {
            match << parts[i];
            frequencies << frequency[i].estimate;
        }
        return db.rankMatches(query.ftsMatchOf(match, all), where, after, limit, weights, frequencies, hits);
    };
    QList<int> order(parts.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    // A part that matches nothing (a typo, a word the corpus lacks) can neither rank nor find a
    // record: it takes no share of the budget, or it would crowd out the words that do match.
    order.erase(std::remove_if(order.begin(), order.end(), [&](int i) { return frequency[i].counted == 0; }),
                order.end());
    if (order.isEmpty()) {
        hits->clear();
        return Outcome::Ok;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return frequency[a].counted < frequency[b].counted; });
    const int rarest = frequency[order.front()].counted;

    // Records with every part outrank most others, and there are at most `rarest` of them.
    // (Fewer than `limit` records have the rarest part: the AND pass cannot fill the page.)
    if (options.allTermsFirst && parts.size() > 1 && order.size() == parts.size() && rarest >= limit
        && rarest <= budget) {
        QList<int> all(parts.size());
        for (int i = 0; i < all.size(); ++i)
            all[i] = i;
        const Outcome o = rank(all, true, 0);
        if (o != Outcome::Ok || hits->size() >= limit)
            return o;
    }
    QList<int> selected;
    qint64 rows = 0;
    for (int i : std::as_const(order)) {
        if (rows + frequency[i].counted > budget)
            break;
        rows += frequency[i].counted;
        selected << i;
    }
    if (!selected.isEmpty())
        return rank(selected, false, 0);
    // Only common words: rank the newest matches.
    QStringList matching;
    for (int i : std::as_const(order))
        matching << parts[i];
    qint64 after = 0;
    if (const Outcome o = db.newestWindow(query.ftsMatchOf(matching, false), budget, &after); o != Outcome::Ok)
        return o;
    return rank(order, false, after);
}

} // namespace

QList<KeywordHit> keywordSearch(Store &reader, const ParsedQuery &query, const SearchFilters &filters,
                                int limit, const KeywordSearchOptions &options,
                                const std::atomic<bool> *cancel, bool *cancelled, QString *error,
                                CommonTermCounts *kept)
{
    if (cancelled)
        *cancelled = false;
    QList<KeywordHit> hits;
    if (limit <= 0 || !query.hasPositive())
        return hits;
    if (cancel && cancel->load(std::memory_order_relaxed)) {
        if (cancelled)
            *cancelled = true;
        return hits;
    }
    SearchQueries db(reader, cancel);
    const Outcome outcome = search(db, query, filters, limit, options, kept, cancel, &hits);
    if (outcome == Outcome::Cancelled && cancelled)
        *cancelled = true;
    if (outcome == Outcome::Failed && error)
        *error = db.error();
    if (outcome != Outcome::Ok)
        hits.clear();
    return hits;
}

int keywordMatchCount(Store &reader, const ParsedQuery &query, int cap)
{
    const QString match = query.toFtsMatch();
    if (match.isEmpty() || cap <= 0)
        return 0;
    return SearchQueries(reader).matchCount(match, cap);
}

} // namespace kms
