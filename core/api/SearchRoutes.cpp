// SPDX-License-Identifier: MIT
// POST /search/similarity (vector), /search/hybrid, /search/keyword: one body shape for all three.
#include "api/ApiJson.h"
#include "api/ApiRoutes.h"

#include "engine/Engine.h"

namespace kms {

namespace {

ApiResponse runSearch(Engine &engine, SearchMode mode, const ApiRequest &request)
{
    QStringList allowed{QStringLiteral("query"), QStringLiteral("k"), QStringLiteral("offset"),
                        QStringLiteral("filters"), QStringLiteral("explain"), QStringLiteral("ef")};
    if (mode == SearchMode::Hybrid)
        allowed << QStringLiteral("fusion") << QStringLiteral("keyword_weight") << QStringLiteral("rrf_k");
    JsonFields body = JsonFields::fromBody(request, allowed);
    SearchQuery q;
    q.mode = mode;
    q.text = body.requiredText(QStringLiteral("query"));
    q.k = body.integer(QStringLiteral("k"), 10, 1, 100);
    q.offset = body.integer(QStringLiteral("offset"), 0, 0, 10'000);
    q.ef = body.integer(QStringLiteral("ef"), 0, 0, 4096);
    q.filters = readFilters(body, QStringLiteral("filters"));
    const bool explain = body.boolean(QStringLiteral("explain"), false);
    if (mode == SearchMode::Hybrid) {
        const QString fusion = body.text(QStringLiteral("fusion"), fusionMethodName(q.fusion));
        if (const auto f = fusionMethodFromName(fusion))
            q.fusion = *f;
        else
            body.fail(QStringLiteral("fusion"), QStringLiteral("fusion: '%1' is not a fusion method (rrf or weighted)").arg(fusion));
        q.keywordWeight = body.number(QStringLiteral("keyword_weight"), q.keywordWeight, 0, 1);
        q.rrfK = body.integer(QStringLiteral("rrf_k"), q.rrfK, 1, 1000);
    }
    if (!body.ok())
        return body.error();
    const SearchResult result = engine.search(q, request.cancel);
    if (result.cancelled)
        return ApiResponse::error(504, QStringLiteral("the search did not finish before its deadline"));
    if (!result.error.isEmpty())
        return ApiResponse::error(400, result.error, QStringLiteral("query"));
    return ApiResponse::json(searchResultJson(result, q, explain));
}

} // namespace

void addSearchRoutes(ApiServer &server, Engine &engine)
{
    const QList<QPair<QString, SearchMode>> modes{{QStringLiteral("similarity"), SearchMode::Vector},
                                                  {QStringLiteral("hybrid"), SearchMode::Hybrid},
                                                  {QStringLiteral("keyword"), SearchMode::Keyword}};
    for (const auto &[name, mode] : modes) {
        const QString path = QStringLiteral("/api/v1/search/") + name;
        server.addRoute({"POST", path, path, ApiScope::Read},
                        [&engine, mode](const ApiRequest &r) { return runSearch(engine, mode, r); });
    }
}

} // namespace kms
