// SPDX-License-Identifier: MIT
#pragma once

#include "index/VectorIndex.h"

#include <QString>
#include <QtGlobal>

class QFileDevice;

namespace kms {

// The on-disk envelope around hnswlib's bytes. hnswlib writes and reads its files blindly, so every
// byte it will see is checked here first. Layout, little-endian:
//   magic "KMSHNSW1" | u32 format version | u32 header size (bytes, up to and including the header
//   checksum) | u32 dimension | u64 live count | u64 element count | u32 length + UTF-8 embedder id |
//   i64 database watermark | u32 M | u32 efConstruction | u32 efSearch | u64 payload size |
//   u64 XXH3 of payload | u64 XXH3 of all header bytes before it
//   followed by exactly `payload size` bytes of hnswlib's saveIndex output.
// The header size sits right after the version so that the header checksum can be checked even for
// a file of another format version before its other fields are trusted.
inline constexpr quint32 kIndexFormatVersion = 1;

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

// Writes header + the bytes of `payloadPath` to "<path>.tmp", fsyncs it, renames it over `path` and
// fsyncs the folder. header.payloadSize and header.payloadChecksum are filled in here.
bool writeIndexFile(const QString &path, IndexFileHeader header, const QString &payloadPath,
                    QString *error);

struct IndexFileCheck {
    IndexLoadStatus status = IndexLoadStatus::Missing;
    IndexFileHeader header; // valid when the header checksum matched
    QString message;
};

// Checks magic, sizes, header checksum, version, embedder id and dimension, then streams the payload
// through the checksum, copying it into `payloadCopy` when given. Never hands out unchecked bytes:
// status is Loaded only when everything matched.
IndexFileCheck checkIndexFile(const QString &path, int dimension, const QString &embedderId,
                              QFileDevice *payloadCopy);

} // namespace kms
