// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"
#include "embed/Embedder.h"

#include <memory>

namespace kms {

// The embedder a configuration asks for: "hash" from its dimension, "lsa" from the model file
// config.lsaModel in modelDirectory (loaded and checked: a missing or corrupt file is refused,
// *error names it). New providers add a branch here.
std::shared_ptr<const Embedder> makeEmbedder(const EngineConfig &config, const QString &modelDirectory,
                                             QString *error);

} // namespace kms
