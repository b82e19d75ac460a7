// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace kms {

// What a REST API token lets its holder do: read (search, read records, jobs, health, metrics) or
// also write (create, change, delete records; ingest; cancel jobs).
enum class ApiTokenScope { Read, Write };

QString apiTokenScopeName(ApiTokenScope s);                        // "read" / "write"
std::optional<ApiTokenScope> apiTokenScopeFromName(QStringView name);

// A token as stored: never the token itself, only its name, scope and times.
struct ApiToken {
    qint64 id = 0;
    QString name;
    ApiTokenScope scope = ApiTokenScope::Read;
    QDateTime createdAt;
    QDateTime lastUsedAt;   // invalid: never used (updated at most once a minute)
    QDateTime revokedAt;    // invalid: in force
    bool revoked() const { return revokedAt.isValid(); }
};

// A token just created: the only time the token itself exists outside its holder's hands.
struct ApiTokenCreated {
    ApiToken token;
    QString secret;
};

} // namespace kms
