// SPDX-License-Identifier: MIT
#include "health/IntegrityCheck.h"

#include "index/VectorIndex.h"
#include "storage/StorePool.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace kms {

QString integrityPhaseName(IntegrityPhase p)
{
    switch (p) {
    case IntegrityPhase::Database: return QStringLiteral("database");
    case IntegrityPhase::FullText: return QStringLiteral("full_text");
    case IntegrityPhase::VectorIndex: return QStringLiteral("vector_index");
    case IntegrityPhase::IndexFile: return QStringLiteral("index_file");
    }
    return {};
}

bool IntegrityReport::ok() const
{
    return finished && problemCount() == 0;
}

int IntegrityReport::problemCount() const
{
    int n = 0;
    for (const IntegrityFinding &f : findings)
        n += f.ok ? 0 : 1;
    return n;
}

QJsonObject IntegrityReport::toJson() const
{
    QJsonArray list;
    for (const IntegrityFinding &f : findings)
        list.append(QJsonObject{{QStringLiteral("check"), integrityPhaseName(f.phase)},
                                {QStringLiteral("ok"), f.ok},
                                {QStringLiteral("message"), f.message}});
    QJsonObject o{{QStringLiteral("ok"), ok()},
                  {QStringLiteral("finished"), finished},
                  {QStringLiteral("cancelled"), cancelled},
                  {QStringLiteral("findings"), list},
                  {QStringLiteral("records"), records},
                  {QStringLiteral("vectors_checked"), vectorsChecked},
                  {QStringLiteral("missing_from_index"), missingFromIndex},
                  {QStringLiteral("extra_in_index"), extraInIndex},
                  {QStringLiteral("records_without_vector"), recordsWithoutVector},
                  {QStringLiteral("vector_backlog"), vectorBacklog},
                  {QStringLiteral("seconds"), seconds}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

namespace {
bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load();
}

// Every stored vector looked up in the live index, on one read snapshot.
IntegrityFinding compareVectors(const IntegrityInputs &in, Store &store,
                                const std::function<void(const IntegrityProgress &)> &progress,
                                const std::atomic<bool> *cancel, IntegrityReport &report)
{
    IntegrityFinding f{IntegrityPhase::VectorIndex, false, {}};
    if (!in.index) {
        f.message = QStringLiteral("the vector index is not loaded");
        return f;
    }
    const qint64 watermarkBefore = store.watermark();
    report.records = store.counts().total();
    qint64 wrongShape = 0;
    QStringList missingIds;
    const bool walked = store.forEachVector(0, [&](qint64 id, std::span<const float> v) {
        if (cancelled(cancel))
            return false;
        if (int(v.size()) != in.dimension) {
            ++wrongShape;
            return true;
        }
        ++report.vectorsChecked;
        if (!in.index->contains(id)) {
            ++report.missingFromIndex;
            if (missingIds.size() < 5)
                missingIds << QString::number(id);
        }
        if (progress && report.vectorsChecked % 1024 == 0)
            progress({IntegrityPhase::VectorIndex, report.vectorsChecked, report.records});
        return true;
    });
    if (cancelled(cancel))
        return f;
    if (!walked) {
        f.message = QStringLiteral("cannot read the stored vectors: %1").arg(store.lastError());
        return f;
    }
    const qint64 present = report.vectorsChecked - report.missingFromIndex;
    report.extraInIndex = std::max<qint64>(0, in.index->size() - present);
    report.recordsWithoutVector = std::max<qint64>(0, report.records - report.vectorsChecked);
    report.vectorBacklog = std::min(report.recordsWithoutVector, std::max<qint64>(0, store.vectorBacklogCount()));
    const qint64 unexplained = report.recordsWithoutVector - report.vectorBacklog;
    if (progress)
        progress({IntegrityPhase::VectorIndex, report.vectorsChecked, report.records});

    QStringList problems;
    if (report.missingFromIndex > 0)
        problems << QStringLiteral("%1 stored vectors are missing from the index (record ids %2%3)")
                        .arg(report.missingFromIndex)
                        .arg(missingIds.join(QStringLiteral(", ")),
                             report.missingFromIndex > missingIds.size() ? QStringLiteral(", …") : QString());
    if (report.extraInIndex > 0)
        problems << QStringLiteral("the index holds %1 vectors with no record behind them").arg(report.extraInIndex);
    if (unexplained > 0)
        problems << QStringLiteral("%1 records have no vector of dimension %2 (%3 of another shape)")
                        .arg(unexplained).arg(in.dimension).arg(wrongShape);
    if (!problems.isEmpty() && store.watermark() != watermarkBefore)
        problems << QStringLiteral("the store changed while it was checked; run the check again");
    f.ok = problems.isEmpty();
    f.message = f.ok ? QStringLiteral("%1 vectors, all in the index").arg(report.vectorsChecked)
                     : problems.join(QStringLiteral("; "));
    if (f.ok && report.vectorBacklog > 0)
        f.message += QStringLiteral("; %1 records wait in the vector backlog").arg(report.vectorBacklog);
    return f;
}

IntegrityFinding checkIndexFile(const IntegrityInputs &in)
{
    IntegrityFinding f{IntegrityPhase::IndexFile, false, {}};
    const auto v = VectorIndex::verify(in.indexPath, in.dimension, in.embedderId);
    switch (v.status) {
    case IndexLoadStatus::Loaded:
        f.ok = true;
        f.message = QStringLiteral("header and checksums verified (saved at watermark %1)").arg(v.watermark);
        break;
    case IndexLoadStatus::Missing:
        // Saved at the end of each job and on exit; until then the database alone is enough.
        f.ok = true;
        f.message = QStringLiteral("not saved yet; it is written after each job and on exit");
        break;
    default:
        f.message = QStringLiteral("%1: %2; the next start rebuilds it from the database, or rebuild it now")
                        .arg(indexLoadStatusName(v.status), v.message);
        break;
    }
    return f;
}
} // namespace

IntegrityReport checkIntegrity(const IntegrityInputs &in,
                               const std::function<void(const IntegrityProgress &)> &progress,
                               const std::atomic<bool> *cancel)
{
    QElapsedTimer timer;
    timer.start();
    IntegrityReport report;
    auto finish = [&]() -> IntegrityReport {
        report.cancelled = cancelled(cancel);
        report.finished = !report.cancelled && report.findings.size() == kIntegrityPhaseCount;
        report.seconds = double(timer.nsecsElapsed()) / 1e9;
        return report;
    };
    auto step = [&](IntegrityPhase phase) {
        if (progress)
            progress({phase, 0, 0});
    };

    auto store = in.stores->reader();
    step(IntegrityPhase::Database);
    const StoreCheck db = store->checkIntegrity(cancel);
    if (db.cancelled)
        return finish();
    report.findings.append({IntegrityPhase::Database, db.ok, db.message});

    step(IntegrityPhase::FullText);
    {
        const StoreCheck fts = in.stores->writer()->checkFullText(cancel);
        if (fts.cancelled)
            return finish();
        report.findings.append({IntegrityPhase::FullText, fts.ok, fts.message});
    }

    step(IntegrityPhase::VectorIndex);
    const IntegrityFinding vectors = compareVectors(in, *store, progress, cancel, report);
    if (cancelled(cancel))
        return finish();
    report.findings.append(vectors);

    step(IntegrityPhase::IndexFile);
    report.findings.append(checkIndexFile(in));
    return finish();
}

} // namespace kms
