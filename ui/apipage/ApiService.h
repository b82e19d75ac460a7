// SPDX-License-Identifier: MIT
#pragma once

#include "api/ApiServer.h"

#include <QObject>

#include <memory>

namespace kms::ui {

class AppSettings;
class EngineHost;

// The REST API served by the desktop app. One per EngineHost (its child, so rebuilding the pages
// on a language change neither stops nor restarts the server). The server answers on its own
// thread pool, never on the GUI thread, over the host's engine, so the API keeps serving while an
// ingestion job runs and while the GUI searches. It starts when the engine opens if the setting
// says it was on, and stops when the host shuts down, before the engine closes.
class ApiService : public QObject
{
    Q_OBJECT
public:
    // The host's service, made on first use with these settings.
    static ApiService *forHost(EngineHost *host, AppSettings *settings);

    // Starts on the address and port of the settings and records that it is on. False with
    // *error naming what is wrong (a bad address, a port in use, the engine not open yet).
    bool start(QString *error);
    // Stops and records that it is off. Waits for requests being answered: they are cancelled at
    // their next check, and the server's read and write timeouts bound the rest.
    void stop();
    bool isRunning() const;
    QString url() const;           // "http://127.0.0.1:8080/api/v1" while running
    QString lastError() const { return m_lastError; } // why the last start failed, else empty

    // Finished requests with seq > afterSeq, oldest first; generation() changes with every new
    // server, whose sequence starts again at 1.
    QList<ApiLogEntry> recentRequests(qint64 afterSeq) const;
    int generation() const { return m_generation; }

signals:
    void stateChanged();

private:
    ApiService(EngineHost *host, AppSettings *settings);
    void onOpened(bool ok);
    void stopServer();

    EngineHost *m_host;
    AppSettings *m_settings;
    std::unique_ptr<ApiServer> m_server;
    QString m_lastError;
    int m_generation = 0;
};

} // namespace kms::ui
