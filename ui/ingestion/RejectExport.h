// SPDX-License-Identifier: MIT
#pragma once

#include "model/Job.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kms::ui {

// Rejected records as CSV (RFC 4180, UTF-8, CRLF): job, file, record, line, field, reason, raw
// record. Opens in a spreadsheet; the raw column is the record as the source spelled it.
QByteArray rejectsCsv(const QList<RejectInfo> &rejects);

// Writes the CSV to path (atomically, via a temporary file). Runs off the GUI thread.
bool writeRejectsCsv(const QString &path, const QList<RejectInfo> &rejects, QString *error);

} // namespace kms::ui
