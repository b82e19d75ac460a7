// SPDX-License-Identifier: MIT
#include "embed/UnavailableEmbedder.h"

namespace kms {

EmbedBatchResult UnavailableEmbedder::embedBatch(std::span<const EmbedInput> inputs, std::span<float>,
                                                 const std::atomic<bool> *) const
{
    EmbedBatchResult result;
    result.ok.fill(false, qsizetype(inputs.size()));
    // Transient: fixing the environment and reopening (or the backlog's retry after a config
    // change) makes it work, nothing about the inputs is wrong.
    result.failure = EmbedFailure::Transient;
    result.message = m_reason;
    return result;
}

} // namespace kms
