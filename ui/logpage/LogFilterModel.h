// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace kms::ui {

class LogModel;

// The lines of a LogModel at or above a level that contain a text (in the message or the logger
// name, case-insensitive). Keeps the source order.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(QObject *parent = nullptr);

    void setSourceLog(LogModel *model);
    void setMinimumLevel(int level);
    int minimumLevel() const { return m_minLevel; }
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    LogModel *m_log = nullptr;
    int m_minLevel = 0;
    QString m_text;
};

} // namespace kms::ui
