// SPDX-License-Identifier: MIT
// GET /openapi.json: docs/openapi.json as compiled in (resources/CMakeLists.txt).
#include "api/ApiRoutes.h"

#include <QFile>

// Q_INIT_RESOURCE may not stand inside a namespace.
static void initApiResources()
{
    Q_INIT_RESOURCE(kms_api_resources);
}

namespace kms {

QByteArray openApiDocument()
{
    static const QByteArray document = [] {
        initApiResources();
        QFile file(QStringLiteral(":/kms/api/openapi.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    return document;
}

void addOpenApiRoute(ApiServer &server)
{
    server.addRoute({"GET", QStringLiteral("/api/v1/openapi.json"), QStringLiteral("/api/v1/openapi.json"), ApiScope::Read},
                    [](const ApiRequest &) {
                        const QByteArray doc = openApiDocument();
                        if (doc.isEmpty())
                            return ApiResponse::error(500, QStringLiteral("the OpenAPI document is not compiled in"));
                        ApiResponse r;
                        r.body = doc;
                        return r;
                    });
}

} // namespace kms
