// SPDX-License-Identifier: MIT
#pragma once

#include "model/ApiToken.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace kms::ui {

class EngineHost;

// The API page's tokens: those in force and the revoked ones (name, scope, created, last used,
// state, never a token), a form to create one and a revoke button. A new token is shown once,
// with a copy button: only its hash is stored. Every engine call runs through the host, off the
// GUI thread.
class TokenPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TokenPanel(EngineHost *host, QWidget *parent = nullptr);

    // Seam for tests: asks a yes/no question (default: QMessageBox::question).
    std::function<bool(QWidget *parent, const QString &title, const QString &text)> confirm;

    void reload();
    QString shownSecret() const; // the token just created, while it is shown; else empty

signals:
    void tokensChanged(); // after a reload: rows are there
    void tokenCreated(const QString &name);

private:
    void create();
    void revokeSelected();
    void showTokens(const QList<ApiToken> &tokens);
    void showMessage(const QString &text, bool error);
    void updateButtons();

    EngineHost *m_host;
    QStandardItemModel *m_model;
    QTableView *m_view;
    QLineEdit *m_name;
    QComboBox *m_scope;
    QPushButton *m_create;
    QPushButton *m_revoke;
    QWidget *m_secretBox;
    QLabel *m_secretLabel;
    QLineEdit *m_secret;
    QPushButton *m_copy;
    QLabel *m_message;
};

} // namespace kms::ui
