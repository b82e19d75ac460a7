// SPDX-License-Identifier: MIT
#pragma once

#include "readers/InputStream.h"
#include "readers/JsonRecordParser.h"
#include "readers/PeekingReader.h"
#include "readers/RecordFramer.h"

namespace kms {

// A .json file: a top-level array of objects, or one object (one record). The array is never held
// whole: a small scanner follows strings, escapes and bracket depth to cut out one element at a
// time, which simdjson then parses. A file that ends inside the array returns every complete
// element, then stops with "cases.json: line 812: the file ends inside the array (truncated?)".
class JsonReader : public PeekingReader
{
public:
    JsonReader(const QString &path, const ReaderOptions &options);

protected:
    bool openSource(QString *error) override;
    bool readRecord(RawRecord &out) override;

private:
    enum class State { Start, ArrayElement, AfterElement, SingleObject, Trailing, Done };
    enum class Scan { Element, End, Error };

    // Skips whitespace; false at the end of input (or on a read error, then m_fatalError is set).
    bool skipSpace();
    Scan scanElement(RecordFramer::Frame *f, int *depth);
    bool fail(const QString &message);
    void emitElement(RawRecord &out, const RecordFramer::Frame &f, int depth, qint64 line);

    ReaderOptions m_options;
    InputStream m_in;
    RecordFramer m_framer;
    JsonRecordParser m_parser;
    QString m_name;
    State m_state = State::Start;
    qint64 m_pos = 0;
    qint64 m_line = 1;
    qint64 m_number = 0;
};

} // namespace kms
