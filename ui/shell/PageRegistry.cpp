// SPDX-License-Identifier: MIT
// The pages of the main window, in sidebar order. Only pages that work are listed:
// dashboard, ingestion, health, logs (search, data and settings come with the next issue).
#include "shell/MainWindow.h"

#include "healthpage/HealthPage.h"
#include "host/EngineHost.h"
#include "logpage/LogPage.h"

#include <QStyle>

namespace kms::ui {

void MainWindow::addPages()
{
    // Third and fourth: the dashboard and the ingestion page come first.
    addPage(new HealthPage(m_host, this), tr("Health"),
            QIcon::fromTheme(QStringLiteral("dialog-information"), style()->standardIcon(QStyle::SP_MessageBoxInformation)));
    addPage(new LogPage(m_host, this), tr("Logs"),
            QIcon::fromTheme(QStringLiteral("text-x-generic"), style()->standardIcon(QStyle::SP_FileDialogDetailedView)));
}

} // namespace kms::ui
