// SPDX-License-Identifier: MIT
#pragma once
// GUI tests open a real engine through the EngineHost, as the application does.

#include "host/EngineHost.h"

#include <QSignalSpy>
#include <QTest>

namespace kms::testui {

// Opens dir with the sampler on (charts get points) and waits until the host reports it.
inline bool openHost(ui::EngineHost &host, const QString &dir, QString *error = nullptr,
                     std::optional<EngineConfig> config = std::nullopt)
{
    QSignalSpy spy(&host, &ui::EngineHost::opened);
    Engine::Options o;
    o.dataDirectory = dir;
    o.logToFile = false;
    o.startSampler = true;
    o.config = config;
    host.open(o);
    if (!spy.wait(60000))
        return false;
    if (error)
        *error = spy.at(0).at(1).toString();
    return spy.at(0).at(0).toBool();
}

// Shuts the host down and waits for it (the engine closes off the GUI thread).
inline bool closeHost(ui::EngineHost &host)
{
    if (!host.isOpen())
        return true;
    QSignalSpy spy(&host, &ui::EngineHost::closed);
    host.shutdown();
    return spy.wait(60000);
}

} // namespace kms::testui
