// SPDX-License-Identifier: MIT
#pragma once
// GUI tests open a real engine through the EngineHost, as the application does.

#include "host/EngineHost.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>

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

// The engine's configuration as the host's pool reads it (waits up to 10 s).
inline EngineConfig engineConfig(ui::EngineHost &host)
{
    EngineConfig result;
    bool done = false;
    QObject context;
    host.run(&context, [](Engine &e) { return e.config(); }, [&](EngineConfig c) {
        result = c;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("engine config did not arrive");
    return result;
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

// Records the job events the host emits that pass a filter, as a QSignalSpy would for one signal:
// JobEventSpy ends(&host, &JobEvent::isEnd); ... ends.wait(60000); ends.at(0).job.
class JobEventSpy : public QObject
{
public:
    using Filter = std::function<bool(const JobEvent &)>;
    JobEventSpy(ui::EngineHost *host, Filter filter)
    {
        connect(host, &ui::EngineHost::jobChanged, this, [this, filter](const JobEvent &e) {
            if (filter(e))
                m_events.append(e);
        });
    }
    // A committed batch (what a progress bar follows).
    static bool isBatch(const JobEvent &e) { return e.kind == JobEventKind::Progress; }

    qsizetype count() const { return m_events.size(); }
    bool isEmpty() const { return m_events.isEmpty(); }
    const JobEvent &at(qsizetype i) const { return m_events.at(i); }
    // True when a new event arrives within timeoutMs.
    bool wait(int timeoutMs)
    {
        const qsizetype before = m_events.size();
        return QTest::qWaitFor([&] { return m_events.size() > before; }, timeoutMs);
    }

private:
    QList<JobEvent> m_events;
};

} // namespace kms::testui
