// SPDX-License-Identifier: MIT
#include "settingspage/SettingsPage.h"

#include "appsettings/AppSettings.h"
#include "host/EngineHost.h"
#include "settingspage/ApplicationSettingsPanel.h"
#include "settingspage/EngineSettingsPanel.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace kms::ui {

SettingsPage::SettingsPage(EngineHost *host, AppSettings *settings, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("settings"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(12);

    auto *title = new QLabel(tr("Settings"), content);
    title->setObjectName(QStringLiteral("settingsTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);

    // Two columns: the application's settings beside the engine's.
    auto *columns = new QHBoxLayout;
    columns->setSpacing(24);
    m_application = new ApplicationSettingsPanel(settings, host->dataDirectory(), content);
    m_application->setObjectName(QStringLiteral("applicationSettings"));
    m_engine = new EngineSettingsPanel(host, content);
    m_engine->setObjectName(QStringLiteral("engineSettings"));
    auto *left = new QVBoxLayout;
    auto *appTitle = new QLabel(tr("Application"), content);
    appTitle->setObjectName(QStringLiteral("applicationTitle"));
    QFont section = appTitle->font();
    section.setBold(true);
    section.setPointSizeF(section.pointSizeF() * 1.15);
    appTitle->setFont(section);
    left->addWidget(appTitle);
    left->addWidget(m_application);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    auto *engineTitle = new QLabel(tr("Engine of the open data directory"), content);
    engineTitle->setObjectName(QStringLiteral("engineTitle"));
    engineTitle->setFont(section);
    right->addWidget(engineTitle);
    right->addWidget(m_engine);
    right->addStretch(1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    layout->addLayout(columns);
    layout->addStretch(1);
    scroll->setWidget(content);

    connect(m_application, &ApplicationSettingsPanel::showPageRequested, this, &SettingsPage::showPageRequested);
    connect(m_engine, &EngineSettingsPanel::focusChainChanged, this, &SettingsPage::updateTabOrder);
    connect(host, &EngineHost::opened, this, [this, host](bool) {
        m_application->setOpenDataDirectory(host->dataDirectory());
    });
    updateTabOrder();
}

void SettingsPage::setSchedulesAvailable(bool available)
{
    m_application->setSchedulesAvailable(available);
}

void SettingsPage::updateTabOrder()
{
    // Reading order: the application column top to bottom, then the engine column (its rows are
    // placed when the engine's description arrives, after construction).
    const QList<QWidget *> chain = m_application->focusChain() + m_engine->focusChain();
    for (qsizetype i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain[i - 1], chain[i]);
}

} // namespace kms::ui
