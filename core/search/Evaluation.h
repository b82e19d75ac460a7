// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace kms {

// A BEIR-layout test collection: corpus.jsonl[.gz] (_id, title, text), queries.jsonl (_id, text),
// qrels TSV (query-id, corpus-id, score; a header line).
struct EvalQuery {
    QString id;
    QString text;
};
using Qrels = QHash<QString, QHash<QString, int>>; // query id -> document id -> graded relevance

bool loadBeirQueries(const QString &path, QList<EvalQuery> *out, QString *error);
// Only queries that have judgements in `qrels` are kept by the evaluator, in file order.
bool loadQrels(const QString &path, Qrels *out, QString *error); // "file:line: what is wrong" on bad rows

// Metrics for one ranked list of document ids (external ids), against one query's judgements.
double ndcgAt(const QStringList &ranked, const QHash<QString, int> &judgements, int k); // gain = grade, log2 discount
double recallAt(const QStringList &ranked, const QHash<QString, int> &judgements, int k); // relevant = grade > 0
double reciprocalRankAt(const QStringList &ranked, const QHash<QString, int> &judgements, int k);

// Nearest-rank percentile (p in [0, 1]) of the values; 0 for none. Reorders `values`.
double percentile(std::vector<double> &values, double p);

struct ModeScores {
    SearchMode mode = SearchMode::Hybrid;
    int queries = 0;          // every judged query; a query with no hit scores 0
    double ndcg10 = 0;
    double recall100 = 0;
    double mrr10 = 0;
    double p50Ms = 0;
    double p95Ms = 0;
};

// Runs every judged query through `search` (which returns external ids, best first, at most 100)
// and averages the metrics over all judged queries.
ModeScores evaluate(SearchMode mode, const QList<EvalQuery> &queries, const Qrels &qrels,
                    const std::function<QStringList(const QString &text, double *latencyMs)> &search);

} // namespace kms
