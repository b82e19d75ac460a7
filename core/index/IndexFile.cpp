// SPDX-License-Identifier: MIT
#include "index/IndexFile.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace kms {

namespace {

constexpr char kMagic[8] = {'K', 'M', 'S', 'H', 'N', 'S', 'W', '1'};
constexpr qsizetype kPrefixSize = 16;          // magic, version, header size
constexpr quint32 kMaxHeaderSize = 64 * 1024;  // a sane bound: the embedder id is the only variable part
constexpr qint64 kChunk = 1 << 20;

template<typename T>
void put(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

// Bounds-checked little-endian reader over the checksummed header bytes.
class HeaderReader
{
public:
    HeaderReader(const char *data, qsizetype size) : m_data(data), m_size(size) {}
    template<typename T>
    bool get(T *value)
    {
        if (m_size - m_pos < qsizetype(sizeof(T)))
            return false;
        *value = qFromLittleEndian<T>(m_data + m_pos);
        m_pos += sizeof(T);
        return true;
    }
    bool getBytes(qsizetype n, QByteArray *out)
    {
        if (n < 0 || m_size - m_pos < n)
            return false;
        *out = QByteArray(m_data + m_pos, n);
        m_pos += n;
        return true;
    }
    qsizetype pos() const { return m_pos; }

private:
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

QString systemError(int err) { return QString::fromLocal8Bit(std::strerror(err)); }

bool writeAll(int fd, const char *data, qint64 size, qint64 offset)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size_t(size), off_t(offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
        offset += n;
    }
    return true;
}

struct FdCloser {
    int fd = -1;
    ~FdCloser()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

IndexFileCheck fail(IndexLoadStatus status, QString message)
{
    IndexFileCheck r;
    r.status = status;
    r.message = std::move(message);
    return r;
}

} // namespace

QByteArray encodeIndexHeader(const IndexFileHeader &h)
{
    const QByteArray embedder = h.embedderId.toUtf8();
    QByteArray out;
    out.reserve(128 + embedder.size());
    out.append(kMagic, sizeof(kMagic));
    put<quint32>(out, h.formatVersion);
    // Fixed fields take 84 bytes; the embedder id is the only variable part.
    put<quint32>(out, quint32(84 + embedder.size()));
    put<quint32>(out, h.dimension);
    put<quint64>(out, h.liveCount);
    put<quint64>(out, h.elementCount);
    put<quint32>(out, quint32(embedder.size()));
    out.append(embedder);
    put<qint64>(out, h.watermark);
    put<quint32>(out, quint32(h.params.M));
    put<quint32>(out, quint32(h.params.efConstruction));
    put<quint32>(out, quint32(h.params.efSearch));
    put<quint64>(out, h.payloadSize);
    put<quint64>(out, h.payloadChecksum);
    Q_ASSERT(out.size() + 8 == 84 + embedder.size());
    put<quint64>(out, XXH3_64bits(out.constData(), size_t(out.size())));
    return out;
}

bool writeIndexFile(const QString &path, IndexFileHeader header, const QString &payloadPath,
                    QString *error)
{
    auto setError = [&](const QString &msg) {
        if (error)
            *error = msg;
        return false;
    };
    QFile payload(payloadPath);
    if (!payload.open(QIODevice::ReadOnly))
        return setError(QStringLiteral("cannot read index payload %1: %2").arg(payloadPath, payload.errorString()));
    header.payloadSize = quint64(payload.size());
    header.payloadChecksum = 0;
    const QByteArray placeholder = encodeIndexHeader(header);

    const QString tmpPath = path + QStringLiteral(".tmp");
    const QByteArray tmpName = QFile::encodeName(tmpPath);
    FdCloser out{::open(tmpName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
    if (out.fd < 0)
        return setError(QStringLiteral("cannot create %1: %2").arg(tmpPath, systemError(errno)));
    auto abandon = [&](const QString &msg) {
        ::close(out.fd);
        out.fd = -1;
        ::unlink(tmpName.constData());
        return setError(msg);
    };

    // The payload checksum is only known after streaming, so the header goes in twice: a placeholder
    // of the same length first, the real one at offset 0 at the end.
    if (!writeAll(out.fd, placeholder.constData(), placeholder.size(), 0))
        return abandon(QStringLiteral("cannot write %1: %2").arg(tmpPath, systemError(errno)));
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
    if (!state || XXH3_64bits_reset(state.get()) != XXH_OK)
        return abandon(QStringLiteral("cannot hash %1: out of memory").arg(tmpPath));
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 offset = placeholder.size();
    quint64 copied = 0;
    for (;;) {
        const qint64 n = payload.read(buffer.data(), kChunk);
        if (n < 0)
            return abandon(QStringLiteral("cannot read index payload %1: %2").arg(payloadPath, payload.errorString()));
        if (n == 0)
            break;
        XXH3_64bits_update(state.get(), buffer.constData(), size_t(n));
        if (!writeAll(out.fd, buffer.constData(), n, offset))
            return abandon(QStringLiteral("cannot write %1 at byte %2: %3").arg(tmpPath).arg(offset).arg(systemError(errno)));
        offset += n;
        copied += quint64(n);
    }
    if (copied != header.payloadSize)
        return abandon(QStringLiteral("index payload %1 changed size while copying (%2 of %3 bytes)")
                           .arg(payloadPath).arg(copied).arg(header.payloadSize));
    header.payloadChecksum = XXH3_64bits_digest(state.get());
    const QByteArray finalHeader = encodeIndexHeader(header);
    if (!writeAll(out.fd, finalHeader.constData(), finalHeader.size(), 0))
        return abandon(QStringLiteral("cannot write header of %1: %2").arg(tmpPath, systemError(errno)));
    if (::fsync(out.fd) != 0)
        return abandon(QStringLiteral("cannot fsync %1: %2").arg(tmpPath, systemError(errno)));
    const int fd = out.fd;
    out.fd = -1;
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmpName.constData());
        return setError(QStringLiteral("cannot close %1: %2").arg(tmpPath, systemError(err)));
    }
    if (::rename(tmpName.constData(), QFile::encodeName(path).constData()) != 0) {
        const int err = errno;
        ::unlink(tmpName.constData());
        return setError(QStringLiteral("cannot rename %1 to %2: %3").arg(tmpPath, path, systemError(err)));
    }
    // Without the folder's fsync a crash could forget the rename and leave the old file.
    const QByteArray dirName = QFile::encodeName(QFileInfo(path).absolutePath());
    FdCloser dir{::open(dirName.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd < 0 || ::fsync(dir.fd) != 0)
        return setError(QStringLiteral("cannot fsync folder %1: %2")
                            .arg(QString::fromLocal8Bit(dirName), systemError(errno)));
    return true;
}

IndexFileCheck checkIndexFile(const QString &path, int dimension, const QString &embedderId,
                              QFileDevice *payloadCopy)
{
    QFile file(path);
    if (!file.exists())
        return fail(IndexLoadStatus::Missing, QStringLiteral("%1 does not exist").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return fail(IndexLoadStatus::Corrupt, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    const qint64 fileSize = file.size();

    // Plain buffers rather than QByteArray: GCC's array-bounds analysis under sanitizers mistakes
    // a QByteArray for its one-byte shared empty array.
    std::vector<char> header(static_cast<size_t>(kPrefixSize), 0);
    const qint64 prefixRead = file.read(header.data(), kPrefixSize);
    const qsizetype magicPresent = std::clamp<qsizetype>(qsizetype(prefixRead), 0, sizeof(kMagic));
    if (std::memcmp(header.data(), kMagic, size_t(magicPresent)) != 0)
        return fail(IndexLoadStatus::Corrupt, QStringLiteral("%1 is not a KMS vector index (bad magic)").arg(path));
    if (prefixRead < kPrefixSize)
        return fail(IndexLoadStatus::Truncated,
                    QStringLiteral("%1 is truncated: %2 bytes, shorter than the header prefix").arg(path).arg(fileSize));
    const auto version = qFromLittleEndian<quint32>(header.data() + 8);
    const auto headerSize = qFromLittleEndian<quint32>(header.data() + 12);
    if (headerSize < kPrefixSize + 8 || headerSize > kMaxHeaderSize)
        return fail(IndexLoadStatus::Corrupt,
                    QStringLiteral("%1 is corrupt: header size field says %2 bytes").arg(path).arg(headerSize));
    if (fileSize < qint64(headerSize))
        return fail(IndexLoadStatus::Truncated, QStringLiteral("%1 is truncated: %2 of %3 header bytes present")
                                                    .arg(path).arg(fileSize).arg(headerSize));
    header.resize(headerSize);
    if (file.read(header.data() + kPrefixSize, headerSize - kPrefixSize) != qint64(headerSize - kPrefixSize))
        return fail(IndexLoadStatus::Corrupt, QStringLiteral("cannot read header of %1: %2").arg(path, file.errorString()));
    const quint64 storedHeaderSum = qFromLittleEndian<quint64>(header.data() + headerSize - 8);
    if (XXH3_64bits(header.data(), headerSize - 8) != storedHeaderSum)
        return fail(IndexLoadStatus::Corrupt, QStringLiteral("%1 is corrupt: header checksum mismatch").arg(path));
    if (version != kIndexFormatVersion)
        return fail(IndexLoadStatus::VersionMismatch,
                    QStringLiteral("%1 has index format version %2, this build reads version %3")
                        .arg(path).arg(version).arg(kIndexFormatVersion));

    IndexFileCheck result;
    IndexFileHeader &h = result.header;
    h.formatVersion = version;
    HeaderReader in(header.data() + kPrefixSize, headerSize - kPrefixSize - 8);
    quint32 embedderLength = 0, m = 0, efc = 0, efs = 0;
    QByteArray embedder;
    const bool parsed = in.get(&h.dimension) && in.get(&h.liveCount) && in.get(&h.elementCount)
        && in.get(&embedderLength) && in.getBytes(qsizetype(embedderLength), &embedder)
        && in.get(&h.watermark) && in.get(&m) && in.get(&efc) && in.get(&efs) && in.get(&h.payloadSize)
        && in.get(&h.payloadChecksum) && in.pos() == qsizetype(headerSize - kPrefixSize - 8);
    // A checksummed header that does not parse was written wrongly, not damaged later.
    if (!parsed || h.liveCount > h.elementCount)
        return fail(IndexLoadStatus::Corrupt, QStringLiteral("%1 is corrupt: malformed header fields").arg(path));
    h.embedderId = QString::fromUtf8(embedder);
    h.params = HnswParams{int(m), int(efc), int(efs)};

    const quint64 present = quint64(fileSize) - headerSize;
    if (present < h.payloadSize) {
        result.status = IndexLoadStatus::Truncated;
        result.message = QStringLiteral("%1 is truncated: %2 of %3 payload bytes present")
                             .arg(path).arg(present).arg(h.payloadSize);
        return result;
    }
    if (present > h.payloadSize) {
        result.status = IndexLoadStatus::Corrupt;
        result.message = QStringLiteral("%1 is corrupt: %2 unexpected bytes after the payload")
                             .arg(path).arg(present - h.payloadSize);
        return result;
    }
    if (h.embedderId != embedderId) {
        result.status = IndexLoadStatus::Foreign;
        result.message = QStringLiteral("%1 was built by embedder '%2', expected '%3'").arg(path, h.embedderId, embedderId);
        return result;
    }
    if (h.dimension != quint32(dimension)) {
        result.status = IndexLoadStatus::Foreign;
        result.message = QStringLiteral("%1 holds %2-dimensional vectors, expected %3")
                             .arg(path).arg(h.dimension).arg(dimension);
        return result;
    }

    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
    if (!state || XXH3_64bits_reset(state.get()) != XXH_OK) {
        result.status = IndexLoadStatus::Corrupt;
        result.message = QStringLiteral("cannot hash %1: out of memory").arg(path);
        return result;
    }
    QByteArray buffer(kChunk, Qt::Uninitialized);
    quint64 remaining = h.payloadSize;
    while (remaining > 0) {
        const qint64 want = qint64(std::min<quint64>(remaining, quint64(kChunk)));
        const qint64 n = file.read(buffer.data(), want);
        if (n <= 0) {
            result.status = IndexLoadStatus::Truncated;
            result.message = QStringLiteral("%1 is truncated: read stopped %2 bytes before the end of the payload (%3)")
                                 .arg(path).arg(remaining).arg(file.errorString());
            return result;
        }
        XXH3_64bits_update(state.get(), buffer.constData(), size_t(n));
        if (payloadCopy && payloadCopy->write(buffer.constData(), n) != n) {
            result.status = IndexLoadStatus::Corrupt;
            result.message = QStringLiteral("cannot copy the payload of %1 to %2: %3")
                                 .arg(path, payloadCopy->fileName(), payloadCopy->errorString());
            return result;
        }
        remaining -= quint64(n);
    }
    if (XXH3_64bits_digest(state.get()) != h.payloadChecksum) {
        result.status = IndexLoadStatus::Corrupt;
        result.message = QStringLiteral("%1 is corrupt: payload checksum mismatch").arg(path);
        return result;
    }
    if (payloadCopy && !payloadCopy->flush()) {
        result.status = IndexLoadStatus::Corrupt;
        result.message = QStringLiteral("cannot copy the payload of %1 to %2: %3")
                             .arg(path, payloadCopy->fileName(), payloadCopy->errorString());
        return result;
    }
    result.status = IndexLoadStatus::Loaded;
    result.message = QStringLiteral("%1: %2 live of %3 vectors, dimension %4, embedder '%5', watermark %6")
                         .arg(path).arg(h.liveCount).arg(h.elementCount).arg(h.dimension).arg(h.embedderId)
                         .arg(h.watermark);
    return result;
}

} // namespace kms
