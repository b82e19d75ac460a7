// SPDX-License-Identifier: MIT
// The data browser's queries: counts, sorted pages, distinct column values, and a whole-record walk
// for exports. Built per call (the filters vary), with parameters bound, never spliced in.
#include "storage/Store.h"
#include "storage/StoreSql.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QVariantList>

#include <algorithm>

namespace kms {

namespace {

// With a full-text filter matching at most this many rows, the full-text index finds them and
// they are sorted; with more, walking the sort index and checking each row against the match list
// is cheaper, since a page needs only a few hundred of them.
constexpr qint64 kSortInMemoryLimit = 20'000;

// Must equal the expressions of records_browse_status / records_browse_priority (0005).
constexpr const char *kStatusRank =
    "(CASE lower(r.status) WHEN 'new' THEN 1 WHEN 'open' THEN 2 WHEN 'pending' THEN 3"
    " WHEN 'resolved' THEN 4 WHEN 'closed' THEN 5 WHEN 'draft' THEN 6 WHEN 'published' THEN 7"
    " WHEN 'archived' THEN 8 ELSE 9 END)";
constexpr const char *kPriorityRank =
    "(CASE lower(r.priority) WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3"
    " WHEN 'critical' THEN 4 ELSE 0 END)";

constexpr const char *kRowColumns =
    "r.id, r.external_id, r.title, r.status, r.priority, r.product, r.category, r.tags, r.updated_at";

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

// How a browse statement finds its rows.
enum class Plan {
    SortIndex, // walk the sort's index in order; status / priority / product / category are checked
               // in the index entries (0005 indexes carry them), full-text as a list of rowids
    FullText,  // the full-text matches drive (few of them), then are sorted
    Planner    // SQLite's choice (counts without filters)
};

// The plan of a page or id query: the sort index unless a full-text filter matches few rows.
Plan orderedPlan(const QString &ftsMatch, qint64 matching)
{
    if (!ftsMatch.isEmpty() && matching >= 0 && matching <= kSortInMemoryLimit)
        return Plan::FullText;
    return Plan::SortIndex;
}

struct BrowseSql {
    QString from;
    QString where;
    QString orderBy;
    QVariantList params;
};

BrowseSql browseSql(const BrowseQuery &q, const QString &ftsMatch, Plan plan, bool ordered)
{
    BrowseSql out;
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
                                " WHERE lower(json_each.value) = lower(?))");
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

// A statement prepared for one call.
class AdHoc
{
public:
    AdHoc(sqlite3 *db, const QString &text, const QVariantList &params)
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
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    const sql::Statement &statement() const { return m_stmt; }

private:
    QByteArray m_text;
    sql::Statement m_stmt;
    QString m_error;
    bool m_ok = false;
};

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

namespace {
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
} // namespace

// How many rows the full-text expression matches in all collections (a doclist walk, no table).
qint64 Store::ftsMatchCount(const QString &ftsMatch)
{
    AdHoc s(m_db, QStringLiteral("SELECT count(*) FROM records_fts WHERE records_fts MATCH ?"), {ftsMatch});
    if (!s.ok())
        return -1;
    sql::Query query(s.statement());
    return query.step() == SQLITE_ROW ? query.int64(0) : -1;
}

qint64 Store::browseCount(const BrowseQuery &q, const QString &ftsMatch)
{
    // Full-text: from the matches when few, else one walk of the update-time index checking each
    // entry against them. Column filters: that walk, checking them in its entries (bounded by the
    // collection's size, no table reads). None: any index.
    Plan plan = Plan::Planner;
    if (!ftsMatch.isEmpty())
        plan = orderedPlan(ftsMatch, ftsMatchCount(ftsMatch));
    else if (hasFilters(q, ftsMatch))
        plan = Plan::SortIndex;
    BrowseQuery counted = q;
    counted.sort = BrowseSort::Updated;
    const BrowseSql b = browseSql(counted, ftsMatch, plan, false);
    AdHoc s(m_db, QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(b.from, b.where), b.params);
    if (!s.ok()) {
        fail(QStringLiteral("counting records: %1").arg(s.error()));
        return -1;
    }
    sql::Query query(s.statement());
    const int rc = query.step();
    if (rc != SQLITE_ROW) {
        sqlFail(QStringLiteral("counting records"), rc);
        return -1;
    }
    return query.int64(0);
}

BrowsePage Store::browsePage(const BrowseQuery &q, const QString &ftsMatch, qint64 offset, int limit,
                             qint64 matching)
{
    QElapsedTimer timer;
    timer.start();
    BrowsePage page;
    page.offset = offset;
    const BrowseSql b = browseSql(q, ftsMatch, orderedPlan(ftsMatch, matching), true);
    QVariantList params = b.params;
    params << qint64(limit) << offset;
    AdHoc s(m_db,
            QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT ? OFFSET ?")
                .arg(QLatin1String(kRowColumns), b.from, b.where, b.orderBy),
            params);
    if (!s.ok()) {
        page.error = QStringLiteral("reading records: %1").arg(s.error());
        fail(page.error);
        return page;
    }
    sql::Query query(s.statement());
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        page.rows.append(readRow(query));
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("reading records"), rc);
        page.error = m_lastError;
    }
    page.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return page;
}

BrowseIds Store::browseIds(const BrowseQuery &q, const QString &ftsMatch)
{
    QElapsedTimer timer;
    timer.start();
    BrowseIds out;
    // The sort index has every id in order and the column filters in its entries: no table reads
    // but for a tag. A full-text filter with few matches: those are found first, then sorted.
    const BrowseSql b = browseSql(q, ftsMatch, orderedPlan(ftsMatch, ftsMatch.isEmpty() ? -1 : ftsMatchCount(ftsMatch)),
                                  true);
    AdHoc s(m_db, QStringLiteral("SELECT r.id FROM %1 WHERE %2 ORDER BY %3").arg(b.from, b.where, b.orderBy), b.params);
    if (!s.ok()) {
        out.error = QStringLiteral("reading record ids: %1").arg(s.error());
        fail(out.error);
        return out;
    }
    sql::Query query(s.statement());
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        out.ids.append(query.int64(0));
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("reading record ids"), rc);
        out.error = m_lastError;
        out.ids.clear();
    }
    out.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return out;
}

BrowsePage Store::browseRows(const QList<qint64> &ids)
{
    QElapsedTimer timer;
    timer.start();
    BrowsePage page;
    if (ids.isEmpty())
        return page;
    QVariantList params;
    params.reserve(ids.size());
    QString marks;
    for (qint64 id : ids) {
        marks += marks.isEmpty() ? QStringLiteral("?") : QStringLiteral(",?");
        params << id;
    }
    AdHoc s(m_db, QStringLiteral("SELECT %1 FROM records r WHERE r.id IN (%2)").arg(QLatin1String(kRowColumns), marks),
            params);
    if (!s.ok()) {
        page.error = QStringLiteral("reading records: %1").arg(s.error());
        fail(page.error);
        return page;
    }
    QHash<qint64, BrowseRow> found;
    found.reserve(ids.size());
    {
        sql::Query query(s.statement());
        int rc;
        while ((rc = query.step()) == SQLITE_ROW) {
            BrowseRow row = readRow(query);
            found.insert(row.id, std::move(row));
        }
        if (rc != SQLITE_DONE) {
            sqlFail(QStringLiteral("reading records"), rc);
            page.error = m_lastError;
            return page;
        }
    }
    page.rows.reserve(ids.size());
    for (qint64 id : ids) {
        auto it = found.find(id);
        if (it != found.end()) {
            page.rows.append(std::move(it.value()));
        } else {
            BrowseRow gone;
            gone.id = id;
            gone.exists = false;
            page.rows.append(gone);
        }
    }
    page.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return page;
}

BrowseFacets Store::browseFacets(Collection c)
{
    // Skip-scans: one index seek per distinct value (the next value after the last one), so a
    // million rows with a handful of values cost a handful of seeks. Status exactly (from
    // records_collection_status); priority exactly within each urgency rank; product and category
    // one spelling per value ignoring case (the browser filters those ignoring case).
    BrowseFacets facets;
    auto distinct = [&](const QString &column, const QString &where, const QString &collate, QStringList *out) {
        const QString next = QStringLiteral("SELECT min(r.%1%2) FROM records r WHERE r.collection = ?1%3")
                                 .arg(column, collate, where);
        AdHoc s(m_db,
                QStringLiteral("WITH RECURSIVE v(x) AS (%1 UNION ALL SELECT (%1 AND r.%2%3 > v.x) FROM v"
                               " WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL")
                    .arg(next, column, collate),
                {qint64(int(c))});
        if (!s.ok()) {
            fail(QStringLiteral("reading the values of %1: %2").arg(column, s.error()));
            return;
        }
        sql::Query query(s.statement());
        int rc;
        while ((rc = query.step()) == SQLITE_ROW)
            out->append(query.text(0));
        if (rc != SQLITE_DONE)
            sqlFail(QStringLiteral("reading the values of %1").arg(column), rc);
    };
    if (!beginRead())
        return facets;
    distinct(QStringLiteral("status"), {}, {}, &facets.statuses);
    for (int rank = 0; rank <= 4; ++rank)
        distinct(QStringLiteral("priority"), QStringLiteral(" AND %1 = %2").arg(QLatin1String(kPriorityRank)).arg(rank), {},
                 &facets.priorities);
    distinct(QStringLiteral("product"), {}, QStringLiteral(" COLLATE NOCASE"), &facets.products);
    distinct(QStringLiteral("category"), {}, QStringLiteral(" COLLATE NOCASE"), &facets.categories);
    endRead();
    // For people: case-insensitive order (priorities stay in urgency order).
    for (QStringList *list : {&facets.statuses, &facets.products, &facets.categories})
        std::sort(list->begin(), list->end(),
                  [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return facets;
}

bool Store::forEachBrowsed(const BrowseQuery &q, const QString &ftsMatch, qint64 matching,
                           const std::function<bool(const StoredRecord &)> &fn)
{
    const BrowseSql b = browseSql(q, ftsMatch, orderedPlan(ftsMatch, matching), true);
    AdHoc s(m_db,
            QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4")
                .arg(QLatin1String(sql::kRecordColumns), b.from, b.where, b.orderBy),
            b.params);
    if (!s.ok()) {
        fail(QStringLiteral("reading records: %1").arg(s.error()));
        return false;
    }
    sql::Query query(s.statement());
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        if (!fn(sql::readRecord(query)))
            return true;
    }
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("reading records"), rc);
        return false;
    }
    return true;
}

bool Store::valueInUse(Collection c, const QString &column, const QString &value)
{
    if (column != u"status" && column != u"priority") {
        fail(QStringLiteral("valueInUse: %1 is not a column with allowed values").arg(column));
        return false;
    }
    // Priority through its browse index: the rank of the value pins the seek.
    const QString rank = column == u"priority"
                             ? QStringLiteral(" AND %1 = %2").arg(QLatin1String(kPriorityRank),
                                                                  QString::fromLatin1(kPriorityRank).replace(QLatin1String("r.priority"), QLatin1String("?1")))
                             : QString();
    AdHoc s(m_db, QStringLiteral("SELECT 1 FROM records r WHERE r.%1 = ?1 AND r.collection = ?2%3 LIMIT 1").arg(column, rank),
            {value, qint64(int(c))});
    if (!s.ok()) {
        fail(s.error());
        return false;
    }
    sql::Query query(s.statement());
    return query.step() == SQLITE_ROW;
}

QStringList Store::browseExtraKeys(const BrowseQuery &q, const QString &ftsMatch)
{
    const BrowseSql b = browseSql(q, ftsMatch, ftsMatch.isEmpty() ? Plan::Planner : Plan::FullText, false);
    AdHoc s(m_db,
            QStringLiteral("SELECT DISTINCT e.key FROM %1, json_each(r.extra) e WHERE r.extra IS NOT NULL AND %2"
                           " ORDER BY 1")
                .arg(b.from, b.where),
            b.params);
    QStringList keys;
    if (!s.ok()) {
        fail(QStringLiteral("reading the extra fields: %1").arg(s.error()));
        return keys;
    }
    sql::Query query(s.statement());
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        keys << query.text(0);
    if (rc != SQLITE_DONE)
        sqlFail(QStringLiteral("reading the extra fields"), rc);
    return keys;
}

bool Store::beginSnapshot()
{
    return beginRead();
}

void Store::endSnapshot()
{
    endRead();
}

QString Store::explainBrowse(const BrowseQuery &q, const QString &ftsMatch, qint64 matching)
{
    const BrowseSql b = browseSql(q, ftsMatch, orderedPlan(ftsMatch, matching), true);
    QVariantList params = b.params;
    params << qint64(100) << qint64(0);
    AdHoc s(m_db,
            QStringLiteral("EXPLAIN QUERY PLAN SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT ? OFFSET ?")
                .arg(QLatin1String(kRowColumns), b.from, b.where, b.orderBy),
            params);
    if (!s.ok())
        return s.error();
    sql::Query query(s.statement());
    QStringList lines;
    while (query.step() == SQLITE_ROW)
        lines << query.text(3);
    return lines.join(u'\n');
}

} // namespace kms
