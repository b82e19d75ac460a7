// SPDX-License-Identifier: MIT
#pragma once

#include "storage/Store.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace kms {

class StorePool;

class VectorIndex;

// The integrity check walks four phases, one after the other.
enum class IntegrityPhase { Database, FullText, VectorIndex, IndexFile };
inline constexpr int kIntegrityPhaseCount = 4;
QString integrityPhaseName(IntegrityPhase p); // "database", "full_text", "vector_index", "index_file"

struct IntegrityProgress {
    IntegrityPhase phase = IntegrityPhase::Database;
    qint64 done = 0;
    qint64 total = 0; // 0: unknown (one SQLite statement runs; it reports no steps)
};

// What one phase found.
struct IntegrityFinding {
    IntegrityPhase phase = IntegrityPhase::Database;
    bool ok = false;
    QString message; // "ok" or the problem, in words an operator can act on
};

struct IntegrityReport {
    bool finished = false;  // every phase ran
    bool cancelled = false;
    QString error;          // why the check could not run at all
    QList<IntegrityFinding> findings;
    qint64 records = 0;             // live records in the store
    qint64 vectorsChecked = 0;      // stored vectors looked up in the index
    qint64 missingFromIndex = 0;    // stored vectors the index lacks
    qint64 extraInIndex = 0;        // index entries with no stored vector
    qint64 recordsWithoutVector = 0;
    // Of those, records in the vector backlog: their embedding failed and a worker fills them in.
    // Expected during an embedder outage, so not a problem the check reports.
    qint64 vectorBacklog = 0;
    double seconds = 0;

    bool ok() const;         // finished and every finding ok
    int problemCount() const;
    QJsonObject toJson() const;
};

struct IntegrityInputs {
    // The check reads every page on a pooled connection; FTS5's own check is a write statement and
    // runs on the writer.
    StorePool *stores = nullptr;
    std::shared_ptr<const VectorIndex> index;     // the live index
    QString indexPath;                            // its file
    int dimension = 0;
    QString embedderId;
};

// Checks the SQLite pages, the full-text index, every stored vector against the live vector index,
// and the index file's header and checksums. Read-only; stops at the next step when *cancel is set.
// progress (optional) is called from the calling thread.
IntegrityReport checkIntegrity(const IntegrityInputs &in,
                               const std::function<void(const IntegrityProgress &)> &progress,
                               const std::atomic<bool> *cancel);

} // namespace kms
