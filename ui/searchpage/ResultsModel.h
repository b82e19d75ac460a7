// SPDX-License-Identifier: MIT
#pragma once

#include "searchpage/HitListModel.h"

namespace kms::ui {

// One page of search hits, in rank order. Holds only the page it shows (k hits at most), so a
// million-record store costs the view nothing; the next page is a new search with an offset.
class ResultsModel : public HitListModel
{
    Q_OBJECT
public:
    enum Column { Rank, Title, CollectionColumn, Status, Score, Snippet, ColumnCount };
    enum Role {
        MarkedSnippetRole = FirstOwnRole, // QString: the snippet with [[ ]] around matched words
        RankRole,                     // int: 1-based rank over all pages
        ScoreRole,                    // double: the fused (or only) score
        ExternalIdRole,               // QString
    };

    explicit ResultsModel(QObject *parent = nullptr);

    // Replaces the page; firstRank is the rank of hits[0] (offset + 1).
    void setHits(const QList<SearchHit> &hits, int firstRank);
    void clear();
    int firstRank() const { return m_firstRank; }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant hitData(const SearchHit &h, int row, int column, int role) const override;

private:
    int m_firstRank = 1;
};

} // namespace kms::ui
