// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

namespace kms::ui::format {

// Human-readable numbers for tiles, tables and the status bar, in the user's locale.
QString count(qint64 n);                 // 1,234,567
QString rate(double perSecond);          // "12,345 rec/s"
QString bytes(double bytes);             // "1.4 GB"
QString duration(double seconds);        // "2 h 05 min", "3 min 07 s", "12 s"; "—" when unknown
QString elapsed(double seconds);         // like duration, with a tenth under 10 s: "0.4 s", "7.2 s"
QString milliseconds(double ms);         // "0.42 ms", "18 ms"
QString percent(double fraction);        // 0.973 -> "97.3 %"
QString dateTime(const QDateTime &t);    // local time, "2024-05-01 14:30:05"; "—" when invalid

} // namespace kms::ui::format
