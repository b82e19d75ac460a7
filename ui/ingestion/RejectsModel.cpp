// SPDX-License-Identifier: MIT
#include "ingestion/RejectsModel.h"

#include <QFileInfo>

namespace kms::ui {

RejectsModel::RejectsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RejectsModel::setRejects(qint64 jobId, const QList<RejectInfo> &rejects)
{
    beginResetModel();
    m_jobId = jobId;
    m_rejects = rejects;
    endResetModel();
}

const RejectInfo *RejectsModel::rejectAt(int row) const
{
    return row >= 0 && row < m_rejects.size() ? &m_rejects.at(row) : nullptr;
}

int RejectsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rejects.size());
}

int RejectsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RejectsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RejectInfo &r = m_rejects.at(index.row());
    if (role == RejectIdRole)
        return r.id;
    if (role == SortRole) {
        switch (Column(index.column())) {
        case FileColumn: return r.source;
        case RecordColumn: return r.recordNumber;
        case LineColumn: return r.line;
        case FieldColumn: return r.field;
        case ReasonColumn: return r.reason;
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case FileColumn: return QFileInfo(r.source).fileName();
        case RecordColumn: return r.recordNumber;
        case LineColumn: return r.line > 0 ? QVariant(r.line) : QVariant(QStringLiteral("—"));
        case FieldColumn: return r.field.isEmpty() ? tr("(whole record)") : r.field;
        case ReasonColumn: return r.reason;
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && (index.column() == RecordColumn || index.column() == LineColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == FileColumn)
            return r.source;
        if (index.column() == ReasonColumn)
            return r.reason;
    }
    return {};
}

QVariant RejectsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case FileColumn: return tr("File");
    case RecordColumn: return tr("Record");
    case LineColumn: return tr("Line");
    case FieldColumn: return tr("Field");
    case ReasonColumn: return tr("Reason");
    case ColumnCount: break;
    }
    return {};
}

} // namespace kms::ui
