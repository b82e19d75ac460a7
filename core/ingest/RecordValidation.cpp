// SPDX-License-Identifier: MIT
#include "ingest/RecordValidation.h"

#include <QRegularExpression>

namespace kms {

namespace {

qint64 utf8Length(const QString &s)
{
    // QString::toUtf8 would allocate; count instead (a 1 MiB body is checked on every save).
    qint64 n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < 0x80)
            n += 1;
        else if (c < 0x800)
            n += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < s.size() && QChar::isLowSurrogate(s.at(i + 1).unicode())) {
            n += 4;
            ++i;
        } else
            n += 3;
    }
    return n;
}

QString canonical(const QString &value, const QStringList &allowed)
{
    for (const QString &a : allowed)
        if (a.compare(value, Qt::CaseInsensitive) == 0)
            return a;
    return value;
}

FieldProblem problem(Field f, FieldProblem::Kind kind, qint64 size = 0, qint64 limit = 0)
{
    FieldProblem p;
    p.field = f;
    p.kind = kind;
    p.size = size;
    p.limit = limit;
    return p;
}

void mergeInto(QStringList &list, const QStringList &more)
{
    for (const QString &v : more) {
        const QString t = v.trimmed();
        if (!t.isEmpty() && !list.contains(t, Qt::CaseInsensitive))
            list << t;
    }
}

} // namespace

AllowedValues AllowedValues::standard(Collection c)
{
    AllowedValues a;
    if (c == Collection::Cases) {
        a.statuses = {QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("pending"),
                      QStringLiteral("resolved"), QStringLiteral("closed")};
        a.priorities = {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                        QStringLiteral("critical")};
    } else {
        a.statuses = {QStringLiteral("draft"), QStringLiteral("published"), QStringLiteral("archived")};
    }
    return a;
}

void AllowedValues::merge(const QStringList &moreStatuses, const QStringList &morePriorities)
{
    mergeInto(statuses, moreStatuses);
    mergeInto(priorities, morePriorities);
}

QString FieldProblem::message() const
{
    QString reason;
    switch (kind) {
    case Kind::Required: reason = QStringLiteral("required field is missing or empty"); break;
    case Kind::TooLong: reason = QStringLiteral("is %1 bytes, over the %2-byte limit").arg(size).arg(limit); break;
    case Kind::TooManyTags: reason = QStringLiteral("has %1 tags, over the %2-tag limit").arg(size).arg(limit); break;
    case Kind::TagTooLong:
        reason = QStringLiteral("a tag is %1 bytes, over the %2-byte limit").arg(size).arg(limit);
        break;
    case Kind::Duplicate: reason = QStringLiteral("'%1' is already used by another record").arg(value); break;
    case Kind::NotFound: reason = QStringLiteral("the record does not exist (deleted meanwhile?)"); break;
    }
    return QStringLiteral("%1: %2").arg(fieldName(field), reason);
}

Record normaliseRecord(Record r, const AllowedValues &allowed)
{
    for (QString *s : {&r.externalId, &r.title, &r.body, &r.resolution, &r.status, &r.priority, &r.product,
                       &r.category})
        *s = s->trimmed();
    r.status = canonical(r.status, allowed.statuses);
    r.priority = canonical(r.priority, allowed.priorities);
    // The separators an import splits tags on (FieldMapping): a tag holding one would not survive
    // an export and re-import as one tag.
    QStringList tags;
    for (const QString &tag : std::as_const(r.tags)) {
        for (const QString &part : tag.split(QRegularExpression(QStringLiteral("[,;|]")))) {
            const QString t = part.trimmed();
            if (!t.isEmpty() && !tags.contains(t))
                tags << t;
        }
    }
    r.tags = tags;
    applyInputRules(&r, allowed);
    return r;
}

InputAdjustments applyInputRules(Record *r, const AllowedValues &allowed)
{
    InputAdjustments a;
    if (r->title.trimmed().isEmpty() && !r->body.trimmed().isEmpty()) {
        r->title = titleFromBody(r->body);
        a.titleDerived = !r->title.isEmpty();
    }
    a.statusUnlisted = !r->status.isEmpty() && !allowed.statuses.contains(r->status, Qt::CaseInsensitive);
    a.priorityUnlisted = !r->priority.isEmpty() && !allowed.priorities.contains(r->priority, Qt::CaseInsensitive);
    return a;
}

QList<FieldProblem> validateRecord(const Record &r, const ValidationLimits &limits)
{
    QList<FieldProblem> problems;
    auto text = [&](Field f, const QString &value, bool required) {
        if (value.isEmpty()) {
            if (required)
                problems.append(problem(f, FieldProblem::Kind::Required));
            return;
        }
        const qint64 max = (f == Field::Title || f == Field::ExternalId) ? limits.maxTitleBytes : limits.maxFieldBytes;
        const qint64 size = utf8Length(value);
        if (size > max)
            problems.append(problem(f, FieldProblem::Kind::TooLong, size, max));
    };
    text(Field::ExternalId, r.externalId, true);
    text(Field::Title, r.title, true);
    text(Field::Body, r.body, false);
    text(Field::Resolution, r.resolution, false);
    text(Field::Status, r.status, false);
    text(Field::Priority, r.priority, false);
    text(Field::Product, r.product, false);
    text(Field::Category, r.category, false);
    if (r.tags.size() > limits.maxTags) {
        problems.append(problem(Field::Tags, FieldProblem::Kind::TooManyTags, r.tags.size(), limits.maxTags));
    } else {
        for (const QString &tag : r.tags) {
            const qint64 size = utf8Length(tag);
            if (size > limits.maxTitleBytes) {
                problems.append(problem(Field::Tags, FieldProblem::Kind::TagTooLong, size, limits.maxTitleBytes));
                break;
            }
        }
    }
    return problems;
}

} // namespace kms
