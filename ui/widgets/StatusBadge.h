// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QLabel>

namespace kms::ui {

// The colour and the word for a health status as core reports it ("healthy", "degraded",
// "unhealthy"); anything else is shown as unknown (grey).
QColor healthColor(const QString &status);
QString healthText(const QString &status);

// A small coloured pill with the status word: green, amber, red or grey. The word is there for
// people who cannot tell the colours apart, and for screen readers.
class StatusBadge : public QLabel
{
    Q_OBJECT
public:
    explicit StatusBadge(QWidget *parent = nullptr);
    void setStatus(const QString &status);
    QString status() const { return m_status; }

private:
    QString m_status;
};

} // namespace kms::ui
