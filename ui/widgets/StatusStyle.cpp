// SPDX-License-Identifier: MIT
#include "widgets/StatusStyle.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>

namespace kms::ui::statusstyle {

namespace {
const char *const kToneProperty = "kmsStatusTone";
const char *const kBoldProperty = "kmsStatusBold";

void apply(QLabel *label)
{
    const auto tone = Tone(label->property(kToneProperty).toInt());
    const bool bold = label->property(kBoldProperty).toBool();
    QString sheet;
    if (tone != Tone::Neutral)
        sheet = QStringLiteral("color: %1;").arg(textColor(tone, QApplication::palette(label)).name());
    if (bold)
        sheet += QStringLiteral(" font-weight: 600;");
    if (label->styleSheet() != sheet) // restyling repolishes: only on a change
        label->setStyleSheet(sheet);
}

// Re-applies a label's tone when the application's palette changes (the theme was switched):
// a style sheet colour would otherwise stay that of the old theme.
class ThemeFollower : public QObject
{
public:
    using QObject::QObject;
    static ThemeFollower *instance()
    {
        static auto *follower = new ThemeFollower(qApp);
        return follower;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ApplicationPaletteChange)
            if (auto *label = qobject_cast<QLabel *>(watched))
                apply(label);
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor textColor(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Ok: return dark ? QColor(0x6c, 0xc9, 0x7a) : QColor(0x26, 0x80, 0x3a);
    case Tone::Warning: return dark ? QColor(0xf0, 0xb8, 0x49) : QColor(0xa3, 0x5f, 0x00);
    case Tone::Error: return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
    case Tone::Info: return dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x15, 0x65, 0xc0);
    case Tone::Neutral: break;
    }
    return palette.color(QPalette::WindowText);
}

QColor textColor(Tone tone)
{
    return textColor(tone, QApplication::palette());
}

QColor fillColor(Tone tone)
{
    switch (tone) {
    case Tone::Ok: return QColor(0x2e, 0x7d, 0x32);
    case Tone::Warning: return QColor(0xb2, 0x6a, 0x00);
    case Tone::Error: return QColor(0xc6, 0x28, 0x28);
    case Tone::Info: return QColor(0x15, 0x65, 0xc0);
    case Tone::Neutral: break;
    }
    return QColor(0x75, 0x75, 0x75);
}

void setTone(QLabel *label, Tone tone, bool bold)
{
    if (!label->property(kToneProperty).isValid())
        label->installEventFilter(ThemeFollower::instance());
    label->setProperty(kToneProperty, int(tone));
    label->setProperty(kBoldProperty, bold);
    apply(label);
}

Tone healthTone(const QString &status)
{
    if (status == QLatin1String("healthy"))
        return Tone::Ok;
    if (status == QLatin1String("degraded"))
        return Tone::Warning;
    if (status == QLatin1String("unhealthy"))
        return Tone::Error;
    return Tone::Neutral;
}

Tone jobTone(JobStatus status)
{
    switch (status) {
    case JobStatus::Completed: return Tone::Ok;
    case JobStatus::Failed: return Tone::Error;
    case JobStatus::Cancelled:
    case JobStatus::Paused: return Tone::Warning;
    case JobStatus::Running: return Tone::Info;
    case JobStatus::Queued: break;
    }
    return Tone::Neutral;
}

} // namespace kms::ui::statusstyle
