// SPDX-License-Identifier: MIT
// kmsctl: the KMS Admin engine from the command line.
#include "Cli.h"

#include "log/Log.h"

#include <QCoreApplication>

using namespace kms::cli;

namespace {
const char *kUsage = R"(usage: kmsctl [--data-dir DIR] [--json] [--quiet] [--log-level LEVEL] COMMAND [ARGS]

Commands:
  init                      create or open the data directory
  ingest FILE...            ingest CSV / JSON / JSONL (.gz too): upsert by id, skip unchanged
  initial-load FILE...      fastest load into an empty store
  health [--detailed]       database, vector index, embedder, disk, memory
  stats                     record counts, index size, last job
  jobs [--limit N]          ingestion jobs, newest first
  rejects [JOB]             rejected records with file, record, line, field and reason
  generate --cases N --articles N --out FILE [--seed S]
                            realistic synthetic support data (.jsonl, .json, .csv)
  search TEXT [--mode keyword|vector|hybrid] [--collection C] [--filter k=v]... [-k N]
         [--fusion rrf|weighted] [--explain]
                            find cases and articles; matched words marked
  similar ID                more like this: the records nearest to a record
  search-log [--top | --zero-results | --latency]
                            search analytics
  eval --corpus C --queries Q --qrels R [--mode M]
                            nDCG@10, Recall@100, MRR@10 and latency on a BEIR collection
  benchmark [--cases N]     end-to-end and per-stage ingestion speed, HNSW recall
  schedule list | add FILE... --every MIN | remove ID | run-due
                            scheduled syncs (re-ingest a source every N minutes)
  embed TEXT... --model DIR [--tokens]
                            vectors of a local sentence-transformers model folder

Run `kmsctl COMMAND --help` for a command's options.
The data directory is --data-dir, else $KMS_DATA_DIR, else the platform default.
Exit codes: 0 ok, 1 failed, 2 usage, 3 data directory unavailable (locked or unusable),
4 completed with rejected records, 5 degraded, 6 unhealthy, 7 cancelled.)";
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kms-admin"));
    QCoreApplication::setOrganizationName(QStringLiteral("kms-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KMS_VERSION));

    // Global options may stand anywhere; what is left is the command and its own arguments.
    Context ctx;
    QStringList rest;
    const QStringList all = QCoreApplication::arguments().mid(1);
    for (int i = 0; i < all.size(); ++i) {
        const QString &a = all[i];
        if (a == QLatin1String("--data-dir") && i + 1 < all.size())
            ctx.dataDir = all[++i];
        else if (a.startsWith(QLatin1String("--data-dir=")))
            ctx.dataDir = a.mid(11);
        else if (a == QLatin1String("--json"))
            ctx.json = true;
        else if (a == QLatin1String("--quiet") || a == QLatin1String("-q"))
            ctx.quiet = true;
        else if (a == QLatin1String("--log-level") && i + 1 < all.size())
            ctx.logLevel = all[++i];
        else
            rest.append(a);
    }
    kms::log::Options logOptions;
    logOptions.level = ctx.logLevel.toStdString();
    kms::log::init(logOptions);

    if (rest.isEmpty() || rest.first() == QLatin1String("help") || rest.first() == QLatin1String("--help")
        || rest.first() == QLatin1String("-h")) {
        out(QString::fromUtf8(kUsage));
        return rest.isEmpty() ? Usage : Ok;
    }
    if (rest.first() == QLatin1String("--version")) {
        out(QStringLiteral("kmsctl %1").arg(QCoreApplication::applicationVersion()));
        return Ok;
    }
    const QString command = rest.first();
    QStringList args = rest;
    args[0] = QStringLiteral("kmsctl ") + command; // parser error messages name the command
    if (command == QLatin1String("init"))
        return cmdInit(ctx, args);
    if (command == QLatin1String("ingest"))
        return cmdIngest(ctx, args, false);
    if (command == QLatin1String("initial-load"))
        return cmdIngest(ctx, args, true);
    if (command == QLatin1String("health"))
        return cmdHealth(ctx, args);
    if (command == QLatin1String("stats"))
        return cmdStats(ctx, args);
    if (command == QLatin1String("jobs"))
        return cmdJobs(ctx, args);
    if (command == QLatin1String("rejects"))
        return cmdRejects(ctx, args);
    if (command == QLatin1String("generate"))
        return cmdGenerate(ctx, args);
    if (command == QLatin1String("search"))
        return cmdSearch(ctx, args);
    if (command == QLatin1String("similar"))
        return cmdSimilar(ctx, args);
    if (command == QLatin1String("search-log"))
        return cmdSearchLog(ctx, args);
    if (command == QLatin1String("eval"))
        return cmdEval(ctx, args);
    if (command == QLatin1String("benchmark"))
        return cmdBenchmark(ctx, args);
    if (command == QLatin1String("embed"))
        return cmdEmbed(ctx, args);
    if (command == QLatin1String("schedule"))
        return cmdSchedule(ctx, args);
    err(QStringLiteral("kmsctl: unknown command '%1'\n\n%2").arg(command, QString::fromUtf8(kUsage)));
    return Usage;
}
