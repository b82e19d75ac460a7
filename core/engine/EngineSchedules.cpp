// SPDX-License-Identifier: MIT
// Scheduled syncs: stored in the database, run by whoever calls runDueSchedules() (the GUI's timer).
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "log/Log.h"
#include "readers/RecordReader.h"

#include <QFileInfo>

#include <spdlog/spdlog.h>

namespace kms {

namespace {

constexpr int kMaxIntervalMinutes = 7 * 24 * 60;

bool validSchedule(const QString &name, const IngestOptions &source, int intervalMinutes, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (name.trimmed().isEmpty())
        return fail(QStringLiteral("a sync schedule needs a name"));
    if (source.files.isEmpty())
        return fail(QStringLiteral("a sync schedule needs at least one file"));
    for (const QString &file : source.files)
        if (!RecordReader::isSupported(file))
            return fail(QStringLiteral("%1: unsupported file type (use .csv, .tsv, .json, .jsonl, .ndjson, "
                                       "optionally .gz)").arg(file));
    if (intervalMinutes < 1 || intervalMinutes > kMaxIntervalMinutes)
        return fail(QStringLiteral("the interval must be 1 to %1 minutes, not %2")
                        .arg(kMaxIntervalMinutes).arg(intervalMinutes));
    return true;
}

} // namespace

QList<SyncSchedule> Engine::schedules()
{
    return withReader([](Store &s) { return s.schedules(); });
}

std::optional<SyncSchedule> Engine::schedule(qint64 id)
{
    return withReader([&](Store &s) { return s.schedule(id); });
}

qint64 Engine::addSchedule(const QString &name, const IngestOptions &source, int intervalMinutes, QString *error,
                           const QDateTime &firstRun)
{
    if (!validSchedule(name, source, intervalMinutes, error))
        return 0;
    IngestOptions options = source;
    options.dryRun = false;
    options.initialLoad = false; // a sync runs against a filled store
    SyncSchedule s;
    s.name = name.trimmed();
    s.options = options.toJson();
    s.intervalMinutes = intervalMinutes;
    s.createdAt = QDateTime::currentDateTimeUtc();
    s.nextRunAt = firstRun.isValid() ? firstRun.toUTC() : s.createdAt.addSecs(qint64(intervalMinutes) * 60);
    auto writerLock = m_stores->writer();
    const qint64 id = writerLock->addSchedule(s);
    if (id == 0 && error)
        *error = writerLock->lastError();
    return id;
}

bool Engine::updateSchedule(const SyncSchedule &schedule, QString *error)
{
    QString optionsError;
    const auto options = IngestOptions::fromJson(schedule.options, &optionsError);
    if (!options) {
        if (error)
            *error = optionsError;
        return false;
    }
    if (!validSchedule(schedule.name, *options, schedule.intervalMinutes, error))
        return false;
    auto writerLock = m_stores->writer();
    if (writerLock->updateSchedule(schedule))
        return true;
    if (error)
        *error = writerLock->lastError();
    return false;
}

bool Engine::removeSchedule(qint64 id, QString *error)
{
    auto writerLock = m_stores->writer();
    if (writerLock->removeSchedule(id))
        return true;
    if (error)
        *error = writerLock->lastError();
    return false;
}

QList<ScheduleRunResult> Engine::runDueSchedules(const QDateTime &now)
{
    std::lock_guard guard(m_scheduleMutex);
    QList<ScheduleRunResult> results;
    for (const SyncSchedule &s : schedules())
        if (isDue(s, now))
            results.append(runScheduleLocked(s, now));
    return results;
}

ScheduleRunResult Engine::runSchedule(qint64 id, const QDateTime &now)
{
    std::lock_guard guard(m_scheduleMutex);
    const auto s = schedule(id);
    if (!s) {
        ScheduleRunResult r;
        r.scheduleId = id;
        r.note = QStringLiteral("sync schedule %1 does not exist").arg(id);
        return r;
    }
    return runScheduleLocked(*s, now);
}

ScheduleRunResult Engine::runScheduleLocked(SyncSchedule s, const QDateTime &now)
{
    auto logger = log::get("kms.core.ingest");
    ScheduleRunResult r;
    r.scheduleId = s.id;
    // A slow source must not pile up jobs: the schedule stays due and runs when its job is done.
    if (s.lastJobId > 0 && m_scheduler->isQueuedOrRunning(s.lastJobId)) {
        r.note = QStringLiteral("job %1 of this schedule is still queued or running").arg(s.lastJobId);
        return r;
    }
    QString error;
    const auto options = IngestOptions::fromJson(s.options, &error);
    if (options)
        r.jobId = m_scheduler->submit(*options, &error);
    if (r.jobId > 0) {
        s.lastJobId = r.jobId;
        logger->info("sync '{}' (schedule {}) queued job {}", s.name.toStdString(), s.id, r.jobId);
    } else {
        r.note = error;
        logger->error("sync '{}' (schedule {}) could not queue a job: {}", s.name.toStdString(), s.id,
                      error.toStdString());
    }
    // Also after a failure to queue: a broken schedule is tried once per interval, not every tick.
    s.lastRunAt = now.toUTC();
    s.nextRunAt = nextSlotAfter(s.nextRunAt, s.intervalMinutes, now).toUTC();
    auto writerLock = m_stores->writer();
    if (!writerLock->updateSchedule(s)) {
        r.note = writerLock->lastError();
        logger->error("sync '{}': {}", s.name.toStdString(), r.note.toStdString());
    }
    return r;
}

} // namespace kms
