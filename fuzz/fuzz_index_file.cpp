// SPDX-License-Identifier: MIT
// The saved vector index (index/IndexFile.h): VectorIndex::verify and ::load on arbitrary bytes.
//
// The checksums would stop almost every mutation at the header, yet a hostile or buggy writer can
// produce a file whose checksums match. So the first input byte is a mode for the harness, the rest
// is the file: bit 0 recomputes the payload and header checksums before the file is written, bit 1
// first sets the payload size field to the bytes actually present. With both bits the fuzzer gets
// past the envelope into hnswlib's payload (index/HnswPayload.h), the part a checksum cannot vouch for.
#include "FuzzScratch.h"

#include "index/VectorIndex.h"

#include <QtEndian>

#include <xxhash.h>

#include <vector>

using namespace kms;

namespace {

constexpr size_t kPrefix = 16;   // magic, version, header size
constexpr size_t kFixed = 84;    // header bytes besides the embedder id (IndexFile.cpp)

// Makes the envelope self-consistent where the mode asks for it; leaves bytes it cannot place alone.
void fixEnvelope(std::vector<char> &file, unsigned mode)
{
    if (file.size() < kPrefix)
        return;
    const quint32 headerSize = qFromLittleEndian<quint32>(file.data() + 12);
    if (headerSize < kFixed || headerSize > file.size())
        return;
    char *h = file.data();
    const quint64 payloadSize = file.size() - headerSize;
    if (mode & 2)
        qToLittleEndian<quint64>(payloadSize, h + headerSize - 24);
    if (mode & 1) {
        qToLittleEndian<quint64>(XXH3_64bits(h + headerSize, payloadSize), h + headerSize - 16);
        qToLittleEndian<quint64>(XXH3_64bits(h, headerSize - 8), h + headerSize - 8);
    }
}

// The dimension and embedder id the file claims, so that a mutated header is not simply "Foreign";
// bounded, as the engine only ever asks for its own embedder's small dimension.
void claimed(const std::vector<char> &file, int *dimension, QString *embedder)
{
    *dimension = 4;
    *embedder = QStringLiteral("fuzz-4");
    if (file.size() < 40)
        return;
    const quint32 dim = qFromLittleEndian<quint32>(file.data() + 16);
    if (dim >= 1 && dim <= 1024)
        *dimension = int(dim);
    const quint32 idLength = qFromLittleEndian<quint32>(file.data() + 36);
    if (idLength <= 256 && 40 + idLength <= file.size())
        *embedder = QString::fromUtf8(file.data() + 40, qsizetype(idLength));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    std::vector<char> file(reinterpret_cast<const char *>(data) + 1, reinterpret_cast<const char *>(data) + size);
    fixEnvelope(file, data[0]);
    const QString path = fuzz::writeScratch(QStringLiteral("vectors.kidx"), file.data(), qsizetype(file.size()));
    int dimension = 0;
    QString embedder;
    claimed(file, &dimension, &embedder);

    (void)VectorIndex::verify(path, dimension, embedder);
    VectorIndex::LoadResult loaded = VectorIndex::load(path, dimension, embedder, HnswParams{});
    if (loaded.status == IndexLoadStatus::Loaded) {
        // What the engine does next with a loaded index: search it, count it, write it back.
        VectorIndex &index = *loaded.index;
        std::vector<float> query(size_t(dimension), 0.0f);
        query[0] = 1.0f;
        (void)index.search(query, 5);
        (void)index.size();
        (void)index.contains(1);
        QString error;
        // A new label, not an existing one: replacing a vector runs hnswlib 0.6.2's
        // getConnectionsWithLock, which memcpy's from a null pointer for an empty link list (0
        // bytes, so harmless, but UBSan stops there on the first input; docs/fuzzing.md).
        (void)index.add(1'000'000, query, &error);
        (void)index.save(fuzz::scratchDir() + QStringLiteral("/saved.kidx"), loaded.watermark, &error);
    }
    return 0;
}
