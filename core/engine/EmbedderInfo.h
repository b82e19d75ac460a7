// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace kms {

// One parameter of the active embedder, as the settings page shows it.
struct EmbedderParameter {
    QString key;        // stable name, e.g. "dimension", "charNgrams"
    QVariant value;     // the value in use (int, bool, double or text)
    QString configKey;  // the EngineConfig key that sets it; empty when fixed for this embedder kind
};

// What a remote embedder has done since the engine made it (requests, tokens, cost).
struct EmbedderUsage {
    qint64 requests = 0;      // HTTP attempts, retries included
    qint64 retries = 0;
    qint64 inputs = 0;        // texts embedded
    qint64 tokens = 0;        // input tokens, as the server counted them
    qint64 failedInputs = 0;  // texts left without a vector
    qint64 cacheHits = 0;     // texts ingestion found already embedded instead of sending
    double estimatedCost = 0; // tokens × the configured price per 1M tokens
    QString lastError;
};

// The active embedder described as data, so a form can list any embedder kind's parameters
// without knowing the kind.
struct EmbedderInfo {
    QString provider;   // the configuration's embedderProvider: "hash", "lsa", "openai", "bert"
    QString kind;       // "hash-v1"
    QString id;         // kind plus every parameter that changes the vectors
    int dimension = 0;
    bool remote = false;
    bool expensive = false; // Embedder::isExpensive(): a server or a local transformer
    QList<EmbedderParameter> parameters;
    EmbedderUsage usage; // remote embedders only
};

// Engine::testEmbedder(): a candidate configuration's embedder tried on sample sentences before
// anything is switched.
struct EmbedderTestResult {
    bool ok = false;
    QString id;
    int dimension = 0;
    double latencyMs = 0;           // making the embedder and embedding the samples (one call)
    double similarSimilarity = 0;   // cosine of two sentences that mean the same in other words
    double unrelatedSimilarity = 0; // cosine of two that are about different things
    QString error;                  // why it is not usable, in an operator's words
};

// Engine::embeddingEstimate(): what re-embedding every record would send to a paid provider.
struct EmbeddingEstimate {
    qint64 records = 0;
    qint64 characters = 0;          // title, body, resolution and tags
    qint64 estimatedTokens = 0;     // characters / 4, the usual English rule of thumb
    double pricePerMillionTokens = 0;
    double estimatedCost = 0;       // estimatedTokens × price / 1M
    QString error;
};

} // namespace kms
