// SPDX-License-Identifier: MIT
#include "storage/FilterSql.h"
#include "storage/BrowseSql.h"
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

// `expression IN (?, ...)` with the values as parameters; "0" for no values.
QString inList(QVariantList &params, const QString &expression, const QStringList &values)
{
    if (values.isEmpty())
        return QStringLiteral("0");
    QString sql = expression + QStringLiteral(" IN (");
    for (qsizetype i = 0; i < values.size(); ++i) {
        sql += i ? QStringLiteral(",?") : QStringLiteral("?");
        params << values[i];
    }
    return sql + u')';
}

QStringList folded(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        out << foldValue(v);
    return out;
}

// With more distinct values than this in a column, reading every record costs less than a seek
// per value.
constexpr int kMaxStoredValues = 1000;

// How the browse indexes (0005) hold a column after `collection`, and so how to list its stored
// values and compare with them. The status index is records_collection_status (BINARY); priority
// sits after its urgency rank; product and category ignore ASCII case (NOCASE), so one spelling
// stands for all its ASCII-case variants, which kms_fold() folds alike anyway.
struct IndexedColumn {
    QString key;  // the indexed expression
    QString rank; // priority only: the expression before it (one walk per rank)
};

IndexedColumn indexedColumn(const char *name)
{
    const QString column = QStringLiteral("r.") + QLatin1String(name);
    if (qstrcmp(name, "priority") == 0)
        return {column, QLatin1String(browse::kPriorityRank)};
    if (qstrcmp(name, "status") == 0)
        return {column, {}};
    return {column + QStringLiteral(" COLLATE NOCASE"), {}};
}

struct StoredValue {
    QString spelling;
    int rank = 0;
};

// A skip-scan per collection (and per rank), distinctValuesSql (no IS NOT NULL of our own: with
// one, SQLite walked the NULLs instead of seeking past them). nullopt on an error or too many values.
std::optional<QList<StoredValue>> storedValues(sqlite3 *db, const IndexedColumn &c,
                                               std::optional<Collection> collection)
{
    const QString scope = QStringLiteral("r.collection = ?1")
        + (c.rank.isEmpty() ? QString() : QStringLiteral(" AND %1 = ?2").arg(c.rank));
    const QString text = browse::distinctValuesSql(c.key, scope) + QStringLiteral(" LIMIT %1").arg(kMaxStoredValues + 1);
    sql::Statement st(text);
    if (!st.prepare(db, nullptr, false))
        return std::nullopt;
    QList<StoredValue> out;
    const int ranks = c.rank.isEmpty() ? 1 : 5; // kPriorityRank: 0 (other) to 4 (critical)
    for (Collection each : {Collection::Cases, Collection::Knowledge}) {
        if (collection && *collection != each)
            continue;
        for (int rank = 0; rank < ranks; ++rank) {
            sql::Query q(st);
            q.bind(1, qint64(int(each)));
            if (!c.rank.isEmpty())
                q.bind(2, qint64(rank));
            int rc;
            while ((rc = q.step()) == SQLITE_ROW)
                out.append({q.text(0), rank});
            if (rc != SQLITE_DONE || out.size() > kMaxStoredValues)
                return std::nullopt;
        }
    }
    return out;
}

// One column's condition: over the index when the stored values can be listed, else kms_fold().
QString columnCondition(QVariantList &params, const char *name, const QStringList &values, sqlite3 *indexed,
                        std::optional<Collection> collection, bool *usesIndex)
{
    const QStringList wanted = folded(values);
    const IndexedColumn c = indexedColumn(name);
    const std::optional<QList<StoredValue>> stored = indexed ? storedValues(indexed, c, collection) : std::nullopt;
    if (!stored)
        return inList(params, QStringLiteral("kms_fold(r.%1)").arg(QLatin1String(name)), wanted);
    // The same folding as kms_fold(), once per stored spelling instead of once per record.
    QStringList spellings;
    QStringList ranks;
    for (const StoredValue &v : *stored) {
        if (!wanted.contains(v.spelling.toCaseFolded()) || spellings.contains(v.spelling))
            continue;
        spellings << v.spelling;
        if (!ranks.contains(QString::number(v.rank)))
            ranks << QString::number(v.rank);
    }
    if (spellings.isEmpty())
        return QStringLiteral("0");
    *usesIndex = true;
    if (c.rank.isEmpty())
        return inList(params, c.key, spellings);
    // The rank leads the index; the spelling itself is only checked (+ keeps SQLite from looking
    // for another index on it, which it then preferred to this one).
    return QStringLiteral("%1 IN (%2) AND %3")
        .arg(c.rank, ranks.join(u','), inList(params, QStringLiteral("+") + c.key, spellings));
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

FilterSql filterSql(const SearchFilters &filters, sqlite3 *indexed)
{
    FilterSql out;
    QStringList parts;
    if (filters.collection) {
        parts << QStringLiteral("r.collection = ?");
        out.params << qint64(int(*filters.collection));
    }
    bool usesIndex = false;
    const std::pair<const char *, const QStringList *> columns[] = {
        {"status", &filters.statuses},
        {"priority", &filters.priorities},
        {"product", &filters.products},
        {"category", &filters.categories},
    };
    for (const auto &[name, values] : columns)
        if (!values->isEmpty())
            parts << columnCondition(out.params, name, *values, indexed, filters.collection, &usesIndex);
    // The indexes lead with the collection: without a collection filter, both, so they can be used.
    if (usesIndex && !filters.collection)
        parts << QStringLiteral("r.collection IN (0, 1)");
    if (!filters.tags.isEmpty()) {
        // Tags are stored as a JSON array of strings (NULL when none).
        const QString in = inList(out.params, QStringLiteral("kms_fold(json_each.value)"), folded(filters.tags));
        parts << QStringLiteral("(r.tags IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(r.tags) WHERE %1))").arg(in);
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
