// SPDX-License-Identifier: MIT
#include "search/QueryExpansion.h"

#include "search/QueryParser.h"
#include "storage/SearchQueries.h"
#include "text/Normalizer.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace kms {

namespace {

bool usefulWord(const QString &t)
{
    if (t.size() < 3 || isStopWord(t))
        return false;
    // Numbers alone ("2012", "10.5") say little about a topic.
    return std::any_of(t.cbegin(), t.cend(), [](QChar c) { return c.isLetter(); });
}

} // namespace

QStringList expansionTerms(Store &store, const Normalizer &normalizer, const QList<RankedId> &keyword,
                           const QStringList &queryTokens, const ExpansionOptions &options)
{
    if (keyword.isEmpty() || options.terms <= 0 || options.docs <= 0)
        return {};
    QList<qint64> ids;
    QHash<qint64, double> docWeight;
    const double top = std::max(keyword.front().score, 1e-9);
    for (qsizetype i = 0; i < keyword.size() && i < options.docs; ++i) {
        ids.append(keyword[i].id);
        docWeight.insert(keyword[i].id, keyword[i].score / top);
    }

    // p(word | hit), weighted by the hit's share of the best BM25 score.
    const QSet<QString> exclude(queryTokens.cbegin(), queryTokens.cend());
    QHash<QString, double> weight;
    QHash<QString, int> support; // hits containing the word
    SearchQueries db(store);
    int read = 0;
    for (const IndexedText &row : db.indexedTexts(ids)) {
        const double w = docWeight.value(row.id);
        const QStringList words = normalizer.tokens(row.title) + normalizer.tokens(row.body)
                                  + normalizer.tokens(row.resolution);
        if (words.isEmpty())
            continue;
        const double share = w / double(words.size());
        QSet<QString> seen;
        for (const QString &word : words) {
            if (exclude.contains(word) || !usefulWord(word))
                continue;
            weight[word] += share;
            if (!seen.contains(word)) {
                seen.insert(word);
                ++support[word];
            }
        }
        ++read;
    }
    if (weight.isEmpty())
        return {};

    // A word of one hit only is that hit's business, not the query's (one odd top hit must not
    // steer the expansion), unless there are too few hits to ask for more.
    const int minSupport = std::min(options.minSupport, read);
    QList<QPair<double, QString>> ranked;
    ranked.reserve(weight.size());
    for (auto it = weight.cbegin(); it != weight.cend(); ++it)
        if (support.value(it.key()) >= minSupport)
            ranked.append({it.value(), it.key()});
    const qsizetype n = std::min<qsizetype>(ranked.size(), options.candidates);
    std::partial_sort(ranked.begin(), ranked.begin() + n, ranked.end(), std::greater<>());
    ranked.resize(n);

    // Times idf: frequent-everywhere words ("patients", "error") are not about this query.
    const double total = std::max<double>(1, double(db.newestRecordId()));
    QStringList phrases;
    for (const auto &r : std::as_const(ranked))
        phrases.append(u'"' + r.second + u'"');
    // Counted up to the cap (the count stops there, so a common word costs at most cap steps).
    QList<MatchFrequency> counts;
    if (db.matchFrequencies(phrases, options.frequencyCap - 1, &counts) == SearchQueries::Outcome::Failed
        && counts.isEmpty() && !ranked.isEmpty())
        return {};
    for (qsizetype i = 0; i < ranked.size(); ++i) {
        auto &[score, word] = ranked[i];
        // A word whose count failed is treated as too common.
        const int df = i < counts.size() ? counts[i].counted : options.frequencyCap;
        // A word in more records than the cap says little, and ranking it would cost FTS5 a walk over
        // its whole posting list (its idf is computed per query): at a million records that is the
        // difference between a few and a few hundred milliseconds.
        score = df >= options.frequencyCap ? 0.0 : score * std::log((total + 1.0) / (double(df) + 0.5));
    }
    std::sort(ranked.begin(), ranked.end(), std::greater<>());
    QStringList out;
    for (qsizetype i = 0; i < ranked.size() && out.size() < options.terms; ++i)
        if (ranked[i].first > 0)
            out.append(ranked[i].second);
    return out;
}

QList<RankedId> withExpansion(const QList<RankedId> &keyword, const QList<RankedId> &expansion, double weight)
{
    if (expansion.isEmpty() || weight <= 0)
        return keyword;
    auto maxOf = [](const QList<RankedId> &l) {
        double m = 0;
        for (const RankedId &r : l)
            m = std::max(m, r.score);
        return m > 0 ? m : 1.0;
    };
    const double kMax = maxOf(keyword), eMax = maxOf(expansion);
    QHash<qint64, double> score;
    for (const RankedId &r : keyword)
        score[r.id] += r.score / kMax;
    for (const RankedId &r : expansion)
        score[r.id] += weight * r.score / eMax;
    QList<RankedId> out;
    out.reserve(score.size());
    for (auto it = score.cbegin(); it != score.cend(); ++it)
        out.append({it.key(), it.value()});
    std::sort(out.begin(), out.end(), [](const RankedId &a, const RankedId &b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    return out;
}

} // namespace kms
