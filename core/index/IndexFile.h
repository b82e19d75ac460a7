// SPDX-License-Identifier: MIT
#pragma once

#include "index/VectorIndex.h"

#include <functional>

#include <QString>
#include <QtGlobal>


namespace kms {

// The on-disk envelope around hnswlib's bytes. hnswlib writes and reads its files blindly, so every
// byte it will see is checked here first. Layout, little-endian:
//   magic "KMSHNSW1" | u32 format version | u32 header size (bytes, up to and including the header
//   checksum) | u32 dimension | u64 live count | u64 element count | u32 length + UTF-8 embedder id |
//   i64 database watermark | u32 M | u32 efConstruction | u32 efSearch | u64 payload size |
//   u64 XXH3 of payload | u64 XXH3 of all header bytes before it
//   followed by exactly `payload size` bytes: u32 segment count, then for each segment its u64 size
//   and that many bytes in hnswlib's saveIndex layout (index/HnswPayload.h).
// The header size sits right after the version so that the header checksum can be checked even for
// a file of another format version before its other fields are trusted.
// Version 3 holds segments (VectorIndex.h). Version 2 had one graph as the whole payload and is
// still read (as one segment). Both keep the vectors in half precision (2 bytes per dimension);
// version 1 kept float32. A file of another version loads as VersionMismatch and the engine
// rebuilds it from the store.
inline constexpr quint32 kIndexFormatVersion = 3;
inline constexpr quint32 kOldestReadIndexFormat = 2;

struct IndexFileHeader {
    quint32 formatVersion = kIndexFormatVersion;
    quint32 dimension = 0;
    quint64 liveCount = 0;
    quint64 elementCount = 0;
    QString embedderId;
    qint64 watermark = 0;
    HnswParams params;
    quint64 payloadSize = 0;
    quint64 payloadChecksum = 0;
};

// The exact bytes of a header; header.formatVersion is written as given (tests use it to forge a file
// of another version).
QByteArray encodeIndexHeader(const IndexFileHeader &header);

class PayloadSink;
class PayloadSource;

// Streams the payload into the file being written; false (with *error) stops the save.
using PayloadWriter = std::function<bool(PayloadSink &sink, QString *error)>;
// Reads the whole payload from the file being checked, given its (checked) header; false (with
// *error) refuses the file.
using PayloadReader = std::function<bool(const IndexFileHeader &header, PayloadSource &source, QString *error)>;

// Writes header + payloadSize bytes from `writePayload` to "<path>.tmp" in one pass, fsyncs it,
// renames it over `path` and fsyncs the folder. header.payloadSize and header.payloadChecksum are
// filled in here. No other file is made, so an interrupted save leaves at most "<path>.tmp", which
// the next save overwrites and removeIndexLeftovers() clears.
bool writeIndexFile(const QString &path, IndexFileHeader header, quint64 payloadSize,
                    const PayloadWriter &writePayload, QString *error);

struct IndexFileCheck {
    IndexLoadStatus status = IndexLoadStatus::Missing;
    IndexFileHeader header; // valid when the header checksum matched
    QString message;
};

// Checks magic, sizes, header checksum, version, embedder id and dimension, then streams the payload
// through the checksum, handing it to `readPayload` on the way when given (one pass over the
// bytes, no copy). Status is Loaded only when everything matched: a reader must discard what it
// built unless it is.
IndexFileCheck checkIndexFile(const QString &path, int dimension, const QString &embedderId,
                              const PayloadReader &readPayload = {});

// Reads and checks only the header (its checksum included), not the payload: what the file says it
// holds (live count, watermark) at the cost of one small read, for status displays that must not
// load the index. Status Loaded means a sound header, nothing more.
IndexFileCheck readIndexFileHeader(const QString &path);

// Files an interrupted save or load may have left beside the index at `path` (its ".tmp", and the
// ".payload-*" / ".load-*" copies that earlier versions made). Returns their names.
QStringList indexLeftovers(const QString &path);
// Removes them; returns how many were removed.
int removeIndexLeftovers(const QString &path);

} // namespace kms
