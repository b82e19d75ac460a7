// SPDX-License-Identifier: MIT
#pragma once
// A small store whose right answers are known: a few hand-written cases and articles about VPN
// drops, a printer, a password reset and one record full of HTML, among 300 generated cases that
// share their vocabulary only loosely (testdata::caseObject).

#include "TestData.h"
#include "TestEngine.h"
#include "UiTestSupport.h"

#include "searchpage/ResultsModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace kms::testui {

inline QJsonObject record(const char *id, const char *kind, const char *title, const char *body,
                          const char *resolution, const char *status, const char *priority, const char *product,
                          const char *category, const char *tags, const char *created, const char *updated)
{
    QJsonObject o{{QStringLiteral("id"), QString::fromUtf8(id)},
                  {QStringLiteral("kind"), QString::fromUtf8(kind)},
                  {QStringLiteral("title"), QString::fromUtf8(title)},
                  {QStringLiteral("description"), QString::fromUtf8(body)},
                  {QStringLiteral("tags"), QString::fromUtf8(tags)},
                  {QStringLiteral("created_at"), QString::fromUtf8(created)},
                  {QStringLiteral("updated_at"), QString::fromUtf8(updated)}};
    auto set = [&](const char *key, const char *value) {
        if (value)
            o.insert(QLatin1String(key), QString::fromUtf8(value));
    };
    set("resolution", resolution);
    set("status", status);
    set("priority", priority);
    set("product", product);
    set("category", category);
    return o;
}

inline QList<QJsonObject> knownRecords()
{
    return {
        record("CASE-VPN-1", "case", "VPN tunnel disconnects after idle time",
               "Since the gateway update the VPN tunnel drops and the client disconnects after a few minutes of "
               "idle time. Reconnecting works until the next idle period.",
               "Raised the keepalive interval on the gateway to 60 seconds.", "open", "high", "VPN Client", nullptr,
               "vpn, network", "2024-03-01T09:00:00Z", "2024-03-05T10:00:00Z"),
        record("KB-VPN-1", "article", "Fixing VPN disconnects on idle connections",
               "When a VPN tunnel disconnects after idle time, the gateway closes quiet sessions. Raise the "
               "keepalive interval on the gateway and on the client.",
               nullptr, nullptr, nullptr, nullptr, "Network", "vpn", "2023-05-01T09:00:00Z", "2024-01-20T09:00:00Z"),
        record("CASE-VPN-2", "case", "VPN disconnects when switching wireless networks",
               "The VPN client disconnects whenever the laptop moves between wireless networks.",
               "Enabled the roaming option of the VPN client.", "resolved", "medium", "VPN Client", nullptr, "vpn",
               "2023-11-01T09:00:00Z", "2023-11-10T09:00:00Z"),
        record("CASE-PRN-1", "case", "Printer offline after the driver update",
               "The office printer shows offline since the driver update; printing queues up.",
               "Rolled back the printer driver.", "closed", "low", "PrintHub", nullptr, "printer",
               "2024-02-01T09:00:00Z", "2024-02-02T09:00:00Z"),
        record("CASE-HTML-1", "case", "Portal shows <b>bold</b> & <script>alert('x')</script> text",
               "The zebrafish page renders <img src=x onerror=alert(1)> literally & breaks the layout.", nullptr,
               "open", "low", "Billing Portal", nullptr, "portal", "2024-04-01T09:00:00Z", "2024-04-02T09:00:00Z"),
        record("KB-PWD-1", "article", "Resetting a forgotten password",
               "Users reset a forgotten password from the sign-in page with the 'Forgot password' link.", nullptr,
               nullptr, nullptr, nullptr, "Accounts", "password", "2023-01-01T09:00:00Z", "2023-01-02T09:00:00Z"),
    };
}

// Writes the records and ingests them into dataDir; false + a message on failure.
inline bool makeStore(const QString &dataDir, const QString &scratch, QString *error)
{
    const QString file = scratch + QStringLiteral("/records.jsonl");
    QByteArray text;
    for (const QJsonObject &o : knownRecords())
        text += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    for (int i = 0; i < 300; ++i)
        text += QJsonDocument(testdata::caseObject(i)).toJson(QJsonDocument::Compact) + '\n';
    if (!testdata::writeText(file, text)) {
        *error = QStringLiteral("cannot write %1").arg(file);
        return false;
    }
    auto engine = testdata::openTestEngine(dataDir, error);
    if (!engine)
        return false;
    IngestOptions o;
    o.files = {file};
    const JobInfo job = engine->runJob(o);
    if (job.counts.inserted != 306) {
        *error = QStringLiteral("ingested %1 of 306 records: %2").arg(job.counts.inserted).arg(job.error);
        return false;
    }
    return true;
}

// The external ids of the hits the results table shows, in order.
inline QStringList shownIds(const ui::ResultsModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(ui::ResultsModel::ExternalIdRole).toString();
    return ids;
}

} // namespace kms::testui
