// SPDX-License-Identifier: MIT
#include "api/ApiTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kms {

QString apiScopeName(ApiScope scope)
{
    switch (scope) {
    case ApiScope::Open: return QStringLiteral("open");
    case ApiScope::Read: return QStringLiteral("read");
    case ApiScope::Write: return QStringLiteral("write");
    }
    return QStringLiteral("open");
}

ApiResponse ApiResponse::json(const QJsonValue &value, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::error(int status, const QString &message, const QString &field)
{
    QJsonObject e{{QStringLiteral("status"), status}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        e.insert(QStringLiteral("field"), field);
    return json(QJsonObject{{QStringLiteral("error"), e}}, status);
}

} // namespace kms
