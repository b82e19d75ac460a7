// SPDX-License-Identifier: MIT
#include "apipage/TokenPanel.h"

#include "host/EngineHost.h"
#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace kms::ui {

namespace {
enum Column { Name, Scope, Created, LastUsed, State, ColumnCount };
}

TokenPanel::TokenPanel(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_view(new QTableView(this))
    , m_name(new QLineEdit(this))
    , m_scope(new QComboBox(this))
    , m_create(new QPushButton(tr("Create token"), this))
    , m_revoke(new QPushButton(tr("Revoke"), this))
    , m_secretBox(new QWidget(this))
    , m_secretLabel(new QLabel(m_secretBox))
    , m_secret(new QLineEdit(m_secretBox))
    , m_copy(new QPushButton(tr("Copy"), m_secretBox))
    , m_message(new QLabel(this))
{
    confirm = [](QWidget *over, const QString &title, const QString &text) {
        return QMessageBox::question(over, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               == QMessageBox::Yes;
    };
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Scope"), tr("Created"), tr("Last used"), tr("State")});
    m_view->setObjectName(QStringLiteral("tokenTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setMinimumHeight(120);

    m_name->setObjectName(QStringLiteral("tokenName"));
    m_name->setPlaceholderText(tr("Who holds it, e.g. helpdesk-sync"));
    m_name->setAccessibleName(tr("New token name"));
    // The engine's rule for names, so a wrong character cannot even be typed.
    m_name->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9._-]{0,64}")), m_name));
    m_scope->setObjectName(QStringLiteral("tokenScope"));
    m_scope->setAccessibleName(tr("New token scope"));
    m_scope->addItem(tr("read: search, read records and jobs, health, metrics"), int(ApiTokenScope::Read));
    m_scope->addItem(tr("write: also change records, ingest, cancel jobs"), int(ApiTokenScope::Write));
    m_create->setObjectName(QStringLiteral("createToken"));
    m_revoke->setObjectName(QStringLiteral("revokeToken"));

    m_secretBox->setObjectName(QStringLiteral("secretBox"));
    m_secret->setObjectName(QStringLiteral("tokenSecret"));
    m_secret->setReadOnly(true);
    m_secret->setAccessibleName(tr("The new token"));
    m_copy->setObjectName(QStringLiteral("copySecret"));
    auto *hide = new QPushButton(tr("Done"), m_secretBox);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_copy);
    secretRow->addWidget(hide);
    auto *secretLayout = new QVBoxLayout(m_secretBox);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    m_secretLabel->setWordWrap(true);
    secretLayout->addWidget(m_secretLabel);
    secretLayout->addLayout(secretRow);
    m_secretBox->hide();

    m_message->setObjectName(QStringLiteral("tokenMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("New token:"), this));
    form->addWidget(m_name, 1);
    form->addWidget(m_scope);
    form->addWidget(m_create);
    form->addStretch();
    form->addWidget(m_revoke);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(form);
    layout->addWidget(m_secretBox);
    layout->addWidget(m_message);

    connect(m_create, &QPushButton::clicked, this, &TokenPanel::create);
    connect(m_name, &QLineEdit::returnPressed, this, &TokenPanel::create);
    connect(m_name, &QLineEdit::textChanged, this, &TokenPanel::updateButtons);
    connect(m_revoke, &QPushButton::clicked, this, &TokenPanel::revokeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TokenPanel::updateButtons);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_secret->text());
        m_copy->setText(tr("Copied"));
    });
    connect(hide, &QPushButton::clicked, this, [this] {
        m_secret->clear(); // gone from this window once the user is done with it
        m_secretBox->hide();
    });
    connect(host, &EngineHost::opened, this, [this](bool ok) {
        if (ok)
            reload();
    });
    if (host->isOpen())
        reload();
    updateButtons();
}

QString TokenPanel::shownSecret() const
{
    return m_secret->text(); // cleared by "Done"
}

void TokenPanel::reload()
{
    m_host->run(this, [](Engine &e) { return e.apiTokens(); },
                [this](const QList<ApiToken> &tokens) { showTokens(tokens); });
}

void TokenPanel::showTokens(const QList<ApiToken> &tokens)
{
    const QString selected = m_view->currentIndex().isValid()
                                 ? m_model->item(m_view->currentIndex().row(), Name)->text() : QString();
    m_model->removeRows(0, m_model->rowCount());
    for (const ApiToken &t : tokens) {
        QList<QStandardItem *> row;
        row << new QStandardItem(t.name) << new QStandardItem(apiTokenScopeName(t.scope))
            << new QStandardItem(format::dateTime(t.createdAt))
            << new QStandardItem(t.lastUsedAt.isValid() ? format::dateTime(t.lastUsedAt) : tr("never"))
            << new QStandardItem(t.revoked() ? tr("revoked %1").arg(format::dateTime(t.revokedAt)) : tr("in force"));
        row[Name]->setData(t.revoked(), Qt::UserRole);
        if (t.revoked())
            for (QStandardItem *item : row)
                item->setForeground(statusstyle::textColor(statusstyle::Tone::Neutral, palette()).lighter(150));
        m_model->appendRow(row);
        if (t.name == selected && !t.revoked())
            m_view->selectRow(m_model->rowCount() - 1);
    }
    m_view->resizeColumnsToContents();
    updateButtons();
    emit tokensChanged();
}

void TokenPanel::create()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        showMessage(tr("Give the token a name first: who will hold it (letters, digits, '.', '_' or '-')."), true);
        return;
    }
    const auto scope = ApiTokenScope(m_scope->currentData().toInt());
    m_create->setEnabled(false);
    struct Outcome {
        std::optional<ApiTokenCreated> created;
        QString error;
    };
    m_host->run(
        this,
        [name, scope](Engine &e) {
            Outcome o;
            o.created = e.createApiToken(name, scope, &o.error);
            return o;
        },
        [this](const Outcome &o) {
            updateButtons();
            if (!o.created) {
                showMessage(tr("The token was not created: %1").arg(o.error), true);
                return;
            }
            m_message->hide();
            m_name->clear();
            m_secretLabel->setText(tr("Token “%1” (%2). Copy it now: only its hash is stored, so it cannot be shown "
                                      "again. Send it as the header  Authorization: Bearer <token>.")
                                       .arg(o.created->token.name, apiTokenScopeName(o.created->token.scope)));
            m_secret->setText(o.created->secret);
            m_copy->setText(tr("Copy"));
            m_secretBox->show();
            m_secret->selectAll();
            emit tokenCreated(o.created->token.name);
            reload();
        },
        [this](const QString &error) {
            updateButtons();
            showMessage(tr("The token was not created: %1").arg(error), true);
        });
}

void TokenPanel::revokeSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QString name = m_model->item(current.row(), Name)->text();
    if (!confirm(this, tr("Revoke token"),
                 tr("Revoke the token “%1”? Requests with it are refused from now on; this cannot be undone.").arg(name)))
        return;
    struct Outcome {
        bool ok = false;
        QString error;
    };
    m_host->run(
        this,
        [name](Engine &e) {
            Outcome o;
            o.ok = e.revokeApiToken(name, &o.error);
            return o;
        },
        [this, name](const Outcome &o) {
            if (o.ok)
                showMessage(tr("Token “%1” revoked.").arg(name), false);
            else
                showMessage(tr("The token was not revoked: %1").arg(o.error), true);
            reload();
        });
}

void TokenPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    statusstyle::setTone(m_message, error ? statusstyle::Tone::Error : statusstyle::Tone::Ok);
    m_message->show();
}

void TokenPanel::updateButtons()
{
    m_create->setEnabled(m_host->isOpen() && !m_name->text().trimmed().isEmpty());
    const QModelIndex current = m_view->currentIndex();
    const bool revocable = current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), {})
                           && !m_model->item(current.row(), Name)->data(Qt::UserRole).toBool();
    m_revoke->setEnabled(m_host->isOpen() && revocable);
}

} // namespace kms::ui
