// SPDX-License-Identifier: MIT
#include "search/CommonTermCounts.h"

#include <algorithm>

namespace kms {

std::optional<MatchFrequency> CommonTermCounts::find(const QString &part, int cap, qint64 newestId,
                                                     Clock::time_point now) const
{
    std::lock_guard guard(m_mutex);
    const auto it = m_entries.constFind(part);
    if (it == m_entries.cend())
        return std::nullopt;
    const Entry &e = *it;
    // A smaller newest id: records were taken away at the end, or the store is another one.
    if (e.cap != cap || newestId < e.newestId
        || double(newestId - e.newestId) > kMaxGrowth * double(e.newestId) || now - e.at > kMaxAge || now < e.at)
        return std::nullopt;
    MatchFrequency f = e.frequency;
    // The estimate stands for a share of the records: the same share of the grown store.
    f.estimate = std::max(double(f.counted), f.estimate * double(newestId) / double(e.newestId));
    return f;
}

void CommonTermCounts::keep(const QString &part, int cap, qint64 newestId, const MatchFrequency &f,
                            Clock::time_point now)
{
    if (f.counted <= cap || newestId <= 0)
        return;
    std::lock_guard guard(m_mutex);
    // A bound on memory, not an eviction policy: the common words of a collection are a few
    // thousand at most, so a full table is mostly stale phrases and starts again.
    if (m_entries.size() >= kMaxEntries && !m_entries.contains(part))
        m_entries.clear();
    m_entries.insert(part, Entry{f, cap, newestId, now});
}

void CommonTermCounts::clear()
{
    std::lock_guard guard(m_mutex);
    m_entries.clear();
}

int CommonTermCounts::size() const
{
    std::lock_guard guard(m_mutex);
    return int(m_entries.size());
}

} // namespace kms
