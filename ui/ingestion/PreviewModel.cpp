// SPDX-License-Identifier: MIT
#include "ingestion/PreviewModel.h"
#include "widgets/StatusStyle.h"

#include <QBrush>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>

namespace kms::ui {

namespace {

constexpr int kMaxCellChars = 200; // a 5 KB description would make the row unreadable

QString cellText(const QJsonValue &v)
{
    QString text;
    switch (v.type()) {
    case QJsonValue::String: text = v.toString(); break;
    case QJsonValue::Double: text = QString::number(v.toDouble(), 'g', 15); break;
    case QJsonValue::Bool: text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false"); break;
    case QJsonValue::Array: text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)); break;
    case QJsonValue::Object: text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)); break;
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > kMaxCellChars)
        text = text.left(kMaxCellChars) + QStringLiteral("…");
    return text;
}

} // namespace

PreviewModel::PreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PreviewModel::clear()
{
    beginResetModel();
    m_columns.clear();
    m_fieldOfColumn.clear();
    m_rows.clear();
    endResetModel();
}

void PreviewModel::setPreview(const SourcePreview &preview, const FieldMapping &mapping, Collection collection)
{
    beginResetModel();
    m_columns = preview.columns;
    m_fieldOfColumn.clear();
    const auto mapped = mapping.columns();
    for (auto it = mapped.cbegin(); it != mapped.cend(); ++it) {
        QString &fields = m_fieldOfColumn[it.value()];
        fields = fields.isEmpty() ? fieldName(it.key()) : fields + QStringLiteral(", ") + fieldName(it.key());
    }
    m_rows.clear();
    for (const RawRecord &raw : preview.rows) {
        Row row;
        row.line = raw.line;
        row.number = raw.number;
        // JSON records may carry keys the first records did not have: they become extra columns.
        for (const auto &[column, value] : raw.fields)
            if (!m_columns.contains(column))
                m_columns.append(column);
        Record record;
        row.problem = mapping.apply(raw, collection, &record);
        m_rows.append(std::move(row));
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        const RawRecord &raw = preview.rows.at(r);
        QStringList cells;
        cells.reserve(m_columns.size());
        for (const QString &column : std::as_const(m_columns)) {
            QString text;
            for (const auto &[name, value] : raw.fields)
                if (name == column) {
                    text = cellText(value);
                    break;
                }
            cells.append(text);
        }
        m_rows[r].cells = cells;
    }
    endResetModel();
}

QStringList PreviewModel::problems() const
{
    QStringList list;
    for (const Row &row : m_rows) {
        if (!row.problem)
            continue;
        const QString where = row.line > 0 ? tr("line %1").arg(row.line) : tr("record %1").arg(row.number);
        list.append(row.problem->field.isEmpty()
                        ? tr("%1: %2").arg(where, row.problem->reason)
                        : tr("%1: field %2: %3").arg(where, row.problem->field, row.problem->reason));
    }
    return list;
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || (m_columns.isEmpty() && m_rows.isEmpty()))
        return 0;
    return FirstSourceColumn + int(m_columns.size());
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (index.column() == CheckColumn) {
        switch (role) {
        case Qt::DisplayRole:
            if (!row.problem)
                return tr("ok");
            return row.problem->field.isEmpty() ? row.problem->reason
                                                : tr("%1: %2").arg(row.problem->field, row.problem->reason);
        case Qt::ToolTipRole:
            return row.problem ? data(index, Qt::DisplayRole) : QVariant();
        case Qt::ForegroundRole:
            return QBrush(statusstyle::textColor(row.problem ? statusstyle::Tone::Error : statusstyle::Tone::Ok));
        case ProblemRole:
            return row.problem ? row.problem->reason : QString();
        default:
            return {};
        }
    }
    const int c = index.column() - FirstSourceColumn;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return row.cells.value(c);
    return {};
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rows.size())
            return {};
        const Row &row = m_rows.at(section);
        if (role == Qt::ToolTipRole)
            return row.line > 0 ? tr("Line %1 of the file").arg(row.line) : tr("Record %1 of the file").arg(row.number);
        return row.line > 0 ? row.line : row.number;
    }
    if (section == CheckColumn)
        return role == Qt::DisplayRole ? tr("Check") : tr("What the current mapping makes of the record");
    const int c = section - FirstSourceColumn;
    if (c < 0 || c >= m_columns.size())
        return {};
    const QString column = m_columns.at(c);
    const QString field = m_fieldOfColumn.value(column);
    if (role == Qt::ToolTipRole)
        return field.isEmpty() ? tr("Column %1: not mapped, kept as an extra field").arg(column)
                               : tr("Column %1 feeds %2").arg(column, field);
    return field.isEmpty() ? column : tr("%1 → %2").arg(column, field);
}

} // namespace kms::ui
