// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace kms {

// The two kinds of record a support team keeps. Stored as an integer; names are for users.
enum class Collection : int { Cases = 0, Knowledge = 1 };

QString collectionName(Collection c);                       // "cases" / "knowledge"
std::optional<Collection> collectionFromName(QStringView name); // accepts cases/case/knowledge/articles/...

// A title for a record that came without one: the first non-empty line of its description, cut
// at a word boundary to at most 120 characters with "…" when longer. Empty for an empty body.
QString titleFromBody(const QString &body);

// One case or knowledge article as read from a source or the store. Cases use description (body),
// resolution, status, priority, product; articles use body and category. Fields a source has but we
// do not model are kept in `extra`, never dropped.
struct Record {
    Collection collection = Collection::Cases;
    QString externalId;
    QString title;
    QString body;        // case description or article body
    QString resolution;  // cases
    QString status;      // cases
    QString priority;    // cases
    QString product;     // cases
    QString category;    // articles
    QStringList tags;
    QDateTime createdAt; // invalid when unknown
    QDateTime updatedAt; // invalid when unknown
    QJsonObject extra;

    bool operator==(const Record &) const = default;
};

} // namespace kms
