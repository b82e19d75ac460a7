// SPDX-License-Identifier: MIT
#include "remote/EmbeddingProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace kms {

namespace {

QJsonArray toArray(const QStringList &texts)
{
    QJsonArray array;
    for (const QString &t : texts)
        array.append(t);
    return array;
}

// Copies one JSON vector into dst after checking its size and its numbers.
bool readVector(const QJsonValue &value, std::span<float> dst, qsizetype item, QString *error)
{
    if (!value.isArray()) {
        *error = QStringLiteral("item %1: the embedding is not an array").arg(item);
        return false;
    }
    const QJsonArray array = value.toArray();
    if (array.size() != qsizetype(dst.size())) {
        *error = QStringLiteral("item %1: the vector has %2 numbers, the configured dimension is %3")
                     .arg(item)
                     .arg(array.size())
                     .arg(dst.size());
        return false;
    }
    double norm = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue v = array.at(i);
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            *error = QStringLiteral("item %1: value %2 of the vector is not a finite number").arg(item).arg(i);
            return false;
        }
        dst[size_t(i)] = float(v.toDouble());
        norm += v.toDouble() * v.toDouble();
    }
    if (norm > 0) {
        const float scale = float(1.0 / std::sqrt(norm));
        for (float &x : dst)
            x *= scale;
    }
    return true;
}

} // namespace

EmbeddingRequest buildEmbeddingRequest(const RemoteEmbedderConfig &config, const QStringList &texts)
{
    QJsonObject body;
    EmbeddingRequest request;
    switch (config.api) {
    case EmbeddingApi::OpenAi:
        request.path = QStringLiteral("/embeddings");
        body.insert(QStringLiteral("model"), config.model);
        body.insert(QStringLiteral("input"), toArray(texts));
        body.insert(QStringLiteral("encoding_format"), QStringLiteral("float"));
        if (config.sendDimensions)
            body.insert(QStringLiteral("dimensions"), config.dimensions);
        break;
    case EmbeddingApi::Ollama:
        request.path = QStringLiteral("/api/embed");
        body.insert(QStringLiteral("model"), config.model);
        body.insert(QStringLiteral("input"), toArray(texts));
        body.insert(QStringLiteral("truncate"), true);
        if (config.sendDimensions)
            body.insert(QStringLiteral("dimensions"), config.dimensions);
        break;
    case EmbeddingApi::Tei:
        request.path = QStringLiteral("/embed");
        body.insert(QStringLiteral("inputs"), toArray(texts));
        body.insert(QStringLiteral("truncate"), true);
        body.insert(QStringLiteral("normalize"), true);
        break;
    }
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

ParsedEmbeddings parseEmbeddingResponse(const RemoteEmbedderConfig &config, const QByteArray &body,
                                        qsizetype count, std::span<float> out)
{
    ParsedEmbeddings parsed;
    const size_t dim = size_t(config.dimensions);
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        parsed.error = QStringLiteral("the answer is not JSON (%1 at byte %2)")
                           .arg(jsonError.errorString())
                           .arg(jsonError.offset);
        return parsed;
    }

    QJsonArray vectors; // in input order
    if (config.api == EmbeddingApi::OpenAi) {
        const QJsonObject root = doc.object();
        const QJsonValue data = root.value(QStringLiteral("data"));
        if (!data.isArray()) {
            parsed.error = QStringLiteral("the answer has no \"data\" array");
            return parsed;
        }
        // The OpenAI format numbers its items; the order in the array is not promised.
        QList<QJsonValue> byIndex(count);
        QList<bool> seen(count, false);
        const QJsonArray items = data.toArray();
        if (items.size() != count) {
            parsed.error = QStringLiteral("%1 vectors came back for %2 inputs").arg(items.size()).arg(count);
            return parsed;
        }
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject item = items.at(i).toObject();
            const QJsonValue indexValue = item.value(QStringLiteral("index"));
            const qsizetype index = indexValue.isDouble() ? qsizetype(indexValue.toDouble()) : i;
            if (index < 0 || index >= count || seen[index]) {
                parsed.error = QStringLiteral("item %1 has a missing, repeated or out-of-range index").arg(i);
                return parsed;
            }
            seen[index] = true;
            byIndex[index] = item.value(QStringLiteral("embedding"));
        }
        for (const QJsonValue &v : byIndex)
            vectors.append(v);
        const QJsonValue usage = root.value(QStringLiteral("usage")).toObject().value(QStringLiteral("prompt_tokens"));
        if (usage.isDouble())
            parsed.promptTokens = qint64(usage.toDouble());
    } else if (config.api == EmbeddingApi::Ollama) {
        const QJsonObject root = doc.object();
        if (!root.value(QStringLiteral("embeddings")).isArray()) {
            parsed.error = QStringLiteral("the answer has no \"embeddings\" array");
            return parsed;
        }
        vectors = root.value(QStringLiteral("embeddings")).toArray();
        const QJsonValue usage = root.value(QStringLiteral("prompt_eval_count"));
        if (usage.isDouble())
            parsed.promptTokens = qint64(usage.toDouble());
    } else {
        if (!doc.isArray()) {
            parsed.error = QStringLiteral("the answer is not an array of vectors");
            return parsed;
        }
        vectors = doc.array();
    }

    if (vectors.size() != count) {
        parsed.error = QStringLiteral("%1 vectors came back for %2 inputs").arg(vectors.size()).arg(count);
        return parsed;
    }
    if (out.size() != size_t(count) * dim) {
        parsed.error = QStringLiteral("internal: output holds %1 floats for %2 vectors").arg(out.size()).arg(count);
        return parsed;
    }
    for (qsizetype i = 0; i < count; ++i) {
        if (!readVector(vectors.at(i), out.subspan(size_t(i) * dim, dim), i, &parsed.error))
            return parsed;
    }
    parsed.ok = true;
    return parsed;
}

QString serverErrorMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QString message;
    if (doc.isObject()) {
        const QJsonValue error = doc.object().value(QStringLiteral("error"));
        if (error.isObject())
            message = error.toObject().value(QStringLiteral("message")).toString();
        else if (error.isString())
            message = error.toString();
        if (message.isEmpty())
            message = doc.object().value(QStringLiteral("message")).toString();
    } else if (!body.trimmed().startsWith('<')) {
        // Plain text errors are common from proxies; HTML error pages say nothing useful.
        message = QString::fromUtf8(body.trimmed());
    }
    message = message.simplified();
    if (message.size() > 300)
        message = message.left(300) + QStringLiteral("…");
    return message;
}

} // namespace kms
