// SPDX-License-Identifier: MIT
#include "api/ApiJson.h"

#include "ingest/IngestPipeline.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace kms {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(iso(t)) : QJsonValue();
}

QJsonObject countsJson(const JobCounts &c)
{
    return {{QStringLiteral("read"), c.read},           {QStringLiteral("inserted"), c.inserted},
            {QStringLiteral("updated"), c.updated},     {QStringLiteral("unchanged"), c.unchanged},
            {QStringLiteral("rejected"), c.rejected},   {QStringLiteral("batches"), c.batchesCommitted}};
}

} // namespace

JsonFields JsonFields::fromBody(const ApiRequest &request, const QStringList &allowed)
{
    JsonFields f;
    if (request.body.trimmed().isEmpty())
        return f;
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parse);
    if (parse.error != QJsonParseError::NoError) {
        f.m_error = ApiResponse::error(400, QStringLiteral("the body is not valid JSON: %1 at byte %2")
                                                .arg(parse.errorString()).arg(parse.offset));
        return f;
    }
    if (!doc.isObject()) {
        f.m_error = ApiResponse::error(400, QStringLiteral("the body must be a JSON object"));
        return f;
    }
    return JsonFields(doc.object(), {}, allowed);
}

JsonFields::JsonFields(QJsonObject object, QString prefix, const QStringList &allowed)
    : m_object(std::move(object))
    , m_prefix(std::move(prefix))
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            fail(it.key(), QStringLiteral("unknown field '%1' (known: %2)").arg(name(it.key()), allowed.join(QStringLiteral(", "))));
            return;
        }
    }
}

void JsonFields::fail(const QString &key, const QString &message)
{
    if (!m_error)
        m_error = ApiResponse::error(400, message, name(key));
}

QString JsonFields::text(const QString &key, const QString &fallback)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString()) {
        fail(key, QStringLiteral("%1: expected a string, got %2").arg(name(key), typeName(v)));
        return fallback;
    }
    return v.toString();
}

QString JsonFields::requiredText(const QString &key)
{
    const QString t = text(key);
    if (t.trimmed().isEmpty())
        fail(key, QStringLiteral("%1: required, and must not be empty").arg(name(key)));
    return t;
}

int JsonFields::integer(const QString &key, int fallback, int min, int max)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble();
    if (!v.isDouble() || d != std::floor(d)) {
        fail(key, QStringLiteral("%1: expected a whole number, got %2").arg(name(key), v.isDouble() ? QString::number(d) : typeName(v)));
        return fallback;
    }
    if (d < min || d > max) {
        fail(key, QStringLiteral("%1: %2 is outside %3..%4").arg(name(key)).arg(d).arg(min).arg(max));
        return fallback;
    }
    return int(d);
}

double JsonFields::number(const QString &key, double fallback, double min, double max)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isDouble()) {
        fail(key, QStringLiteral("%1: expected a number, got %2").arg(name(key), typeName(v)));
        return fallback;
    }
    if (v.toDouble() < min || v.toDouble() > max) {
        fail(key, QStringLiteral("%1: %2 is outside %3..%4").arg(name(key)).arg(v.toDouble()).arg(min).arg(max));
        return fallback;
    }
    return v.toDouble();
}

bool JsonFields::boolean(const QString &key, bool fallback)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(key, QStringLiteral("%1: expected true or false, got %2").arg(name(key), typeName(v)));
        return fallback;
    }
    return v.toBool();
}

QStringList JsonFields::texts(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isString())
        return {v.toString()};
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString()) {
                fail(key, QStringLiteral("%1: expected strings in the array, got %2").arg(name(key), typeName(item)));
                return {};
            }
            out.append(item.toString());
        }
        return out;
    }
    fail(key, QStringLiteral("%1: expected a string or an array of strings, got %2").arg(name(key), typeName(v)));
    return {};
}

QJsonObject JsonFields::object(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        fail(key, QStringLiteral("%1: expected an object, got %2").arg(name(key), typeName(v)));
        return {};
    }
    return v.toObject();
}

QDateTime JsonFields::time(const QString &key)
{
    const QString t = text(key);
    if (t.isEmpty())
        return {};
    QDateTime d = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!d.isValid())
        fail(key, QStringLiteral("%1: '%2' is not an ISO 8601 time (2024-01-31T12:00:00Z)").arg(name(key), t));
    return d;
}

QueryFields::QueryFields(const ApiRequest &request, const QStringList &allowed)
    : m_request(request)
{
    for (auto it = request.query.cbegin(); it != request.query.cend(); ++it) {
        if (!allowed.contains(it.key())) {
            m_error = ApiResponse::error(400, QStringLiteral("unknown query parameter '%1' (known: %2)")
                                                  .arg(it.key(), allowed.join(QStringLiteral(", "))),
                                         it.key());
            return;
        }
    }
}

QString QueryFields::text(const QString &key, const QString &fallback) const
{
    return m_request.query.value(key, fallback);
}

int QueryFields::integer(const QString &key, int fallback, int min, int max)
{
    if (!m_request.query.contains(key))
        return fallback;
    bool ok = false;
    const int v = m_request.query.value(key).toInt(&ok);
    if (!ok || v < min || v > max) {
        if (!m_error)
            m_error = ApiResponse::error(400, QStringLiteral("%1: expected a whole number in %2..%3, got '%4'")
                                                  .arg(key).arg(min).arg(max).arg(m_request.query.value(key)),
                                         key);
        return fallback;
    }
    return v;
}

SearchFilters readFilters(JsonFields &fields, const QString &key)
{
    SearchFilters filters;
    if (!fields.has(key))
        return filters;
    static const QStringList lists{QStringLiteral("status"), QStringLiteral("priority"), QStringLiteral("product"),
                                   QStringLiteral("category"), QStringLiteral("tag")};
    static const QStringList dates{QStringLiteral("created_from"), QStringLiteral("created_to"),
                                   QStringLiteral("updated_from"), QStringLiteral("updated_to")};
    JsonFields f(fields.object(key), key, QStringList{QStringLiteral("collection")} + lists + dates);
    QStringList specs;
    if (const QString c = f.text(QStringLiteral("collection")); !c.isEmpty())
        specs.append(QStringLiteral("collection=") + c);
    for (const QString &name : lists)
        for (const QString &v : f.texts(name))
            specs.append(name + u'=' + v);
    for (const QString &name : dates) {
        const QString v = f.text(name);
        if (!v.isEmpty())
            specs.append(name.section(u'_', 0, 0)
                         + (name.endsWith(QLatin1String("_from")) ? QStringLiteral(">=") : QStringLiteral("<")) + v);
    }
    if (!f.ok()) {
        fields.adopt(f);
        return filters;
    }
    for (const QString &spec : specs) {
        QString error;
        if (!filters.add(spec, &error)) {
            fields.fail(key, QStringLiteral("%1: %2").arg(key, error));
            break;
        }
    }
    return filters;
}

qint64 captureId(const ApiRequest &request, int index)
{
    bool ok = false;
    const qint64 id = request.captures.value(index).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

QJsonObject recordJson(const StoredRecord &s)
{
    const Record &r = s.record;
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("collection"), collectionName(r.collection)},
            {QStringLiteral("external_id"), r.externalId},
            {QStringLiteral("title"), r.title},
            {QStringLiteral("body"), r.body},
            {QStringLiteral("resolution"), r.resolution},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("priority"), r.priority},
            {QStringLiteral("product"), r.product},
            {QStringLiteral("category"), r.category},
            {QStringLiteral("tags"), QJsonArray::fromStringList(r.tags)},
            {QStringLiteral("created_at"), isoOrNull(r.createdAt)},
            {QStringLiteral("updated_at"), isoOrNull(r.updatedAt)},
            {QStringLiteral("extra"), r.extra}};
}

QJsonObject browseRowJson(const BrowseRow &row)
{
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("external_id"), row.externalId},
            {QStringLiteral("title"), row.title},
            {QStringLiteral("status"), row.status},
            {QStringLiteral("priority"), row.priority},
            {QStringLiteral("product"), row.product},
            {QStringLiteral("category"), row.category},
            {QStringLiteral("tags"), QJsonArray::fromStringList(row.tags)},
            {QStringLiteral("updated_at"), isoOrNull(row.updatedAt)}};
}

QJsonObject hitJson(const SearchHit &hit, bool explain)
{
    QJsonObject o{{QStringLiteral("id"), hit.id},
                  {QStringLiteral("collection"), collectionName(hit.collection)},
                  {QStringLiteral("external_id"), hit.externalId},
                  {QStringLiteral("title"), hit.title},
                  {QStringLiteral("snippet"), hit.snippet},
                  {QStringLiteral("status"), hit.status},
                  {QStringLiteral("priority"), hit.priority},
                  {QStringLiteral("product"), hit.product},
                  {QStringLiteral("category"), hit.category},
                  {QStringLiteral("updated_at"), isoOrNull(hit.updatedAt)},
                  {QStringLiteral("score"), hit.score}};
    if (explain) {
        const HitExplanation &e = hit.explanation;
        o.insert(QStringLiteral("explanation"),
                 QJsonObject{{QStringLiteral("keyword_rank"), e.keywordRank}, {QStringLiteral("bm25"), e.bm25},
                             {QStringLiteral("vector_rank"), e.vectorRank}, {QStringLiteral("similarity"), e.similarity},
                             {QStringLiteral("expansion"), e.expansion}, {QStringLiteral("fused"), e.fused}});
    }
    return o;
}

QJsonObject searchResultJson(const SearchResult &result, const SearchQuery &query, bool explain)
{
    QJsonArray hits;
    for (const SearchHit &h : result.hits)
        hits.append(hitJson(h, explain));
    QJsonObject o{{QStringLiteral("mode"), searchModeName(query.mode)},
                  {QStringLiteral("k"), query.k},
                  {QStringLiteral("offset"), query.offset},
                  {QStringLiteral("hits"), hits},
                  {QStringLiteral("latency_ms"), result.latencyMs},
                  {QStringLiteral("not_embedded"), result.notEmbedded}};
    if (explain) {
        o.insert(QStringLiteral("expanded_query"), result.expandedQuery);
        o.insert(QStringLiteral("fts_query"), result.ftsQuery);
        o.insert(QStringLiteral("expansion_terms"), QJsonArray::fromStringList(result.expansionTerms));
        o.insert(QStringLiteral("keyword_candidates"), result.keywordCandidates);
        o.insert(QStringLiteral("vector_candidates"), result.vectorCandidates);
        o.insert(QStringLiteral("exact_vector_search"), result.exactVectorSearch);
    }
    return o;
}

QJsonObject jobJson(const JobInfo &job)
{
    return {{QStringLiteral("id"), job.id},
            {QStringLiteral("status"), jobStatusName(job.status)},
            {QStringLiteral("priority"), jobPriorityName(job.priority)},
            {QStringLiteral("source"), job.source},
            {QStringLiteral("counts"), countsJson(job.counts)},
            {QStringLiteral("started_at"), isoOrNull(job.startedAt)},
            {QStringLiteral("finished_at"), isoOrNull(job.finishedAt)},
            {QStringLiteral("records_per_second"), job.recordsPerSecond},
            {QStringLiteral("error"), job.error}};
}

QJsonObject progressJson(const JobProgress &p)
{
    return {{QStringLiteral("counts"), countsJson(p.counts)},
            {QStringLiteral("bytes_read"), p.bytesRead},
            {QStringLiteral("total_bytes"), p.totalBytes},
            {QStringLiteral("fraction"), p.fraction()},
            {QStringLiteral("elapsed_seconds"), p.elapsedSeconds},
            {QStringLiteral("records_per_second"), p.recordsPerSecond},
            {QStringLiteral("eta_seconds"), p.etaSeconds},
            {QStringLiteral("current_file"), p.currentFile},
            {QStringLiteral("phase"), p.phase}};
}

QJsonObject rejectJson(const RejectInfo &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("job"), r.jobId},
            {QStringLiteral("source"), r.source},
            {QStringLiteral("record_number"), r.recordNumber},
            {QStringLiteral("line"), r.line},
            {QStringLiteral("field"), r.field},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("raw"), r.rawData}};
}

QJsonObject apiTokenJson(const ApiToken &t)
{
    return {{QStringLiteral("name"), t.name},
            {QStringLiteral("scope"), apiTokenScopeName(t.scope)},
            {QStringLiteral("created_at"), isoOrNull(t.createdAt)},
            {QStringLiteral("last_used_at"), isoOrNull(t.lastUsedAt)},
            {QStringLiteral("revoked_at"), isoOrNull(t.revokedAt)}};
}

} // namespace kms
