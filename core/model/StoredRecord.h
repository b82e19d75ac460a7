// SPDX-License-Identifier: MIT
#pragma once

#include "model/Record.h"

namespace kms {

// A record as stored.
struct StoredRecord {
    qint64 id = 0;            // rowid; also the vector index label
    Record record;
    quint64 contentHash = 0;  // all fields: equal hash means nothing to write
    quint64 textHash = 0;     // normalised embedding text: key of the embeddings table
    qint64 seq = 0;           // change sequence of the batch that last wrote it
};

} // namespace kms
