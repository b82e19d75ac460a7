// SPDX-License-Identifier: MIT
#pragma once
// The record filters every search mode and the store's filtered queries share.

#include "model/Record.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace kms {

// Restrictions every mode honours. Empty lists / invalid dates mean "no restriction"; values in one
// list are alternatives (OR), different lists must all hold (AND). Matching is case-insensitive.
struct SearchFilters {
    std::optional<Collection> collection;
    QStringList statuses;
    QStringList priorities;
    QStringList products;
    QStringList categories;
    QStringList tags;          // a record matches when it has any of them
    QDateTime createdFrom, createdTo;
    QDateTime updatedFrom, updatedTo;

    bool isEmpty() const;
    // "status=open", "priority=high", "product=Orbit CRM", "category=...", "tag=vpn",
    // "collection=cases", "updated>=2024-01-01", "updated<2024-02-01", "created>=...".
    // false + *error ("unknown filter 'colour' (use status, priority, ...)") on a bad spec.
    bool add(const QString &spec, QString *error);
};

// The filters as JSON text, as the search log stores them: {"collection":"cases","status":["open"],
// "updated_from":"2024-01-01T00:00:00Z", ...}; "{}" when there are none.
QString filtersToJson(const SearchFilters &filters);
// The inverse, for re-running a logged search. Unknown keys and malformed values are skipped: a log
// written by another version never stops a query from being re-run.
SearchFilters filtersFromJson(const QString &json);

} // namespace kms
