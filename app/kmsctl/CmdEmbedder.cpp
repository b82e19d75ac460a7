// SPDX-License-Identifier: MIT
// kmsctl embedder show | test | set, kmsctl reembed and kmsctl compact: choosing the store's
// embedder and rewriting its vectors.
#include "Command.h"

#include "Cli.h"
#include "ProviderOptions.h"

#include "config/EngineConfig.h"
#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace kms::cli {

namespace {

std::atomic<bool> g_cancel{false};

extern "C" void onReembedInterrupt(int)
{
    g_cancel = true; // a lock-free atomic store is all a signal handler may do
}

QJsonObject estimateJson(const EmbeddingEstimate &e)
{
    return {{QStringLiteral("records"), e.records},
            {QStringLiteral("characters"), e.characters},
            {QStringLiteral("estimatedTokens"), e.estimatedTokens},
            {QStringLiteral("pricePerMillionTokens"), e.pricePerMillionTokens},
            {QStringLiteral("estimatedCost"), e.estimatedCost}};
}

QString estimateLine(const EmbeddingEstimate &e)
{
    return QStringLiteral("re-embedding %1 records sends about %2 tokens (%3 characters / 4): about %4 at %5 per 1M tokens")
        .arg(humanCount(double(e.records)), humanCount(double(e.estimatedTokens)), humanCount(double(e.characters)))
        .arg(e.estimatedCost, 0, 'f', 2)
        .arg(e.pricePerMillionTokens, 0, 'f', 4);
}

// A paid re-embed runs only with --yes; without it the estimate is printed and the command stops.
bool confirmedCost(const Context &ctx, const QCommandLineParser &p, Engine &engine, const EngineConfig &target,
                   const QString &invokedAs, int *code)
{
    if (target.embedderProvider != QLatin1String("openai") || target.remote.pricePerMillionTokens <= 0)
        return true;
    const EmbeddingEstimate e = engine.embeddingEstimate(target);
    if (!e.error.isEmpty()) {
        err(QStringLiteral("%1: %2").arg(invokedAs, e.error));
        *code = Failed;
        return false;
    }
    if (p.isSet(QStringLiteral("yes"))) {
        if (!ctx.quiet && !ctx.json)
            out(estimateLine(e));
        return true;
    }
    if (ctx.json)
        printJson(QJsonObject{{QStringLiteral("confirmed"), false}, {QStringLiteral("estimate"), estimateJson(e)}});
    else
        out(estimateLine(e));
    err(QStringLiteral("%1: a paid re-embed; run again with --yes to start it").arg(invokedAs));
    *code = Usage;
    return false;
}

// Runs a re-embed with a progress line on a terminal; Ctrl+C cancels and keeps the current vectors.
bool withProgress(const Context &ctx, const QString &doing,
                  const std::function<bool(const std::function<void(qint64, qint64)> &, const std::atomic<bool> *)> &run)
{
    const bool terminal = !ctx.json && !ctx.quiet && stdoutIsTerminal();
    QElapsedTimer sinceDraw;
    sinceDraw.start();
    auto progress = [&](qint64 done, qint64 total) {
        if (terminal && (sinceDraw.elapsed() > 200 || done == total)) {
            sinceDraw.restart();
            const QByteArray line = QStringLiteral("\r\x1b[K%1  %2 / %3")
                                        .arg(doing, humanCount(double(done)), humanCount(double(total))).toUtf8();
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            std::fflush(stdout);
        }
    };
    g_cancel = false;
    std::signal(SIGINT, onReembedInterrupt);
    std::signal(SIGTERM, onReembedInterrupt);
    const bool ok = run(progress, &g_cancel);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (terminal)
        out(QString());
    return ok;
}

QJsonObject infoJson(const EmbedderInfo &info, qint64 backlog)
{
    QJsonObject params;
    for (const EmbedderParameter &p : info.parameters)
        params.insert(p.key, QJsonValue::fromVariant(p.value));
    QJsonObject o{{QStringLiteral("provider"), info.provider}, {QStringLiteral("id"), info.id},
                  {QStringLiteral("dimension"), info.dimension}, {QStringLiteral("remote"), info.remote},
                  {QStringLiteral("parameters"), params}, {QStringLiteral("vectorBacklog"), backlog}};
    if (info.remote) {
        const EmbedderUsage &u = info.usage;
        o.insert(QStringLiteral("usage"), QJsonObject{{QStringLiteral("requests"), u.requests},
                                                      {QStringLiteral("retries"), u.retries},
                                                      {QStringLiteral("inputs"), u.inputs},
                                                      {QStringLiteral("tokens"), u.tokens},
                                                      {QStringLiteral("failedInputs"), u.failedInputs},
                                                      {QStringLiteral("cacheHits"), u.cacheHits},
                                                      {QStringLiteral("estimatedCost"), u.estimatedCost},
                                                      {QStringLiteral("lastError"), u.lastError}});
    }
    return o;
}

class ShowCommand : public EngineCommand {
public:
    ShowCommand() : EngineCommand("show", "", "the active embedder, its settings and the vector backlog") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Shows the active embedder: provider, id (everything that shapes its vectors), dimension, its settings\n"
            "(for openai where the API key is read from, never the key) and the records waiting for a vector."));
    }
    int runOn(const Context &ctx, const QCommandLineParser &, Engine &engine) override
    {
        const EmbedderInfo info = engine.embedderInfo();
        const qint64 backlog = engine.vectorBacklog();
        if (ctx.json) {
            printJson(infoJson(info, backlog));
            return Ok;
        }
        out(QStringLiteral("provider   %1\nid         %2\ndimension  %3").arg(info.provider, info.id).arg(info.dimension));
        for (const EmbedderParameter &p : info.parameters) {
            // Weights are floats: 0.7, not 0.699999988079071.
            const bool real = p.value.typeId() == QMetaType::Double || p.value.typeId() == QMetaType::Float;
            out(QStringLiteral("  %1 = %2").arg(p.key, real ? QString::number(p.value.toDouble(), 'g', 4) : p.value.toString()));
        }
        out(QStringLiteral("vector backlog  %1 records").arg(humanCount(double(backlog))));
        return Ok;
    }
};

class TestCommand : public EngineCommand {
public:
    TestCommand() : EngineCommand("test", "[PROVIDER] [options]", "try an embedder on sample sentences") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Makes the embedder the options describe (default: the active one) and embeds sample sentences:\n"
            "its dimension, the latency, and the cosine similarity of two sentences that mean the same in other\n"
            "words against two that do not. Nothing in the store changes."));
        addProviderOptions(parser, true);
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override
    {
        EngineConfig candidate;
        QString error;
        if (!candidateFrom(parser, engine.config(), providerArgument(parser, engine.config()), &candidate, &error)) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return Usage;
        }
        const EmbedderTestResult r = engine.testEmbedder(candidate);
        if (ctx.json) {
            printJson(QJsonObject{{QStringLiteral("ok"), r.ok}, {QStringLiteral("provider"), candidate.embedderProvider},
                                  {QStringLiteral("id"), r.id}, {QStringLiteral("dimension"), r.dimension},
                                  {QStringLiteral("latencyMs"), r.latencyMs},
                                  {QStringLiteral("similarSimilarity"), r.similarSimilarity},
                                  {QStringLiteral("unrelatedSimilarity"), r.unrelatedSimilarity},
                                  {QStringLiteral("error"), r.error}});
        } else if (r.ok) {
            out(QStringLiteral("%1: dimension %2, %3 ms; same meaning %4, unrelated %5")
                    .arg(r.id).arg(r.dimension).arg(r.latencyMs, 0, 'f', 1)
                    .arg(r.similarSimilarity, 0, 'f', 3).arg(r.unrelatedSimilarity, 0, 'f', 3));
        }
        if (!r.ok) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), r.error));
            return Failed;
        }
        return Ok;
    }
};

class SetCommand : public EngineCommand {
public:
    SetCommand() : EngineCommand("set", "PROVIDER [options] [--yes]", "switch the embedder (re-embeds when vectors change)") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Switches the store's embedder. When the vectors change (another provider, model, server, dimension or\n"
            "prefix) every record is re-embedded; searches keep the current vectors until the new ones are\n"
            "complete, and Ctrl+C or a failure keeps the current embedder. With a price per 1M tokens set, the\n"
            "estimate is printed and the re-embed starts only with --yes."));
        addProviderOptions(parser, true);
        parser.addOption({QStringLiteral("yes"), QStringLiteral("Start a paid re-embed without asking.")});
    }
    int check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().isEmpty()) {
            err(QStringLiteral("%1: which provider? (%2)").arg(invokedAs(), EngineConfig::providers().join(QStringLiteral(", "))));
            return Usage;
        }
        return Ok;
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override
    {
        EngineConfig next;
        QString error;
        const EngineConfig current = engine.config();
        if (!candidateFrom(parser, current, providerArgument(parser, current), &next, &error)) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return Usage;
        }
        const ConfigChange change = configChange(current, next);
        if (change == ConfigChange::Reembed) {
            // Tried first: a wrong URL, model or key is reported now, not after a store's worth of
            // failed requests (or, with an empty store, at the first ingestion).
            const EmbedderTestResult probe = engine.testEmbedder(next);
            if (!probe.ok) {
                err(QStringLiteral("%1: the embedder does not work, nothing changed: %2").arg(invokedAs(), probe.error));
                return Failed;
            }
        }
        int code = Ok;
        if (change == ConfigChange::Reembed && !confirmedCost(ctx, parser, engine, next, invokedAs(), &code))
            return code;
        QElapsedTimer timer;
        timer.start();
        const bool ok = withProgress(ctx, QStringLiteral("re-embedding"), [&](const auto &progress, const std::atomic<bool> *cancel) {
            return engine.applyConfig(next, progress, cancel, &error);
        });
        if (!ok) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return g_cancel ? Cancelled : Failed;
        }
        const EmbedderInfo info = engine.embedderInfo();
        if (ctx.json) {
            QJsonObject o = infoJson(info, engine.vectorBacklog());
            o.insert(QStringLiteral("reembedded"), change == ConfigChange::Reembed);
            o.insert(QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0);
            printJson(o);
        } else if (!ctx.quiet) {
            out(change == ConfigChange::Reembed
                    ? QStringLiteral("embedder %1 active: %2 records re-embedded in %3")
                          .arg(info.id, humanCount(double(engine.counts().total())), humanDuration(double(timer.elapsed()) / 1000.0))
                    : QStringLiteral("embedder %1 active").arg(info.id));
        }
        return Ok;
    }
};

// `embedder` holds subcommands of its own: the first argument picks one, which then parses the rest.
class EmbedderCommand : public GroupCommand {
public:
    EmbedderCommand()
        : GroupCommand("embedder", "show | test [PROVIDER] | set PROVIDER", "show, try or switch the embedder",
                       "kmsctl embedder show | test [PROVIDER] [options] | set PROVIDER [options] [--yes]")
    {
        m_subcommands.push_back(std::make_unique<ShowCommand>());
        m_subcommands.push_back(std::make_unique<TestCommand>());
        m_subcommands.push_back(std::make_unique<SetCommand>());
    }
};

class ReembedCommand : public EngineCommand {
public:
    ReembedCommand() : EngineCommand("reembed", "[--yes]", "re-embed every record with the current embedder") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Re-embeds every record with the current embedder into a new index, e.g. after the server's model\n"
            "changed behind the same name. Searches keep the current index until the new one is complete;\n"
            "Ctrl+C or a failure keeps it. With a price per 1M tokens set, runs only with --yes."));
        parser.addOption({QStringLiteral("yes"), QStringLiteral("Start a paid re-embed without asking.")});
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override
    {
        int code = Ok;
        if (!confirmedCost(ctx, parser, engine, engine.config(), invokedAs(), &code))
            return code;
        QElapsedTimer timer;
        timer.start();
        QString error;
        const bool ok = withProgress(ctx, QStringLiteral("re-embedding"), [&](const auto &progress, const std::atomic<bool> *cancel) {
            return engine.reembed(progress, cancel, &error);
        });
        if (!ok) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return g_cancel ? Cancelled : Failed;
        }
        const double seconds = double(timer.elapsed()) / 1000.0;
        const qint64 records = engine.counts().total();
        if (ctx.json)
            printJson(QJsonObject{{QStringLiteral("embedder"), engine.embedderInfo().id},
                                  {QStringLiteral("records"), records}, {QStringLiteral("seconds"), seconds}});
        else if (!ctx.quiet)
            out(QStringLiteral("%1 records re-embedded in %2").arg(humanCount(double(records)), humanDuration(seconds)));
        return Ok;
    }
};

class CompactCommand : public EngineCommand {
public:
    CompactCommand()
        : EngineCommand("compact", "[--no-vacuum]",
                        "8-bit vectors, a full-text index without a text copy, compressed texts, free space back")
    {
    }

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Rewrites the table's copy of the vectors that earlier versions stored in float32 or half\n"
            "precision in 8 bits (a quarter or half of the bytes; new vectors are written so already; the\n"
            "index keeps its own half-precision vectors), then rebuilds a full-text index that keeps a copy\n"
            "of every text (made by earlier versions) without one, then compresses the long texts (body,\n"
            "resolution, extra fields) stored plain with a dictionary trained on the store's own records,\n"
            "all in batches: Ctrl+C keeps what is done and the next run goes on. Then gives the free pages\n"
            "back to the disk (VACUUM), which needs about the database's size in free space in the\n"
            "temporary folder ($SQLITE_TMPDIR, else /var/tmp or /tmp) and cannot show progress. Searches\n"
            "keep working; ingestion waits."));
        parser.addOption({QStringLiteral("no-vacuum"),
                          QStringLiteral("Convert only (vectors, full-text index, texts); no VACUUM.")});
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override
    {
        const QString database = QDir(engine.status().dataDirectory).filePath(QStringLiteral("kms.sqlite"));
        auto size = [&] {
            return QFileInfo(database).size() + QFileInfo(database + QStringLiteral("-wal")).size();
        };
        const qint64 before = size();
        const bool vacuum = !parser.isSet(QStringLiteral("no-vacuum"));
        QElapsedTimer timer;
        timer.start();
        QString error;
        qint64 converted = 0;
        bool ok = withProgress(ctx, QStringLiteral("vectors to 8 bits"),
                               [&](const auto &progress, const std::atomic<bool> *cancel) {
                                   auto counting = [&](qint64 done, qint64 total) {
                                       converted = done;
                                       progress(done, total);
                                   };
                                   return engine.compact(false, counting, cancel, &error);
                               });
        qint64 indexed = 0, reformed = 0;
        if (ok)
            ok = withProgress(ctx, QStringLiteral("full-text index without a text copy"),
                              [&](const auto &progress, const std::atomic<bool> *cancel) {
                                  return engine.compactFullText(progress, cancel, &indexed, &reformed, &error);
                              });
        qint64 compressed = 0;
        if (ok)
            ok = withProgress(ctx, QStringLiteral("texts compressed"),
                              [&](const auto &progress, const std::atomic<bool> *cancel) {
                                  return engine.compactTexts(progress, cancel, &compressed, &error);
                              });
        if (ok && vacuum) {
            if (!ctx.json && !ctx.quiet)
                out(QStringLiteral("giving free pages back (VACUUM of %1) ...").arg(humanBytes(double(before))));
            ok = engine.compact(true, {}, nullptr, &error);
        }
        if (!ok) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return g_cancel ? Cancelled : Failed;
        }
        const double seconds = double(timer.elapsed()) / 1000.0;
        const qint64 after = size();
        if (ctx.json)
            printJson(QJsonObject{{QStringLiteral("vectors_converted"), converted},
                                  {QStringLiteral("bytes_before"), before}, {QStringLiteral("bytes_after"), after},
                                  {QStringLiteral("fulltext_records"), indexed},
                                  {QStringLiteral("fulltext_reformed"), reformed},
                                  {QStringLiteral("texts_compressed"), compressed},
                                  {QStringLiteral("vacuumed"), vacuum}, {QStringLiteral("seconds"), seconds}});
        else if (!ctx.quiet)
            out(QStringLiteral("%1 vectors converted; %2 records re-indexed without a text copy%3; %4 records' texts "
                               "compressed; database %5 -> %6 in %7")
                    .arg(humanCount(double(converted)), humanCount(double(indexed)),
                         reformed > 0 ? QStringLiteral(" (%1 under the current term list)").arg(humanCount(double(reformed)))
                                      : QString(),
                         humanCount(double(compressed)), humanBytes(double(before)), humanBytes(double(after)),
                         humanDuration(seconds)));
        return Ok;
    }
};

} // namespace

std::unique_ptr<Command> makeCompactCommand() { return std::make_unique<CompactCommand>(); }
std::unique_ptr<Command> makeEmbedderCommand() { return std::make_unique<EmbedderCommand>(); }
std::unique_ptr<Command> makeReembedCommand() { return std::make_unique<ReembedCommand>(); }

} // namespace kms::cli
