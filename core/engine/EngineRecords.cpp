// SPDX-License-Identifier: MIT
// The engine's single-record calls: browsing, the editor's save and delete, and exports.
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "engine/VectorBacklog.h"

#include "embed/EmbeddingCache.h"
#include "embed/Embedder.h"
#include "index/VectorIndex.h"
#include "ingest/RecordPreparer.h"
#include "log/Log.h"
#include "search/QueryParser.h"
#include "storage/DataDirectory.h"
#include "synth/CorpusWriter.h"
#include "text/Normalizer.h"

#include <QElapsedTimer>
#include <QFile>

#include <spdlog/spdlog.h>

namespace kms {

namespace {

// The first value of a filter typed in the query text, when the bar's own field is empty.
void adopt(QString &field, const QStringList &typed)
{
    if (field.isEmpty() && !typed.isEmpty())
        field = typed.front();
}

} // namespace

QString Engine::browseMatch(const BrowseQuery &query, BrowseQuery *effective) const
{
    *effective = query;
    QStringList parts;
    if (!query.text.trimmed().isEmpty()) {
        const ParsedQuery parsed = parseQuery(query.text, *m_normalizer);
        // Every word must occur: a browser filter narrows, it does not rank.
        const QString all = parsed.ftsMatchOf(parsed.ftsPositiveParts(), true);
        if (!all.isEmpty())
            parts << u'(' + all + u')';
        adopt(effective->status, parsed.filters.statuses);
        adopt(effective->priority, parsed.filters.priorities);
        adopt(effective->product, parsed.filters.products);
        adopt(effective->category, parsed.filters.categories);
        adopt(effective->tag, parsed.filters.tags);
    }
    // The tag's words in the full-text tags column find the candidates fast; the store then checks
    // the tag itself exactly. Not for a tag whose words a dictionary phrase may join with another
    // tag's: the phrase of the tag alone would miss such a record, so every record is checked.
    if (!effective->tag.trimmed().isEmpty())
        if (const QString tags = tagsMatch({effective->tag}, *m_normalizer); !tags.isEmpty())
            parts << tags;
    return parts.join(QStringLiteral(" AND "));
}

BrowseResult Engine::browse(const BrowseQuery &query, int limit)
{
    BrowseQuery effective;
    const QString match = browseMatch(query, &effective);
    QElapsedTimer timer;
    timer.start();
    BrowseResult out = withReader([&](Store &s) {
        BrowseResult r;
        // One snapshot: the count and the first page agree even while a job writes.
        if (!s.beginSnapshot()) {
            r.page.error = s.lastError();
            return r;
        }
        r.total = s.browseCount(effective, match);
        if (r.total < 0)
            r.page.error = s.lastError();
        else if (r.total > 0)
            r.page = s.browsePage(effective, match, 0, limit, r.total);
        s.endSnapshot();
        return r;
    });
    out.page.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return out;
}

BrowsePage Engine::browsePage(const BrowseQuery &query, qint64 offset, int limit, qint64 total)
{
    BrowseQuery effective;
    const QString match = browseMatch(query, &effective);
    return withReader([&](Store &s) { return s.browsePage(effective, match, offset, limit, total); });
}

BrowseIds Engine::browseIds(const BrowseQuery &query)
{
    BrowseQuery effective;
    const QString match = browseMatch(query, &effective);
    return withReader([&](Store &s) { return s.browseIds(effective, match); });
}

BrowsePage Engine::browseRows(const QList<qint64> &ids)
{
    return withReader([&](Store &s) { return s.browseRows(ids); });
}

BrowseFacets Engine::browseFacets(Collection c)
{
    return withReader([&](Store &s) { return s.browseFacets(c); });
}

AllowedValues Engine::allowedValues(Collection c)
{
    AllowedValues allowed = AllowedValues::standard(c);
    const BrowseFacets facets = browseFacets(c);
    allowed.merge(facets.statuses, facets.priorities);
    return allowed;
}

std::optional<StoredRecord> Engine::record(qint64 id, QString *error)
{
    return withReader([&](Store &s) {
        auto r = s.record(id);
        if (!r && error)
            *error = s.lastError();
        return r;
    });
}

// ---- writes -----------------------------------------------------------------------------------------

void Engine::noteDirectIndexChange(qint64 id, qint64 seq)
{
    // Only a job's queued batches can be older than an edit; with no job they are gone.
    if (m_directChanges.size() > 10'000 && m_scheduler->isIdle())
        m_directChanges.clear();
    m_directChanges.insert(id, seq);
}

bool Engine::isSupersededIndexChange(qint64 id, qint64 seq) const
{
    const auto it = m_directChanges.constFind(id);
    return it != m_directChanges.constEnd() && seq < it.value();
}

RecordSaveResult Engine::saveRecord(const Record &input, qint64 id)
{
    RecordSaveResult out;
    auto logger = log::get("kms.core.engine");
    std::optional<StoredRecord> existing;
    if (id > 0) {
        existing = record(id, &out.error);
        if (!existing)
            return out;
        if (input.collection != existing->record.collection
            || input.externalId.trimmed() != existing->record.externalId) {
            out.error = QStringLiteral("the collection and external id of record %1 ('%2') cannot change")
                            .arg(id).arg(existing->record.externalId);
            return out;
        }
    }

    // The same input rules as a file import (RecordValidation.h): a status outside the standard
    // list is kept as typed, a missing title comes from the description.
    Record r = normaliseRecord(input, AllowedValues::standard(input.collection));
    out.problems = validateRecord(r);
    if (!out.problems.isEmpty())
        return out;

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    if (existing) {
        if (r.extra.isEmpty())
            r.extra = existing->record.extra;
        if (!r.createdAt.isValid())
            r.createdAt = existing->record.createdAt;
        r.updatedAt = existing->record.updatedAt;
        if (r == existing->record) {
            out.ok = true;
            out.id = id;
            out.stored = *existing;
            return out;
        }
    } else if (!r.createdAt.isValid()) {
        r.createdAt = now;
    }
    r.updatedAt = now;

    // Embedding is the slow part: done before taking the writer lock.
    BatchWrite batch;
    batch.records.push_back(RecordPreparer::prepareOne(r, *m_normalizer, *m_embedder, m_cache.get()));

    // Loaded (or waited for) before the writer is taken: a load under it would hold every
    // writer for the seconds it takes.
    currentIndex();
    auto writerLock = m_stores->writer();
    // Checked again under the lock: another save may have taken the id, or a delete removed it.
    const auto current = writerLock->record(r.collection, r.externalId);
    if (!existing && current) {
        FieldProblem p;
        p.field = Field::ExternalId;
        p.kind = FieldProblem::Kind::Duplicate;
        p.value = r.externalId;
        out.problems << p;
        return out;
    }
    if (existing && (!current || current->id != id)) {
        FieldProblem p;
        p.field = Field::ExternalId;
        p.kind = FieldProblem::Kind::NotFound;
        p.value = r.externalId;
        out.problems << p;
        return out;
    }
    const auto outcome = writerLock->writeBatch(batch);
    if (!outcome) {
        out.error = writerLock->lastError();
        return out;
    }
    std::shared_ptr<VectorIndex> index = currentIndex();
    std::lock_guard gate(m_directChangesMutex);
    for (const IndexChange &c : outcome->indexChanges) {
        QString indexError;
        if (c.vector.empty()) { // the embedder failed: stored, in the vector backlog
            index->remove(c.id);
            m_backlog->wake();
        } else if (!index->add(c.id, c.vector, &indexError))
            logger->error("record {} is stored, but its vector did not go into the index: {}", c.id,
                          indexError.toStdString());
        noteDirectIndexChange(c.id, outcome->seq);
        out.id = c.id;
    }
    auto stored = writerLock->record(r.collection, r.externalId);
    if (!stored) {
        out.error = writerLock->lastError();
        return out;
    }
    out.ok = true;
    out.id = stored->id;
    out.created = !existing;
    out.changed = true;
    out.stored = *stored;
    logger->info("record {} ({} '{}') {} in the editor", out.id, collectionName(r.collection).toStdString(),
                 r.externalId.toStdString(), existing ? "updated" : "created");
    return out;
}

bool Engine::deleteRecord(qint64 id, QString *error)
{
    // Loaded (or waited for) before the writer is taken: a load under it would hold every
    // writer for the seconds it takes.
    currentIndex();
    auto writerLock = m_stores->writer();
    if (!writerLock->deleteRecord(id)) {
        if (error)
            *error = writerLock->lastError();
        return false;
    }
    const qint64 seq = writerLock->watermark();
    std::lock_guard gate(m_directChangesMutex);
    currentIndex()->remove(id);
    noteDirectIndexChange(id, seq);
    log::get("kms.core.engine")->info("record {} deleted in the editor", id);
    return true;
}

// ---- export -----------------------------------------------------------------------------------------

ExportResult Engine::exportRecords(const BrowseQuery &query, const QString &path, ExportProgress *progress)
{
    ExportResult out;
    out.path = path;
    const auto format = corpusFormatForPath(path);
    if (!format) {
        out.error = QStringLiteral("cannot tell the format of %1: use a .csv, .jsonl or .json file name").arg(path);
        return out;
    }
    BrowseQuery effective;
    const QString match = browseMatch(query, &effective);
    // A pooled connection of its own for the whole export (one snapshot).
    auto store = m_stores->reader();
    if (!store->beginSnapshot()) {
        out.error = store->lastError();
        return out;
    }
    const qint64 total = store->browseCount(effective, match);
    if (total < 0) {
        out.error = store->lastError();
        store->endSnapshot();
        return out;
    }
    if (progress)
        progress->total = total;

    // Written next to the target and renamed when complete: a cancelled or failed export leaves
    // neither a partial file nor a damaged old one.
    const QString partial = path + QStringLiteral(".part");
    CorpusWriter writer;
    if (*format == CorpusFormat::Csv)
        writer.setExtraColumns(store->browseExtraKeys(effective, match));
    if (!writer.open(partial, *format, &out.error)) {
        store->endSnapshot();
        return out;
    }
    QString writeError;
    const bool walked = store->forEachBrowsed(effective, match, total, [&](const StoredRecord &s) {
        if (progress && progress->cancel.load(std::memory_order_relaxed)) {
            out.cancelled = true;
            return false;
        }
        if (!writer.write(s.record, &writeError))
            return false;
        ++out.records;
        if (progress)
            progress->done.store(out.records, std::memory_order_relaxed);
        return true;
    });
    store->endSnapshot();
    if (!walked || !writeError.isEmpty() || out.cancelled) {
        out.error = out.cancelled ? QStringLiteral("export cancelled; nothing was written")
                                  : (writeError.isEmpty() ? store->lastError() : writeError);
        return out; // the writer removes the partial file
    }
    if (!writer.finish(&out.error)) {
        QFile::remove(partial);
        return out;
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        out.error = QStringLiteral("cannot move the finished export %1 to %2").arg(partial, path);
        QFile::remove(partial);
        return out;
    }
    out.ok = true;
    log::get("kms.core.engine")->info("exported {} records to {}", out.records, path.toStdString());
    return out;
}

} // namespace kms
