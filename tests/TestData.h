// SPDX-License-Identifier: MIT
#pragma once
// Small helpers shared by the engine-level tests: files of support records written on the fly.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace kms::testdata {

// A case record as an export would spell it; i selects distinct, searchable wording.
inline QJsonObject caseObject(int i, const QString &suffix = {})
{
    static const char *products[] = {"Orbit CRM", "Helix Gateway", "VPN Client", "Billing Portal"};
    static const char *errors[] = {"ORA-12154", "0x80070005", "HTTP 502", "ECONNRESET"};
    const QString product = QLatin1String(products[i % 4]);
    const QString error = QLatin1String(errors[(i / 4) % 4]);
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("CASE-%1").arg(i)},
        {QStringLiteral("title"), QStringLiteral("%1 fails with %2 (%3)").arg(product, error).arg(i)},
        {QStringLiteral("description"),
         QStringLiteral("Customer %1 reports that %2 stops with %3 after the upgrade to v2.%4. "
                        "They restarted the service and cleared the cache without success.%5")
             .arg(i).arg(product, error).arg(i % 10).arg(suffix)},
        {QStringLiteral("status"), i % 3 ? QStringLiteral("resolved") : QStringLiteral("open")},
        {QStringLiteral("priority"), i % 5 ? QStringLiteral("medium") : QStringLiteral("high")},
        {QStringLiteral("product"), product},
        {QStringLiteral("tags"), QStringLiteral("upgrade, %1").arg(error.toLower())},
        {QStringLiteral("channel"), QStringLiteral("email")}};
}

// Writes cases [from, to) as JSONL; returns false if the file cannot be written.
inline bool writeCases(const QString &path, int from, int to, const QString &suffix = {})
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (int i = from; i < to; ++i) {
        f.write(QJsonDocument(caseObject(i, suffix)).toJson(QJsonDocument::Compact));
        f.write("\n");
    }
    return true;
}

inline bool writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

} // namespace kms::testdata
