// SPDX-License-Identifier: MIT
#include "shell/MainWindow.h"

#include "host/EngineHost.h"
#include "settingspage/ConfigApplyTask.h"
#include "shell/JobNotifier.h"
#include "shell/StatusPanel.h"

#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
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
    setObjectName(QStringLiteral("mainWindow"));

    m_sidebar->setObjectName(QStringLiteral("sidebar"));
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
    statusBar()->addWidget(m_openState, 1);
    statusBar()->addPermanentWidget(new StatusPanel(host, this));
    new JobNotifier(host, statusBar(), this);
    if (host->isOpen())
        m_state = OpenState::Open; // a window made for an engine that is already open
    retranslate();

    connect(host, &EngineHost::opened, this, &MainWindow::onOpened);
    // A page whose task failed shows no answer; the status bar says why for a while.
    connect(host, &EngineHost::taskFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("A background task failed: %1 (details in the log)").arg(message), 15000);
    });
    connect(host, &EngineHost::closed, this, [this] {
        m_closeRequested = true;
        close();
    });
    setAcceptDrops(true);
    m_confirmQuit = [this](const QString &question) {
        return QMessageBox::question(this, tr("Quit KMS Admin"), question, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No)
               == QMessageBox::Yes;
    };
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

QWidget *MainWindow::page(const QString &id) const
{
    for (int i = 0; i < m_stack->count(); ++i) {
        if (m_stack->widget(i)->objectName() == id)
            return m_stack->widget(i);
    }
    return nullptr;
}

void MainWindow::rebuildPages()
{
    const QString current = currentPageId();
    {
        const QSignalBlocker blocker(m_sidebar);
        m_sidebar->clear();
    }
    while (m_stack->count() > 0) {
        QWidget *w = m_stack->widget(0);
        m_stack->removeWidget(w);
        delete w; // pending engine results for it are dropped (EngineHost::run's context)
    }
    addPages();
    if (!showPage(current) && m_sidebar->count() > 0)
        m_sidebar->setCurrentRow(0);
    retranslate();
}

void MainWindow::changeEvent(QEvent *event)
{
    // Installing a translator posts one LanguageChange per translator added or removed: one
    // rebuild serves them all, from the event loop, never inside the slot that switched.
    if (event->type() == QEvent::LanguageChange && !m_rebuildQueued) {
        m_rebuildQueued = true;
        QMetaObject::invokeMethod(this, [this] {
            m_rebuildQueued = false;
            rebuildPages();
        }, Qt::QueuedConnection);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("KMS Admin"));
    m_sidebar->setAccessibleName(tr("Pages"));
    switch (m_state) {
    case OpenState::Opening:
        m_openState->setText(tr("Opening %1 …").arg(m_host->dataDirectory()));
        break;
    case OpenState::Open:
        m_openState->setText(m_host->dataDirectory());
        m_openState->setToolTip(tr("Data directory"));
        break;
    case OpenState::Failed:
        m_openState->setText(tr("Could not open the data directory"));
        break;
    case OpenState::Closing:
        m_openState->setText(tr("Closing …"));
        break;
    }
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
    m_state = ok ? OpenState::Open : OpenState::Failed;
    retranslate();
    if (ok)
        return;
    QMessageBox::critical(this, tr("KMS Admin"),
                          tr("The data directory %1 could not be opened:\n\n%2")
                              .arg(m_host->dataDirectory(), error));
}

QStringList MainWindow::localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    return files;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    emit filesDropped(files);
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
    if (ConfigApplyTask::running(m_host)) {
        if (!m_confirmQuit(tr("A change of the engine settings is being applied. Quit anyway?\n\nIt is cancelled; "
                              "the engine keeps its current vectors and index, and you can apply the change "
                              "again later."))) {
            event->ignore();
            return;
        }
    } else if (m_host->runningJob()) {
        if (!m_confirmQuit(tr("An ingestion job is running. Quit anyway?\n\nThe job stops after its current "
                              "batch; every committed record stays, and running the same files again finishes "
                              "the load."))) {
            event->ignore();
            return;
        }
    }
    event->ignore();
    setEnabled(false);
    m_state = OpenState::Closing;
    retranslate();
    m_host->shutdown();
}

} // namespace kms::ui
