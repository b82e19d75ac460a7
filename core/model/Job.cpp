// SPDX-License-Identifier: MIT
#include "model/Job.h"

#include <array>
#include <utility>

namespace kms {

namespace {
template<typename E, size_t N>
QString nameOf(const std::array<std::pair<E, const char16_t *>, N> &table, E value)
{
    for (const auto &[v, n] : table)
        if (v == value)
            return QString::fromUtf16(n);
    return {};
}

template<typename E, size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char16_t *>, N> &table, QStringView name)
{
    for (const auto &[v, n] : table)
        if (name.compare(QStringView(n), Qt::CaseInsensitive) == 0)
            return v;
    return std::nullopt;
}

constexpr std::array<std::pair<JobPriority, const char16_t *>, 3> kPriorities{{
    {JobPriority::Low, u"low"}, {JobPriority::Normal, u"normal"}, {JobPriority::High, u"high"}}};
constexpr std::array<std::pair<JobStatus, const char16_t *>, 6> kStatuses{{
    {JobStatus::Queued, u"queued"}, {JobStatus::Running, u"running"}, {JobStatus::Paused, u"paused"},
    {JobStatus::Completed, u"completed"}, {JobStatus::Failed, u"failed"},
    {JobStatus::Cancelled, u"cancelled"}}};
constexpr std::array<std::pair<IngestMode, const char16_t *>, 4> kModes{{
    {IngestMode::Auto, u"auto"}, {IngestMode::Async, u"async"}, {IngestMode::Hybrid, u"hybrid"},
    {IngestMode::Distributed, u"distributed"}}};
} // namespace

QString jobPriorityName(JobPriority p) { return nameOf(kPriorities, p); }
std::optional<JobPriority> jobPriorityFromName(QStringView n) { return valueOf(kPriorities, n); }
QString jobStatusName(JobStatus s) { return nameOf(kStatuses, s); }
std::optional<JobStatus> jobStatusFromName(QStringView n) { return valueOf(kStatuses, n); }
QString ingestModeName(IngestMode m) { return nameOf(kModes, m); }
std::optional<IngestMode> ingestModeFromName(QStringView n) { return valueOf(kModes, n); }

} // namespace kms
