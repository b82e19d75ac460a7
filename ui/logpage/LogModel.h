// SPDX-License-Identifier: MIT
#pragma once

#include "log/LogFeed.h"

#include <QAbstractTableModel>

#include <deque>

namespace kms::ui {

// The log lines the page has received, oldest first, at most maxRows (the oldest go first).
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, LoggerColumn, MessageColumn, ColumnCount };
    enum Role {
        LevelRole = Qt::UserRole + 1, // int, spdlog's numbering (0 trace .. 5 critical)
        SequenceRole,                 // quint64, the feed's sequence number
        TimestampRole,                // qint64, Unix ms
    };

    explicit LogModel(int maxRows = 10'000, QObject *parent = nullptr);

    // Adds lines at the end; drops the oldest beyond maxRows.
    void append(const QList<log::Entry> &entries);
    void clear();
    int maxRows() const { return m_maxRows; }
    const log::Entry &entry(int row) const { return m_rows[size_t(row)]; }

    static QString levelText(int level);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<log::Entry> m_rows;
    int m_maxRows;
};

} // namespace kms::ui
