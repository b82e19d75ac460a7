// SPDX-License-Identifier: MIT
#include "api/ApiRoutes.h"

#include "engine/Engine.h"

namespace kms {

void addApiRoutes(ApiServer &server, Engine &engine, const ApiRouteOptions &options)
{
    server.setTokenVerifier([&engine](const QByteArray &token) -> std::optional<ApiCaller> {
        const auto t = engine.verifyApiToken(token);
        if (!t)
            return std::nullopt;
        return ApiCaller{t->name, t->scope == ApiTokenScope::Write ? ApiScope::Write : ApiScope::Read};
    });
    addHealthRoutes(server, engine);
    addSearchRoutes(server, engine);
    addRecordRoutes(server, engine);
    addJobRoutes(server, engine);
    addIngestRoute(server, engine, options);
    addMetricsRoutes(server, engine);
    addOpenApiRoute(server);
}

} // namespace kms
