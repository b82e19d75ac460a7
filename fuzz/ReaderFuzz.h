// SPDX-License-Identifier: MIT
#pragma once

#include "FuzzScratch.h"

#include "ingest/RecordValidation.h"
#include "ingest/SourcePreview.h"
#include "readers/FieldMapping.h"
#include "readers/RecordReader.h"

namespace kms::fuzz {

// One input through what an ingestion job does with a file (BatchReader + RecordPreparer): open
// the reader by extension, guess the collection from the columns, build the mapping, read every
// record, map and validate it, apply the input rules; then what the editor adds on top
// (normaliseRecord + validateRecord), which every way in must survive too.
inline void fuzzReader(const char *fileName, const uint8_t *data, size_t size)
{
    const QString path = writeScratch(QString::fromLatin1(fileName), reinterpret_cast<const char *>(data),
                                      qsizetype(size));
    auto reader = RecordReader::create(path);
    if (!reader) {
        std::fprintf(stderr, "no reader for %s\n", fileName);
        std::abort();
    }
    QString error;
    if (!reader->open(&error))
        return;
    const QStringList columns = reader->columns();
    const Collection collection = FieldMapping::guessCollection(columns);
    FieldMapping mapping;
    if (!mappingFor(columns, collection, false, {}, &mapping, &error))
        return;
    (void)mapping.describe();
    const AllowedValues allowed[2] = {AllowedValues::standard(Collection::Cases),
                                      AllowedValues::standard(Collection::Knowledge)};
    RawRecord raw;
    // A bound on records per input keeps each run short; inputs are a few KB, so it rarely bites.
    for (int n = 0; n < 100000 && reader->next(raw); ++n) {
        if (raw.error.isEmpty()) {
            Record record;
            if (!mapping.apply(raw, collection, &record)) {
                applyInputRules(&record, allowed[int(record.collection)]);
                const Record normalised = normaliseRecord(record, allowed[int(record.collection)]);
                for (const FieldProblem &p : validateRecord(normalised))
                    (void)p.message();
            }
        }
        raw = RawRecord{};
    }
    (void)reader->fatalError();
}

} // namespace kms::fuzz
