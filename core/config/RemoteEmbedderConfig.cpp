// SPDX-License-Identifier: MIT
#include "config/RemoteEmbedderConfig.h"

#include <QJsonValue>
#include <QUrl>

namespace kms {

QString embeddingApiName(EmbeddingApi api)
{
    switch (api) {
    case EmbeddingApi::OpenAi: return QStringLiteral("openai");
    case EmbeddingApi::Ollama: return QStringLiteral("ollama");
    case EmbeddingApi::Tei: return QStringLiteral("tei");
    }
    return QStringLiteral("openai");
}

bool parseEmbeddingApi(const QString &name, EmbeddingApi *api)
{
    for (EmbeddingApi candidate : {EmbeddingApi::OpenAi, EmbeddingApi::Ollama, EmbeddingApi::Tei}) {
        if (name.compare(embeddingApiName(candidate), Qt::CaseInsensitive) == 0) {
            *api = candidate;
            return true;
        }
    }
    return false;
}

QString RemoteEmbedderConfig::validate() const
{
    const QUrl url(baseUrl);
    if (baseUrl.isEmpty())
        return QStringLiteral("base_url: missing (e.g. http://127.0.0.1:11434/v1)");
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("base_url: '%1' is not a URL with a host").arg(baseUrl);
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return QStringLiteral("base_url: '%1' must start with http:// or https://").arg(baseUrl);
    if (model.trimmed().isEmpty() && api != EmbeddingApi::Tei)
        return QStringLiteral("model: missing (the server's name for the embedding model)");
    if (dimensions < 1 || dimensions > 16384)
        return QStringLiteral("dimensions: %1 is outside 1..16384 (the size of the model's vectors)")
            .arg(dimensions);
    if (maxBatchInputs < 1 || maxBatchInputs > 2048)
        return QStringLiteral("batch_inputs: %1 is outside 1..2048").arg(maxBatchInputs);
    if (maxBatchTokens < 16)
        return QStringLiteral("batch_tokens: %1 is below 16").arg(maxBatchTokens);
    if (maxInFlight < 1 || maxInFlight > 64)
        return QStringLiteral("in_flight: %1 is outside 1..64").arg(maxInFlight);
    if (maxAttempts < 1 || maxAttempts > 20)
        return QStringLiteral("attempts: %1 is outside 1..20").arg(maxAttempts);
    if (connectTimeoutMs < 100 || totalTimeoutMs < connectTimeoutMs)
        return QStringLiteral("connect_timeout_ms: %1 ms must be ≥ 100 and ≤ total %2 ms")
            .arg(connectTimeoutMs)
            .arg(totalTimeoutMs);
    if (backoffBaseMs < 0 || backoffMaxMs < backoffBaseMs)
        return QStringLiteral("backoff_base_ms: %1 ms must be ≥ 0 and ≤ max %2 ms").arg(backoffBaseMs).arg(backoffMaxMs);
    if (pricePerMillionTokens < 0)
        return QStringLiteral("price_per_million_tokens: %1 is negative").arg(pricePerMillionTokens);
    if (!apiKeyEnv.isEmpty() && !apiKeyFile.isEmpty())
        return QStringLiteral("api_key_env, api_key_file: give an environment variable or a key file, not both");
    return {};
}

QString RemoteEmbedderConfig::embedderId() const
{
    // The URL's path and credentials do not change the vectors, the server and model do; the
    // prefixes change what the model sees.
    const QUrl url(baseUrl);
    QString id = QStringLiteral("remote-v1:%1:%2@%3:d=%4")
                     .arg(embeddingApiName(api), model, url.host() + (url.port() > 0 ? QStringLiteral(":%1").arg(url.port()) : QString()))
                     .arg(dimensions);
    if (!queryPrefix.isEmpty() || !documentPrefix.isEmpty())
        id += QStringLiteral(",q=%1,p=%2").arg(queryPrefix, documentPrefix);
    return id;
}

QVariantMap RemoteEmbedderConfig::toMap() const
{
    return {
        {QStringLiteral("api"), embeddingApiName(api)},
        {QStringLiteral("base_url"), baseUrl},
        {QStringLiteral("model"), model},
        {QStringLiteral("dimensions"), dimensions},
        {QStringLiteral("send_dimensions"), sendDimensions},
        {QStringLiteral("query_prefix"), queryPrefix},
        {QStringLiteral("document_prefix"), documentPrefix},
        {QStringLiteral("api_key_env"), apiKeyEnv},
        {QStringLiteral("api_key_file"), apiKeyFile},
        {QStringLiteral("batch_inputs"), maxBatchInputs},
        {QStringLiteral("batch_tokens"), maxBatchTokens},
        {QStringLiteral("in_flight"), maxInFlight},
        {QStringLiteral("attempts"), maxAttempts},
        {QStringLiteral("connect_timeout_ms"), connectTimeoutMs},
        {QStringLiteral("total_timeout_ms"), totalTimeoutMs},
        {QStringLiteral("backoff_base_ms"), backoffBaseMs},
        {QStringLiteral("backoff_max_ms"), backoffMaxMs},
        {QStringLiteral("price_per_million_tokens"), pricePerMillionTokens},
    };
}

RemoteEmbedderConfig RemoteEmbedderConfig::fromMap(const QVariantMap &map)
{
    RemoteEmbedderConfig c;
    parseEmbeddingApi(map.value(QStringLiteral("api")).toString(), &c.api);
    c.baseUrl = map.value(QStringLiteral("base_url"), c.baseUrl).toString();
    c.model = map.value(QStringLiteral("model"), c.model).toString();
    c.dimensions = map.value(QStringLiteral("dimensions"), c.dimensions).toInt();
    c.sendDimensions = map.value(QStringLiteral("send_dimensions"), c.sendDimensions).toBool();
    c.queryPrefix = map.value(QStringLiteral("query_prefix"), c.queryPrefix).toString();
    c.documentPrefix = map.value(QStringLiteral("document_prefix"), c.documentPrefix).toString();
    c.apiKeyEnv = map.value(QStringLiteral("api_key_env"), c.apiKeyEnv).toString();
    c.apiKeyFile = map.value(QStringLiteral("api_key_file"), c.apiKeyFile).toString();
    c.maxBatchInputs = map.value(QStringLiteral("batch_inputs"), c.maxBatchInputs).toInt();
    c.maxBatchTokens = map.value(QStringLiteral("batch_tokens"), c.maxBatchTokens).toInt();
    c.maxInFlight = map.value(QStringLiteral("in_flight"), c.maxInFlight).toInt();
    c.maxAttempts = map.value(QStringLiteral("attempts"), c.maxAttempts).toInt();
    c.connectTimeoutMs = map.value(QStringLiteral("connect_timeout_ms"), c.connectTimeoutMs).toInt();
    c.totalTimeoutMs = map.value(QStringLiteral("total_timeout_ms"), c.totalTimeoutMs).toInt();
    c.backoffBaseMs = map.value(QStringLiteral("backoff_base_ms"), c.backoffBaseMs).toInt();
    c.backoffMaxMs = map.value(QStringLiteral("backoff_max_ms"), c.backoffMaxMs).toInt();
    c.pricePerMillionTokens = map.value(QStringLiteral("price_per_million_tokens"), c.pricePerMillionTokens).toDouble();
    return c;
}

QJsonObject RemoteEmbedderConfig::toJson() const
{
    return QJsonObject::fromVariantMap(toMap());
}

bool RemoteEmbedderConfig::fromJson(const QJsonObject &o, RemoteEmbedderConfig *out, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    for (const QString &secret : {QStringLiteral("api_key"), QStringLiteral("apiKey"), QStringLiteral("key")}) {
        if (o.contains(secret))
            return fail(QStringLiteral("%1: the API key itself is never stored; name an environment variable "
                                       "(api_key_env) or a file only you can read (api_key_file)").arg(secret));
    }
    // Each key must have the type of its default: a typo'd number ("64 ") is refused, not read as 0.
    const QVariantMap defaults = RemoteEmbedderConfig{}.toMap();
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
        const QJsonValue v = o.value(it.key());
        if (v.isUndefined())
            continue;
        const QMetaType::Type type = QMetaType::Type(it.value().typeId());
        const bool ok = type == QMetaType::QString ? v.isString()
                        : type == QMetaType::Bool  ? v.isBool()
                                                   : v.isDouble();
        if (!ok) {
            const char *want = type == QMetaType::QString ? "text" : type == QMetaType::Bool ? "true or false" : "a number";
            return fail(QStringLiteral("%1 must be %2").arg(it.key(), QLatin1String(want)));
        }
        if (type == QMetaType::Int && v.toDouble() != double(v.toInt()))
            return fail(QStringLiteral("%1 must be a whole number, got %2").arg(it.key()).arg(v.toDouble()));
    }
    EmbeddingApi api = EmbeddingApi::OpenAi;
    if (o.contains(QStringLiteral("api")) && !parseEmbeddingApi(o.value(QStringLiteral("api")).toString(), &api))
        return fail(QStringLiteral("api must be openai, ollama or tei, got \"%1\"").arg(o.value(QStringLiteral("api")).toString()));
    *out = fromMap(o.toVariantMap());
    return true;
}

} // namespace kms
