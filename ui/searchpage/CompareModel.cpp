// SPDX-License-Identifier: MIT
#include "searchpage/CompareModel.h"

#include "searchpage/ResultsModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace kms::ui {

CompareModel::CompareModel(QObject *parent) : QAbstractTableModel(parent) {}

void CompareModel::setLists(const QList<SearchHit> &hits, const QHash<qint64, int> &otherRanks, int otherDepth)
{
    beginResetModel();
    m_hits = hits;
    m_otherRanks = otherRanks;
    m_otherDepth = otherDepth;
    endResetModel();
}

void CompareModel::clear()
{
    setLists({}, {}, 0);
}

const SearchHit *CompareModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits[row] : nullptr;
}

int CompareModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_hits.size(); ++row)
        if (m_hits[row].id == id)
            return row;
    return -1;
}

int CompareModel::otherRank(int row) const
{
    return m_otherRanks.value(m_hits[row].id, 0);
}

int CompareModel::overlap() const
{
    int n = 0;
    for (int row = 0; row < m_hits.size(); ++row)
        if (const int r = otherRank(row); r > 0 && r <= m_hits.size())
            ++n;
    return n;
}

int CompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int CompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &h = m_hits[index.row()];
    const int rank = index.row() + 1;
    const int other = otherRank(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Rank: return rank;
        case Title: return h.title;
        case CollectionColumn: return ResultsModel::collectionLabel(h.collection);
        case Score: return QLocale().toString(h.score, 'g', 4);
        case OtherRank: return other > 0 ? QVariant(other) : QVariant(tr("> %1").arg(m_otherDepth));
        case Delta:
            if (other <= 0)
                return tr("only here");
            if (other == rank)
                return tr("=");
            // Up arrow: the other list ranks it better; down: worse.
            return other < rank ? tr("▲ %1").arg(rank - other) : tr("▼ %1").arg(other - rank);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == OtherRank || index.column() == Delta)
            return other > 0 ? tr("Rank %1 here, rank %2 in the other list").arg(rank).arg(other)
                             : tr("Rank %1 here, not in the other list's top %2").arg(rank).arg(m_otherDepth);
        if (index.column() == Title)
            return tr("%1 · %2").arg(h.externalId, h.title);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Delta && other <= 0)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Title || index.column() == CollectionColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case HitIdRole: return h.id;
    case OtherRankRole: return other;
    case DeltaRole: return other > 0 ? other - rank : 0;
    default: return {};
    }
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == OtherRank)
        return tr("The hit's rank in the other list");
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Delta)
        return tr("Where the other list puts the hit: ▲ higher, ▼ lower, = the same");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank: return tr("#");
    case Title: return tr("Title");
    case CollectionColumn: return tr("Collection");
    case Score: return tr("Score");
    case OtherRank: return tr("Other #");
    case Delta: return tr("Δ");
    default: return {};
    }
}

} // namespace kms::ui
