// SPDX-License-Identifier: MIT
#include "embed/Embedder.h"

#include <cmath>

namespace kms {

void normaliseL2(std::span<float> v)
{
    double norm = 0.0;
    for (const float x : v)
        norm += double(x) * double(x);
    if (norm <= 0.0)
        return;
    const auto scale = float(1.0 / std::sqrt(norm));
    for (float &x : v)
        x *= scale;
}

EmbedBatchResult LocalEmbedder::embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                           const std::atomic<bool> *cancel) const
{
    EmbedBatchResult result;
    result.ok.fill(false, qsizetype(inputs.size()));
    const size_t dim = size_t(dimension());
    if (out.size() != inputs.size() * dim) {
        result.failure = EmbedFailure::Permanent;
        result.message = QStringLiteral("embedder %1: output holds %2 floats, %3 inputs need %4")
                             .arg(id())
                             .arg(out.size())
                             .arg(inputs.size())
                             .arg(inputs.size() * dim);
        return result;
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            result.failure = EmbedFailure::Cancelled;
            result.message = QStringLiteral("cancelled");
            return result;
        }
        embedOne(inputs[i], out.subspan(i * dim, dim));
        result.ok[qsizetype(i)] = true;
    }
    return result;
}

} // namespace kms
