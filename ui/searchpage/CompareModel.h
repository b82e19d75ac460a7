// SPDX-License-Identifier: MIT
#pragma once

#include "searchpage/HitListModel.h"

#include <QHash>

namespace kms::ui {

// One side of the comparison: its hits in rank order, each with its rank in the other side's list.
class CompareModel : public HitListModel
{
    Q_OBJECT
public:
    enum Column { Rank, Title, CollectionColumn, Score, OtherRank, Delta, ColumnCount };
    enum Role {
        OtherRankRole = FirstOwnRole, // int: 1-based rank in the other list, 0 when not in it
        DeltaRole,                    // int: other rank - rank (positive: lower in the other list); 0 when absent
    };

    explicit CompareModel(QObject *parent = nullptr);

    // hits: this side's list (shown); otherRanks: record id -> rank in the other list, which was
    // searched `otherDepth` deep, so "not in it" means "below rank otherDepth".
    void setLists(const QList<SearchHit> &hits, const QHash<qint64, int> &otherRanks, int otherDepth);
    void clear();
    int overlap() const; // how many shown hits are in the other list's shown part too

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant hitData(const SearchHit &h, int row, int column, int role) const override;

private:
    int otherRank(const SearchHit &h) const;

    QHash<qint64, int> m_otherRanks;
    int m_otherDepth = 0;
};

} // namespace kms::ui
