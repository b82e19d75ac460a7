// SPDX-License-Identifier: MIT
#include "ingest/SourcePreview.h"

#include "ingest/IngestOptions.h"

#include <QFileInfo>

namespace kms {

SourcePreview previewSource(const QString &path, int maxRows)
{
    SourcePreview p;
    p.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        p.error = QStringLiteral("%1: no such file").arg(path);
        return p;
    }
    if (info.isDir()) {
        p.error = QStringLiteral("%1: is a folder, not a file").arg(path);
        return p;
    }
    auto reader = RecordReader::create(path);
    if (!reader) {
        p.error = QStringLiteral("%1: unsupported file type (use .csv, .tsv, .json, .jsonl, .ndjson, "
                                 "optionally .gz)").arg(info.fileName());
        return p;
    }
    QString error;
    if (!reader->open(&error)) {
        p.error = error;
        return p;
    }
    p.totalBytes = reader->totalBytes();
    p.columns = reader->columns();
    RawRecord raw;
    while (p.rows.size() < maxRows && reader->next(raw)) {
        p.rows.append(std::move(raw));
        raw = RawRecord{};
    }
    p.stopError = reader->fatalError();
    if (p.rows.isEmpty() && p.stopError.isEmpty() && p.columns.isEmpty())
        p.error = QStringLiteral("%1: holds no records").arg(info.fileName());
    p.guessedCollection = FieldMapping::guessCollection(p.columns);
    p.detected = FieldMapping::detect(p.columns, p.guessedCollection).columns();
    p.estimatedRecords = p.rows.size() < maxRows ? qint64(p.rows.size()) : estimateRecordCount({path});
    return p;
}

bool mappingFor(const QStringList &columns, Collection collection, bool collectionExplicit,
                const QStringList &overrides, FieldMapping *out, QString *error)
{
    FieldMapping m = FieldMapping::detect(columns, collection);
    for (const QString &spec : overrides)
        if (!m.set(spec, error))
            return false;
    if (collectionExplicit)
        m.set(Field::Kind, QString());
    *out = m;
    return true;
}

} // namespace kms
