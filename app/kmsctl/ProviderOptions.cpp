// SPDX-License-Identifier: MIT
#include "ProviderOptions.h"

#include <QCommandLineParser>

namespace kms::cli {

void addProviderOptions(QCommandLineParser &parser, bool providerArgument)
{
    if (providerArgument)
        parser.addPositionalArgument(QStringLiteral("provider"), QStringLiteral("hash, lsa, openai or bert."));
    parser.addOptions({
        {QStringLiteral("api"), QStringLiteral("openai: the server's wire format: openai (default; also Ollama, "
                                               "vLLM, llama.cpp, TEI), ollama (/api/embed) or tei (/embed)."),
         QStringLiteral("format")},
        {QStringLiteral("base-url"), QStringLiteral("openai: the server, e.g. http://127.0.0.1:11434/v1."),
         QStringLiteral("url")},
        {QStringLiteral("model"), QStringLiteral("openai: the model's name on the server; bert: the model folder "
                                                 "(absolute, or a folder in the data directory's models)."),
         QStringLiteral("name")},
        {QStringLiteral("dimensions"), QStringLiteral("openai: the size of the model's vectors."), QStringLiteral("n")},
        {QStringLiteral("send-dimensions"), QStringLiteral("openai: ask the server for that size (text-embedding-3).")},
        {QStringLiteral("query-prefix"), QStringLiteral("Text put before queries (E5: \"query: \")."), QStringLiteral("text")},
        {QStringLiteral("document-prefix"), QStringLiteral("Text put before records (E5: \"passage: \")."),
         QStringLiteral("text")},
        {QStringLiteral("api-key-env"), QStringLiteral("openai: the environment variable holding the API key."),
         QStringLiteral("name")},
        {QStringLiteral("api-key-file"), QStringLiteral("openai: a file (mode 0600) holding the API key."),
         QStringLiteral("path")},
        {QStringLiteral("batch-inputs"), QStringLiteral("openai: texts per request (1..2048)."), QStringLiteral("n")},
        {QStringLiteral("batch-tokens"), QStringLiteral("openai: estimated tokens per request."), QStringLiteral("n")},
        {QStringLiteral("in-flight"), QStringLiteral("openai: requests on the wire at once (1..64)."), QStringLiteral("n")},
        {QStringLiteral("price"), QStringLiteral("openai: price per 1M input tokens, for the cost estimate."),
         QStringLiteral("amount")},
        {QStringLiteral("dimension"), QStringLiteral("hash: the vector size (16..4096)."), QStringLiteral("n")},
    });
}

bool intOption(const QCommandLineParser &p, const char *name, int *out, QString *error)
{
    if (!p.isSet(QLatin1String(name)))
        return true;
    bool ok = false;
    *out = p.value(QLatin1String(name)).toInt(&ok);
    if (!ok)
        *error = QStringLiteral("--%1 must be a whole number, got \"%2\"").arg(QLatin1String(name), p.value(QLatin1String(name)));
    return ok;
}

QString providerArgument(const QCommandLineParser &p, const EngineConfig &current)
{
    return p.positionalArguments().value(0, current.embedderProvider);
}

bool candidateFrom(const QCommandLineParser &p, const EngineConfig &current, const QString &provider, EngineConfig *c,
                   QString *error)
{
    *c = current;
    if (!EngineConfig::providers().contains(provider)) {
        *error = QStringLiteral("unknown provider \"%1\" (%2)").arg(provider, EngineConfig::providers().join(QStringLiteral(", ")));
        return false;
    }
    if (provider != current.embedderProvider) {
        c->remote = {};
        c->bertModel.clear();
        c->bertQueryPrefix.clear();
        c->bertDocumentPrefix.clear();
    }
    c->embedderProvider = provider;
    auto text = [&](const char *name, QString *field) {
        if (p.isSet(QLatin1String(name)))
            *field = p.value(QLatin1String(name));
    };
    if (provider == QLatin1String("openai")) {
        RemoteEmbedderConfig &r = c->remote;
        if (p.isSet(QStringLiteral("api")) && !parseEmbeddingApi(p.value(QStringLiteral("api")), &r.api)) {
            *error = QStringLiteral("--api must be openai, ollama or tei, got \"%1\"").arg(p.value(QStringLiteral("api")));
            return false;
        }
        text("base-url", &r.baseUrl);
        text("model", &r.model);
        text("query-prefix", &r.queryPrefix);
        text("document-prefix", &r.documentPrefix);
        text("api-key-env", &r.apiKeyEnv);
        text("api-key-file", &r.apiKeyFile);
        if (p.isSet(QStringLiteral("send-dimensions")))
            r.sendDimensions = true;
        if (!intOption(p, "dimensions", &r.dimensions, error) || !intOption(p, "batch-inputs", &r.maxBatchInputs, error)
            || !intOption(p, "batch-tokens", &r.maxBatchTokens, error) || !intOption(p, "in-flight", &r.maxInFlight, error))
            return false;
        if (p.isSet(QStringLiteral("price"))) {
            bool ok = false;
            r.pricePerMillionTokens = p.value(QStringLiteral("price")).toDouble(&ok);
            if (!ok) {
                *error = QStringLiteral("--price must be a number, got \"%1\"").arg(p.value(QStringLiteral("price")));
                return false;
            }
        }
    } else if (provider == QLatin1String("bert")) {
        text("model", &c->bertModel);
        text("query-prefix", &c->bertQueryPrefix);
        text("document-prefix", &c->bertDocumentPrefix);
    } else if (provider == QLatin1String("hash")) {
        if (!intOption(p, "dimension", &c->embeddingDimension, error))
            return false;
    }
    return c->validate(error);
}

} // namespace kms::cli
