// SPDX-License-Identifier: MIT
#include "logpage/LogModel.h"

#include "widgets/StatusBadge.h"
#include "widgets/StatusStyle.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>

namespace kms::ui {

LogModel::LogModel(int maxRows, QObject *parent)
    : QAbstractTableModel(parent)
    , m_maxRows(std::max(1, maxRows))
{
}

void LogModel::append(const QList<log::Entry> &entries)
{
    if (entries.isEmpty())
        return;
    const qsizetype incoming = entries.size();
    if (incoming >= m_maxRows) {
        // More than the whole model: only the newest maxRows survive anyway.
        beginResetModel();
        m_rows.assign(entries.end() - m_maxRows, entries.end());
        endResetModel();
        return;
    }
    const qsizetype overflow = qsizetype(m_rows.size()) + incoming - m_maxRows;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    m_rows.insert(m_rows.end(), entries.begin(), entries.end());
    endInsertRows();
}

void LogModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QString LogModel::levelText(int level)
{
    switch (level) {
    case 0: return tr("Trace");
    case 1: return tr("Debug");
    case 2: return tr("Info");
    case 3: return tr("Warning");
    case 4: return tr("Error");
    case 5: return tr("Critical");
    default: return tr("Off");
    }
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const log::Entry &e = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return QDateTime::fromMSecsSinceEpoch(e.timeMs).time().toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn: return levelText(e.level);
        case LoggerColumn: return e.logger;
        case MessageColumn: return e.message;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.timeMs), QLocale::LongFormat);
        if (index.column() == MessageColumn)
            return e.message;
        return {};
    case Qt::ForegroundRole:
        // Warnings and errors stand out; trace and debug recede.
        if (e.level >= 4)
            return QBrush(statusstyle::textColor(statusstyle::Tone::Error));
        if (e.level == 3)
            return QBrush(statusstyle::textColor(statusstyle::Tone::Warning));
        if (e.level <= 1 && index.column() != MessageColumn)
            return QBrush(statusstyle::fillColor(statusstyle::Tone::Neutral));
        return {};
    case LevelRole: return e.level;
    case SequenceRole: return e.seq;
    case TimestampRole: return e.timeMs;
    default: return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case LevelColumn: return tr("Level");
    case LoggerColumn: return tr("Logger");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

} // namespace kms::ui
