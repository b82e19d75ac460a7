// SPDX-License-Identifier: MIT
#pragma once

#include "embed/Embedder.h"
#include "encoder/BertModel.h"
#include "encoder/ModelConfig.h"
#include "encoder/WordPieceTokenizer.h"

#include <memory>
#include <vector>

namespace kms {

struct BertEmbedderOptions {
    // Put before the text: E5 wants "query: " / "passage: ", BGE an instruction before queries.
    QString queryPrefix;
    QString documentPrefix;
    // Worker threads per embedBatch() call (each runs OpenBLAS single-threaded); 0 = one per core.
    int threads = 0;
    // Pieces per text including [CLS] and [SEP]; 0 = the model's max_seq_length, larger is capped.
    int maxLength = 0;
};

// A sentence-transformers model folder (BERT family, WordPiece vocabulary) run in-process:
// the same vectors sentence-transformers' encode() gives, L2-normalised. Immutable and shared by
// all threads once loaded.
class BertEmbedder : public Embedder
{
public:
    // Reads and checks the whole folder. On any problem returns null and sets *error to a message
    // naming the file and the problem.
    static std::shared_ptr<const BertEmbedder> load(const QString &modelDir, const BertEmbedderOptions &options,
                                                    QString *error);

    QString id() const override { return m_id; }
    int dimension() const override { return m_model->dimension(); }
    Reads reads() const override { return Reads::Text; }
    // A transformer pass per text: the slow step of ingestion, worth handing to workers.
    bool isExpensive() const override { return true; }
    EmbedBatchResult embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                const std::atomic<bool> *cancel = nullptr) const override;

    // The token ids the model reads for an input, prefix included ([CLS] ... [SEP]).
    std::vector<int> tokenize(const EmbedInput &input) const;

    const EncoderConfig &config() const { return m_config; }
    const BertModel &model() const { return *m_model; }
    int maxLength() const { return m_maxLength; }
    int threads() const { return m_threads; }

private:
    BertEmbedder() = default;

    EncoderConfig m_config;
    BertEmbedderOptions m_options;
    std::unique_ptr<WordPieceTokenizer> m_tokenizer;
    std::unique_ptr<BertModel> m_model;
    QString m_id;
    int m_maxLength = 0;
    int m_threads = 1;
};

} // namespace kms
