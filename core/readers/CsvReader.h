// SPDX-License-Identifier: MIT
#pragma once

#include "readers/InputStream.h"
#include "readers/RecordFramer.h"
#include "readers/RecordReader.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

struct csv_parser;

namespace kms {

// CSV/TSV with a header line. A small framer finds where each record ends (quotes, embedded
// newlines, CRLF) so line numbers stay exact and a broken row never swallows the next one; libcsv
// (strict mode) then splits that one record into fields. Per-row problems (ragged rows, stray
// quotes, NUL bytes, invalid UTF-8, oversized records) land in RawRecord::error and reading goes on.
// Header names are trimmed; empty names become "column_<n>" and repeated names get "_2", "_3", ...
// so every column stays addressable (the first of a repeated name keeps it unchanged).
class CsvReader : public RecordReader
{
public:
    CsvReader(const QString &path, const ReaderOptions &options);
    ~CsvReader() override;

    bool open(QString *error) override;
    QStringList columns() const override { return m_header; }
    bool next(RawRecord &out) override;

    char delimiter() const { return m_delim; }

private:
    struct Frame {
        RecordFramer::Frame bytes; // the record without its line break
        qint64 line = 0;
        bool unterminated = false;
    };
    enum class FrameResult { Record, End, Error };

    FrameResult frame(Frame &f);
    char detectDelimiter() const;
    // Splits one record with libcsv. false: malformed quotes; *badField is the field it hit.
    bool split(const char *data, qint64 len, int *badField);
    QString columnName(int index) const;
    static void onField(void *data, size_t len, void *self);

    ReaderOptions m_options;
    InputStream m_in;
    RecordFramer m_framer;
    std::unique_ptr<csv_parser> m_parser;
    char m_delim = ',';
    QStringList m_header;
    qint64 m_pos = 0;    // scan position in the window
    qint64 m_line = 1;   // line number at m_pos
    qint64 m_number = 0;
    bool m_done = false;
    bool m_splitFailed = false;
    std::string m_fieldBytes;                          // the current record's field values
    std::vector<std::pair<size_t, size_t>> m_fieldSpans;
};

} // namespace kms
