// SPDX-License-Identifier: MIT
// /cases and /knowledge: list (paged, filtered, sorted), read, create, change, delete, more like this.
#include "api/ApiJson.h"
#include "api/ApiRoutes.h"

#include "engine/Engine.h"
#include "ingest/RecordValidation.h"

namespace kms {

namespace {

QString noun(Collection c)
{
    return c == Collection::Cases ? QStringLiteral("case") : QStringLiteral("knowledge article");
}

// The stored record `id` of collection c, or the 404 that says why not.
std::optional<StoredRecord> recordIn(Engine &engine, Collection c, qint64 id, ApiResponse *notFound)
{
    QString error;
    auto stored = id > 0 ? engine.record(id, &error) : std::nullopt;
    if (stored && stored->record.collection == c)
        return stored;
    *notFound = ApiResponse::error(404, QStringLiteral("there is no %1 with id %2").arg(noun(c)).arg(id));
    return std::nullopt;
}

ApiResponse list(Engine &engine, Collection c, const ApiRequest &request)
{
    QueryFields query(request, {QStringLiteral("offset"), QStringLiteral("limit"), QStringLiteral("sort"),
                                QStringLiteral("order"), QStringLiteral("q"), QStringLiteral("status"),
                                QStringLiteral("priority"), QStringLiteral("product"), QStringLiteral("category"),
                                QStringLiteral("tag")});
    BrowseQuery q;
    q.collection = c;
    q.text = query.text(QStringLiteral("q"));
    q.status = query.text(QStringLiteral("status"));
    q.priority = query.text(QStringLiteral("priority"));
    q.product = query.text(QStringLiteral("product"));
    q.category = query.text(QStringLiteral("category"));
    q.tag = query.text(QStringLiteral("tag"));
    const qint64 offset = query.integer(QStringLiteral("offset"), 0, 0, 100'000'000);
    const int limit = query.integer(QStringLiteral("limit"), 50, 1, 500);
    if (!query.ok())
        return query.error();
    const QString sort = query.text(QStringLiteral("sort"), browseSortName(q.sort));
    if (const auto s = browseSortFromName(sort))
        q.sort = *s;
    else
        return ApiResponse::error(400, QStringLiteral("sort: '%1' is not a column to sort by (id, title, status, "
                                                      "priority, product, category, updated)").arg(sort),
                                  QStringLiteral("sort"));
    const QString order = query.text(QStringLiteral("order"), QStringLiteral("desc"));
    if (order != QLatin1String("asc") && order != QLatin1String("desc"))
        return ApiResponse::error(400, QStringLiteral("order: '%1' is neither asc nor desc").arg(order), QStringLiteral("order"));
    q.descending = order == QLatin1String("desc");

    BrowseResult first = engine.browse(q, offset == 0 ? limit : 1);
    BrowsePage page = offset == 0 ? first.page : engine.browsePage(q, offset, limit, first.total);
    if (first.total < 0 || !page.error.isEmpty())
        return ApiResponse::error(400, page.error.isEmpty() ? first.page.error : page.error, QStringLiteral("q"));
    QJsonArray items;
    for (const BrowseRow &row : page.rows)
        items.append(browseRowJson(row));
    return ApiResponse::json(QJsonObject{{QStringLiteral("total"), first.total},
                                         {QStringLiteral("offset"), offset},
                                         {QStringLiteral("limit"), limit},
                                         {QStringLiteral("items"), items}});
}

// The body of POST and PUT over `base` (an empty record, or the stored one: fields not given stay).
std::optional<Record> readRecord(const ApiRequest &request, Collection c, Record base, ApiResponse *error)
{
    QStringList allowed{QStringLiteral("external_id"), QStringLiteral("title"), QStringLiteral("body"),
                        QStringLiteral("status"), QStringLiteral("tags"), QStringLiteral("created_at"),
                        QStringLiteral("updated_at"), QStringLiteral("extra")};
    if (c == Collection::Cases)
        allowed << QStringLiteral("resolution") << QStringLiteral("priority") << QStringLiteral("product");
    else
        allowed << QStringLiteral("category");
    JsonFields body = JsonFields::fromBody(request, allowed);
    Record r = std::move(base);
    r.collection = c;
    const QString externalId = body.text(QStringLiteral("external_id"), r.externalId);
    if (!r.externalId.isEmpty() && externalId != r.externalId)
        body.fail(QStringLiteral("external_id"), QStringLiteral("external_id: a record keeps its external id ('%1')").arg(r.externalId));
    r.externalId = externalId;
    r.title = body.text(QStringLiteral("title"), r.title);
    r.body = body.text(QStringLiteral("body"), r.body);
    r.status = body.text(QStringLiteral("status"), r.status);
    if (body.has(QStringLiteral("tags")))
        r.tags = body.texts(QStringLiteral("tags"));
    if (body.has(QStringLiteral("created_at")))
        r.createdAt = body.time(QStringLiteral("created_at"));
    if (body.has(QStringLiteral("updated_at")))
        r.updatedAt = body.time(QStringLiteral("updated_at"));
    if (body.has(QStringLiteral("extra")))
        r.extra = body.object(QStringLiteral("extra"));
    r.resolution = body.text(QStringLiteral("resolution"), r.resolution);
    r.priority = body.text(QStringLiteral("priority"), r.priority);
    r.product = body.text(QStringLiteral("product"), r.product);
    r.category = body.text(QStringLiteral("category"), r.category);
    if (!body.ok()) {
        *error = body.error();
        return std::nullopt;
    }
    return r;
}

ApiResponse saved(const RecordSaveResult &result, int okStatus)
{
    if (!result.problems.isEmpty()) {
        const FieldProblem &p = result.problems.first();
        const int status = p.kind == FieldProblem::Kind::Duplicate ? 409
                         : p.kind == FieldProblem::Kind::NotFound  ? 404
                                                                   : 422;
        return ApiResponse::error(status, p.message(), fieldName(p.field));
    }
    if (!result.ok)
        return ApiResponse::error(500, result.error);
    QJsonObject o = recordJson(result.stored);
    o.insert(QStringLiteral("changed"), result.changed);
    return ApiResponse::json(o, okStatus);
}

ApiResponse similar(Engine &engine, Collection c, const ApiRequest &request)
{
    ApiResponse notFound;
    const auto stored = recordIn(engine, c, captureId(request), &notFound);
    if (!stored)
        return notFound;
    QueryFields query(request, {QStringLiteral("k"), QStringLiteral("collection")});
    const int k = query.integer(QStringLiteral("k"), 10, 1, 100);
    if (!query.ok())
        return query.error();
    SearchFilters filters;
    const QString in = query.text(QStringLiteral("collection"), collectionName(c));
    if (in != QLatin1String("all")) {
        const auto target = collectionFromName(in);
        if (!target)
            return ApiResponse::error(400, QStringLiteral("collection: '%1' is not cases, knowledge or all").arg(in),
                                      QStringLiteral("collection"));
        filters.collection = *target;
    }
    const SearchResult result = engine.similar(stored->id, k, filters, request.cancel);
    if (result.cancelled)
        return ApiResponse::error(504, QStringLiteral("the search did not finish before its deadline"));
    if (!result.error.isEmpty())
        return ApiResponse::error(500, result.error);
    SearchQuery shape;
    shape.mode = SearchMode::Vector;
    shape.k = k;
    return ApiResponse::json(searchResultJson(result, shape, false));
}

QJsonArray spansJson(const QList<TextSpan> &spans)
{
    QJsonArray a;
    for (const TextSpan &s : spans)
        a.append(QJsonArray{qint64(s.start), qint64(s.end)});
    return a;
}

// One record; with ?highlight=words also where those words occur in its long fields, as the search
// console's detail pane marks them ([start, end) in UTF-16 code units, as JavaScript counts).
ApiResponse read(Engine &engine, Collection c, const ApiRequest &request)
{
    QueryFields query(request, {QStringLiteral("highlight")});
    if (!query.ok())
        return query.error();
    ApiResponse notFound;
    const auto stored = recordIn(engine, c, captureId(request), &notFound);
    if (!stored)
        return notFound;
    QJsonObject o = recordJson(*stored);
    const QString words = query.text(QStringLiteral("highlight"));
    if (!words.trimmed().isEmpty()) {
        const RecordDetail detail = engine.recordDetail(stored->id, words);
        o.insert(QStringLiteral("matches"), QJsonObject{{QStringLiteral("title"), spansJson(detail.titleMatches)},
                                                        {QStringLiteral("body"), spansJson(detail.bodyMatches)},
                                                        {QStringLiteral("resolution"), spansJson(detail.resolutionMatches)}});
    }
    return ApiResponse::json(o);
}

void addCollection(ApiServer &server, Engine &engine, Collection c)
{
    const QString base = QStringLiteral("/api/v1/") + collectionName(c);
    const QString one = base + QStringLiteral("/(\\d+)");
    const QString oneDoc = base + QStringLiteral("/{id}");
    server.addRoute({"GET", base, base, ApiScope::Read}, [&engine, c](const ApiRequest &r) { return list(engine, c, r); });
    server.addRoute({"GET", one, oneDoc, ApiScope::Read}, [&engine, c](const ApiRequest &r) { return read(engine, c, r); });
    server.addRoute({"POST", base, base, ApiScope::Write}, [&engine, c](const ApiRequest &r) {
        ApiResponse error;
        const auto record = readRecord(r, c, Record{}, &error);
        return record ? saved(engine.saveRecord(*record), 201) : error;
    });
    server.addRoute({"PUT", one, oneDoc, ApiScope::Write}, [&engine, c](const ApiRequest &r) {
        ApiResponse error;
        const auto stored = recordIn(engine, c, captureId(r), &error);
        if (!stored)
            return error;
        const auto record = readRecord(r, c, stored->record, &error);
        return record ? saved(engine.saveRecord(*record, stored->id), 200) : error;
    });
    server.addRoute({"DELETE", one, oneDoc, ApiScope::Write}, [&engine, c](const ApiRequest &r) {
        ApiResponse error;
        const auto stored = recordIn(engine, c, captureId(r), &error);
        if (!stored)
            return error;
        QString why;
        if (!engine.deleteRecord(stored->id, &why))
            return ApiResponse::error(500, why);
        return ApiResponse::json(QJsonObject{{QStringLiteral("deleted"), stored->id}});
    });
    server.addRoute({"GET", one + QStringLiteral("/similar"), oneDoc + QStringLiteral("/similar"), ApiScope::Read},
                    [&engine, c](const ApiRequest &r) { return similar(engine, c, r); });
}

} // namespace

void addRecordRoutes(ApiServer &server, Engine &engine)
{
    addCollection(server, engine, Collection::Cases);
    addCollection(server, engine, Collection::Knowledge);
}

} // namespace kms
