// SPDX-License-Identifier: MIT
#include "embed/EmbeddingCache.h"

namespace kms {

EmbeddingCache::EmbeddingCache(size_t capacityEntries)
    : m_capacity(capacityEntries)
{
}

bool EmbeddingCache::lookup(quint64 textHash, std::vector<float> *out)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_map.find(textHash);
    if (it == m_map.end())
        return false;
    m_lru.splice(m_lru.begin(), m_lru, it->second); // now the most recent
    if (out)
        *out = it->second->second;
    m_memoryHits.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void EmbeddingCache::insert(quint64 textHash, const std::vector<float> &vector)
{
    std::lock_guard lock(m_mutex);
    if (m_capacity == 0)
        return;
    const auto it = m_map.find(textHash);
    if (it != m_map.end()) {
        it->second->second = vector;
        m_lru.splice(m_lru.begin(), m_lru, it->second);
        return;
    }
    m_lru.emplace_front(textHash, vector);
    m_map.emplace(textHash, m_lru.begin());
    while (m_lru.size() > m_capacity) {
        m_map.erase(m_lru.back().first);
        m_lru.pop_back();
    }
}

void EmbeddingCache::clear()
{
    std::lock_guard lock(m_mutex);
    m_map.clear();
    m_lru.clear();
}

void EmbeddingCache::setCapacity(size_t entries)
{
    std::lock_guard lock(m_mutex);
    m_capacity = entries;
    while (m_lru.size() > m_capacity) {
        m_map.erase(m_lru.back().first);
        m_lru.pop_back();
    }
}

size_t EmbeddingCache::capacity() const
{
    std::lock_guard lock(m_mutex);
    return m_capacity;
}

size_t EmbeddingCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_lru.size();
}

void EmbeddingCache::notePersistentHit(quint64 n)
{
    m_persistentHits.fetch_add(n, std::memory_order_relaxed);
}

void EmbeddingCache::noteMiss(quint64 n)
{
    m_misses.fetch_add(n, std::memory_order_relaxed);
}

double EmbeddingCache::hitRate() const
{
    const double hits = double(m_memoryHits.load()) + double(m_persistentHits.load());
    const double all = hits + double(m_misses.load());
    return all > 0 ? hits / all : 0.0;
}

} // namespace kms
