// SPDX-License-Identifier: MIT
#include "ingestion/MappingEditor.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace kms::ui {

namespace {
constexpr int kPairsPerRow = 4;
} // namespace

MappingEditor::MappingEditor(QWidget *parent)
    : QGroupBox(tr("Column mapping"), parent)
    , m_reset(new QPushButton(tr("Reset to detected"), this))
{
    setObjectName(QStringLiteral("mappingEditor"));
    const std::array<QString, FieldCount> labels = {
        tr("External ID *"), tr("Title"), tr("Body"), tr("Resolution"), tr("Status"), tr("Priority"),
        tr("Product"), tr("Category"), tr("Tags"), tr("Created"), tr("Updated"), tr("Record type")};
    auto *grid = new QGridLayout(this);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    for (int f = 0; f < FieldCount; ++f) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("map_%1").arg(fieldName(Field(f))));
        combo->setAccessibleName(tr("Column for %1").arg(fieldName(Field(f))));
        combo->setToolTip(tr("The source column that feeds the field %1").arg(fieldName(Field(f))));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
        auto *label = new QLabel(labels[size_t(f)], this);
        label->setBuddy(combo);
        const int row = f / kPairsPerRow;
        const int col = (f % kPairsPerRow) * 2;
        grid->addWidget(label, row, col);
        grid->addWidget(combo, row, col + 1);
        grid->setColumnStretch(col + 1, 1);
        m_combos[size_t(f)] = combo;
        connect(combo, &QComboBox::activated, this, [this, f] { onActivated(Field(f)); });
    }
    m_reset->setObjectName(QStringLiteral("resetMappingButton"));
    m_reset->setToolTip(tr("Forget the changes and use the detected mapping"));
    grid->addWidget(m_reset, (FieldCount - 1) / kPairsPerRow + 1, kPairsPerRow * 2 - 1, Qt::AlignRight);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        m_overrides.clear();
        refill();
        emit mappingChanged();
    });
    clear();
}

void MappingEditor::clear()
{
    m_columns.clear();
    m_detected.clear();
    refill();
}

void MappingEditor::setSource(const QStringList &columns, const QHash<Field, QString> &detected)
{
    m_columns = columns;
    m_detected = detected;
    for (auto it = m_overrides.begin(); it != m_overrides.end();) {
        if (!it.value().isEmpty() && !columns.contains(it.value()))
            it = m_overrides.erase(it);
        else
            ++it;
    }
    refill();
}

QStringList MappingEditor::overrides() const
{
    QStringList list;
    for (int f = 0; f < FieldCount; ++f) {
        const auto it = m_overrides.constFind(Field(f));
        if (it != m_overrides.cend())
            list.append(fieldName(Field(f)) + QLatin1Char('=') + it.value());
    }
    return list;
}

void MappingEditor::refill()
{
    for (int f = 0; f < FieldCount; ++f) {
        QComboBox *combo = m_combos[size_t(f)];
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(tr("(not mapped)"), QString());
        const QString detected = m_detected.value(Field(f));
        for (const QString &column : std::as_const(m_columns))
            combo->addItem(column == detected ? tr("%1 (detected)").arg(column) : column, column);
        const QString current = m_overrides.contains(Field(f)) ? m_overrides.value(Field(f)) : detected;
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
        combo->setEnabled(!m_columns.isEmpty());
        QFont font = combo->font();
        font.setBold(m_overrides.contains(Field(f))); // changed by the user
        combo->setFont(font);
    }
    m_reset->setEnabled(!m_overrides.isEmpty());
}

void MappingEditor::onActivated(Field f)
{
    const QString chosen = m_combos[size_t(f)]->currentData().toString();
    if (chosen == m_detected.value(Field(f)))
        m_overrides.remove(f);
    else
        m_overrides.insert(f, chosen);
    refill();
    emit mappingChanged();
}

} // namespace kms::ui
