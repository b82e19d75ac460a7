// SPDX-License-Identifier: MIT
#pragma once

#include "storage/SearchQueries.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>
#include <optional>

namespace kms {

// Match counts of common query parts (more matches than the score budget), kept between searches.
// Counting one walks its newest budget + 1 postings: at a million records that was 27 % of a
// keyword search, for an estimate that barely moves while the store grows by a percent. Counts
// at or under the budget are exact (they must equal bm25()'s) and are never kept. Thread safe:
// one per engine, shared by its readers.
class CommonTermCounts
{
public:
    using Clock = std::chrono::steady_clock;

    // How far a kept count may lag: the store's newest record id grown by at most this share,
    // and no older than maxAge (edits and deletions do not move the newest id).
    static constexpr double kMaxGrowth = 0.01;
    static constexpr std::chrono::minutes kMaxAge{10};
    static constexpr int kMaxEntries = 4096;

    // The count of `part` for budget `cap` if one taken at a newest record id within the bounds
    // of `newestId` is kept, its estimate scaled to `newestId`.
    std::optional<MatchFrequency> find(const QString &part, int cap, qint64 newestId,
                                       Clock::time_point now = Clock::now()) const;
    // Keeps `f` if it is above `cap` (an estimate); exact counts are not kept.
    void keep(const QString &part, int cap, qint64 newestId, const MatchFrequency &f,
              Clock::time_point now = Clock::now());
    void clear();
    int size() const;

private:
    struct Entry {
        MatchFrequency frequency;
        int cap = 0;
        qint64 newestId = 0;
        Clock::time_point at;
    };
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace kms
