// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <atomic>
#include <list>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace kms {

// Bounded in-memory LRU of embeddings keyed by the content hash of the normalised text (the
// embedder is fixed per store, so the hash alone is the key). It sits in front of the persistent
// embeddings table of the store. Thread-safe; counters are cumulative since construction.
class EmbeddingCache
{
public:
    explicit EmbeddingCache(size_t capacityEntries = 100'000);

    // Copies the vector into *out and counts a memory hit. A memory miss is not counted here: the
    // caller asks the persistent table next and reports notePersistentHit() or noteMiss().
    bool lookup(quint64 textHash, std::vector<float> *out);
    void insert(quint64 textHash, const std::vector<float> &vector);
    void clear();

    void setCapacity(size_t entries);
    size_t capacity() const;
    size_t size() const;

    // Lookups answered from memory / not in memory. The pipeline adds persistent-table hits with
    // notePersistentHit() so the hit rate covers both tiers.
    quint64 memoryHits() const { return m_memoryHits.load(); }
    quint64 persistentHits() const { return m_persistentHits.load(); }
    quint64 misses() const { return m_misses.load(); }   // needed a fresh embedding
    void notePersistentHit(quint64 n = 1);
    void noteMiss(quint64 n = 1);
    double hitRate() const;                               // (memory + persistent) / all, 0 when none

private:
    using Entry = std::pair<quint64, std::vector<float>>;
    mutable std::mutex m_mutex;
    std::list<Entry> m_lru; // front = most recent
    std::unordered_map<quint64, std::list<Entry>::iterator> m_map;
    size_t m_capacity;
    std::atomic<quint64> m_memoryHits{0};
    std::atomic<quint64> m_persistentHits{0};
    std::atomic<quint64> m_misses{0};
};

} // namespace kms
