// SPDX-License-Identifier: MIT
#include "readers/JsonRecordParser.h"

#include "readers/InputStream.h"

#include <QJsonArray>
#include <QJsonObject>

#include <simdjson.h>

#include <algorithm>
#include <limits>

namespace kms {

static_assert(simdjson::SIMDJSON_PADDING <= InputStream::Padding, "the input window must pad for simdjson");

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

QString typeName(element_type t)
{
    switch (t) {
    case element_type::ARRAY: return QStringLiteral("array");
    case element_type::OBJECT: return QStringLiteral("object");
    case element_type::STRING: return QStringLiteral("string");
    case element_type::BOOL: return QStringLiteral("boolean");
    case element_type::NULL_VALUE: return QStringLiteral("null");
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return QStringLiteral("number");
    }
    return QStringLiteral("value");
}

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// depth: the nesting level `e` sits at if it is a container (the record object is level 1).
bool convert(element e, int depth, int maxDepth, QJsonValue &out)
{
    switch (e.type()) {
    case element_type::OBJECT: {
        if (depth > maxDepth)
            return false;
        simdjson::dom::object source;
        if (e.get_object().get(source))
            return false;
        QJsonObject obj;
        for (auto field : source) {
            QJsonValue v;
            if (!convert(field.value, depth + 1, maxDepth, v))
                return false;
            obj.insert(toQString(field.key), v);
        }
        out = obj;
        return true;
    }
    case element_type::ARRAY: {
        if (depth > maxDepth)
            return false;
        simdjson::dom::array source;
        if (e.get_array().get(source))
            return false;
        QJsonArray arr;
        for (element child : source) {
            QJsonValue v;
            if (!convert(child, depth + 1, maxDepth, v))
                return false;
            arr.append(v);
        }
        out = arr;
        return true;
    }
    case element_type::STRING: {
        std::string_view s;
        if (e.get_string().get(s))
            return false;
        out = toQString(s);
        return true;
    }
    case element_type::INT64: {
        int64_t i = 0;
        if (e.get_int64().get(i))
            return false;
        out = QJsonValue(qint64(i));
        return true;
    }
    case element_type::UINT64: {
        uint64_t u = 0;
        if (e.get_uint64().get(u))
            return false;
        out = u <= uint64_t(std::numeric_limits<qint64>::max()) ? QJsonValue(qint64(u)) : QJsonValue(double(u));
        return true;
    }
    case element_type::DOUBLE: {
        double v = 0;
        if (e.get_double().get(v))
            return false;
        out = v;
        return true;
    }
    case element_type::BOOL: {
        bool b = false;
        if (e.get_bool().get(b))
            return false;
        out = b;
        return true;
    }
    case element_type::NULL_VALUE:
        out = QJsonValue(QJsonValue::Null);
        return true;
    }
    return false;
}

} // namespace

struct JsonRecordParser::Impl {
    simdjson::dom::parser parser;
};

JsonRecordParser::JsonRecordParser(int maxDepth)
    : d(std::make_unique<Impl>())
    , m_maxDepth(std::clamp(maxDepth, 1, 1000)) // recursion is bounded by this; simdjson stops at 1024
{
}

JsonRecordParser::~JsonRecordParser() = default;

QString JsonRecordParser::depthError() const
{
    return QStringLiteral("nesting deeper than %1 levels").arg(m_maxDepth);
}

void JsonRecordParser::parse(const char *data, qint64 len, RawRecord &out)
{
    element doc;
    const auto err = d->parser.parse(reinterpret_cast<const uint8_t *>(data), size_t(len), false).get(doc);
    if (err) {
        if (err == simdjson::DEPTH_ERROR)
            out.error = depthError();
        else if (err == simdjson::UTF8_ERROR)
            out.error = QStringLiteral("invalid UTF-8");
        else
            out.error = QStringLiteral("invalid JSON: %1").arg(QString::fromUtf8(simdjson::error_message(err)));
        return;
    }
    if (doc.type() != element_type::OBJECT) {
        out.error = QStringLiteral("expected a JSON object, got %1").arg(typeName(doc.type()));
        return;
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) {
        out.error = QStringLiteral("expected a JSON object");
        return;
    }
    out.fields.reserve(qsizetype(obj.size()));
    for (auto field : obj) {
        QJsonValue v;
        if (!convert(field.value, 2, m_maxDepth, v)) {
            out.fields.clear();
            out.errorField = toQString(field.key);
            out.error = depthError();
            return;
        }
        out.fields.append({toQString(field.key), v});
    }
}

} // namespace kms
