// SPDX-License-Identifier: MIT
#include "synth/CorpusWriter.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace kms {

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;

// UTF-16 -> UTF-8, optionally with JSON string escaping. Lone surrogates become U+FFFD.
// Writes straight into the buffer (grown once per call) because this is the per-record hot path.
void appendUtf8(QByteArray &out, QStringView s, bool jsonEscape)
{
    const qsizetype old = out.size();
    out.resize(old + s.size() * 6);
    char *d = out.data() + old;
    const char16_t *p = s.utf16();
    const qsizetype n = s.size();
    static constexpr char hex[] = "0123456789abcdef";
    for (qsizetype i = 0; i < n; ++i) {
        // Fast path: runs of printable ASCII that need no escaping (most of the text).
        while (i < n && p[i] >= 0x20 && p[i] < 0x80 && p[i] != u'"' && p[i] != u'\\')
            *d++ = char(p[i++]);
        if (i == n)
            break;
        const char16_t c = p[i];
        if (c < 0x80) {
            if (jsonEscape && (c == u'"' || c == u'\\')) {
                *d++ = '\\';
                *d++ = char(c);
            } else if (jsonEscape && c < 0x20) {
                *d++ = '\\';
                switch (c) {
                case u'\n': *d++ = 'n'; break;
                case u'\r': *d++ = 'r'; break;
                case u'\t': *d++ = 't'; break;
                case u'\b': *d++ = 'b'; break;
                case u'\f': *d++ = 'f'; break;
                default:
                    *d++ = 'u'; *d++ = '0'; *d++ = '0';
                    *d++ = hex[c >> 4]; *d++ = hex[c & 0xf];
                }
            } else {
                *d++ = char(c);
            }
        } else if (c < 0x800) {
            *d++ = char(0xc0 | (c >> 6));
            *d++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(p[i + 1])) {
            const char32_t cp = QChar::surrogateToUcs4(c, p[i + 1]);
            ++i;
            *d++ = char(0xf0 | (cp >> 18));
            *d++ = char(0x80 | ((cp >> 12) & 0x3f));
            *d++ = char(0x80 | ((cp >> 6) & 0x3f));
            *d++ = char(0x80 | (cp & 0x3f));
        } else {
            const char16_t u = QChar::isSurrogate(c) ? char16_t(0xfffd) : c;
            *d++ = char(0xe0 | (u >> 12));
            *d++ = char(0x80 | ((u >> 6) & 0x3f));
            *d++ = char(0x80 | (u & 0x3f));
        }
    }
    out.resize(d - out.data());
}

void appendJsonString(QByteArray &out, QStringView s)
{
    out += '"';
    appendUtf8(out, s, true);
    out += '"';
}

// "2023-05-04T12:34:56Z" (".123" when the time has milliseconds); empty for an invalid time.
void appendIsoUtc(QByteArray &out, const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    qint64 secs = ms / 1000;
    qint64 millis = ms % 1000;
    if (millis < 0) {
        millis += 1000;
        --secs;
    }
    qint64 days = secs / 86400;
    qint64 rem = secs % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    // Civil date from days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's algorithm.
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buf[40];
    int len = 0;
    auto put = [&](qint64 v, int width) {
        for (int k = width - 1; k >= 0; --k) {
            buf[len + k] = char('0' + v % 10);
            v /= 10;
        }
        len += width;
    };
    put(year, 4);
    buf[len++] = '-';
    put(month, 2);
    buf[len++] = '-';
    put(day, 2);
    buf[len++] = 'T';
    put(rem / 3600, 2);
    buf[len++] = ':';
    put(rem / 60 % 60, 2);
    buf[len++] = ':';
    put(rem % 60, 2);
    if (millis) {
        buf[len++] = '.';
        put(millis, 3);
    }
    buf[len++] = 'Z';
    out.append(buf, len);
}

// Extra values: numbers without a needless ".0", nested values as compact JSON.
void appendJsonValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: appendJsonString(out, v.toString()); break;
    case QJsonValue::Bool: out += v.toBool() ? "true" : "false"; break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
            out += QByteArray::number(v.toInteger());
        else if (std::isfinite(d))
            out += QByteArray::number(d, 'g', 17);
        else
            out += "null";
        break;
    }
    case QJsonValue::Array: out += QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact); break;
    case QJsonValue::Object: out += QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact); break;
    default: out += "null"; break;
    }
}

void appendCsvField(QByteArray &out, QStringView s)
{
    bool quote = false;
    for (const char16_t *p = s.utf16(), *end = p + s.size(); p != end && !quote; ++p)
        quote = *p == u',' || *p == u'"' || *p == u'\n' || *p == u'\r';
    if (!quote) {
        appendUtf8(out, s, false);
        return;
    }
    out += '"';
    qsizetype from = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'"') {
            appendUtf8(out, s.mid(from, i + 1 - from), false);
            out += '"';
            from = i + 1;
        }
    }
    appendUtf8(out, s.mid(from), false);
    out += '"';
}

QString csvText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Undefined:
    case QJsonValue::Null: return QString();
    default: {
        QByteArray b;
        appendJsonValue(b, v);
        return QString::fromUtf8(b);
    }
    }
}

// One shared text column ("body") and "record_type": a mixed file then maps with one header, and
// the readers route each record by its type.
const char *const kCsvColumns[] = {"id", "record_type", "title", "body", "resolution", "status",
                                   "priority", "product", "category", "tags", "created_at", "updated_at"};

} // namespace

std::optional<CorpusFormat> corpusFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"jsonl" || suffix == u"ndjson")
        return CorpusFormat::JsonLines;
    if (suffix == u"json")
        return CorpusFormat::JsonArray;
    if (suffix == u"csv")
        return CorpusFormat::Csv;
    return std::nullopt;
}

CorpusWriter::CorpusWriter() : m_extraColumns(Generator::extraFieldNames()) {}

CorpusWriter::~CorpusWriter()
{
    if (m_open)
        discard();
}

bool CorpusWriter::fail(const QString &message, QString *error)
{
    if (error)
        *error = message;
    discard();
    return false;
}

void CorpusWriter::discard()
{
    const bool regular = QFileInfo(m_path).isFile();
    m_file.close();
    if (m_open && regular)
        QFile::remove(m_path);
    m_open = false;
    m_buffer.clear();
}

bool CorpusWriter::open(const QString &path, QString *error)
{
    const auto format = corpusFormatForPath(path);
    if (!format) {
        if (error)
            *error = QStringLiteral("cannot tell the format of %1: use a .jsonl, .json or .csv file name").arg(path);
        return false;
    }
    return open(path, *format, error);
}

bool CorpusWriter::open(const QString &path, CorpusFormat format, QString *error)
{
    if (m_open)
        discard();
    m_path = path;
    m_format = format;
    m_records = 0;
    m_bytes = 0;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_open = true;
    m_buffer.clear();
    m_buffer.reserve(kFlushBytes + 64 * 1024);
    if (m_format == CorpusFormat::JsonArray) {
        m_buffer += "[\n";
    } else if (m_format == CorpusFormat::Csv) {
        bool first = true;
        for (const char *c : kCsvColumns) {
            if (!first)
                m_buffer += ',';
            m_buffer += c;
            first = false;
        }
        for (const QString &c : std::as_const(m_extraColumns)) {
            m_buffer += ',';
            appendCsvField(m_buffer, c);
        }
        m_buffer += "\r\n";
    }
    return true;
}

bool CorpusWriter::write(const Record &record, QString *error)
{
    if (!m_open) {
        if (error)
            *error = QStringLiteral("cannot write %1: the file is not open").arg(m_path);
        return false;
    }
    if (m_format == CorpusFormat::Csv) {
        if (!appendCsv(record, error))
            return false;
    } else {
        if (m_format == CorpusFormat::JsonArray && m_records > 0)
            m_buffer += ",\n";
        appendJson(record);
        if (m_format == CorpusFormat::JsonLines)
            m_buffer += '\n';
    }
    ++m_records;
    return m_buffer.size() < kFlushBytes || flush(error);
}

bool CorpusWriter::finish(QString *error)
{
    if (!m_open) {
        if (error)
            *error = QStringLiteral("cannot write %1: the file is not open").arg(m_path);
        return false;
    }
    if (m_format == CorpusFormat::JsonArray)
        m_buffer += m_records > 0 ? "\n]\n" : "]\n";
    if (!flush(error))
        return false;
    m_file.close();
    m_open = false;
    return true;
}

bool CorpusWriter::flush(QString *error)
{
    if (m_buffer.isEmpty())
        return true;
    const qint64 written = m_file.write(m_buffer);
    if (written != m_buffer.size()) {
        const QString reason = written < 0 ? m_file.errorString() : QStringLiteral("short write");
        return fail(QStringLiteral("cannot write %1: %2").arg(m_path, reason), error);
    }
    m_bytes += written;
    m_buffer.resize(0); // keeps the capacity
    return true;
}

void CorpusWriter::appendJson(const Record &r)
{
    const bool isCase = r.collection == Collection::Cases;
    QByteArray &b = m_buffer;
    b += "{\"id\":";
    appendJsonString(b, r.externalId);
    b += isCase ? ",\"record_type\":\"case\",\"title\":" : ",\"record_type\":\"article\",\"title\":";
    appendJsonString(b, r.title);
    b += ",\"body\":";
    appendJsonString(b, r.body);
    auto optional = [&b](const char *key, const QString &value) {
        if (value.isEmpty())
            return;
        b += key;
        appendJsonString(b, value);
    };
    optional(",\"resolution\":", r.resolution);
    optional(",\"status\":", r.status);
    optional(",\"priority\":", r.priority);
    optional(",\"product\":", r.product);
    optional(",\"category\":", r.category);
    b += ",\"tags\":[";
    for (qsizetype i = 0; i < r.tags.size(); ++i) {
        if (i > 0)
            b += ',';
        appendJsonString(b, r.tags[i]);
    }
    b += ']';
    if (r.createdAt.isValid()) {
        b += ",\"created_at\":\"";
        appendIsoUtc(b, r.createdAt);
        b += '"';
    }
    if (r.updatedAt.isValid()) {
        b += ",\"updated_at\":\"";
        appendIsoUtc(b, r.updatedAt);
        b += '"';
    }
    for (auto it = r.extra.constBegin(); it != r.extra.constEnd(); ++it) {
        b += ',';
        appendJsonString(b, it.key());
        b += ':';
        appendJsonValue(b, it.value());
    }
    b += '}';
}

bool CorpusWriter::appendCsv(const Record &r, QString *error)
{
    qsizetype matched = 0;
    for (const QString &c : std::as_const(m_extraColumns)) {
        if (r.extra.contains(c))
            ++matched;
    }
    if (matched != r.extra.size()) {
        for (auto it = r.extra.constBegin(); it != r.extra.constEnd(); ++it) {
            if (!m_extraColumns.contains(it.key()))
                return fail(QStringLiteral("cannot write %1: record %2 has extra field \"%3\" with no CSV column")
                                .arg(m_path, r.externalId, it.key()),
                            error);
        }
    }
    const bool isCase = r.collection == Collection::Cases;
    QByteArray &b = m_buffer;
    appendCsvField(b, r.externalId);
    b += isCase ? ",case," : ",article,";
    appendCsvField(b, r.title);
    b += ',';
    appendCsvField(b, r.body);
    for (const QString *s : {&r.resolution, &r.status, &r.priority, &r.product, &r.category}) {
        b += ',';
        appendCsvField(b, *s);
    }
    b += ',';
    appendCsvField(b, r.tags.join(u';'));
    b += ',';
    if (r.createdAt.isValid())
        appendIsoUtc(b, r.createdAt);
    b += ',';
    if (r.updatedAt.isValid())
        appendIsoUtc(b, r.updatedAt);
    for (const QString &c : std::as_const(m_extraColumns)) {
        b += ',';
        const auto it = r.extra.constFind(c);
        if (it != r.extra.constEnd())
            appendCsvField(b, csvText(it.value()));
    }
    b += "\r\n";
    return true;
}

} // namespace kms
