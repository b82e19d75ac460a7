// SPDX-License-Identifier: MIT
#include "healthpage/HealthCard.h"

#include "widgets/ElidedLabel.h"
#include "widgets/StatusBadge.h"
#include "widgets/StatusStyle.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace kms::ui {

HealthCard::HealthCard(const QString &component, const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_badge(new StatusBadge(this))
    , m_rows(new QFormLayout)
    , m_problems(new QLabel(this))
{
    setObjectName(QStringLiteral("card_") + component);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(title);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setBold(true);
    heading->setFont(f);
    m_badge->setObjectName(QStringLiteral("status"));

    auto *top = new QHBoxLayout;
    top->addWidget(heading, 1);
    top->addWidget(m_badge);

    m_rows->setLabelAlignment(Qt::AlignLeft);
    m_rows->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_rows->setHorizontalSpacing(14);
    m_rows->setVerticalSpacing(4);

    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->addLayout(top);
    layout->addLayout(m_rows);
    layout->addWidget(m_problems);
}

void HealthCard::setHealth(const QString &status, const QList<HealthRow> &rows, const QString &problems)
{
    // Restyling repolishes the card and every child: only when the status changes.
    if (status != m_badge->status() || styleSheet().isEmpty()) {
        m_badge->setStatus(status);
        // A coloured left edge: the status at a glance across the grid of cards.
        setStyleSheet(QStringLiteral("kms--ui--HealthCard { border: 1px solid palette(mid); border-left: 5px solid %1;"
                                     " border-radius: 4px; background: palette(base); }")
                          .arg(healthColor(status).name()));
        statusstyle::setTone(m_problems, statusstyle::healthTone(status));
    }

    QSet<QString> seen;
    for (const HealthRow &row : rows) {
        seen.insert(row.key);
        auto it = m_byKey.find(row.key);
        if (it == m_byKey.end()) {
            auto *label = new QLabel(row.label, this);
            QPalette muted = label->palette();
            muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
            label->setPalette(muted);
            QLabel *value = row.elide ? new ElidedLabel(this) : new QLabel(this);
            value->setObjectName(row.key);
            if (!row.elide) {
                value->setTextInteractionFlags(Qt::TextSelectableByMouse);
                value->setWordWrap(true);
            }
            label->setBuddy(value);
            m_rows->addRow(label, value);
            it = m_byKey.insert(row.key, {label, value});
        }
        it->label->setText(row.label);
        it->value->setText(row.value);
        it->value->setAccessibleName(row.label);
        if (row.elide)
            it->value->setToolTip(row.value);
        m_rows->setRowVisible(it->value, true);
    }
    // Rows a report no longer has are hidden, not deleted: the next report may bring them back.
    for (auto it = m_byKey.begin(); it != m_byKey.end(); ++it) {
        if (!seen.contains(it.key())) {
            m_rows->setRowVisible(it->value, false);
            it->value->clear();
        }
    }
    m_problems->setVisible(!problems.isEmpty());
    m_problems->setText(problems.isEmpty() ? QString() : tr("Problem: %1").arg(problems));
}

QString HealthCard::status() const
{
    return m_badge->status();
}

QString HealthCard::value(const QString &key) const
{
    const auto it = m_byKey.constFind(key);
    return it == m_byKey.constEnd() ? QString() : it->value->text(); // hidden rows are cleared
}

} // namespace kms::ui
