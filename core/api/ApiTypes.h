// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

namespace kms {

// What a token lets its holder do. Open routes need no token at all (only GET /api/v1/health).
enum class ApiScope { Open, Read, Write };

QString apiScopeName(ApiScope scope);

// Who is calling, once the bearer token has been checked.
struct ApiCaller {
    QString tokenName;              // "" for an open route called without a token
    ApiScope scope = ApiScope::Open;
};

// Checks a presented bearer token; nullopt when it is unknown or revoked. Called from the server's
// worker threads, so implementations are thread-safe.
using TokenVerifier = std::function<std::optional<ApiCaller>(const QByteArray &token)>;

struct ApiRequest {
    QByteArray method;
    QString path;
    QStringList captures;                 // the route pattern's groups, in order
    QHash<QString, QString> query;        // ?a=b&c=d, decoded
    QByteArray body;
    QByteArray contentType;
    ApiCaller caller;
    std::chrono::steady_clock::time_point deadline;
    const std::atomic<bool> *cancel = nullptr; // set when the deadline passes or the server stops
};

struct ApiResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(const QJsonValue &value, int status = 200);
    // The one error shape of the API: {"error": {"status": 400, "message": "...", "field": "..."}}.
    static ApiResponse error(int status, const QString &message, const QString &field = {});
};

using ApiHandler = std::function<ApiResponse(const ApiRequest &request)>;

} // namespace kms
