// SPDX-License-Identifier: MIT
#pragma once

#include "model/Job.h"

#include <QAbstractTableModel>
#include <QList>

namespace kms::ui {

// The rejected records of one job: where each came from (file, record, line, field) and why.
class RejectsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FileColumn, RecordColumn, LineColumn, FieldColumn, ReasonColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, RejectIdRole };

    explicit RejectsModel(QObject *parent = nullptr);

    void setRejects(qint64 jobId, const QList<RejectInfo> &rejects);
    qint64 jobId() const { return m_jobId; }
    const QList<RejectInfo> &rejects() const { return m_rejects; }
    const RejectInfo *rejectAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 m_jobId = 0;
    QList<RejectInfo> m_rejects;
};

} // namespace kms::ui
