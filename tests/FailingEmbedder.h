// SPDX-License-Identifier: MIT
#pragma once
// A test double for an embedder that fails on demand: the hash embedder's vectors, except that
// while it is "down" every call fails, and while a marker is set every item whose tokens contain
// it fails (an outage that hits part of a job). Counts its calls, to see whether a retry spins.

#include "embed/HashEmbedder.h"

#include <QMutex>
#include <QMutexLocker>

#include <atomic>

namespace kms::testdata {

class FailingEmbedder final : public Embedder
{
public:
    QString id() const override { return m_inner.id(); }
    int dimension() const override { return m_inner.dimension(); }
    Reads reads() const override { return Reads::Tokens; }
    bool isRemote() const override { return true; }

    void setDown(bool down, EmbedFailure how = EmbedFailure::Transient)
    {
        m_down = down;
        m_how = how;
    }
    void setFailingMarker(const QString &marker)
    {
        QMutexLocker lock(&m_mutex);
        m_marker = marker;
    }
    int calls() const { return m_calls.load(); }
    int failedItems() const { return m_failedItems.load(); }

    EmbedBatchResult embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                const std::atomic<bool> *cancel = nullptr) const override
    {
        ++m_calls;
        EmbedBatchResult r = m_inner.embedBatch(inputs, out, cancel);
        if (m_down) {
            r.ok.fill(false);
            m_failedItems += int(inputs.size());
            r.failure = m_how.load();
            r.message = m_how == EmbedFailure::Permanent ? QStringLiteral("the server refused the API key (HTTP 401)")
                                                          : QStringLiteral("the server did not answer (connection refused)");
            return r;
        }
        QString marker;
        {
            QMutexLocker lock(&m_mutex);
            marker = m_marker;
        }
        if (marker.isEmpty())
            return r;
        for (size_t i = 0; i < inputs.size(); ++i) {
            if (inputs[i].tokens.contains(marker)) {
                r.ok[qsizetype(i)] = false;
                ++m_failedItems;
                r.failure = EmbedFailure::Transient;
                r.message = QStringLiteral("the server answered HTTP 503");
            }
        }
        return r;
    }

private:
    HashEmbedder m_inner;
    std::atomic<bool> m_down{false};
    std::atomic<EmbedFailure> m_how{EmbedFailure::Transient};
    mutable QMutex m_mutex;
    QString m_marker;
    mutable std::atomic<int> m_calls{0};
    mutable std::atomic<int> m_failedItems{0};
};

} // namespace kms::testdata
