// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

#include <functional>

class QLabel;
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

    // Adds a page to the sidebar; objectName of the page is its stable id ("dashboard", ...).
    void addPage(QWidget *page, const QString &title, const QIcon &icon);
    // Shows the page with that id; false when there is none.
    bool showPage(const QString &id);
    QString currentPageId() const;
    QStringList pageIds() const;

    // Asked when the window is closed while a job runs: true quits (the job stops after its
    // current batch). A question box unless a test puts its own answer here.
    using QuitConfirmation = std::function<bool()>;
    void setQuitConfirmation(QuitConfirmation confirm) { m_confirmQuit = std::move(confirm); }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPages(); // PageRegistry.cpp
    void onOpened(bool ok, const QString &error);

    EngineHost *m_host;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    QLabel *m_openState;
    bool m_closeRequested = false;
    QuitConfirmation m_confirmQuit;
};

} // namespace kms::ui
