// SPDX-License-Identifier: MIT
// SearchQueries: filtered record reads, stored vectors and hit rows for the search module.
#include "storage/FilterSql.h"
#include "storage/SearchQueries.h"
#include "storage/StoreSql.h"
#include "storage/TextCodec.h"

#include <algorithm>

namespace kms {

FilterSql SearchQueries::filterFor(const SearchFilters &filters, const QString &narrowing)
{
    // A keyword search asks several times with the same filters: their values are looked up once.
    const QString key = filtersToJson(filters) + u'\n' + narrowing;
    if (!m_filter || m_filterKey != key) {
        m_filter = filterSql(filters, m_store.readIndexesDeferred() ? nullptr : m_store.m_db);
        if (!narrowing.isEmpty()) {
            m_filter->where = QStringLiteral("r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?) AND (%1)")
                                  .arg(m_filter->where);
            m_filter->params.prepend(narrowing);
        }
        m_filterKey = key;
    }
    return *m_filter;
}

qint64 SearchQueries::countMatching(const SearchFilters &filters, qint64 cap, const QString &narrowing)
{
    const FilterSql f = filterFor(filters, narrowing);
    sql::Statement st(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM records r WHERE %1 LIMIT ?)").arg(f.where));
    if (!st.prepare(m_store.m_db, &m_error, false))
        return -1;
    sql::Query q(st);
    q.bind(q.bindAll(1, f.params), cap);
    const int rc = q.step();
    if (rc == SQLITE_ROW)
        return q.int64(0);
    m_error = q.error();
    return -1;
}

bool SearchQueries::idsMatching(const SearchFilters &filters, qint64 cap, std::vector<qint64> *out)
{
    const FilterSql f = filterFor(filters);
    sql::Statement st(QStringLiteral("SELECT r.id FROM records r WHERE %1 LIMIT ?").arg(f.where));
    if (!st.prepare(m_store.m_db, &m_error, false))
        return false;
    sql::Query q(st);
    q.bind(q.bindAll(1, f.params), cap);
    return collectIds(q, out);
}

bool SearchQueries::idsMatchingText(const QString &match, qint64 cap, std::vector<qint64> *out)
{
    sql::Statement st("SELECT rowid FROM records_fts WHERE records_fts MATCH ?1 LIMIT ?2");
    if (!st.prepare(m_store.m_db, &m_error, false))
        return false;
    sql::Query q(st);
    q.bindText(1, match);
    q.bind(2, cap);
    return collectIds(q, out);
}

bool SearchQueries::collectIds(sql::Query &q, std::vector<qint64> *out)
{
    // Sorted here, not by SQLite: an index hands the ids out in its own order.
    const size_t from = out->size();
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        out->push_back(q.int64(0));
    if (rc != SQLITE_DONE) {
        m_error = q.error();
        return false;
    }
    std::sort(out->begin() + qsizetype(from), out->end());
    return true;
}

bool SearchQueries::passing(const QList<qint64> &ids, const SearchFilters &filters, QSet<qint64> *out)
{
    // NOT INDEXED: the given rows by their keys. Left to itself SQLite may walk a filter's index
    // instead, every record of a common product, to find the few given ones among them.
    const FilterSql f = filterFor(filters);
    sql::Statement st(QStringLiteral("SELECT r.id FROM records r NOT INDEXED WHERE r.id IN (%1) AND (%2)")
                          .arg(sql::idList(ids), f.where));
    if (!st.prepare(m_store.m_db, &m_error, false))
        return false;
    sql::Query q(st);
    q.bindAll(1, f.params);
    while (q.step() == SQLITE_ROW)
        out->insert(q.int64(0));
    return true;
}

// The one join from records to the vectors of a named embedder; `where` restricts the records
// (table alias r), its parameters follow the embedder name. CROSS JOIN keeps records the outer
// loop: left to itself SQLite scanned every stored vector and looked each record up (2-6 s for a
// filter matching 20 of a million records, against 0.2 s this way).
bool SearchQueries::vectorsWhere(const QString &embedderId, const QString &where, const QVariantList &params,
                                 const VectorFn &fn)
{
    sql::Statement st(QStringLiteral("SELECT r.id, e.vector FROM records r CROSS JOIN embeddings e ON e.text_hash = r.text_hash "
                                     "AND e.embedder_id = (SELECT id FROM embedders WHERE name = ?1) WHERE ")
                      + where);
    if (!st.prepare(m_store.m_db, &m_error, false))
        return false;
    sql::Query q(st);
    q.bindText(1, embedderId);
    q.bindAll(2, params);
    while (q.step() == SQLITE_ROW)
        if (!fn(q.int64(0), q.vector(1)))
            break;
    return true;
}

bool SearchQueries::vectorsMatching(const QString &embedderId, const SearchFilters &filters,
                                    const QString &narrowing, const VectorFn &fn)
{
    // The filter picks ids from a covering browse index first; the records' rows are then read by id.
    const FilterSql f = filterFor(filters, narrowing);
    return vectorsWhere(embedderId, QStringLiteral("r.id IN (SELECT r.id FROM records r WHERE %1)").arg(f.where),
                        f.params, fn);
}

bool SearchQueries::vectorsOf(const QString &embedderId, const QList<qint64> &ids, const VectorFn &fn)
{
    return vectorsWhere(embedderId, QStringLiteral("r.id IN (%1)").arg(sql::idList(ids)), {}, fn);
}

QList<HitRow> SearchQueries::hitRows(const QList<qint64> &ids)
{
    QList<HitRow> out;
    sql::Statement st(QStringLiteral("SELECT id, collection, external_id, title, body, resolution, status, priority, "
                                     "product, category, updated_at FROM records WHERE id IN (%1)")
                          .arg(sql::idList(ids)));
    if (!st.prepare(m_store.m_db, &m_error, false))
        return out;
    sql::Query q(st);
    while (q.step() == SQLITE_ROW) {
        HitRow h;
        h.id = q.int64(0);
        h.collection = q.int32(1) == 1 ? Collection::Knowledge : Collection::Cases;
        h.externalId = q.text(2);
        h.title = q.text(3);
        // Decoded here, not by kms_text(): a damaged text leaves its hit without a snippet instead
        // of ending the list (the integrity check names it).
        QString ignored;
        sql::columnText(st.get(), 4, *m_store.m_codec, &h.body, &ignored);
        sql::columnText(st.get(), 5, *m_store.m_codec, &h.resolution, &ignored);
        h.status = q.text(6);
        h.priority = q.text(7);
        h.product = q.text(8);
        h.category = q.text(9);
        h.updatedAt = q.time(10);
        out.append(std::move(h));
    }
    return out;
}

} // namespace kms
