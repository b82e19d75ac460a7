// SPDX-License-Identifier: MIT
#pragma once
// Opening an engine the way every engine-level test does: a given folder, no log file.

#include "engine/Engine.h"

#include <QtGlobal>

namespace kms::testdata {

inline std::unique_ptr<Engine> openTestEngine(const QString &dir, QString *error = nullptr,
                                              std::optional<EngineConfig> config = std::nullopt)
{
    Engine::Options o;
    o.dataDirectory = dir;
    o.logToFile = false;
    o.config = config;
    QString e;
    auto engine = Engine::open(o, &e);
    if (!engine && !error)
        qWarning("%s", qPrintable(e));
    if (error)
        *error = e;
    return engine;
}

} // namespace kms::testdata
