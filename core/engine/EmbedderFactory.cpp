// SPDX-License-Identifier: MIT
#include "engine/EmbedderFactory.h"

#include "embed/HashEmbedder.h"
#include "embed/LsaEmbedder.h"
#include "embed/UnavailableEmbedder.h"
#include "encoder/BertEmbedder.h"
#include "remote/RemoteEmbedder.h"

#include <QDir>
#include <QFileInfo>

namespace kms {

QString bertModelPath(const EngineConfig &config, const QString &modelDirectory)
{
    return QFileInfo(config.bertModel).isAbsolute() ? config.bertModel : QDir(modelDirectory).filePath(config.bertModel);
}

std::shared_ptr<const Embedder> makeEmbedder(const EngineConfig &config, const QString &modelDirectory,
                                             QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    if (config.embedderProvider == QLatin1String("hash")) {
        HashEmbedder::Params params;
        params.dimension = config.embeddingDimension;
        return std::make_shared<const HashEmbedder>(params);
    }
    if (config.embedderProvider == QLatin1String("lsa")) {
        auto model = std::make_shared<LsaModel>();
        if (!LsaModel::load(QDir(modelDirectory).filePath(config.lsaModel), model.get(), error))
            return nullptr;
        return std::make_shared<const LsaEmbedder>(std::move(model));
    }
    if (config.embedderProvider == QLatin1String("openai")) {
        std::unique_ptr<RemoteEmbedder> remote = RemoteEmbedder::create(config.remote, &why);
        if (!remote)
            why = QStringLiteral("openai embedder: ") + why;
        return std::shared_ptr<const Embedder>(std::move(remote));
    }
    if (config.embedderProvider == QLatin1String("bert")) {
        BertEmbedderOptions options;
        options.queryPrefix = config.bertQueryPrefix;
        options.documentPrefix = config.bertDocumentPrefix;
        // Callers already run embedders on many threads (ingestion workers, re-embed): one thread
        // per call keeps the cores from being oversubscribed.
        options.threads = 1;
        return BertEmbedder::load(bertModelPath(config, modelDirectory), options, &why);
    }
    why = QStringLiteral("unknown embedder provider \"%1\"").arg(config.embedderProvider);
    return nullptr;
}

std::shared_ptr<const Embedder> makeEmbedderForOpen(const EngineConfig &config, const QString &modelDirectory,
                                                    QString *error, bool *standIn)
{
    *standIn = false;
    QString why;
    if (auto embedder = makeEmbedder(config, modelDirectory, &why))
        return embedder;
    if (config.embedderProvider == QLatin1String("openai") && config.remote.validate().isEmpty()) {
        *standIn = true;
        if (error)
            *error = why;
        return std::make_shared<const UnavailableEmbedder>(config.remote.embedderId(), config.remote.dimensions,
                                                           Embedder::Reads::Text, why);
    }
    if (error)
        *error = why;
    return nullptr;
}

} // namespace kms
