// SPDX-License-Identifier: MIT
#include "remote/UsageLedger.h"

namespace kms {

void UsageLedger::addFailed(qint64 inputs, const QString &error)
{
    m_failed.fetch_add(inputs, std::memory_order_relaxed);
    std::lock_guard lock(m_errorMutex);
    m_lastError = error;
}

UsageSnapshot UsageLedger::snapshot() const
{
    UsageSnapshot s;
    s.requests = m_requests.load(std::memory_order_relaxed);
    s.retries = m_retries.load(std::memory_order_relaxed);
    s.inputs = m_inputs.load(std::memory_order_relaxed);
    s.tokens = m_tokens.load(std::memory_order_relaxed);
    s.failedInputs = m_failed.load(std::memory_order_relaxed);
    s.cacheHits = m_cacheHits.load(std::memory_order_relaxed);
    s.estimatedCost = double(s.tokens) * m_price / 1e6;
    std::lock_guard lock(m_errorMutex);
    s.lastError = m_lastError;
    return s;
}

} // namespace kms
