// SPDX-License-Identifier: MIT
#pragma once

#include "api/ApiServer.h"

#include <QAbstractTableModel>

#include <deque>

namespace kms::ui {

// The API page's "recent requests": newest first, at most `capacity` rows.
class RequestTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Method, Path, Status, Latency, Token, Client, ColumnCount };

    explicit RequestTableModel(int capacity, QObject *parent = nullptr);

    // Entries oldest first, as ApiServer::recentRequests() gives them.
    void add(const QList<ApiLogEntry> &entries);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int m_capacity;
    std::deque<ApiLogEntry> m_rows; // newest first
};

} // namespace kms::ui
