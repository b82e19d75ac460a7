// SPDX-License-Identifier: MIT
#include "widgets/StatusBadge.h"

#include "widgets/StatusStyle.h"

#include <QCoreApplication>

namespace kms::ui {

QColor healthColor(const QString &status)
{
    return statusstyle::fillColor(statusstyle::healthTone(status));
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
