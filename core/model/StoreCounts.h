// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace kms {

// How many rows the store holds, by kind.
struct StoreCounts {
    qint64 cases = 0;
    qint64 knowledge = 0;
    qint64 embeddings = 0;
    qint64 jobs = 0;
    qint64 rejects = 0;
    qint64 total() const { return cases + knowledge; }
};

} // namespace kms
