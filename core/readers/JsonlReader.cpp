// SPDX-License-Identifier: MIT
#include "readers/JsonlReader.h"

#include <cstring>

namespace kms {

namespace {

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
    , m_framer(m_in, options.maxRecordBytes)
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
    auto scan = [](const char *d, qint64 &i, qint64 n) {
        if (i < n) {
            if (const void *nl = std::memchr(d + i, '\n', size_t(n - i))) {
                i = static_cast<const char *>(nl) - d;
                return true;
            }
            i = n;
        }
        return false;
    };
    while (!m_done) {
        RecordFramer::Frame f;
        const RecordFramer::Result r = m_framer.next(m_pos, scan, &f);
        m_bytesRead = m_in.bytesRead();
        if (r == RecordFramer::Result::Error) {
            m_fatalError = m_in.error();
            m_done = true;
            return false;
        }
        ++m_line;
        m_pos = f.atEof ? f.end : f.end + 1;
        if (r == RecordFramer::Result::End) {
            m_done = true;
            return false;
        }
        m_done = f.atEof;
        const char *p = m_in.data() + f.begin;
        qint64 len = f.end - f.begin;
        if (!f.dropped && len > 0 && p[len - 1] == '\r')
            --len;
        if (!f.oversized && isBlank(p, len))
            continue;

        out = RawRecord{};
        out.number = ++m_number;
        out.line = m_line;
        out.raw = m_framer.raw(f, len);
        if (f.oversized) {
            out.error = m_framer.oversizedMessage();
            return true;
        }
        m_parser.parse(p, len, out);
        return true;
    }
    return false;
}

} // namespace kms
