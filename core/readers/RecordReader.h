// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

namespace kms {

// One record as the source spelled it, before mapping and validation.
struct RawRecord {
    qint64 number = 0;                        // 1-based position in the source
    qint64 line = 0;                          // 1-based line where it starts (0: not line-based)
    QList<QPair<QString, QJsonValue>> fields; // in source order; CSV values are strings
    // Set when the reader could not parse this record (the reader goes on with the next one):
    QString error;                            // e.g. "unterminated quoted field", "invalid UTF-8"
    QString errorField;                       // column/key concerned, when known
    QByteArray raw;                           // the record's source bytes, at most 64 KiB
};

struct ReaderOptions {
    qint64 maxRecordBytes = 16 * 1024 * 1024; // a record larger than this is rejected, not loaded
    int maxDepth = 64;                         // JSON nesting deeper than this is rejected
    char csvDelimiter = 0;                     // 0: detect (',' ';' '\t' '|') from the header line
};

// Streams records from one file in constant memory (a multi-GB export never sits in memory).
// Formats by extension: .csv / .tsv, .json (an array of objects, or one object), .jsonl / .ndjson;
// each optionally gzip-compressed (.gz). Not thread-safe; one reader per thread.
class RecordReader
{
public:
    virtual ~RecordReader() = default;

    // Opens the file (and, for CSV, reads the header). false + *error on failure, e.g.
    // "cannot open /x/cases.csv: No such file or directory".
    virtual bool open(QString *error) = 0;
    // Column names: the CSV header, or the keys seen in the first records of a JSON source.
    virtual QStringList columns() const = 0;
    // Next record, or false at the end of the source or on an error that stops reading (then
    // fatalError() is non-empty, e.g. "cases.json: line 7: the top level is not an array").
    virtual bool next(RawRecord &out) = 0;
    QString fatalError() const { return m_fatalError; }

    qint64 bytesRead() const { return m_bytesRead; }     // compressed bytes for .gz
    qint64 totalBytes() const { return m_totalBytes; }   // file size on disk
    QString path() const { return m_path; }

    static std::unique_ptr<RecordReader> create(const QString &path, const ReaderOptions &options = {});
    static bool isSupported(const QString &path);

protected:
    QString m_path;
    QString m_fatalError;
    qint64 m_bytesRead = 0;
    qint64 m_totalBytes = 0;
};

} // namespace kms
