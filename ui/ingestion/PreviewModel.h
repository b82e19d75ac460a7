// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/SourcePreview.h"
#include "readers/FieldMapping.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace kms::ui {

// The first records of a source as a table: a "Check" column with what the current mapping makes
// of each record (ok, or the field and reason it would be rejected for), then one column per source
// column. Headers of mapped columns name the field they feed; the vertical header is the line.
class PreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CheckColumn = 0, FirstSourceColumn = 1 };
    enum Role { ProblemRole = Qt::UserRole + 1 }; // the rejection reason of the row, empty when ok

    explicit PreviewModel(QObject *parent = nullptr);

    // Shows the preview's rows, checked against mapping (for records of collection).
    void setPreview(const SourcePreview &preview, const FieldMapping &mapping, Collection collection);
    void clear();
    // The rows that would be rejected, as "line 4: title: expected a string, got object".
    QStringList problems() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QStringList cells;              // one per source column
        std::optional<RecordProblem> problem;
        qint64 line = 0;
        qint64 number = 0;
    };
    QStringList m_columns;
    QHash<QString, QString> m_fieldOfColumn; // column -> field name(s) it feeds
    QList<Row> m_rows;
};

} // namespace kms::ui
