// SPDX-License-Identifier: MIT
#pragma once

#include "synth/Generator.h"

#include <QString>

namespace kms {

struct EvalSetStats {
    qint64 documents = 0;
    qint64 queries = 0;
    qint64 judgements = 0;
};

// Writes a BEIR-layout test collection of synthetic support data into `directory`: corpus.jsonl
// (_id, title, text), queries.jsonl (_id, text) and qrels/test.tsv, so `kmsctl eval` can measure
// search on support tickets, a second domain beside NFCorpus.
// The last `queries` cases of the generated data are held out: each one's title is a query, as an
// operator would type the problem. Judged relevant are the records of the same underlying problem
// (the generator's ground truth): the article that answers it with grade 2, every case in the
// corpus with grade 1. A query whose problem has nothing in the corpus is left out.
bool writeSyntheticEvalSet(const SynthOptions &options, qint64 queries, const QString &directory,
                           QString *error, EvalSetStats *stats = nullptr);

} // namespace kms
