// SPDX-License-Identifier: MIT
#pragma once

// What the routes share: reading a JSON body or a query string strictly (an unknown field or a
// wrong type is refused, naming the field) and the JSON of the engine's value types.

#include "api/ApiTypes.h"
#include "model/ApiToken.h"
#include "model/Browse.h"
#include "model/Job.h"
#include "model/SearchFilters.h"
#include "model/StoredRecord.h"
#include "search/SearchTypes.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace kms {

struct JobProgress;

// Reads the fields of one JSON object. The first problem is kept (error()) and later reads return
// their defaults, so a route reads every field, then checks ok() once.
class JsonFields
{
public:
    // The request's body as an object holding only `allowed` keys; an empty body is an empty object.
    static JsonFields fromBody(const ApiRequest &request, const QStringList &allowed);
    // A nested object (e.g. "filters"), its fields named "parent.key" in errors.
    JsonFields(QJsonObject object, QString prefix, const QStringList &allowed);

    bool has(const QString &key) const { return m_object.contains(key); }
    QString text(const QString &key, const QString &fallback = {});
    QString requiredText(const QString &key);
    int integer(const QString &key, int fallback, int min, int max);
    double number(const QString &key, double fallback, double min, double max);
    bool boolean(const QString &key, bool fallback);
    QStringList texts(const QString &key);        // a string or an array of strings
    QJsonObject object(const QString &key);
    QDateTime time(const QString &key);           // ISO 8601; invalid when absent
    void fail(const QString &key, const QString &message);
    // Keeps a nested object's first problem as this object's (when it has none yet).
    void adopt(const JsonFields &nested)
    {
        if (!m_error && nested.m_error)
            m_error = nested.m_error;
    }

    bool ok() const { return !m_error; }
    ApiResponse error() const { return *m_error; }
    const QJsonObject &raw() const { return m_object; }

private:
    JsonFields() = default;
    QString name(const QString &key) const { return m_prefix.isEmpty() ? key : m_prefix + u'.' + key; }
    QJsonObject m_object;
    QString m_prefix;
    std::optional<ApiResponse> m_error;
};

// The query string with only `allowed` keys, read like a body (values are text).
class QueryFields
{
public:
    QueryFields(const ApiRequest &request, const QStringList &allowed);
    QString text(const QString &key, const QString &fallback = {}) const;
    int integer(const QString &key, int fallback, int min, int max);
    bool ok() const { return !m_error; }
    ApiResponse error() const { return *m_error; }

private:
    const ApiRequest &m_request;
    std::optional<ApiResponse> m_error;
};

// {"collection": "cases", "status": ["open"], "updated_from": "2024-01-01", ...} into filters.
SearchFilters readFilters(JsonFields &fields, const QString &key);

qint64 captureId(const ApiRequest &request, int index = 0); // 0 when not a positive number

QJsonObject recordJson(const StoredRecord &record);
QJsonObject browseRowJson(const BrowseRow &row);
QJsonObject hitJson(const SearchHit &hit, bool explain);
QJsonObject searchResultJson(const SearchResult &result, const SearchQuery &query, bool explain);
QJsonObject jobJson(const JobInfo &job);
QJsonObject progressJson(const JobProgress &progress);
QJsonObject rejectJson(const RejectInfo &reject);
QJsonObject apiTokenJson(const ApiToken &token);

} // namespace kms
