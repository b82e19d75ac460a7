// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace kms::ui {

// The words the settings page uses for engine keys and embedder parameters, in the user's
// language. Unknown keys (a newer engine, another embedder kind) fall back to the key itself, so
// the form still lists them.
class EngineKeyText
{
    Q_DECLARE_TR_FUNCTIONS(kms::ui::EngineKeyText)
public:
    static QString label(const QString &configKey);
    static QString help(const QString &configKey);
    static QString specialValueText(const QString &configKey); // shown for 0, when 0 means something
    static QString suffix(const QString &configKey);
    // "HNSW links per node (hnswM) must be between 4 and 128; 500 is not allowed."
    static QString invalidMessage(const EngineConfig &config, const QString &configKey);

    static QString parameterLabel(const QString &parameterKey);
    static QString parameterValue(const QVariant &value);
};

} // namespace kms::ui
