// SPDX-License-Identifier: MIT
// The pages of the main window, in sidebar order. Only pages that work are listed.
#include "shell/MainWindow.h"

#include "dashboard/DashboardPage.h"
#include "host/EngineHost.h"

#include <QIcon>
#include <QStyle>

namespace kms::ui {

void MainWindow::addPages()
{
    addPage(new DashboardPage(m_host, this), tr("Dashboard"),
            QIcon::fromTheme(QStringLiteral("utilities-system-monitor"),
                             style()->standardIcon(QStyle::SP_ComputerIcon)));
}

} // namespace kms::ui
