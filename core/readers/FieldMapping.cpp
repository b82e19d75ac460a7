// SPDX-License-Identifier: MIT
#include "readers/FieldMapping.h"

#include <QJsonArray>
#include <QSet>

#include <array>
#include <cmath>
#include <vector>
#include <limits>

namespace kms {

namespace {

constexpr int FieldCount = int(Field::Kind) + 1;

// Header names compared on letters and digits only, lower case: "Short Description",
// "short_description" and "short-description" are one name.
QString normalized(QStringView column)
{
    QString out;
    out.reserve(column.size());
    for (QChar c : column)
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    return out;
}

// Candidates per field, best first (normalised spellings), in Field order.
const std::vector<const char *> &candidates(Field f, Collection collection)
{
    static const std::array<std::vector<const char *>, FieldCount> table = {{
        {"id", "caseid", "casenumber", "ticketid", "ticketnumber", "ticket", "number", "articleid",
         "articlenumber", "kbid", "kbnumber", "issuekey", "key", "issueid", "externalid", "docid",
         "documentid", "sysid"},
        {"title", "subject", "summary", "shortdescription", "name", "headline"},
        {"description", "body", "text", "content", "details", "problem", "problemdescription", "articlebody"},
        {"resolution", "solution", "closenotes", "resolutionnotes", "fix", "answer"},
        {"status", "state"},
        {"priority", "severity", "urgency"},
        {"product", "component", "components", "application", "service"},
        {"category", "section", "topic"},
        {"tags", "labels", "keywords", "tag", "label"},
        {"createdat", "created", "openedat", "creationdate", "datecreated", "syscreatedon", "createdon",
         "createddate"},
        {"updatedat", "updated", "modified", "lastmodified", "sysupdatedon", "updatedon", "updateddate",
         "modifiedat", "lastupdated"},
        // Not a bare "type": Zendesk and Jira use it for incident/question/bug, which is no kind.
        {"recordtype", "kind", "collection"},
    }};
    // A knowledge export often has both a short "description" and the article text itself.
    static const std::vector<const char *> knowledgeBody = {
        "body", "articlebody", "text", "content", "articletext", "description", "details", "problem"};
    if (f == Field::Body && collection == Collection::Knowledge)
        return knowledgeBody;
    return table[size_t(f)];
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

qint64 utf8Length(const QString &s)
{
    qint64 n = 0;
    const QChar *p = s.constData();
    const qsizetype size = s.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = p[i].unicode();
        if (c < 0x80)
            n += 1;
        else if (c < 0x800)
            n += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(p[i + 1].unicode())) {
            n += 4;
            ++i;
        } else
            n += 3;
    }
    return n;
}

QString numberText(const QJsonValue &v)
{
    constexpr qint64 NotWhole = std::numeric_limits<qint64>::min();
    const qint64 i = v.toInteger(NotWhole);
    if (i != NotWhole)
        return QString::number(i);
    return QString::number(v.toDouble(), 'g', 17);
}

// Ids and text: strings trimmed; numbers and booleans spelled out; null or absent is empty.
std::optional<QString> toText(const QJsonValue &v, QString *text)
{
    switch (v.type()) {
    case QJsonValue::String: *text = v.toString().trimmed(); return std::nullopt;
    case QJsonValue::Double: *text = numberText(v); return std::nullopt;
    case QJsonValue::Bool: *text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false"); return std::nullopt;
    case QJsonValue::Null:
    case QJsonValue::Undefined: text->clear(); return std::nullopt;
    case QJsonValue::Array:
    case QJsonValue::Object: break;
    }
    return QStringLiteral("expected a string, got %1").arg(typeName(v));
}

QDateTime fromUnix(double seconds)
{
    // Values past 1e12 can only be milliseconds (1e12 seconds is the year 33658).
    const qint64 ms = std::abs(seconds) > 1e12 ? qint64(seconds) : qint64(seconds * 1000.0);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

bool isNumber(const QString &s)
{
    bool ok = false;
    s.toDouble(&ok);
    return ok && !s.isEmpty() && (s.front().isDigit() || s.front() == u'-');
}

std::optional<QString> toDate(const QJsonValue &v, QDateTime *out)
{
    *out = QDateTime();
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    if (v.isDouble()) {
        *out = fromUnix(v.toDouble());
        return std::nullopt;
    }
    if (!v.isString())
        return QStringLiteral("expected a date, got %1").arg(typeName(v));
    const QString s = v.toString().trimmed();
    if (s.isEmpty())
        return std::nullopt;
    if (isNumber(s)) {
        *out = fromUnix(s.toDouble());
        return std::nullopt;
    }
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid() && s.size() > 10 && s.at(10) == u' ') { // "2024-05-01 10:00:00" (ServiceNow)
        QString t = s;
        t[10] = u'T';
        dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    }
    if (!dt.isValid()) {
        const QString shown = s.size() > 60 ? s.left(60) + QStringLiteral("...") : s;
        return QStringLiteral("not a date: '%1' (use ISO 8601 or Unix seconds)").arg(shown);
    }
    if (dt.timeSpec() == Qt::LocalTime) // no zone given: exports are read as UTC, not as this machine's zone
        dt.setTimeSpec(Qt::UTC);
    *out = dt.toUTC();
    return std::nullopt;
}

std::optional<QString> toTags(const QJsonValue &v, const ValidationLimits &limits, QStringList *tags)
{
    tags->clear();
    auto add = [&](QStringView t) -> std::optional<QString> {
        t = t.trimmed();
        if (t.isEmpty())
            return std::nullopt;
        const QString tag = t.toString();
        if (utf8Length(tag) > limits.maxTitleBytes)
            return QStringLiteral("a tag is %1 bytes, over the %2-byte limit").arg(utf8Length(tag)).arg(limits.maxTitleBytes);
        if (!tags->contains(tag))
            tags->append(tag);
        return std::nullopt;
    };
    const QString expected = QStringLiteral("expected a string or an array of strings, got %1");
    if (v.isString()) {
        const QString s = v.toString();
        qsizetype from = 0;
        for (qsizetype i = 0; i <= s.size(); ++i) {
            if (i == s.size() || s.at(i) == u',' || s.at(i) == u';' || s.at(i) == u'|') {
                if (auto problem = add(QStringView(s).mid(from, i - from)))
                    return problem;
                from = i + 1;
            }
        }
    } else if (v.isArray()) {
        const QJsonArray arr = v.toArray();
        for (const QJsonValue &item : arr) {
            if (!item.isString())
                return expected.arg(QStringLiteral("an array containing a %1").arg(typeName(item)));
            if (auto problem = add(item.toString()))
                return problem;
        }
    } else if (!v.isNull() && !v.isUndefined()) {
        return expected.arg(typeName(v));
    }
    if (tags->size() > limits.maxTags)
        return QStringLiteral("has %1 tags, over the %2-tag limit").arg(tags->size()).arg(limits.maxTags);
    return std::nullopt;
}

} // namespace

QString fieldName(Field f)
{
    switch (f) {
    case Field::ExternalId: return QStringLiteral("external_id");
    case Field::Title: return QStringLiteral("title");
    case Field::Body: return QStringLiteral("body");
    case Field::Resolution: return QStringLiteral("resolution");
    case Field::Status: return QStringLiteral("status");
    case Field::Priority: return QStringLiteral("priority");
    case Field::Product: return QStringLiteral("product");
    case Field::Category: return QStringLiteral("category");
    case Field::Tags: return QStringLiteral("tags");
    case Field::CreatedAt: return QStringLiteral("created_at");
    case Field::UpdatedAt: return QStringLiteral("updated_at");
    case Field::Kind: return QStringLiteral("kind");
    }
    return {};
}

std::optional<Field> fieldFromName(QStringView n)
{
    const QString name = n.trimmed().toString().toLower();
    for (int i = 0; i < FieldCount; ++i)
        if (name == fieldName(Field(i)))
            return Field(i);
    if (name == u"id")
        return Field::ExternalId;
    if (name == u"description")
        return Field::Body;
    return std::nullopt;
}

FieldMapping FieldMapping::detect(const QStringList &columns, Collection collection)
{
    QStringList keys;
    keys.reserve(columns.size());
    for (const QString &c : columns)
        keys.append(normalized(c));
    QSet<int> used;
    FieldMapping m;
    m.m_collection = collection;
    for (int f = 0; f < FieldCount; ++f) {
        for (const char *candidate : candidates(Field(f), collection)) {
            const QLatin1String want(candidate);
            int found = -1;
            for (int i = 0; i < keys.size() && found < 0; ++i)
                if (!used.contains(i) && keys.at(i) == want)
                    found = i;
            if (found >= 0) {
                used.insert(found);
                m.set(Field(f), columns.at(found));
                break;
            }
        }
    }
    m.rebuildLookups();
    return m;
}

Collection FieldMapping::guessCollection(const QStringList &columns)
{
    static const QSet<QString> caseOnly = {
        QStringLiteral("priority"), QStringLiteral("severity"), QStringLiteral("urgency"),
        QStringLiteral("resolution"), QStringLiteral("solution"), QStringLiteral("closenotes"),
        QStringLiteral("caseid"), QStringLiteral("casenumber"), QStringLiteral("ticketid"),
        QStringLiteral("ticket"), QStringLiteral("ticketnumber"), QStringLiteral("openedat"),
        QStringLiteral("product"), QStringLiteral("component"), QStringLiteral("issuekey")};
    static const QSet<QString> knowledge = {
        QStringLiteral("category"), QStringLiteral("section"), QStringLiteral("topic"),
        QStringLiteral("body"), QStringLiteral("text"), QStringLiteral("content"),
        QStringLiteral("articlebody"), QStringLiteral("articleid"), QStringLiteral("kbid"),
        QStringLiteral("kbnumber")};
    bool hasKnowledge = false;
    for (const QString &c : columns) {
        const QString k = normalized(c);
        if (caseOnly.contains(k))
            return Collection::Cases;
        hasKnowledge = hasKnowledge || knowledge.contains(k);
    }
    // Articles have a status too (published, draft), so status alone decides nothing.
    return hasKnowledge ? Collection::Knowledge : Collection::Cases;
}

bool FieldMapping::set(const QString &spec, QString *error)
{
    const qsizetype eq = spec.indexOf(u'=');
    if (eq < 0) {
        if (error)
            *error = QStringLiteral("missing '=' in --map '%1' (use field=column, e.g. title=Subject)").arg(spec);
        return false;
    }
    const QString name = spec.left(eq).trimmed();
    const auto f = fieldFromName(name);
    if (!f) {
        if (error) {
            QStringList names;
            for (int i = 0; i < FieldCount; ++i)
                names.append(fieldName(Field(i)));
            *error = QStringLiteral("unknown field '%1' in --map %2; fields are %3")
                         .arg(name, spec, names.join(QStringLiteral(", ")));
        }
        return false;
    }
    set(*f, spec.mid(eq + 1).trimmed());
    return true;
}

void FieldMapping::set(Field f, const QString &column)
{
    // An empty column unmaps the field ("--map kind=" turns a detected column back into extra).
    if (column.isEmpty()) {
        m_columns.remove(f);
        m_disabled.insert(f);
    } else {
        m_columns.insert(f, column);
        m_disabled.remove(f);
    }
    rebuildLookups();
}

void FieldMapping::rebuildLookups()
{
    m_fieldsByColumn.clear();
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it)
        m_fieldsByColumn[it.value()] |= 1u << int(it.key());
    m_lateColumns.clear();
    QSet<QString> mapped;
    for (const QString &c : std::as_const(m_columns))
        mapped.insert(normalized(c));
    for (int f = 0; f < FieldCount; ++f) {
        if (m_columns.contains(Field(f)) || m_disabled.contains(Field(f)))
            continue;
        for (const char *candidate : candidates(Field(f), m_collection)) {
            const QString name = QString::fromLatin1(candidate);
            if (!mapped.contains(name) && !m_lateColumns.contains(name))
                m_lateColumns.insert(name, f);
        }
    }
}

QString FieldMapping::describe() const
{
    QStringList parts;
    for (int i = 0; i < FieldCount; ++i) {
        const auto it = m_columns.constFind(Field(i));
        if (it != m_columns.cend())
            parts.append(fieldName(Field(i)) + QLatin1Char('=') + it.value());
    }
    return parts.isEmpty() ? QStringLiteral("(no columns mapped)") : parts.join(QStringLiteral(", "));
}

std::optional<RecordProblem> FieldMapping::apply(const RawRecord &raw, Collection collection, Record *out,
                                                 const ValidationLimits &limits) const
{
    if (!raw.error.isEmpty())
        return RecordProblem{raw.errorField, raw.error};
    *out = Record{};
    out->collection = collection;

    std::array<QJsonValue, FieldCount> values; // Undefined: the source has no such column
    values.fill(QJsonValue(QJsonValue::Undefined));
    for (const auto &[column, value] : raw.fields) {
        const auto it = m_fieldsByColumn.constFind(column);
        if (it == m_fieldsByColumn.cend()) {
            if (!m_lateColumns.isEmpty()) {
                // One buffer per thread: this runs for every unmapped column of every record.
                thread_local QString key;
                key.clear();
                for (QChar c : column)
                    if (c.isLetterOrNumber())
                        key.append(c.toLower());
                const auto late = m_lateColumns.constFind(key);
                if (late != m_lateColumns.cend()) {
                    if (values[size_t(*late)].isUndefined())
                        values[size_t(*late)] = value;
                    continue;
                }
            }
            out->extra.insert(column, value);
            continue;
        }
        for (int f = 0; f < FieldCount; ++f)
            if ((it.value() & (1u << f)) && values[size_t(f)].isUndefined())
                values[size_t(f)] = value;
    }

    auto problem = [](Field f, const QString &reason) { return RecordProblem{fieldName(f), reason}; };
    QString *const texts[] = {&out->externalId, &out->title, &out->body, &out->resolution, &out->status,
                              &out->priority, &out->product, &out->category};
    for (int i = 0; i <= int(Field::Category); ++i) {
        const Field f = Field(i);
        if (auto reason = toText(values[size_t(i)], texts[i]))
            return problem(f, *reason);
        const qint64 max = (f == Field::Title || f == Field::ExternalId) ? limits.maxTitleBytes : limits.maxFieldBytes;
        const qint64 size = utf8Length(*texts[i]);
        if (size > max)
            return problem(f, QStringLiteral("is %1 bytes, over the %2-byte limit").arg(size).arg(max));
        if (f == Field::ExternalId && out->externalId.isEmpty())
            return problem(f, QStringLiteral("required field is missing or empty"));
    }
    if (auto reason = toTags(values[size_t(Field::Tags)], limits, &out->tags))
        return problem(Field::Tags, *reason);
    if (auto reason = toDate(values[size_t(Field::CreatedAt)], &out->createdAt))
        return problem(Field::CreatedAt, *reason);
    if (auto reason = toDate(values[size_t(Field::UpdatedAt)], &out->updatedAt))
        return problem(Field::UpdatedAt, *reason);

    QString kind;
    if (auto reason = toText(values[size_t(Field::Kind)], &kind))
        return problem(Field::Kind, *reason);
    if (!kind.isEmpty()) {
        const auto c = collectionFromName(kind);
        if (!c)
            return problem(Field::Kind, QStringLiteral("unknown record type '%1' (use case or article)").arg(kind));
        out->collection = *c;
    }
    if (out->title.isEmpty() && out->body.isEmpty())
        return problem(Field::Title, QStringLiteral("a title or a body is required"));
    return std::nullopt;
}

} // namespace kms
