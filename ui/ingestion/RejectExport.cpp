// SPDX-License-Identifier: MIT
#include "ingestion/RejectExport.h"

#include <QSaveFile>

namespace kms::ui {

namespace {
QByteArray field(const QString &value)
{
    QByteArray v = value.toUtf8();
    if (v.contains(',') || v.contains('"') || v.contains('\n') || v.contains('\r')) {
        v.replace("\"", "\"\"");
        v = '"' + v + '"';
    }
    return v;
}
} // namespace

QByteArray rejectsCsv(const QList<RejectInfo> &rejects)
{
    QByteArray out = "job,file,record,line,field,reason,raw\r\n";
    for (const RejectInfo &r : rejects) {
        out += QByteArray::number(r.jobId) + ',' + field(r.source) + ',' + QByteArray::number(r.recordNumber)
             + ',' + QByteArray::number(r.line) + ',' + field(r.field) + ',' + field(r.reason) + ','
             + field(r.rawData) + "\r\n";
    }
    return out;
}

bool writeRejectsCsv(const QString &path, const QList<RejectInfo> &rejects, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray csv = rejectsCsv(rejects);
    if (file.write(csv) != csv.size() || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace kms::ui
