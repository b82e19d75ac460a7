// SPDX-License-Identifier: MIT
#include "bench/IngestSoak.h"

#include "bench/ProcessMemory.h"
#include "engine/Engine.h"
#include "health/IntegrityCheck.h"
#include "synth/CorpusWriter.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace kms {

namespace {

struct TimedSearch {
    double at = 0;     // seconds since the load started
    int mode = 0;      // index into kModes
    double ms = 0;
};

struct Commit {
    double at = 0;
    qint64 records = 0; // processed by the job so far
};

constexpr SearchMode kModes[] = {SearchMode::Keyword, SearchMode::Vector, SearchMode::Hybrid};

double percentile(std::vector<double> ms, double p)
{
    if (ms.empty())
        return 0;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, size_t(p / 100.0 * double(ms.size())))];
}

// Up to `wanted` titles spread over the corpus: the queries an engineer would paste.
QStringList sampleTitles(const QString &corpus, qint64 lines, int wanted)
{
    QStringList titles;
    QFile f(corpus);
    if (!f.open(QIODevice::ReadOnly))
        return titles;
    const qint64 step = std::max<qint64>(1, lines / wanted);
    for (qint64 i = 0; !f.atEnd(); ++i) {
        const QByteArray line = f.readLine();
        if (i % step != 0)
            continue;
        const QString title = QJsonDocument::fromJson(line).object().value(QStringLiteral("title")).toString();
        if (!title.isEmpty())
            titles.append(title);
    }
    return titles;
}

// The corpus again with `percent` of the records changed (a sentence added to the body, a later
// update time): what a 30-minute re-sync of a busy help desk brings. Other lines are copied as they
// are, so they come back unchanged.
bool writeChangedCorpus(const QString &from, const QString &to, int percent, qint64 *changed, QString *error)
{
    QFile in(from);
    QFile out(to);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write the changed corpus %1").arg(to);
        return false;
    }
    *changed = 0;
    for (qint64 i = 0; !in.atEnd(); ++i) {
        QByteArray line = in.readLine();
        if (i % 100 < percent) {
            QJsonObject o = QJsonDocument::fromJson(line).object();
            o.insert(QStringLiteral("body"), o.value(QStringLiteral("body")).toString()
                                                 + QStringLiteral("\n\nUpdate %1: the customer confirmed the workaround "
                                                                  "and asked for the permanent fix.").arg(i));
            o.insert(QStringLiteral("updated_at"), QStringLiteral("2025-06-01T12:00:00Z"));
            line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
            ++*changed;
        }
        if (out.write(line) != line.size()) {
            *error = QStringLiteral("cannot write the changed corpus %1: %2").arg(to, out.errorString());
            return false;
        }
    }
    return true;
}

qint64 folderBytes(const QString &path)
{
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

QList<SoakLatency> latencyOf(const std::vector<TimedSearch> &searches, double from, double to)
{
    QList<SoakLatency> out;
    for (int m = 0; m < 3; ++m) {
        std::vector<double> ms;
        for (const TimedSearch &s : searches)
            if (s.mode == m && s.at >= from && s.at < to)
                ms.push_back(s.ms);
        out.append({searchModeName(kModes[m]), qint64(ms.size()), percentile(ms, 50), percentile(ms, 95),
                    ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end())});
    }
    return out;
}

// The time the job's committed count first reached `records`, interpolated between commits.
double timeAt(const std::vector<Commit> &commits, qint64 records)
{
    for (size_t i = 0; i < commits.size(); ++i) {
        if (commits[i].records < records)
            continue;
        if (i == 0)
            return commits[0].at;
        const Commit &a = commits[i - 1], &b = commits[i];
        const double share = double(records - a.records) / double(std::max<qint64>(1, b.records - a.records));
        return a.at + share * (b.at - a.at);
    }
    return commits.empty() ? 0.0 : commits.back().at;
}

QList<SoakSlice> slicesOf(const std::vector<Commit> &commits, const std::vector<TimedSearch> &searches,
                          const QList<QPair<double, qint64>> &rss, qint64 total, qint64 sliceRecords)
{
    QList<SoakSlice> out;
    double start = 0;
    for (qint64 from = 0; from < total; from += sliceRecords) {
        SoakSlice s;
        s.fromRecords = from;
        s.toRecords = std::min(total, from + sliceRecords);
        const double end = timeAt(commits, s.toRecords);
        s.seconds = end - start;
        s.recordsPerSecond = s.seconds > 0 ? double(s.toRecords - s.fromRecords) / s.seconds : 0;
        std::vector<double> ms;
        for (const TimedSearch &t : searches)
            if (t.at >= start && t.at < end)
                ms.push_back(t.ms);
        s.searches = qint64(ms.size());
        s.searchP95Ms = percentile(ms, 95);
        for (const auto &[at, bytes] : rss)
            if (at >= start && at <= end + 1.0)
                s.rssPeakBytes = std::max(s.rssPeakBytes, bytes);
        out.append(s);
        start = end;
    }
    return out;
}

} // namespace

SoakReport runIngestSoak(const SoakOptions &options, const std::function<void(const QString &)> &say)
{
    SoakReport report;
    SynthOptions so;
    so.cases = options.cases;
    so.articles = options.articles;
    so.seed = 7;
    report.inputRecords = so.cases + so.articles;
    if (report.inputRecords <= 0 || options.changedPercent < 0 || options.changedPercent > 100 || options.sliceRecords <= 0) {
        report.error = QStringLiteral("nothing to do: %1 records, %2 % changed").arg(report.inputRecords).arg(options.changedPercent);
        return report;
    }
    QTemporaryDir tmp;
    const QString work = options.workDir.isEmpty() ? tmp.path() : options.workDir;
    QDir().mkpath(work);
    const QString corpus = QDir(work).filePath(QStringLiteral("soak-corpus.jsonl"));
    const QString changedCorpus = QDir(work).filePath(QStringLiteral("soak-changed.jsonl"));
    say(QStringLiteral("generating %1 cases + %2 articles...").arg(so.cases).arg(so.articles));
    if (!writeSyntheticCorpus(so, corpus, &report.error))
        return report;
    report.corpusBytes = double(QFileInfo(corpus).size());
    say(QStringLiteral("writing the re-sync file with %1 % of the records changed...").arg(options.changedPercent));
    if (!writeChangedCorpus(corpus, changedCorpus, options.changedPercent, &report.changedRecords, &report.error))
        return report;
    const QStringList titles = sampleTitles(corpus, report.inputRecords, 500);

    Engine::Options eo;
    eo.dataDirectory = QDir(work).filePath(QStringLiteral("soak-data"));
    eo.logToFile = false;
    QDir(eo.dataDirectory).removeRecursively();
    auto engine = Engine::open(eo, &report.error);
    if (!engine)
        return report;

    QElapsedTimer clock;
    clock.start();
    auto now = [&clock] { return double(clock.nsecsElapsed()) / 1e9; };
    std::mutex mutex;
    std::condition_variable wake;
    std::vector<Commit> commits;     // of the load job only
    std::atomic<int> phase{0};       // 0 load, 1 re-sync, 2 done
    auto subscription = engine->subscribeJobEvents([&](const JobEvent &e) {
        if (e.kind != JobEventKind::Progress || !e.progress || phase.load() != 0)
            return;
        std::lock_guard guard(mutex);
        commits.push_back({now(), e.progress->counts.processed()});
    });

    // The searching thread: one query after the other, the modes in turn, for the whole run.
    std::vector<TimedSearch> searches;
    std::thread searcher([&] {
        for (qint64 i = 0; phase.load() < 2 && !titles.isEmpty(); ++i) {
            SearchQuery q;
            q.text = titles[int(i % titles.size())];
            q.mode = kModes[i % 3];
            q.log = false;
            const double at = now();
            QElapsedTimer t;
            t.start();
            (void)engine->search(q);
            searches.push_back({at, int(i % 3), double(t.nsecsElapsed()) / 1e6});
        }
    });
    // RSS once a second until the end.
    std::thread sampler([&] {
        std::unique_lock lock(mutex);
        while (phase.load() < 2) {
            const qint64 bytes = residentBytes();
            report.rss.append({now(), bytes});
            report.rssPeakBytes = std::max(report.rssPeakBytes, bytes);
            wake.wait_for(lock, std::chrono::seconds(1), [&] { return phase.load() >= 2; });
        }
    });

    auto runPhase = [&](const QString &name, const QString &file) {
        say(QStringLiteral("%1: ingesting %2 while searching...").arg(name, file));
        IngestOptions io;
        io.files = {file};
        const double start = now();
        const JobInfo job = engine->runJob(io);
        SoakPhase p;
        p.name = name;
        p.seconds = now() - start;
        p.counts = job.counts;
        p.recordsPerSecond = p.seconds > 0 ? double(job.counts.processed()) / p.seconds : 0;
        report.phases.append(p);
        if (job.status != JobStatus::Completed && report.error.isEmpty())
            report.error = QStringLiteral("the %1 job did not complete: %2").arg(name, job.error);
        return start;
    };
    const double loadStart = runPhase(QStringLiteral("load"), corpus);
    phase = 1;
    const double resyncStart = report.error.isEmpty() ? runPhase(QStringLiteral("re-sync"), changedCorpus) : now();
    const double end = now();
    {
        std::lock_guard guard(mutex);
        phase = 2;
    }
    wake.notify_all();
    searcher.join();
    sampler.join();
    subscription.reset();

    if (!report.phases.isEmpty())
        report.phases[0].latency = latencyOf(searches, loadStart, resyncStart);
    if (report.phases.size() > 1)
        report.phases[1].latency = latencyOf(searches, resyncStart, end);
    report.slices = slicesOf(commits, searches, report.rss, report.inputRecords, options.sliceRecords);
    if (!report.error.isEmpty())
        return report;

    say(QStringLiteral("checking the store against the input and the index..."));
    report.storedRecords = engine->counts().total();
    report.indexVectors = engine->status().indexVectors;
    const IntegrityReport check = engine->checkIntegrity({}, nullptr);
    report.integrityOk = check.ok();
    report.missingFromIndex = check.missingFromIndex;
    report.extraInIndex = check.extraInIndex;
    report.recordsWithoutVector = check.recordsWithoutVector;
    report.integritySeconds = check.seconds;
    if (!check.error.isEmpty())
        report.integrityProblems.append(check.error);
    for (const IntegrityFinding &f : check.findings)
        if (!f.ok)
            report.integrityProblems.append(f.message);
    engine.reset();
    report.dataDirectoryBytes = folderBytes(eo.dataDirectory);
    return report;
}

} // namespace kms
