// SPDX-License-Identifier: MIT
#include "widgets/StatusBadge.h"

#include <QCoreApplication>

namespace kms::ui {

QColor healthColor(const QString &status)
{
    if (status == QLatin1String("healthy"))
        return QColor(0x2e, 0x7d, 0x32);
    if (status == QLatin1String("degraded"))
        return QColor(0xb2, 0x6a, 0x00);
    if (status == QLatin1String("unhealthy"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x75, 0x75, 0x75);
}

QString healthText(const QString &status)
{
    if (status == QLatin1String("healthy"))
        return QCoreApplication::translate("kms::ui::StatusBadge", "Healthy");
    if (status == QLatin1String("degraded"))
        return QCoreApplication::translate("kms::ui::StatusBadge", "Degraded");
    if (status == QLatin1String("unhealthy"))
        return QCoreApplication::translate("kms::ui::StatusBadge", "Unhealthy");
    return QCoreApplication::translate("kms::ui::StatusBadge", "Unknown");
}

StatusBadge::StatusBadge(QWidget *parent)
    : QLabel(parent)
{
    setAlignment(Qt::AlignCenter);
    setStatus({});
}

void StatusBadge::setStatus(const QString &status)
{
    if (status == m_status && !styleSheet().isEmpty())
        return; // restyling repolishes: not on every refresh
    m_status = status;
    setText(healthText(status));
    setAccessibleName(tr("Status: %1").arg(text()));
    setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; border-radius: 9px; padding: 2px 10px;"
                                 " font-weight: 600; }")
                      .arg(healthColor(status).name()));
}

} // namespace kms::ui
