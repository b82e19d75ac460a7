// SPDX-License-Identifier: MIT
#pragma once

// The REST API's routes under /api/v1, one group per file, each calling only Engine's verbs.
// docs/openapi.json describes them; a test keeps the two equal.

#include "api/ApiServer.h"

namespace kms {

class Engine;

struct ApiRouteOptions {
    QString uploadDirectory;   // where POST /ingest saves bodies; empty: <data directory>/uploads
    QString ingestFolder;      // the only folder POST /ingest {"path"} may read; empty: none may be
};

void addSearchRoutes(ApiServer &server, Engine &engine);   // SearchRoutes.cpp
void addRecordRoutes(ApiServer &server, Engine &engine);   // RecordRoutes.cpp
void addJobRoutes(ApiServer &server, Engine &engine);      // JobRoutes.cpp
void addIngestRoute(ApiServer &server, Engine &engine, const ApiRouteOptions &options); // IngestRoute.cpp
void addHealthRoutes(ApiServer &server, Engine &engine);   // HealthRoutes.cpp
void addMetricsRoutes(ApiServer &server, Engine &engine);  // MetricsRoutes.cpp
void addOpenApiRoute(ApiServer &server);                   // OpenApiRoute.cpp

// Every route above, and bearer tokens checked against the engine's.
void addApiRoutes(ApiServer &server, Engine &engine, const ApiRouteOptions &options);

// The OpenAPI document served at /api/v1/openapi.json (docs/openapi.json, compiled in).
QByteArray openApiDocument();

} // namespace kms
