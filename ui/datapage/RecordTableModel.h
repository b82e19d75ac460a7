// SPDX-License-Identifier: MIT
#pragma once

#include "model/Browse.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include <optional>

namespace kms::ui {

class EngineHost;

// The rows of one browse query (a collection, filtered and sorted in SQL), loaded lazily: rowCount
// is the query's full count, but only pages of rows the view asks data() for are read — in the
// background through the host, a few at a time, the most recently wanted first — and at most
// kMaxPages pages are kept. Scrolling a million rows therefore reads the pages passed over, never
// the whole table; a row not yet read shows a placeholder until its page arrives (dataChanged).
// Loading is two-step: the count and the first page at once, then (in the background) the ids of
// every matching row in order, 8 bytes a row. Until the ids are there pages are read by position
// (SQL OFFSET, slow deep into a filtered result); after, by id, equally fast at any depth, and the
// rows stay put while a job adds records. A row deleted since shows as deleted.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ExternalId, Title, Status, Priority, Product, Category, Tags, Updated, ColumnCount };
    enum Role {
        RecordIdRole = Qt::UserRole + 1, // qint64 record id; invalid while the row is not loaded
        LoadedRole                       // bool: the row's page is here
    };
    static constexpr int kPageSize = 200;
    static constexpr int kMaxPages = 60;      // ≈ 12,000 rows kept
    static constexpr int kMaxInFlight = 2;    // page reads at once
    static constexpr int kMaxQueued = 6;      // wanted pages waiting; older wishes are dropped

    explicit RecordTableModel(EngineHost *host, QObject *parent = nullptr);

    // Loads the query: count and first page in one background call. The current rows stay until
    // the answer is there, then the model resets to it (loaded()).
    void setQuery(const BrowseQuery &query);
    BrowseQuery query() const { return m_query; }
    // Reads the current query again (after a create or delete).
    void reload() { setQuery(m_pendingQuery); }
    bool isLoading() const { return m_loading; }
    qint64 total() const { return m_total; }
    // The row's data when its page is here.
    std::optional<BrowseRow> rowAt(int row) const;
    // Pages fetched since the last load, for tests and the status line.
    int pagesFetched() const { return m_pagesFetched; }
    bool isRowLoaded(int row) const;
    // The id snapshot of the current rows has arrived (pages are then read by id).
    bool hasIdSnapshot() const { return m_hasIds; }

    static BrowseSort sortOf(Column c);                // Tags has no sort: Updated
    static std::optional<Column> columnOf(BrowseSort s);
    static bool isSortable(int column) { return column >= 0 && column < ColumnCount && column != Tags; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    // A load finished: the model now shows total rows of query (first page read in ms).
    void loaded(qint64 total, double firstPageMs);
    // A page arrived (its rows changed from placeholders to data).
    void pageLoaded(int page, double ms);
    void loadFailed(const QString &error);
    // The ids of all rows arrived (ms to read them).
    void idsLoaded(double ms);

private:
    struct Page {
        QList<BrowseRow> rows;
        mutable quint64 used = 0;
    };
    void requestIds();
    void requestPage(int page) const;
    void dispatch();
    void evict();
    const Page *pageFor(int row) const;

    QPointer<EngineHost> m_host;
    BrowseQuery m_query;         // what the rows show
    BrowseQuery m_pendingQuery;  // what was asked for last
    qint64 m_total = 0;
    bool m_loading = false;
    quint64 m_loadTicket = 0;    // the newest load wins
    quint64 m_generation = 0;    // bumped on every reset: late pages of older rows are dropped
    QHash<int, Page> m_pages;
    QList<qint64> m_ids;         // every row's record id, in order, once loaded
    bool m_hasIds = false;
    mutable quint64 m_clock = 0;
    // Mutable: data() (const) notes the pages it lacks.
    mutable QList<int> m_queued;
    mutable QList<int> m_inFlight;
    mutable bool m_dispatchScheduled = false;
    int m_pagesFetched = 0;
};

} // namespace kms::ui
