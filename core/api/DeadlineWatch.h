// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace kms {

// Raises a request's cancel flag when its deadline passes, so a search that runs too long stops
// (the engine's searches check such a flag) instead of holding a worker. One thread for all requests.
class DeadlineWatch
{
public:
    using Clock = std::chrono::steady_clock;
    using Flag = std::shared_ptr<std::atomic<bool>>;

    DeadlineWatch();
    ~DeadlineWatch();

    Flag watch(Clock::time_point deadline);
    void release(const Flag &flag);   // the request is done
    void cancelAll();                 // the server stops: every running request is cancelled

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::multimap<Clock::time_point, Flag> m_pending;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace kms
