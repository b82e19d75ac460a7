// SPDX-License-Identifier: MIT
#pragma once
// The search_log table: what the search analytics write and read. Mode names are stored as text
// ("keyword", "vector", "hybrid"); the search module maps them to its enum.

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace kms {

class Store;

struct SearchLogRow {
    qint64 timestampMs = 0;
    QString text;
    QString mode;
    QString filtersJson;
    int hits = 0;
    double latencyMs = 0;
};

struct QueryCountRow {
    QString text;        // the grouping key: case-folded, whitespace collapsed
    qint64 count = 0;
    double meanLatencyMs = 0;
    QDateTime lastSeen;
};

// Calls on one Store; appending needs the writer, reading works on any connection.
class SearchLogTable
{
public:
    explicit SearchLogTable(Store &store) : m_store(store) {}

    // All rows in one transaction.
    bool append(const std::vector<SearchLogRow> &rows);
    // Typed queries grouped by their key, most frequent first; blank ones are left out.
    bool queryCounts(bool zeroHitsOnly, int limit, qint64 sinceMs, QList<QueryCountRow> *out);
    // Every (mode, latency) since sinceMs.
    bool latencies(qint64 sinceMs, const std::function<void(const QString &mode, double ms)> &fn);
    bool recent(int limit, QList<SearchLogRow> *out); // newest first

    QString error() const { return m_error; }

private:
    Store &m_store;
    QString m_error;
};

} // namespace kms
