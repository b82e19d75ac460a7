// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

#include <functional>

class QLabel;
class QMimeData;
class QListWidget;
class QStackedWidget;

namespace kms::ui {

class EngineHost;

// The application window: a sidebar of pages beside the page stack, and a status bar with the
// current job and the store's health. Closing it while a job runs asks first, then shuts the engine
// down in the background (the running batch commits or is dropped whole) before the window goes.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(EngineHost *host, QWidget *parent = nullptr);

    // The local files of a drop, empty when it holds none.
    static QStringList localFiles(const QMimeData *mime);

    // Adds a page to the sidebar; objectName of the page is its stable id ("dashboard", ...).
    void addPage(QWidget *page, const QString &title, const QIcon &icon);
    // Shows the page with that id; false when there is none.
    bool showPage(const QString &id);
    QString currentPageId() const;
    QStringList pageIds() const;
    QWidget *page(const QString &id) const;

    // Deletes every page and builds them again (addPages()), staying on the current page: each
    // page's tr() runs anew, so a language switch shows at once. Pages therefore read the engine's
    // state when constructed (it may already be open). Never call it from a page's own slot: the
    // language switch calls it from the event loop (changeEvent).
    void rebuildPages();

    // Asked when the window is closed while a job or a settings change runs, with the question:
    // true quits (the job stops after its current batch). A question box unless a test answers.
    using QuitConfirmation = std::function<bool(const QString &question)>;
    void setQuitConfirmation(QuitConfirmation confirm) { m_confirmQuit = std::move(confirm); }

signals:
    // Local files dropped on the window (the ingestion page takes them).
    void filesDropped(const QStringList &paths);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void addPages(); // PageRegistry.cpp
    void onOpened(bool ok, const QString &error);
    void retranslate();

    EngineHost *m_host;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    QLabel *m_openState;
    bool m_closeRequested = false;
    bool m_rebuildQueued = false;
    enum class OpenState { Opening, Open, Failed, Closing } m_state = OpenState::Opening;
    QuitConfirmation m_confirmQuit;
};

} // namespace kms::ui
