// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace kms::ui {

// One page of search hits, in rank order. Holds only the page it shows (k hits at most), so a
// million-record store costs the view nothing; the next page is a new search with an offset.
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Title, CollectionColumn, Status, Score, Snippet, ColumnCount };
    enum Role {
        HitIdRole = Qt::UserRole + 1, // qint64 record id
        MarkedSnippetRole,            // QString: the snippet with [[ ]] around matched words
        RankRole,                     // int: 1-based rank over all pages
        ScoreRole,                    // double: the fused (or only) score
        ExternalIdRole,               // QString
    };

    explicit ResultsModel(QObject *parent = nullptr);

    // Replaces the page; firstRank is the rank of hits[0] (offset + 1).
    void setHits(const QList<SearchHit> &hits, int firstRank);
    void clear();
    const SearchHit *hit(int row) const;
    int firstRank() const { return m_firstRank; }
    int rowOf(qint64 id) const; // -1 when the record is not on this page

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString collectionLabel(Collection c);

private:
    QList<SearchHit> m_hits;
    int m_firstRank = 1;
};

} // namespace kms::ui
