// SPDX-License-Identifier: MIT
#include "apipage/RequestTableModel.h"

#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QLocale>

namespace kms::ui {

RequestTableModel::RequestTableModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

void RequestTableModel::add(const QList<ApiLogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    // A burst of requests is one reset rather than a row signal per request and per dropped row.
    beginResetModel();
    for (const ApiLogEntry &e : entries)
        m_rows.push_front(e);
    while (m_rows.size() > size_t(m_capacity))
        m_rows.pop_back();
    endResetModel();
}

void RequestTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int RequestTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const ApiLogEntry &e = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return QLocale().toString(e.finishedAt.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        case Method: return QString::fromLatin1(e.method);
        case Path: return e.path;
        case Status: return e.status;
        case Latency: return format::milliseconds(e.milliseconds);
        case Token: return e.tokenName.isEmpty() ? QStringLiteral("–") : e.tokenName;
        case Client: return e.remoteAddress;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Time)
        return QLocale().toString(e.finishedAt.toLocalTime(), QLocale::LongFormat);
    if (role == Qt::ForegroundRole && index.column() == Status && e.status >= 400)
        return statusstyle::textColor(e.status >= 500 ? statusstyle::Tone::Error : statusstyle::Tone::Warning);
    if (role == Qt::TextAlignmentRole && (index.column() == Status || index.column() == Latency))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RequestTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Method: return tr("Method");
    case Path: return tr("Path");
    case Status: return tr("Status");
    case Latency: return tr("Latency");
    case Token: return tr("Token");
    case Client: return tr("Client");
    default: return {};
    }
}

} // namespace kms::ui
