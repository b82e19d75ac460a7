// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QAbstractTableModel>
#include <QList>

#include <functional>

namespace kms::ui {

// A table of search hits in rank order: what the results list and each side of the comparison share
// (the hits, finding a row, the record id role, the labels both show). Subclasses name the columns.
class HitListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        HitIdRole = Qt::UserRole + 1, // qint64 record id
        FirstOwnRole,                 // where a subclass's own roles start
    };

    const SearchHit *hit(int row) const;
    int rowOf(qint64 id) const; // -1 when the record is not in the list
    const QList<SearchHit> &hits() const { return m_hits; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;

    static QString collectionLabel(Collection c); // "Case" / "Article"

protected:
    HitListModel(int columnCount, QObject *parent);

    // Replaces the list in one model reset; alongside sets the subclass's own state inside it.
    void replaceHits(const QList<SearchHit> &hits, const std::function<void()> &alongside = {});
    // data() for a valid index and any role but HitIdRole.
    virtual QVariant hitData(const SearchHit &hit, int row, int column, int role) const = 0;

    static QString titleToolTip(const SearchHit &hit); // "external id · title"
    static QString scoreText(double score);             // 4 significant digits, in the locale

private:
    QList<SearchHit> m_hits;
    const int m_columnCount;
};

} // namespace kms::ui
