// SPDX-License-Identifier: MIT
#pragma once

#include "embed/LsaModel.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace kms {

// Trains an LsaModel from documents streamed in one at a time (their matching-form tokens):
// tf-idf with sublinear tf (1 + ln tf), rows L2-normalised; vocabulary = words in at least
// minDocumentFrequency documents, the most frequent maxVocabulary of them; then a randomized
// truncated SVD (Halko, Martinsson & Tropp: Gaussian sketch, power iterations with
// re-orthonormalisation, small dense eigenproblem). The sketch comes from a fixed-seed generator
// of our own, so the same documents in the same order give bit-identical models on a machine.
//
// Only word ids and counts are kept per document, never the texts: memory is about 8 bytes per
// distinct word of each document, plus the dense n x (rank + oversampling) sketch.
class LsaTrainer
{
public:
    struct Params {
        int rank = 256;
        int oversampling = 10;
        int powerIterations = 2;
        int minDocumentFrequency = 2;
        int maxVocabulary = 100'000;
        quint64 seed = 0x6b6d732d6c7361ULL; // "kms-lsa"
    };
    // What train() is doing: stage is a short phrase ("sketching"), done/total its steps.
    using Progress = std::function<void(const QString &stage, int done, int total)>;

    explicit LsaTrainer(const Params &params);

    void addDocument(const QStringList &tokens);
    qint64 documentCount() const { return qint64(m_docStart.size()) - 1; }

    // Nullopt when cancelled or when the documents cannot make a model (too few documents or
    // shared words); *error says which.
    std::optional<LsaModel> train(const Progress &progress, const std::atomic<bool> *cancel, QString *error);

private:
    Params m_params;
    QHash<QString, int> m_wordId;      // every word seen
    QStringList m_words;
    std::vector<int> m_documentFrequency;
    std::vector<qint64> m_docStart{0}; // per document: its first entry in m_terms / m_counts
    std::vector<int> m_terms;
    std::vector<quint32> m_counts;
};

} // namespace kms
