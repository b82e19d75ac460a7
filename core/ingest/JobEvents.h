// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/IngestPipeline.h"

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace kms {

// What happened to a job. Progress is a committed batch; Paused / Resumed carry a snapshot too.
enum class JobEventKind : int { Queued, Started, Progress, Paused, Resumed, Finished, Failed, Cancelled };

QString jobEventKindName(JobEventKind kind);
// The end event of a job that ended with this status (Completed -> Finished).
JobEventKind jobEndKind(JobStatus status);

// One change in a job's life, as every front end sees it: the GUI, kmsctl and the REST API read
// job state from this stream alone, not by polling the queue.
struct JobEvent {
    qint64 jobId = 0;
    JobEventKind kind = JobEventKind::Queued;
    JobInfo job;                         // the job row as of this event
    std::optional<JobProgress> progress; // Started and Progress: the pipeline's snapshot

    // Anything but a batch: job lists and status texts refresh on these.
    bool isStateChange() const { return kind != JobEventKind::Progress; }
    bool isEnd() const
    {
        return kind == JobEventKind::Finished || kind == JobEventKind::Failed || kind == JobEventKind::Cancelled;
    }
};

// Fans job events out to subscribers, on the thread that publishes them (the queue's thread, a
// pipeline's writer thread, or the caller of a synchronous job): a subscriber only hands the event
// on (to its own thread, a queue) and never blocks. After a Subscription is gone, or reset, its
// callback is not called again, even by a publish running on another thread at the time.
class JobEventStream
{
    struct State;

public:
    using Callback = std::function<void(const JobEvent &)>;

    class Subscription
    {
    public:
        Subscription() = default;
        Subscription(Subscription &&other) noexcept
            : m_state(std::move(other.m_state)), m_id(std::exchange(other.m_id, 0)) {}
        Subscription &operator=(Subscription &&other) noexcept;
        ~Subscription() { reset(); }
        void reset();
        explicit operator bool() const { return m_id != 0; }

    private:
        friend class JobEventStream;
        Subscription(std::weak_ptr<State> state, qint64 id) : m_state(std::move(state)), m_id(id) {}
        std::weak_ptr<State> m_state;
        qint64 m_id = 0;
    };

    JobEventStream();
    ~JobEventStream();
    JobEventStream(const JobEventStream &) = delete;
    JobEventStream &operator=(const JobEventStream &) = delete;

    [[nodiscard]] Subscription subscribe(Callback callback);
    void publish(const JobEvent &event) const;

private:
    std::shared_ptr<State> m_state;
};

} // namespace kms
