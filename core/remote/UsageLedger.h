// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <atomic>
#include <mutex>

namespace kms {

// What a remote embedder has cost so far, for the operator who pays per token: counted by the
// embedder as it works, from any thread.
struct UsageSnapshot {
    qint64 requests = 0;      // HTTP attempts sent, retries included
    qint64 retries = 0;       // attempts that were repeats of a failed one
    qint64 inputs = 0;        // texts embedded successfully
    qint64 tokens = 0;        // input tokens, as the server counted them (estimated when it does not say)
    qint64 failedInputs = 0;  // texts left without a vector
    qint64 cacheHits = 0;     // texts the caller found in the embedding cache instead (reported by it)
    double estimatedCost = 0; // tokens × the configured price per 1M tokens
    QString lastError;
};

class UsageLedger
{
public:
    explicit UsageLedger(double pricePerMillionTokens = 0) : m_price(pricePerMillionTokens) {}

    void addRequest(bool retry)
    {
        m_requests.fetch_add(1, std::memory_order_relaxed);
        if (retry)
            m_retries.fetch_add(1, std::memory_order_relaxed);
    }
    void addEmbedded(qint64 inputs, qint64 tokens)
    {
        m_inputs.fetch_add(inputs, std::memory_order_relaxed);
        m_tokens.fetch_add(tokens, std::memory_order_relaxed);
    }
    void addFailed(qint64 inputs, const QString &error);
    void addCacheHits(qint64 n) { m_cacheHits.fetch_add(n, std::memory_order_relaxed); }

    UsageSnapshot snapshot() const;

private:
    const double m_price;
    std::atomic<qint64> m_requests{0}, m_retries{0}, m_inputs{0}, m_tokens{0}, m_failed{0}, m_cacheHits{0};
    mutable std::mutex m_errorMutex;
    QString m_lastError;
};

} // namespace kms
