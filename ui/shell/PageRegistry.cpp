// SPDX-License-Identifier: MIT
// The pages of the main window, in sidebar order. Only pages that work are listed.
#include "shell/MainWindow.h"

#include "apipage/ApiPage.h"
#include "appsettings/AppSettings.h"
#include "dashboard/DashboardPage.h"
#include "datapage/DataPage.h"
#include "healthpage/HealthPage.h"
#include "host/EngineHost.h"
#include "ingestion/IngestionPage.h"
#include "logpage/LogPage.h"
#include "searchpage/SearchPage.h"
#include "settingspage/SettingsPage.h"

#include <QAction>
#include <QStyle>

#include <QIcon>
#include <QStyle>

#include <QStyle>

namespace kms::ui {

void MainWindow::addPages()
{
    addPage(new DashboardPage(m_host, this), tr("Dashboard"),
            QIcon::fromTheme(QStringLiteral("utilities-system-monitor"),
                             style()->standardIcon(QStyle::SP_ComputerIcon)));

    // Ingestion also takes files dropped anywhere on the window.
    auto *ingestion = new IngestionPage(m_host, this);
    addPage(ingestion, tr("Ingestion"),
            QIcon::fromTheme(QStringLiteral("document-import"), style()->standardIcon(QStyle::SP_ArrowDown)));
    connect(this, &MainWindow::filesDropped, ingestion, [this, ingestion](const QStringList &files) {
        ingestion->addFiles(files);
        showPage(ingestion->objectName());
    });

    auto *search = new SearchPage(m_host, this);
    addPage(search, tr("Search"), QIcon::fromTheme(QStringLiteral("edit-find"), style()->standardIcon(QStyle::SP_FileDialogContentsView)));
    // Ctrl+K / Ctrl+F from any page: the window holds the page's action and shows the page first.
    addAction(search->focusSearchAction());
    connect(search, &SearchPage::activationRequested, this, [this] { showPage(QStringLiteral("search")); });

    addPage(new DataPage(m_host, this), tr("Data"),
            QIcon::fromTheme(QStringLiteral("x-office-spreadsheet"), style()->standardIcon(QStyle::SP_FileDialogListView)));

    addPage(new HealthPage(m_host, this), tr("Health"),
            QIcon::fromTheme(QStringLiteral("dialog-information"), style()->standardIcon(QStyle::SP_MessageBoxInformation)));
    addPage(new LogPage(m_host, this), tr("Logs"),
            QIcon::fromTheme(QStringLiteral("text-x-generic"), style()->standardIcon(QStyle::SP_FileDialogDetailedView)));

    // The REST API this app serves (it keeps serving on its own threads whichever page is shown).
    addPage(new ApiPage(m_host, &AppSettings::instance(), this), tr("API"),
            QIcon::fromTheme(QStringLiteral("network-server"), style()->standardIcon(QStyle::SP_DriveNetIcon)));

    // Settings stays last: it offers a way to the pages listed before it.
    auto *settings = new SettingsPage(m_host, &AppSettings::instance(), this);
    addPage(settings, tr("Settings"),
            QIcon::fromTheme(QStringLiteral("preferences-system"), style()->standardIcon(QStyle::SP_FileDialogDetailedView)));
    settings->setSchedulesAvailable(page(QStringLiteral("ingestion")) != nullptr);
    connect(settings, &SettingsPage::showPageRequested, this, [this](const QString &id) { showPage(id); });
}

} // namespace kms::ui
