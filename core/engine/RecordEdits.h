// SPDX-License-Identifier: MIT
#pragma once
// Value types of the engine's single-record calls and exports (the data browser, the API).

#include "ingest/RecordValidation.h"
#include "model/Browse.h"
#include "model/StoredRecord.h"

#include <QList>
#include <QString>

#include <atomic>

namespace kms {

// A count and the first page of a browse query, read in one snapshot.
struct BrowseResult {
    qint64 total = -1;          // -1 on error
    BrowsePage page;
};

struct RecordSaveResult {
    bool ok = false;
    qint64 id = 0;              // the stored record's id
    bool created = false;
    bool changed = false;       // false: the same content was stored already (nothing written)
    StoredRecord stored;        // as stored after the save
    QList<FieldProblem> problems; // validation: nothing was written
    QString error;              // any other failure: nothing was written
};

// Shared between the exporting thread and whoever shows its progress.
struct ExportProgress {
    std::atomic<qint64> total{-1};   // records to write, once counted
    std::atomic<qint64> done{0};
    std::atomic<bool> cancel{false}; // set to stop; the partial file is removed
};

struct ExportResult {
    bool ok = false;
    bool cancelled = false;
    qint64 records = 0;
    QString path;
    QString error;
};

} // namespace kms
