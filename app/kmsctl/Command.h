// SPDX-License-Identifier: MIT
#pragma once

#include "Cli.h"

#include <memory>
#include <vector>

namespace kms::cli {

// One kmsctl command. The command table (commandTable()) is the only list of commands: the usage
// text, the dispatch in main() and the tests all read it, so a new command is one row there.
class Command {
public:
    // synopsis follows the name in `kmsctl --help` ("FILE...", "[--detailed]"); a "\n" in it starts a
    // continuation line. summary is the one-line help in the right-hand column.
    Command(const char *name, const char *synopsis, const char *summary);
    virtual ~Command() = default;
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    QString name() const { return QString::fromUtf8(m_name); }
    QString synopsis() const { return QString::fromUtf8(m_synopsis); }
    QString summary() const { return QString::fromUtf8(m_summary); }

    // Runs the command; args[0] is how it was called ("kmsctl ingest"), the rest its own arguments.
    virtual int execute(const Context &ctx, const QStringList &args) = 0;

private:
    const char *m_name;
    const char *m_synopsis;
    const char *m_summary;
};

// A command with its own options. execute() is the preamble every such command shares: parse, answer
// --help, report a bad option with the command's help, check() the values, then run().
class OptionCommand : public Command {
public:
    using Command::Command;
    int execute(const Context &ctx, const QStringList &args) final;

protected:
    // Description, options and positional arguments.
    virtual void setup(QCommandLineParser &parser) const = 0;
    // Reads and validates the options before anything is opened, so that a bad command line leaves
    // the data directory alone. Prints what is wrong and returns the exit code to stop with, else Ok.
    virtual int check(const QCommandLineParser &parser);
    virtual int run(const Context &ctx, const QCommandLineParser &parser) = 0;
    // How the command was called (args[0] of execute), for messages that name it.
    const QString &invokedAs() const { return m_invokedAs; }

private:
    QString m_invokedAs;
};

// A command that works on the store: between check() and runOn() the engine is opened on the data
// directory, its warnings printed, and a failure to open ends the command with StoreUnavailable.
class EngineCommand : public OptionCommand {
public:
    using OptionCommand::OptionCommand;

protected:
    // Whether the engine's background metrics sampler runs (commands that run jobs want it).
    virtual bool startsSampler() const { return false; }
    // A command that only reads: while another process owns the data directory it runs on a
    // read-only view of it (Engine::Options::readOnlyBesideOwner) instead of failing.
    virtual bool readsOnly() const { return false; }
    // Whether the vector index is read before runOn() instead of when first needed (openEngine()).
    virtual bool loadsIndexAtOpen() const { return false; }
    virtual int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) = 0;

private:
    int run(const Context &ctx, const QCommandLineParser &parser) final;
};

using CommandList = std::vector<std::unique_ptr<Command>>;

// A command whose first argument picks a subcommand (schedule, token, embedder), which then parses
// its own options. `--help` prints the usage to stdout with exit 0, like every other command; no or
// an unknown subcommand prints it to stderr with exit Usage.
class GroupCommand : public Command {
public:
    GroupCommand(const char *name, const char *synopsis, const char *summary, const char *usage);
    int execute(const Context &ctx, const QStringList &args) final;

protected:
    CommandList m_subcommands;

private:
    const char *m_usage; // "kmsctl token create NAME [--scope read|write] | list | revoke NAME"
};

// Every command, in the order `kmsctl --help` lists them.
const CommandList &commandTable();
// The command called name, or null.
Command *findCommand(const CommandList &commands, const QString &name);
// The "Commands:" rows of a usage text: name and synopsis, the summary aligned in a second column.
QString commandRows(const CommandList &commands);

// The rows of the table, one maker per command (defined next to each command's code).
std::unique_ptr<Command> makeInitCommand();
std::unique_ptr<Command> makeIngestCommand(bool initialLoad);
std::unique_ptr<Command> makeHealthCommand();
std::unique_ptr<Command> makeStatsCommand();
std::unique_ptr<Command> makeJobsCommand();
std::unique_ptr<Command> makeRejectsCommand();
std::unique_ptr<Command> makeExportCommand();
std::unique_ptr<Command> makeGenerateCommand();
std::unique_ptr<Command> makeSearchCommand();
std::unique_ptr<Command> makeSimilarCommand();
std::unique_ptr<Command> makeSearchLogCommand();
std::unique_ptr<Command> makeEvalCommand();
std::unique_ptr<Command> makeTrainLsaCommand();
std::unique_ptr<Command> makeBenchmarkCommand();
std::unique_ptr<Command> makeScheduleCommand();
std::unique_ptr<Command> makeEmbedCommand();
std::unique_ptr<Command> makeTokenCommand();
std::unique_ptr<Command> makeServeCommand();
std::unique_ptr<Command> makeEmbedderCommand();
std::unique_ptr<Command> makeReembedCommand();
std::unique_ptr<Command> makeCompactCommand();
std::unique_ptr<Command> makeWorkerCommand();
std::unique_ptr<Command> makeWorkersCommand();

} // namespace kms::cli
