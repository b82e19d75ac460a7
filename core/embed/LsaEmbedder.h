// SPDX-License-Identifier: MIT
#pragma once

#include "embed/Embedder.h"
#include "embed/LsaModel.h"

#include <memory>

namespace kms {

// Embeds matching-form tokens with a trained LsaModel: the text's tf-idf vector (sublinear tf,
// the model's idf; words outside the vocabulary ignored) folded into the latent space as
// q V_k S_k^-1 (right singular vectors, each dimension divided by its singular value),
// L2-normalised. Texts with no vocabulary word give the zero vector.
// Queries and documents fold in the same way, so cosine compares them directly.
class LsaEmbedder final : public LocalEmbedder
{
public:
    explicit LsaEmbedder(std::shared_ptr<const LsaModel> model);

    // "lsa-v1:k=256,v=41873,m=<model checksum>"
    QString id() const override { return m_id; }
    int dimension() const override { return m_model->rank(); }
    Reads reads() const override { return Reads::Tokens; }
    void embedOne(const EmbedInput &input, std::span<float> out) const override;

    const LsaModel &model() const { return *m_model; }

private:
    std::shared_ptr<const LsaModel> m_model;
    QString m_id;
};

} // namespace kms
