// SPDX-License-Identifier: MIT
#include "shell/MainWindow.h"

#include "host/EngineHost.h"
#include "shell/JobNotifier.h"
#include "shell/StatusPanel.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

namespace kms::ui {

MainWindow::MainWindow(EngineHost *host, QWidget *parent)
    : QMainWindow(parent)
    , m_host(host)
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_openState(new QLabel(this))
{
    setWindowTitle(tr("KMS Admin"));
    setObjectName(QStringLiteral("mainWindow"));

    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFixedWidth(170);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setSpacing(2);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    m_openState->setObjectName(QStringLiteral("openState"));
    m_openState->setText(tr("Opening %1 …").arg(host->dataDirectory()));
    statusBar()->addWidget(m_openState, 1);
    statusBar()->addPermanentWidget(new StatusPanel(host, this));
    new JobNotifier(host, statusBar(), this);

    connect(host, &EngineHost::opened, this, &MainWindow::onOpened);
    connect(host, &EngineHost::closed, this, [this] {
        m_closeRequested = true;
        close();
    });
    addPages();
    resize(1280, 820);
}

void MainWindow::addPage(QWidget *page, const QString &title, const QIcon &icon)
{
    Q_ASSERT(!page->objectName().isEmpty());
    auto *item = new QListWidgetItem(icon, title, m_sidebar);
    item->setData(Qt::UserRole, page->objectName());
    item->setSizeHint(QSize(0, 36));
    m_stack->addWidget(page);
    if (m_sidebar->currentRow() < 0)
        m_sidebar->setCurrentRow(0);
}

bool MainWindow::showPage(const QString &id)
{
    for (int row = 0; row < m_sidebar->count(); ++row) {
        if (m_sidebar->item(row)->data(Qt::UserRole).toString() == id) {
            m_sidebar->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString MainWindow::currentPageId() const
{
    auto *item = m_sidebar->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QStringList MainWindow::pageIds() const
{
    QStringList ids;
    for (int row = 0; row < m_sidebar->count(); ++row)
        ids << m_sidebar->item(row)->data(Qt::UserRole).toString();
    return ids;
}

void MainWindow::onOpened(bool ok, const QString &error)
{
    if (ok) {
        m_openState->setText(m_host->dataDirectory());
        m_openState->setToolTip(tr("Data directory"));
        return;
    }
    m_openState->setText(tr("Could not open the data directory"));
    QMessageBox::critical(this, tr("KMS Admin"),
                          tr("The data directory %1 could not be opened:\n\n%2")
                              .arg(m_host->dataDirectory(), error));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeRequested) {
        event->accept();
        return;
    }
    if (m_host->isClosing()) {
        event->ignore(); // already shutting down: the window goes when the engine is closed
        return;
    }
    if (m_host->runningJob()) {
        const auto answer = QMessageBox::question(
            this, tr("Quit KMS Admin"),
            tr("An ingestion job is running. Quit anyway?\n\nThe job stops after its current batch; "
               "every committed record stays, and running the same files again finishes the load."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    event->ignore();
    setEnabled(false);
    m_openState->setText(tr("Closing …"));
    m_host->shutdown();
}

} // namespace kms::ui
