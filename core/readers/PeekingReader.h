// SPDX-License-Identifier: MIT
#pragma once

#include "readers/RecordReader.h"

#include <deque>

namespace kms {

// Base of the JSON readers: open() reads ahead to the first well-formed record so columns() can
// name its keys, and next() hands the records read ahead out first, so none is lost.
class PeekingReader : public RecordReader
{
public:
    bool open(QString *error) final;
    QStringList columns() const final { return m_columns; }
    bool next(RawRecord &out) final;

protected:
    virtual bool openSource(QString *error) = 0;
    virtual bool readRecord(RawRecord &out) = 0; // the contract of next()

private:
    static constexpr int MaxPeek = 8;
    std::deque<RawRecord> m_peeked;
    QStringList m_columns;
};

} // namespace kms
