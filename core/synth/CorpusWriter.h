// SPDX-License-Identifier: MIT
#pragma once

#include "model/Record.h"
#include "synth/Generator.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace kms {

enum class CorpusFormat { JsonLines, JsonArray, Csv };

// By extension (case-insensitive): .jsonl / .ndjson, .json, .csv; nullopt otherwise.
std::optional<CorpusFormat> corpusFormatForPath(const QString &path);

// Streams records of both collections into one file, each with "record_type": "case" or "article".
// Fields: id, record_type, title, body (case description / article body), resolution, status, priority,
// product, category, tags, created_at, updated_at (ISO 8601 UTC), then the extra fields.
//  - JSONL: one object per line; empty optional fields are left out.
//  - JSON:  the same objects as one array, written as they come (never built in memory).
//  - CSV:   RFC 4180: a header line, CRLF line ends, fields quoted when they hold a comma, quote,
//           CR or LF, quotes doubled; every column on every row (empty when not set); tags as
//           "a;b;c". The extra columns are fixed up front (setExtraColumns), so a record with an
//           extra field outside them is refused rather than silently losing it.
// Output is buffered (1 MiB) and every write is checked: "cannot write /x/y.jsonl: No space left
// on device". After a failure the writer is closed and a partial regular file is removed.
class CorpusWriter
{
public:
    CorpusWriter();
    ~CorpusWriter(); // closes without finishing: a partial file is removed
    CorpusWriter(const CorpusWriter &) = delete;
    CorpusWriter &operator=(const CorpusWriter &) = delete;

    // CSV extra columns, in order; default Generator::extraFieldNames(). Set before open().
    void setExtraColumns(const QStringList &columns) { m_extraColumns = columns; }

    bool open(const QString &path, QString *error); // format from the extension
    bool open(const QString &path, CorpusFormat format, QString *error);
    bool write(const Record &record, QString *error);
    bool finish(QString *error); // closes the JSON array, flushes and closes the file

    qint64 recordsWritten() const { return m_records; }
    qint64 bytesWritten() const { return m_bytes; }

private:
    bool flush(QString *error);
    bool fail(const QString &message, QString *error);
    void appendJson(const Record &record);
    bool appendCsv(const Record &record, QString *error);
    void discard();

    QFile m_file;
    QString m_path;
    CorpusFormat m_format = CorpusFormat::JsonLines;
    QStringList m_extraColumns;
    QByteArray m_buffer;
    qint64 m_records = 0;
    qint64 m_bytes = 0;
    bool m_open = false;
};

struct CorpusStats {
    qint64 articles = 0;
    qint64 cases = 0;
    qint64 bytes = 0;
};

// Generates the corpus of `options` into `path` (format from the extension). Generation runs on a
// second thread, a few batches ahead of the writing (bounded memory, same bytes as a single thread).
// `progress` (optional) is called on the calling thread every 10,000 records with (done, total);
// returning false cancels (the partial file is removed and *error says "cancelled").
bool writeSyntheticCorpus(const SynthOptions &options, const QString &path, QString *error,
                          CorpusStats *stats = nullptr,
                          const std::function<bool(qint64, qint64)> &progress = {});

} // namespace kms
