// SPDX-License-Identifier: MIT
#pragma once

#include "model/Record.h"
#include "readers/FieldMapping.h"
#include "readers/RecordReader.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace kms {

// The first records of a source file with what ingestion would make of them: its columns, the
// collection it looks like and the detected column for every field. Built off the GUI thread
// before a job is started, so the operator can check and correct the mapping.
struct SourcePreview {
    QString path;
    QString error;                  // the file cannot be read at all; names the file (and line)
    QString stopError;              // reading stopped after some records (truncated JSON, bad gzip)
    QStringList columns;
    QList<RawRecord> rows;          // the first records as read (RawRecord::error set for bad ones)
    Collection guessedCollection = Collection::Cases;
    QHash<Field, QString> detected; // FieldMapping::detect(columns, guessedCollection)
    qint64 estimatedRecords = 0;    // estimateRecordCount() of the file
    qint64 totalBytes = 0;

    bool ok() const { return error.isEmpty(); }
};

// Reads at most maxRows records of path (and samples it for the record estimate).
SourcePreview previewSource(const QString &path, int maxRows = 50);

// The mapping a job would use for a source with these columns: detection for the collection,
// then the overrides ("field=column", as IngestOptions::mappings), then, with an explicit
// collection, no per-record type column. false + *error on a bad override.
bool mappingFor(const QStringList &columns, Collection collection, bool collectionExplicit,
                const QStringList &overrides, FieldMapping *out, QString *error);

} // namespace kms
