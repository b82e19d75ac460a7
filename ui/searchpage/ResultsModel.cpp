// SPDX-License-Identifier: MIT
#include "searchpage/ResultsModel.h"

#include "searchpage/SnippetHtml.h"

namespace kms::ui {

ResultsModel::ResultsModel(QObject *parent) : HitListModel(ColumnCount, parent) {}

void ResultsModel::setHits(const QList<SearchHit> &hits, int firstRank)
{
    replaceHits(hits, [&] { m_firstRank = std::max(1, firstRank); });
}

void ResultsModel::clear()
{
    setHits({}, 1);
}

QVariant ResultsModel::hitData(const SearchHit &h, int row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Rank: return m_firstRank + row;
        case Title: return h.title;
        case CollectionColumn: return collectionLabel(h.collection);
        case Status: return h.collection == Collection::Knowledge ? h.category : h.status;
        case Score: return scoreText(h.score);
        case Snippet: return snippetToPlain(h.snippet);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (column == Title)
            return titleToolTip(h);
        if (column == Snippet)
            return snippetToPlain(h.snippet);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Rank || column == Score)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case MarkedSnippetRole: return h.snippet;
    case RankRole: return m_firstRank + row;
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
