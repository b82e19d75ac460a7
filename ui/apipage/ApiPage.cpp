// SPDX-License-Identifier: MIT
#include "apipage/ApiPage.h"

#include "api/ApiServer.h"
#include "apipage/ApiService.h"
#include "apipage/RequestTableModel.h"
#include "apipage/TokenPanel.h"
#include "appsettings/AppSettings.h"
#include "host/EngineHost.h"
#include "widgets/StatusStyle.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace kms::ui {

namespace {
constexpr int kPollMs = 250;
constexpr int kRequestRows = 500;
constexpr qint64 kTokenReloadMs = 30'000;
} // namespace

ApiPage::ApiPage(EngineHost *host, AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_settings(settings)
    , m_service(ApiService::forHost(host, settings))
    , m_enabled(new QCheckBox(tr("&Serve the REST API"), this))
    , m_address(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_tokens(new TokenPanel(host, this))
    , m_requests(new RequestTableModel(kRequestRows, this))
    , m_requestView(new QTableView(this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("api"));

    m_enabled->setObjectName(QStringLiteral("apiEnabled"));
    m_address->setObjectName(QStringLiteral("apiAddress"));
    m_address->setText(settings->apiHost());
    m_address->setAccessibleName(tr("Address the API listens on"));
    m_address->setToolTip(tr("127.0.0.1: only programs on this machine can call the API. 0.0.0.0: every network "
                             "this machine is on; anyone who can reach it can try tokens."));
    m_port->setObjectName(QStringLiteral("apiPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(settings->apiPort());
    m_port->setAccessibleName(tr("Port the API listens on"));
    m_status->setObjectName(QStringLiteral("apiStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setObjectName(QStringLiteral("apiWarning"));
    m_warning->setWordWrap(true);
    statusstyle::setTone(m_warning, statusstyle::Tone::Warning);

    auto *server = new QGroupBox(tr("Server"), this);
    auto *form = new QFormLayout;
    auto *where = new QHBoxLayout;
    where->addWidget(m_address, 2);
    where->addWidget(new QLabel(tr("Port"), this));
    where->addWidget(m_port, 1);
    where->addStretch(2);
    form->addRow(tr("Address"), where);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("State"), m_status);
    form->addRow(QString(), m_warning);
    server->setLayout(form);

    auto *tokens = new QGroupBox(tr("Tokens"), this);
    auto *tokenLayout = new QVBoxLayout(tokens);
    tokenLayout->addWidget(m_tokens);

    auto *recent = new QGroupBox(tr("Recent requests"), this);
    m_requestView->setObjectName(QStringLiteral("requestTable"));
    m_requestView->setModel(m_requests);
    m_requestView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_requestView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_requestView->verticalHeader()->hide();
    m_requestView->horizontalHeader()->setSectionResizeMode(RequestTableModel::Path, QHeaderView::Stretch);
    auto *recentLayout = new QVBoxLayout(recent);
    recentLayout->addWidget(m_requestView);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(server);
    layout->addWidget(tokens, 2);
    layout->addWidget(recent, 3);

    connect(m_enabled, &QCheckBox::toggled, this, &ApiPage::toggle);
    connect(m_service, &ApiService::stateChanged, this, &ApiPage::showState);
    connect(host, &EngineHost::opened, this, &ApiPage::showState);
    connect(host, &EngineHost::shuttingDown, this, &ApiPage::showState);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &ApiPage::pollRequests);
    showState();
}

void ApiPage::toggle(bool on)
{
    if (on == m_service->isRunning())
        return;
    if (!on) {
        m_service->stop();
        return;
    }
    // The address and port are checked and saved first: the server starts from the settings.
    QString error;
    if (!m_settings->setApiHost(m_address->text(), &error) || !m_settings->setApiPort(m_port->value(), &error)) {
        statusstyle::setTone(m_status, statusstyle::Tone::Error);
        m_status->setText(error);
        const QSignalBlocker blocker(m_enabled);
        m_enabled->setChecked(false);
        return;
    }
    m_service->start(&error); // showState() says how it went
    showState();
}

void ApiPage::showState()
{
    const bool running = m_service->isRunning();
    {
        const QSignalBlocker blocker(m_enabled);
        m_enabled->setChecked(running);
    }
    m_enabled->setEnabled(m_host->isOpen());
    // The address and port of a running server are fixed; stop it to change them.
    m_address->setEnabled(!running);
    m_port->setEnabled(!running);
    if (running) {
        statusstyle::setTone(m_status, statusstyle::Tone::Ok);
        m_status->setText(tr("Serving at %1 — only GET /api/v1/health answers without a token.").arg(m_service->url()));
        m_poll->start();
    } else {
        m_poll->stop();
        if (!m_service->lastError().isEmpty()) {
            statusstyle::setTone(m_status, statusstyle::Tone::Error);
            m_status->setText(tr("Not serving: %1").arg(m_service->lastError()));
        } else {
            statusstyle::setTone(m_status, statusstyle::Tone::Neutral);
            m_status->setText(m_host->isOpen() ? tr("Stopped.") : tr("Waiting for the data directory to open."));
        }
    }
    ApiServerConfig config;
    config.host = m_address->text().trimmed();
    const QString warning = config.warning();
    m_warning->setText(warning.isEmpty() ? QString() : tr("Warning: %1.").arg(warning));
    m_warning->setVisible(!warning.isEmpty() && config.validate().isEmpty());
    pollRequests(); // the last requests of a server that just stopped
}

void ApiPage::pollRequests()
{
    if (m_service->generation() != m_generation) {
        m_generation = m_service->generation();
        m_lastSeq = 0; // a new server numbers its requests from 1 again
    }
    const QList<ApiLogEntry> entries = m_service->recentRequests(m_lastSeq);
    if (entries.isEmpty())
        return;
    m_lastSeq = entries.constLast().seq;
    m_requests->add(entries);
    // The server notes a token's use in the store (at most once a minute per token): the list's
    // "last used" follows while requests come in, without asking the store on every poll.
    const bool tokenUsed = std::any_of(entries.begin(), entries.end(), [](const ApiLogEntry &e) { return !e.tokenName.isEmpty(); });
    if (tokenUsed && (!m_tokensReloaded.isValid() || m_tokensReloaded.elapsed() > kTokenReloadMs)) {
        m_tokensReloaded.start();
        m_tokens->reload();
    }
}

} // namespace kms::ui
