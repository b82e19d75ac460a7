// SPDX-License-Identifier: MIT
// The pages of the main window, in sidebar order. Only pages that work are listed.
#include "shell/MainWindow.h"

#include "host/EngineHost.h"
#include "ingestion/IngestionPage.h"

#include <QStyle>

namespace kms::ui {

void MainWindow::addPages()
{
    // Ingestion: second in the sidebar; it also takes files dropped anywhere on the window.
    auto *ingestion = new IngestionPage(m_host, this);
    addPage(ingestion, tr("Ingestion"),
            QIcon::fromTheme(QStringLiteral("document-import"), style()->standardIcon(QStyle::SP_ArrowDown)));
    connect(this, &MainWindow::filesDropped, ingestion, [this, ingestion](const QStringList &files) {
        ingestion->addFiles(files);
        showPage(ingestion->objectName());
    });
}

} // namespace kms::ui
