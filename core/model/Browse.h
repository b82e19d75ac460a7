// SPDX-License-Identifier: MIT
#pragma once

#include "model/Record.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace kms {

// The orders the data browser offers. Each one is walked from an index (schema 0001 / 0005), ties
// broken by record id, so paging a million rows never sorts them.
enum class BrowseSort { ExternalId, Title, Status, Priority, Product, Category, Updated };
QString browseSortName(BrowseSort s);                           // "id", "title", "status", ...
std::optional<BrowseSort> browseSortFromName(QStringView name);

// What the browser shows: one collection, filtered and sorted. Empty filter values mean "any".
// Status matches the stored value exactly; priority, product, category and the tag (any of the
// record's tags) ignoring case. The browser offers the stored values (BrowseFacets).
struct BrowseQuery {
    Collection collection = Collection::Cases;
    QString text;              // words that must all occur (search syntax: "phrase", pre*, -not)
    QString status;
    QString priority;
    QString product;
    QString category;
    QString tag;
    BrowseSort sort = BrowseSort::Updated;
    bool descending = true;

    bool operator==(const BrowseQuery &) const = default;
};

// One row of a browser table: the columns, not the long texts.
struct BrowseRow {
    qint64 id = 0;
    QString externalId;
    QString title;
    QString status;
    QString priority;
    QString product;
    QString category;
    QStringList tags;
    QDateTime updatedAt;
    bool exists = true;         // false: the record of a snapshot id was deleted since
};

struct BrowsePage {
    qint64 offset = 0;          // row number of rows.first() in the whole sorted result
    QList<BrowseRow> rows;
    double elapsedMs = 0;
    QString error;
};

// The ids of every matching record in browse order: a snapshot to page through by position
// (cheap at any depth, and steady while a job adds records).
struct BrowseIds {
    QList<qint64> ids;
    double elapsedMs = 0;
    QString error;
};

// The stored values of the filterable columns of one collection (for filter choices and the
// editor's allowed values): statuses, products and categories alphabetically, priorities by
// urgency. Products and categories once per spelling ignoring case.
struct BrowseFacets {
    QStringList statuses;
    QStringList priorities;
    QStringList products;
    QStringList categories;
};

} // namespace kms
