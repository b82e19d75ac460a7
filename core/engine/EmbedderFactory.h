// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"
#include "embed/Embedder.h"

#include <memory>

namespace kms {

// The embedder a configuration asks for: "hash" from its dimension, "lsa" from the model file
// config.lsaModel in modelDirectory, "openai" from config.remote (its API key read from the
// environment variable or key file it names), "bert" from the model folder config.bertModel (an
// absolute path, or a folder in modelDirectory). Anything unusable (a missing or corrupt model, an
// unreadable key) is refused: null, and *error says what and where. Lives in the engine, not in
// core/embed, because the remote and encoder libraries build on core/embed.
std::shared_ptr<const Embedder> makeEmbedder(const EngineConfig &config, const QString &modelDirectory,
                                             QString *error);

// As makeEmbedder, but an openai embedder whose settings are valid and only its API key cannot be
// read (the variable is not set in this shell) becomes an UnavailableEmbedder with its id and
// dimension, *error saying why: opening a store must not depend on a secret being at hand.
std::shared_ptr<const Embedder> makeEmbedderForOpen(const EngineConfig &config, const QString &modelDirectory,
                                                    QString *error, bool *standIn);

// The bert provider's model folder: config.bertModel as given when absolute, else in modelDirectory.
QString bertModelPath(const EngineConfig &config, const QString &modelDirectory);

} // namespace kms
