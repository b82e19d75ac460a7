// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QCommandLineParser;

namespace kms {
class Engine;
struct IngestOptions;
}

namespace kms::cli {

// Exit codes, documented in `kmsctl --help` and the README.
enum ExitCode : int {
    Ok = 0,
    Failed = 1,         // the operation failed (job failed, file unreadable, ...)
    Usage = 2,          // bad command line
    StoreUnavailable = 3, // data directory locked by another process, or unusable
    PartialSuccess = 4, // job completed but some records were rejected
    Degraded = 5,       // health: degraded
    Unhealthy = 6,      // health: unhealthy
    Cancelled = 7,      // job cancelled (Ctrl+C)
};

// Shared state of one kmsctl run.
struct Context {
    QString dataDir;   // from --data-dir (may be empty: KMS_DATA_DIR / default)
    bool json = false; // --json
    bool quiet = false;
    QString logLevel = QStringLiteral("warn");
};

void out(const QString &text);              // stdout, UTF-8, newline added
void err(const QString &text);              // stderr, UTF-8, newline added
void printJson(const QJsonValue &value);    // indented JSON on stdout
bool stdoutIsTerminal();
QString humanCount(double n);               // 12345 -> "12,345"
QString humanBytes(double bytes);           // 1536 -> "1.5 KiB"
QString humanDuration(double seconds);      // 75 -> "1m 15s"
// Left-aligned text table with a header row; widths from the content. Cells are cut at 60
// characters except in the last column (reasons, sources), which is shown whole.
void printTable(const QStringList &header, const QList<QStringList> &rows);

// Opens the engine on the context's data directory, printing the reason and returning null on failure.
// readOnlyBesideOwner: a read-only view when another process owns the directory, said on stderr.
// The vector index is read when the command first needs vectors (a vector or hybrid search, an
// ingestion, health), so `stats`, `jobs` and `rejects` never read it; atOpen reads it before
// returning (`serve`: the API answers with the index ready).
std::unique_ptr<Engine> openEngine(const Context &ctx, bool startSampler = false, bool readOnlyBesideOwner = false,
                                   bool indexAtOpen = false);

// The job options `ingest` and `schedule add` share: --collection, --workers, --batch-size,
// --priority, --mode, --map. jobOptionsFrom() prints what is wrong and returns false.
void addJobOptions(QCommandLineParser &parser);
bool jobOptionsFrom(const QCommandLineParser &parser, IngestOptions *o);

} // namespace kms::cli
