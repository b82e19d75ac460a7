// SPDX-License-Identifier: MIT
#include "ingestion/JobOptionsPanel.h"

#include "appsettings/AppSettings.h"
#include "config/EngineConfig.h"
#include "widgets/Format.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QThread>

namespace kms::ui {

JobOptionsPanel::JobOptionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_collection(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_workers(new QSpinBox(this))
    , m_batchSize(new QSpinBox(this))
    , m_priority(new QComboBox(this))
    , m_choice(new QLabel(this))
{
    m_collection->setObjectName(QStringLiteral("collectionCombo"));
    m_collection->setAccessibleName(tr("Collection"));
    m_collection->addItem(tr("Auto"), -1);
    m_collection->addItem(tr("Cases"), int(Collection::Cases));
    m_collection->addItem(tr("Knowledge"), int(Collection::Knowledge));
    m_collection->setToolTip(tr("Auto: a per-record type column decides, else the file's columns"));

    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_mode->setAccessibleName(tr("Mode"));
    m_mode->addItem(tr("Auto"), int(IngestMode::Auto));
    m_mode->addItem(tr("Async (small loads)"), int(IngestMode::Async));
    m_mode->addItem(tr("Hybrid (large loads)"), int(IngestMode::Hybrid));
    m_mode->addItem(tr("Distributed (workers via Redis)"), int(IngestMode::Distributed));

    m_workers->setObjectName(QStringLiteral("workersSpin"));
    m_workers->setAccessibleName(tr("Workers"));
    m_workers->setRange(0, 128);
    m_workers->setToolTip(tr("Worker threads; Auto uses one per core"));

    m_batchSize->setObjectName(QStringLiteral("batchSizeSpin"));
    m_batchSize->setAccessibleName(tr("Batch size"));
    // 0 is "Auto"; 1 to 49 are below the smallest batch and snap to it.
    m_batchSize->setRange(0, EngineConfig::kMaxBatchSize);
    m_batchSize->setSingleStep(50);
    m_batchSize->setToolTip(
        tr("Records per transaction, %1 to %2").arg(EngineConfig::kMinBatchSize).arg(EngineConfig::kMaxBatchSize));

    m_priority->setObjectName(QStringLiteral("priorityCombo"));
    m_priority->setAccessibleName(tr("Priority"));
    m_priority->addItem(tr("High"), int(JobPriority::High));
    m_priority->addItem(tr("Normal"), int(JobPriority::Normal));
    m_priority->addItem(tr("Low"), int(JobPriority::Low));
    m_priority->setCurrentIndex(1);
    m_priority->setToolTip(tr("Queued jobs run high first; a high-priority load overtakes a waiting sync"));

    m_choice->setObjectName(QStringLiteral("autoChoiceLabel"));
    m_choice->setTextFormat(Qt::PlainText);
    m_choice->setEnabled(false); // secondary text
    m_choice->setWordWrap(true);  // never the widget that makes the page wider than the window
    for (QComboBox *combo : {m_collection, m_mode, m_priority})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto add = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        layout->addWidget(l);
        layout->addWidget(w);
        layout->addSpacing(8);
    };
    add(tr("&Collection"), m_collection);
    add(tr("&Mode"), m_mode);
    add(tr("&Workers"), m_workers);
    add(tr("&Batch size"), m_batchSize);
    add(tr("&Priority"), m_priority);
    layout->addWidget(m_choice, 1);

    auto changed = [this] {
        updateAutomaticChoice();
        emit optionsChanged();
    };
    connect(m_collection, &QComboBox::currentIndexChanged, this, changed);
    connect(m_mode, &QComboBox::currentIndexChanged, this, changed);
    connect(m_priority, &QComboBox::currentIndexChanged, this, changed);
    connect(m_workers, &QSpinBox::valueChanged, this, changed);
    connect(m_batchSize, &QSpinBox::valueChanged, this, changed);
    connect(m_batchSize, &QSpinBox::editingFinished, this, [this] {
        if (m_batchSize->value() > 0 && m_batchSize->value() < EngineConfig::kMinBatchSize)
            m_batchSize->setValue(EngineConfig::kMinBatchSize);
    });
    // A new form starts from the presets in the settings (0: automatic).
    m_workers->setValue(AppSettings::instance().ingestWorkers());
    m_batchSize->setValue(std::min(AppSettings::instance().ingestBatchSize(), EngineConfig::kMaxBatchSize));
    updateAutomaticChoice();
}

std::optional<Collection> JobOptionsPanel::collection() const
{
    const int c = m_collection->currentData().toInt();
    return c < 0 ? std::nullopt : std::optional<Collection>(Collection(c));
}

IngestOptions JobOptionsPanel::options() const
{
    IngestOptions o;
    o.collection = collection();
    o.mode = IngestMode(m_mode->currentData().toInt());
    o.workers = m_workers->value();
    o.batchSize = m_batchSize->value() == 0 ? 0 : std::max(EngineConfig::kMinBatchSize, m_batchSize->value());
    o.priority = JobPriority(m_priority->currentData().toInt());
    return o;
}

void JobOptionsPanel::setEstimate(qint64 records, bool known)
{
    m_estimate = records;
    m_estimateKnown = known;
    updateAutomaticChoice();
}

void JobOptionsPanel::setAutoCollectionText(const QString &what)
{
    m_collection->setItemText(0, what.isEmpty() ? tr("Auto") : tr("Auto (%1)").arg(what));
}

void JobOptionsPanel::setExpensiveEmbedder(bool expensive)
{
    if (expensive == m_expensiveEmbedder)
        return;
    m_expensiveEmbedder = expensive;
    updateAutomaticChoice();
}

void JobOptionsPanel::updateAutomaticChoice()
{
    // The same pure function the pipeline calls, over the estimate the preview computed in the
    // background: what is shown is what the job will do.
    const IngestOptions o = options();
    const int cores = QThread::idealThreadCount();
    m_tuning = chooseTuning(o.mode, m_estimate, cores, m_expensiveEmbedder, o.workers, o.batchSize);
    const Tuning automatic = chooseTuning(o.mode, m_estimate, cores, m_expensiveEmbedder, 0, 0);
    m_workers->setSpecialValueText(tr("Auto (%1)").arg(automatic.workers));
    m_batchSize->setSpecialValueText(tr("Auto (%1)").arg(automatic.batchSize));
    if (!m_estimateKnown) {
        m_choice->setText(tr("Automatic choice: shown once the files are read"));
        return;
    }
    const QString choice = tr("~%1 records → %2, %3 workers, batch %4")
                               .arg(format::count(m_estimate), ingestModeName(m_tuning.mode))
                               .arg(m_tuning.workers).arg(m_tuning.batchSize);
    const bool automaticOnly = o.mode == IngestMode::Auto && o.workers == 0 && o.batchSize == 0;
    m_choice->setText(automaticOnly ? tr("Automatic choice: %1").arg(choice) : tr("This job: %1").arg(choice));
}

} // namespace kms::ui
