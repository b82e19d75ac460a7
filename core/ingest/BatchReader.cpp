// SPDX-License-Identifier: MIT
#include "ingest/BatchReader.h"

#include "ingest/SourcePreview.h"
#include "log/Log.h"
#include "metrics/Metrics.h"

#include <QElapsedTimer>

#include <spdlog/spdlog.h>

namespace kms {

struct BatchReader::Source {
    std::unique_ptr<RecordReader> reader;
    FieldMapping mapping;
    Collection collection = Collection::Cases;
};

BatchReader::BatchReader(Settings settings) : m_settings(std::move(settings)) {}

BatchReader::~BatchReader() = default;

bool BatchReader::open(QString *error)
{
    auto logger = log::get("kms.core.ingest");
    m_sources.clear();
    m_totalBytes = 0;
    for (const QString &file : m_settings.files) {
        Source src;
        src.reader = RecordReader::create(file);
        if (!src.reader) {
            *error = QStringLiteral("%1: unsupported file type (use .csv, .tsv, .json, .jsonl, .ndjson, optionally .gz)").arg(file);
            return false;
        }
        if (!src.reader->open(error))
            return false; // the reader's error already says what and where
        const QStringList columns = src.reader->columns();
        src.collection = m_settings.collection.value_or(FieldMapping::guessCollection(columns));
        // An explicit collection means every record goes there, whatever a type column says.
        if (!mappingFor(columns, src.collection, m_settings.collection.has_value(), m_settings.mappings,
                        &src.mapping, error))
            return false;
        logger->info("{}: {} as {}, mapping {}", file.toStdString(), columns.size(),
                     collectionName(src.collection).toStdString(), src.mapping.describe().toStdString());
        m_totalBytes += src.reader->totalBytes();
        m_sources.push_back(std::move(src));
    }
    return true;
}

bool BatchReader::read(int batchSize, const Callbacks &callbacks)
{
    auto logger = log::get("kms.core.ingest");
    Metrics *metrics = m_settings.metrics;
    qint64 sequence = 0;
    qint64 readCount = 0;
    qint64 bytesBefore = 0; // bytes of the files already finished
    for (Source &src : m_sources) {
        if (callbacks.fileStarted)
            callbacks.fileStarted(src.reader->path());
        RawBatch batch;
        auto startBatch = [&] {
            batch = RawBatch{};
            batch.sequence = sequence;
            batch.source = src.reader->path();
            batch.mapping = src.mapping;
            batch.defaultCollection = src.collection;
            batch.records.reserve(size_t(batchSize));
        };
        startBatch();
        QElapsedTimer readTimer;
        readTimer.start();
        RawRecord raw;
        for (;;) {
            const bool more = src.reader->next(raw);
            if (more) {
                batch.records.push_back(std::move(raw));
                raw = RawRecord{};
                ++readCount;
            }
            const bool full = int(batch.records.size()) >= batchSize;
            if (!more && !src.reader->fatalError().isEmpty()) {
                // The source stops here (truncated or unreadable): what came before is kept, the
                // stop itself is a reject that says where.
                RejectInfo r;
                r.jobId = m_settings.jobId;
                r.source = src.reader->path();
                r.recordNumber = readCount + 1;
                r.reason = src.reader->fatalError();
                batch.extraRejects.push_back(r);
                logger->warn("{}", r.reason.toStdString());
            }
            if (full || (!more && (!batch.records.empty() || !batch.extraRejects.empty()))) {
                batch.readSoFar = readCount;
                if (metrics) {
                    metrics->addRead(qint64(batch.records.size()));
                    metrics->recordStage(Stage::Read, readTimer.nsecsElapsed() / 1000, qint64(batch.records.size()));
                }
                if (callbacks.batchRead)
                    callbacks.batchRead(readCount, bytesBefore + src.reader->bytesRead());
                if (!callbacks.deliver(std::move(batch)))
                    return false;
                ++sequence;
                startBatch();
                readTimer.restart();
            }
            if (!more)
                break;
        }
        bytesBefore += src.reader->totalBytes();
    }
    return true;
}

} // namespace kms
