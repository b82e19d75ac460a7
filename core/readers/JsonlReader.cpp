// SPDX-License-Identifier: MIT
#include "readers/JsonlReader.h"

#include "readers/CsvReader.h"

#include <cstring>

namespace kms {

namespace {

constexpr qint64 MaxRawBytes = 64 * 1024;

bool isBlank(const char *p, qint64 len)
{
    for (qint64 i = 0; i < len; ++i)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
            return false;
    return true;
}

} // namespace

JsonlReader::JsonlReader(const QString &path, const ReaderOptions &options)
    : m_options(options)
    , m_parser(options.maxDepth)
{
    m_path = path;
}

bool JsonlReader::openSource(QString *error)
{
    if (!m_in.open(m_path, error)) {
        m_done = true;
        m_fatalError = error ? *error : QString();
        return false;
    }
    m_totalBytes = m_in.totalBytes();
    return true;
}

bool JsonlReader::readRecord(RawRecord &out)
{
    const qint64 limit = m_options.maxRecordBytes;
    while (!m_done) {
        qint64 start = m_pos;
        qint64 i = m_pos;
        qint64 dropped = 0;
        bool skipping = false;
        bool atEof = false;
        QByteArray prefix;
        for (;;) {
            const char *d = m_in.data();
            const qint64 n = m_in.size();
            if (i < n) {
                const void *nl = std::memchr(d + i, '\n', size_t(n - i));
                if (nl) {
                    i = static_cast<const char *>(nl) - d;
                    break;
                }
                i = n;
            }
            if (!skipping && dropped + (i - start) > limit) {
                skipping = true;
                prefix = QByteArray(d + start, qsizetype(std::min(MaxRawBytes, i - start)));
            }
            qint64 keep = start;
            if (skipping) {
                dropped += i - start;
                keep = i;
            }
            const qint64 got = m_in.refill(keep);
            i -= keep;
            start = skipping ? i : start - keep;
            if (got < 0) {
                m_fatalError = m_in.error();
                m_done = true;
                m_bytesRead = m_in.bytesRead();
                return false;
            }
            if (got == 0) {
                atEof = true;
                break;
            }
        }
        m_bytesRead = m_in.bytesRead();
        ++m_line;
        m_pos = atEof ? i : i + 1;
        const qint64 length = dropped + (i - start);
        if (atEof && length == 0) {
            m_done = true;
            return false;
        }
        m_done = atEof;
        const char *p = m_in.data() + start;
        qint64 len = i - start;
        if (!skipping && len > 0 && p[len - 1] == '\r')
            --len;
        if (!skipping && length <= limit && isBlank(p, len))
            continue;

        out = RawRecord{};
        out.number = ++m_number;
        out.line = m_line;
        if (skipping || length > limit) {
            out.raw = skipping ? prefix : QByteArray(p, qsizetype(std::min(MaxRawBytes, len)));
            out.error = QStringLiteral("record is over the %1 limit").arg(formatByteLimit(limit));
            return true;
        }
        out.raw = QByteArray(p, qsizetype(std::min(MaxRawBytes, len)));
        m_parser.parse(p, len, out);
        return true;
    }
    return false;
}

} // namespace kms
