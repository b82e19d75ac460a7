// SPDX-License-Identifier: MIT
// The pages of the main window, in sidebar order. Only pages that work are listed.
#include "shell/MainWindow.h"

#include "datapage/DataPage.h"
#include "host/EngineHost.h"

#include <QStyle>

namespace kms::ui {

void MainWindow::addPages()
{
    addPage(new DataPage(m_host, this), tr("Data"),
            QIcon::fromTheme(QStringLiteral("x-office-spreadsheet"), style()->standardIcon(QStyle::SP_FileDialogDetailedView)));
}

} // namespace kms::ui
