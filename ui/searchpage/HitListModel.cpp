// SPDX-License-Identifier: MIT
#include "searchpage/HitListModel.h"

#include <QCoreApplication>
#include <QLocale>

namespace kms::ui {

namespace {
// The shared labels keep the translation context they had before the models shared a base.
QString trResults(const char *text)
{
    return QCoreApplication::translate("kms::ui::ResultsModel", text);
}
}

HitListModel::HitListModel(int columnCount, QObject *parent) : QAbstractTableModel(parent), m_columnCount(columnCount) {}

void HitListModel::replaceHits(const QList<SearchHit> &hits, const std::function<void()> &alongside)
{
    beginResetModel();
    m_hits = hits;
    if (alongside)
        alongside();
    endResetModel();
}

const SearchHit *HitListModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits[row] : nullptr;
}

int HitListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_hits.size(); ++row)
        if (m_hits[row].id == id)
            return row;
    return -1;
}

int HitListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int HitListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

QVariant HitListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &h = m_hits[index.row()];
    if (role == HitIdRole)
        return h.id;
    return hitData(h, index.row(), index.column(), role);
}

QString HitListModel::collectionLabel(Collection c)
{
    return c == Collection::Knowledge ? trResults("Article") : trResults("Case");
}

QString HitListModel::titleToolTip(const SearchHit &hit)
{
    return trResults("%1 · %2").arg(hit.externalId, hit.title);
}

QString HitListModel::scoreText(double score)
{
    return QLocale().toString(score, 'g', 4);
}

} // namespace kms::ui
