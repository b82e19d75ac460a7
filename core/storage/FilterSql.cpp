// SPDX-License-Identifier: MIT
#include "storage/FilterSql.h"
#include "storage/StoreSql.h"

#include <algorithm>

namespace kms {

namespace {

// kms_fold(text): the same case folding as foldValue() below, for the column side of a filter.
// SQLite's lower() folds ASCII only, so "Ärzte" stayed "Ärzte" while the value asked for was
// folded to "ärzte": a filter on any non-ASCII value matched nothing, not even its own spelling.
void foldFunction(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return; // NULL in, NULL out
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    if (!text) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    const int size = sqlite3_value_bytes(argv[0]);
    const auto *begin = reinterpret_cast<const unsigned char *>(text);
    if (std::any_of(begin, begin + size, [](unsigned char c) { return c >= 0x80; })) {
        const QByteArray utf8 = QString::fromUtf8(text, size).toCaseFolded().toUtf8();
        sqlite3_result_text(ctx, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return;
    }
    // Most values are ASCII: folded byte by byte into SQLite's own buffer, no UTF-16 round trip.
    auto *folded = static_cast<char *>(sqlite3_malloc(size + 1));
    if (!folded) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    std::transform(text, text + size, folded,
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; });
    sqlite3_result_text(ctx, folded, size, sqlite3_free);
}

QString foldValue(const QString &value)
{
    return value.trimmed().toCaseFolded();
}

void addIn(QStringList &parts, QVariantList &params, const QString &expression, const QStringList &values)
{
    if (values.isEmpty())
        return;
    QString sql = expression + QStringLiteral(" IN (");
    for (qsizetype i = 0; i < values.size(); ++i) {
        sql += i ? QStringLiteral(",?") : QStringLiteral("?");
        params << foldValue(values[i]);
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
    addIn(parts, out.params, QStringLiteral("kms_fold(r.status)"), filters.statuses);
    addIn(parts, out.params, QStringLiteral("kms_fold(r.priority)"), filters.priorities);
    addIn(parts, out.params, QStringLiteral("kms_fold(r.product)"), filters.products);
    addIn(parts, out.params, QStringLiteral("kms_fold(r.category)"), filters.categories);
    if (!filters.tags.isEmpty()) {
        // Tags are stored as a JSON array of strings (NULL when none).
        QStringList in;
        addIn(in, out.params, QStringLiteral("kms_fold(json_each.value)"), filters.tags);
        parts << QStringLiteral("(r.tags IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(r.tags) WHERE %1))")
                     .arg(in.constFirst());
    }
    addRange(parts, out.params, "created_at", filters.createdFrom, filters.createdTo);
    addRange(parts, out.params, "updated_at", filters.updatedFrom, filters.updatedTo);
    out.where = parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
    return out;
}

bool sql::registerFoldFunction(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "kms_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, foldFunction, nullptr, nullptr, nullptr)
        == SQLITE_OK;
}

} // namespace kms
