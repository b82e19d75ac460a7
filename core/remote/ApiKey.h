// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace kms {

struct RemoteEmbedderConfig;

// The API key named by the config: from its environment variable, or from its key file, which
// must be a regular file only its owner can read or write (like ssh's private keys: a key that
// others could read is refused rather than used). No source configured means no key (a local
// server). On failure returns false and says why in *error, never quoting the key.
bool loadApiKey(const RemoteEmbedderConfig &config, QString *key, QString *error);

} // namespace kms
