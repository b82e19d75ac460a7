// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariantMap>

namespace kms {

// Which wire format the server speaks. Most servers (OpenAI, Azure-style gateways, Ollama, llama.cpp
// server, vLLM, TEI) also answer the OpenAI shape; the two native ones are for servers set up without it.
enum class EmbeddingApi {
    OpenAi,  // POST {base}/embeddings  {"model","input":[...]}            -> {"data":[{"index","embedding"}]}
    Ollama,  // POST {base}/api/embed   {"model","input":[...]}            -> {"embeddings":[[...]]}
    Tei,     // POST {base}/embed       {"inputs":[...],"truncate":true}   -> [[...]]
};

QString embeddingApiName(EmbeddingApi api);
bool parseEmbeddingApi(const QString &name, EmbeddingApi *api);

// Everything the remote embedder needs. The API key itself is never part of it: only where to
// read it from (an environment variable or a file only its owner may read), so it never reaches
// the database, the settings file or a log line.
struct RemoteEmbedderConfig {
    EmbeddingApi api = EmbeddingApi::OpenAi;
    QString baseUrl;             // e.g. http://127.0.0.1:11434/v1 (OpenAI shape: up to and including /v1)
    QString model;
    int dimensions = 0;          // expected vector size; sent as "dimensions" only when sendDimensions
    bool sendDimensions = false; // text-embedding-3 models can shorten their vectors on request
    QString queryPrefix;         // E5: "query: ", BGE: its instruction
    QString documentPrefix;      // E5: "passage: "
    QString apiKeyEnv;           // name of an environment variable holding the key
    QString apiKeyFile;          // or a file with mode 0600 holding it
    int maxBatchInputs = 64;     // inputs per request
    int maxBatchTokens = 8000;   // estimated tokens per request (chars / 4)
    int maxInFlight = 2;         // requests on the wire at once, over all threads
    int maxAttempts = 6;         // per request, the first one included
    int connectTimeoutMs = 10'000; // no byte exchanged for this long: give up on the attempt
    int totalTimeoutMs = 60'000;   // one attempt, start to end
    int backoffBaseMs = 500;       // first retry waits up to this; doubles per attempt
    int backoffMaxMs = 30'000;
    double pricePerMillionTokens = 0.0; // for the ledger's cost estimate; 0 = free (local server)

    // Empty when usable, else what is wrong, naming the field ("base URL: ...").
    QString validate() const;
    // Everything that changes the vectors: api, URL host, model, dimension, prefixes.
    QString embedderId() const;

    QVariantMap toMap() const;
    static RemoteEmbedderConfig fromMap(const QVariantMap &map);

    // The settings' JSON form (the keys of toMap()). fromJson checks each present key's type and
    // refuses an "api_key" (the key is never stored, only where to read it), naming the key;
    // absent keys keep their defaults. Range checks are validate()'s.
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &o, RemoteEmbedderConfig *out, QString *error);

    bool operator==(const RemoteEmbedderConfig &) const = default;
};

} // namespace kms
