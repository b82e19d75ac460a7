// SPDX-License-Identifier: MIT
#include "api/DeadlineWatch.h"

namespace kms {

DeadlineWatch::DeadlineWatch()
    : m_thread([this] { run(); })
{
}

DeadlineWatch::~DeadlineWatch()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

DeadlineWatch::Flag DeadlineWatch::watch(Clock::time_point deadline)
{
    auto flag = std::make_shared<std::atomic<bool>>(false);
    {
        std::lock_guard lock(m_mutex);
        m_pending.emplace(deadline, flag);
    }
    m_wake.notify_all();
    return flag;
}

void DeadlineWatch::release(const Flag &flag)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->second == flag) {
            m_pending.erase(it);
            return;
        }
    }
}

void DeadlineWatch::cancelAll()
{
    std::lock_guard lock(m_mutex);
    for (auto &[when, flag] : m_pending)
        flag->store(true);
}

void DeadlineWatch::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        if (m_pending.empty()) {
            m_wake.wait(lock);
            continue;
        }
        const auto first = m_pending.begin();
        if (first->first <= Clock::now()) {
            first->second->store(true);
            m_pending.erase(first);
            continue;
        }
        m_wake.wait_until(lock, first->first);
    }
}

} // namespace kms
