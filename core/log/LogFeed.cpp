// SPDX-License-Identifier: MIT
#include "log/LogFeed.h"

#include <algorithm>
#include <chrono>

namespace kms::log {

LogRing::LogRing(size_t capacity)
    : m_slots(std::max<size_t>(capacity, 1))
{
}

void LogRing::sink_it_(const spdlog::details::log_msg &msg)
{
    // Assigning into an existing slot reuses its string buffers: no allocation once the ring is warm.
    Slot &slot = m_slots[m_lastSeq % m_slots.size()];
    slot.seq = ++m_lastSeq;
    slot.timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
    slot.level = int(msg.level);
    slot.logger.assign(msg.logger_name.data(), msg.logger_name.size());
    slot.message.assign(msg.payload.data(), msg.payload.size());
    m_held = std::min(m_held + 1, m_slots.size());
}

FeedBatch LogRing::since(quint64 afterSeq, size_t max)
{
    std::vector<Slot> copied;
    FeedBatch batch;
    {
        std::lock_guard guard(mutex_);
        batch.lastSeq = m_lastSeq;
        if (afterSeq >= m_lastSeq)
            return batch;
        const quint64 oldestKept = m_lastSeq - m_held + 1;
        quint64 from = std::max(afterSeq + 1, oldestKept);
        if (m_lastSeq - from + 1 > max)
            from = m_lastSeq - max + 1;
        batch.missed = from - (afterSeq + 1);
        copied.reserve(size_t(m_lastSeq - from + 1));
        for (quint64 s = from; s <= m_lastSeq; ++s)
            copied.push_back(m_slots[(s - 1) % m_slots.size()]);
    }
    // Converting to QString outside the lock keeps logging threads from waiting on it.
    batch.entries.reserve(qsizetype(copied.size()));
    for (const Slot &s : copied)
        batch.entries.append({s.seq, s.timeMs, s.level, QString::fromStdString(s.logger),
                              QString::fromStdString(s.message)});
    return batch;
}

void LogRing::setCapacity(size_t capacity)
{
    capacity = std::max<size_t>(capacity, 1);
    std::lock_guard guard(mutex_);
    if (capacity == m_slots.size())
        return;
    std::vector<Slot> fresh(capacity);
    const size_t kept = std::min(m_held, capacity);
    for (quint64 s = m_lastSeq - kept + 1; s <= m_lastSeq; ++s)
        fresh[(s - 1) % capacity] = std::move(m_slots[(s - 1) % m_slots.size()]);
    m_slots = std::move(fresh);
    m_held = kept;
}

size_t LogRing::capacity()
{
    std::lock_guard guard(mutex_);
    return m_slots.size();
}

} // namespace kms::log
