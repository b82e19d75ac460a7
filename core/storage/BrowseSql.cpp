// SPDX-License-Identifier: MIT
#include "storage/BrowseSql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kms::browse {

namespace {

struct SortSpec {
    const char *index;
    // The index's columns after the collection, in order: the sort key(s), then the filter
    // columns, which also break ties (the record id last): ordering by exactly these lets SQLite
    // read the index in order without sorting anything.
    QStringList keys;
};

SortSpec sortSpec(BrowseSort s)
{
    const QString status = QStringLiteral("r.status"), priority = QStringLiteral("r.priority"),
                  product = QStringLiteral("r.product"), category = QStringLiteral("r.category");
    switch (s) {
    case BrowseSort::ExternalId:
        return {"records_browse_external_id", {QStringLiteral("r.external_id"), status, priority, product, category}};
    case BrowseSort::Title:
        return {"records_browse_title", {QStringLiteral("r.title COLLATE NOCASE"), status, priority, product, category}};
    case BrowseSort::Status:
        return {"records_browse_status",
                {QLatin1String(kStatusRank), QStringLiteral("r.status COLLATE NOCASE"), priority, product, category}};
    case BrowseSort::Priority:
        return {"records_browse_priority", {QLatin1String(kPriorityRank), priority, status, product, category}};
    case BrowseSort::Product:
        return {"records_browse_product", {QStringLiteral("r.product COLLATE NOCASE"), status, priority, category}};
    case BrowseSort::Category:
        return {"records_browse_category", {QStringLiteral("r.category COLLATE NOCASE"), status, priority, product}};
    case BrowseSort::Updated: break;
    }
    return {"records_browse_updated", {QStringLiteral("r.updated_at"), status, priority, product, category}};
}

QStringList tagsOf(const QByteArray &json)
{
    QStringList tags;
    if (json.isEmpty())
        return tags;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &t : array)
        tags << t.toString();
    return tags;
}

} // namespace

Plan orderedPlan(const QString &ftsMatch, qint64 matching, bool sortIndexes)
{
    if (!ftsMatch.isEmpty() && matching >= 0 && matching <= kSortInMemoryLimit)
        return Plan::FullText;
    return sortIndexes ? Plan::SortIndex : Plan::Planner;
}

QString distinctValuesSql(const QString &key, const QString &scope)
{
    return QStringLiteral("WITH RECURSIVE v(x) AS (SELECT min(%1) FROM records r WHERE %2 "
                          "UNION ALL SELECT (SELECT min(%1) FROM records r WHERE %2 AND %1 > v.x) FROM v "
                          "WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL")
        .arg(key, scope);
}

Sql browseSql(const BrowseQuery &q, const QString &ftsMatch, Plan plan, bool ordered)
{
    Sql out;
    QStringList where;
    const SortSpec spec = sortSpec(q.sort);
    if (!ftsMatch.isEmpty() && plan == Plan::FullText) {
        // The matching rowids drive the join; CROSS JOIN keeps that order.
        out.from = QStringLiteral("records_fts CROSS JOIN records r ON r.id = records_fts.rowid");
        where << QStringLiteral("records_fts MATCH ?");
        out.params << ftsMatch;
    } else {
        out.from = plan == Plan::SortIndex ? QStringLiteral("records r INDEXED BY %1").arg(QLatin1String(spec.index))
                                           : QStringLiteral("records r");
        if (!ftsMatch.isEmpty()) {
            where << QStringLiteral("r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)");
            out.params << ftsMatch;
        }
    }
    where << QStringLiteral("r.collection = ?");
    out.params << qint64(int(q.collection));
    // Status: the stored value exactly (RTRIM is BINARY for trimmed values); the others ignoring
    // case. Never in the collation the ORDER BY uses for that column: SQLite drops a sort column
    // pinned by an equality of the same collation from the order it checks against the index,
    // and would then sort instead of reading the index in order (tests check every plan).
    auto equal = [&](const char *column, const QString &value, const char *collation) {
        if (value.isEmpty())
            return;
        where << QStringLiteral("r.%1 = ? COLLATE %2").arg(QLatin1String(column), QLatin1String(collation));
        out.params << value;
    };
    equal("status", q.status, "RTRIM");
    equal("priority", q.priority, "NOCASE");
    equal("product", q.product, "NOCASE");
    equal("category", q.category, "NOCASE");
    if (!q.tag.trimmed().isEmpty()) {
        // Tags are a JSON array of strings (NULL when none); the full-text tags column (in ftsMatch,
        // when the engine could build one) narrows the rows first.
        where << QStringLiteral("r.tags IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(r.tags)"
                                " WHERE kms_fold(json_each.value) = kms_fold(?))");
        out.params << q.tag.trimmed();
    }
    out.where = where.join(QStringLiteral(" AND "));
    if (ordered) {
        const QString dir = q.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
        QStringList keys;
        for (const QString &k : spec.keys)
            keys << k + dir;
        keys << QStringLiteral("r.id") + dir;
        out.orderBy = keys.join(QStringLiteral(", "));
    }
    return out;
}

AdHoc::AdHoc(sqlite3 *db, const QString &text, const QVariantList &params)
    : m_text(text.toUtf8())
    , m_stmt(m_text.constData())
{
    if (!m_stmt.prepare(db, &m_error))
        return;
    int i = 1;
    for (const QVariant &v : params) {
        int rc;
        if (v.typeId() == QMetaType::QString) {
            const QByteArray utf8 = v.toString().toUtf8();
            rc = sqlite3_bind_text(m_stmt.get(), i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        } else {
            rc = sqlite3_bind_int64(m_stmt.get(), i, v.toLongLong());
        }
        if (rc != SQLITE_OK) {
            m_error = QStringLiteral("binding parameter %1: %2").arg(i).arg(sql::errorOf(db));
            return;
        }
        ++i;
    }
    m_ok = true;
}

bool hasFilters(const BrowseQuery &q, const QString &ftsMatch)
{
    return !ftsMatch.isEmpty() || !q.status.isEmpty() || !q.priority.isEmpty() || !q.product.isEmpty()
           || !q.category.isEmpty() || !q.tag.trimmed().isEmpty();
}

BrowseRow readRow(const sql::Query &query)
{
    BrowseRow row;
    row.id = query.int64(0);
    row.externalId = query.text(1);
    row.title = query.text(2);
    row.status = query.text(3);
    row.priority = query.text(4);
    row.product = query.text(5);
    row.category = query.text(6);
    row.tags = tagsOf(query.utf8(7));
    row.updatedAt = query.time(8);
    return row;
}

} // namespace kms::browse
