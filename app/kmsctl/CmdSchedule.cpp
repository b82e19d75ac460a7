// SPDX-License-Identifier: MIT
// kmsctl schedule list | add | remove | run-due: scheduled syncs, stored in the data directory.
#include "Cli.h"

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

int list(const Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Scheduled syncs, soonest first."));
    int code = Ok;
    if (!parseArgs(parser, args, &code))
        return code;
    auto engine = openEngine(ctx);
    if (!engine)
        return StoreUnavailable;
    const QList<SyncSchedule> schedules = engine->schedules();
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

int add(const Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Re-ingests the files every N minutes (incrementally: unchanged records are skipped).\n"
        "The runs happen while kms-admin is open, or with `kmsctl schedule run-due` (e.g. from cron)."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Files to sync."), QStringLiteral("FILE..."));
    parser.addOption({QStringLiteral("every"), QStringLiteral("Interval in minutes (1-10080)."), QStringLiteral("minutes")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("Name (default: the first file's name)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("first-run"), QStringLiteral("First run, ISO 8601 (default: one interval from now)."), QStringLiteral("time")});
    addJobOptions(parser);
    int code = Ok;
    if (!parseArgs(parser, args, &code))
        return code;
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
    const QString name = parser.value(QStringLiteral("name")).isEmpty() ? QFileInfo(o.files.first()).fileName()
                                                                         : parser.value(QStringLiteral("name"));
    auto engine = openEngine(ctx);
    if (!engine)
        return StoreUnavailable;
    QString error;
    const qint64 id = engine->addSchedule(name, o, every, &error, first);
    if (id <= 0) {
        err(QStringLiteral("kmsctl schedule add: %1").arg(error));
        return Failed;
    }
    const SyncSchedule s = *engine->schedule(id);
    if (ctx.json)
        printJson(scheduleJson(s));
    else if (!ctx.quiet)
        out(QStringLiteral("schedule %1 '%2': every %3 min, next run %4").arg(id).arg(s.name).arg(every).arg(when(s.nextRunAt)));
    return Ok;
}

int remove(const Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Removes a scheduled sync (its past jobs stay)."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Schedule id."), QStringLiteral("ID"));
    int code = Ok;
    if (!parseArgs(parser, args, &code))
        return code;
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (!ok || id <= 0) {
        err(QStringLiteral("kmsctl schedule remove: '%1' is not a schedule id").arg(parser.positionalArguments().value(0)));
        return Usage;
    }
    auto engine = openEngine(ctx);
    if (!engine)
        return StoreUnavailable;
    QString error;
    if (!engine->removeSchedule(id, &error)) {
        err(QStringLiteral("kmsctl schedule remove: %1").arg(error));
        return Failed;
    }
    if (!ctx.quiet)
        out(QStringLiteral("schedule %1 removed").arg(id));
    return Ok;
}

int runDue(const Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs the due syncs now and waits for them (for cron)."));
    int code = Ok;
    if (!parseArgs(parser, args, &code))
        return code;
    auto engine = openEngine(ctx, true);
    if (!engine)
        return StoreUnavailable;
    const QList<ScheduleRunResult> runs = engine->runDueSchedules(QDateTime::currentDateTimeUtc());
    engine->scheduler().waitForIdle();
    int result = Ok;
    QJsonArray a;
    for (const ScheduleRunResult &r : runs) {
        const auto job = r.jobId > 0 ? engine->job(r.jobId) : std::nullopt;
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

} // namespace

int cmdSchedule(const Context &ctx, const QStringList &args)
{
    const QString sub = args.value(1);
    QStringList rest = args.mid(1);
    if (!rest.isEmpty())
        rest[0] = args.value(0) + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("list"))
        return list(ctx, rest);
    if (sub == QLatin1String("add"))
        return add(ctx, rest);
    if (sub == QLatin1String("remove"))
        return remove(ctx, rest);
    if (sub == QLatin1String("run-due"))
        return runDue(ctx, rest);
    err(QStringLiteral("usage: kmsctl schedule list | add FILE... --every MINUTES [--name N] [--first-run T] "
                       "[job options] | remove ID | run-due"));
    return Usage;
}

} // namespace kms::cli
