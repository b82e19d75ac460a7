// SPDX-License-Identifier: MIT
#include "searchpage/CompareModel.h"

#include "widgets/StatusStyle.h"

#include <QBrush>
#include <QColor>

namespace kms::ui {

CompareModel::CompareModel(QObject *parent) : HitListModel(ColumnCount, parent) {}

void CompareModel::setLists(const QList<SearchHit> &hits, const QHash<qint64, int> &otherRanks, int otherDepth)
{
    replaceHits(hits, [&] {
        m_otherRanks = otherRanks;
        m_otherDepth = otherDepth;
    });
}

void CompareModel::clear()
{
    setLists({}, {}, 0);
}

int CompareModel::otherRank(const SearchHit &h) const
{
    return m_otherRanks.value(h.id, 0);
}

int CompareModel::overlap() const
{
    int n = 0;
    for (const SearchHit &h : hits())
        if (const int r = otherRank(h); r > 0 && r <= hits().size())
            ++n;
    return n;
}

QVariant CompareModel::hitData(const SearchHit &h, int row, int column, int role) const
{
    const int rank = row + 1;
    const int other = otherRank(h);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Rank: return rank;
        case Title: return h.title;
        case CollectionColumn: return collectionLabel(h.collection);
        case Score: return scoreText(h.score);
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
        if (column == OtherRank || column == Delta)
            return other > 0 ? tr("Rank %1 here, rank %2 in the other list").arg(rank).arg(other)
                             : tr("Rank %1 here, not in the other list's top %2").arg(rank).arg(m_otherDepth);
        if (column == Title)
            return titleToolTip(h);
        return {};
    case Qt::ForegroundRole:
        if (column == Delta && other <= 0)
            return QBrush(statusstyle::textColor(statusstyle::Tone::Error));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Title || column == CollectionColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
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
