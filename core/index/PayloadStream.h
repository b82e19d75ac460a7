// SPDX-License-Identifier: MIT
// Byte streams between the index file (IndexFile) and the graph's own layout (HnswPayload.h).
#pragma once

#include <QtGlobal>

namespace kms {

class PayloadSink
{
public:
    virtual ~PayloadSink() = default;
    virtual bool write(const void *data, qint64 size) = 0;
};

class PayloadSource
{
public:
    virtual ~PayloadSource() = default;
    virtual bool read(void *data, qint64 size) = 0;
    virtual quint64 remaining() const = 0; // bytes of payload not yet read
};

// The next `size` bytes of another source, as a source of their own: a reader of one part of a
// payload sees where that part ends.
class PayloadSlice final : public PayloadSource
{
public:
    PayloadSlice(PayloadSource &inner, quint64 size) : m_inner(inner), m_remaining(size) {}
    bool read(void *data, qint64 size) override
    {
        if (size < 0 || quint64(size) > m_remaining || !m_inner.read(data, size))
            return false;
        m_remaining -= quint64(size);
        return true;
    }
    quint64 remaining() const override { return m_remaining; }

private:
    PayloadSource &m_inner;
    quint64 m_remaining;
};

} // namespace kms
