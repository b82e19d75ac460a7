// SPDX-License-Identifier: MIT
#pragma once

#include "readers/RecordReader.h"

#include <memory>

namespace kms {

// Turns one JSON text (a JSONL line or one element of a JSON array) into a RawRecord, using one
// simdjson parser reused across records. Nesting is bounded before every recursion, so hostile
// input (10^6 open brackets) costs an error message, never the stack.
class JsonRecordParser
{
public:
    explicit JsonRecordParser(int maxDepth);
    ~JsonRecordParser();
    JsonRecordParser(const JsonRecordParser &) = delete;
    JsonRecordParser &operator=(const JsonRecordParser &) = delete;

    // `data` must be followed by InputStream::Padding readable bytes. Fills out.fields, or sets
    // out.error ("invalid JSON: ...", "expected a JSON object, got array", "nesting deeper than
    // 64 levels", "invalid UTF-8").
    void parse(const char *data, qint64 len, RawRecord &out);

    int maxDepth() const { return m_maxDepth; }
    QString depthError() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    int m_maxDepth;
};

} // namespace kms
