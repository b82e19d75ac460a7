// SPDX-License-Identifier: MIT
#include "readers/CsvReader.h"

#include <QFileInfo>
#include <QSet>

#include <csv.h>
#include <simdjson.h>

#include <cstring>
#include <utility>

namespace kms {

namespace {

// Records reach libcsv one at a time without their line break, so no character may end a row
// inside it: a lone CR in a field stays data instead of splitting the row.
int neverTerminates(unsigned char)
{
    return 0;
}

} // namespace

CsvReader::CsvReader(const QString &path, const ReaderOptions &options)
    : m_options(options)
    , m_framer(m_in, options.maxRecordBytes)
{
    m_path = path;
}

CsvReader::~CsvReader()
{
    if (m_parser)
        csv_free(m_parser.get());
}

bool CsvReader::open(QString *error)
{
    const QString name = QFileInfo(m_path).fileName();
    auto fail = [&](const QString &message) {
        m_fatalError = message;
        m_done = true;
        if (error)
            *error = message;
        return false;
    };
    QString openError;
    if (!m_in.open(m_path, &openError))
        return fail(openError);
    m_totalBytes = m_in.totalBytes();
    if (m_in.refill(0) < 0)
        return fail(m_in.error());
    const char *d = m_in.data();
    if (m_in.size() >= 3 && std::memcmp(d, "\xEF\xBB\xBF", 3) == 0)
        m_pos = 3;

    QString lower = m_path.toLower();
    if (lower.endsWith(QLatin1String(".gz")))
        lower.chop(3);
    if (m_options.csvDelimiter != 0)
        m_delim = m_options.csvDelimiter;
    else if (lower.endsWith(QLatin1String(".tsv")))
        m_delim = '\t';
    else
        m_delim = detectDelimiter();

    m_parser = std::make_unique<csv_parser>();
    if (csv_init(m_parser.get(), CSV_STRICT) != 0) {
        m_parser.reset();
        return fail(QStringLiteral("%1: cannot initialise the CSV parser").arg(name));
    }
    csv_set_delim(m_parser.get(), static_cast<unsigned char>(m_delim));
    csv_set_term_func(m_parser.get(), neverTerminates);
    // libcsv grows its field buffer by this step; its default (128 bytes) makes a 10 MB field
    // cost ~80,000 reallocations.
    csv_set_blk_size(m_parser.get(), 1024 * 1024);

    Frame f;
    switch (frame(f)) {
    case FrameResult::Error:
        return fail(m_in.error());
    case FrameResult::End:
        return fail(QStringLiteral("%1: the file is empty (expected a header line)").arg(name));
    case FrameResult::Record:
        break;
    }
    const QString where = QStringLiteral("%1: line %2: cannot read the header: ").arg(name).arg(f.line);
    if (f.unterminated)
        return fail(where + QStringLiteral("unterminated quoted field"));
    if (f.bytes.oversized)
        return fail(where + QStringLiteral("it is over the %1 limit").arg(formatByteLimit(m_options.maxRecordBytes)));
    qint64 len = f.bytes.end - f.bytes.begin;
    if (len > 0 && m_in.data()[f.bytes.begin + len - 1] == '\r')
        --len;
    int bad = 0;
    if (!split(m_in.data() + f.bytes.begin, len, &bad))
        return fail(where + QStringLiteral("malformed quotes in column %1").arg(bad + 1));

    QStringList names;
    for (size_t i = 0; i < m_fieldSpans.size(); ++i) {
        const auto [off, n] = m_fieldSpans[i];
        QString col = QString::fromUtf8(m_fieldBytes.data() + off, qsizetype(n)).trimmed();
        names.append(col.isEmpty() ? QStringLiteral("column_%1").arg(i + 1) : col);
    }
    // A generated name must not collide with a real one further right, hence the two sets.
    const QSet<QString> original(names.cbegin(), names.cend());
    QSet<QString> used;
    for (QString col : std::as_const(names)) {
        if (used.contains(col)) {
            int suffix = 2;
            auto candidate = [&] { return col + QLatin1Char('_') + QString::number(suffix); };
            while (used.contains(candidate()) || original.contains(candidate()))
                ++suffix;
            col = candidate();
        }
        used.insert(col);
        m_header.append(col);
    }
    return true;
}

char CsvReader::detectDelimiter() const
{
    // Count candidates outside quotes on the first line; the most frequent wins, ',' on a tie.
    const char *d = m_in.data();
    const qint64 n = m_in.size();
    int counts[4] = {0, 0, 0, 0};
    static constexpr char candidates[4] = {',', ';', '\t', '|'};
    bool quoted = false;
    for (qint64 i = m_pos; i < n; ++i) {
        const char c = d[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\n')
            break;
        for (int k = 0; k < 4; ++k)
            counts[k] += c == candidates[k];
    }
    int best = 0;
    for (int k = 1; k < 4; ++k)
        if (counts[k] > counts[best])
            best = k;
    return candidates[best];
}

CsvReader::FrameResult CsvReader::frame(Frame &f)
{
    for (;;) {
        qint64 newlines = 0;       // inside quotes: the record goes on over them
        bool inQuote = false;
        bool quotePending = false; // a '"' inside quotes: closes, or escapes a following '"'
        bool fieldStart = true;
        auto scan = [&](const char *d, qint64 &i, qint64 n) {
            while (i < n) {
                const char c = d[i];
                if (inQuote) {
                    if (!quotePending) {
                        if (c == '"')
                            quotePending = true;
                        else if (c == '\n')
                            ++newlines;
                        ++i;
                        continue;
                    }
                    quotePending = false;
                    if (c == '"') {
                        ++i;
                        continue;
                    }
                    inQuote = false; // the pending quote closed the field; c is outside it
                }
                if (c == '\n')
                    return true;
                if (c == m_delim)
                    fieldStart = true;
                else if (c == '"') {
                    inQuote = fieldStart; // a quote mid-field is left for libcsv to refuse
                    fieldStart = false;
                } else if (c != ' ' && c != '\t')
                    fieldStart = false;
                ++i;
            }
            return false;
        };
        f = Frame{};
        f.line = m_line;
        const RecordFramer::Result r = m_framer.next(m_pos, scan, &f.bytes);
        const RecordFramer::Frame &b = f.bytes;
        if (r == RecordFramer::Result::Error)
            return FrameResult::Error;
        if (r == RecordFramer::Result::End) {
            m_pos = b.end;
            return FrameResult::End;
        }
        f.unterminated = b.atEof && inQuote && !quotePending;
        m_pos = b.atEof ? b.end : b.end + 1;
        m_line += newlines + 1;
        const bool blank = !b.oversized && (b.length == 0 || (b.length == 1 && m_in.data()[b.begin] == '\r'));
        if (!blank)
            return FrameResult::Record;
        if (b.atEof) // a last line without content: done
            return FrameResult::End;
    }
}

void CsvReader::onField(void *data, size_t len, void *self)
{
    auto *r = static_cast<CsvReader *>(self);
    if (r->m_splitFailed)
        return; // csv_fini flushes the half-parsed field after an error; it is not a value
    r->m_fieldSpans.emplace_back(r->m_fieldBytes.size(), len);
    if (len > 0)
        r->m_fieldBytes.append(static_cast<const char *>(data), len);
}

bool CsvReader::split(const char *data, qint64 len, int *badField)
{
    m_fieldBytes.clear();
    m_fieldSpans.clear();
    m_splitFailed = false;
    const size_t parsed = csv_parse(m_parser.get(), data, size_t(len), onField, nullptr, this);
    if (parsed < size_t(len)) {
        m_splitFailed = true;
        *badField = int(m_fieldSpans.size());
    }
    csv_fini(m_parser.get(), onField, nullptr, this); // also resets the parser for the next record
    return !m_splitFailed;
}

QString CsvReader::columnName(int index) const
{
    return index < m_header.size() ? m_header.at(index) : QStringLiteral("column_%1").arg(index + 1);
}

bool CsvReader::next(RawRecord &out)
{
    if (m_done)
        return false;
    Frame f;
    const FrameResult r = frame(f);
    if (r != FrameResult::Record) {
        m_done = true;
        if (r == FrameResult::Error)
            m_fatalError = m_in.error();
        m_bytesRead = m_in.bytesRead();
        return false;
    }
    m_bytesRead = m_in.bytesRead();
    out = RawRecord{};
    out.number = ++m_number;
    out.line = f.line;
    if (f.unterminated) {
        out.raw = m_framer.raw(f.bytes, f.bytes.end - f.bytes.begin);
        out.error = QStringLiteral("unterminated quoted field (the quote runs to the end of the file)");
        return true;
    }
    if (f.bytes.oversized) {
        out.raw = m_framer.raw(f.bytes, f.bytes.end - f.bytes.begin);
        out.error = m_framer.oversizedMessage();
        return true;
    }
    const char *p = m_in.data() + f.bytes.begin;
    qint64 len = f.bytes.end - f.bytes.begin;
    if (len > 0 && p[len - 1] == '\r')
        --len;
    out.raw = m_framer.raw(f.bytes, len);

    int bad = 0;
    if (!split(p, len, &bad)) {
        out.errorField = columnName(bad);
        out.error = QStringLiteral("malformed quotes in field '%1' (a quote inside an unquoted field, "
                                   "or text after a closing quote)").arg(out.errorField);
        return true;
    }
    const bool hasNul = std::memchr(p, 0, size_t(len)) != nullptr;
    const bool utf8 = simdjson::validate_utf8(p, size_t(len));
    const int count = int(m_fieldSpans.size());
    out.fields.reserve(count);
    for (int k = 0; k < count; ++k) {
        const auto [off, n] = m_fieldSpans[size_t(k)];
        const char *v = m_fieldBytes.data() + off;
        if (out.error.isEmpty() && hasNul && std::memchr(v, 0, n)) {
            out.errorField = columnName(k);
            out.error = QStringLiteral("NUL byte in field '%1'").arg(out.errorField);
        }
        if (out.error.isEmpty() && !utf8 && !simdjson::validate_utf8(v, n)) {
            out.errorField = columnName(k);
            out.error = QStringLiteral("invalid UTF-8 in field '%1'").arg(out.errorField);
        }
        out.fields.append({columnName(k), QJsonValue(QString::fromUtf8(v, qsizetype(n)))});
    }
    if (out.error.isEmpty() && count != m_header.size())
        out.error = QStringLiteral("row has %1 fields, the header has %2").arg(count).arg(m_header.size());
    return true;
}

} // namespace kms
