// SPDX-License-Identifier: MIT
#include "engine/ApiTokenBook.h"

#include "storage/DataDirectory.h"
#include "storage/Store.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace kms {

namespace apitokens {

QByteArray hashOf(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

std::optional<ApiTokenCreated> create(Store &store, const QString &name, ApiTokenScope scope, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!valid.match(name).hasMatch()) {
        if (error)
            *error = QStringLiteral("'%1' is not a token name: use 1 to 64 letters, digits, '.', '_' or '-'").arg(name);
        return std::nullopt;
    }
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(random.data()),
                                         reinterpret_cast<quint32 *>(random.data() + random.size()));
    const QByteArray secret = "kms_" + random.toHex();
    const qint64 id = store.addApiToken(name, scope, hashOf(secret));
    if (id == 0) {
        if (error)
            *error = store.lastError();
        return std::nullopt;
    }
    ApiTokenCreated created;
    created.token.id = id;
    created.token.name = name;
    created.token.scope = scope;
    created.token.createdAt = QDateTime::currentDateTimeUtc();
    created.secret = QString::fromLatin1(secret);
    return created;
}

bool revoke(Store &store, const QString &name, QString *error)
{
    if (store.revokeApiToken(name))
        return true;
    if (error)
        *error = store.lastError();
    return false;
}

} // namespace apitokens

ApiTokenAdmin::~ApiTokenAdmin() = default;

std::unique_ptr<ApiTokenAdmin> ApiTokenAdmin::open(const QString &dataDirectory, QString *error)
{
    std::unique_ptr<ApiTokenAdmin> admin(new ApiTokenAdmin);
    admin->m_dir = std::make_unique<DataDirectory>(dataDirectory);
    QString lockError;
    const QString database = admin->m_dir->databasePath();
    if (!admin->m_dir->acquire(&lockError)) {
        // Held by another process: its store is there and at its schema, or it is not a holder.
        if (!QFileInfo::exists(database)) {
            *error = lockError;
            return nullptr;
        }
        admin->m_heldBy = lockError;
        // Read-only first: it refuses a store whose schema differs from this program's, where the
        // read-write open below would migrate it under the running holder.
        QString why;
        if (!Store::open(database, Store::Mode::ReadOnly, &why)) {
            *error = QStringLiteral("%1; its store cannot be shared: %2").arg(lockError, why);
            return nullptr;
        }
    }
    admin->m_store = Store::open(database, Store::Mode::ReadWrite, error);
    if (!admin->m_store)
        return nullptr;
    return admin;
}

std::optional<ApiTokenCreated> ApiTokenAdmin::create(const QString &name, ApiTokenScope scope, QString *error)
{
    return apitokens::create(*m_store, name, scope, error);
}

QList<ApiToken> ApiTokenAdmin::tokens()
{
    return m_store->apiTokens();
}

bool ApiTokenAdmin::revoke(const QString &name, QString *error)
{
    return apitokens::revoke(*m_store, name, error);
}

} // namespace kms
