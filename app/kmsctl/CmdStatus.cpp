// SPDX-License-Identifier: MIT
// kmsctl init / health / stats / jobs / rejects: read-only views of a store (init creates one).
#include "Command.h"

#include "embed/HashEmbedder.h"
#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kms::cli {

namespace {
QJsonObject jobJson(const JobInfo &j)
{
    return QJsonObject{
        {QStringLiteral("id"), j.id},
        {QStringLiteral("source"), j.source},
        {QStringLiteral("status"), jobStatusName(j.status)},
        {QStringLiteral("priority"), jobPriorityName(j.priority)},
        {QStringLiteral("read"), j.counts.read},
        {QStringLiteral("inserted"), j.counts.inserted},
        {QStringLiteral("updated"), j.counts.updated},
        {QStringLiteral("unchanged"), j.counts.unchanged},
        {QStringLiteral("rejected"), j.counts.rejected},
        {QStringLiteral("adjusted"), j.counts.adjusted},
        {QStringLiteral("batches"), j.counts.batchesCommitted},
        {QStringLiteral("started_at"), j.startedAt.toString(Qt::ISODate)},
        {QStringLiteral("finished_at"), j.finishedAt.toString(Qt::ISODate)},
        {QStringLiteral("records_per_second"), j.recordsPerSecond},
        {QStringLiteral("error"), j.error}};
}

class InitCommand : public EngineCommand {
public:
    InitCommand() : EngineCommand("init", "", "create or open the data directory") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Creates (or opens and migrates) the data directory and its store."));
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;
};

int InitCommand::runOn(const Context &ctx, const QCommandLineParser &, Engine &engine)
{
    const StoreCounts c = engine.counts();
    if (ctx.json) {
        printJson(QJsonObject{{QStringLiteral("data_directory"), engine.status().dataDirectory},
                              {QStringLiteral("database"), engine.status().databasePath},
                              {QStringLiteral("records"), c.total()},
                              {QStringLiteral("embedder"), engine.embedderInfo().id}});
    } else if (!ctx.quiet) {
        out(QStringLiteral("data directory %1 ready (%2 records, embedder %3)")
                .arg(engine.status().dataDirectory).arg(c.total()).arg(engine.embedderInfo().id));
    }
    return Ok;
}

class HealthCommand : public EngineCommand {
public:
    HealthCommand() : EngineCommand("health", "[--detailed]", "database, vector index, embedder, disk, memory") {}

protected:
    bool readsOnly() const override { return true; }
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Health of the store: database, vector index, embedder, disk, memory.\n"
                                                        "Exit code 0 healthy, 5 degraded, 6 unhealthy."));
        parser.addOption({QStringLiteral("detailed"), QStringLiteral("Also run SQLite quick_check and verify the index file.")});
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;
};

int HealthCommand::runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine)
{
    const QJsonObject h = engine.health(parser.isSet(QStringLiteral("detailed")));
    const QString status = h.value(QStringLiteral("status")).toString();
    if (ctx.json) {
        printJson(h);
    } else {
        out(QStringLiteral("status: %1").arg(status));
        const QJsonObject comps = h.value(QStringLiteral("components")).toObject();
        for (auto it = comps.begin(); it != comps.end(); ++it) {
            const QJsonObject c = it.value().toObject();
            QStringList details;
            for (auto d = c.begin(); d != c.end(); ++d) {
                if (d.key() == QLatin1String("status"))
                    continue;
                const QJsonValue v = d.value();
                QString text = v.isObject() ? QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
                             : v.isBool()   ? (v.toBool() ? QStringLiteral("yes") : QStringLiteral("no"))
                             : v.isDouble() ? QString::number(v.toDouble(), 'g', 12)
                                            : v.toString();
                details << QStringLiteral("%1=%2").arg(d.key(), text);
            }
            out(QStringLiteral("  %1: %2  %3").arg(it.key(), -13).arg(c.value(QStringLiteral("status")).toString(), -9)
                    .arg(details.join(QStringLiteral(", "))));
        }
    }
    return status == QLatin1String("healthy") ? Ok : status == QLatin1String("degraded") ? Degraded : Unhealthy;
}

class StatsCommand : public EngineCommand {
public:
    StatsCommand() : EngineCommand("stats", "", "record counts, index size, last job") {}

protected:
    bool readsOnly() const override { return true; }
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Record counts, index size and the last job."));
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;
};

int StatsCommand::runOn(const Context &ctx, const QCommandLineParser &, Engine &engine)
{
    const StoreCounts c = engine.counts();
    const qint64 backlog = engine.vectorBacklog();
    const QList<JobInfo> last = engine.jobs(1);
    QJsonObject o{{QStringLiteral("cases"), c.cases},
                  {QStringLiteral("knowledge"), c.knowledge},
                  {QStringLiteral("records"), c.total()},
                  {QStringLiteral("embeddings"), c.embeddings},
                  {QStringLiteral("index_vectors"), engine.status().indexVectors},
                  {QStringLiteral("vector_backlog"), backlog},
                  {QStringLiteral("jobs"), c.jobs},
                  {QStringLiteral("rejects"), c.rejects},
                  {QStringLiteral("embedder"), engine.embedderInfo().id},
                  {QStringLiteral("data_directory"), engine.status().dataDirectory}};
    if (!last.isEmpty())
        o.insert(QStringLiteral("last_job"), jobJson(last.first()));
    const EngineStatus status = engine.status();
    if (!status.readOnlyBeside.isEmpty())
        o.insert(QStringLiteral("read_only_beside"), status.readOnlyBeside);
    if (!status.vectorSearchUnavailable.isEmpty())
        o.insert(QStringLiteral("vector_search_unavailable"), status.vectorSearchUnavailable);
    // stats does not load the index: the count is the saved file's, which a running owner may have
    // outgrown in memory (it saves at checkpoints and at its end).
    const bool fromFile = status.indexState != EngineStatus::IndexState::Ready;
    o.insert(QStringLiteral("index_vectors_from"), fromFile ? QStringLiteral("file") : QStringLiteral("memory"));
    if (ctx.json) {
        printJson(o);
        return Ok;
    }
    out(QStringLiteral("data directory  %1").arg(engine.status().dataDirectory));
    out(QStringLiteral("cases           %1").arg(humanCount(double(c.cases))));
    out(QStringLiteral("knowledge       %1").arg(humanCount(double(c.knowledge))));
    out(QStringLiteral("embeddings      %1 distinct texts").arg(humanCount(double(c.embeddings))));
    out(QStringLiteral("index vectors   %1%2").arg(humanCount(double(status.indexVectors)))
            .arg(!fromFile ? QString()
                 : status.readOnlyBeside.isEmpty() ? QStringLiteral(" (in the saved index file)")
                                                   : QStringLiteral(" (in the saved index file; the owner may hold more in memory)")));
    out(QStringLiteral("vector backlog  %1%2").arg(humanCount(double(std::max<qint64>(backlog, 0))))
            .arg(backlog > 0 ? QStringLiteral(" records wait for a vector (retried in the background)") : QString()));
    out(QStringLiteral("jobs            %1 (%2 rejected records)").arg(c.jobs).arg(c.rejects));
    out(QStringLiteral("embedder        %1").arg(engine.embedderInfo().id));
    if (!last.isEmpty()) {
        const JobInfo &j = last.first();
        out(QStringLiteral("last job        #%1 %2, %3 inserted, %4 updated, %5 unchanged, %6 rejected")
                .arg(j.id).arg(jobStatusName(j.status)).arg(j.counts.inserted).arg(j.counts.updated)
                .arg(j.counts.unchanged).arg(j.counts.rejected));
    }
    if (!status.readOnlyBeside.isEmpty())
        out(QStringLiteral("read-only view  beside %1%2").arg(status.readOnlyBeside)
                .arg(status.vectorSearchUnavailable.isEmpty() ? QString()
                                                              : QStringLiteral("; ") + status.vectorSearchUnavailable));
    return Ok;
}

class JobsCommand : public EngineCommand {
public:
    JobsCommand() : EngineCommand("jobs", "[--limit N]", "ingestion jobs, newest first") {}

protected:
    bool readsOnly() const override { return true; }
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Ingestion jobs, newest first."));
        parser.addOption({QStringLiteral("limit"), QStringLiteral("How many (default 20)."), QStringLiteral("n"), QStringLiteral("20")});
    }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;
};

int JobsCommand::runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine)
{
    const QList<JobInfo> jobs = engine.jobs(std::max(1, parser.value(QStringLiteral("limit")).toInt()));
    if (ctx.json) {
        QJsonArray a;
        for (const JobInfo &j : jobs)
            a.append(jobJson(j));
        printJson(a);
        return Ok;
    }
    QList<QStringList> rows;
    for (const JobInfo &j : jobs)
        rows.append({QString::number(j.id), jobStatusName(j.status), jobPriorityName(j.priority),
                     QString::number(j.counts.read), QString::number(j.counts.inserted),
                     QString::number(j.counts.updated), QString::number(j.counts.unchanged),
                     QString::number(j.counts.rejected), QString::number(qint64(j.recordsPerSecond)),
                     j.startedAt.isValid() ? j.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                           : QStringLiteral("not started"),
                     j.source});
    printTable({QStringLiteral("ID"), QStringLiteral("STATUS"), QStringLiteral("PRIO"), QStringLiteral("READ"),
                QStringLiteral("NEW"), QStringLiteral("UPDATED"), QStringLiteral("SAME"), QStringLiteral("REJECTED"),
                QStringLiteral("REC/S"), QStringLiteral("STARTED"), QStringLiteral("SOURCE")},
               rows);
    return Ok;
}

class RejectsCommand : public EngineCommand {
public:
    RejectsCommand() : EngineCommand("rejects", "[JOB]", "rejected records with file, record, line, field and reason") {}

protected:
    bool readsOnly() const override { return true; }
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Records a job refused, with where and why."));
        parser.addPositionalArgument(QStringLiteral("job"), QStringLiteral("Job id (default: all jobs)."), QStringLiteral("[JOB]"));
        parser.addOption({QStringLiteral("limit"), QStringLiteral("How many (default 100)."), QStringLiteral("n"), QStringLiteral("100")});
    }
    int check(const QCommandLineParser &parser) override;
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;

private:
    qint64 m_jobId = 0; // 0: every job
};

int RejectsCommand::check(const QCommandLineParser &parser)
{
    m_jobId = 0;
    if (!parser.positionalArguments().isEmpty()) {
        bool ok = false;
        m_jobId = parser.positionalArguments().first().toLongLong(&ok);
        if (!ok || m_jobId <= 0) {
            err(QStringLiteral("kmsctl rejects: '%1' is not a job id").arg(parser.positionalArguments().first()));
            return Usage;
        }
    }
    return Ok;
}

int RejectsCommand::runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine)
{
    const qint64 jobId = m_jobId;
    if (jobId > 0 && !engine.job(jobId)) {
        err(QStringLiteral("kmsctl rejects: there is no job %1").arg(jobId));
        return Failed;
    }
    const QList<RejectInfo> rejects = engine.rejects(jobId, std::max(1, parser.value(QStringLiteral("limit")).toInt()));
    if (ctx.json) {
        QJsonArray a;
        for (const RejectInfo &r : rejects)
            a.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("job"), r.jobId},
                                 {QStringLiteral("source"), r.source}, {QStringLiteral("record"), r.recordNumber},
                                 {QStringLiteral("line"), r.line}, {QStringLiteral("field"), r.field},
                                 {QStringLiteral("reason"), r.reason}, {QStringLiteral("raw"), r.rawData}});
        printJson(a);
        return Ok;
    }
    if (rejects.isEmpty()) {
        out(QStringLiteral("no rejected records"));
        return Ok;
    }
    QList<QStringList> rows;
    for (const RejectInfo &r : rejects)
        rows.append({QString::number(r.jobId), r.source, QString::number(r.recordNumber),
                     r.line > 0 ? QString::number(r.line) : QStringLiteral("-"),
                     r.field.isEmpty() ? QStringLiteral("-") : r.field, r.reason});
    printTable({QStringLiteral("JOB"), QStringLiteral("SOURCE"), QStringLiteral("RECORD"), QStringLiteral("LINE"),
                QStringLiteral("FIELD"), QStringLiteral("REASON")},
               rows);
    return Ok;
}

} // namespace

std::unique_ptr<Command> makeInitCommand() { return std::make_unique<InitCommand>(); }
std::unique_ptr<Command> makeHealthCommand() { return std::make_unique<HealthCommand>(); }
std::unique_ptr<Command> makeStatsCommand() { return std::make_unique<StatsCommand>(); }
std::unique_ptr<Command> makeJobsCommand() { return std::make_unique<JobsCommand>(); }
std::unique_ptr<Command> makeRejectsCommand() { return std::make_unique<RejectsCommand>(); }

} // namespace kms::cli
