// SPDX-License-Identifier: MIT
#pragma once

#include <QUrl>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace kms::ui {

class ElidedLabel;
class EngineHost;
class LogFilterModel;
class LogModel;

// The live log: the lines every logger writes (core/log's feed), fetched four times a second while
// the page is shown, at most a bounded batch per fetch; a level filter and a text filter; pause and
// follow; the log file's path and a button to open it.
class LogPage : public QWidget
{
    Q_OBJECT
public:
    explicit LogPage(EngineHost *host, QWidget *parent = nullptr);

    // Opens the log file; QDesktopServices::openUrl unless a test puts its own here.
    using UrlOpener = std::function<bool(const QUrl &)>;
    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }

    LogModel *logModel() const { return m_model; }
    LogFilterModel *filterModel() const { return m_filter; }
    quint64 missedLines() const { return m_missed; }

public slots:
    // Fetches what is new now (the timer calls it; tests too, instead of waiting).
    void poll();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateFile();
    void updateStatus();
    void openFile();
    void setPaused(bool paused);

    EngineHost *m_host;
    LogModel *m_model;
    LogFilterModel *m_filter;
    QComboBox *m_level;
    QLineEdit *m_search;
    QPushButton *m_pause;
    QCheckBox *m_follow;
    QPushButton *m_clear;
    QTableView *m_view;
    QLabel *m_status;
    ElidedLabel *m_path;
    QPushButton *m_open;
    QTimer *m_timer;
    QTimer *m_searchDelay;
    UrlOpener m_openUrl;
    quint64 m_lastSeq = 0;
    quint64 m_missed = 0;
    bool m_paused = false;
};

} // namespace kms::ui
