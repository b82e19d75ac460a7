// SPDX-License-Identifier: MIT
#pragma once
// The REST API as the route tests use it: an engine on a temporary data directory, a read and a
// write token made with the engine's own verbs, every route on a server at 127.0.0.1 (port 0), and
// a real HTTP client.

#include "../TestData.h"
#include "../TestEngine.h"

#include "api/ApiRoutes.h"
#include "engine/Engine.h"

#include <httplib.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace kms::testdata {

class ApiTestServer
{
public:
    static ApiServerConfig defaultConfig()
    {
        ApiServerConfig c;
        c.port = 0;
        c.maxBodyBytes = 1024 * 1024;
        c.ratePerSecond = 10'000; // the flood test sets its own
        c.burst = 10'000;
        return c;
    }

    // Opens the engine, makes the tokens, registers the routes and starts listening.
    bool start(ApiServerConfig config = defaultConfig(), ApiRouteOptions routes = {})
    {
        if (!m_dir.isValid())
            return false;
        m_engine = openTestEngine(m_dir.path());
        if (!m_engine)
            return false;
        QString error;
        const auto reader = m_engine->createApiToken(QStringLiteral("reader"), ApiTokenScope::Read, &error);
        const auto writer = m_engine->createApiToken(QStringLiteral("writer"), ApiTokenScope::Write, &error);
        if (!reader || !writer)
            return false;
        readToken = reader->secret.toStdString();
        writeToken = writer->secret.toStdString();
        m_server = std::make_unique<ApiServer>(config);
        addApiRoutes(*m_server, *m_engine, routes);
        return m_server->start(&error);
    }

    // Ingests `count` generated cases synchronously, so searches have something to find.
    bool seedCases(int count)
    {
        const QString file = m_dir.filePath(QStringLiteral("seed.jsonl"));
        if (!writeCases(file, 0, count))
            return false;
        IngestOptions o;
        o.files = {file};
        return m_engine->runJob(o).status == JobStatus::Completed;
    }

    httplib::Client client() const
    {
        httplib::Client c("127.0.0.1", m_server->port());
        c.set_read_timeout(30, 0);
        return c;
    }
    static httplib::Headers bearer(const std::string &token)
    {
        return token.empty() ? httplib::Headers{} : httplib::Headers{{"Authorization", "Bearer " + token}};
    }
    httplib::Result get(const std::string &path, const std::string &token) const
    {
        return client().Get(path.c_str(), bearer(token));
    }
    httplib::Result post(const std::string &path, const QByteArray &body, const std::string &token,
                         const char *type = "application/json") const
    {
        return client().Post(path.c_str(), bearer(token), body.constData(), size_t(body.size()), type);
    }
    httplib::Result put(const std::string &path, const QByteArray &body, const std::string &token) const
    {
        return client().Put(path.c_str(), bearer(token), body.constData(), size_t(body.size()), "application/json");
    }
    httplib::Result del(const std::string &path, const std::string &token) const
    {
        return client().Delete(path.c_str(), bearer(token));
    }

    static QJsonObject json(const httplib::Result &res)
    {
        return res ? QJsonDocument::fromJson(QByteArray::fromStdString(res->body)).object() : QJsonObject{};
    }
    static QJsonObject errorOf(const httplib::Result &res)
    {
        return json(res).value(QStringLiteral("error")).toObject();
    }
    static QByteArray body(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

    Engine &engine() { return *m_engine; }
    ApiServer &server() { return *m_server; }
    QString dataPath(const QString &name) const { return m_dir.filePath(name); }

    std::string readToken, writeToken;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ApiServer> m_server; // stopped before the engine goes
};

} // namespace kms::testdata
