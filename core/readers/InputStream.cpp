// SPDX-License-Identifier: MIT
#include "readers/InputStream.h"

#include <QFileInfo>

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace kms {

namespace {

// CSV, JSON and JSONL in UTF-8 hold no NUL bytes (or one stray one), so the first bytes tell a text file from a
// UTF-16 or UTF-32 export, an image or a disk dump. Without this, a file of zeros read as an empty
// CSV ("completed", nothing said) and a UTF-16 file as one JSON error per line.
QString notTextReason(const char *data, qint64 size)
{
    const auto *b = reinterpret_cast<const unsigned char *>(data);
    const QString convert = QStringLiteral("; save it as UTF-8 (for example: iconv -f %1 -t UTF-8 FILE > FILE.utf8)");
    if (size >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
                      || (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)))
        return QStringLiteral("the file is UTF-32 encoded (it starts with a UTF-32 byte-order mark)")
            + convert.arg(QStringLiteral("UTF-32"));
    if (size >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return QStringLiteral("the file is UTF-16 encoded (it starts with a UTF-16 byte-order mark)")
            + convert.arg(QStringLiteral("UTF-16"));
    const qint64 window = std::min<qint64>(size, 4096);
    qint64 firstNul = -1, evenNul = 0, oddNul = 0;
    for (qint64 i = 0; i < window; ++i) {
        if (b[i] != 0)
            continue;
        if (firstNul < 0)
            firstNul = i;
        ++((i % 2) ? oddNul : evenNul);
    }
    // A stray NUL in a field rejects only its record (the readers say which); a text file does not
    // have them by the dozen.
    if (firstNul < 0 || evenNul + oddNul < 4 || (evenNul + oddNul) * 100 < window)
        return {};
    // ASCII text in UTF-16 has a zero in every other byte and (almost) none in the others.
    const qint64 pairs = window / 2;
    if (pairs >= 2 && (oddNul * 10 >= pairs * 8 || evenNul * 10 >= pairs * 8) && std::min(oddNul, evenNul) * 10 < pairs)
        return QStringLiteral("the file looks UTF-16 encoded (every other byte is zero, no byte-order mark)")
            + convert.arg(oddNul > evenNul ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE"));
    return QStringLiteral("not a text file (a NUL byte at offset %1); CSV, JSON and JSONL must be UTF-8 text")
        .arg(firstNul);
}

} // namespace

InputStream::InputStream() = default;

InputStream::~InputStream()
{
    if (m_gz)
        gzclose_r(m_gz);
}

bool InputStream::open(const QString &path, QString *error)
{
    m_name = QFileInfo(path).fileName();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_totalBytes = m_file.size();
    unsigned char magic[2] = {0, 0};
    const qint64 got = m_file.peek(reinterpret_cast<char *>(magic), 2);
    const bool gzipMagic = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    if (!gzipMagic && path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive)) {
        if (error)
            *error = QStringLiteral("%1: not a gzip file (it does not start with the gzip magic bytes)")
                         .arg(m_name);
        return false;
    }
    if (gzipMagic) {
        // zlib reads through its own handle; ours only served the magic check.
        m_file.close();
        m_gz = gzopen(QFile::encodeName(path).constData(), "rb");
        if (!m_gz) {
            if (error)
                *error = QStringLiteral("cannot open %1 as gzip").arg(path);
            return false;
        }
        gzbuffer(m_gz, 256 * 1024);
    }
    reserve(ChunkSize);
    return true;
}

void InputStream::reserve(qint64 capacity)
{
    if (capacity <= m_capacity)
        return;
    auto grown = std::make_unique<char[]>(size_t(capacity + Padding));
    if (m_end > 0)
        std::memcpy(grown.get(), m_buf.get(), size_t(m_end));
    std::memset(grown.get() + m_end, 0, size_t(capacity + Padding - m_end));
    m_buf = std::move(grown);
    m_capacity = capacity;
}

qint64 InputStream::readRaw(char *dst, qint64 max)
{
    if (m_gz) {
        const unsigned want = unsigned(std::min<qint64>(max, 1 << 30));
        const int n = gzread(m_gz, dst, want);
        if (n < 0) {
            int code = Z_OK;
            const char *msg = gzerror(m_gz, &code);
            m_error = QStringLiteral("%1: corrupt gzip data (%2)")
                          .arg(m_name, QString::fromLocal8Bit(msg ? msg : "unknown zlib error"));
            return -1;
        }
        if (n == 0) {
            // A stream cut short reads as a clean end unless we ask zlib.
            int code = Z_OK;
            const char *msg = gzerror(m_gz, &code);
            if (code != Z_OK && code != Z_STREAM_END) {
                m_error = QStringLiteral("%1: corrupt gzip data (%2)")
                              .arg(m_name, QString::fromLocal8Bit(msg ? msg : "unknown zlib error"));
                return -1;
            }
        }
        return n;
    }
    const qint64 n = m_file.read(dst, max);
    if (n < 0) {
        m_error = QStringLiteral("%1: read error: %2").arg(m_name, m_file.errorString());
        return -1;
    }
    m_plainRead += n;
    return n;
}

qint64 InputStream::refill(qint64 keep)
{
    if (keep > 0) {
        keep = std::min(keep, m_end);
        std::memmove(m_buf.get(), m_buf.get() + keep, size_t(m_end - keep));
        m_end -= keep;
    }
    if (m_eof)
        return 0;
    if (m_end == m_capacity)
        reserve(m_capacity * 2);
    const qint64 n = readRaw(m_buf.get() + m_end, m_capacity - m_end);
    if (n < 0)
        return -1;
    if (n == 0)
        m_eof = true;
    if (!m_sniffed && n > 0) {
        m_sniffed = true;
        if (const QString why = notTextReason(m_buf.get() + m_end, n); !why.isEmpty()) {
            m_error = QStringLiteral("%1: %2").arg(m_name, why);
            return -1;
        }
    }
    m_end += n;
    // Keep the padding zeroed so parsers that read past the end see no stale bytes.
    std::memset(m_buf.get() + m_end, 0, size_t(Padding));
    return n;
}

qint64 InputStream::bytesRead() const
{
    if (m_gz)
        return qint64(gzoffset(m_gz));
    return m_plainRead;
}

} // namespace kms
