// SPDX-License-Identifier: MIT
#include "remote/RemoteEmbedderConfig.h"

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
        return QStringLiteral("base URL: missing (e.g. http://127.0.0.1:11434/v1)");
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("base URL: '%1' is not a URL with a host").arg(baseUrl);
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return QStringLiteral("base URL: '%1' must start with http:// or https://").arg(baseUrl);
    if (model.trimmed().isEmpty() && api != EmbeddingApi::Tei)
        return QStringLiteral("model: missing (the server's name for the embedding model)");
    if (dimensions < 1 || dimensions > 16384)
        return QStringLiteral("dimensions: %1 is outside 1..16384 (the size of the model's vectors)")
            .arg(dimensions);
    if (maxBatchInputs < 1 || maxBatchInputs > 2048)
        return QStringLiteral("batch inputs: %1 is outside 1..2048").arg(maxBatchInputs);
    if (maxBatchTokens < 16)
        return QStringLiteral("batch tokens: %1 is below 16").arg(maxBatchTokens);
    if (maxInFlight < 1 || maxInFlight > 64)
        return QStringLiteral("requests in flight: %1 is outside 1..64").arg(maxInFlight);
    if (maxAttempts < 1 || maxAttempts > 20)
        return QStringLiteral("attempts: %1 is outside 1..20").arg(maxAttempts);
    if (connectTimeoutMs < 100 || totalTimeoutMs < connectTimeoutMs)
        return QStringLiteral("timeouts: connect %1 ms must be ≥ 100 and ≤ total %2 ms")
            .arg(connectTimeoutMs)
            .arg(totalTimeoutMs);
    if (backoffBaseMs < 0 || backoffMaxMs < backoffBaseMs)
        return QStringLiteral("backoff: base %1 ms must be ≥ 0 and ≤ max %2 ms").arg(backoffBaseMs).arg(backoffMaxMs);
    if (pricePerMillionTokens < 0)
        return QStringLiteral("price per 1M tokens: %1 is negative").arg(pricePerMillionTokens);
    if (!apiKeyEnv.isEmpty() && !apiKeyFile.isEmpty())
        return QStringLiteral("API key: give an environment variable or a key file, not both");
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

} // namespace kms
