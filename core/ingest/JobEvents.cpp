// SPDX-License-Identifier: MIT
#include "ingest/JobEvents.h"

#include "log/Log.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>
#include <utility>
#include <vector>

namespace kms {

QString jobEventKindName(JobEventKind kind)
{
    switch (kind) {
    case JobEventKind::Queued: return QStringLiteral("queued");
    case JobEventKind::Started: return QStringLiteral("started");
    case JobEventKind::Progress: return QStringLiteral("progress");
    case JobEventKind::Paused: return QStringLiteral("paused");
    case JobEventKind::Resumed: return QStringLiteral("resumed");
    case JobEventKind::Finished: return QStringLiteral("finished");
    case JobEventKind::Failed: return QStringLiteral("failed");
    case JobEventKind::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

JobEventKind jobEndKind(JobStatus status)
{
    switch (status) {
    case JobStatus::Completed: return JobEventKind::Finished;
    case JobStatus::Cancelled: return JobEventKind::Cancelled;
    default: return JobEventKind::Failed;
    }
}

struct JobEventStream::State {
    // Recursive: a subscriber may subscribe or unsubscribe from inside its callback. Held while
    // delivering, so reset() on another thread waits for a delivery in progress.
    std::recursive_mutex mutex;
    std::vector<std::pair<qint64, Callback>> subscribers;
    qint64 nextId = 1;
};

JobEventStream::JobEventStream()
    : m_state(std::make_shared<State>())
{
}

JobEventStream::~JobEventStream() = default;

JobEventStream::Subscription JobEventStream::subscribe(Callback callback)
{
    std::lock_guard guard(m_state->mutex);
    const qint64 id = m_state->nextId++;
    m_state->subscribers.emplace_back(id, std::move(callback));
    return Subscription(m_state, id);
}

void JobEventStream::publish(const JobEvent &event) const
{
    std::lock_guard guard(m_state->mutex);
    const auto subscribers = m_state->subscribers; // a callback may change the list
    for (const auto &[id, callback] : subscribers) {
        const bool stillSubscribed = std::any_of(m_state->subscribers.begin(), m_state->subscribers.end(),
                                                 [id = id](const auto &s) { return s.first == id; });
        if (!stillSubscribed)
            continue;
        // Publishers are worker threads: nothing a subscriber throws may escape into them.
        try {
            callback(event);
        } catch (const std::exception &e) {
            log::get("kms.core.ingest")->error("a job event subscriber failed: {}", e.what());
        }
    }
}

JobEventStream::Subscription &JobEventStream::Subscription::operator=(Subscription &&other) noexcept
{
    if (this != &other) {
        reset();
        m_state = std::move(other.m_state);
        m_id = std::exchange(other.m_id, 0);
    }
    return *this;
}

void JobEventStream::Subscription::reset()
{
    const qint64 id = std::exchange(m_id, 0);
    const std::shared_ptr<State> state = m_state.lock();
    m_state.reset();
    if (!state || id == 0)
        return;
    std::lock_guard guard(state->mutex);
    std::erase_if(state->subscribers, [id](const auto &s) { return s.first == id; });
}

} // namespace kms
