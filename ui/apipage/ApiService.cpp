// SPDX-License-Identifier: MIT
#include "apipage/ApiService.h"

#include "api/ApiRoutes.h"
#include "appsettings/AppSettings.h"
#include "host/EngineHost.h"
#include "log/Log.h"

#include <spdlog/spdlog.h>

namespace kms::ui {

namespace {
auto logger()
{
    static auto l = log::get("kms.api");
    return l;
}
} // namespace

ApiService *ApiService::forHost(EngineHost *host, AppSettings *settings)
{
    if (auto *existing = host->findChild<ApiService *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new ApiService(host, settings);
}

ApiService::ApiService(EngineHost *host, AppSettings *settings)
    : QObject(host)
    , m_host(host)
    , m_settings(settings)
{
    connect(host, &EngineHost::opened, this, [this](bool ok) { onOpened(ok); });
    // Emitted before the host lets go of the engine: no request may still be running on it then.
    connect(host, &EngineHost::shuttingDown, this, &ApiService::stopServer);
    if (host->isOpen())
        onOpened(true);
}

void ApiService::onOpened(bool ok)
{
    if (!ok || !m_settings->apiEnabled() || isRunning())
        return;
    QString error;
    if (!start(&error))
        logger()->error("the REST API was on when the app last ran but cannot start: {}", error.toStdString());
}

bool ApiService::start(QString *error)
{
    if (isRunning()) {
        *error = tr("The API server is already running.");
        return false;
    }
    Engine *engine = m_host->engineForService();
    if (!engine) {
        *error = tr("The data directory is not open yet.");
        m_lastError = *error;
        emit stateChanged();
        return false;
    }
    ApiServerConfig config;
    config.host = m_settings->apiHost();
    config.port = m_settings->apiPort();
    auto server = std::make_unique<ApiServer>(config);
    addApiRoutes(*server, *engine, ApiRouteOptions{});
    // The same line `kmsctl serve` logs (never the token, only its name); the Logs page shows it.
    server->setRequestLogger([](const ApiLogEntry &e) {
        logger()->info("{} {} {} {:.1f} ms token={} from={}", e.method.constData(), e.path.toStdString(), e.status,
                       e.milliseconds, e.tokenName.isEmpty() ? std::string("-") : e.tokenName.toStdString(),
                       e.remoteAddress.toStdString());
    });
    if (!server->start(error)) {
        m_lastError = *error;
        logger()->error("cannot start the REST API: {}", error->toStdString());
        emit stateChanged();
        return false;
    }
    m_server = std::move(server);
    ++m_generation;
    m_lastError.clear();
    m_settings->setApiEnabled(true);
    if (const QString warning = config.warning(); !warning.isEmpty())
        logger()->warn("{}", warning.toStdString());
    logger()->info("serving the REST API on {}", url().toStdString());
    emit stateChanged();
    return true;
}

void ApiService::stop()
{
    stopServer();
    m_settings->setApiEnabled(false);
}

void ApiService::stopServer()
{
    if (!isRunning())
        return;
    m_server->stop();
    // The requests it answered stay readable until a new server replaces them.
    logger()->info("stopped serving the REST API");
    emit stateChanged();
}

bool ApiService::isRunning() const
{
    return m_server && m_server->isRunning();
}

QString ApiService::url() const
{
    if (!isRunning())
        return {};
    return QStringLiteral("http://%1:%2/api/v1").arg(m_server->config().host).arg(m_server->port());
}

QList<ApiLogEntry> ApiService::recentRequests(qint64 afterSeq) const
{
    return m_server ? m_server->recentRequests(afterSeq) : QList<ApiLogEntry>{};
}

} // namespace kms::ui
