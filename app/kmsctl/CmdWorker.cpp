// SPDX-License-Identifier: MIT
// kmsctl worker: embeds batches for a store on another machine, through Redis. kmsctl workers: lists
// the workers of this store's Redis, or sets where they meet.
#include "Command.h"

#include "Cli.h"
#include "ProviderOptions.h"

#include "distributed/EmbedWorker.h"
#include "distributed/RedisUrl.h"
#include "engine/EmbedderFactory.h"
#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>

#include <atomic>
#include <csignal>

namespace kms::cli {

namespace {

std::atomic<bool> g_stop{false};

extern "C" void onWorkerSignal(int)
{
    g_stop = true; // a lock-free atomic store is all a signal handler may do
}

// Runs without a data directory: the worker only ever sees texts and returns vectors.
class WorkerCommand : public OptionCommand {
public:
    WorkerCommand()
        : OptionCommand("worker", "--redis URL [--embedder PROVIDER] [provider options]",
                        "embed batches for a store on another machine (distributed ingestion)")
    {
    }

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Takes batches of texts from the Redis stream of a store whose jobs run in the distributed mode, embeds\n"
            "them and sends the vectors back; the machine that owns the data directory stays its only writer.\n"
            "The embedder must be the store's (the same id, see kmsctl embedder show there), or the worker refuses.\n"
            "Credentials: redis://user:password@host:port/db, or KMS_REDIS_USER with KMS_REDIS_PASSWORD or\n"
            "KMS_REDIS_PASSWORD_FILE (a file of mode 0600). No TLS: hiredis 0.14 has none (use a tunnel).\n"
            "Stops cleanly on Ctrl+C / SIGTERM; a batch it was embedding is taken over by another worker."));
        parser.addOption({QStringLiteral("redis"), QStringLiteral("Where the store's workers meet: redis://[user:password@]host:port[/db]."),
                          QStringLiteral("url")});
        parser.addOption({QStringLiteral("embedder"), QStringLiteral("hash, lsa, openai or bert (default hash)."),
                          QStringLiteral("provider"), QStringLiteral("hash")});
        parser.addOption({QStringLiteral("models"),
                          QStringLiteral("Folder of lsa model files and of bert model folders given by name (default: the current folder)."),
                          QStringLiteral("dir")});
        parser.addOption({QStringLiteral("claim-after"),
                          QStringLiteral("Take over a batch another worker has held this many seconds without answering (default 30)."),
                          QStringLiteral("s"), QStringLiteral("30")});
        addProviderOptions(parser, false);
    }

    int check(const QCommandLineParser &parser) override
    {
        QString error;
        if (!parser.isSet(QStringLiteral("redis"))) {
            err(QStringLiteral("%1: --redis URL is required (redis://host:port)").arg(invokedAs()));
            return Usage;
        }
        if (!resolveRedisUrl(parser.value(QStringLiteral("redis")), &m_endpoint, &error)) {
            err(QStringLiteral("%1: --redis: %2").arg(invokedAs(), error));
            return Usage;
        }
        bool ok = false;
        const int claimAfter = parser.value(QStringLiteral("claim-after")).toInt(&ok);
        if (!ok || claimAfter < 1 || claimAfter > 86'400) {
            err(QStringLiteral("%1: --claim-after takes seconds between 1 and 86400, got \"%2\"")
                    .arg(invokedAs(), parser.value(QStringLiteral("claim-after"))));
            return Usage;
        }
        m_claimAfterMs = claimAfter * 1000;
        const QString provider = parser.value(QStringLiteral("embedder"));
        EngineConfig config;
        if (provider == QLatin1String("lsa")) {
            // An lsa worker reads a copy of the store's model file (models/<name>), named by --model.
            config.embedderProvider = provider;
            config.lsaModel = parser.value(QStringLiteral("model"));
            if (!config.validate(&error)) {
                err(QStringLiteral("%1: %2 (give the model file's name with --model)").arg(invokedAs(), error));
                return Usage;
            }
        } else if (!candidateFrom(parser, EngineConfig{}, provider, &config, &error)) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return Usage;
        }
        m_config = config;
        m_models = QDir(parser.isSet(QStringLiteral("models")) ? parser.value(QStringLiteral("models")) : QDir::currentPath())
                       .absolutePath();
        return Ok;
    }

    int run(const Context &ctx, const QCommandLineParser &) override
    {
        QString error;
        const std::shared_ptr<const Embedder> embedder = makeEmbedder(m_config, m_models, &error);
        if (!embedder) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return Failed;
        }
        EmbedWorker::Settings settings;
        settings.endpoint = m_endpoint;
        settings.embedder = embedder;
        settings.claimAfterMs = m_claimAfterMs;
        const bool quiet = ctx.quiet;
        settings.report = [quiet](const QString &line) {
            if (!quiet)
                err(QStringLiteral("%1 %2").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), line));
        };
        EmbedWorker worker(settings);
        g_stop = false;
        std::signal(SIGINT, onWorkerSignal);
        std::signal(SIGTERM, onWorkerSignal);
        QString message;
        const EmbedWorker::Outcome outcome = worker.run(g_stop, &message);
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        if (outcome == EmbedWorker::Outcome::Refused) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), message));
            return Failed;
        }
        if (ctx.json)
            printJson(workerJson(worker.info()));
        return Ok;
    }

private:
    RedisEndpoint m_endpoint;
    EngineConfig m_config;
    QString m_models;
    int m_claimAfterMs = 30'000;
};

QString ago(const QDateTime &t)
{
    if (!t.isValid())
        return QStringLiteral("-");
    return humanDuration(double(std::max<qint64>(0, t.msecsTo(QDateTime::currentDateTimeUtc()))) / 1000.0) + QStringLiteral(" ago");
}

class WorkersCommand : public EngineCommand {
public:
    WorkersCommand()
        : EngineCommand("workers", "[--set-redis URL]", "the embedding workers of distributed ingestion")
    {
    }

protected:
    bool readsOnly() const override { return !m_setting; }

    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Lists the embedding workers (kmsctl worker) registered in this store's Redis: host, embedder, batches\n"
            "done, rate while embedding and when each last reported. A worker that stops reporting for 15 s is\n"
            "dropped from the list. --set-redis stores where the workers meet (empty: distributed mode off)."));
        parser.addOption({QStringLiteral("set-redis"), QStringLiteral("Store the Redis URL: redis://host:port[/db] (credentials "
                                                                      "from KMS_REDIS_USER / KMS_REDIS_PASSWORD[_FILE])."),
                          QStringLiteral("url")});
    }

    int check(const QCommandLineParser &parser) override
    {
        m_setting = parser.isSet(QStringLiteral("set-redis"));
        if (m_setting && !parser.value(QStringLiteral("set-redis")).isEmpty()) {
            RedisEndpoint e;
            QString error;
            if (!parseRedisUrl(parser.value(QStringLiteral("set-redis")), &e, &error)) {
                err(QStringLiteral("%1: --set-redis: %2").arg(invokedAs(), error));
                return Usage;
            }
        }
        return Ok;
    }

    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override
    {
        QString error;
        if (m_setting) {
            EngineConfig next = engine.config();
            next.redisUrl = parser.value(QStringLiteral("set-redis"));
            if (!engine.applyConfig(next, {}, nullptr, &error)) {
                err(QStringLiteral("%1: %2").arg(invokedAs(), error));
                return Failed;
            }
            if (!ctx.quiet)
                out(next.redisUrl.isEmpty() ? QStringLiteral("distributed embedding off: no Redis URL")
                                            : QStringLiteral("workers meet at %1").arg(next.redisUrl.section(QLatin1Char('@'), -1)));
            return Ok;
        }
        const std::optional<QList<WorkerInfo>> workers = engine.distributedWorkers(&error);
        if (!workers) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return Failed;
        }
        if (ctx.json) {
            QJsonArray rows;
            for (const WorkerInfo &w : *workers)
                rows.append(workerJson(w));
            printJson(rows);
            return Ok;
        }
        const QString storeEmbedder = engine.embedderInfo().id;
        QList<QStringList> rows;
        for (const WorkerInfo &w : *workers)
            rows.append({w.host, QString::number(w.pid), w.embedderId == storeEmbedder ? w.embedderId : w.embedderId + QStringLiteral(" (not the store's)"),
                         humanCount(double(w.batches)), humanCount(double(w.records)), QString::number(w.rate, 'f', 1),
                         ago(w.lastSeen)});
        if (rows.isEmpty()) {
            if (!ctx.quiet)
                out(QStringLiteral("no workers are registered; start one with: kmsctl worker --redis URL --embedder ..."));
            return Ok;
        }
        printTable({QStringLiteral("HOST"), QStringLiteral("PID"), QStringLiteral("EMBEDDER"), QStringLiteral("BATCHES"),
                    QStringLiteral("RECORDS"), QStringLiteral("REC/S"), QStringLiteral("LAST SEEN")},
                   rows);
        return Ok;
    }

private:
    bool m_setting = false;
};

} // namespace

std::unique_ptr<Command> makeWorkerCommand() { return std::make_unique<WorkerCommand>(); }
std::unique_ptr<Command> makeWorkersCommand() { return std::make_unique<WorkersCommand>(); }

} // namespace kms::cli
