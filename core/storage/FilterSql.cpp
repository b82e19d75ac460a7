// SPDX-License-Identifier: MIT
#include "storage/FilterSql.h"

namespace kms {

namespace {

void addIn(QStringList &parts, QVariantList &params, const QString &expression, const QStringList &values)
{
    if (values.isEmpty())
        return;
    QString sql = expression + QStringLiteral(" IN (");
    for (qsizetype i = 0; i < values.size(); ++i) {
        sql += i ? QStringLiteral(",?") : QStringLiteral("?");
        params << values[i].trimmed().toLower();
    }
    sql += u')';
    parts << sql;
}

void addRange(QStringList &parts, QVariantList &params, const char *column, const QDateTime &from,
              const QDateTime &to)
{
    if (from.isValid()) {
        parts << QStringLiteral("r.%1 >= ?").arg(QLatin1String(column));
        params << qint64(from.toMSecsSinceEpoch());
    }
    if (to.isValid()) {
        parts << QStringLiteral("r.%1 <= ?").arg(QLatin1String(column));
        params << qint64(to.toMSecsSinceEpoch());
    }
}

} // namespace

FilterSql filterSql(const SearchFilters &filters)
{
    FilterSql out;
    QStringList parts;
    if (filters.collection) {
        parts << QStringLiteral("r.collection = ?");
        out.params << qint64(int(*filters.collection));
    }
    addIn(parts, out.params, QStringLiteral("lower(r.status)"), filters.statuses);
    addIn(parts, out.params, QStringLiteral("lower(r.priority)"), filters.priorities);
    addIn(parts, out.params, QStringLiteral("lower(r.product)"), filters.products);
    addIn(parts, out.params, QStringLiteral("lower(r.category)"), filters.categories);
    if (!filters.tags.isEmpty()) {
        // Tags are stored as a JSON array of strings (NULL when none).
        QStringList in;
        addIn(in, out.params, QStringLiteral("lower(json_each.value)"), filters.tags);
        parts << QStringLiteral("(r.tags IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(r.tags) WHERE %1))")
                     .arg(in.constFirst());
    }
    addRange(parts, out.params, "created_at", filters.createdFrom, filters.createdTo);
    addRange(parts, out.params, "updated_at", filters.updatedFrom, filters.updatedTo);
    out.where = parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
    return out;
}

} // namespace kms
