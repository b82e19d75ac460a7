// SPDX-License-Identifier: MIT
#pragma once

#include "readers/FieldMapping.h"

#include <QGroupBox>
#include <QHash>
#include <QStringList>

#include <array>

class QComboBox;
class QPushButton;

namespace kms::ui {

// One combo box per field of our data model, listing the source's columns. Starts at the detected
// mapping; what the user changes becomes "field=column" overrides (IngestOptions::mappings), so
// other files of the job keep their own detection for the fields left alone.
class MappingEditor : public QGroupBox
{
    Q_OBJECT
public:
    static constexpr int FieldCount = int(Field::Kind) + 1;

    explicit MappingEditor(QWidget *parent = nullptr);

    // The columns of the previewed source and the detected mapping. Overrides naming a column the
    // new source also has are kept.
    void setSource(const QStringList &columns, const QHash<Field, QString> &detected);
    void clear();
    // "title=Subject", "kind=" (unmapped on purpose), in field order.
    QStringList overrides() const;
    QComboBox *comboFor(Field f) const { return m_combos[size_t(f)]; }

signals:
    void mappingChanged();

private:
    void refill();
    void onActivated(Field f);

    std::array<QComboBox *, FieldCount> m_combos{};
    QPushButton *m_reset;
    QStringList m_columns;
    QHash<Field, QString> m_detected;
    QHash<Field, QString> m_overrides; // empty value: not mapped on purpose
};

} // namespace kms::ui
