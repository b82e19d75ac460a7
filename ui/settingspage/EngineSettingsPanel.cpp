// SPDX-License-Identifier: MIT
#include "settingspage/EngineSettingsPanel.h"

#include "engine/Engine.h"
#include "host/EngineHost.h"
#include "settingspage/EmbedderForm.h"
#include "settingspage/EngineKeyText.h"
#include "settingspage/WorkersForm.h"
#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kms::ui {

namespace {

struct EngineSnapshot {
    EngineConfig config;
    EmbedderInfo embedder;
    qint64 records = 0;
    qint64 backlog = 0;
};

// Empties a form, deleting its labels and value labels but keeping the spin boxes, which the
// panel owns and places again.
void clearForm(QFormLayout *form, const QHash<QString, QSpinBox *> &keep)
{
    QSet<QWidget *> kept;
    for (QSpinBox *s : keep)
        kept.insert(s);
    while (form->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = form->takeRow(0);
        for (QLayoutItem *item : {row.labelItem, row.fieldItem}) {
            if (!item)
                continue;
            if (QWidget *w = item->widget(); w && !kept.contains(w))
                delete w;
            delete item;
        }
    }
}

} // namespace

EngineSettingsPanel::EngineSettingsPanel(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
{
    confirm = [](QWidget *p, const QString &title, const QString &text) {
        return QMessageBox::question(p, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               == QMessageBox::Yes;
    };
    build();
    connect(host, &EngineHost::opened, this, [this](bool ok) {
        if (ok)
            reload();
    });
    if (host->isOpen())
        reload();
    if (ConfigApplyTask *task = ConfigApplyTask::running(host))
        attach(task); // started by this page before it was rebuilt
}

QSpinBox *EngineSettingsPanel::makeSpin(const EngineConfig::KeyInfo &key)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(QStringLiteral("engine_") + key.name);
    spin->setRange(key.min, key.max);
    spin->setKeyboardTracking(false);
    spin->setGroupSeparatorShown(true);
    spin->setAccessibleName(EngineKeyText::label(key.name));
    spin->setToolTip(EngineKeyText::help(key.name));
    spin->setAccessibleDescription(EngineKeyText::help(key.name));
    if (key.min == 0 && !EngineKeyText::specialValueText(key.name).isEmpty())
        spin->setSpecialValueText(EngineKeyText::specialValueText(key.name));
    spin->setSuffix(EngineKeyText::suffix(key.name));
    spin->setMinimumWidth(180);
    return spin;
}

void EngineSettingsPanel::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_state = new QLabel(tr("The engine's settings appear once the data directory is open."), this);
    m_state->setObjectName(QStringLiteral("engineState"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    for (const EngineConfig::KeyInfo &key : EngineConfig::keys()) {
        m_spins.insert(key.name, makeSpin(key));
        m_keyOrder.append(key.name);
    }

    m_embedderGroup = new QGroupBox(tr("Embedder"), this);
    m_embedderGroup->setObjectName(QStringLiteral("embedderGroup"));
    auto *embedderLayout = new QVBoxLayout(m_embedderGroup);
    m_embedderForm = new EmbedderForm(m_host, m_spins.value(QStringLiteral("embeddingDimension")), m_embedderGroup);
    m_embedderForm->setObjectName(QStringLiteral("embedderForm"));
    embedderLayout->addWidget(m_embedderForm);
    layout->addWidget(m_embedderGroup);
    connect(m_embedderForm, &EmbedderForm::trainRequested, this, &EngineSettingsPanel::trainLsa);
    connect(m_embedderForm, &EmbedderForm::reembedRequested, this, &EngineSettingsPanel::reembedNow);
    connect(m_embedderForm, &EmbedderForm::providerShown, this, &EngineSettingsPanel::focusChainChanged);
    m_hnswGroup = new QGroupBox(tr("Vector index (HNSW)"), this);
    m_hnswGroup->setObjectName(QStringLiteral("hnswGroup"));
    new QFormLayout(m_hnswGroup);
    layout->addWidget(m_hnswGroup);
    m_engineGroup = new QGroupBox(tr("Engine"), this);
    m_engineGroup->setObjectName(QStringLiteral("engineGroup"));
    new QFormLayout(m_engineGroup);
    layout->addWidget(m_engineGroup);
    m_workersGroup = new QGroupBox(tr("Embedding workers"), this);
    m_workersGroup->setObjectName(QStringLiteral("workersGroup"));
    auto *workersLayout = new QVBoxLayout(m_workersGroup);
    m_workersForm = new WorkersForm(m_host, m_workersGroup);
    workersLayout->addWidget(m_workersForm);
    layout->addWidget(m_workersGroup);

    auto *buttons = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("engineMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(m_message, 1);
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("engineRevert"));
    m_revert->setAccessibleName(tr("Revert the engine settings to the values in use"));
    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setObjectName(QStringLiteral("engineApply"));
    m_apply->setAccessibleName(tr("Apply the engine settings"));
    buttons->addWidget(m_revert, 0, Qt::AlignTop);
    buttons->addWidget(m_apply, 0, Qt::AlignTop);
    layout->addLayout(buttons);

    m_progressRow = new QWidget(this);
    m_progressRow->setObjectName(QStringLiteral("engineProgressRow"));
    auto *progress = new QHBoxLayout(m_progressRow);
    progress->setContentsMargins(0, 0, 0, 0);
    m_progressLabel = new QLabel(m_progressRow);
    m_progressLabel->setObjectName(QStringLiteral("engineProgressLabel"));
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setObjectName(QStringLiteral("engineProgress"));
    m_progress->setAccessibleName(tr("Progress of the engine change"));
    m_cancel = new QPushButton(tr("Cancel"), m_progressRow);
    m_cancel->setObjectName(QStringLiteral("engineCancel"));
    m_cancel->setAccessibleName(tr("Cancel the engine change"));
    progress->addWidget(m_progressLabel);
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_cancel);
    m_progressRow->hide();
    layout->addWidget(m_progressRow);

    connect(m_apply, &QPushButton::clicked, this, &EngineSettingsPanel::apply);
    connect(m_revert, &QPushButton::clicked, this, &EngineSettingsPanel::revert);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (ConfigApplyTask *task = m_task.data()) {
            task->cancel();
            m_cancel->setEnabled(false);
            m_progressLabel->setText(tr("Cancelling …"));
        }
    });
    for (QGroupBox *g : {m_embedderGroup, m_hnswGroup, m_engineGroup, m_workersGroup})
        g->setEnabled(false);
    m_apply->setEnabled(false);
    m_revert->setEnabled(false);
}

void EngineSettingsPanel::reload()
{
    m_host->run(this, [](Engine &e) {
        return EngineSnapshot{e.config(), e.embedderInfo(), e.counts().total(), e.vectorBacklog()};
    }, [this, generation = m_generation](const EngineSnapshot &s) {
        // A change that finished meanwhile brought newer values than this snapshot.
        if (generation == m_generation)
            display(s.config, s.embedder, s.records, s.backlog);
    });
}

void EngineSettingsPanel::display(const EngineConfig &config, const EmbedderInfo &embedder, qint64 records,
                                  qint64 backlog)
{
    m_current = config;
    m_records = records;
    for (auto it = m_spins.cbegin(); it != m_spins.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setValue(config.value(it.key()));
    }
    m_embedderForm->display(config, embedder, backlog);
    m_workersForm->display(config.redisUrl);
    rebuildRows();
    m_loaded = true;
    m_state->setText(tr("%1 records. efSearch, the cache and the job values apply at once; HNSW and embedder "
                        "changes are rebuilt in the background once you confirm.").arg(format::count(records)));
    setBusy(m_task != nullptr);
    emit focusChainChanged();
    emit loaded();
}

void EngineSettingsPanel::rebuildRows()
{
    auto *hnswForm = static_cast<QFormLayout *>(m_hnswGroup->layout());
    auto *engineForm = static_cast<QFormLayout *>(m_engineGroup->layout());
    for (QFormLayout *form : {hnswForm, engineForm})
        clearForm(form, m_spins);
    for (const QString &key : std::as_const(m_keyOrder)) {
        if (key == u"embeddingDimension")
            continue; // the built-in embedder's field, in the embedder form
        QFormLayout *form = key.startsWith(QStringLiteral("hnsw")) ? hnswForm : engineForm;
        QSpinBox *field = m_spins.value(key);
        auto *label = new QLabel(EngineKeyText::label(key), form->parentWidget());
        label->setObjectName(QStringLiteral("label_") + key);
        label->setBuddy(field);
        form->addRow(label, field);
        field->show();
    }
}

EngineConfig EngineSettingsPanel::shownConfig() const
{
    EngineConfig c = m_current;
    for (auto it = m_spins.cbegin(); it != m_spins.cend(); ++it)
        c.setValue(it.key(), it.value()->value());
    m_embedderForm->fill(&c);
    m_workersForm->fill(&c);
    return c;
}

void EngineSettingsPanel::revert()
{
    for (auto it = m_spins.cbegin(); it != m_spins.cend(); ++it)
        it.value()->setValue(m_current.value(it.key()));
    reload(); // the embedder form, from the engine
    showMessage(QString(), false);
}

void EngineSettingsPanel::apply()
{
    if (!m_loaded || m_task)
        return;
    const EngineConfig next = shownConfig();
    if (const QString bad = next.invalidKey(); !bad.isEmpty()) {
        if (QSpinBox *spin = m_spins.value(bad)) {
            showMessage(EngineKeyText::invalidMessage(next, bad), true);
            spin->setFocus();
        } else {
            // The embedder's own fields and the Redis URL: the engine's message names the field
            // and the problem.
            QString why;
            next.validate(&why);
            showMessage(tr("Not applied: %1").arg(why), true);
            if (bad == u"redisUrl")
                m_workersForm->urlField()->setFocus();
            else
                m_embedderForm->focusField(bad);
        }
        return;
    }
    const ConfigChange change = configChange(m_current, next);
    if (change == ConfigChange::None) {
        showMessage(tr("Nothing to apply: the engine already uses these values."), false);
        return;
    }
    const QString records = format::count(m_records);
    if (change == ConfigChange::RebuildIndex
        && !confirm(this, tr("Rebuild the vector index?"),
                    tr("HNSW M and efConstruction are built into the vector index, so it is rebuilt from the "
                       "stored vectors of %1 records.\n\nSearches keep using the current index until the new "
                       "one replaces it. Queued ingestion jobs wait. You can cancel at any time.")
                        .arg(records))) {
        showMessage(tr("Not applied."), false);
        return;
    }
    if (change == ConfigChange::Reembed) {
        confirmReembed(next, tr("Re-embed all records?"),
                       tr("A new embedder or new embedder parameters change every vector: all %1 records are "
                          "embedded again and the vector index is rebuilt.").arg(records),
                       [this, next] {
            if (ConfigApplyTask *task = ConfigApplyTask::start(m_host, next, ConfigChange::Reembed))
                attach(task);
            else
                showMessage(tr("Another change is being applied; try again when it has finished."), true);
        });
        return;
    }
    ConfigApplyTask *task = ConfigApplyTask::start(m_host, next, change);
    if (!task) {
        showMessage(tr("Another change is being applied; try again when it has finished."), true);
        return;
    }
    showMessage(QString(), false);
    attach(task);
}

void EngineSettingsPanel::confirmReembed(const EngineConfig &next, const QString &title, const QString &intro,
                                         std::function<void()> go)
{
    m_apply->setEnabled(false);
    showMessage(tr("Counting what a re-embed takes …"), false);
    m_host->run(this, [next](Engine &e) { return e.embeddingEstimate(next); },
                [this, next, title, intro, go = std::move(go)](const EmbeddingEstimate &estimate) {
        setBusy(m_task != nullptr);
        QString text = intro;
        if (next.embedderProvider == u"openai") {
            text += QStringLiteral("\n\n")
                    + tr("The server is sent about %1 tokens (%2 characters of %3 records).")
                          .arg(format::count(estimate.estimatedTokens), format::count(estimate.characters),
                               format::count(estimate.records));
            if (estimate.pricePerMillionTokens > 0)
                text += QLatin1Char(' ')
                        + tr("At %1 per 1M tokens that costs about %2.")
                              .arg(QLocale().toString(estimate.pricePerMillionTokens, 'f', 4),
                                   QLocale().toString(estimate.estimatedCost, 'f', 2));
            else
                text += QLatin1Char(' ') + tr("No price is set, so no cost is estimated.");
        }
        text += QStringLiteral("\n\n")
                + tr("The current vectors stay in use until the new set is complete, and cancelling keeps them. "
                     "Queued ingestion jobs wait.");
        if (!confirm(this, title, text)) {
            showMessage(tr("Not applied."), false);
            return;
        }
        showMessage(QString(), false);
        go();
    });
}

void EngineSettingsPanel::trainLsa(int rank)
{
    if (!m_loaded || m_task)
        return;
    EngineConfig next = m_current;
    next.embedderProvider = QStringLiteral("lsa");
    confirmReembed(next, tr("Train an LSA model?"),
                   tr("An LSA model of %1 dimensions is learned from the %2 stored records, then every record is "
                      "embedded with it and the vector index is rebuilt.")
                       .arg(QLocale().toString(rank), format::count(m_records)),
                   [this, rank] {
        if (ConfigApplyTask *task = ConfigApplyTask::startTraining(m_host, rank))
            attach(task);
        else
            showMessage(tr("Another change is being applied; try again when it has finished."), true);
    });
}

void EngineSettingsPanel::reembedNow()
{
    if (!m_loaded || m_task)
        return;
    confirmReembed(m_current, tr("Re-embed all records?"),
                   tr("All %1 records are embedded again with the embedder in use (for a server or model whose "
                      "model changed behind the same settings), and the vector index is rebuilt.")
                       .arg(format::count(m_records)),
                   [this] {
        if (ConfigApplyTask *task = ConfigApplyTask::startReembed(m_host))
            attach(task);
        else
            showMessage(tr("Another change is being applied; try again when it has finished."), true);
    });
}

void EngineSettingsPanel::attach(ConfigApplyTask *task)
{
    m_task = task;
    switch (task->work() == ConfigApplyTask::Work::TrainLsa ? ConfigChange::None : task->change()) {
    case ConfigChange::None: m_progressLabel->setText(tr("Training an LSA model …")); break;
    case ConfigChange::RebuildIndex: m_progressLabel->setText(tr("Rebuilding the vector index …")); break;
    case ConfigChange::Reembed: m_progressLabel->setText(tr("Re-embedding all records …")); break;
    default: m_progressLabel->setText(tr("Applying …")); break;
    }
    m_progress->setRange(0, 0); // busy until the first report
    m_cancel->setEnabled(!task->isCancelling());
    setBusy(true);
    connect(task, &ConfigApplyTask::progressed, this, &EngineSettingsPanel::onProgress);
    connect(task, &ConfigApplyTask::finished, this, &EngineSettingsPanel::onFinished);
    if (task->total() > 0)
        onProgress(task->done(), task->total());
}

void EngineSettingsPanel::onProgress(qint64 done, qint64 total)
{
    const ConfigApplyTask *task = m_task.data();
    if (!task || total <= 0)
        return;
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(std::min<qint64>(done, total) * 1000 / total));
    if (task->isCancelling())
        return;
    const QString d = format::count(done), t = format::count(total);
    if (task->work() == ConfigApplyTask::Work::TrainLsa) {
        m_progressLabel->setText(tr("Training LSA, %1: %2 of %3").arg(task->stage(), d, t));
        return;
    }
    m_progressLabel->setText(task->change() == ConfigChange::Reembed
                                 ? tr("Re-embedding: %1 of %2 records").arg(d, t)
                                 : tr("Rebuilding the vector index: %1 of %2 vectors").arg(d, t));
}

void EngineSettingsPanel::onFinished(const ConfigApplyTask::Outcome &o)
{
    ConfigChange change = ConfigChange::Immediate;
    ConfigApplyTask::Work work = ConfigApplyTask::Work::Apply;
    if (const ConfigApplyTask *task = m_task.data()) {
        change = task->change();
        work = task->work();
    }
    m_task = nullptr;
    ++m_generation;
    display(o.config, o.embedder, o.records, 0);
    reload(); // the backlog and the usage, which the outcome does not carry
    switch (o.result) {
    case ConfigApplyTask::Result::Applied:
        showMessage(work == ConfigApplyTask::Work::TrainLsa
                        ? tr("The LSA model was trained; every record was re-embedded with it and it is in use.")
                    : change == ConfigChange::Reembed ? tr("All records were re-embedded; the new vectors and index are in use.")
                    : change == ConfigChange::RebuildIndex ? tr("The vector index was rebuilt with the new parameters.")
                                                           : tr("Applied."),
                    false);
        break;
    case ConfigApplyTask::Result::Cancelled:
        showMessage(tr("Cancelled. The engine keeps its vectors and index; values that apply at once were applied."),
                    false);
        break;
    case ConfigApplyTask::Result::JobRunning:
        showMessage(tr("An ingestion job is running. Apply this change when it has finished."), true);
        break;
    case ConfigApplyTask::Result::Failed:
        showMessage(tr("Not applied: %1").arg(o.error.isEmpty() ? tr("the engine reported an error") : o.error), true);
        break;
    }
    emit applyFinished(o.ok);
}

void EngineSettingsPanel::setBusy(bool busy)
{
    for (QGroupBox *g : {m_embedderGroup, m_hnswGroup, m_engineGroup, m_workersGroup})
        g->setEnabled(m_loaded && !busy);
    m_apply->setEnabled(m_loaded && !busy);
    m_revert->setEnabled(m_loaded && !busy);
    m_progressRow->setVisible(busy);
}

void EngineSettingsPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    statusstyle::setTone(m_message, error ? statusstyle::Tone::Error : statusstyle::Tone::Neutral, error);
}

QList<QWidget *> EngineSettingsPanel::focusChain() const
{
    // The order the rows show: embedder, HNSW, engine.
    QList<QWidget *> chain = m_embedderForm->focusChain();
    for (QGroupBox *g : {m_hnswGroup, m_engineGroup}) {
        auto *form = static_cast<QFormLayout *>(g->layout());
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::FieldRole); item && item->widget()
                && item->widget()->focusPolicy() != Qt::NoFocus)
                chain.append(item->widget());
        }
    }
    chain << m_workersForm->urlField() << m_revert << m_apply << m_cancel;
    return chain;
}

} // namespace kms::ui
