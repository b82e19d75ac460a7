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

// The active embedder described as data, so a form can list any embedder kind's parameters
// without knowing the kind.
struct EmbedderInfo {
    QString kind;       // "hash-v1"
    QString id;         // kind plus every parameter that changes the vectors
    QList<EmbedderParameter> parameters;
};

} // namespace kms
