// SPDX-License-Identifier: MIT
// kmsctl serve: the REST API headless, until SIGINT or SIGTERM. Every request is logged.
#include "Command.h"

#include "api/ApiRoutes.h"
#include "engine/Engine.h"
#include "log/Log.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>

namespace kms::cli {

namespace {

std::atomic<bool> g_stop{false};

extern "C" void onServeSignal(int)
{
    g_stop = true; // a lock-free atomic store is all a signal handler may do
}

class ServeCommand : public EngineCommand {
public:
    ServeCommand()
        : EngineCommand("serve", "[--host H] [--port P] [--threads N] [--max-body-mb MB] [--rate R]\n"
                                 "[--cert F --key F] [--cors ORIGIN] [--allow-ingest-folder DIR]",
                        "serve the REST API until SIGINT / SIGTERM")
    {
    }

protected:
    // The API's search answers carry no note, so it must not answer keyword-only while the index
    // loads: it listens once the index is ready.
    bool loadsIndexAtOpen() const override { return true; }
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Serves the REST API under /api/v1 (docs/openapi.json) until SIGINT or SIGTERM, logging every\n"
            "request (method, path, status, time, token name) on stdout (with --quiet only to the log file, at\n"
            "--log-level info). Tokens: `kmsctl token create`. Due scheduled syncs run meanwhile.\n"
            "Only GET /api/v1/health is open without a token."));
        parser.addOption({QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1; anything else "
                                                                 "is reachable from other machines)."),
                          QStringLiteral("address"), QStringLiteral("127.0.0.1")});
        parser.addOption({QStringLiteral("port"), QStringLiteral("Port (default 8080; 0: any free port, printed)."),
                          QStringLiteral("port"), QStringLiteral("8080")});
        parser.addOption({QStringLiteral("threads"), QStringLiteral("Requests served at once (default 4)."),
                          QStringLiteral("n"), QStringLiteral("4")});
        parser.addOption({QStringLiteral("max-body-mb"), QStringLiteral("Largest request body in MiB (default 32)."),
                          QStringLiteral("mb"), QStringLiteral("32")});
        parser.addOption({QStringLiteral("rate"), QStringLiteral("Requests per second per token, bursts of twice that "
                                                                 "(default 20)."),
                          QStringLiteral("r"), QStringLiteral("20")});
        parser.addOption({QStringLiteral("cert"), QStringLiteral("TLS certificate file (PEM); with --key: HTTPS."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("key"), QStringLiteral("TLS private key file (PEM)."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("cors"), QStringLiteral("Allow browser requests from this origin (repeatable)."),
                          QStringLiteral("origin")});
        parser.addOption({QStringLiteral("allow-ingest-folder"),
                          QStringLiteral("POST /api/v1/ingest {\"path\"} may read files inside this folder."),
                          QStringLiteral("dir")});
    }
    bool startsSampler() const override { return true; }
    int check(const QCommandLineParser &parser) override;
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;

private:
    ApiServerConfig m_config;
    ApiRouteOptions m_routes;
};

int ServeCommand::check(const QCommandLineParser &parser)
{
    auto number = [&](const char *name, double *value) {
        bool ok = false;
        *value = parser.value(QLatin1String(name)).toDouble(&ok);
        if (!ok)
            err(QStringLiteral("%1: --%2 '%3' is not a number").arg(invokedAs(), QLatin1String(name), parser.value(QLatin1String(name))));
        return ok;
    };
    double port = 0, threads = 0, bodyMb = 0, rate = 0;
    if (!number("port", &port) || !number("threads", &threads) || !number("max-body-mb", &bodyMb) || !number("rate", &rate))
        return Usage;
    ApiServerConfig c;
    c.host = parser.value(QStringLiteral("host"));
    c.port = int(port);
    c.threads = int(threads);
    c.maxInFlight = std::max(c.maxInFlight, c.threads * 2);
    c.maxBodyBytes = qint64(bodyMb * 1024 * 1024);
    c.ratePerSecond = rate;
    c.burst = std::max(1.0, rate * 2);
    c.certFile = parser.value(QStringLiteral("cert"));
    c.keyFile = parser.value(QStringLiteral("key"));
    c.corsOrigins = parser.values(QStringLiteral("cors"));
    if (const QString problem = c.validate(); !problem.isEmpty()) {
        err(QStringLiteral("%1: %2").arg(invokedAs(), problem));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("allow-ingest-folder"))) {
        const QFileInfo dir(parser.value(QStringLiteral("allow-ingest-folder")));
        if (!dir.isDir()) {
            err(QStringLiteral("%1: --allow-ingest-folder '%2' is not a folder").arg(invokedAs(), dir.filePath()));
            return Usage;
        }
        m_routes.ingestFolder = dir.canonicalFilePath();
    }
    m_config = c;
    return Ok;
}

int ServeCommand::runOn(const Context &ctx, const QCommandLineParser &, Engine &engine)
{
    if (const QString warning = m_config.warning(); !warning.isEmpty())
        err(QStringLiteral("kmsctl serve: warning: %1").arg(warning));
    ApiServer server(m_config);
    addApiRoutes(server, engine, m_routes);
    const auto logger = log::get("kms.api");
    std::mutex outMutex; // request lines come from every worker thread
    const bool quiet = ctx.quiet;
    const bool json = ctx.json;
    server.setRequestLogger([&](const ApiLogEntry &e) {
        const QString line = QStringLiteral("%1 %2 %3 %4 ms token=%5 from=%6")
                                 .arg(QString::fromLatin1(e.method), e.path).arg(e.status)
                                 .arg(e.milliseconds, 0, 'f', 1)
                                 .arg(e.tokenName.isEmpty() ? QStringLiteral("-") : e.tokenName, e.remoteAddress);
        logger->info("{}", line.toStdString());
        if (quiet)
            return;
        // --json: one object per line, for a log shipper.
        const QString shown = !json ? line
            : QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("method"), QString::fromLatin1(e.method)},
                                                          {QStringLiteral("path"), e.path},
                                                          {QStringLiteral("status"), e.status},
                                                          {QStringLiteral("ms"), e.milliseconds},
                                                          {QStringLiteral("token"), e.tokenName},
                                                          {QStringLiteral("from"), e.remoteAddress}})
                                    .toJson(QJsonDocument::Compact));
        std::lock_guard lock(outMutex);
        out(shown);
    });
    QString error;
    std::signal(SIGINT, onServeSignal);
    std::signal(SIGTERM, onServeSignal);
    if (!server.start(&error)) {
        err(QStringLiteral("kmsctl serve: %1").arg(error));
        return Failed;
    }
    const QString url = QStringLiteral("%1://%2:%3/api/v1")
                            .arg(m_config.certFile.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"),
                                 m_config.host).arg(server.port());
    if (ctx.json)
        out(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("listening"), url}, {QStringLiteral("port"), server.port()}})
                                  .toJson(QJsonDocument::Compact)));
    else
        out(QStringLiteral("listening on %1 (Ctrl+C stops)").arg(url));
    std::fflush(stdout);
    logger->info("serving the REST API on {}", url.toStdString());
    // A box without cron still gets its scheduled syncs: checked at start and every 30 s, as the
    // desktop app does while it is open.
    auto nextScheduleCheck = std::chrono::steady_clock::now();
    while (!g_stop.load()) {
        if (std::chrono::steady_clock::now() >= nextScheduleCheck) {
            for (const ScheduleRunResult &run : engine.runDueSchedules(QDateTime::currentDateTimeUtc()))
                if (run.jobId > 0)
                    logger->info("scheduled sync {}: job {} queued", run.scheduleId, run.jobId);
            nextScheduleCheck += std::chrono::seconds(30);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    server.stop();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!ctx.quiet && !ctx.json)
        out(QStringLiteral("stopped"));
    return Ok;
}

} // namespace

std::unique_ptr<Command> makeServeCommand()
{
    return std::make_unique<ServeCommand>();
}

} // namespace kms::cli
