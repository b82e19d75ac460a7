// SPDX-License-Identifier: MIT
#include "readers/RecordReader.h"

#include "readers/CsvReader.h"
#include "readers/JsonReader.h"
#include "readers/JsonlReader.h"

namespace kms {

namespace {

enum class Format { Unknown, Csv, Json, Jsonl };

Format formatOf(const QString &path)
{
    QStringView name(path);
    if (name.endsWith(u".gz", Qt::CaseInsensitive))
        name.chop(3);
    if (name.endsWith(u".csv", Qt::CaseInsensitive) || name.endsWith(u".tsv", Qt::CaseInsensitive))
        return Format::Csv;
    if (name.endsWith(u".jsonl", Qt::CaseInsensitive) || name.endsWith(u".ndjson", Qt::CaseInsensitive))
        return Format::Jsonl;
    if (name.endsWith(u".json", Qt::CaseInsensitive))
        return Format::Json;
    return Format::Unknown;
}

} // namespace

std::unique_ptr<RecordReader> RecordReader::create(const QString &path, const ReaderOptions &options)
{
    switch (formatOf(path)) {
    case Format::Csv: return std::make_unique<CsvReader>(path, options);
    case Format::Json: return std::make_unique<JsonReader>(path, options);
    case Format::Jsonl: return std::make_unique<JsonlReader>(path, options);
    case Format::Unknown: break;
    }
    return nullptr;
}

bool RecordReader::isSupported(const QString &path)
{
    return formatOf(path) != Format::Unknown;
}

} // namespace kms
