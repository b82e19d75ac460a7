// SPDX-License-Identifier: MIT
#pragma once
// The reads behind keyword, vector and hybrid search. The search module decides what to ask and
// ranks what comes back; the SQL lives here, with the rest of the store's.

#include "model/Record.h"
#include "model/SearchFilters.h"
#include "storage/FilterSql.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <functional>
#include <span>
#include <vector>

namespace kms {

class Store;
namespace sql {
class Query;
} // namespace sql

struct KeywordHit {
    qint64 id = 0;
    double bm25 = 0; // positive, higher is better
};

// bm25() weights of the full-text columns, finite and non-negative.
struct FtsWeights {
    double title = 1, body = 1, resolution = 1, tags = 1;
};

// How many rows a full-text expression matches: counted exactly up to a cap, estimated above it.
struct MatchFrequency {
    int counted = 0;       // up to the cap + 1
    double estimate = 0;   // == counted when not more than the cap
};

// The fields of one record the full-text index holds, as stored (not in matching form).
struct IndexedText {
    qint64 id = 0;
    QString title, body, resolution;
};

// The fields a search hit shows.
struct HitRow {
    qint64 id = 0;
    Collection collection = Collection::Cases;
    QString externalId, title, body, resolution, status, priority, product, category;
    QDateTime updatedAt;
};

// Read queries on one connection of the read pool (or any Store), used by one thread at a time.
// With a cancel flag, a set flag interrupts the running statement (SQLite's progress handler);
// the handler is removed again when this object goes, because the connection goes back to the pool.
class SearchQueries
{
public:
    enum class Outcome { Ok, Cancelled, Failed };

    explicit SearchQueries(Store &store, const std::atomic<bool> *cancel = nullptr);
    ~SearchQueries();
    SearchQueries(const SearchQueries &) = delete;
    SearchQueries &operator=(const SearchQueries &) = delete;

    // The last failure, "keyword search: <what> failed: <SQLite's message>" for the full-text calls.
    QString error() const { return m_error; }

    // ---- full text (StoreFullText.cpp) ------------------------------------------------------------
    // Ranked rows of an FTS5 expression, best first, filters applied in the same statement (so the
    // limit counts filtered rows). afterRowid > 0: only matches newer than it. frequencies: the rows
    // each phrase of the expression matches, in the expression's order (see kms_bm25 in
    // FtsRanking.cpp); a phrase without one is counted, which walks its whole posting list.
    Outcome rankMatches(const QString &match, const SearchFilters &filters, qint64 afterRowid, int limit,
                        const FtsWeights &weights, const QList<double> &frequencies, QList<KeywordHit> *hits);
    // Rows each expression matches, counted from the newest up to cap + 1 (a common word costs at
    // most that many steps), and for an expression above the cap an estimate of its rows in the
    // whole table from how densely its newest cap + 1 matches lie among the newest rows
    // (`newestId`: newestRecordId() if the caller has read it, else read when needed).
    Outcome matchFrequencies(const QStringList &expressions, int cap, QList<MatchFrequency> *out,
                             qint64 newestId = -1);
    // The highest record id (row ids are handed out in order: about the records ever stored), 0
    // when empty, -1 on error.
    qint64 newestRecordId();
    // The rowid below the `budget` newest matches; 0 when there are not more than that many.
    Outcome newestWindow(const QString &match, int budget, qint64 *afterRowid);
    // Rows the expression matches, up to cap; 0 on error.
    int matchCount(const QString &match, int cap);
    // The indexed fields of these records (any order; missing ones are absent).
    QList<IndexedText> indexedTexts(const QList<qint64> &ids);

    // ---- records and vectors (StoreSearch.cpp) ----------------------------------------------------
    // Records that pass the filters, counted up to `cap`; -1 on error. `narrowing`, when not
    // empty, is a full-text expression every passing record matches (search/QueryParser.h's
    // tagsMatch): its matches are read first, then checked against the filters.
    qint64 countMatching(const SearchFilters &filters, qint64 cap, const QString &narrowing = {});
    // The ids of records that pass the filters, in id order, up to `cap`; false on error.
    bool idsMatching(const SearchFilters &filters, qint64 cap, std::vector<qint64> *out);
    // The ids of records the full-text expression matches (no filter checked: a superset of a
    // narrowed filter's records, from the index alone), in id order, up to `cap`; false on error.
    bool idsMatchingText(const QString &match, qint64 cap, std::vector<qint64> *out);
    // The ids among `ids` that pass the filters; false on error.
    bool passing(const QList<qint64> &ids, const SearchFilters &filters, QSet<qint64> *out);
    // The stored vectors of embedder `embedderId` of the records passing the filters, or of the
    // given records; fn returns false to stop. False on error.
    using VectorFn = std::function<bool(qint64 id, std::span<const float> vector)>;
    bool vectorsMatching(const QString &embedderId, const SearchFilters &filters, const QString &narrowing,
                         const VectorFn &fn);
    bool vectorsOf(const QString &embedderId, const QList<qint64> &ids, const VectorFn &fn);
    // The shown fields of these records (any order; deleted ones are absent).
    QList<HitRow> hitRows(const QList<qint64> &ids);

private:
    Outcome failed(int rc, const QString &what);
    // The filters in SQL, in the form the browse indexes answer while they are in place (FilterSql.h),
    // narrowed to the matches of a full-text expression when one is given.
    FilterSql filterFor(const SearchFilters &filters, const QString &narrowing = {});
    bool vectorsWhere(const QString &embedderId, const QString &where, const QVariantList &params,
                      const VectorFn &fn);
    // Steps a prepared query of ids, appends them to out sorted; false (with the error) on failure.
    bool collectIds(sql::Query &q, std::vector<qint64> *out);

    Store &m_store;
    bool m_progressHandler = false;
    QString m_error;
    QString m_filterKey; // filtersToJson() of the filters m_filter is for, and the narrowing
    std::optional<FilterSql> m_filter;
};

} // namespace kms
