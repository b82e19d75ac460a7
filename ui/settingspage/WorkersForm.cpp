// SPDX-License-Identifier: MIT
#include "settingspage/WorkersForm.h"

#include "engine/Engine.h"
#include "host/EngineHost.h"
#include "widgets/StatusStyle.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>

namespace kms::ui {

namespace {

struct Registered {
    bool configured = false;
    bool reachable = false;
    int matching = 0;   // workers whose embedder is the store's
    int others = 0;
    QString error;
};

QString masked(const QString &url)
{
    QUrl u(url);
    if (u.password().isEmpty())
        return url;
    u.setPassword(QStringLiteral("****"));
    return u.toString();
}

} // namespace

WorkersForm::WorkersForm(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("engine_redisUrl"));
    m_url->setPlaceholderText(tr("redis://host:6379 — empty: no workers"));
    m_url->setClearButtonEnabled(true);
    m_url->setAccessibleName(tr("Redis URL of the embedding workers"));
    const QString help = tr("Workers started with kmsctl worker --redis URL on other machines embed this store's "
                            "records in distributed ingestion jobs. Give the password in KMS_REDIS_PASSWORD or in "
                            "a file readable by you only, named by KMS_REDIS_PASSWORD_FILE, rather than in the URL.");
    m_url->setToolTip(help);
    m_url->setAccessibleDescription(help);
    auto *label = new QLabel(tr("Redis URL"), this);
    label->setObjectName(QStringLiteral("label_redisUrl"));
    label->setBuddy(m_url);
    form->addRow(label, m_url);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("workersState"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_state);
}

void WorkersForm::display(const QString &redisUrl)
{
    m_shownUrl = redisUrl;
    m_url->setText(masked(redisUrl));
    refresh();
}

void WorkersForm::fill(EngineConfig *config) const
{
    const QString text = m_url->text().trimmed();
    // Unedited: the configured URL, with the password the field does not show.
    config->redisUrl = text == masked(m_shownUrl) ? m_shownUrl : text;
}

void WorkersForm::refresh()
{
    const int query = ++m_query;
    if (m_shownUrl.isEmpty()) {
        m_state->setText(tr("Off: ingestion embeds every record on this machine."));
        statusstyle::setTone(m_state, statusstyle::Tone::Neutral, false);
        return;
    }
    m_state->setText(tr("Asking Redis for its workers …"));
    statusstyle::setTone(m_state, statusstyle::Tone::Neutral, false);
    // Connecting can take the connect timeout: never on the GUI thread.
    m_host->run(this, [](Engine &e) {
        Registered r;
        r.configured = !e.config().redisUrl.isEmpty();
        if (!r.configured)
            return r;
        const auto workers = e.distributedWorkers(&r.error);
        r.reachable = workers.has_value();
        const QString mine = e.embedderInfo().id;
        for (const WorkerInfo &w : workers.value_or(QList<WorkerInfo>{}))
            ++(w.embedderId == mine ? r.matching : r.others);
        return r;
    }, [this, query](const Registered &r) {
        if (query != m_query)
            return;
        if (!r.reachable) {
            m_state->setText(tr("Redis cannot be reached: %1. Ingestion embeds here until it can.").arg(r.error));
            statusstyle::setTone(m_state, statusstyle::Tone::Error, true);
            return;
        }
        QString text = r.matching == 0 ? tr("Redis answers; no worker with this store's embedder is registered.")
                                       : tr("%n worker(s) with this store's embedder registered.", nullptr, r.matching);
        if (r.others > 0)
            text += QLatin1Char(' ') + tr("%n more with another embedder (they refuse this store's batches).", nullptr, r.others);
        m_state->setText(text);
        statusstyle::setTone(m_state, r.matching > 0 ? statusstyle::Tone::Ok : statusstyle::Tone::Neutral, false);
    });
}

} // namespace kms::ui
