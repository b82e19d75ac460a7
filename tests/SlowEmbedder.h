// SPDX-License-Identifier: MIT
#pragma once
// A test double for a slow embedder: the hash embedder's vectors (same id, so it opens a store the
// hash embedder filled), after a delay per call. It checks the cancel flag every 10 ms while it
// waits, or, with honourCancel off, ignores it the way a search stuck in one long step does.
// Counts its calls, to see how many searches reached the engine.

#include "embed/HashEmbedder.h"

#include <QThread>

#include <atomic>

namespace kms::testdata {

class SlowEmbedder final : public Embedder
{
public:
    SlowEmbedder(int delayMs, bool honourCancel) : m_delayMs(delayMs), m_honourCancel(honourCancel) {}

    QString id() const override { return m_inner.id(); }
    int dimension() const override { return m_inner.dimension(); }
    Reads reads() const override { return m_inner.reads(); }
    int calls() const { return m_calls.load(); }

    EmbedBatchResult embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                const std::atomic<bool> *cancel = nullptr) const override
    {
        ++m_calls;
        for (int waited = 0; waited < m_delayMs; waited += 10) {
            if (m_honourCancel && cancel && cancel->load())
                break;
            QThread::msleep(10);
        }
        return m_inner.embedBatch(inputs, out, cancel);
    }

private:
    HashEmbedder m_inner;
    int m_delayMs;
    bool m_honourCancel;
    mutable std::atomic<int> m_calls{0};
};

} // namespace kms::testdata
