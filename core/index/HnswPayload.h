// SPDX-License-Identifier: MIT
// hnswlib's own file layout (what 0.6.2's saveIndex writes and loadIndex reads), written and read
// here through byte streams instead of by file name, so the index file carries it after our header
// with no temporary copy on disk: a save makes no second file, a load reads the bytes once.
// Include from VectorIndex.cpp only: hnswlib's headers define non-inline functions, so exactly one
// translation unit may include them.
#pragma once

#include "index/HnswLib.h"
#include "index/PayloadStream.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace kms {


namespace hnswpayload {

using hnswlib::linklistsizeint;
using hnswlib::tableint;

// The fixed part at the start of the layout, in file order.
struct Fixed {
    size_t offsetLevel0 = 0, maxElements = 0, count = 0, sizeDataPerElement = 0, labelOffset = 0,
           offsetData = 0;
    int maxLevel = 0;
    tableint enterPoint = 0;
    size_t maxM = 0, maxM0 = 0, M = 0;
    double mult = 0;
    size_t efConstruction = 0;
};

template<typename T>
bool put(PayloadSink &sink, const T &value)
{
    return sink.write(&value, qint64(sizeof(T)));
}

template<typename T>
bool get(PayloadSource &source, T *value)
{
    return source.read(value, qint64(sizeof(T)));
}

bool refuse(QString *error, const QString &message)
{
    *error = message;
    return false;
}

} // namespace hnswpayload

using namespace hnswpayload;

inline quint64 hnswPayloadSize(const Hnsw &h)
{
    quint64 n = 6 * sizeof(size_t) + sizeof(int) + sizeof(tableint) + 3 * sizeof(size_t) + sizeof(double)
        + sizeof(size_t);
    n += quint64(h.cur_element_count) * h.size_data_per_element_;
    for (size_t i = 0; i < h.cur_element_count; ++i) {
        n += sizeof(unsigned int);
        if (h.element_levels_[i] > 0)
            n += quint64(h.size_links_per_element_) * quint64(h.element_levels_[i]);
    }
    return n;
}

inline bool writeHnswPayload(const Hnsw &h, PayloadSink &sink)
{
    const bool fixed = put(sink, h.offsetLevel0_) && put(sink, h.max_elements_) && put(sink, h.cur_element_count)
        && put(sink, h.size_data_per_element_) && put(sink, h.label_offset_) && put(sink, h.offsetData_)
        && put(sink, h.maxlevel_) && put(sink, h.enterpoint_node_) && put(sink, h.maxM_) && put(sink, h.maxM0_)
        && put(sink, h.M_) && put(sink, h.mult_) && put(sink, h.ef_construction_);
    if (!fixed || !sink.write(h.data_level0_memory_, qint64(h.cur_element_count * h.size_data_per_element_)))
        return false;
    for (size_t i = 0; i < h.cur_element_count; ++i) {
        const unsigned int size = h.element_levels_[i] > 0
            ? unsigned(h.size_links_per_element_ * size_t(h.element_levels_[i])) : 0u;
        if (!put(sink, size) || (size > 0 && !sink.write(h.linkLists_[i], qint64(size))))
            return false;
    }
    return true;
}

inline bool readHnswPayload(Hnsw &h, hnswlib::SpaceInterface<float> *space, size_t maxElements,
                     PayloadSource &source, QString *error)
{
    Fixed f;
    const bool fixedRead = get(source, &f.offsetLevel0) && get(source, &f.maxElements) && get(source, &f.count)
        && get(source, &f.sizeDataPerElement) && get(source, &f.labelOffset) && get(source, &f.offsetData)
        && get(source, &f.maxLevel) && get(source, &f.enterPoint) && get(source, &f.maxM)
        && get(source, &f.maxM0) && get(source, &f.M) && get(source, &f.mult) && get(source, &f.efConstruction);
    if (!fixedRead)
        return refuse(error, QStringLiteral("the payload ends inside its fixed fields"));

    // The layout this build makes for the given space: anything else was not written by it. mult is
    // 1/ln(M), at most 1.45 for M >= 2; a larger one overflows the int of hnswlib's level draw.
    // hnswlib's constructor always sets maxM = M and maxM0 = 2 M, and addPoint relies on it: it
    // links a new element to up to M neighbours in a list with room for maxM (upper levels), so a
    // file with M > maxM made it write past the list (fuzz_index_file's heap overflow in
    // mutuallyConnectNewElement). A list's count is 16 bits, so 2 M must fit there too; and
    // efConstruction is at least M, as the constructor makes it.
    const size_t dataSize = space->get_data_size();
    const size_t links0 = f.maxM0 * sizeof(tableint) + sizeof(linklistsizeint);
    const bool linkShape = f.M >= 2 && f.M <= 10'000 && f.maxM == f.M && f.maxM0 == 2 * f.M
        && f.efConstruction >= f.M && f.efConstruction <= 100'000;
    if (!linkShape)
        return refuse(error, QStringLiteral("the payload's link sizes (M %1, maxM %2, maxM0 %3, efConstruction %4) "
                                            "are not what hnswlib makes")
                                 .arg(f.M).arg(f.maxM).arg(f.maxM0).arg(f.efConstruction));
    if (f.offsetLevel0 != 0 || f.offsetData != links0
        || f.labelOffset != links0 + dataSize || f.sizeDataPerElement != f.labelOffset + sizeof(hnswlib::labeltype)
        || !std::isfinite(f.mult) || f.mult <= 0 || f.mult > 2.0 || f.maxLevel < -1 || f.maxLevel > 64)
        return refuse(error, QStringLiteral("the payload's layout fields do not fit a %1-byte vector").arg(dataSize));
    if (f.count > source.remaining() / f.sizeDataPerElement)
        return refuse(error, QStringLiteral("the payload claims %1 elements, more than its bytes hold").arg(f.count));
    // An empty graph is what hnswlib's constructor makes: no top level, no entry point. Any other
    // pair sends the first add to search from the new element itself on levels it does not have
    // (fuzz_index_file's heap overflow in searchBaseLayer).
    if (f.count == 0 && (f.maxLevel != -1 || f.enterPoint != tableint(-1)))
        return refuse(error, QStringLiteral("the payload has no elements but a top level %1 and entry point %2")
                                 .arg(f.maxLevel).arg(qint64(qint32(f.enterPoint))));
    if (f.count > 0 && f.enterPoint >= f.count)
        return refuse(error, QStringLiteral("the payload's entry point %1 is not one of its %2 elements")
                                 .arg(f.enterPoint).arg(f.count));
    const size_t capacity = std::max({maxElements, f.count, size_t(1)});

    h.max_elements_ = capacity;
    h.size_data_per_element_ = f.sizeDataPerElement;
    h.label_offset_ = f.labelOffset;
    h.offsetData_ = f.offsetData;
    h.offsetLevel0_ = 0;
    h.maxlevel_ = f.maxLevel;
    h.enterpoint_node_ = f.enterPoint;
    h.maxM_ = f.maxM;
    h.maxM0_ = f.maxM0;
    h.M_ = f.M;
    h.mult_ = f.mult;
    h.revSize_ = 1.0 / f.mult;
    h.ef_construction_ = f.efConstruction;
    h.ef_ = 10;
    h.data_size_ = dataSize;
    h.fstdistfunc_ = space->get_dist_func();
    h.dist_func_param_ = space->get_dist_func_param();
    h.size_links_per_element_ = f.maxM * sizeof(tableint) + sizeof(linklistsizeint);
    h.size_links_level0_ = links0;
    h.num_deleted_ = 0;
    h.cur_element_count = 0; // raised as link lists arrive, so the destructor frees exactly those

    h.data_level0_memory_ = static_cast<char *>(std::malloc(capacity * f.sizeDataPerElement));
    h.linkLists_ = static_cast<char **>(std::calloc(capacity, sizeof(void *)));
    if (!h.data_level0_memory_ || !h.linkLists_)
        return refuse(error, QStringLiteral("not enough memory for %1 vectors").arg(capacity));
    h.element_levels_.assign(capacity, 0);
    std::vector<std::mutex>(capacity).swap(h.link_list_locks_);
    std::vector<std::mutex>(Hnsw::max_update_element_locks).swap(h.link_list_update_locks_);
    h.visited_list_pool_ = new hnswlib::VisitedListPool(1, int(capacity));

    if (!source.read(h.data_level0_memory_, qint64(f.count * f.sizeDataPerElement)))
        return refuse(error, QStringLiteral("the payload ends inside its vectors"));
    h.label_lookup_.clear();
    h.label_lookup_.reserve(f.count);
    for (size_t i = 0; i < f.count; ++i) {
        unsigned int size = 0;
        if (!get(source, &size))
            return refuse(error, QStringLiteral("the payload ends before the links of element %1").arg(i));
        if (size % h.size_links_per_element_ != 0 || size > source.remaining()
            || size / h.size_links_per_element_ > size_t(f.maxLevel < 0 ? 0 : f.maxLevel))
            return refuse(error, QStringLiteral("element %1 has a link list of %2 bytes that does not fit").arg(i).arg(size));
        if (size > 0) {
            // hnswlib's search prefetches the slot after a list's last neighbour, so a full top-level
            // list is read one id past its end (fuzz_index_file under ASan): a zeroed spare id keeps
            // that read inside the allocation.
            h.linkLists_[i] = static_cast<char *>(std::calloc(1, size + sizeof(tableint)));
            if (!h.linkLists_[i])
                return refuse(error, QStringLiteral("not enough memory for the links of element %1").arg(i));
            h.element_levels_[i] = int(size / h.size_links_per_element_);
        }
        h.cur_element_count = i + 1;
        if (size > 0 && !source.read(h.linkLists_[i], qint64(size)))
            return refuse(error, QStringLiteral("the payload ends inside the links of element %1").arg(i));
        h.label_lookup_[h.getExternalLabel(tableint(i))] = tableint(i);
        if (h.isMarkedDeleted(tableint(i)))
            ++h.num_deleted_;
    }
    if (source.remaining() != 0)
        return refuse(error, QStringLiteral("%1 bytes follow the last element").arg(source.remaining()));
    // hnswlib follows links without a bound check: a neighbour id past the elements, a link count
    // past the list's room, or an entry point below the top level reads outside the graph at the
    // first search (found by fuzz_index_file with consistent checksums). Every link is checked here.
    // Slots past a list's count are unused, but hnswlib's search prefetches from the first slot
    // even of an empty list, so they are zeroed (element 0 always exists when a list is read).
    // A neighbour at level l must itself reach level l, or adding a point writes past its lists.
    auto linksFit = [&](linklistsizeint *list, size_t room, int level) {
        const size_t n = *reinterpret_cast<const unsigned short *>(list);
        if (n > room)
            return false;
        tableint *ids = reinterpret_cast<tableint *>(list + 1);
        for (size_t k = 0; k < n; ++k)
            if (ids[k] >= f.count || h.element_levels_[ids[k]] < level)
                return false;
        std::fill(ids + n, ids + room, tableint(0));
        return true;
    };
    for (size_t i = 0; i < f.count; ++i) {
        auto *level0 = reinterpret_cast<linklistsizeint *>(h.data_level0_memory_ + i * f.sizeDataPerElement);
        bool ok = linksFit(level0, f.maxM0, 0);
        for (int level = 1; ok && level <= h.element_levels_[i]; ++level)
            ok = linksFit(reinterpret_cast<linklistsizeint *>(h.linkLists_[i] + (level - 1) * h.size_links_per_element_), f.maxM, level);
        if (!ok)
            return refuse(error, QStringLiteral("element %1 links to an element that does not exist").arg(i));
    }
    if (f.count > 0 && h.element_levels_[f.enterPoint] != f.maxLevel)
        return refuse(error, QStringLiteral("the payload's entry point %1 is not on its top level %2")
                                 .arg(f.enterPoint).arg(f.maxLevel));
    return true;
}

} // namespace kms
