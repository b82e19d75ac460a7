// SPDX-License-Identifier: MIT
#include "index/VectorIndex.h"

#include "half/Half.h"
#include "index/CosineDistance.h"
#include "index/IndexFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "index/HnswLib.h"
#include "index/HnswPayload.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <cmath>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <vector>

namespace kms {

// Cosine distance (1 - dot) on normalised half-precision vectors with the best kernel this CPU has.
class HalfCosineSpace final : public hnswlib::SpaceInterface<float>
{
public:
    explicit HalfCosineSpace(size_t dim) : m_dim(dim), m_fn(bestHalfCosineDistance().function) {}
    size_t get_data_size() override { return m_dim * sizeof(uint16_t); }
    hnswlib::DISTFUNC<float> get_dist_func() override { return m_fn; }
    void *get_dist_func_param() override { return &m_dim; }

private:
    size_t m_dim;
    hnswlib::DISTFUNC<float> m_fn;
};

namespace {

// Vectors per exclusive section of addBatch: long enough to keep the insert threads busy, short
// enough that a waiting search gets in within tens of milliseconds.
constexpr size_t kBatchChunk = 256;
// Below this many new vectors per thread, starting a thread costs more than it gives.
constexpr size_t kMinPerThread = 16;
// A search of this many segments or more runs on two threads.
constexpr size_t kParallelSegments = 4;

HnswParams sanitised(HnswParams p)
{
    p.M = std::clamp(p.M, 2, 512); // M = 1 makes hnswlib's level multiplier 1/log(1)
    p.efConstruction = std::max(p.efConstruction, 1);
    p.efSearch = std::max(p.efSearch, 1);
    return p;
}

// Where the graph holds the label's vector, unless it does not or has it marked deleted.
std::optional<hnswlib::tableint> liveInternalId(const Hnsw &h, hnswlib::labeltype label)
{
    const auto it = h.label_lookup_.find(label);
    if (it == h.label_lookup_.end() || h.isMarkedDeleted(it->second))
        return std::nullopt;
    return it->second;
}

bool liveAt(const Hnsw &h, hnswlib::labeltype label)
{
    return liveInternalId(h, label).has_value();
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QString indexLoadStatusName(IndexLoadStatus s)
{
    switch (s) {
    case IndexLoadStatus::Loaded: return QStringLiteral("loaded");
    case IndexLoadStatus::Missing: return QStringLiteral("missing");
    case IndexLoadStatus::Truncated: return QStringLiteral("truncated");
    case IndexLoadStatus::Corrupt: return QStringLiteral("corrupt");
    case IndexLoadStatus::Foreign: return QStringLiteral("foreign");
    case IndexLoadStatus::VersionMismatch: return QStringLiteral("version-mismatch");
    }
    return QStringLiteral("unknown");
}

VectorIndex::VectorIndex(Unbuilt, int dimension, QString embedderId, HnswParams params)
    : m_dimension(dimension), m_embedderId(std::move(embedderId)), m_params(sanitised(params))
{
    if (dimension < 1)
        m_initError = QStringLiteral("vector index: invalid dimension %1").arg(dimension);
    else
        m_space = std::make_unique<HalfCosineSpace>(size_t(dimension));
}

VectorIndex::VectorIndex(int dimension, QString embedderId, HnswParams params, size_t initialCapacity)
    : VectorIndex(Unbuilt{}, dimension, std::move(embedderId), params)
{
    if (!m_initError.isEmpty())
        return;
    try {
        // A rebuild asks for room for every record; the first graph holds at most a segment.
        auto graph = std::make_unique<Hnsw>(m_space.get(), std::clamp<size_t>(initialCapacity, 1, m_segmentSize),
                                            size_t(m_params.M), size_t(m_params.efConstruction));
        // search() asks hnswlib for max(k, ef) results and keeps k, so the shared ef_ never changes
        // under concurrent searches.
        graph->setEf(1);
        m_segments.push_back(std::move(graph));
    } catch (const std::exception &e) {
        m_segments.clear();
        m_initError = QStringLiteral("vector index: cannot allocate %1 vectors of dimension %2: %3")
                          .arg(initialCapacity).arg(dimension).arg(QString::fromLocal8Bit(e.what()));
    }
}

VectorIndex::~VectorIndex() = default;

bool VectorIndex::ready(QString *error) const
{
    return !m_segments.empty() ? true : fail(error, m_initError);
}

std::shared_lock<std::shared_mutex> VectorIndex::readLock() const
{
    { std::lock_guard pass(m_writerGate); }
    return std::shared_lock(m_lock);
}

std::unique_lock<std::shared_mutex> VectorIndex::writeLock() const
{
    std::lock_guard hold(m_writerGate);
    return std::unique_lock(m_lock);
}

HnswParams VectorIndex::params() const
{
    auto lock = readLock();
    return m_params;
}

void VectorIndex::setEfSearch(int ef)
{
    auto lock = writeLock();
    m_params.efSearch = std::max(ef, 1);
}

bool VectorIndex::checkVector(std::optional<qint64> id, std::span<const float> vector, QString *error) const
{
    // The subject is only formatted on failure: this runs once per record.
    auto subject = [&] {
        return id ? QStringLiteral("vector for id %1").arg(*id) : QStringLiteral("query vector");
    };
    if (vector.size() != size_t(m_dimension))
        return fail(error, QStringLiteral("%1 has %2 values, the index expects %3")
                               .arg(subject()).arg(vector.size()).arg(m_dimension));
    double sum = 0;
    for (float v : vector)
        sum += double(v) * double(v);
    if (!std::isfinite(sum))
        return fail(error, QStringLiteral("%1 has a non-finite value").arg(subject()));
    if (sum == 0)
        return fail(error, QStringLiteral("%1 has zero length").arg(subject()));
    return true;
}

void VectorIndex::normalise(std::span<const float> in, uint16_t *out) const
{
    double sum = 0;
    for (float v : in)
        sum += double(v) * double(v);
    const float scale = float(1.0 / std::sqrt(sum));
    for (size_t i = 0; i < in.size(); ++i)
        out[i] = half::toHalf(in[i] * scale);
}

qint64 VectorIndex::countLive() const
{
    qint64 live = 0;
    for (const auto &graph : m_segments) {
        for (size_t i = 0; i < graph->cur_element_count; ++i)
            live += graph->isMarkedDeleted(hnswlib::tableint(i)) ? 0 : 1;
    }
    return live;
}

size_t VectorIndex::segmentLimit(size_t segment) const
{
    size_t before = 0;
    for (size_t i = 0; i < segment && i < m_segments.size(); ++i)
        before += m_segments[i]->cur_element_count;
    // Past 800,000 vectors the segments grow with the index (each 9/8 of the index before it), so
    // that a search at ten million visits about thirty graphs, not a hundred.
    return std::max(m_segmentSize, before / 8);
}

Hnsw *VectorIndex::liveSegmentOf(qint64 id) const
{
    for (const auto &graph : m_segments) {
        if (liveAt(*graph, hnswlib::labeltype(id)))
            return graph.get();
    }
    return nullptr;
}

void VectorIndex::setSegmentSize(size_t size)
{
    auto lock = writeLock();
    m_segmentSize = std::max<size_t>(size, 1);
}

bool VectorIndex::ensureCapacity(Hnsw &graph, size_t needed, size_t limit, QString *error)
{
    const size_t current = graph.max_elements_;
    if (needed <= current)
        return true;
    const size_t target = std::max(needed, std::min(current * 2, limit));
    try {
        graph.resizeIndex(target);
    } catch (const std::exception &e) {
        return fail(error, QStringLiteral("vector index: cannot grow from %1 to %2 vectors: %3")
                               .arg(current).arg(target).arg(QString::fromLocal8Bit(e.what())));
    }
    return true;
}

Hnsw *VectorIndex::openSegment(size_t *room, QString *error)
{
    const size_t last = m_segments.size() - 1;
    const size_t limit = segmentLimit(last);
    if (m_segments[last]->cur_element_count < limit) {
        *room = limit - m_segments[last]->cur_element_count;
        return m_segments[last].get();
    }
    const size_t nextLimit = segmentLimit(last + 1);
    try {
        auto graph = std::make_unique<Hnsw>(m_space.get(), std::min<size_t>(nextLimit, 1024), size_t(m_params.M),
                                            size_t(m_params.efConstruction));
        graph->setEf(1);
        m_segments.push_back(std::move(graph));
    } catch (const std::exception &e) {
        fail(error, QStringLiteral("vector index: cannot start segment %1: %2")
                        .arg(m_segments.size() + 1).arg(QString::fromLocal8Bit(e.what())));
        return nullptr;
    }
    *room = nextLimit;
    return m_segments.back().get();
}

bool VectorIndex::insertParallel(Hnsw &graph, const qint64 *ids, const uint16_t *vectors,
                                 std::span<const size_t> fresh, int threads, QString *error)
{
    const size_t dim = size_t(m_dimension);
    std::atomic<size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex errorLock;
    QString firstError;
    auto work = [&] {
        for (;;) {
            const size_t j = next.fetch_add(1, std::memory_order_relaxed);
            if (j >= fresh.size() || failed.load(std::memory_order_relaxed))
                return;
            const size_t i = fresh[j];
            try {
                graph.addPoint(vectors + i * dim, hnswlib::labeltype(ids[i]));
            } catch (const std::exception &e) {
                failed = true;
                std::lock_guard guard(errorLock);
                if (firstError.isEmpty())
                    firstError = QStringLiteral("vector index: cannot add id %1: %2")
                                     .arg(ids[i]).arg(QString::fromLocal8Bit(e.what()));
            }
        }
    };
    const size_t workers = std::clamp<size_t>(fresh.size() / kMinPerThread, 1, size_t(std::max(threads, 1)));
    std::vector<std::thread> helpers;
    helpers.reserve(workers - 1);
    for (size_t t = 1; t < workers; ++t) {
        try {
            helpers.emplace_back(work);
        } catch (const std::exception &) {
            break; // no more threads available: the ones running finish the chunk
        }
    }
    work();
    for (auto &t : helpers)
        t.join();
    if (failed)
        return fail(error, firstError);
    m_live += qint64(fresh.size());
    return true;
}

bool VectorIndex::insertChunk(const qint64 *ids, const uint16_t *vectors, size_t count, int threads,
                              QString *error)
{
    // A label the last segment does not know yet goes into it as a new element, in parallel with
    // the others; if an older segment has it live (an update), that copy is deleted afterwards.
    // hnswlib's own update rewrites a vector in place and re-links it inside the graph it is in;
    // in a graph of a million, 7 of 20 cases rewritten to a new topic were then missing from the
    // top 20 of their own query, while as new elements of the last (smaller) graph all 20 were
    // found (docs/performance.md). Labels the last segment knows (updated or revived again) and
    // repeats within the chunk go one at a time afterwards, in order: hnswlib's update path shares
    // a random generator and its deleted counter between threads, and the last vector of a repeat
    // must win.
    std::vector<size_t> fresh, serial;
    fresh.reserve(count);
    std::unordered_set<hnswlib::labeltype> seen;
    seen.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        const auto label = hnswlib::labeltype(ids[i]);
        if (m_segments.back()->label_lookup_.count(label) || !seen.insert(label).second)
            serial.push_back(i);
        else
            fresh.push_back(i);
    }
    // Where each fresh label is live before the chunk (null: nowhere), to delete it there after.
    std::vector<Hnsw *> movedFrom(fresh.size());
    for (size_t j = 0; j < fresh.size(); ++j)
        movedFrom[j] = liveSegmentOf(ids[fresh[j]]);

    QString firstError;
    bool ok = appendToLast(ids, vectors, fresh, movedFrom, threads, &firstError);
    const size_t dim = size_t(m_dimension);
    for (size_t k = 0; ok && k < serial.size(); ++k) {
        const size_t i = serial[k];
        const auto label = hnswlib::labeltype(ids[i]);
        Hnsw *last = m_segments.back().get();
        if (last->label_lookup_.count(label)) {
            const bool wasLive = liveAt(*last, label);
            try {
                last->addPoint(vectors + i * dim, label);
            } catch (const std::exception &e) {
                ok = false;
                firstError = QStringLiteral("vector index: cannot update id %1: %2")
                                 .arg(ids[i]).arg(QString::fromLocal8Bit(e.what()));
                break;
            }
            if (!wasLive)
                ++m_live;
            continue;
        }
        // A repeat whose first copy went into a segment that has filled up since: moved as above.
        const size_t one[] = {i};
        Hnsw *const from[] = {liveSegmentOf(ids[i])};
        ok = appendToLast(ids, vectors, one, from, 1, &firstError);
    }
    if (!ok) {
        m_live = countLive(); // some of the chunk went in; count what hnswlib holds
        return fail(error, firstError);
    }
    return true;
}

bool VectorIndex::appendToLast(const qint64 *ids, const uint16_t *vectors, std::span<const size_t> fresh,
                               std::span<Hnsw *const> movedFrom, int threads, QString *error)
{
    for (size_t done = 0; done < fresh.size();) {
        size_t room = 0;
        Hnsw *graph = openSegment(&room, error);
        if (!graph)
            return false;
        const size_t take = std::min(room, fresh.size() - done);
        if (!ensureCapacity(*graph, graph->cur_element_count + take, graph->cur_element_count + room, error)
            || !insertParallel(*graph, ids, vectors, fresh.subspan(done, take), threads, error))
            return false;
        for (size_t j = done; j < done + take; ++j) {
            if (movedFrom[j] && retire(*movedFrom[j], ids[fresh[j]]))
                --m_live;
        }
        done += take;
    }
    return true;
}

bool VectorIndex::retire(Hnsw &graph, qint64 id)
{
    try {
        graph.markDelete(hnswlib::labeltype(id));
    } catch (const std::exception &) {
        return false; // hnswlib only throws for unknown or already deleted labels
    }
    return true;
}

bool VectorIndex::add(qint64 id, std::span<const float> vector, QString *error)
{
    if (!ready(error) || !checkVector(id, vector, error))
        return false;
    std::vector<uint16_t> unit(vector.size());
    normalise(vector, unit.data());
    auto lock = writeLock();
    return insertChunk(&id, unit.data(), 1, 1, error);
}

bool VectorIndex::addBatch(std::span<const qint64> ids, std::span<const float> vectors, int threads,
                           QString *error)
{
    if (!ready(error))
        return false;
    const size_t dim = size_t(m_dimension);
    if (vectors.size() != ids.size() * dim)
        return fail(error, QStringLiteral("vector batch has %1 values for %2 ids of dimension %3")
                               .arg(vectors.size()).arg(ids.size()).arg(dim));
    for (size_t i = 0; i < ids.size(); ++i) {
        if (!checkVector(ids[i], vectors.subspan(i * dim, dim), error))
            return false;
    }
    std::vector<uint16_t> unit(std::min(ids.size(), kBatchChunk) * dim);
    for (size_t start = 0; start < ids.size(); start += kBatchChunk) {
        const size_t count = std::min(kBatchChunk, ids.size() - start);
        for (size_t i = 0; i < count; ++i)
            normalise(vectors.subspan((start + i) * dim, dim), unit.data() + i * dim);
        // One exclusive section per chunk; searches waiting on the lock run between chunks.
        auto lock = writeLock();
        if (!insertChunk(ids.data() + start, unit.data(), count, threads, error))
            return false;
    }
    return true;
}

bool VectorIndex::remove(qint64 id)
{
    auto lock = writeLock();
    Hnsw *graph = liveSegmentOf(id);
    if (!graph || !retire(*graph, id))
        return false;
    --m_live;
    return true;
}

QList<VectorHit> VectorIndex::search(std::span<const float> query, int k, int ef, QString *error) const
{
    QList<VectorHit> hits;
    if (k <= 0 || !ready(error) || !checkVector(std::nullopt, query, error))
        return hits;
    // One buffer per thread: searches come in steadily and the query is all they would allocate.
    thread_local std::vector<uint16_t> unit;
    unit.resize(query.size());
    normalise(query, unit.data());

    auto lock = readLock();
    if (m_live == 0)
        return hits;
    // hnswlib searches with max(ef_, wanted) candidates and ef_ is pinned to 1, so asking for
    // max(k, ef) results is a search at that ef; the best k of all segments' results are kept.
    const size_t wanted = size_t(std::max(k, ef > 0 ? ef : m_params.efSearch));
    try {
        using Candidates = std::vector<std::pair<float, hnswlib::labeltype>>;
        // hnswlib's exceptions are kept and rethrown on this thread, also from the helper. The query
        // is passed by address: `unit` is thread_local, and the helper has its own (empty) one.
        const uint16_t *narrowed = unit.data();
        const auto searchSegments = [&, narrowed](size_t from, size_t to, Candidates *out, std::exception_ptr *failure) {
            try {
                for (size_t s = from; s < to; ++s) {
                    const Hnsw &graph = *m_segments[s];
                    if (graph.cur_element_count == graph.num_deleted_)
                        continue;
                    auto heap = graph.searchKnn(narrowed, std::min(wanted, graph.cur_element_count));
                    for (; !heap.empty(); heap.pop())
                        out->push_back(heap.top());
                }
            } catch (...) {
                *failure = std::current_exception();
            }
        };
        // From four segments on, a helper thread takes the second half: each segment costs a graph
        // search (0.25-0.35 ms at a million), a thread about 0.03 ms to start.
        Candidates ordered, other;
        std::exception_ptr failure, otherFailure;
        const size_t count = m_segments.size(), half = count >= kParallelSegments ? count / 2 : count;
        std::thread helper;
        if (half < count) {
            try {
                helper = std::thread(searchSegments, half, count, &other, &otherFailure);
            } catch (const std::system_error &) {
                searchSegments(half, count, &other, &otherFailure); // no thread to be had: in turn
            }
        }
        searchSegments(0, half, &ordered, &failure);
        if (helper.joinable())
            helper.join();
        if (failure || otherFailure)
            std::rethrow_exception(failure ? failure : otherFailure);
        ordered.insert(ordered.end(), other.begin(), other.end());
        const size_t n = std::min(ordered.size(), size_t(k));
        std::partial_sort(ordered.begin(), ordered.begin() + qsizetype(n), ordered.end());
        hits.reserve(qsizetype(n));
        for (size_t i = 0; i < n; ++i)
            hits.append(VectorHit{qint64(ordered[i].second), 1.0f - ordered[i].first});
    } catch (const std::exception &e) {
        hits.clear();
        fail(error, QStringLiteral("vector index: search failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    return hits;
}

QList<VectorHit> VectorIndex::searchAmong(std::span<const float> query, std::span<const qint64> labels, int k,
                                          QString *error) const
{
    QList<VectorHit> hits;
    if (k <= 0 || labels.empty() || !ready(error) || !checkVector(std::nullopt, query, error))
        return hits;
    thread_local std::vector<uint16_t> unit;
    unit.resize(query.size());
    normalise(query, unit.data());

    auto lock = readLock();
    const hnswlib::DISTFUNC<float> distance = m_space->get_dist_func();
    const void *dimension = m_space->get_dist_func_param();
    std::vector<std::pair<float, qint64>> scored;
    scored.reserve(labels.size());
    // Labels given in id order mostly sit in one segment after another (segments fill in insertion
    // order), so the segment of the previous label is asked first: one hash lookup per label
    // instead of one per segment.
    const Hnsw *last = nullptr;
    for (const qint64 label : labels) {
        const auto key = hnswlib::labeltype(label);
        std::optional<hnswlib::tableint> internal = last ? liveInternalId(*last, key) : std::nullopt;
        if (!internal) {
            for (const auto &graph : m_segments) {
                if (graph.get() != last && (internal = liveInternalId(*graph, key))) {
                    last = graph.get();
                    break;
                }
            }
        }
        if (internal)
            scored.emplace_back(distance(unit.data(), last->getDataByInternalId(*internal), dimension), label);
    }
    const size_t n = std::min(scored.size(), size_t(k));
    std::partial_sort(scored.begin(), scored.begin() + qsizetype(n), scored.end());
    hits.reserve(qsizetype(n));
    for (size_t i = 0; i < n; ++i)
        hits.append(VectorHit{scored[i].second, 1.0f - scored[i].first});
    return hits;
}

qint64 VectorIndex::size() const
{
    auto lock = readLock();
    return m_live;
}

size_t VectorIndex::capacity() const
{
    auto lock = readLock();
    size_t room = 0;
    for (const auto &graph : m_segments)
        room += graph->max_elements_;
    return room;
}

int VectorIndex::segmentCount() const
{
    auto lock = readLock();
    return int(m_segments.size());
}

bool VectorIndex::contains(qint64 id) const
{
    auto lock = readLock();
    return liveSegmentOf(id) != nullptr;
}

void VectorIndex::forEachVector(const std::function<bool(qint64, std::span<const float>)> &fn) const
{
    auto lock = readLock();
    std::vector<float> v(static_cast<size_t>(m_dimension));
    for (const auto &graph : m_segments) {
        for (size_t i = 0; i < graph->cur_element_count; ++i) {
            const auto internal = hnswlib::tableint(i);
            if (graph->isMarkedDeleted(internal))
                continue;
            half::widen(graph->getDataByInternalId(internal), v.size(), v.data());
            if (!fn(qint64(graph->getExternalLabel(internal)), v))
                return;
        }
    }
}

bool VectorIndex::save(const QString &path, qint64 watermark, QString *error) const
{
    if (!ready(error))
        return false;
    std::lock_guard saveGuard(m_saveLock);
    // Searches go on while the bytes stream out; inserts wait for the save.
    auto lock = readLock();
    IndexFileHeader header;
    header.dimension = quint32(m_dimension);
    header.liveCount = quint64(m_live);
    header.embedderId = m_embedderId;
    header.watermark = watermark;
    header.params = m_params;
    // Version 3's payload: u32 segment count, then each segment's u64 size and hnswlib's layout.
    quint64 payloadSize = sizeof(quint32);
    for (const auto &graph : m_segments) {
        header.elementCount += quint64(graph->cur_element_count);
        payloadSize += sizeof(quint64) + hnswPayloadSize(*graph);
    }
    const auto write = [this](PayloadSink &sink, QString *) {
        const auto count = quint32(m_segments.size());
        if (!sink.write(&count, sizeof count))
            return false;
        for (const auto &graph : m_segments) {
            const quint64 size = hnswPayloadSize(*graph);
            if (!sink.write(&size, sizeof size) || !writeHnswPayload(*graph, sink))
                return false;
        }
        return true;
    };
    return writeIndexFile(path, header, payloadSize, write, error);
}

bool VectorIndex::readSegment(PayloadSource &source, size_t capacity, QString *error)
{
    // The empty constructor leaves these uninitialised; if reading stops half way, the destructor
    // must find null pointers and only the elements read so far.
    auto graph = std::make_unique<Hnsw>(m_space.get());
    graph->data_level0_memory_ = nullptr;
    graph->linkLists_ = nullptr;
    graph->visited_list_pool_ = nullptr;
    graph->cur_element_count = 0;
    graph->num_deleted_ = 0;
    if (!readHnswPayload(*graph, m_space.get(), capacity, source, error))
        return false;
    if (size_t(m_params.M) != graph->M_)
        return fail(error, QStringLiteral("the payload was built with M %1, the header says %2").arg(graph->M_).arg(m_params.M));
    graph->setEf(1);
    m_segments.push_back(std::move(graph));
    return true;
}

bool VectorIndex::readPayload(PayloadSource &source, quint32 formatVersion, size_t lastCapacity, QString *error)
{
    if (!m_initError.isEmpty())
        return fail(error, m_initError);
    m_segments.clear();
    if (formatVersion < 3) {
        if (!readSegment(source, std::min(lastCapacity, segmentLimit(0)), error))
            return false;
    } else {
        quint32 count = 0;
        if (!source.read(&count, sizeof count))
            return fail(error, QStringLiteral("the payload ends before its segment count"));
        // Every segment takes at least its size field: a count past that was not written by us.
        if (count == 0 || count > source.remaining() / sizeof(quint64))
            return fail(error, QStringLiteral("the payload claims %1 segments in %2 bytes").arg(count).arg(source.remaining()));
        for (quint32 i = 0; i < count; ++i) {
            quint64 size = 0;
            if (!source.read(&size, sizeof size) || size > source.remaining())
                return fail(error, QStringLiteral("segment %1 of %2 does not fit in the payload").arg(i + 1).arg(count));
            PayloadSlice slice(source, size);
            // Only the last segment takes new vectors: the others get no room beyond what they hold.
            const size_t capacity = i + 1 == count ? std::min(lastCapacity, segmentLimit(i)) : 0;
            QString segmentError;
            if (!readSegment(slice, capacity, &segmentError))
                return fail(error, QStringLiteral("segment %1 of %2: %3").arg(i + 1).arg(count).arg(segmentError));
        }
        if (source.remaining() != 0)
            return fail(error, QStringLiteral("%1 bytes follow the last segment").arg(source.remaining()));
    }
    m_live = countLive();
    return true;
}

VectorIndex::LoadResult VectorIndex::load(const QString &path, int dimension, const QString &embedderId,
                                          HnswParams params)
{
    LoadResult result;
    if (!QFileInfo::exists(path)) {
        result.message = QStringLiteral("%1 does not exist").arg(path);
        return result;
    }
    // The header is checked before the payload is read; the index is built while the payload
    // streams through the checksum (one pass, no copy) and kept only if the checksum then matches.
    std::unique_ptr<VectorIndex> index;
    const IndexFileCheck check = checkIndexFile(path, dimension, embedderId,
                                                [&](const IndexFileHeader &h, PayloadSource &source, QString *error) {
        HnswParams effective = params;
        effective.M = h.params.M;
        effective.efConstruction = h.params.efConstruction;
        index.reset(new VectorIndex(Unbuilt{}, dimension, embedderId, effective));
        // The header's element count is only a sizing hint: a file whose checksums match can still
        // claim terabytes of elements (found by fuzz_index_file). Every element carries at least its
        // vector in the payload, so the payload size bounds the count that can be real.
        const quint64 vectorBytes = quint64(dimension) * sizeof(uint16_t);
        const quint64 possible = vectorBytes > 0 ? h.payloadSize / vectorBytes : 0;
        const size_t maxElements = std::max<size_t>(size_t(double(std::min(h.elementCount, possible)) * 1.25), 1024);
        return index->readPayload(source, h.formatVersion, maxElements, error);
    });
    result.status = check.status;
    result.message = check.message;
    if (check.status != IndexLoadStatus::Loaded)
        return result;
    const IndexFileHeader &h = check.header;
    size_t elements = 0;
    for (const auto &graph : index->m_segments)
        elements += graph->cur_element_count;
    if (elements != h.elementCount || quint64(index->m_live) != h.liveCount) {
        result.status = IndexLoadStatus::Corrupt;
        result.message = QStringLiteral("%1 is corrupt: header says %2 live of %3 vectors, payload holds %4 of %5")
                             .arg(path).arg(h.liveCount).arg(h.elementCount).arg(index->m_live).arg(elements);
        return result;
    }
    result.index = std::move(index);
    result.watermark = h.watermark;
    return result;
}

VectorIndex::LoadResult VectorIndex::verify(const QString &path, int dimension, const QString &embedderId)
{
    const IndexFileCheck check = checkIndexFile(path, dimension, embedderId);
    LoadResult result;
    result.status = check.status;
    result.message = check.message;
    if (check.status == IndexLoadStatus::Loaded)
        result.watermark = check.header.watermark;
    return result;
}

} // namespace kms
