// SPDX-License-Identifier: MIT
#include "Command.h"

#include "engine/Engine.h"

#include <QCommandLineParser>

namespace kms::cli {

namespace {
constexpr int kSummaryColumn = 28; // where the one-line help starts in `kmsctl --help`
}

Command::Command(const char *name, const char *synopsis, const char *summary)
    : m_name(name), m_synopsis(synopsis), m_summary(summary)
{
}

int OptionCommand::execute(const Context &ctx, const QStringList &args)
{
    m_invokedAs = args.value(0);
    QCommandLineParser parser;
    setup(parser);
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err(QStringLiteral("%1: %2").arg(m_invokedAs, parser.errorText()));
        err(parser.helpText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        return Ok;
    }
    if (const int code = check(parser); code != Ok)
        return code;
    return run(ctx, parser);
}

GroupCommand::GroupCommand(const char *name, const char *synopsis, const char *summary, const char *usage)
    : Command(name, synopsis, summary), m_usage(usage)
{
}

int GroupCommand::execute(const Context &ctx, const QStringList &args)
{
    const QString sub = args.value(1);
    if (Command *c = findCommand(m_subcommands, sub)) {
        QStringList rest = args.mid(1);
        rest[0] = args.value(0) + QLatin1Char(' ') + sub;
        return c->execute(ctx, rest);
    }
    const QString usage = QStringLiteral("Usage: %1\n(%2 SUBCOMMAND --help for each one's options)")
                              .arg(QString::fromUtf8(m_usage), args.value(0));
    if (sub == u"--help" || sub == u"-h" || sub == u"help") {
        out(usage);
        return Ok;
    }
    err(usage);
    return Usage;
}

int OptionCommand::check(const QCommandLineParser &)
{
    return Ok;
}

int EngineCommand::run(const Context &ctx, const QCommandLineParser &parser)
{
    auto engine = openEngine(ctx, startsSampler(), readsOnly(), loadsIndexAtOpen());
    if (!engine)
        return StoreUnavailable;
    return runOn(ctx, parser, *engine);
}

const CommandList &commandTable()
{
    static const CommandList table = [] {
        CommandList t;
        t.push_back(makeInitCommand());
        t.push_back(makeIngestCommand(false));
        t.push_back(makeIngestCommand(true));
        t.push_back(makeHealthCommand());
        t.push_back(makeStatsCommand());
        t.push_back(makeJobsCommand());
        t.push_back(makeRejectsCommand());
        t.push_back(makeExportCommand());
        t.push_back(makeGenerateCommand());
        t.push_back(makeSearchCommand());
        t.push_back(makeSimilarCommand());
        t.push_back(makeSearchLogCommand());
        t.push_back(makeEvalCommand());
        t.push_back(makeEmbedderCommand());
        t.push_back(makeReembedCommand());
        t.push_back(makeCompactCommand());
        t.push_back(makeTrainLsaCommand());
        t.push_back(makeBenchmarkCommand());
        t.push_back(makeScheduleCommand());
        t.push_back(makeEmbedCommand());
        t.push_back(makeTokenCommand());
        t.push_back(makeServeCommand());
        t.push_back(makeWorkerCommand());
        t.push_back(makeWorkersCommand());
        return t;
    }();
    return table;
}

Command *findCommand(const CommandList &commands, const QString &name)
{
    for (const auto &c : commands)
        if (c->name() == name)
            return c.get();
    return nullptr;
}

QString commandRows(const CommandList &commands)
{
    QString rows;
    for (const auto &c : commands) {
        QString head = QStringLiteral("  ") + c->name();
        if (!c->synopsis().isEmpty())
            head += QLatin1Char(' ') + c->synopsis();
        // A short synopsis shares its line with the summary; a long one gets a line of its own.
        if (!head.contains(QLatin1Char('\n')) && head.size() < kSummaryColumn)
            rows += head.leftJustified(kSummaryColumn) + c->summary() + QLatin1Char('\n');
        else
            rows += head + QLatin1Char('\n') + QString(kSummaryColumn, QLatin1Char(' ')) + c->summary()
                  + QLatin1Char('\n');
    }
    return rows;
}

} // namespace kms::cli
