// SPDX-License-Identifier: MIT
// kmsctl train-lsa, and the embedder switch `eval --embedder` uses.
#include "CmdLsa.h"
#include "Command.h"

#include "Cli.h"

#include "config/EngineConfig.h"
#include "embed/Embedder.h"
#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace kms::cli {

namespace {
std::atomic<bool> g_cancel{false};

extern "C" void onTrainInterrupt(int)
{
    g_cancel = true; // a lock-free atomic store is all a signal handler may do
}

// Trains with a progress line on a terminal (one line per stage otherwise), Ctrl+C cancels.
bool trainWithProgress(const Context &ctx, Engine &engine, int rank, QString *error)
{
    const bool terminal = !ctx.json && !ctx.quiet && stdoutIsTerminal();
    const bool lines = !ctx.json && !ctx.quiet && !terminal;
    QString lastStage;
    QElapsedTimer sinceDraw;
    sinceDraw.start();
    auto progress = [&](const QString &stage, qint64 done, qint64 total) {
        const bool newStage = stage != lastStage;
        lastStage = stage;
        if (lines && newStage)
            out(QStringLiteral("%1...").arg(stage));
        if (terminal && (newStage || sinceDraw.elapsed() > 200 || done == total)) {
            sinceDraw.restart();
            const QByteArray line = QStringLiteral("\r\x1b[K%1  %2 / %3").arg(stage, humanCount(double(done)),
                                                                              humanCount(double(total))).toUtf8();
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            std::fflush(stdout);
        }
    };
    g_cancel = false;
    std::signal(SIGINT, onTrainInterrupt);
    std::signal(SIGTERM, onTrainInterrupt);
    const bool ok = engine.trainLsa(rank, progress, &g_cancel, error);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (terminal)
        out(QString());
    return ok;
}
} // namespace

bool useEmbedder(const Context &ctx, Engine &engine, const QString &provider, int lsaRank, QString *error)
{
    if (provider == QLatin1String("hash")) {
        EngineConfig next = engine.config();
        next.embedderProvider = provider;
        return engine.applyConfig(next, {}, nullptr, error);
    }
    if (provider == QLatin1String("lsa"))
        return trainWithProgress(ctx, engine, lsaRank, error);
    if (error)
        *error = QStringLiteral("unknown embedder \"%1\" (hash or lsa)").arg(provider);
    return false;
}

namespace {

class TrainLsaCommand : public EngineCommand {
public:
    TrainLsaCommand()
        : EngineCommand("train-lsa", "[--rank N]", "train the LSA embedder on the records and re-embed with it")
    {
    }

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Trains the LSA embedder on the stored records (tf-idf, randomized truncated SVD), saves the model in\n"
            "the data directory and re-embeds every record with it. Searches keep the current vectors until the\n"
            "new ones are complete; Ctrl+C cancels and leaves the current embedder in use. Train again when the\n"
            "records have grown by a large share since (--json shows trainedOnDocuments)."));
        parser.addOption({QStringLiteral("rank"), QStringLiteral("Latent dimensions (16..1024, default 256)."),
                          QStringLiteral("n"), QStringLiteral("256")});
    }
    int check(const QCommandLineParser &parser) override
    {
        bool okRank = false;
        m_rank = parser.value(QStringLiteral("rank")).toInt(&okRank);
        if (!okRank || m_rank < 16 || m_rank > 1024) {
            err(QStringLiteral("kmsctl train-lsa: --rank must be a whole number from 16 to 1024, got \"%1\"")
                    .arg(parser.value(QStringLiteral("rank"))));
            return Usage;
        }
        return Ok;
    }
    int runOn(const Context &ctx, const QCommandLineParser &, Engine &engine) override
    {
        QElapsedTimer timer;
        timer.start();
        QString error;
        if (!trainWithProgress(ctx, engine, m_rank, &error)) {
            err(QStringLiteral("kmsctl train-lsa: %1").arg(error));
            return g_cancel ? Cancelled : Failed;
        }
        const double seconds = double(timer.elapsed()) / 1000.0;
        const EmbedderInfo info = engine.embedderInfo();
        if (ctx.json) {
            QJsonObject o{{QStringLiteral("embedder"), info.id}, {QStringLiteral("seconds"), seconds},
                          {QStringLiteral("records"), engine.counts().total()}};
            for (const EmbedderParameter &p : info.parameters)
                o.insert(p.key, QJsonValue::fromVariant(p.value));
            printJson(o);
        } else if (!ctx.quiet) {
            out(QStringLiteral("embedder %1 active (%2)").arg(info.id, humanDuration(seconds)));
        }
        return Ok;
    }

private:
    int m_rank = 256;
};

} // namespace

std::unique_ptr<Command> makeTrainLsaCommand() { return std::make_unique<TrainLsaCommand>(); }

} // namespace kms::cli
