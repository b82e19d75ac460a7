// SPDX-License-Identifier: MIT
// kmsctl schedule list | add | remove | run-due: scheduled syncs, stored in the data directory.
#include "Command.h"

#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace kms::cli {

namespace {

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("-");
}

QJsonObject scheduleJson(const SyncSchedule &s)
{
    return QJsonObject{{QStringLiteral("id"), s.id},
                       {QStringLiteral("name"), s.name},
                       {QStringLiteral("interval_minutes"), s.intervalMinutes},
                       {QStringLiteral("enabled"), s.enabled},
                       {QStringLiteral("next_run_at"), s.nextRunAt.toString(Qt::ISODate)},
                       {QStringLiteral("last_run_at"), s.lastRunAt.toString(Qt::ISODate)},
                       {QStringLiteral("last_job"), s.lastJobId},
                       {QStringLiteral("options"), s.options}};
}

class ListCommand : public EngineCommand {
public:
    ListCommand() : EngineCommand("list", "", "scheduled syncs, soonest first") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Scheduled syncs, soonest first."));
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;
};

int ListCommand::runOn(const Context &ctx, const QCommandLineParser &, Engine &engine)
{
    const QList<SyncSchedule> schedules = engine.schedules();
    if (ctx.json) {
        QJsonArray a;
        for (const SyncSchedule &s : schedules)
            a.append(scheduleJson(s));
        printJson(a);
        return Ok;
    }
    QList<QStringList> rows;
    for (const SyncSchedule &s : schedules)
        rows.append({QString::number(s.id), s.name, QStringLiteral("%1 min").arg(s.intervalMinutes),
                     s.enabled ? when(s.nextRunAt) : QStringLiteral("disabled"), when(s.lastRunAt),
                     s.lastJobId > 0 ? QString::number(s.lastJobId) : QStringLiteral("-"),
                     s.files().join(QLatin1Char(' '))});
    printTable({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("EVERY"), QStringLiteral("NEXT RUN"),
                QStringLiteral("LAST RUN"), QStringLiteral("LAST JOB"), QStringLiteral("FILES")},
               rows);
    return Ok;
}

class AddCommand : public EngineCommand {
public:
    AddCommand() : EngineCommand("add", "FILE... --every MIN", "re-ingest files every N minutes") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Re-ingests the files every N minutes (incrementally: unchanged records are skipped).\n"
            "The runs happen while kms-admin is open, or with `kmsctl schedule run-due` (e.g. from cron)."));
        parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Files to sync."), QStringLiteral("FILE..."));
        parser.addOption({QStringLiteral("every"), QStringLiteral("Interval in minutes (1-10080)."), QStringLiteral("minutes")});
        parser.addOption({QStringLiteral("name"), QStringLiteral("Name (default: the first file's name)."), QStringLiteral("name")});
        parser.addOption({QStringLiteral("first-run"), QStringLiteral("First run, ISO 8601 (default: one interval from now)."), QStringLiteral("time")});
        addJobOptions(parser);
    }
    int check(const QCommandLineParser &parser) override;
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;

private:
    IngestOptions m_options;
    int m_every = 0;
    QDateTime m_first;
    QString m_name;
};

int AddCommand::check(const QCommandLineParser &parser)
{
    IngestOptions o;
    for (const QString &f : parser.positionalArguments())
        o.files.append(QFileInfo(f).absoluteFilePath()); // runs happen from other working directories
    if (o.files.isEmpty()) {
        err(QStringLiteral("kmsctl schedule add: no files given"));
        return Usage;
    }
    bool ok = false;
    const int every = parser.value(QStringLiteral("every")).toInt(&ok);
    if (!ok) {
        err(QStringLiteral("kmsctl schedule add: --every MINUTES is required"));
        return Usage;
    }
    QDateTime first;
    if (parser.isSet(QStringLiteral("first-run"))) {
        first = QDateTime::fromString(parser.value(QStringLiteral("first-run")), Qt::ISODate);
        if (!first.isValid()) {
            err(QStringLiteral("kmsctl schedule add: --first-run '%1' is not an ISO 8601 time")
                    .arg(parser.value(QStringLiteral("first-run"))));
            return Usage;
        }
    }
    if (!jobOptionsFrom(parser, &o))
        return Usage;
    m_name = parser.value(QStringLiteral("name")).isEmpty() ? QFileInfo(o.files.first()).fileName()
                                                             : parser.value(QStringLiteral("name"));
    m_options = o;
    m_every = every;
    m_first = first;
    return Ok;
}

int AddCommand::runOn(const Context &ctx, const QCommandLineParser &, Engine &engine)
{
    const int every = m_every;
    QString error;
    const qint64 id = engine.addSchedule(m_name, m_options, every, &error, m_first);
    if (id <= 0) {
        err(QStringLiteral("kmsctl schedule add: %1").arg(error));
        return Failed;
    }
    const SyncSchedule s = *engine.schedule(id);
    if (ctx.json)
        printJson(scheduleJson(s));
    else if (!ctx.quiet)
        out(QStringLiteral("schedule %1 '%2': every %3 min, next run %4").arg(id).arg(s.name).arg(every).arg(when(s.nextRunAt)));
    return Ok;
}

class RemoveCommand : public EngineCommand {
public:
    RemoveCommand() : EngineCommand("remove", "ID", "remove a scheduled sync") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Removes a scheduled sync (its past jobs stay)."));
        parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Schedule id."), QStringLiteral("ID"));
    }
    int check(const QCommandLineParser &parser) override;
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;

private:
    qint64 m_id = 0;
};

int RemoveCommand::check(const QCommandLineParser &parser)
{
    bool ok = false;
    m_id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (!ok || m_id <= 0) {
        err(QStringLiteral("kmsctl schedule remove: '%1' is not a schedule id").arg(parser.positionalArguments().value(0)));
        return Usage;
    }
    return Ok;
}

int RemoveCommand::runOn(const Context &ctx, const QCommandLineParser &, Engine &engine)
{
    const qint64 id = m_id;
    QString error;
    if (!engine.removeSchedule(id, &error)) {
        err(QStringLiteral("kmsctl schedule remove: %1").arg(error));
        return Failed;
    }
    if (!ctx.quiet)
        out(QStringLiteral("schedule %1 removed").arg(id));
    return Ok;
}

class RunDueCommand : public EngineCommand {
public:
    RunDueCommand() : EngineCommand("run-due", "", "run the due syncs now (for cron)") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Runs the due syncs now and waits for them (for cron)."));
    }
    bool startsSampler() const override { return true; }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;
};

int RunDueCommand::runOn(const Context &ctx, const QCommandLineParser &, Engine &engine)
{
    const QList<ScheduleRunResult> runs = engine.runDueSchedules(QDateTime::currentDateTimeUtc());
    engine.waitForJobs();
    int result = Ok;
    QJsonArray a;
    for (const ScheduleRunResult &r : runs) {
        const auto job = r.jobId > 0 ? engine.job(r.jobId) : std::nullopt;
        if (!job || job->status != JobStatus::Completed)
            result = Failed;
        QJsonObject o{{QStringLiteral("schedule"), r.scheduleId}, {QStringLiteral("job"), r.jobId}};
        if (job)
            o.insert(QStringLiteral("status"), jobStatusName(job->status));
        if (!r.note.isEmpty())
            o.insert(QStringLiteral("note"), r.note);
        a.append(o);
        if (!ctx.json && !ctx.quiet)
            out(job ? QStringLiteral("schedule %1: job %2 %3: %4 new, %5 updated, %6 unchanged, %7 rejected")
                          .arg(r.scheduleId).arg(r.jobId).arg(jobStatusName(job->status))
                          .arg(job->counts.inserted).arg(job->counts.updated).arg(job->counts.unchanged)
                          .arg(job->counts.rejected)
                    : QStringLiteral("schedule %1: nothing queued: %2").arg(r.scheduleId).arg(r.note));
    }
    if (ctx.json)
        printJson(a);
    else if (runs.isEmpty() && !ctx.quiet)
        out(QStringLiteral("no sync is due"));
    return result;
}

// `schedule` holds subcommands of its own: the first argument picks one, which then parses the rest.
class ScheduleCommand : public GroupCommand {
public:
    ScheduleCommand()
        : GroupCommand("schedule", "list | add FILE... --every MIN | remove ID | run-due",
                       "scheduled syncs (re-ingest a source every N minutes)",
                       "kmsctl schedule list | add FILE... --every MINUTES [--name N] [--first-run T] [job options]"
                       " | remove ID | run-due")
    {
        m_subcommands.push_back(std::make_unique<ListCommand>());
        m_subcommands.push_back(std::make_unique<AddCommand>());
        m_subcommands.push_back(std::make_unique<RemoveCommand>());
        m_subcommands.push_back(std::make_unique<RunDueCommand>());
    }
};

} // namespace

std::unique_ptr<Command> makeScheduleCommand()
{
    return std::make_unique<ScheduleCommand>();
}

} // namespace kms::cli
