// SPDX-License-Identifier: MIT
#include "readers/JsonReader.h"

#include <QFileInfo>

#include <cstring>

namespace kms {

namespace {

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

JsonReader::JsonReader(const QString &path, const ReaderOptions &options)
    : m_options(options)
    , m_framer(m_in, options.maxRecordBytes)
    , m_parser(options.maxDepth)
    , m_name(QFileInfo(path).fileName())
{
    m_path = path;
}

bool JsonReader::fail(const QString &message)
{
    m_fatalError = message;
    m_state = State::Done;
    m_bytesRead = m_in.bytesRead();
    return false;
}

bool JsonReader::openSource(QString *error)
{
    if (!m_in.open(m_path, error)) {
        m_state = State::Done;
        m_fatalError = error ? *error : QString();
        return false;
    }
    m_totalBytes = m_in.totalBytes();
    if (m_in.refill(0) < 0) {
        fail(m_in.error());
        if (error)
            *error = m_fatalError;
        return false;
    }
    if (m_in.size() >= 3 && std::memcmp(m_in.data(), "\xEF\xBB\xBF", 3) == 0)
        m_pos = 3;
    return true;
}

bool JsonReader::skipSpace()
{
    for (;;) {
        const char *d = m_in.data();
        const qint64 n = m_in.size();
        while (m_pos < n && isSpace(d[m_pos])) {
            m_line += d[m_pos] == '\n';
            ++m_pos;
        }
        if (m_pos < n)
            return true;
        const qint64 got = m_in.refill(m_pos);
        m_pos = 0;
        if (got < 0) {
            fail(m_in.error());
            return false;
        }
        if (got == 0)
            return false;
    }
}

JsonReader::Scan JsonReader::scanElement(RecordFramer::Frame *f, int *depth)
{
    // Called at the element's first byte. Containers end when their depth returns to zero; scalars
    // at the first delimiter, so simdjson can name what they are.
    bool inString = false;
    bool escaped = false;
    int level = 0;
    int deepest = 0;
    const char first = m_in.data()[m_pos];
    const bool scalar = first != '{' && first != '[';
    auto scan = [&](const char *d, qint64 &i, qint64 n) {
        while (i < n) {
            const char c = d[i];
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"') {
                    inString = false;
                    if (scalar && level == 0) {
                        ++i;
                        return true;
                    }
                } else if (c == '\n')
                    ++m_line;
                ++i;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++level > deepest)
                    deepest = level;
            } else if (c == '}' || c == ']') {
                if (scalar) // the end of the enclosing array
                    return true;
                if (--level == 0) {
                    ++i;
                    return true;
                }
            } else if (scalar && (c == ',' || isSpace(c))) {
                return true;
            } else if (c == '\n') {
                ++m_line;
            }
            ++i;
        }
        return false;
    };
    const RecordFramer::Result r = m_framer.next(m_pos, scan, f);
    if (r == RecordFramer::Result::Error) {
        fail(m_in.error());
        return Scan::Error;
    }
    if (r == RecordFramer::Result::End || (f->atEof && (!scalar || inString)))
        return Scan::End; // the element is cut off
    m_pos = f->end;
    *depth = deepest;
    return Scan::Element;
}

void JsonReader::emitElement(RawRecord &out, const RecordFramer::Frame &f, int depth, qint64 line)
{
    out = RawRecord{};
    out.number = ++m_number;
    out.line = line;
    m_bytesRead = m_in.bytesRead();
    out.raw = m_framer.raw(f, f.end - f.begin);
    if (f.oversized) {
        out.error = m_framer.oversizedMessage();
        return;
    }
    if (depth > m_parser.maxDepth()) { // refused before simdjson spends time on it
        out.error = m_parser.depthError();
        return;
    }
    m_parser.parse(m_in.data() + f.begin, f.end - f.begin, out);
}

bool JsonReader::readRecord(RawRecord &out)
{
    for (;;) {
        switch (m_state) {
        case State::Done:
            return false;
        case State::Start: {
            if (!skipSpace()) {
                if (m_fatalError.isEmpty())
                    fail(QStringLiteral("%1: the file is empty (expected a JSON array or object)").arg(m_name));
                return false;
            }
            const char c = m_in.data()[m_pos];
            if (c == '[') {
                ++m_pos;
                m_state = State::ArrayElement;
            } else if (c == '{') {
                m_state = State::SingleObject;
            } else {
                return fail(QStringLiteral("%1: line %2: the top level is not an array or an object")
                                .arg(m_name).arg(m_line));
            }
            break;
        }
        case State::ArrayElement:
        case State::SingleObject: {
            const bool single = m_state == State::SingleObject;
            const QString truncated = QStringLiteral("%1: line %2: the file ends inside the %3 (truncated?)");
            const char *what = single ? "object" : "array";
            if (!skipSpace()) {
                if (m_fatalError.isEmpty())
                    fail(truncated.arg(m_name).arg(m_line).arg(QLatin1String(what)));
                return false;
            }
            if (!single && m_in.data()[m_pos] == ']') { // empty array, or a trailing comma
                ++m_pos;
                m_state = State::Trailing;
                break;
            }
            const qint64 line = m_line;
            RecordFramer::Frame f;
            int depth = 0;
            const Scan s = scanElement(&f, &depth);
            if (s == Scan::Error)
                return false;
            if (s == Scan::End)
                return fail(truncated.arg(m_name).arg(line).arg(QLatin1String(what)));
            emitElement(out, f, depth, line);
            m_state = single ? State::Trailing : State::AfterElement;
            return true;
        }
        case State::AfterElement: {
            if (!skipSpace()) {
                if (m_fatalError.isEmpty())
                    fail(QStringLiteral("%1: line %2: the file ends inside the array (truncated?)")
                             .arg(m_name).arg(m_line));
                return false;
            }
            const char c = m_in.data()[m_pos++];
            if (c == ',')
                m_state = State::ArrayElement;
            else if (c == ']')
                m_state = State::Trailing;
            else
                return fail(QStringLiteral("%1: line %2: expected ',' or ']' after record %3, found '%4'")
                                .arg(m_name).arg(m_line).arg(m_number).arg(QLatin1Char(c)));
            break;
        }
        case State::Trailing:
            if (skipSpace())
                return fail(QStringLiteral("%1: line %2: unexpected data after the end of the top-level value")
                                .arg(m_name).arg(m_line));
            m_state = State::Done;
            m_bytesRead = m_in.bytesRead();
            return false;
        }
    }
}

} // namespace kms
