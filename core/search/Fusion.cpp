// SPDX-License-Identifier: MIT
#include "search/Fusion.h"

#include <QHash>

#include <algorithm>

namespace kms {

namespace {
// Collects both lists' ranks and scores per id, in first-seen order (keyword list first) so ties
// are broken deterministically.
QList<FusedId> merge(const QList<RankedId> &keyword, const QList<RankedId> &vector)
{
    QList<FusedId> out;
    QHash<qint64, qsizetype> at;
    out.reserve(keyword.size() + vector.size());
    for (qsizetype i = 0; i < keyword.size(); ++i) {
        FusedId f;
        f.id = keyword[i].id;
        f.explanation.keywordRank = int(i + 1);
        f.explanation.bm25 = keyword[i].score;
        at.insert(f.id, out.size());
        out.append(f);
    }
    for (qsizetype i = 0; i < vector.size(); ++i) {
        auto it = at.constFind(vector[i].id);
        if (it == at.constEnd()) {
            FusedId f;
            f.id = vector[i].id;
            it = at.insert(f.id, out.size());
            out.append(f);
        }
        FusedId &f = out[*it];
        f.explanation.vectorRank = int(i + 1);
        f.explanation.similarity = vector[i].score;
    }
    return out;
}

void sortByFused(QList<FusedId> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const FusedId &a, const FusedId &b) {
        return a.explanation.fused > b.explanation.fused;
    });
}
} // namespace

QList<FusedId> fuseRrf(const QList<RankedId> &keyword, const QList<RankedId> &vector, int k, double keywordWeight)
{
    QList<FusedId> out = merge(keyword, vector);
    const double kk = std::max(k, 1);
    // Weights 2w and 2(1 - w): w = 0.5 is the classic, unweighted fusion.
    const double wk = 2.0 * std::clamp(keywordWeight, 0.0, 1.0);
    const double wv = 2.0 - wk;
    for (FusedId &f : out) {
        double s = 0;
        if (f.explanation.keywordRank > 0)
            s += wk / (kk + f.explanation.keywordRank);
        if (f.explanation.vectorRank > 0)
            s += wv / (kk + f.explanation.vectorRank);
        f.explanation.fused = s;
    }
    sortByFused(out);
    return out;
}

QList<FusedId> fuseWeighted(const QList<RankedId> &keyword, const QList<RankedId> &vector, double keywordWeight)
{
    const double w = std::clamp(keywordWeight, 0.0, 1.0);
    auto range = [](const QList<RankedId> &l) {
        double lo = 0, hi = 0;
        if (!l.isEmpty()) {
            lo = hi = l.first().score;
            for (const RankedId &r : l) {
                lo = std::min(lo, r.score);
                hi = std::max(hi, r.score);
            }
        }
        return std::pair{lo, hi};
    };
    // A list whose scores are all equal normalises to 1 for every member: they are equally good.
    auto norm = [](double v, std::pair<double, double> r) {
        return r.second > r.first ? (v - r.first) / (r.second - r.first) : 1.0;
    };
    const auto kr = range(keyword);
    const auto vr = range(vector);
    QList<FusedId> out = merge(keyword, vector);
    for (FusedId &f : out) {
        double s = 0;
        if (f.explanation.keywordRank > 0)
            s += w * norm(f.explanation.bm25, kr);
        if (f.explanation.vectorRank > 0)
            s += (1.0 - w) * norm(f.explanation.similarity, vr);
        f.explanation.fused = s;
    }
    sortByFused(out);
    return out;
}

QList<FusedId> fromKeyword(const QList<RankedId> &keyword)
{
    QList<FusedId> out = merge(keyword, {});
    for (FusedId &f : out)
        f.explanation.fused = f.explanation.bm25;
    return out;
}

QList<FusedId> fromVector(const QList<RankedId> &vector)
{
    QList<FusedId> out = merge({}, vector);
    for (FusedId &f : out)
        f.explanation.fused = f.explanation.similarity;
    return out;
}

} // namespace kms
