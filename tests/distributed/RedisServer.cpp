// SPDX-License-Identifier: MIT
#include "RedisServer.h"

#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace kms::testing {

RedisServer::RedisServer() = default;

RedisServer::~RedisServer()
{
    stop();
}

QString RedisServer::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("redis-server"));
}

bool RedisServer::start(QString *error)
{
    if (m_port == 0) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            *error = QStringLiteral("no free port: %1").arg(probe.errorString());
            return false;
        }
        m_port = probe.serverPort();
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(executable(), {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                                   QStringLiteral("127.0.0.1"), QStringLiteral("--dir"), m_dir.path(),
                                   QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                                   QStringLiteral("no")});
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("redis-server did not start: %1").arg(m_process.errorString());
        return false;
    }
    for (int i = 0; i < 100; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (s.waitForConnected(100)) {
            s.write("PING\r\n");
            if (s.waitForReadyRead(500) && s.readAll().startsWith("+PONG"))
                return true;
        }
        QThread::msleep(50);
    }
    *error = QStringLiteral("redis-server on port %1 does not answer: %2").arg(m_port).arg(QString::fromUtf8(m_process.readAll()));
    return false;
}

void RedisServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

} // namespace kms::testing
