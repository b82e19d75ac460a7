// SPDX-License-Identifier: MIT
#include "searchpage/ResultsModel.h"

#include "searchpage/SnippetHtml.h"

#include <QLocale>

namespace kms::ui {

ResultsModel::ResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResultsModel::setHits(const QList<SearchHit> &hits, int firstRank)
{
    beginResetModel();
    m_hits = hits;
    m_firstRank = std::max(1, firstRank);
    endResetModel();
}

void ResultsModel::clear()
{
    setHits({}, 1);
}

const SearchHit *ResultsModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits[row] : nullptr;
}

int ResultsModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_hits.size(); ++row)
        if (m_hits[row].id == id)
            return row;
    return -1;
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ResultsModel::collectionLabel(Collection c)
{
    return c == Collection::Knowledge ? tr("Article") : tr("Case");
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &h = m_hits[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Rank: return m_firstRank + index.row();
        case Title: return h.title;
        case CollectionColumn: return collectionLabel(h.collection);
        case Status: return h.collection == Collection::Knowledge ? h.category : h.status;
        case Score: return QLocale().toString(h.score, 'g', 4);
        case Snippet: return snippetToPlain(h.snippet);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Title)
            return tr("%1 · %2").arg(h.externalId, h.title);
        if (index.column() == Snippet)
            return snippetToPlain(h.snippet);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Rank || index.column() == Score)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case HitIdRole: return h.id;
    case MarkedSnippetRole: return h.snippet;
    case RankRole: return m_firstRank + index.row();
    case ScoreRole: return h.score;
    case ExternalIdRole: return h.externalId;
    default: return {};
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank: return tr("#");
    case Title: return tr("Title");
    case CollectionColumn: return tr("Collection");
    case Status: return tr("Status / category");
    case Score: return tr("Score");
    case Snippet: return tr("Snippet");
    default: return {};
    }
}

} // namespace kms::ui
