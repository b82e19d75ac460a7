// SPDX-License-Identifier: MIT
#include "healthpage/HealthPage.h"

#include "healthpage/HealthCard.h"
#include "healthpage/HealthRows.h"
#include "healthpage/MaintenancePanel.h"
#include "host/EngineHost.h"
#include "widgets/StatusBadge.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace kms::ui {

namespace {
constexpr int kRefreshMs = 10'000;
constexpr qint64 kDetailedAgeMs = 60'000; // showing the page re-runs the detailed checks after this
} // namespace

HealthPage::HealthPage(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_overall(new StatusBadge(this))
    , m_summary(new QLabel(this))
    , m_updated(new QLabel(this))
    , m_refresh(new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"), this))
    , m_maintenance(new MaintenancePanel(host, this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("health"));
    m_overall->setObjectName(QStringLiteral("overallStatus"));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_summary->setFont(big);
    m_updated->setObjectName(QStringLiteral("updated"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setToolTip(tr("Reads the health again, with SQLite's quick check and the index file's checksums"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_overall);
    header->addWidget(m_summary, 1);
    header->addWidget(m_updated);
    header->addWidget(m_refresh);

    // Three columns fit the default window; the two small cards share the last row with room to grow.
    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    const QStringList components = healthComponents();
    for (int i = 0; i < components.size(); ++i) {
        auto *card = new HealthCard(components[i], healthComponentTitle(components[i]), this);
        m_cards.insert(components[i], card);
        grid->addWidget(card, i / 3, i % 3, Qt::AlignTop);
    }
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addLayout(grid);
    layout->addWidget(m_maintenance);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(true); });
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &HealthPage::autoRefresh);
    // "Loading" turns into the index's real state as soon as it is there.
    connect(m_host, &EngineHost::indexLoaded, this, [this] { refresh(false); });
    connect(m_maintenance, &MaintenancePanel::finished, this, [this] { refresh(true); });
    connect(host, &EngineHost::opened, this, &HealthPage::onOpened);
    connect(host, &EngineHost::jobChanged, this, [this](const JobEvent &e) {
        if (!e.isEnd())
            return;
        m_jobEnded = true;
        if (isVisible())
            refresh(true);
    });
    connect(host, &EngineHost::shuttingDown, this, [this] {
        m_timer->stop();
        setEnabled(false);
        m_summary->setText(tr("Closing …"));
    });

    // Before the engine is open there is nothing to show.
    setEnabled(host->isOpen());
    m_summary->setText(host->isOpen() ? QString() : tr("Waiting for the data directory to open …"));
    if (host->isOpen())
        m_timer->start();
}

void HealthPage::onOpened(bool ok, const QString &error)
{
    if (!ok) {
        m_overall->setStatus(QStringLiteral("unhealthy"));
        m_summary->setText(tr("The data directory could not be opened: %1").arg(error));
        return;
    }
    setEnabled(true);
    m_timer->start();
    refresh(true);
}

void HealthPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_host->isOpen())
        return;
    const qint64 age = QDateTime::currentMSecsSinceEpoch() - m_detailedAtMs;
    refresh(m_jobEnded || age > kDetailedAgeMs);
}

void HealthPage::autoRefresh()
{
    // Hidden pages do not poll; showing the page refreshes it.
    if (isVisible())
        refresh(false);
}

void HealthPage::refresh(bool detailed)
{
    if (!m_host->isOpen())
        return;
    if (m_inFlight) {
        m_pending = true;
        m_pendingDetailed = m_pendingDetailed || detailed;
        return;
    }
    m_inFlight = true;
    m_host->run(this, [detailed](Engine &e) { return e.health(detailed); },
                [this, detailed](QJsonObject health) {
                    m_inFlight = false;
                    if (!health.isEmpty())
                        display(health, detailed);
                    if (m_pending) {
                        m_pending = false;
                        const bool next = std::exchange(m_pendingDetailed, false);
                        refresh(next);
                    }
                });
}

void HealthPage::display(const QJsonObject &health, bool detailed)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (detailed) {
        m_detailed = health;
        m_detailedAtMs = now;
        m_jobEnded = false;
    }
    m_health = health;
    const QJsonObject components = health.value(QStringLiteral("components")).toObject();
    QStringList unwell;
    for (auto it = m_cards.cbegin(); it != m_cards.cend(); ++it) {
        const QJsonObject c = components.value(it.key()).toObject();
        // Optional components (workers: only with a Redis URL) are hidden while absent.
        it.value()->setVisible(!c.isEmpty());
        if (c.isEmpty())
            continue;
        const QString status = c.value(QStringLiteral("status")).toString();
        it.value()->setHealth(status, healthRows(it.key(), health, m_detailed, m_detailedAtMs),
                              c.value(QStringLiteral("problems")).toString());
        if (status != QLatin1String("healthy"))
            unwell << healthComponentTitle(it.key());
    }
    const QString overall = health.value(QStringLiteral("status")).toString();
    m_overall->setStatus(overall);
    QString summary = unwell.isEmpty() ? tr("All components are healthy.")
                                       : tr("Needs attention: %1.").arg(QLocale().createSeparatedList(unwell));
    if (m_host->runningJob())
        summary += QLatin1Char(' ') + tr("A job is running: counts change as its batches commit.");
    m_summary->setText(summary);
    m_updated->setText(tr("Updated %1").arg(QDateTime::fromMSecsSinceEpoch(now).time().toString(QStringLiteral("HH:mm:ss"))));
    emit refreshed();
}

} // namespace kms::ui
