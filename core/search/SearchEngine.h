// SPDX-License-Identifier: MIT
#pragma once

#include "search/KeywordSearch.h"
#include "search/SearchTypes.h"

#include <atomic>
#include <functional>
#include <memory>

namespace kms {

class CommonTermCounts;
class Embedder;
class Normalizer;
class SearchLog;
class Store;
class StorePool;
class VectorIndex;

// The embedder and the index built from its vectors. They change together (a re-embed replaces
// both), so a search takes them from one snapshot; the shared pointers keep a replaced pair alive
// until the searches using it have finished.
struct VectorSpace {
    std::shared_ptr<const Embedder> embedder;
    std::shared_ptr<const VectorIndex> index;
};

// Keyword, vector and hybrid search over cases and articles. Thread-safe: every call takes a
// connection of the store's read pool, so searches run in parallel with each other and with an ingestion job
// (WAL: they see committed batches only). A set cancel flag stops a search at the next check.
class SearchEngine
{
public:
    struct Parts {
        StorePool *stores = nullptr;          // the read pool; outlives the engine
        // The engine's current embedder and index (see VectorSpace).
        std::function<VectorSpace()> vectors;
        const Normalizer *normalizer = nullptr;
        SearchLog *log = nullptr;             // optional analytics
        // How many records wait for a vector (a cheap, recent count), for SearchResult::notEmbedded.
        std::function<qint64()> vectorBacklog;
    };
    explicit SearchEngine(Parts parts);
    ~SearchEngine();

    SearchResult search(const SearchQuery &query, const std::atomic<bool> *cancel = nullptr);
    // The records nearest to a stored record (itself excluded).
    SearchResult similar(qint64 recordId, int k, const SearchFilters &filters = {},
                         const std::atomic<bool> *cancel = nullptr);

    KeywordSearchOptions &keywordOptions() { return m_keywordOptions; }

private:
    // The full-text expression that narrows the filters' tags before their exact check (empty: none).
    QString tagsNarrowing(const SearchFilters &filters) const;

    Parts m_parts;
    KeywordSearchOptions m_keywordOptions;
    // Counts of common words, kept between this engine's searches (shared by its readers).
    std::unique_ptr<CommonTermCounts> m_commonCounts;
};

} // namespace kms
