// SPDX-License-Identifier: MIT
#include "logpage/LogFilterModel.h"

#include "logpage/LogModel.h"

namespace kms::ui {

LogFilterModel::LogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void LogFilterModel::setSourceLog(LogModel *model)
{
    m_log = model;
    setSourceModel(model);
}

void LogFilterModel::setMinimumLevel(int level)
{
    if (level == m_minLevel)
        return;
    m_minLevel = level;
    invalidateRowsFilter();
}

void LogFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_log || sourceParent.isValid())
        return false;
    // Straight from the entry: no QVariant per row when 10,000 lines are filtered on each keystroke.
    const log::Entry &e = m_log->entry(sourceRow);
    if (e.level < m_minLevel)
        return false;
    return m_text.isEmpty() || e.message.contains(m_text, Qt::CaseInsensitive)
           || e.logger.contains(m_text, Qt::CaseInsensitive);
}

} // namespace kms::ui
