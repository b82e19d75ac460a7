// SPDX-License-Identifier: MIT
#pragma once

#include "embed/Embedder.h"

namespace kms {

// Stands for a configured embedder that cannot be made right now (its API key's environment
// variable is not set in this shell, its key file is unreadable), with the real one's id and
// dimension. The store still opens: keyword search works, the stored vectors serve vector search
// of stored records, and every embed fails with the reason, so new records wait in the vector
// backlog instead of the data directory becoming unusable.
class UnavailableEmbedder final : public Embedder
{
public:
    UnavailableEmbedder(QString id, int dimension, Reads reads, QString reason)
        : m_id(std::move(id)), m_dimension(dimension), m_reads(reads), m_reason(std::move(reason))
    {
    }

    QString id() const override { return m_id; }
    int dimension() const override { return m_dimension; }
    Reads reads() const override { return m_reads; }
    bool isRemote() const override { return true; }
    const QString &reason() const { return m_reason; }

    EmbedBatchResult embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                const std::atomic<bool> *cancel = nullptr) const override;

private:
    const QString m_id;
    const int m_dimension;
    const Reads m_reads;
    const QString m_reason;
};

} // namespace kms
