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
std::unique_ptr<Engine> openEngine(const Context &ctx, bool startSampler = false);

// Each command parses its own options from args (args[0] is the command name) and returns an exit code.
int cmdInit(const Context &ctx, const QStringList &args);
int cmdIngest(const Context &ctx, const QStringList &args, bool initialLoad);
int cmdHealth(const Context &ctx, const QStringList &args);
int cmdStats(const Context &ctx, const QStringList &args);
int cmdJobs(const Context &ctx, const QStringList &args);
int cmdRejects(const Context &ctx, const QStringList &args);
int cmdGenerate(const Context &ctx, const QStringList &args);
int cmdBenchmark(const Context &ctx, const QStringList &args);
int cmdSearch(const Context &ctx, const QStringList &args);
int cmdSimilar(const Context &ctx, const QStringList &args);
int cmdSearchLog(const Context &ctx, const QStringList &args);
int cmdEval(const Context &ctx, const QStringList &args);
int cmdSchedule(const Context &ctx, const QStringList &args);
int cmdEmbed(const Context &ctx, const QStringList &args);

// The job options `ingest` and `schedule add` share: --collection, --workers, --batch-size,
// --priority, --mode, --map. jobOptionsFrom() prints what is wrong and returns false.
void addJobOptions(QCommandLineParser &parser);
bool jobOptionsFrom(const QCommandLineParser &parser, IngestOptions *o);

// Parses args with parser; on error prints it with the command's usage and returns false.
bool parseArgs(QCommandLineParser &parser, const QStringList &args, int *exitCode);

} // namespace kms::cli
