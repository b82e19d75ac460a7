// SPDX-License-Identifier: MIT
#include "model/SearchFilters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace kms {

bool SearchFilters::isEmpty() const
{
    return !collection && statuses.isEmpty() && priorities.isEmpty() && products.isEmpty()
           && categories.isEmpty() && tags.isEmpty() && !createdFrom.isValid() && !createdTo.isValid()
           && !updatedFrom.isValid() && !updatedTo.isValid();
}

namespace {

enum class Op { Eq, Ge, Gt, Le, Lt };

// An ISO 8601 date or date-time; no zone means UTC. *dateOnly tells the caller that the value
// names a whole day.
QDateTime parseIsoDate(const QString &text, bool *dateOnly)
{
    *dateOnly = false;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid()) {
        *dateOnly = true;
        return QDateTime(date, QTime(0, 0), QTimeZone::utc());
    }
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc());
    return dt;
}

QString unquoted(QString v)
{
    v = v.trimmed();
    if (v.size() >= 2 && ((v.front() == u'"' && v.back() == u'"') || (v.front() == u'\'' && v.back() == u'\'')))
        v = v.mid(1, v.size() - 2).trimmed();
    return v;
}

// Comma-separated alternatives, empty ones dropped.
QStringList alternatives(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString v = unquoted(part);
        if (!v.isEmpty() && !out.contains(v, Qt::CaseInsensitive))
            out << v;
    }
    return out;
}

void appendUnique(QStringList &list, const QStringList &values)
{
    for (const QString &v : values)
        if (!list.contains(v, Qt::CaseInsensitive))
            list << v;
}

} // namespace

bool SearchFilters::add(const QString &spec, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    // Name: leading letters; then the operator; then the value.
    qsizetype i = 0;
    while (i < spec.size() && spec[i].isSpace())
        ++i;
    const qsizetype nameStart = i;
    while (i < spec.size() && (spec[i].isLetter() || spec[i] == u'_'))
        ++i;
    const QString name = spec.mid(nameStart, i - nameStart).toLower();
    while (i < spec.size() && spec[i].isSpace())
        ++i;
    Op op = Op::Eq;
    if (spec.mid(i, 2) == u">=") {
        op = Op::Ge;
        i += 2;
    } else if (spec.mid(i, 2) == u"<=") {
        op = Op::Le;
        i += 2;
    } else if (i < spec.size() && spec[i] == u'>') {
        op = Op::Gt;
        ++i;
    } else if (i < spec.size() && spec[i] == u'<') {
        op = Op::Lt;
        ++i;
    } else if (i < spec.size() && (spec[i] == u'=' || spec[i] == u':')) {
        ++i;
    } else {
        return fail(QStringLiteral("filter '%1': expected name=value, name>=date or name<date").arg(spec));
    }
    const QString value = unquoted(spec.mid(i));
    if (name.isEmpty())
        return fail(QStringLiteral("filter '%1': missing filter name").arg(spec));
    if (value.isEmpty())
        return fail(QStringLiteral("filter '%1': missing value").arg(spec));

    const bool isDate = name == u"updated" || name == u"created" || name == u"updated_at" || name == u"created_at";
    if (!isDate && op != Op::Eq)
        return fail(QStringLiteral("filter '%1': only '=' applies to %2").arg(spec, name));

    if (name == u"status" || name == u"statuses") {
        appendUnique(statuses, alternatives(value));
    } else if (name == u"priority" || name == u"priorities") {
        appendUnique(priorities, alternatives(value));
    } else if (name == u"product" || name == u"products") {
        appendUnique(products, alternatives(value));
    } else if (name == u"category" || name == u"categories") {
        appendUnique(categories, alternatives(value));
    } else if (name == u"tag" || name == u"tags") {
        appendUnique(tags, alternatives(value));
    } else if (name == u"collection") {
        const auto c = collectionFromName(value);
        if (!c)
            return fail(QStringLiteral("filter '%1': unknown collection '%2' (use cases or knowledge)").arg(spec, value));
        collection = *c;
    } else if (isDate) {
        bool dateOnly = false;
        const QDateTime at = parseIsoDate(value, &dateOnly);
        if (!at.isValid())
            return fail(QStringLiteral("filter '%1': '%2' is not an ISO 8601 date (2024-01-31 or 2024-01-31T12:00:00)")
                            .arg(spec, value));
        // Bounds are inclusive instants; a date-only value stands for its whole day.
        const QDateTime dayEnd = dateOnly ? at.addDays(1).addMSecs(-1) : at;
        QDateTime &from = name.startsWith(u"updated") ? updatedFrom : createdFrom;
        QDateTime &to = name.startsWith(u"updated") ? updatedTo : createdTo;
        switch (op) {
        case Op::Eq: from = at; to = dayEnd; break;
        case Op::Ge: from = at; break;
        case Op::Gt: from = dayEnd.addMSecs(1); break;
        case Op::Le: to = dayEnd; break;
        case Op::Lt: to = at.addMSecs(-1); break;
        }
    } else {
        return fail(QStringLiteral("unknown filter '%1' (use status, priority, product, category, tag, "
                                   "collection, created or updated)")
                        .arg(name));
    }
    return true;
}

namespace {
struct ListKey {
    const char *key;
    QStringList SearchFilters::*list;
};
constexpr ListKey kListKeys[] = {{"status", &SearchFilters::statuses},     {"priority", &SearchFilters::priorities},
                                 {"product", &SearchFilters::products},    {"category", &SearchFilters::categories},
                                 {"tag", &SearchFilters::tags}};
struct DateKey {
    const char *key;
    QDateTime SearchFilters::*date;
};
constexpr DateKey kDateKeys[] = {{"created_from", &SearchFilters::createdFrom}, {"created_to", &SearchFilters::createdTo},
                                 {"updated_from", &SearchFilters::updatedFrom}, {"updated_to", &SearchFilters::updatedTo}};
} // namespace

QString filtersToJson(const SearchFilters &f)
{
    QJsonObject o;
    if (f.collection)
        o.insert(QStringLiteral("collection"), collectionName(*f.collection));
    for (const ListKey &k : kListKeys)
        if (!(f.*k.list).isEmpty())
            o.insert(QLatin1String(k.key), QJsonArray::fromStringList(f.*k.list));
    for (const DateKey &k : kDateKeys)
        if ((f.*k.date).isValid())
            o.insert(QLatin1String(k.key), (f.*k.date).toUTC().toString(Qt::ISODateWithMs));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

SearchFilters filtersFromJson(const QString &json)
{
    SearchFilters f;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    if (const auto c = collectionFromName(o.value(QStringLiteral("collection")).toString()))
        f.collection = *c;
    for (const ListKey &k : kListKeys) {
        const QJsonValue v = o.value(QLatin1String(k.key));
        QStringList values;
        if (v.isString())
            values << v.toString();
        for (const QJsonValue &item : v.toArray())
            if (item.isString() && !item.toString().trimmed().isEmpty())
                values << item.toString();
        appendUnique(f.*k.list, values);
    }
    for (const DateKey &k : kDateKeys) {
        QDateTime d = QDateTime::fromString(o.value(QLatin1String(k.key)).toString(), Qt::ISODateWithMs);
        if (d.isValid())
            f.*k.date = d.toUTC();
    }
    return f;
}
} // namespace kms
