// SPDX-License-Identifier: MIT
#pragma once

#include "readers/InputStream.h"
#include "readers/JsonRecordParser.h"
#include "readers/PeekingReader.h"
#include "readers/RecordFramer.h"

namespace kms {

// JSON Lines / NDJSON: one object per line. Blank lines are skipped; a bad line becomes a record
// with an error and reading goes on; a line over maxRecordBytes is skipped without being held.
class JsonlReader : public PeekingReader
{
public:
    JsonlReader(const QString &path, const ReaderOptions &options);

protected:
    bool openSource(QString *error) override;
    bool readRecord(RawRecord &out) override;

private:
    ReaderOptions m_options;
    InputStream m_in;
    RecordFramer m_framer;
    JsonRecordParser m_parser;
    qint64 m_pos = 0;
    qint64 m_line = 0;   // lines consumed so far
    qint64 m_number = 0;
    bool m_done = false;
};

} // namespace kms
