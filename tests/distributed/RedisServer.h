// SPDX-License-Identifier: MIT
#pragma once
// A throw-away redis-server for one test: 127.0.0.1, a free port, its own temporary folder, no
// persistence (so a restart loses everything, the hardest case for the owner and the workers).

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace kms::testing {

class RedisServer
{
public:
    RedisServer();
    ~RedisServer();
    static QString executable(); // empty when redis-server is not installed

    bool start(QString *error);  // on a free port the first time, on the same port after stop()
    void stop();                 // SIGKILL, as a crash would
    int port() const { return m_port; }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1").arg(m_port); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

} // namespace kms::testing
