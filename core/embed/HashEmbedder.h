// SPDX-License-Identifier: MIT
#pragma once

#include "embed/Embedder.h"

namespace kms {

// The built-in embedder: needs no model file. Signed feature hashing (xxHash, fixed seed) of word
// unigrams, word bigrams and character n-grams of each token (with boundary markers) into
// `dimension` buckets; sublinear term weighting (1 + ln tf) per feature, separate weights per
// feature family, L2-normalised. Deterministic across runs, machines and thread counts.
// Features: each token (unigram), each pair of neighbouring tokens (bigram, if enabled) and the
// character n-grams of "<token>" (only the first 64 characters of a token; ids and hashes rarely
// need more). Parameters are sanitised on construction (params() shows the values used):
// dimension is clamped to 1..65536, charNgramMin to >= 1; charNgramMax < charNgramMin turns
// character n-grams off ("c=off" in the id).
class HashEmbedder final : public LocalEmbedder
{
public:
    struct Params {
        int dimension = 256;
        int charNgramMin = 3;
        int charNgramMax = 5;
        bool wordBigrams = true;
        float unigramWeight = 1.0f;
        float bigramWeight = 0.7f;
        float charNgramWeight = 0.35f;
        bool operator==(const Params &) const = default;
    };

    HashEmbedder();
    explicit HashEmbedder(const Params &params);

    QString id() const override { return m_id; }
    int dimension() const override { return m_params.dimension; }
    Reads reads() const override { return Reads::Tokens; }
    void embedOne(const EmbedInput &input, std::span<float> out) const override { embed(input.tokens, out); }
    // Writes dimension() floats to out (out.size() must equal dimension()). An empty token list
    // gives the zero vector.
    void embed(const QStringList &tokens, std::span<float> out) const;

    const Params &params() const { return m_params; }

private:
    Params m_params;
    QString m_id;
};

} // namespace kms
