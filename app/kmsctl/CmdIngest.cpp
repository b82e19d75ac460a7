// SPDX-License-Identifier: MIT
// kmsctl ingest / initial-load: runs one job in this process with a live progress line.
#include "Command.h"

#include "config/EngineConfig.h"
#include "engine/Engine.h"
#include "ingest/IngestPipeline.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

namespace kms::cli {

namespace {
std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true; // only an atomic store: the watcher thread does the real work
}

QJsonObject countsJson(const JobCounts &c)
{
    return QJsonObject{{QStringLiteral("read"), c.read},
                       {QStringLiteral("inserted"), c.inserted},
                       {QStringLiteral("updated"), c.updated},
                       {QStringLiteral("unchanged"), c.unchanged},
                       {QStringLiteral("rejected"), c.rejected},
                       {QStringLiteral("adjusted"), c.adjusted},
                       {QStringLiteral("batches"), c.batchesCommitted}};
}

QString progressLine(const JobProgress &p)
{
    constexpr int kWidth = 28;
    const double f = std::clamp(p.fraction(), 0.0, 1.0);
    const int filled = int(f * kWidth);
    QString bar = QString(filled, QLatin1Char('#')) + QString(kWidth - filled, QLatin1Char('.'));
    return QStringLiteral("\r[%1] %2% %3 records  %4 rec/s  ETA %5  %6   ")
        .arg(bar)
        .arg(int(f * 100), 3)
        .arg(humanCount(double(p.counts.processed())))
        .arg(humanCount(p.recordsPerSecond))
        .arg(humanDuration(p.etaSeconds))
        .arg(p.status == JobStatus::Paused ? QStringLiteral("(paused)") : p.phase);
}

// ingest and initial-load share everything but the description and the empty-store rule.
class IngestCommand : public EngineCommand {
public:
    explicit IngestCommand(bool initialLoad)
        : EngineCommand(initialLoad ? "initial-load" : "ingest", "FILE...",
                        initialLoad ? "fastest load into an empty store"
                                    : "ingest CSV / JSON / JSONL (.gz too): upsert by id, skip unchanged")
        , m_initialLoad(initialLoad)
    {
    }

protected:
    void setup(QCommandLineParser &parser) const override;
    int check(const QCommandLineParser &parser) override;
    bool startsSampler() const override { return !m_options.dryRun; }
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;

private:
    const bool m_initialLoad;
    IngestOptions m_options;
};
} // namespace

void addJobOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("collection"), QStringLiteral("cases or knowledge (default: a per-record type column, else guessed from the columns)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("workers"), QStringLiteral("Worker threads (default: cores, max 128)."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("batch-size"), QStringLiteral("Records per transaction, 50-10000 (default: from the mode and the input's size)."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("priority"), QStringLiteral("high, normal or low."), QStringLiteral("p"), QStringLiteral("normal")});
    parser.addOption({QStringLiteral("mode"), QStringLiteral("auto, async, hybrid or distributed (how workers and batch size are chosen; distributed sends embedding to kmsctl worker processes through Redis)."), QStringLiteral("m"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("map"), QStringLiteral("Map a field to a column, e.g. title=Subject (repeatable)."), QStringLiteral("field=column")});
}

bool jobOptionsFrom(const QCommandLineParser &parser, IngestOptions *o)
{
    if (parser.isSet(QStringLiteral("collection"))) {
        o->collection = collectionFromName(parser.value(QStringLiteral("collection")));
        if (!o->collection) {
            err(QStringLiteral("kmsctl: unknown collection '%1' (use cases or knowledge)").arg(parser.value(QStringLiteral("collection"))));
            return false;
        }
    }
    auto intOption = [&](const char *name, int min, int max, int *outValue) {
        if (!parser.isSet(QLatin1String(name)))
            return true;
        bool ok = false;
        const int v = parser.value(QLatin1String(name)).toInt(&ok);
        if (!ok || v < min || v > max) {
            err(QStringLiteral("kmsctl: --%1 must be a number from %2 to %3, got '%4'")
                    .arg(QLatin1String(name)).arg(min).arg(max).arg(parser.value(QLatin1String(name))));
            return false;
        }
        *outValue = v;
        return true;
    };
    if (!intOption("workers", 1, 128, &o->workers)
        || !intOption("batch-size", EngineConfig::kMinBatchSize, EngineConfig::kMaxBatchSize, &o->batchSize))
        return false;
    const auto priority = jobPriorityFromName(parser.value(QStringLiteral("priority")));
    const auto mode = ingestModeFromName(parser.value(QStringLiteral("mode")));
    if (!priority || !mode) {
        err(QStringLiteral("kmsctl: --priority takes high|normal|low and --mode auto|async|hybrid|distributed"));
        return false;
    }
    o->priority = *priority;
    o->mode = *mode;
    o->mappings = parser.values(QStringLiteral("map"));
    return true;
}

void IngestCommand::setup(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(m_initialLoad
        ? QStringLiteral("Loads files into an EMPTY store by the fastest path (no lookups of existing records; the "
                         "data browser's indexes are built once, at its end).")
        : QStringLiteral("Ingests CSV / JSON / JSONL files (optionally .gz): upsert by external id, unchanged records skipped."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Files to ingest."), QStringLiteral("FILE..."));
    addJobOptions(parser);
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Count new / changed / unchanged / invalid records; write nothing.")});
    parser.addOption({QStringLiteral("events"), QStringLiteral("Print one JSON line per committed batch on stdout.")});
}

int IngestCommand::check(const QCommandLineParser &parser)
{
    IngestOptions o;
    o.files = parser.positionalArguments();
    o.initialLoad = m_initialLoad;
    o.dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (o.files.isEmpty()) {
        err(QStringLiteral("%1: no files given").arg(invokedAs()));
        return Usage;
    }
    if (!jobOptionsFrom(parser, &o))
        return Usage;
    m_options = o;
    return Ok;
}

int IngestCommand::runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine)
{
    if (m_initialLoad && engine.counts().total() > 0) {
        err(QStringLiteral("kmsctl initial-load: the store already holds %1 records; use `kmsctl ingest` to add to it")
                .arg(engine.counts().total()));
        return Failed;
    }

    const bool events = parser.isSet(QStringLiteral("events"));
    const bool showBar = !ctx.json && !events && !ctx.quiet && stdoutIsTerminal();
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    std::mutex mutex;
    std::condition_variable cv;
    bool finished = false;
    IngestPipeline *running = nullptr;
    std::optional<JobProgress> latest; // under mutex: the newest snapshot of the job's events
    // Progress reaches the CLI the way it reaches every front end: the engine's job events.
    const auto subscription = engine.subscribeJobEvents([&](const JobEvent &je) {
        if (!je.progress)
            return;
        {
            std::lock_guard lock(mutex);
            latest = je.progress;
        }
        if (events && je.kind == JobEventKind::Progress) {
            QJsonObject e = countsJson(je.progress->counts);
            e.insert(QStringLiteral("event"), QStringLiteral("batch"));
            e.insert(QStringLiteral("job"), je.jobId);
            out(QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)));
        }
    });
    std::thread watcher;
    auto started = [&](IngestPipeline &p) {
        running = &p;
        watcher = std::thread([&] {
            std::unique_lock lock(mutex);
            while (!finished) {
                cv.wait_for(lock, std::chrono::milliseconds(250));
                if (g_interrupted.exchange(false)) {
                    err(QStringLiteral("\nkmsctl: cancelling after the current batch..."));
                    running->cancel();
                }
                if (showBar && !finished && latest) {
                    const QByteArray line = progressLine(*latest).toUtf8();
                    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
                    std::fflush(stdout);
                }
            }
        });
    };

    JobInfo job;
    JobProgress dry;
    if (m_options.dryRun) {
        // Dry runs have no job row and write nothing.
        dry = engine.dryRun(m_options);
        job.status = dry.status;
        job.counts = dry.counts;
        job.error = dry.error;
        job.recordsPerSecond = dry.recordsPerSecond;
    } else {
        job = engine.runJob(m_options, started);
    }
    {
        std::lock_guard lock(mutex);
        finished = true;
    }
    cv.notify_all();
    if (watcher.joinable())
        watcher.join();
    if (showBar)
        out(QString());

    if (ctx.json || events) {
        QJsonObject r = countsJson(job.counts);
        r.insert(QStringLiteral("event"), QStringLiteral("result"));
        r.insert(QStringLiteral("job"), job.id);
        r.insert(QStringLiteral("status"), jobStatusName(job.status));
        r.insert(QStringLiteral("dry_run"), m_options.dryRun);
        r.insert(QStringLiteral("records_per_second"), job.recordsPerSecond);
        r.insert(QStringLiteral("total_records"), engine.counts().total());
        r.insert(QStringLiteral("index_vectors"), engine.status().indexVectors);
        if (!job.error.isEmpty())
            r.insert(QStringLiteral("error"), job.error);
        if (events)
            out(QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact)));
        else
            printJson(r);
    } else if (!ctx.quiet) {
        const JobCounts &c = job.counts;
        if (m_options.dryRun)
            out(QStringLiteral("dry run: %1 new, %2 changed, %3 unchanged, %4 invalid (nothing written)")
                    .arg(c.inserted).arg(c.updated).arg(c.unchanged).arg(c.rejected));
        else
            out(QStringLiteral("job %1 %2: %3 read, %4 inserted, %5 updated, %6 unchanged, %7 rejected, %8 rec/s")
                    .arg(job.id).arg(jobStatusName(job.status)).arg(c.read).arg(c.inserted).arg(c.updated)
                    .arg(c.unchanged).arg(c.rejected).arg(humanCount(job.recordsPerSecond)));
        if (c.adjusted > 0)
            out(QStringLiteral("%1 %2 by the input rules (a title from the description, or a status or priority "
                               "outside the standard list kept as given)")
                    .arg(c.adjusted).arg(m_options.dryRun ? QStringLiteral("would be adjusted") : QStringLiteral("adjusted")));
        if (c.rejected > 0 && !m_options.dryRun)
            out(QStringLiteral("see the rejected records with: kmsctl rejects %1").arg(job.id));
    }
    if (!job.error.isEmpty())
        err(QStringLiteral("kmsctl: %1").arg(job.error));
    switch (job.status) {
    case JobStatus::Completed: return job.counts.rejected > 0 ? PartialSuccess : Ok;
    case JobStatus::Cancelled: return Cancelled;
    default: return Failed;
    }
}

std::unique_ptr<Command> makeIngestCommand(bool initialLoad)
{
    return std::make_unique<IngestCommand>(initialLoad);
}

} // namespace kms::cli
