// SPDX-License-Identifier: MIT
#include "readers/PeekingReader.h"

namespace kms {

bool PeekingReader::open(QString *error)
{
    if (!openSource(error))
        return false;
    for (int i = 0; i < MaxPeek; ++i) {
        RawRecord r;
        if (!readRecord(r))
            break;
        const bool good = r.error.isEmpty();
        if (good)
            for (const auto &field : r.fields)
                m_columns.append(field.first);
        m_peeked.push_back(std::move(r));
        if (good)
            break;
    }
    // A source that fails before its first record (top level not an array, corrupt gzip header)
    // fails to open; later errors surface through next().
    if (m_peeked.empty() && !m_fatalError.isEmpty()) {
        if (error)
            *error = m_fatalError;
        return false;
    }
    return true;
}

bool PeekingReader::next(RawRecord &out)
{
    if (!m_peeked.empty()) {
        out = std::move(m_peeked.front());
        m_peeked.pop_front();
        return true;
    }
    return readRecord(out);
}

} // namespace kms
