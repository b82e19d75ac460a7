// SPDX-License-Identifier: MIT
#pragma once

#include "model/ApiToken.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace kms {

class DataDirectory;
class Store;

// The token verbs over one writable Store: used by the Engine on its writer, and by
// ApiTokenAdmin on a data directory another process holds.
namespace apitokens {
// A new bearer token: 32 random bytes, hex, behind "kms_"; only its SHA-256 is stored. Names: 1-64
// of A-Z a-z 0-9 . _ -
std::optional<ApiTokenCreated> create(Store &store, const QString &name, ApiTokenScope scope, QString *error);
bool revoke(Store &store, const QString &name, QString *error);
QByteArray hashOf(const QByteArray &token);
} // namespace apitokens

// Creates, lists and revokes REST API tokens on a data directory whether or not another process
// (kmsctl serve, the desktop app) holds it: tokens live in the SQLite store, which WAL lets a
// second process write, and servers look every presented token up in it, so a token made here
// works on the running server at once. Nothing else is touched: the vector index and the jobs stay
// with the holder. A store of another schema version than this program's is refused while held,
// since migrating it under a running process could break that process.
class ApiTokenAdmin
{
public:
    ~ApiTokenAdmin();
    static std::unique_ptr<ApiTokenAdmin> open(const QString &dataDirectory, QString *error);

    // Who holds the data directory ("... is in use by kmsctl (pid 42) on host"), or empty when
    // this object took the lock itself.
    QString heldBy() const { return m_heldBy; }

    std::optional<ApiTokenCreated> create(const QString &name, ApiTokenScope scope, QString *error);
    QList<ApiToken> tokens();
    bool revoke(const QString &name, QString *error);

private:
    ApiTokenAdmin() = default;
    std::unique_ptr<DataDirectory> m_dir; // locked when nobody else holds it
    std::unique_ptr<Store> m_store;
    QString m_heldBy;
};

} // namespace kms
