// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QList>

namespace kms {

// One entry of a ranked list, best first.
struct RankedId {
    qint64 id = 0;
    double score = 0; // bm25 (positive) or cosine similarity
};

struct FusedId {
    qint64 id = 0;
    HitExplanation explanation; // ranks, raw scores and the fused score
};

// Reciprocal rank fusion: fused = 2w / (k + keyword rank) + 2(1 - w) / (k + vector rank), a list
// a record is missing from contributing nothing. Robust to the lists' score scales being
// unrelated, which BM25 and cosine similarity are; w = 0.5 is the classic unweighted RRF.
QList<FusedId> fuseRrf(const QList<RankedId> &keyword, const QList<RankedId> &vector, int k,
                       double keywordWeight = 0.5);

// Convex combination of min-max normalised scores: fused = w * keyword + (1 - w) * vector, a record
// missing from a list contributing 0 from it. w is clamped to [0, 1].
QList<FusedId> fuseWeighted(const QList<RankedId> &keyword, const QList<RankedId> &vector, double keywordWeight);

// One list only, explained.
QList<FusedId> fromKeyword(const QList<RankedId> &keyword);
QList<FusedId> fromVector(const QList<RankedId> &vector);

} // namespace kms
