// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>

namespace hnswlib {
template<typename T> class HierarchicalNSW;
} // namespace hnswlib

namespace kms {

class PayloadSource;

struct HnswParams {
    int M = 16;
    int efConstruction = 64;
    int efSearch = 64;
    bool operator==(const HnswParams &) const = default;
};

class HalfCosineSpace;

struct VectorHit {
    qint64 id = 0;
    float similarity = 0; // cosine similarity of L2-normalised vectors, 1 = identical
};

// Why load() did or did not give an index.
enum class IndexLoadStatus {
    Loaded,      // verified and read
    Missing,     // no file
    Truncated,   // shorter than its header says
    Corrupt,     // bad magic / header or payload checksum, or hnswlib refused it
    Foreign,     // another embedder or dimension
    VersionMismatch
};
QString indexLoadStatusName(IndexLoadStatus s);

// The HNSW vector index (hnswlib, cosine via inner product on normalised vectors), derived from the
// store and rebuildable from it. Labels are record ids. Vectors are kept in half precision (two
// bytes per dimension, index/CosineDistance.h): they are almost all of the index's memory and file,
// and the store holds them in half precision already. Callers hand in and get floats; queries are
// narrowed too, so that both sides of a distance are rounded alike.
//
// Segments: the index is a list of independent HNSW graphs, each searched (from four on, half of
// them on a helper thread) with the best k of all kept. New vectors go into the last one until it holds its limit (100,000 vectors,
// or an eighth of the vectors before it once that is more), then a new graph starts. An insert
// walks a graph of at most that size, so its cost stops growing with the index: at a million
// vectors an insert into one graph cost three times one into the first 100,000 (cache misses on a
// working set far past the CPU's caches), which left the ingestion of a million records at 70 % of
// the rate of a hundred thousand (docs/performance.md). A search pays one graph search per
// segment (ten at a million) and finds at least what one large graph would. An update of a vector
// in an older segment deletes it there and adds it to the last one (see insertChunk); a label is
// live in one segment at most and may be deleted in older ones.
//
// Thread rules (hnswlib is not safe for add and search together, nor resize with either): every
// public call may come from any thread. A read/write lock guards hnswlib: search, size and save
// share it; add, addBatch, remove and resize hold it exclusively. addBatch inserts in parallel on
// its own threads *inside* one exclusive section (hnswlib allows concurrent addPoint without a
// resize), in chunks so that waiting searches get in between. Every hnswlib exception is caught
// here and reported as an error value.
//
// File format (index/IndexFile.h): our header (magic "KMSHNSW1", format version, header size,
// dimension, counts, embedder id, database watermark, HNSW parameters, payload size, XXH3 of payload,
// XXH3 of header) followed by hnswlib's own bytes. Written to a temp file, fsync'd, renamed over the
// old one. hnswlib may be included by one translation unit only (its header defines non-inline
// functions), VectorIndex.cpp.
class VectorIndex
{
public:
    VectorIndex(int dimension, QString embedderId, HnswParams params, size_t initialCapacity = 1024);
    ~VectorIndex();
    VectorIndex(const VectorIndex &) = delete;
    VectorIndex &operator=(const VectorIndex &) = delete;

    struct LoadResult {
        IndexLoadStatus status = IndexLoadStatus::Missing;
        std::unique_ptr<VectorIndex> index;  // set only when Loaded
        qint64 watermark = 0;                // database watermark the file was saved at
        QString message;                     // human-readable detail for logs and health
    };
    // Verifies the header and checksums before hnswlib reads a byte. M and efConstruction are baked
    // into the graph and come from the file; efSearch comes from `params`. Callers wanting another
    // M/efConstruction compare index->params() and rebuild.
    static LoadResult load(const QString &path, int dimension, const QString &embedderId,
                           HnswParams params);
    // Checks a file without loading it into memory (health).
    static LoadResult verify(const QString &path, int dimension, const QString &embedderId);

    bool save(const QString &path, qint64 watermark, QString *error) const;

    // Adds or replaces the vector of a label (a deleted label comes back). Grows the capacity as
    // needed. Vectors are L2-normalised here. Returns false with *error on failure (wrong dimension,
    // zero or non-finite vector, hnswlib error).
    bool add(qint64 id, std::span<const float> vector, QString *error = nullptr);
    // Adds ids.size() vectors stored back to back in `vectors`, using up to `threads` threads. All
    // vectors are checked before any is inserted; an id repeated in the batch keeps its last vector.
    bool addBatch(std::span<const qint64> ids, std::span<const float> vectors, int threads,
                  QString *error = nullptr);
    // Removes a label (markDelete); unknown labels are ignored. Returns true if it was present.
    bool remove(qint64 id);
    // Up to k nearest live vectors, best first. k larger than the live count gives a short list,
    // never an error. ef <= 0 uses params().efSearch; ef is raised to k when smaller. An unusable
    // query (wrong dimension, zero length) gives an empty list and *error.
    QList<VectorHit> search(std::span<const float> query, int k, int ef = 0,
                            QString *error = nullptr) const;
    // The k nearest of the given labels, best first, scored exactly against the vectors the index
    // holds (ties by label); labels it does not hold live are skipped. For a filter that keeps too
    // many records to read their vectors from the store and too few for the graphs to find k of them
    // without asking for thousands of candidates. Errors as search().
    QList<VectorHit> searchAmong(std::span<const float> query, std::span<const qint64> labels, int k,
                                 QString *error = nullptr) const;

    qint64 size() const;          // live vectors (deleted ones excluded)
    size_t capacity() const;      // room allocated over all segments
    int segmentCount() const;
    // Vectors per segment before the next one starts (at least; see above). For tests and
    // benchmarks: the default suits the index's working set to a CPU's caches.
    static constexpr size_t kDefaultSegmentSize = 100'000;
    void setSegmentSize(size_t size);
    bool contains(qint64 id) const;
    // Every live vector as the index holds it (normalised, widened from half precision), for
    // measuring the graph's recall against exact search over the same vectors. Holds the read
    // lock throughout; stops when fn returns false.
    void forEachVector(const std::function<bool(qint64 id, std::span<const float> vector)> &fn) const;
    int dimension() const { return m_dimension; }
    QString embedderId() const { return m_embedderId; }
    HnswParams params() const;
    void setEfSearch(int ef);

private:
    struct Unbuilt {};
    VectorIndex(Unbuilt, int dimension, QString embedderId, HnswParams params);
    // formatVersion 2 holds one graph, 3 a count of segments and each one's size and bytes.
    bool readPayload(PayloadSource &source, quint32 formatVersion, size_t lastCapacity, QString *error);
    bool readSegment(PayloadSource &source, size_t capacity, QString *error);
    // id: the record a vector belongs to, or nullopt for a query (only used in the message).
    bool checkVector(std::optional<qint64> id, std::span<const float> vector, QString *error) const;
    // Scales `in` to unit length and narrows it to half precision into out[0, dimension).
    void normalise(std::span<const float> in, uint16_t *out) const;
    // With the exclusive lock held:
    bool ensureCapacity(hnswlib::HierarchicalNSW<float> &graph, size_t needed, size_t limit, QString *error);
    bool insertChunk(const qint64 *ids, const uint16_t *vectors, size_t count, int threads, QString *error);
    // Inserts vectors[fresh[*]] (labels the graph does not know) into it on up to `threads` threads.
    bool insertParallel(hnswlib::HierarchicalNSW<float> &graph, const qint64 *ids, const uint16_t *vectors,
                        std::span<const size_t> fresh, int threads, QString *error);
    // Inserts vectors[fresh[*]] into the last segment, starting new ones as each fills, and then
    // deletes each one's older live copy (movedFrom[*], parallel to fresh; null for none).
    bool appendToLast(const qint64 *ids, const uint16_t *vectors, std::span<const size_t> fresh,
                      std::span<hnswlib::HierarchicalNSW<float> *const> movedFrom, int threads, QString *error);
    // The graph new vectors go to (a new one when the last is full), with its room left.
    hnswlib::HierarchicalNSW<float> *openSegment(size_t *room, QString *error);
    // With either lock held:
    size_t segmentLimit(size_t segment) const;           // vectors segment may hold
    hnswlib::HierarchicalNSW<float> *liveSegmentOf(qint64 id) const; // the graph where the label is live
    static bool retire(hnswlib::HierarchicalNSW<float> &graph, qint64 id); // markDelete; false if not live
    qint64 countLive() const;
    bool ready(QString *error) const;
    std::shared_lock<std::shared_mutex> readLock() const;
    std::unique_lock<std::shared_mutex> writeLock() const;

    int m_dimension;
    QString m_embedderId;
    HnswParams m_params;
    std::unique_ptr<HalfCosineSpace> m_space;
    // Never empty once built; empty if the first graph could not be allocated.
    std::vector<std::unique_ptr<hnswlib::HierarchicalNSW<float>>> m_segments;
    size_t m_segmentSize = kDefaultSegmentSize;
    QString m_initError;
    qint64 m_live = 0;          // hnswlib 0.6.2 counts elements, not live ones
    mutable std::shared_mutex m_lock;
    // glibc's rwlock lets new readers in while a writer waits, so steady searches would starve
    // addBatch forever. A writer holds this gate while it waits; readers pass through it first.
    mutable std::mutex m_writerGate;
    mutable std::mutex m_saveLock; // two saves of one index would share "<path>.tmp"
};

} // namespace kms
