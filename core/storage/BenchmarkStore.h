// SPDX-License-Identifier: MIT
#pragma once
// What `kmsctl benchmark` needs from SQLite beyond the Store's own calls: the query texts it
// times, and a file holding only the full-text table to time FTS5 insertion alone.

#include "storage/Store.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <span>

namespace kms {

class BenchmarkStore
{
public:
    // Up to n case titles spread over the whole store (every 331st id): what an engineer pastes
    // into the search box.
    static QStringList sampleCaseTitles(Store &store, int n);

    // A new database at path with only a table made by the same CREATE statement as the store's
    // full-text table (same tokenizer and columns). Null and *error on failure.
    static std::unique_ptr<BenchmarkStore> createFullTextOnly(Store &like, const QString &path, QString *error);
    ~BenchmarkStore();
    BenchmarkStore(const BenchmarkStore &) = delete;
    BenchmarkStore &operator=(const BenchmarkStore &) = delete;

    // The matching-form text of the records, in one transaction; the rows written.
    qint64 insertFullText(std::span<const RecordWrite> records);

private:
    BenchmarkStore() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kms
