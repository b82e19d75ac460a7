// SPDX-License-Identifier: MIT
#pragma once

#include "readers/RecordReader.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kms {

// Reads exactly one record from `text`, spelled in the format of `sourcePath`: for .csv / .tsv one
// row under the source's header (read from sourcePath, which must still exist), for .json /
// .jsonl / .ndjson one JSON object (it may span lines). Used to retry a rejected record after a
// user fixed its text; the same readers parse it as parsed the source, so a fix means the same
// in both. Returns false + *error when the text holds no record, several, or the source's header
// cannot be read; a record the reader refused comes back with RawRecord::error set.
bool readSingleRecord(const QString &sourcePath, const QByteArray &text, RawRecord *out,
                      QStringList *columns, QString *error);

// The header line of a CSV source as the reader saw it (the names after trimming and
// de-duplication), for showing above a row being fixed. Empty + *error when unreadable or not CSV.
QStringList csvHeader(const QString &sourcePath, QString *error);

} // namespace kms
