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

} // namespace kms
