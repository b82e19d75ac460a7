// SPDX-License-Identifier: MIT
#include "storage/StorePool.h"

namespace kms {

std::unique_ptr<StorePool> StorePool::open(const QString &path, QString *error)
{
    std::unique_ptr<StorePool> pool(new StorePool);
    pool->m_path = path;
    pool->m_inMemory = path == u":memory:";
    pool->m_writer = Store::open(path, Store::Mode::ReadWrite, error);
    if (!pool->m_writer)
        return nullptr;
    return pool;
}

std::unique_ptr<StorePool> StorePool::openReadOnly(const QString &path, QString *error)
{
    std::unique_ptr<StorePool> pool(new StorePool);
    pool->m_path = path;
    pool->m_inMemory = path == u":memory:";
    pool->m_readOnly = true;
    pool->m_writer = Store::open(path, Store::Mode::ReadOnly, error);
    if (!pool->m_writer)
        return nullptr;
    return pool;
}

StorePool::~StorePool()
{
    // Readers close before the writer, so the writer's close can checkpoint and drop the WAL.
    m_idle.clear();
}

StorePool::Reader StorePool::reader()
{
    Reader r;
    if (!m_inMemory) {
        {
            std::lock_guard guard(m_idleMutex);
            if (!m_idle.empty()) {
                r.m_owned = std::move(m_idle.back());
                m_idle.pop_back();
            }
        }
        if (!r.m_owned) {
            QString error;
            r.m_owned = Store::open(m_path, Store::Mode::ReadOnly, &error);
        }
        if (r.m_owned) {
            r.m_pool = this;
            r.m_store = r.m_owned.get();
            return r;
        }
    }
    r.m_lock = std::unique_lock(m_writerMutex);
    r.m_store = m_writer.get();
    return r;
}

void StorePool::release(std::unique_ptr<Store> s)
{
    std::lock_guard guard(m_idleMutex);
    m_idle.push_back(std::move(s));
}

StorePool::Reader::Reader(Reader &&other) noexcept
    : m_pool(std::exchange(other.m_pool, nullptr))
    , m_owned(std::move(other.m_owned))
    , m_lock(std::move(other.m_lock))
    , m_store(std::exchange(other.m_store, nullptr))
{
}

StorePool::Reader::~Reader()
{
    if (m_pool && m_owned)
        m_pool->release(std::move(m_owned));
}

} // namespace kms
