// SPDX-License-Identifier: MIT
#include "datapage/RecordTableModel.h"

#include "host/EngineHost.h"
#include "log/Log.h"

#include <QLocale>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <climits>

namespace kms::ui {

RecordTableModel::RecordTableModel(EngineHost *host, QObject *parent)
    : QAbstractTableModel(parent)
    , m_host(host)
{
}

BrowseSort RecordTableModel::sortOf(Column c)
{
    switch (c) {
    case ExternalId: return BrowseSort::ExternalId;
    case Title: return BrowseSort::Title;
    case Status: return BrowseSort::Status;
    case Priority: return BrowseSort::Priority;
    case Product: return BrowseSort::Product;
    case Category: return BrowseSort::Category;
    case Tags:
    case Updated:
    case ColumnCount: break;
    }
    return BrowseSort::Updated;
}

std::optional<RecordTableModel::Column> RecordTableModel::columnOf(BrowseSort s)
{
    for (int c = 0; c < ColumnCount; ++c)
        if (isSortable(c) && sortOf(Column(c)) == s)
            return Column(c);
    return std::nullopt;
}

void RecordTableModel::setQuery(const BrowseQuery &query)
{
    m_pendingQuery = query;
    auto *host = m_host.data();
    if (!host || !host->isOpen())
        return;
    m_loading = true;
    const quint64 ticket = ++m_loadTicket;
    host->run(this, [query](Engine &e) { return e.browse(query, kPageSize); },
              [this, ticket, query](BrowseResult result) {
                  if (ticket != m_loadTicket)
                      return; // a newer query was asked for meanwhile
                  m_loading = false;
                  if (result.total < 0) {
                      emit loadFailed(result.page.error);
                      return;
                  }
                  beginResetModel();
                  ++m_generation;
                  m_query = query;
                  m_total = result.total;
                  m_pages.clear();
                  m_queued.clear();
                  m_inFlight.clear();
                  m_pagesFetched = 1;
                  m_ids.clear();
                  m_hasIds = false;
                  if (!result.page.rows.isEmpty())
                      m_pages.insert(0, Page{result.page.rows, ++m_clock});
                  endResetModel();
                  emit loaded(m_total, result.page.elapsedMs);
                  if (m_total > kPageSize)
                      requestIds();
              });
}

void RecordTableModel::requestIds()
{
    auto *host = m_host.data();
    if (!host || !host->isOpen())
        return;
    const quint64 generation = m_generation;
    const BrowseQuery query = m_query;
    host->run(this, [query](Engine &e) { return e.browseIds(query); }, [this, generation](BrowseIds result) {
        if (generation != m_generation)
            return;
        if (!result.error.isEmpty()) {
            log::get("kms.ui.data")->warn("reading the row ids failed: {}", result.error.toStdString());
            return; // pages keep coming by position
        }
        if (result.ids.size() != m_total) {
            // The data changed between the count and the ids: the ids are the newer truth.
            beginResetModel();
            ++m_generation;
            m_total = result.ids.size();
            m_pages.clear();
            m_queued.clear();
            m_inFlight.clear();
            m_ids = std::move(result.ids);
            m_hasIds = true;
            endResetModel();
        } else {
            m_ids = std::move(result.ids);
            m_hasIds = true;
        }
        emit idsLoaded(result.elapsedMs);
    });
}

const RecordTableModel::Page *RecordTableModel::pageFor(int row) const
{
    const auto it = m_pages.constFind(row / kPageSize);
    if (it == m_pages.constEnd())
        return nullptr;
    it->used = ++m_clock;
    return &it.value();
}

bool RecordTableModel::isRowLoaded(int row) const
{
    const auto it = m_pages.constFind(row / kPageSize);
    return it != m_pages.constEnd() && row % kPageSize < it->rows.size();
}

std::optional<BrowseRow> RecordTableModel::rowAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    const Page *page = pageFor(row);
    if (!page || row % kPageSize >= page->rows.size() || !page->rows.at(row % kPageSize).exists)
        return std::nullopt;
    return page->rows.at(row % kPageSize);
}

void RecordTableModel::requestPage(int page) const
{
    if (m_inFlight.contains(page))
        return;
    m_queued.removeOne(page);
    m_queued.append(page); // the newest wish goes last and is served first
    while (m_queued.size() > kMaxQueued)
        m_queued.removeFirst(); // the view has scrolled past those
    if (!m_dispatchScheduled) {
        m_dispatchScheduled = true;
        // Not from inside data(): the view is painting.
        QTimer::singleShot(0, const_cast<RecordTableModel *>(this), &RecordTableModel::dispatch);
    }
}

void RecordTableModel::dispatch()
{
    m_dispatchScheduled = false;
    auto *host = m_host.data();
    if (!host || !host->isOpen())
        return;
    while (m_inFlight.size() < kMaxInFlight && !m_queued.isEmpty()) {
        const int page = m_queued.takeLast();
        if (m_pages.contains(page))
            continue;
        m_inFlight.append(page);
        const quint64 generation = m_generation;
        const BrowseQuery query = m_query;
        const qint64 total = m_total;
        const QList<qint64> ids = m_hasIds ? m_ids.mid(qsizetype(page) * kPageSize, kPageSize) : QList<qint64>();
        const bool byIds = m_hasIds;
        host->run(this,
                  [query, page, total, ids, byIds](Engine &e) {
                      if (byIds) {
                          BrowsePage p = e.browseRows(ids);
                          p.offset = qint64(page) * kPageSize;
                          return p;
                      }
                      return e.browsePage(query, qint64(page) * kPageSize, kPageSize, total);
                  },
                  [this, generation, page](BrowsePage result) {
                      if (generation != m_generation)
                          return; // rows of an older load
                      m_inFlight.removeOne(page);
                      if (!result.error.isEmpty()) {
                          log::get("kms.ui.data")->warn("reading rows {} failed: {}", result.offset,
                                                        result.error.toStdString());
                          emit loadFailed(result.error);
                      } else {
                          m_pages.insert(page, Page{result.rows, ++m_clock});
                          ++m_pagesFetched;
                          evict();
                          const int first = page * kPageSize;
                          const int last = std::min(rowCount(), first + kPageSize) - 1;
                          if (last >= first)
                              emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
                          emit pageLoaded(page, result.elapsedMs);
                      }
                      dispatch();
                  });
    }
}

void RecordTableModel::evict()
{
    while (m_pages.size() > kMaxPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
            if (it->used < oldest->used)
                oldest = it;
        m_pages.erase(oldest);
    }
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_total, INT_MAX));
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Page *page = pageFor(index.row());
    const int inPage = index.row() % kPageSize;
    if (!page || inPage >= page->rows.size()) {
        if (!page)
            requestPage(index.row() / kPageSize);
        if (role == LoadedRole)
            return false;
        if (role == Qt::DisplayRole && index.column() == Title)
            return tr("Loading …");
        return {};
    }
    const BrowseRow &r = page->rows.at(inPage);
    if (!r.exists) { // deleted after the snapshot was taken
        if (role == LoadedRole)
            return true;
        if (role == Qt::DisplayRole && index.column() == Title)
            return tr("(deleted)");
        return {};
    }
    switch (role) {
    case RecordIdRole: return r.id;
    case LoadedRole: return true;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case ExternalId: return r.externalId;
        case Title: return r.title;
        case Status: return r.status;
        case Priority: return r.priority;
        case Product: return r.product;
        case Category: return r.category;
        case Tags: return r.tags.join(QStringLiteral(", "));
        case Updated:
            return r.updatedAt.isValid() ? QLocale().toString(r.updatedAt.toLocalTime(), QLocale::ShortFormat)
                                         : QString();
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Title || index.column() == Tags)
            return data(index, Qt::DisplayRole);
        return {};
    default: return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ExternalId: return tr("ID");
    case Title: return tr("Title");
    case Status: return tr("Status");
    case Priority: return tr("Priority");
    case Product: return tr("Product");
    case Category: return tr("Category");
    case Tags: return tr("Tags");
    case Updated: return tr("Updated");
    case ColumnCount: break;
    }
    return {};
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    BrowseQuery q = m_pendingQuery;
    q.sort = sortOf(Column(column));
    q.descending = order == Qt::DescendingOrder;
    if (q == m_pendingQuery && (m_loading || q == m_query))
        return;
    setQuery(q);
}

} // namespace kms::ui
