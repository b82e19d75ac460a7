// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTimer;

namespace kms::ui {

class ApiService;
class AppSettings;
class EngineHost;
class RequestTableModel;
class TokenPanel;

// The "api" page: the REST API served by this app (on or off, address and port), its bearer
// tokens, and the requests it answered lately. The server itself is the host's ApiService, which
// outlives this page; the page polls its recent requests four times a second while it runs.
class ApiPage : public QWidget
{
    Q_OBJECT
public:
    ApiPage(EngineHost *host, AppSettings *settings, QWidget *parent = nullptr);

    ApiService *service() const { return m_service; }
    TokenPanel *tokens() const { return m_tokens; }
    RequestTableModel *requests() const { return m_requests; }

private:
    void toggle(bool on);
    void showState();
    void pollRequests();

    EngineHost *m_host;
    AppSettings *m_settings;
    ApiService *m_service;
    QCheckBox *m_enabled;
    QLineEdit *m_address;
    QSpinBox *m_port;
    QLabel *m_status;
    QLabel *m_warning;
    TokenPanel *m_tokens;
    RequestTableModel *m_requests;
    QTableView *m_requestView;
    QTimer *m_poll;
    int m_generation = -1; // of the server the rows came from
    qint64 m_lastSeq = 0;
    QElapsedTimer m_tokensReloaded; // when request entries last made the token list reload
};

} // namespace kms::ui
