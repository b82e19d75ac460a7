// SPDX-License-Identifier: MIT
#include "index/IndexFile.h"

#include "index/PayloadStream.h"

#include <QByteArray>
#include <QDir>
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

namespace {

// Writes through a 1 MiB buffer at increasing offsets, hashing what passes, remembering the first
// system error so the message can name it (ENOSPC: "No space left on device").
class FileSink final : public PayloadSink
{
public:
    FileSink(int fd, qint64 offset, XXH3_state_t *state) : m_fd(fd), m_offset(offset), m_state(state)
    {
        m_buffer.reserve(size_t(kChunk));
    }
    bool write(const void *data, qint64 size) override
    {
        if (m_errno != 0)
            return false;
        const char *bytes = static_cast<const char *>(data);
        XXH3_64bits_update(m_state, bytes, size_t(size));
        m_written += quint64(size);
        if (size >= kChunk) {
            return flush() && put(bytes, size);
        }
        if (qint64(m_buffer.size()) + size > kChunk && !flush())
            return false;
        m_buffer.insert(m_buffer.end(), bytes, bytes + size);
        return true;
    }
    bool flush()
    {
        const bool ok = put(m_buffer.data(), qint64(m_buffer.size()));
        m_buffer.clear();
        return ok;
    }
    int error() const { return m_errno; }
    quint64 written() const { return m_written; }
    qint64 offset() const { return m_offset; }

private:
    bool put(const char *data, qint64 size)
    {
        if (size == 0)
            return true;
        if (!writeAll(m_fd, data, size, m_offset)) {
            m_errno = errno;
            return false;
        }
        m_offset += size;
        return true;
    }

    int m_fd;
    qint64 m_offset;
    XXH3_state_t *m_state;
    std::vector<char> m_buffer;
    quint64 m_written = 0;
    int m_errno = 0;
};

// Reads the payload straight into the caller's memory, hashing it, never past its declared end.
class FileSource final : public PayloadSource
{
public:
    FileSource(QFile &file, quint64 size, XXH3_state_t *state) : m_file(file), m_remaining(size), m_state(state) {}
    bool read(void *data, qint64 size) override
    {
        if (size < 0 || quint64(size) > m_remaining)
            return false;
        char *bytes = static_cast<char *>(data);
        qint64 done = 0;
        while (done < size) {
            const qint64 n = m_file.read(bytes + done, size - done);
            if (n <= 0)
                return false;
            done += n;
        }
        XXH3_64bits_update(m_state, bytes, size_t(size));
        m_remaining -= quint64(size);
        return true;
    }
    quint64 remaining() const override { return m_remaining; }

    // Hashes what the reader left unread, so a damaged file is judged by its checksum first.
    bool drain()
    {
        QByteArray buffer(kChunk, Qt::Uninitialized);
        while (m_remaining > 0) {
            const qint64 want = qint64(std::min<quint64>(m_remaining, quint64(kChunk)));
            if (!read(buffer.data(), want))
                return false;
        }
        return true;
    }

private:
    QFile &m_file;
    quint64 m_remaining;
    XXH3_state_t *m_state;
};

} // namespace

bool writeIndexFile(const QString &path, IndexFileHeader header, quint64 payloadSize,
                    const PayloadWriter &writePayload, QString *error)
{
    auto setError = [&](const QString &msg) {
        if (error)
            *error = msg;
        return false;
    };
    header.payloadSize = payloadSize;
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

    // Claim the whole size first: a disk that cannot hold the file says so now, in those words,
    // before anything is written and while the old index file is still in place.
    const qint64 total = qint64(placeholder.size()) + qint64(payloadSize);
    if (const int err = ::posix_fallocate(out.fd, 0, off_t(total)); err != 0 && err != EOPNOTSUPP && err != EINVAL)
        return abandon(QStringLiteral("cannot write %1 (%2 bytes): %3").arg(tmpPath).arg(total).arg(systemError(err)));

    // The payload checksum is only known after streaming, so the header goes in twice: a placeholder
    // of the same length first, the real one at offset 0 at the end.
    if (!writeAll(out.fd, placeholder.constData(), placeholder.size(), 0))
        return abandon(QStringLiteral("cannot write %1: %2").arg(tmpPath, systemError(errno)));
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
    if (!state || XXH3_64bits_reset(state.get()) != XXH_OK)
        return abandon(QStringLiteral("cannot hash %1: out of memory").arg(tmpPath));
    FileSink sink(out.fd, placeholder.size(), state.get());
    QString payloadError;
    const bool streamed = writePayload(sink, &payloadError) && sink.flush();
    if (!streamed) {
        if (sink.error() != 0)
            return abandon(QStringLiteral("cannot write %1 at byte %2: %3").arg(tmpPath).arg(sink.offset()).arg(systemError(sink.error())));
        return abandon(QStringLiteral("cannot write %1: %2").arg(tmpPath, payloadError));
    }
    if (sink.written() != payloadSize)
        return abandon(QStringLiteral("index payload for %1 came to %2 bytes, %3 expected")
                           .arg(tmpPath).arg(sink.written()).arg(payloadSize));
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

namespace {
// Opens `path` and reads and checks its header (magic, sizes, header checksum, version, fields),
// leaving `file` positioned at the first payload byte. Status Loaded means the header is sound;
// the payload has not been looked at.
IndexFileCheck readHeader(QFile &file, const QString &path, quint32 *headerSizeOut)
{
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
    if (version < kOldestReadIndexFormat || version > kIndexFormatVersion)
        return fail(IndexLoadStatus::VersionMismatch,
                    QStringLiteral("%1 has index format version %2, this build reads versions %3 to %4")
                        .arg(path).arg(version).arg(kOldestReadIndexFormat).arg(kIndexFormatVersion));

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
    result.status = IndexLoadStatus::Loaded;
    *headerSizeOut = headerSize;
    return result;
}
} // namespace

IndexFileCheck readIndexFileHeader(const QString &path)
{
    QFile file(path);
    quint32 headerSize = 0;
    IndexFileCheck result = readHeader(file, path, &headerSize);
    if (result.status == IndexLoadStatus::Loaded)
        result.message = QStringLiteral("%1: header of %2 live vectors, watermark %3 (payload not checked)")
                             .arg(path).arg(result.header.liveCount).arg(result.header.watermark);
    return result;
}

IndexFileCheck checkIndexFile(const QString &path, int dimension, const QString &embedderId,
                              const PayloadReader &readPayload)
{
    QFile file(path);
    quint32 headerSize = 0;
    IndexFileCheck result = readHeader(file, path, &headerSize);
    if (result.status != IndexLoadStatus::Loaded)
        return result;
    const IndexFileHeader &h = result.header;
    const qint64 fileSize = file.size();

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
    if (readPayload) {
        FileSource source(file, h.payloadSize, state.get());
        QString readError;
        const bool read = readPayload(h, source, &readError);
        if (!source.drain()) {
            result.status = IndexLoadStatus::Truncated;
            result.message = QStringLiteral("%1 is truncated: read stopped %2 bytes before the end of the payload (%3)")
                                 .arg(path).arg(source.remaining()).arg(file.errorString());
            return result;
        }
        // Damage shows as a checksum mismatch, below, whichever part it hit; bytes that pass the
        // checksum and still do not make an index were written wrongly, and say so here.
        if (!read && XXH3_64bits_digest(state.get()) == h.payloadChecksum) {
            result.status = IndexLoadStatus::Corrupt;
            result.message = QStringLiteral("%1 is corrupt: %2").arg(path, readError);
            return result;
        }
    } else {
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
            remaining -= quint64(n);
        }
    }
    if (XXH3_64bits_digest(state.get()) != h.payloadChecksum) {
        result.status = IndexLoadStatus::Corrupt;
        result.message = QStringLiteral("%1 is corrupt: payload checksum mismatch").arg(path);
        return result;
    }
    result.status = IndexLoadStatus::Loaded;
    result.message = QStringLiteral("%1: %2 live of %3 vectors, dimension %4, embedder '%5', watermark %6")
                         .arg(path).arg(h.liveCount).arg(h.elementCount).arg(h.dimension).arg(h.embedderId)
                         .arg(h.watermark);
    return result;
}

QStringList indexLeftovers(const QString &path)
{
    const QFileInfo info(path);
    const QDir dir = info.absoluteDir();
    QStringList names;
    if (QFileInfo::exists(path + QStringLiteral(".tmp")))
        names.append(info.fileName() + QStringLiteral(".tmp"));
    const QStringList patterns{QStringLiteral(".") + info.fileName() + QStringLiteral(".payload-*"),
                               QStringLiteral(".") + info.fileName() + QStringLiteral(".load-*")};
    names += dir.entryList(patterns, QDir::Files | QDir::Hidden | QDir::System);
    return names;
}

int removeIndexLeftovers(const QString &path)
{
    const QDir dir = QFileInfo(path).absoluteDir();
    int removed = 0;
    for (const QString &name : indexLeftovers(path)) {
        if (QFile::remove(dir.filePath(name)))
            ++removed;
    }
    return removed;
}

} // namespace kms
