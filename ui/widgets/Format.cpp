// SPDX-License-Identifier: MIT
#include "widgets/Format.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace kms::ui::format {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("kms::ui::format", text);
}
} // namespace

QString count(qint64 n)
{
    return QLocale().toString(n);
}

QString rate(double perSecond)
{
    return tr("%1 rec/s").arg(QLocale().toString(qint64(std::llround(perSecond))));
}

QString bytes(double value)
{
    return QLocale().formattedDataSize(qint64(value), 1, QLocale::DataSizeSIFormat);
}

QString duration(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return QStringLiteral("—");
    const qint64 s = qint64(std::llround(seconds));
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString elapsed(double seconds)
{
    if (seconds >= 0 && seconds < 9.95)
        return tr("%1 s").arg(QLocale().toString(seconds, 'f', 1));
    return duration(seconds);
}

QString milliseconds(double ms)
{
    if (ms < 10)
        return tr("%1 ms").arg(QLocale().toString(ms, 'f', 2));
    return tr("%1 ms").arg(QLocale().toString(qint64(std::llround(ms))));
}

QString percent(double fraction)
{
    return tr("%1 %").arg(QLocale().toString(fraction * 100.0, 'f', 1));
}

QString dateTime(const QDateTime &t)
{
    if (!t.isValid())
        return QStringLiteral("—");
    // ISO-like and sortable by eye: operators compare job times across rows.
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace kms::ui::format
