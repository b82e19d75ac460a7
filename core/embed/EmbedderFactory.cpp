// SPDX-License-Identifier: MIT
#include "embed/EmbedderFactory.h"

#include "embed/HashEmbedder.h"
#include "embed/LsaEmbedder.h"

#include <QDir>

namespace kms {

std::shared_ptr<const Embedder> makeEmbedder(const EngineConfig &config, const QString &modelDirectory,
                                             QString *error)
{
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
    if (error)
        *error = QStringLiteral("unknown embedder provider \"%1\"").arg(config.embedderProvider);
    return nullptr;
}

} // namespace kms
